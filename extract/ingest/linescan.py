"""Which lines of a text hold a word: one scan of the whole text (in C) instead of one
search per line, for the line-by-line stages whose patterns each need a word
(extract/literals.py derives the words)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

try:  # Python 3.11+
    import re._constants as _C
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C
    import sre_parse as _parser

_MAX_FIND_WORDS = 4  # more words: the regex's one pass beats a str.find pass per word


def lines_holding(text: str, scan: Optional[re.Pattern]) -> Optional[set[int]]:
    """Indices of the lines of `text` (split on "\\n") in which `scan` finds a match;
    None when there is no scan (every line may hold one). `scan` must match no newline."""
    if scan is None:
        return None
    words = _plain_words(scan)
    if words is not None:
        return _lines_finding(text, words)
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


def _lines_finding(text: str, words: tuple[str, ...]) -> set[int]:
    """lines_holding for a scan that is a few plain words: str.find (C's fast search)
    per word, on to the next line after each hit."""
    out: set[int] = set()
    count, find = text.count, text.find
    for w in words:
        k = at = 0
        s = find(w)
        while s >= 0:
            k += count("\n", at, s)
            out.add(k)
            at = find("\n", s)
            if at < 0:
                break
            at += 1
            k += 1
            s = find(w, at)
    return out


@lru_cache(maxsize=256)
def _plain_words(scan: re.Pattern) -> Optional[tuple[str, ...]]:
    """The words a scan is an alternation of (a word, `a|bc`, `[ab]`), when there are at
    most a few, none with a newline, and no flag changes what a character matches; else None."""
    if scan.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        items = list(_parser.parse(scan.pattern, scan.flags))
    except re.error:  # pragma: no cover - a compiled pattern parses
        return None
    if len(items) == 1 and items[0][0] is _C.BRANCH:
        alternatives = [list(a) for a in items[0][1][1]]
    elif len(items) == 1 and items[0][0] is _C.IN:
        alternatives = [[(_C.LITERAL, v)] if op is _C.LITERAL else [(op, v)] for op, v in items[0][1]]
    else:
        alternatives = [items]
    words = []
    for alt in alternatives:
        if not alt or any(op is not _C.LITERAL for op, _ in alt):
            return None
        words.append("".join(chr(v) for _, v in alt))
    if len(words) > _MAX_FIND_WORDS or any("\n" in w for w in words):
        return None
    return tuple(words)


def search_tail(rx, text: str) -> Optional[re.Match]:
    """rx.search(text) for a pattern whose matches end at the text's end (`…$`, at most
    `w` characters long): searched from `w + 1` characters before the end only (a long
    line's other starts cannot match; a lookbehind still sees the text before). A
    multiline `$` ends a line: so only for a text of one line."""
    w, multiline = _tail_width(getattr(rx, "rx", rx))
    if w is None or (multiline and "\n" in text):
        return rx.search(text)
    return rx.search(text, max(0, len(text) - w - 1))


@lru_cache(maxsize=64)
def _tail_width(rx: re.Pattern) -> tuple[Optional[int], bool]:
    """(the longest match of a pattern ending in `$`, or None; whether it is multiline)."""
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:  # pragma: no cover - a compiled pattern parses
        return None, False
    multiline = bool((rx.flags | parsed.state.flags) & re.MULTILINE)
    items = list(parsed)
    if not items or items[-1] != (_C.AT, _C.AT_END):
        return None, multiline
    width = parsed.getwidth()[1]
    return (width if width < _C.MAXREPEAT else None), multiline
