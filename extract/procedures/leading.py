"""Matches of a pattern every match of which opens with one of a few characters (the menu
paths' quotes and brackets, their separators), found from those characters' places:
str.find per character (a C loop over the text) instead of a scan, which for a pattern
opening with a class or an alternation tests its first characters at every place of the
text (~50-70 instructions a character)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import literals

MAX_CHARS = 8  # more first characters than this: one scan is cheaper than a find per character


@lru_cache(maxsize=32)
def leading_chars(rx: re.Pattern) -> Optional[str]:
    """The characters every match of rx opens with (literals.starts: look-arounds ignored,
    so a superset), or None when they cannot be told, are many, or a match may be empty."""
    if rx.flags & re.IGNORECASE:
        return None
    found = literals.starts(rx)
    if found is None or found.chars is None or found.min_width == 0 or len(found.chars) > MAX_CHARS:
        return None
    return "".join(sorted(found.chars))


def _places(text: str, chars: str, lo: int, hi: int) -> list[int]:
    places = [p for c in chars for p in literals.find_all(text, c, lo, hi)]
    if len(chars) > 1:
        places.sort()
    return places


def search(rx: re.Pattern, text: str, lo: int = 0, hi: Optional[int] = None) -> Optional[re.Match]:
    """rx.search(text, lo, hi), from the places of rx's first characters (see finditer)."""
    hi = len(text) if hi is None else hi
    chars = leading_chars(rx)
    if chars is None:
        return rx.search(text, lo, hi)
    match = rx.match
    for p in _places(text, chars, lo, hi):
        m = match(text, p, hi)
        if m is not None:
            return m
    return None


def finditer(rx: re.Pattern, text: str, lo: int = 0, hi: Optional[int] = None) -> list[re.Match]:
    """list(rx.finditer(text, lo, hi)): rx is matched at the places of its first characters
    only, in order, those inside the last match skipped. A scan tries the same places (no
    other can start a match) with the same bounds, and a match is never empty, so it finds
    the same matches."""
    hi = len(text) if hi is None else hi
    chars = leading_chars(rx)
    if chars is None:
        return list(rx.finditer(text, lo, hi))
    match, out, end = rx.match, [], lo
    for p in _places(text, chars, lo, hi):
        if p >= end:
            m = match(text, p, hi)
            if m is not None:
                out.append(m)
                end = m.end()
    return out
