"""The seeds' dates and deadlines, read through ingest (the text the extractors
get in production), against the hand annotation in corpora/examples/*.yaml; and
a few checks on the development corpus when ../shared/corpus is present."""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import corpus_path, seed_path
from extract.dates import extract_dates
from extract.dates.examples import load_examples, ref_of
from extract.deadlines import extract_deadlines
from extract.refdate import RefDate

DATES = load_examples("dates")["seeds"]
DEADLINES = load_examples("deadlines")["seeds"]


def _s(v):
    return str(v) if v is not None else None


@lru_cache(maxsize=None)
def _clean_text(path: str) -> str:
    import extract
    from extract.options import Options

    return extract.parse_file(path, options=Options(components=())).text


def _read(prefix: str, ref):
    text = _clean_text(str(seed_path(prefix)))
    ref = ref_of(ref)
    mentions = extract_dates(text, ref)
    return text, mentions, extract_deadlines(text, mentions, ref)


def align(gold: list, found: list) -> tuple[dict, list]:
    """Match gold [text, value, (optional)] to found mentions in order, by text.
    Returns {gold index: found mention} and the found mentions left over."""
    matched, used, j = {}, set(), 0
    for i, item in enumerate(gold):
        for k in range(j, len(found)):
            if found[k].text == _s(item[0]):
                matched[i] = found[k]
                used.add(k)
                j = k + 1
                break
    return matched, [m for k, m in enumerate(found) if k not in used]


def _gold_cases():
    for prefix, seed in DATES.items():
        for i, item in enumerate(seed["mentions"]):
            if len(item) < 3:
                yield pytest.param(prefix, i, id=f"seed{prefix}:{i}:{item[0]}")


@pytest.mark.parametrize("prefix,index", list(_gold_cases()))
def test_seed_date_found_with_value(prefix, index):
    seed = DATES[prefix]
    _, found, _ = _read(prefix, seed["ref"])
    matched, _ = align(seed["mentions"], found)
    assert index in matched, f"{seed['mentions'][index][0]} not found"
    assert matched[index].value == _s(seed["mentions"][index][1])


@pytest.mark.parametrize("prefix", list(DATES))
def test_seed_has_no_extra_dates(prefix):
    seed = DATES[prefix]
    _, found, _ = _read(prefix, seed["ref"])
    _, extra = align(seed["mentions"], found)
    assert [m.text for m in extra] == []


@pytest.mark.parametrize("prefix", list(DEADLINES))
def test_seed_deadlines(prefix):
    seed = DEADLINES[prefix]
    text, mentions, deadlines = _read(prefix, seed["ref"])
    got = [[d.date_text, d.due, d.action, d.actor] for d in deadlines]
    assert got == [[_s(x) for x in e] for e in seed["deadlines"]]
    for d in deadlines:
        assert mentions[d.date].text == d.date_text
        assert d.date_text in text[d.start:d.end]


# The development corpus (third-party, not in the repository): short date strings only.
CORPUS = [
    ("001", "2026-01-06", "2025年1月18日", "2025-01-18", "event"),
    ("001", "2026-01-06", "2025年底", "2025", "status_as_of"),
    ("001", "2026-01-06", "2024年", "2024", "event"),
    ("019", "2019-10-31", "10月30日", "2019-10-30", "event"),
    ("019", "2019-10-31", "去年", "2018", "event"),
    ("023", "2016-08-29", "2016年8月29日", "2016-08-29", "event"),
]


@pytest.mark.parametrize("prefix,ref,mention,value,role", CORPUS, ids=[f"corpus{c[0]}:{c[2]}" for c in CORPUS])
def test_development_corpus(prefix, ref, mention, value, role):
    text = _clean_text(str(corpus_path(prefix)))
    found = [m for m in extract_dates(text, RefDate.parse(ref)) if m.text == mention]
    assert found, mention
    assert (found[0].value, found[0].role) == (value, role)


@pytest.mark.parametrize("prefix", ["019", "022"])
def test_development_corpus_chrome_has_no_false_dates(prefix):
    """Phone numbers, copyright ranges and lunar days are not dates."""
    text = _clean_text(str(corpus_path(prefix)))
    texts = [m.text for m in extract_dates(text, RefDate(2021, 1, 20))]
    assert not any(t in texts for t in ("月初", "0731-8886", "2000-2024"))
