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

# _MD searched in "\n" + text: a pattern anchored at a line's start opens with the newline
# instead (the engine skips to newlines in C rather than trying every position)
_MD_NL = tuple(re.compile("\n" + rx.pattern[1:], rx.flags) if rx.pattern.startswith("^") else rx for rx in _MD)

# strings one of which each of _MD needs
_MD_NEEDS = (("#",), ("**",), ("](",), (">",), ("-", "*", "+"), ("|",))

_DOCUMENT = re.compile(r"<(?:html|head|body|!doctype)\b", re.I)


def sniff(text: str) -> str:
    head = text[:20000]
    stripped = head.lstrip()
    tags = len(_TAG.findall(head)) if "<" in head else 0
    if _MD[0].match(stripped) and not _DOCUMENT.search(head):
        return "markdown"  # a Markdown document opening with a heading (inline HTML paragraphs allowed)
    if stripped.startswith("<") and tags >= 2:
        return "html"
    if tags >= 5 and tags * 200 > len(head):
        return "html"
    # each pattern searched only when the characters it needs are there
    nl_head = "\n" + head
    hits = [any(c in head for c in need) and rx.search(nl_head) is not None for rx, need in zip(_MD_NL, _MD_NEEDS)]
    signals = sum(hits)
    strong = hits[0] or hits[1] or hits[2]
    if signals >= 2 or (signals == 1 and strong and hits[0]):
        return "markdown"
    return "text"
