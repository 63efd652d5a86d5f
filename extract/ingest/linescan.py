"""Which lines of a text hold a word: one scan of the whole text (in C) instead of one
search per line, for the line-by-line stages whose patterns each need a word
(extract/literals.py derives the words)."""
from __future__ import annotations

import re
from typing import Optional


def lines_holding(text: str, scan: Optional[re.Pattern]) -> Optional[set[int]]:
    """Indices of the lines of `text` (split on "\\n") in which `scan` finds a match;
    None when there is no scan (every line may hold one). `scan` must match no newline."""
    if scan is None:
        return None
    out: set[int] = set()
    k = at = 0
    search, count, find = scan.search, text.count, text.find
    m = search(text)
    while m is not None:
        s = m.start()
        k += count("\n", at, s)
        out.add(k)
        at = find("\n", s)  # on to the next line
        if at < 0:
            break
        m = search(text, at + 1)
    return out
