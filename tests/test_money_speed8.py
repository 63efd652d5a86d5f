"""The shortcuts of the eighth performance round in the money extractor (docs/performance.md,
"Eighth round: money and mentions") give what the general code gives:

- parse_number reads a digits-only string straight as a Decimal (no regex, no replaces);
- as_number tells whole values by truncation instead of to_integral_value;
- cut_number's "digit and comma right before" check is a character test, not a regex;
- extract_changes searches for a verb before a figure only when the window ends in a verb's
  or filler's last character;
- normalize.money takes the groups its caller has read (`head`) and reads each group once.
"""
from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from extract.money import _scan, extract_changes, extract_money
from extract.money import changes as ch
from extract.money import context as ctx
from extract.money.normalize import money
from extract.money.numerals import as_number, parse_arabic, parse_chinese

_ARABIC = re.compile(r"\d[\d,， \u00a0\u2009]*(?:\.\d+)?\Z")
_DIGIT_COMMA = re.compile(r"[0-9][,，]\Z")


def _parse_number_general(text: str):
    """parse_number as it was before the digits-only shortcut."""
    if text[:1].isdigit():
        return parse_arabic(text) if _ARABIC.match(text) else None
    return parse_chinese(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789０１２３٣,， .点一二百万²", min_size=1, max_size=12))
def test_parse_number_shortcut_reads_as_before(text):
    from extract.money.numerals import parse_number

    got, want = parse_number(text), _parse_number_general(text)
    assert got == want and type(got) is type(want)


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**9, max_value=10**9))
def test_as_number_matches_integral_test(value):
    want = int(value) if value == value.to_integral_value() else float(value)
    got = as_number(value)
    assert got == want and type(got) is type(want)


def test_as_number_types():
    assert as_number(Decimal("1.6") * Decimal(10000)) == 16000 and type(as_number(Decimal("16000.0"))) is int
    assert as_number(Decimal("0.035")) == 0.035 and type(as_number(Decimal("0.035"))) is float


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="09,，元人民币 ５", max_size=10), st.integers(0, 12))
def test_cut_number_digit_comma_as_regex(text, start):
    start = min(start, len(text))
    want = bool(_DIGIT_COMMA.search(text, max(0, start - 2), start))
    got = start >= 2 and text[start - 1] in ",，" and "0" <= text[start - 2] <= "9"
    assert got == want
    # and in place: an amount right after "12," is cut out of a longer number
    assert ctx.cut_number("金额12,500元", 5, "500", 9) is True
    assert ctx.cut_number("金额为500元", 3, "500", 7) is False


SENTENCES = [
    "城乡居民医保住院报销上限从8000元提至1.6万元，门诊起付线降低50%。",
    "个人缴费标准由每人每年350元调整为380元；财政补助提高了30元。",
    "大病保险起付线降至1.5万元，报销比例上调5个百分点，达到65%。",
    "药品平均降价53%，最高降幅超过90%，每年可为患者节约费用约20亿元。",
]


def _changes_without_prefilter(text, mentions, monkeypatch):
    with monkeypatch.context() as mp:
        mp.setattr(ch, "_BEFORE_LAST", _Everything())
        return extract_changes(text, mentions)


class _Everything:
    def __contains__(self, item):
        return True


def test_change_verb_prefilter_loses_nothing(monkeypatch):
    found = 0
    for text in SENTENCES + ["".join(SENTENCES)]:
        mentions = extract_money(text)
        got = extract_changes(text, mentions)
        assert [c.to_json() for c in got] == [c.to_json() for c in _changes_without_prefilter(text, mentions, monkeypatch)]
        found += len(got)
    assert found >= 6  # the sentences state changes: the comparison is not vacuous


def test_before_last_covers_every_verb_and_filler():
    for word in list(ch.TO_VERBS) + list(ch.BY_VERBS) + list(ch._RULES["fillers"]):
        assert word[-1] in ch._BEFORE_LAST


def test_money_with_and_without_head():
    text = "".join(SENTENCES) + "每人每年最高补助2000元，共计人民币3,500万元（含）。"
    made = 0
    for m in _scan(text):
        if m.lastgroup != "money":
            continue
        a = money(m, text)
        b = money(m, text, m.group("pre", "cur", "n2", "u1"))
        assert (a is None) == (b is None)
        if a is not None:
            made += 1
            assert a.to_json() == b.to_json()
    assert made >= 6
