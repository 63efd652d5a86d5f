"""Markdown -> plain lines (markup removed, offsets kept). Headings are remembered
by the raw offset of their first character: they start articles."""
from __future__ import annotations

import re

from ..offsets import Mapped

_RULES = [
    (re.compile(r"^[ \t]{0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),          # horizontal rule
    (re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*){0,50}\|?[ \t]*$", re.M), ""),  # table rule
    (re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)"), ""),                     # image
    (re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,1000}\)"), r"\1"),                 # link
    (re.compile(r"<br\s{0,3}/?>", re.I), "\n"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,500})?/?>"), ""),      # inline html
    (re.compile(r"\*\*([^*\n]{1,500})\*\*"), r"\1"),
    (re.compile(r"__([^_\n]{1,500})__"), r"\1"),
    (re.compile(r"(?<![*\w])\*([^*\n]{1,500})\*(?![*\w])"), r"\1"),            # *emphasis*
    (re.compile(r"`([^`\n]{1,500})`"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),                                  # blockquote
    (re.compile(r"^[ \t]{0,6}[-*+][ \t]+", re.M), ""),                              # bullet
    (re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$", re.M), ""),                     # table edges
    (re.compile(r"[ \t]*\|[ \t]*"), "\n"),                                          # table cells
]
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+", re.M)
_HEADING_CLOSE = re.compile(r"[ \t]+#{1,6}[ \t]*$", re.M)


def strip_markdown(m: Mapped) -> tuple[Mapped, dict[int, int]]:
    """Return the text without markup and {raw offset of a heading's first char: level}."""
    headings: dict[int, int] = {}
    for h in _HEADING.finditer(m.text):
        if h.end() < len(m.text) and m.text[h.end()] != "\n":
            headings[m.pos[h.end()]] = len(h.group(1))
    m = m.sub(_HEADING, "")
    m = m.sub(_HEADING_CLOSE, "")
    for rx, repl in _RULES:
        m = m.sub(rx, repl)
    return m, headings
