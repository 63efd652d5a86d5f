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

# strings one of which each of _MD needs, and a character of each of them (a word's first:
# C's search for one character over the text runs several times faster than for two)
_MD_NEEDS = (("#",), ("**",), ("](",), (">",), ("-", "*", "+"), ("|",))
_MD_CHARS = tuple(tuple(dict.fromkeys(w[0] for w in need)) for need in _MD_NEEDS)
# the signals after the heading's, asked in this order (list items, whose characters most
# texts hold, last: not asked when the others show none, as it alone cannot make two)
_MD_ORDER = (1, 2, 3, 5, 4)

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
    # Markdown: a heading line, or two of the other signals (each pattern searched only
    # when the characters it needs are there, and only while it can change the answer)
    nl_head = "\n" + head
    if _md_signal(0, head, nl_head):
        return "markdown"
    signals = 0
    for i, k in enumerate(_MD_ORDER):
        if signals + len(_MD_ORDER) - i < 2:  # (this one and those after it cannot make two)
            break
        if _md_signal(k, head, nl_head):
            signals += 1
            if signals == 2:
                return "markdown"
    return "text"


def _md_signal(k: int, head: str, nl_head: str) -> bool:
    return (any(c in head for c in _MD_CHARS[k]) and any(w in head for w in _MD_NEEDS[k])
            and _MD_NL[k].search(nl_head) is not None)
