"""`hnx gold import`: doccano and Label Studio exports -> gold files that pass
`hnx gold check`, values read by the project's extractors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluation.check import check_file
from extract.evaluation.importers import import_file, parse_label_map

FIX = Path(__file__).parent / "fixtures" / "eval"


def _load(out: Path, name: str) -> dict:
    return json.loads((out / f"{name}.gold.json").read_text(encoding="utf-8"))


def test_doccano_label_form(tmp_path):
    res = import_file(FIX / "doccano.jsonl", "doccano", tmp_path, ["APP=skip"], values=False)
    assert [p.name for p in res.paths] == ["doccano-7.txt.gold.json", "doccano-8.txt.gold.json"]
    gold = _load(tmp_path, "doccano-7.txt")
    assert [(m["type"], m["text"]) for m in gold["mentions"]] == [
        ("date", "2023年12月1日"), ("money", "1.6万元"), ("percent", "60%"), ("institution", "杭州市医保局")]
    assert gold["meta"]["published"] == "2023-11-20"
    assert gold["mentions"][0]["value"] is None  # --no-values
    assert (tmp_path / "doccano-7.txt").read_text(encoding="utf-8").startswith("自2023年12月1日起")
    assert not res.warnings


def test_doccano_entities_form_strips_whitespace(tmp_path):
    import_file(FIX / "doccano.jsonl", "doccano", tmp_path, ["APP=skip"], values=False)
    gold = _load(tmp_path, "doccano-8.txt")
    assert [(m["type"], m["text"]) for m in gold["mentions"]] == [("date", "今年9月2日"), ("institution", "国家医保局")]


def test_unmapped_label_is_reported(tmp_path):
    res = import_file(FIX / "doccano.jsonl", "doccano", tmp_path, values=False)
    assert any("'APP'" in w for w in res.warnings)
    assert all(m["text"] != "浙里办" for m in _load(tmp_path, "doccano-7.txt")["mentions"])


def test_labelstudio_skips_cancelled_annotation(tmp_path):
    res = import_file(FIX / "labelstudio.json", "labelstudio", tmp_path, published="2025-12-01", values=False)
    gold = json.loads(res.paths[0].read_text(encoding="utf-8"))
    assert gold["file"] == "labelstudio-31.txt" and gold["meta"]["title"] == "补助通知"
    assert gold["meta"]["published"] == "2025-12-01"
    assert [(m["type"], m["text"]) for m in gold["mentions"]] == [
        ("date", "2026年第一季度"), ("institution", "省卫健委"), ("money", "每人每年补助115元")]


VALUE_CASES = [
    ("doccano-7.txt", "2023年12月1日", "value", "2023-12-01"),
    ("doccano-7.txt", "1.6万元", "value", 16000),
    ("doccano-7.txt", "60%", "value", 0.6),
    ("doccano-8.txt", "今年9月2日", "value", "2021-09-02"),  # resolved against the record's published
    ("doccano-8.txt", "国家医保局", "name", "国家医疗保障局"),
]


@pytest.mark.parametrize("file,text,field,expected", VALUE_CASES, ids=[c[1] for c in VALUE_CASES])
def test_values_from_extractors(tmp_path, file, text, field, expected):
    import_file(FIX / "doccano.jsonl", "doccano", tmp_path, ["APP=skip"])
    mention = next(m for m in _load(tmp_path, file)["mentions"] if m["text"] == text)
    assert mention[field] == expected


@pytest.mark.parametrize("fmt,src", [("doccano", "doccano.jsonl"), ("labelstudio", "labelstudio.json")])
def test_imported_files_pass_check(tmp_path, fmt, src):
    res = import_file(FIX / src, fmt, tmp_path, ["APP=skip"], published="2025-12-01")
    for path in res.paths:
        assert check_file(path).errors == []


def test_label_map_rejects_unknown_type():
    with pytest.raises(ValueError):
        parse_label_map(["GPE=place"])
    assert parse_label_map(["gpe=institution"])["GPE"] == "institution"
