"""Dates: one case per example of corpora/examples/dates.yaml, plus the seeds'
dates (read through ingest) and the development corpus when present."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.dates import extract_dates
from extract.dates.examples import load_examples, ref_of as _ref
from extract.refdate import RefDate

EXAMPLES = load_examples("dates")


def _s(v):
    return None if v is None else str(v)


def _marks(item):
    if isinstance(item, dict) and item.get("xfail"):
        return [pytest.mark.xfail(strict=True, reason=item["xfail"])]
    return []


def _form_cases():
    for group in EXAMPLES["forms"]:
        for item in group["items"]:
            text = _s(item[0])
            yield pytest.param(_ref(group["ref"]), text, item[1:], id=f"{group['group']}:{text}")


@pytest.mark.parametrize("ref,text,expected", list(_form_cases()))
def test_form(ref, text, expected):
    found = extract_dates(text, ref)
    assert [m.text for m in found] == [text]
    m = found[0]
    fields = ("value", "grain", "mod", "anchor")
    for name, want in zip(fields, expected):
        if name in ("value", "grain", "mod") or want is not None:
            assert _s(getattr(m, name)) == _s(want), name
    assert m.rule and m.type == "date"


def _context_cases():
    for group in EXAMPLES["in_context"]:
        for sentence, mention, value in group["items"]:
            yield pytest.param(_ref(group["ref"]), sentence, _s(mention), _s(value), id=f"context:{sentence[:24]}")


@pytest.mark.parametrize("ref,sentence,mention,value", list(_context_cases()))
def test_in_context(ref, sentence, mention, value):
    found = {m.text: m for m in extract_dates(sentence, ref)}
    assert mention in found, sorted(found)
    m = found[mention]
    assert sentence[m.start:m.end] == m.text
    assert m.value == value


@pytest.mark.parametrize(
    "text,trap", [pytest.param(t, trap, id=f"negative:{t[:20]}") for t, trap in EXAMPLES["negatives"]]
)
def test_negative(text, trap):
    found = extract_dates(text, RefDate(2021, 11, 25))
    if trap == "*":
        assert [m.text for m in found] == []
    else:
        lo = text.index(trap)
        hi = lo + len(trap)
        assert [m.text for m in found if m.start < hi and m.end > lo] == []


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=f"sentence:{c['text'][:24]}", marks=_marks(c)) for c in EXAMPLES["sentences"]],
)
def test_sentence(case):
    found = extract_dates(case["text"], _ref(case["ref"]))
    got = [[m.text, m.value, m.role] for m in found]
    assert got == [[_s(a) for a in e] for e in case["expect"]]
    for m in found:
        assert case["text"][m.start:m.end] == m.text


def test_examples_corpus_is_large_enough():
    n = sum(len(g["items"]) for g in EXAMPLES["forms"] + EXAMPLES["in_context"])
    assert n + len(EXAMPLES["negatives"]) + len(EXAMPLES["sentences"]) >= 400


def test_no_clock_default():
    """Without a publication date nothing relative is filled in from the clock."""
    values = [m.value for m in extract_dates("今年9月2日、今天、本月、去年", None)]
    assert values == ["XXXX-09-02", "XXXX-XX-XX", "XXXX-XX", "XXXX"]


@pytest.mark.parametrize("text", ["2023年" * 5000, "1-" * 20000, "9月19日至" * 3000, "上周" * 10000])
def test_long_repetitive_input_finishes(text):
    found = extract_dates(text, RefDate(2021, 11, 25))
    assert all(text[m.start:m.end] == m.text for m in found)


def test_every_lexicon_word_can_start_a_match():
    """The scanner skips positions whose character is not in patterns.yaml's
    start_chars: every word a core can start with must be covered."""
    from extract.dates.grammar import start_chars as compiled_start_chars
    from extract.dates.lexicon import lexicon, table

    start_chars = compiled_start_chars()
    lex = lexicon()
    first = {w[0] for name in ("relative_years", "relative_months", "relative_weeks", "relative_days",
                               "bare_parts", "relative_centuries", "holidays", "lunar_months")
             for w in table(name)}
    first |= set(lex["digits"]) | {"第", "十", "廿", "卅", "农", "阴", "闰"}
    import re

    cls = re.compile(f"[{start_chars}]")
    assert sorted(ch for ch in first if not cls.match(ch)) == []


ALPHABET = "0123456789年月日号至到-—:：.前后底末初上中下旬今去明本周第季度半世纪代一二三十〇两，。\n 岁个"


@pytest.mark.parametrize("seed", range(5))
def test_offsets_hold_on_random_date_like_text(seed):
    import random

    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(20000))
    found = extract_dates(text, RefDate(2021, 11, 25))
    assert all(text[m.start:m.end] == m.text and m.value for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["@", "w", ".", "h", "t", "p", ":", "/", "a", "中", " ", "-", "+", "www.",
                                 "http://", "x@y.cn", "\n", "9", "中" * 40, "b" * 60]), max_size=40))
def test_url_spans_are_those_of_the_whole_pattern(pieces):
    """reading._url_spans tries the e-mail alternative only near an @: the same spans as
    _URL.finditer (URLs and e-mail addresses hold no date)."""
    from extract.dates.reading import _URL, _url_spans

    text = "".join(pieces)
    expected = [m.span() for m in _URL.finditer(text)] if ("http" in text or "www." in text or "@" in text) else []
    assert _url_spans(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab，。\n：中!?", max_size=600), st.data())
def test_clause_and_sentence_starts_are_after_the_last_break(text, data):
    """roles.clause_start / sentence_bounds find the last break before a date by searching
    the reversed window: the same place as the last match of a forward scan."""
    from extract.dates.roles import CLAUSE_BREAK, SENTENCE_BREAK, WINDOW, clause_start, sentence_bounds

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo = max(0, start - WINDOW)
    assert clause_start(text, start) == max([m.end() for m in CLAUSE_BREAK.finditer(text, lo, start)], default=lo)
    lo = max(0, start - 400)
    assert sentence_bounds(text, start, end)[0] == max([m.end() for m in SENTENCE_BREAK.finditer(text, lo, start)],
                                                       default=lo)


def _scan_reference(text):
    """What grammar.scan must give: each scanner's own finditer, merged in text order (the
    core listed first in patterns.yaml first where two start together)."""
    from extract.dates.grammar import _core, grammar

    g = grammar()
    found = [(m.start(), g.order[m.lastgroup], m) for rx in g.scanners for m in rx.finditer(text)]
    found.sort(key=lambda item: item[:2])
    return [_core(m, g) for _, _, m in found]


# digits, the characters cores start with and those that may follow them, and others
SCAN_ALPHABET = "0123456789年月日号时点分:：.-/至到—～ 周星期第个季度半上下中旬初底末今明去本前后次当这十一二三五廿农历正腊除夕元旦春节晚午，。\n元%万"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SCAN_ALPHABET, max_size=300))
def test_scan_dispatch_is_the_scanners_own_finditer(text):
    """scan() visits only positions whose first characters some core can begin with and
    tries there only the cores that can (grammar._dispatch): the same cores as each
    scanner's finditer over the whole text."""
    from extract.dates.grammar import scan

    assert list(scan(text)) == _scan_reference(text)


def test_scan_dispatch_on_real_text():
    """The same on every bulk file, read as it is (Markdown, HTML)."""
    from conftest import bulk_files
    from extract.dates.grammar import scan

    for path in bulk_files("*"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert list(scan(text)) == _scan_reference(text), path.name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12xyzq0 年", max_size=60))
def test_dispatch_keeps_every_core_that_can_match_at_a_position(text):
    """grammar._dispatch on cores of every kind: three-, two- and one-character heads, a
    core whose heads are unknown (any character second), start characters that limit a
    scanner: wherever a core of a scanner matches, scan() visits the position and its
    table entry tries that core."""
    import re

    from extract.dates.grammar import _dispatch

    bodies = {"a": "(?P<a>12[0-9])", "b": "(?P<b>1[^q]y)", "c": "(?P<c>2年?)", "d": "(?P<d>x{1,3}z)",
              "e": "(?P<e>[0-9]{2}年)"}
    groups = [(["a", "b", "e"], "0-9"), (["c", "d"], "2x")]
    starts, table = _dispatch(groups, bodies)
    for pos in range(len(text)):
        entries = table.get(text[pos:pos + 3]) or table.get(text[pos:pos + 2]) or table.get(text[pos], ())
        tried = {(i, name) for i, rx in entries for name in rx.groupindex}
        for i, (cores, chars) in enumerate(groups):
            for rule in cores:
                if re.match(f"[{chars}]", text[pos]) and re.compile(bodies[rule]).match(text, pos):
                    assert starts.match(text, pos), (text, pos, rule)
                    assert (i, rule) in tried, (text, pos, rule)
