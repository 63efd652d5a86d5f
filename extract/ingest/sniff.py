"""Guess the format from content, never from the file name."""
from __future__ import annotations

import re

_TAG = re.compile(r"<(?:html|head|body|div|p|span|br|table|article|section|h[1-6]|ul|li|a|img|meta|!doctype)\b", re.I)
_MD = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),
    re.compile(r"\*\*[^*\n]{1,200}\*\*"),
    re.compile(r"\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)"),
    re.compile(r"^>[ \t]?\S", re.M),
    re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S", re.M),
    re.compile(r"^\|.{1,500}\|[ \t]*$", re.M),
)


_DOCUMENT = re.compile(r"<(?:html|head|body|!doctype)\b", re.I)


def sniff(text: str) -> str:
    head = text[:20000]
    stripped = head.lstrip()
    tags = len(_TAG.findall(head))
    if _MD[0].match(stripped) and not _DOCUMENT.search(head):
        return "markdown"  # a Markdown document opening with a heading (inline HTML paragraphs allowed)
    if stripped.startswith("<") and tags >= 2:
        return "html"
    if tags >= 5 and tags * 200 > len(head):
        return "html"
    signals = sum(1 for rx in _MD if rx.search(head))
    strong = bool(_MD[0].search(head) or _MD[1].search(head) or _MD[2].search(head))
    if signals >= 2 or (signals == 1 and strong and _MD[0].search(head)):
        return "markdown"
    return "text"
