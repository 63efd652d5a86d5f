"""Properties of extract_money on arbitrary text, and the Chinese numeral parser."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from extract.money import extract_changes, extract_money
from extract.money.numerals import parse_chinese

ALPHABET = "0123456789.,-~%％元万亿千百十一二两三五八零伍佰块角分每人年次/至到超过不低于约多余成个百分点之美港欧￥$的，。（）"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_offsets_and_values_are_consistent(text):
    found = extract_money(text, None)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert (m.value is None) != (m.min is None)
        if m.min is not None:
            assert m.min <= m.max
        assert m.type == "percent" or m.currency
    for c in extract_changes(text, found):
        for i in (c.from_, c.to, c.by):
            assert i is None or 0 <= i < len(found)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text,value", [
    ("五百", 500), ("两千", 2000), ("伍佰", 500), ("壹仟贰佰", 1200), ("十五", 15), ("二十", 20),
    ("一百零五", 105), ("三百五", 350), ("一万二", 12000), ("十二万", 120000),
    ("三千五百万", 35000000), ("十二万亿", 12 * 10**12), ("三点五", 3.5), ("零", 0),
])
def test_chinese_numerals(text, value):
    assert float(parse_chinese(text)) == value


@pytest.mark.parametrize("text", ["一五百", "百千", "二〇二三", "点五"])
def test_malformed_chinese_numerals(text):
    assert parse_chinese(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab，。\n、（中)", max_size=40))
def test_clause_tail_is_what_follows_the_last_delimiter(seg):
    """context._clause_tail (the clause before an amount) finds the last delimiter from
    the reversed string: the same as the end of the last forward match."""
    from extract.money.context import CLAUSE_DELIM, _clause_tail

    cuts = list(CLAUSE_DELIM.finditer(seg))
    assert _clause_tail(seg) == (seg[cuts[-1].end():] if cuts else seg)
