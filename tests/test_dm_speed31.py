"""Round 31's shortcuts in dates and money give what the code they replace gives (no timing
here: benchmarks/ measures speed)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from test_dm_speed import ALPHABET, MONEY_ALPHABET


# -- dates: the near search only where the entry holds a guarded core ----------------------

def _scan_testing_every_visit(text: str) -> list[tuple]:
    """scan() as it was: the near search at every visit, and Grammar.unguarded's entry (by its
    key) where it finds none."""
    from extract.dates.grammar import _read_core, _scanning, grammar, word_hits

    g = grammar()
    by_id = {id(entries): key for key, entries in g.dispatch.items()}
    resume, found, get = [0] * len(g.scanners), [], g.dispatch.get
    for pos, entries in word_hits(text)[0]:
        if entries is None:
            entries = get(text[pos:pos + 3]) or get(text[pos:pos + 2]) or get(text[pos], ())
        if g.near is not None and g.near.search(text, pos, pos + g.near_reach) is None and id(entries) in by_id:
            entries = g.unguarded[by_id[id(entries)]]
        for i, rx in entries:
            if pos >= resume[i]:
                m = rx.match(text, pos)
                if m is not None:
                    resume[i] = m.end()
                    found.append((pos, g.order[m.lastgroup], m))
    found.sort(key=lambda x: (x[0], x[1]))
    groups = _scanning(g).groups
    return [(c.rule, c.start, c.end, c.parts) for c in (_read_core(m, groups) for _, _, m in found)]


def _check_scan(text: str) -> None:
    from extract.dates.grammar import scan

    assert [(c.rule, c.start, c.end, c.parts) for c in scan(text)] == _scan_testing_every_visit(text), text


def test_unguarded_keeps_only_the_entries_with_a_guarded_core():
    """_Scanning.unguarded holds an entry (by identity) exactly where the table less the guarded
    cores tries other regexes; the entries it leaves out try the same either way."""
    from extract.dates.grammar import _scanning, grammar

    g = grammar()
    kept = _scanning(g).unguarded
    assert kept and len(kept) < len(g.dispatch)
    for key, entries in g.dispatch.items():
        same = [(i, rx.pattern) for i, rx in entries] == [(i, rx.pattern) for i, rx in g.unguarded[key]]
        assert (id(entries) not in kept) == same, key
        if not same:
            assert kept[id(entries)] is g.unguarded[key]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_scan_is_the_scan_testing_every_visit(text):
    _check_scan(text)


def test_scan_on_real_text():
    from conftest import bulk_files

    for path in bulk_files("*"):
        _check_scan(path.read_text(encoding="utf-8", errors="replace"))
    for text in ("2023年1月至3月", "2024年10月15日至17日", "7月12、13日", "第3周", "1、2月份", "3-5日",
                 "2022年到2025年", "第二十周", "12月1日—31日"):
        _check_scan(text)


# -- money: a percentage's mod without its rate units -------------------------------------

_PER_ALPHABET = "每人年月个平均一处方标准限额费补助不超过约以上下近达最高为的，。 0123456789%元"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_PER_ALPHABET, max_size=40), st.data())
def test_mods_without_rates_give_the_same_mod_and_start(text, data):
    """percent() reads _mods' mod only: without `rates` the mod and the span start are those
    the full reading gives (only 每… right before the amount moves the start)."""
    from extract.money.normalize import _mods

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    approx = data.draw(st.booleans())
    full, short = _mods(text, start, end, approx), _mods(text, start, end, approx, rates=False)
    assert (short[0], short[2]) == (full[0], full[2])
    assert short[1] == []


def test_percent_mods_on_real_phrases():
    from extract.money import extract_money

    for text, mod in (("每人每年不超过5%", "EQUAL_OR_LESS"), ("人均补助标准提高约10%", "APPROX"),
                      ("每月最高不超过20%", "EQUAL_OR_LESS"), ("增长了近3成", "APPROX"),
                      ("每个处方平均不超过10%", "EQUAL_OR_LESS"), ("平均一个处方增长10%", None)):
        got = [m for m in extract_money(text) if m.type == "percent"]
        assert got and got[0].mod == mod and got[0].per is None, (text, got)


# -- money.changes: the gap read in place ---------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="提高至到降为了约近→->增长下调元%，" + MONEY_ALPHABET[:12], max_size=30), st.data())
def test_gap_read_in_place_is_the_copy(text, data):
    from extract.money.changes import _GAP_TO

    a, b = data.draw(st.integers(0, len(text))), data.draw(st.integers(0, len(text)))
    x, y = _GAP_TO.fullmatch(text, a, b), _GAP_TO.fullmatch(text[a:b])
    assert (x and x.group("verb")) == (y and y.group("verb"))


def test_gap_pattern_reads_nothing_outside_the_gap():
    """The in-place read is the copy's only while the pattern has no anchor or lookaround."""
    from extract.money.changes import _GAP_TO

    assert not re.search(r"\(\?<?[=!]|\\[AZbB]|\^|\$", _GAP_TO.pattern)
