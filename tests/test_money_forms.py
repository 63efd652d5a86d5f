"""Money forms added for issue 16, as properties: the new separators, 大写 amounts,
currencies and bound notes keep offsets exact and never hang."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st

from extract.money import extract_money

ALPHABET = "0123456789 ,，.元圆万亿千角分毛整正壹贰叁伍捌拾佰仟萬人民币美金USD$¥￥（）()含不至以上下每个月托位年度人均限额为、\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
@example(text="0圆0拾毛")  # an Arabic digit before a 大写 unit in the 角 place raised InvalidOperation
@example(text="每位叁圆¥0")  # a 每-noun reaching back over the amount before: overlapping mentions
def test_offsets_hold_on_money_like_text(text):
    found = extract_money(text, None)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.text == m.text.strip()
        assert (m.value is None) != (m.min is None)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text", ["1，234，" * 5000, "1 234 " * 5000, "壹" * 20000, "人民币" * 5000,
                                  "每个婴幼儿" * 3000, "年度最高支付限额" * 2000, "5000元以上（含）" * 2000,
                                  "USD " * 5000, "1亿\n" * 5000])
def test_repeated_forms_finish(text):
    found = extract_money(text, None)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text,code", [
    ("100美元", "USD"), ("100美金", "USD"), ("USD 100", "USD"), ("$100", "USD"), ("3.5亿日元", "JPY"),
    ("50欧元", "EUR"), ("20英镑", "GBP"), ("100港币", "HKD"), ("50澳门元", "MOP"), ("1000新台币", "TWD"),
    ("5000韩元", "KRW"), ("300卢布", "RUB"), ("¥100", "CNY"), ("20块", "CNY"), ("20圆", "CNY"),
])
def test_currency_codes(text, code):
    assert [m.currency for m in extract_money(text, None)] == [code]
