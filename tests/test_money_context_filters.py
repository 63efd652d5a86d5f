"""The context checks of the money extractor skip their regex when a cheap test shows it
cannot match: prefix_mod when the character before the amount ends no bound word or
filler (MOD_PREFIX ends the window), rate_per when no head word (标准, 限额…) stands in
its window (every RATE_NOUN match ends in one). They must answer as the regexes alone do."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extract.money import context as ctx
from extract.money.patterns import MOD_PREFIX, RATE_NOUN
from tests.conftest import bulk_files

ALPHABET = ("0123456789元万每人年月度均标准限额上限补助费用不超过最高低于多约近达到为了以上下，。、\n 今去")

WRITTEN = [
    "年度最高支付限额为15万元，人均财政补助标准670元。",
    "每人每年不超过2000元，月人均补贴约300元，节约9元。",
    "2024年度筹资标准为每人380元，最低不低于50%。",
]


def _prefix_mod_plain(text: str, start: int):
    """prefix_mod without its first-character test."""
    window = text[max(0, start - ctx.WINDOW):start]
    if not MOD_PREFIX.search(window):
        return None, start
    saved = ctx.MOD_PREFIX_LAST
    ctx.MOD_PREFIX_LAST = frozenset(window[-1:])  # let the real function run its regex
    try:
        return ctx.prefix_mod(text, start)
    finally:
        ctx.MOD_PREFIX_LAST = saved


def _rate_per_plain(text: str, start: int) -> list[str]:
    """rate_per's answer from RATE_NOUN alone (no head-word test)."""
    seg = text[max(0, start - ctx.RATE_NOUN_CHARS):start]
    head = seg.rstrip(" \t\u3000")
    if head.endswith("\n"):
        seg = head[:-1].rstrip(" \t\u3000")
    m = RATE_NOUN.search(ctx._clause_tail(seg))
    if not m:
        return []
    return list(ctx.RATE_MARKERS[m.group("mk")] if m.group("mk") else ctx.RATE_MARKERS_SHORT[m.group("ms")])


def _same(text: str) -> None:
    for start in range(len(text) + 1):
        assert ctx.prefix_mod(text, start) == _prefix_mod_plain(text, start), (text, start)
        assert ctx.rate_per(text, start) == _rate_per_plain(text, start), (text, start)


def test_written_sentences():
    for text in WRITTEN:
        _same(text)
    # the checks still find what they are for
    at = WRITTEN[0].index("15万")
    assert ctx.rate_per(WRITTEN[0], at) == ["年"]
    assert ctx.prefix_mod(WRITTEN[1], WRITTEN[1].index("2000")) == ("EQUAL_OR_LESS", WRITTEN[1].index("不超过"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_any_text(text):
    _same(text)


def test_bulk_files():
    files = bulk_files("*.md")[:40]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")[:4000]
        for start in range(0, len(text) + 1, 3):
            assert ctx.prefix_mod(text, start) == _prefix_mod_plain(text, start)
            assert ctx.rate_per(text, start) == _rate_per_plain(text, start)
