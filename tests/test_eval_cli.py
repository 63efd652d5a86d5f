"""`hnx eval` end to end on the hand-made fixture: console table, --json, --html
(self-contained, article text escaped)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.schema import Document, Mention

FIX = Path(__file__).parent / "fixtures" / "eval"
runner = CliRunner()


def test_eval_with_predictions(tmp_path):
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    res = runner.invoke(app, ["eval", str(FIX), "--pred", str(FIX / "pred.jsonl"),
                              "--json", str(out_json), "--html", str(out_html)])
    assert res.exit_code == 0, res.output
    assert re.search(r"^overall\s+0\.444\s+0\.500\s+0\.471\s+0\.778\s+0\.875\s+0\.824\s+8\s+9$", res.output, re.M), res.output
    assert re.search(r"missed\s+money\s+20元", res.output), res.output
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["headline"]["overall.strict_f1"] == round(8 / 17, 4)
    assert data["mentions"]["money"]["partial"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0,
                                                     "recall": 0.5, "f1": 0.6667}
    assert {"file": "eval/notice.txt", "kind": "missed", "type": "money", "text": "20元"}.items() <= \
        next(e for e in data["errors"] if e["text"] == "20元").items()
    assert out_html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_missing_prediction_is_reported(tmp_path):
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(FIX), "--pred", str(empty), "--json", str(tmp_path / "r.json")])
    assert res.exit_code == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["mentions"]["overall"]["strict"]["fn"] == 8
    assert any(e["type"] == "document" and "no prediction" in e["detail"] for e in data["errors"])


def test_bad_prediction_line_is_a_problem(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text((FIX / "pred.jsonl").read_text(encoding="utf-8") + "{not json}\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(FIX), "--pred", str(bad)])
    assert res.exit_code == 1 and "PROBLEM" in res.output


def test_no_gold_is_a_usage_error(tmp_path):
    res = runner.invoke(app, ["eval", str(tmp_path)])
    assert res.exit_code == 2


def test_html_escapes_article_text(tmp_path):
    shutil.copy(FIX / "notice.txt", tmp_path / "notice.txt")
    shutil.copy(FIX / "notice.txt.gold.json", tmp_path / "notice.txt.gold.json")
    text = "附件<script>alert('x')</script>：补助<b>500元</b>。\n"
    at = text.index("500元")
    doc = Document(id="x", source="notice.txt", text=text,
                   mentions=[Mention(type="money", start=at, end=at + 4, text="500元", value=500)])
    pred = tmp_path / "p.jsonl"
    pred.write_text(doc.to_json() + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["eval", str(tmp_path), "--pred", str(pred), "--html", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    # the one script element is the page's own (allowed by its hash in the CSP); none from the article
    assert re.findall(r"<script\b[^>]*>", page) == ["<script>"] and "<b>" not in page
    assert "Content-Security-Policy" in page and "'unsafe-inline'" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<mark>500元</mark>" in page
    assert not re.search(r"""(?:src|href)\s*=|<link|@import|url\(""", page)  # self-contained


@pytest.mark.parametrize("args", [["eval", "--help"], ["gold", "--help"], ["gold", "import", "--help"]],
                         ids=["eval", "gold", "gold-import"])
def test_commands_registered(args):
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "Usage" in res.output


@pytest.mark.parametrize("flags", [[], ["--no-gold-published"]], ids=["gold-published", "blind"])
def test_eval_runs_the_pipeline(tmp_path, flags):
    out = tmp_path / "r.json"
    res = runner.invoke(app, ["eval", str(FIX), "--json", str(out), *flags])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["settings"]["predictions"] == "pipeline"
    # notice.txt names no publication date: the gold's, even when passed in for the
    # extractors, never counts as found
    assert data["meta"]["published"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    # the fixture's 8 mentions are plain: the pipeline must find them and little else
    strict = data["mentions"]["overall"]["strict"]
    assert strict["precision"] >= 0.875 and strict["recall"] >= 0.875, strict
    assert data["headline"]["overall.value_accuracy"] >= 0.875


@pytest.mark.parametrize("flags", [[], ["--no-gold-published"]], ids=["gold-published", "blind"])
def test_eval_scores_the_publication_date_the_text_gives(tmp_path, flags):
    text = (FIX / "notice.txt").read_text(encoding="utf-8").replace("医保缴费通知\n", "医保缴费通知\n发布时间：2023-11-20\n", 1)
    (tmp_path / "notice.txt").write_text(text, encoding="utf-8")
    shutil.copy(FIX / "notice.txt.gold.json", tmp_path / "notice.txt.gold.json")
    out = tmp_path / "r.json"
    res = runner.invoke(app, ["eval", str(tmp_path), "--json", str(out), *flags])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"]["published"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert set(data["procedures"]) == {"steps", "channels", "conditions"}
    assert data["headline"]["meta.authors_f1"] == 1.0  # no author in gold, none found
