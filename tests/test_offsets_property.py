"""Property tests: whatever the input, every character of the cleaned text maps
back to the raw character it came from, and the map is monotonic."""
from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.ingest.lines import _FULLWIDTH, clean
from extract.offsets import Mapped
from extract.pipeline import ingest_text

ALPHABET = st.sampled_from(
    list("国家医保局年月日元万亿前起至共济缴费问答，。：；！？“”（）《》、")
    + list("0123456789０１２３９ＡＢａｂ%％.-/") + [" ", " ", "\u3000", "\xa0", "\n", "\n\n", "\t", "■", "#", "*", "&"]
)
TEXTS = st.lists(ALPHABET, max_size=300).map("".join)


def _normal(ch: str) -> str:
    return chr(_FULLWIDTH.get(ord(ch), ord(ch)))


def check_round_trip(raw: str, mapped: Mapped) -> None:
    text, pos = mapped.text, mapped.pos
    assert len(text) == len(pos)
    assert all(0 <= p < len(raw) for p in pos)
    assert all(a <= b for a, b in zip(pos, pos[1:]))
    for ch, p in zip(text, pos):
        if ch in "\n ":
            continue
        assert _normal(raw[p]) == ch or raw[p] == "&", (ch, raw[p])
    for i in range(0, len(text), 7):
        rs, re_ = mapped.raw_span(i, min(len(text), i + 5))
        assert 0 <= rs <= re_ <= len(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["text", "markdown"]))
def test_line_cleaning_round_trips(raw, fmt):
    cleaned, _ = clean(Mapped.identity(raw), fmt)
    check_round_trip(raw, cleaned)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=6))
def test_html_round_trips(paragraphs):
    raw = "<html><body><div class='content'>" + "".join(
        f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</div></body></html>"
    ing = ingest_text(raw)
    text, pos = ing.text.text, ing.text.pos
    assert len(text) == len(pos)
    for ch, p in zip(text, pos):
        if ch in "\n ":
            continue
        src = raw[p]
        if src == "&":  # an entity: it must decode to this character
            end = raw.index(";", p)
            assert _normal(html.unescape(raw[p:end + 1])[0]) == ch
        else:
            assert _normal(src) == ch


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_parses_to_a_valid_document(raw):
    import extract

    doc = extract.parse(raw, published="2021-11-25")
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    for a in doc.articles:
        assert 0 <= a.start <= a.end <= len(doc.text)
