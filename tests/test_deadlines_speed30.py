"""deadlines' soft line breaks (_SOFT_BREAK, round 30: led by the \\n, its lookbehind read after
it) are where the earlier pattern (the lookbehind before the \\n) finds them."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.deadlines import _SOFT_BREAK, _join_wraps

_EARLIER = re.compile(
    r"(?<=[^\n。！？；!?;：:）)])\n(?![\n\s]|[0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(①-⑩]|[^，。；：:\n]{1,14}[：:])"
)
ALPHABET = "\n\n\n 　。！？；!?;：:）)（(①⑩一二十、0129.．，报名时间截止日期前"


def _same(text: str) -> None:
    assert [m.span() for m in _SOFT_BREAK.finditer(text)] == [m.span() for m in _EARLIER.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_soft_breaks_as_before(text):
    _same(text)


def test_soft_breaks_edges():
    for text in ("\n", "\n\n", "a\n", "a\nb", "。\nb", "a\n1.计划", "a\n\nb", "）\n新的段落", "\na\nb"):
        _same(text)
    assert _join_wraps("第一行很长很长很长\n接着写完") == "第一行很长很长很长\u200b接着写完"
    assert _join_wraps("标题\n1.计划") == "标题\n1.计划"
