"""The fifteenth speed round's institution shortcuts give what the slower forms gave
(docs/performance.md "Fifteenth round"): propagation's leftmost-longest matches by str.find,
and the cued-company scan opening with the industry word."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ahocorasick_rs = pytest.importorskip("ahocorasick_rs")


def _automaton(text: str, surfaces: list[str]) -> list:
    ac = ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return [tuple(m) for m in ac.find_matches_as_indexes(text, overlapping=False)]


@settings(max_examples=400, deadline=None)
@given(st.text("ab医院", max_size=30),
       st.lists(st.text("ab医院", min_size=1, max_size=4), min_size=1, max_size=8, unique=True))
def test_propagation_matches_equal_the_automatons(text, surfaces):
    from extract.institutions.propagate import _leftmost_longest

    assert [tuple(m) for m in _leftmost_longest(text, surfaces)] == _automaton(text, surfaces)


def _cued_by_brand_class(text: str) -> list:
    """cued_candidates as it was written before: one finditer of brand class + industry word."""
    from extract.institutions import cued, lexicon
    from extract.institutions.boundaries import is_word
    from extract.institutions.patterns import _tables

    data = lexicon._yaml("cued.yaml")
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    n = int(data["brand_len"])
    rx = re.compile(f"(?P<brand>[\u4e00-\u9fff]{{{n}}})(?P<ind>{alt(data['industry_words'])})"
                    f"(?:(?:(?:{alt(data['fields'])}){{0,2}}(?:{alt(data['titles'])}))"
                    f"|(?P<latin>[（(][A-Za-z][A-Za-z&.\\- ]{{1,30}}[）)]))")
    trade = frozenset(data["industry_words"]) | frozenset(data["fields"])
    stop, heads = _tables()[1], _tables()[2]
    out = []
    for m in rx.finditer(text):
        s, brand = m.start("brand"), m.group("brand")
        if brand in trade or brand.startswith(heads) or (any(ch in stop for ch in brand)
                                                         and not is_word(text, s, s + len(brand))):
            continue
        s -= cued._region_before(text, s)
        if s and not cued._boundary(text[s - 1], stop):
            continue
        out.append((s, m.end("ind"), text[s:m.end("ind")]))
    return out


_WORDS = ["投资", "顾问", "咨询", "研究员", "合伙人", "医药", "行业", "中投", "从容", "上海", "的", "，", "（Siontes）", "a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12).map("".join))
def test_cued_scan_equals_the_brand_class_scan(text):
    from extract.institutions.cued import cued_candidates

    assert [(c.start, c.end, c.name) for c in cued_candidates(text)] == _cued_by_brand_class(text)


def test_cued_examples():
    from extract.institutions.cued import cued_candidates

    got = [c.name for c in cued_candidates("据中投顾问医药行业研究员介绍，上海从容投资合伙人表示")]
    assert got == ["中投顾问", "上海从容投资"]
    assert cued_candidates("他担任投资顾问研究员") == []  # inside a clause
