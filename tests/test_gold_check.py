"""`hnx gold check` catches bad gold files, with a message naming the problem."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.evaluation.check import check_file

FIX = Path(__file__).parent / "fixtures" / "eval"
GOOD = json.loads((FIX / "notice.txt.gold.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, gold: dict) -> Path:
    shutil.copy(FIX / "notice.txt", tmp_path / "notice.txt")
    path = tmp_path / "notice.txt.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def _mention(i: int, **change) -> dict:
    gold = json.loads(json.dumps(GOOD))
    gold["mentions"][i].update(change)
    return gold


def _swap_first_two() -> dict:
    gold = json.loads(json.dumps(GOOD))
    gold["mentions"][0], gold["mentions"][1] = gold["mentions"][1], gold["mentions"][0]
    return gold


def test_fixture_is_valid():
    res = check_file(FIX / "notice.txt.gold.json")
    assert res.errors == [] and res.warnings == []


BAD = [
    ("text-not-in-article", _mention(1, text="2025年度"), "does not occur in the article"),
    ("whitespace-in-text", _mention(5, text="2023年 12月25日"), "whitespace"),
    ("out-of-order", _swap_first_two(), "out of document order"),
    ("date-not-iso", _mention(1, value="2024年"), "not an ISO date"),
    ("date-bad-month", _mention(5, value="2023-13-25"), "not an ISO date"),
    ("date-bad-mod", _mention(1, mod="LATE"), "mod 'LATE'"),
    ("percent-not-fraction", _mention(6, value=70), "a percentage is a fraction"),
    ("percent-bad-unit", _mention(7, unit="percent"), "unit 'percent'"),
    ("money-no-currency", _mention(4, currency=None), "without currency"),
    ("money-value-string", _mention(4, value="20"), "not a number"),
    ("institution-bad-kind", _mention(0, kind="bureau"), "kind 'bureau'"),
    ("field-of-other-type", _mention(1, currency="CNY"), "does not apply to a date"),
    ("unknown-field", _mention(1, vaule="2024"), "Extra inputs are not permitted"),
    ("bad-type", _mention(1, type="time"), "schema: mentions.1.type"),
    ("bad-published", {**GOOD, "meta": {**GOOD["meta"], "published": "2023/11/20"}}, "meta.published"),
    ("due-is-range", {**GOOD, "deadlines": [{**GOOD["deadlines"][0], "due": "2023-12-01/2023-12-25"}]}, "due"),
    ("action-not-in-article", {**GOOD, "deadlines": [{**GOOD["deadlines"][0], "action": "提交申请"}]}, "action"),
    ("step-not-in-article", {**GOOD, "procedures": [{**GOOD["procedures"][0], "steps": ["扫码登记"]}]}, "steps[0]"),
    ("must-contain-absent", {**GOOD, "must_contain": ["不存在的句子"]}, "must_contain[0]"),
    ("missing-article", {**GOOD, "file": "other.txt"}, "article file not found"),
]


@pytest.mark.parametrize("gold,expected", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_gold_is_caught(tmp_path, gold, expected):
    res = check_file(_write(tmp_path, gold))
    assert not res.ok
    assert any(expected in e for e in res.errors), res.errors


def test_not_json(tmp_path):
    path = tmp_path / "x.txt.gold.json"
    path.write_text("{\"file\": ", encoding="utf-8")
    assert any("not JSON" in e for e in check_file(path).errors)


def test_cli_exit_codes(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["gold", "check", str(FIX)])
    assert ok.exit_code == 0, ok.output
    bad = _write(tmp_path, _mention(1, value="2024年"))
    res = runner.invoke(app, ["gold", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{bad}: error: mentions[1] (date '2024年度'): value '2024年'" in res.output
