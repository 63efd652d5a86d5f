"""The spaCy pipeline behaves like one: mentions as spans with labels and values, the same
results as parse() (one code path), the publication date settable, multiprocessing, DocBin,
token boundaries at mention boundaries; and parse() itself never imports spaCy."""
from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc, DocBin  # noqa: E402

import extract  # noqa: E402
from extract.components import LABELS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
SENTENCE = ("国家医保局将于2024年1月1日起实施新办法。门诊报销上限从8000元提至1.6万元，住院报销比例提高到70%。"
            "参保人须于今年12月31日前到社区卫生服务中心办理登记手续。")


@pytest.fixture(scope="module")
def nlp():
    return extract.load()


def _spans(doc, group="hnx", shift=0):
    return sorted((s.start_char + shift, s.end_char + shift, s.label_, s.text, s._.value) for s in doc.spans[group])


def _value(m):
    return m.name if m.type == "institution" and m.value is None else m.value


@pytest.fixture(scope="module")
def seed_pairs(nlp):
    """(record, article, spaCy doc of that article's text) for every article of every seed."""
    out = []
    for path in SEEDS:
        record = extract.parse_file(path)
        assert not record.errors
        for art in record.articles:
            sdoc = nlp(record.text[art.start:art.end], component_cfg={"hnx_dates": {"published": record.meta.published}})
            out.append((record, art, sdoc))
    assert len(out) >= len(SEEDS)
    return out


def test_every_seed_mention_is_a_span_with_label_and_value(seed_pairs):
    for record, art, sdoc in seed_pairs:
        # a headline printed apart from its article (an OCR page's headline block) is the
        # article's in the record but not inside its span: spaCy sees the span only
        want = sorted((m.start, m.end, LABELS[m.type], m.text, _value(m)) for m in record.mentions
                      if m.article == art.index and art.start <= m.start and m.end <= art.end)
        assert want, record.source
        assert _spans(sdoc, shift=art.start) == want, record.source


def test_span_records_are_the_parse_records(seed_pairs):
    for record, art, sdoc in seed_pairs:
        by_offsets = {(m.start, m.end, m.type): m for m in record.mentions if m.article == art.index}
        for span in sdoc.spans["hnx"]:
            rec = span._.hnx
            m = by_offsets[(rec["start"] + art.start, rec["end"] + art.start, rec["type"])]
            expected = m.model_dump(by_alias=True, exclude={"start", "end", "raw_start", "raw_end", "article"})
            assert {k: v for k, v in rec.items() if k in expected} == expected


def test_deadlines_procedures_and_changes_are_span_groups(seed_pairs):
    kinds = {"hnx_deadlines": ("deadlines", "DEADLINE"), "hnx_procedures": ("procedures", "PROCEDURE"),
             "hnx_changes": ("changes", "CHANGE")}
    seen = dict.fromkeys(kinds, 0)
    for record, art, sdoc in seed_pairs:
        for group, (kind, label) in kinds.items():
            items = [x for x in getattr(record, kind)
                     if x.article == art.index and art.start <= x.start and x.end <= art.end]
            spans = list(sdoc.spans[group])
            assert [(s.start_char + art.start, s.end_char + art.start) for s in spans] == \
                   [(x.start, x.end) for x in items]
            assert all(s.label_ == label for s in spans)
            seen[group] += len(spans)
        for span, d in zip(sdoc.spans["hnx_deadlines"], [d for d in record.deadlines if d.article == art.index]):
            assert span._.value == d.due
            assert span._.hnx["action"] == d.action
    assert all(seen.values()), seen


def test_ents_are_the_non_overlapping_mentions(seed_pairs):
    for _, _, sdoc in seed_pairs:
        ents = list(sdoc.ents)
        assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
        mentions = {(s.start_char, s.end_char, s.label_) for s in sdoc.spans["hnx"]}
        assert {(e.start_char, e.end_char, e.label_) for e in ents} <= mentions
        for s in sdoc.spans["hnx"]:  # a mention is left out only for a longer overlapping one
            if (s.start_char, s.end_char, s.label_) not in {(e.start_char, e.end_char, e.label_) for e in ents}:
                assert any(e.start < s.end and s.start < e.end and len(e) >= len(s) for e in ents)


def test_tokens_split_where_mentions_start_and_end(nlp, seed_pairs):
    doc = nlp(SENTENCE)
    tokens = [t.text for t in doc]
    assert "日" in tokens and "起" in tokens      # 2024年1月1日 | 起 (jieba glues 日起)
    assert "局" in tokens and "将" in tokens      # 国家医保局 | 将 (jieba glues 局将)
    assert doc.text == SENTENCE
    for _, _, sdoc in seed_pairs:
        for group in ("hnx", "hnx_deadlines", "hnx_procedures", "hnx_changes"):
            for span in sdoc.spans[group]:
                rec = span._.hnx
                assert (span.start_char, span.end_char) == (rec["start"], rec["end"])


def test_publication_date_by_component_cfg_or_extension(nlp):
    text = "参保人须于今年12月31日前办理登记手续。"
    unresolved = nlp(text)
    assert unresolved._.published is None
    assert unresolved.spans["hnx"][0]._.value != "2023-12-31"
    by_cfg = nlp(text, component_cfg={"hnx_dates": {"published": "2023-11-25"}})
    assert by_cfg._.published == "2023-11-25"
    assert by_cfg.spans["hnx"][0]._.value == "2023-12-31"
    assert by_cfg.spans["hnx_deadlines"][0]._.value.startswith("2023-12-31")
    doc = nlp.make_doc(text)
    doc._.published = datetime.date(2024, 3, 1)
    assert nlp(doc).spans["hnx"][0]._.value == "2024-12-31"
    with pytest.raises(ValueError):
        nlp.make_doc(text)._.published = "not a date"


def test_pipe_with_two_processes_gives_the_same_spans(nlp):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [SENTENCE]
    cfg = {"hnx_dates": {"published": "2024-01-15"}}
    one = [_spans(d) + _spans(d, "hnx_deadlines") for d in nlp.pipe(texts, component_cfg=cfg)]
    two = [_spans(d) + _spans(d, "hnx_deadlines") for d in nlp.pipe(texts, component_cfg=cfg, n_process=2, batch_size=2)]
    assert one == two
    assert sum(map(len, one)) > 50


def test_docbin_round_trip(nlp):
    docs = list(nlp.pipe([SENTENCE] + [p.read_text(encoding="utf-8") for p in SEEDS[:2]]))
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for a, b in zip(docs, back):
        assert [t.text for t in a] == [t.text for t in b]
        for group in ("hnx", "hnx_deadlines", "hnx_procedures", "hnx_changes"):
            assert _spans(a, group) == _spans(b, group)
        assert [(e.start, e.end, e.label_, e._.value) for e in a.ents] == \
               [(e.start, e.end, e.label_, e._.value) for e in b.ents]
        assert a._.hnx == b._.hnx
        assert Doc(nlp.vocab).from_bytes(a.to_bytes())._.hnx == a._.hnx


def test_entities_set_before_hnx_are_kept(nlp):
    mine = extract.load()
    ruler = mine.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "PLACE", "pattern": "社区卫生服务中心"}])
    doc = mine(SENTENCE)
    assert ("社区卫生服务中心", "PLACE") in [(e.text, e.label_) for e in doc.ents]
    assert ("国家医保局", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_components_are_chosen_by_name(nlp):
    only = extract.load(["hnx_money"])
    assert only.pipe_names == ["hnx_money"]
    doc = only(SENTENCE)
    assert {s.label_ for s in doc.spans["hnx"]} == {"MONEY", "PERCENT"}
    with pytest.raises(ValueError, match="unknown hnx components"):
        extract.load(["hnx_nothing"])


def test_parse_and_import_never_import_spacy():
    code = ("import sys, extract; extract.parse(sys.argv[1], published='2024-01-01'); "
            "print(' '.join(m for m in ('spacy', 'thinc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, SENTENCE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    out = subprocess.run([sys.executable, "-c", "import sys, extract; print(sorted(sys.modules.keys() & "
                          "{'spacy', 'pydantic', 'jieba', 'yaml', 'bs4'}))"], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
