"""Merging an article's records into the document (pipeline._merge_article): offsets
shifted to the document, raw offsets, article index and cross-references remapped. The
merge writes the fields through `pipeline._assign` (into the record's `__dict__`), which is
only right while the record classes stay plain, unfrozen dataclasses without slots or
validation on assignment (extract/records.py): checked here, with the merged records of real
multi-article texts and the JSON written from them."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import extract
from extract import pipeline
from extract.extractors import extract_all
from extract.options import Options
from extract.refdate import RefDate
from extract.schema import Article, Change, Channel, Deadline, Document, Mention, Procedure, Span

ROOT = Path(__file__).resolve().parents[1]
MODELS = (Mention, Deadline, Span, Channel, Procedure, Change, Article, Document)
# OCR pages holding several articles, with deadlines, changes and a procedure's time limit
PAGES = ["corpora/gold/102_sichuan_ocr_page_2019.txt", "corpora/gold/101_hubei_ocr_page_2024.txt",
         "corpora/seeds/000_dc737b12f01e9169.txt"]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_models_assign_plainly(model):
    """What _assign does is what `setattr` does for these records."""
    assert dataclasses.is_dataclass(model) and not model.__dataclass_params__.frozen
    assert not hasattr(model, "__slots__") and type(model).__setattr__ is type.__setattr__
    assert model.__setattr__ is object.__setattr__


def test_assign_equals_setattr():
    a = Mention(type="money", start=3, end=7, text="100元")
    b = a.model_copy(deep=True)
    pipeline._assign(a, start=13, end=17, article=2, raw_start=20, raw_end=24)
    b.start, b.end, b.article, b.raw_start, b.raw_end = 13, 17, 2, 20, 24
    assert a.__dict__ == b.__dict__ and list(a.__dict__) == list(b.__dict__) and a == b
    c = Change(start=0, end=4)
    pipeline._assign(c, from_=1, to=None)
    assert c.from_ == 1 and c.model_dump(by_alias=True)["from"] == 1 and json.loads(c.to_json())["from"] == 1


@pytest.mark.parametrize("path", PAGES)
def test_merged_records_point_into_the_document(path):
    raw = (ROOT / path).read_text(encoding="utf-8")
    doc = extract.parse(raw, options=Options(components=()))  # articles only: merged below
    assert not doc.mentions
    pipeline._run_extractors(doc, pipeline.ingest_text(raw).text, RefDate.try_parse(doc.meta.published), Options())
    assert len(doc.articles) > 1 and doc.mentions and not doc.errors
    written = json.loads(doc.to_json())["mentions"]   # what merging wrote reaches the JSON line
    assert [(w["start"], w["end"], w["article"], w["raw_start"], w["raw_end"]) for w in written] == \
        [(m.start, m.end, m.article, m.raw_start, m.raw_end) for m in doc.mentions]
    for m in doc.mentions:
        art = doc.articles[m.article]
        assert doc.text[m.start:m.end] == m.text and art.start <= m.start and m.end <= art.end
        assert 0 <= m.raw_start < m.raw_end <= len(raw)
    # the same records, read article by article and shifted by hand
    expected = []
    for art in doc.articles:
        found = extract_all(doc.text[art.start:art.end], RefDate.try_parse(doc.meta.published))
        expected += [(m.type, m.text, m.start + art.start, m.end + art.start, art.index) for m in found.mentions]
    assert sorted(expected) == sorted((m.type, m.text, m.start, m.end, m.article) for m in doc.mentions)
    for d in doc.deadlines:
        assert doc.articles[d.article].start <= d.start <= d.end <= doc.articles[d.article].end + 1
        if d.date is not None:
            assert doc.mentions[d.date].type == "date" and doc.mentions[d.date].article == d.article
    for c in doc.changes:
        for i in (c.from_, c.to, c.by):
            if i is not None:
                assert doc.mentions[i].type in ("money", "percent") and doc.mentions[i].article == c.article
                assert c.start <= doc.mentions[i].start and doc.mentions[i].end <= c.end
    for p in doc.procedures:
        art = doc.articles[p.article]
        for s in list(p.steps) + list(p.conditions):
            assert art.start <= s.start and s.end <= art.end and doc.text[s.start:s.end] == s.text
        for k in p.deadlines:
            assert doc.deadlines[k].article == p.article
