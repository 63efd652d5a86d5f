"""Deadlines: one case per example of corpora/examples/deadlines.yaml, plus the
seeds' deadlines read through ingest."""
from __future__ import annotations

import pytest

from extract.dates import extract_dates
from extract.dates.examples import load_examples, ref_of as _ref
from extract.deadlines import due_of, extract_deadlines

EXAMPLES = load_examples("deadlines")


def _s(v):
    return None if v is None else str(v)


def _param(case, prefix):
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=f"{prefix}:{case['id']}", marks=marks)


def _run(text, ref):
    mentions = extract_dates(text, ref)
    return mentions, extract_deadlines(text, mentions, ref)


@pytest.mark.parametrize("case", [_param(c, "deadline") for c in EXAMPLES["deadlines"]])
def test_deadline(case):
    text = case["text"]
    mentions, found = _run(text, _ref(case["ref"]))
    got = [[d.date_text, d.due, d.action, d.actor] for d in found]
    assert got == [[_s(x) for x in e] for e in case["expect"]]
    for d in found:
        m = mentions[d.date]
        assert m.text == d.date_text and m.role == "deadline"
        assert text[d.start:d.end].find(d.date_text) >= 0
        if d.action:
            assert d.action in text[d.start:d.end]


@pytest.mark.parametrize("case", [_param(c, "not-deadline") for c in EXAMPLES["not_deadlines"]])
def test_not_deadline(case):
    mentions, found = _run(case["text"], _ref(case["ref"]))
    assert [d.date_text for d in found] == []


@pytest.mark.parametrize(
    "value,mod,due", [pytest.param(_s(v), m, _s(d), id=f"due:{_s(v)}:{m}") for v, m, d in EXAMPLES["due"]]
)
def test_due(value, mod, due):
    assert due_of(value, mod) == due


def test_examples_corpus_is_large_enough():
    n = len(EXAMPLES["deadlines"]) + len(EXAMPLES["not_deadlines"]) + len(EXAMPLES["due"])
    assert n >= 80


def test_mentions_of_other_types_are_skipped():
    from extract.schema import Mention

    text = "务必于2023年12月25日前缴纳115元。"
    dates = extract_dates(text, None)
    money = Mention(type="money", start=14, end=18, text=text[14:18], value=115)
    found = extract_deadlines(text, [money] + dates, None)
    assert [(d.date, d.date_text) for d in found] == [(1, "2023年12月25日")]
