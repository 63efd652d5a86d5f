"""Institutions: one case per example of corpora/examples/institutions.yaml, plus the
seed gold files and properties that hold for any text."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.institutions import LAYERS, candidates, extract_institutions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = yaml.safe_load((ROOT / "corpora/examples/institutions.yaml").read_text(encoding="utf-8"))
SHARED = ROOT.parent / "shared" / "corpus"
FIELDS = ("name", "kind", "level", "region")


def _param(item, kind, text):
    marks = [pytest.mark.xfail(strict=True, reason=item["xfail"])] if isinstance(item, dict) and item.get("xfail") else []
    if isinstance(item, dict) and any(isinstance(s, dict) and s.get("xfail") for s in item.get("spans", ())):
        reason = next(s["xfail"] for s in item["spans"] if s.get("xfail"))
        marks = [pytest.mark.xfail(strict=True, reason=reason)]
    return pytest.param(item, id=f"{kind}-{text[:16]}", marks=marks)


@pytest.mark.parametrize("item", [_param(i, "surface", i["text"]) for i in EXAMPLES["surface"]])
def test_surface(item):
    found = extract_institutions(item["text"])
    assert [m.text for m in found] == [item["text"]]
    for field in FIELDS:
        if field in item:
            assert getattr(found[0], field) == item[field], field


@pytest.mark.parametrize("text", [_param(t, "negative", t) for t in EXAMPLES["negatives"]])
def test_negative(text):
    assert extract_institutions(text) == []


@pytest.mark.parametrize("item", [_param(i, "sentence", i["text"]) for i in EXAMPLES["sentences"]])
def test_sentence(item):
    found = extract_institutions(item["text"])
    assert [m.text for m in found] == [s["text"] for s in item["spans"]]
    for m, span in zip(found, item["spans"]):
        for field in FIELDS:
            if field in span:
                assert getattr(m, field) == span[field], (span["text"], field)


def test_examples_corpus_is_large_enough():
    assert sum(len(EXAMPLES[k]) for k in ("surface", "negatives", "sentences")) >= 150


def test_line_wrap_inside_a_name_keeps_offsets():
    text = "本报讯 记者近日从河南省人力资\n源和社会保障厅获悉"  # an OCR column: the line before the wrap is long
    (m,) = extract_institutions(text)
    assert text[m.start:m.end] == m.text == "河南省人力资\n源和社会保障厅"
    assert m.name == "河南省人力资源和社会保障厅"


def test_unknown_layer_is_an_error():
    with pytest.raises(ValueError):
        candidates("国家医保局", layers=("gazetteer", "nonsense"))
    assert "gazetteer" in LAYERS


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="上海市医保局普陀区中心医院周口第六人民（）、，\n复旦大学附属肿瘤国家卫健委省县有限公司", max_size=80))
def test_offsets_hold_for_any_text(text):
    for m in extract_institutions(text):
        assert text[m.start:m.end] == m.text
        assert m.type == "institution" and m.name and m.kind


def _seed_golds():
    return sorted((ROOT / "corpora/seeds").glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", _seed_golds(), ids=lambda p: p.name.split("_")[0])
def test_seed_gold_institutions_are_found(gold_path):
    pipeline = pytest.importorskip("extract.pipeline")
    from extract.ingest.decode import decode

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (gold_path.parent / gold["file"]).read_bytes()
    text = pipeline.ingest_text(decode(raw).text).text.text
    found = Counter("".join(m.text.split()) for m in extract_institutions(text))
    need = Counter("".join(m["text"].split()) for m in gold["mentions"]
                   if m["type"] == "institution" and not m.get("optional"))
    assert need - found == Counter()


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus absent")
def test_former_name_in_real_notice_keeps_its_own_body():
    from extract.pipeline import ingest_text
    from extract.ingest.decode import decode

    raw = (SHARED / "023_nhfpc_tertiary_hospital_capacity_guide_notice_2016.html").read_bytes()
    found = extract_institutions(ingest_text(decode(raw).text).text.text)
    nhfpc = [m for m in found if m.text == "国家卫生计生委"]
    assert nhfpc and all(m.name == "国家卫生和计划生育委员会" for m in nhfpc)  # guide v2: never the successor
    assert not any(m.text == "国办" for m in found)  # 国办发〔2016〕 is a document number


def test_generated_gazetteer_covers_every_province_and_city():
    from extract.institutions.gazetteer import generated
    from extract.institutions.lexicon import regions

    entries = {surface: name for surface, name, *_ in generated()}
    assert len(entries) > 20000
    cities = [r for r in regions() if r.level in ("provincial", "municipal")]
    assert len(cities) > 370
    for r in cities:
        assert entries[r.name + "卫健委"] == r.name + "卫生健康委员会"
        assert entries[r.name + "医保局"] == r.name + "医疗保障局"
    assert entries["广东医保局"] == "广东省医疗保障局" and entries["周口疾控中心"] == "周口市疾病预防控制中心"


def test_generated_entries_are_found_with_their_canonical_name():
    import random

    from extract.institutions.gazetteer import generated

    rows = list(generated())
    names: dict[str, set] = {}
    for surface, name, *_ in rows:
        names.setdefault(surface, set()).add(name)
    rows = [r for r in rows if len(names[r[0]]) == 1]  # 吉林 (province or city) is ambiguous alone
    for surface, name, kind, level, region in random.Random(7).sample(rows, 300):
        found = extract_institutions(f"据悉，{surface}发布通知。")
        assert [(m.text, m.name, m.kind) for m in found] == [(surface, name, kind)], surface


# guide v2 reverses these written-gold conventions (docs/institutions.md, "Gold items that
# contradict guide v2"); the extractor follows v2. Strict xfail until corpora/ gold is updated.
V2_NAMES = {("世界卫生组织", "kind"): "public_health", ("WHO", "kind"): "public_health", ("新华社", "name"): "新华通讯社",
            ("中国农业银行", "name"): "中国农业银行", ("中国邮政储蓄银行", "name"): "中国邮政储蓄银行",
            ("国家卫生计生委", "name"): "国家卫生和计划生育委员会"}


def test_written_gold_follows_guide_v2():
    off = []
    for path in sorted(ROOT.glob("corpora/**/*.gold.json")):
        for m in json.loads(path.read_text(encoding="utf-8"))["mentions"]:
            for (text, field), want in V2_NAMES.items():
                if m["type"] == "institution" and m["text"] == text and m.get(field) != want:
                    off.append((path.name, text, field, m.get(field)))
    assert off == []
    assert all(extract_institutions(text)[0].__getattribute__(field) == want for (text, field), want in V2_NAMES.items())


@pytest.mark.parametrize("text", ["记者多次联系康美药业董秘", "完全符合医院感染管理要求", "在开化村头卫生院对接合作项目",
                                  "中药巨头修正药业人参种植", "德国研究型制药企业协会19日表示", "2023年度城乡居民医保"])
def test_postag_matches_jieba_posseg(text):
    """postag.tag (rjieba) gives jieba.posseg's words and tags without HMM; jieba's `eng` for
    ASCII runs is kept, so the rules see the same tags as before the switch."""
    posseg = pytest.importorskip("jieba.posseg")
    from extract.institutions.postag import tag

    assert list(tag(text)) == [(w.word, w.flag) for w in posseg.cut(text, HMM=False)]


def test_first_call_does_not_load_jieba_dictionary():
    """The institution stage tags through rjieba: jieba's Python dictionary (1.5-2.5 s,
    ~125 MB) is never loaded by the default layers."""
    import subprocess
    import sys

    code = ("import sys; from extract.institutions import extract_institutions as E; "
            "E('记者多次联系康美药业，广州成立晨昊医疗器械有限公司。'); print('jieba.posseg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
