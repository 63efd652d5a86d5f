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

from ..literals import MAX_FIND_WORDS, edges, inner_words, starts
from ..literals import pivot as _pivot
from ..prebuilt import memo



def lines_holding(text: str, scan: Optional[re.Pattern]) -> Optional[set[int]]:
    """Indices of the lines of `text` (split on "\\n") in which `scan` finds a match;
    None when there is no scan (every line may hold one). `scan` must match no newline."""
    if scan is None:
        return None
    if isinstance(scan, Closing):
        return _lines_closing(text, scan.chars)
    if isinstance(scan, Opening):  # each match opens with the newline ending the line before
        text, scan = "\n" + text, scan.rx
    words, mixed = _how(scan)
    if words is not None:
        return _lines_finding(text, words)
    if mixed is not None:  # (any_line_scan's alternation of words and closing characters)
        return _lines_finding(text, mixed[0]) | _lines_closing(text, mixed[1])
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


_HOW: dict[int, tuple] = {}  # id(scan) -> (scan, its plain words, its words and closing characters)


def _how(scan: re.Pattern) -> tuple:
    """(_plain_words(scan), _words_and_closing(scan)), memoized by the scan's identity: a
    compiled pattern's hash is a hash of its whole code (~1,300 instructions for these),
    paid on every lru_cache lookup; the entry holds the scan, so its id is not reused."""
    got = _HOW.get(id(scan))
    if got is None or got[0] is not scan:
        if len(_HOW) > 4096:  # (scans are the patterns' own, a few hundred: a bound all the same)
            _HOW.clear()
        words = _plain_words(scan)
        got = _HOW[id(scan)] = (scan, words, None if words is not None else _words_and_closing(scan))
    return got[1], got[2]


def _lines_finding(text: str, words: tuple[str, ...]) -> set[int]:
    """lines_holding for a scan that is a few plain words: str.find (C's fast search)
    per word, on to the next line after each hit. A longer word is found by one of its
    characters alone, the word checked at each: C's one-character search runs several
    times faster over Chinese text than its search for two or more (the 74 texts'
    byline scans: 17 -> 4 ms); the character is its least frequent one (literals.pivot),
    so fewer hits are checked in Python. Words sharing that character are found by one
    pass (阅 of 相关阅读, 推荐阅读 …), and the hits' line numbers are counted in one sweep
    over the text, not one per word."""
    find, starts = text.find, text.startswith
    hits: list[int] = []  # where a word stands (at most one a line for each character)
    groups = _pivot_groups(words)
    for c, ws, least in groups:
        one = ws[0] if len(ws) == 1 else None
        p = find(c, least)  # where the pivot may stand (its word starts off before)
        while p >= 0:
            if one is not None:
                w, off, single = one
                s = p - off if single or starts(w, p - off) else -1
            else:
                s = -1
                for w, off, single in ws:
                    if p >= off and (single or starts(w, p - off)):
                        s = p - off
                        break
            if s < 0:
                p = find(c, p + 1)
                continue
            hits.append(s)
            at = find("\n", p)  # on to the next line
            if at < 0:
                break
            p = find(c, at + 1 + least)
    if len(groups) > 1:
        hits.sort()
    out: set[int] = set()
    count = text.count
    k = at = 0
    for s in hits:
        k += count("\n", at, s)
        at = s
        out.add(k)
    return out


@lru_cache(maxsize=256)
def _pivot_groups(words: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int, bool], ...], int], ...]:
    """(pivot character, its words (the word, the pivot's index in it, whether it is that
    character alone), the least index) for `words`, in the order of their first word."""
    groups: dict[str, list] = {}
    for w in words:
        c, off = _pivot(w)
        groups.setdefault(c, []).append((w, off, len(w) == 1))
    return tuple((c, tuple(ws), min(off for _, off, _ in ws)) for c, ws in groups.items())


def _lines_closing(text: str, chars: frozenset[str]) -> set[int]:
    """lines_holding for a Closing scan: str.find per character (C's fast search), a hit
    when only blanks follow it on its line (what `c[^\\S\\n]*$` under re.M matches)."""
    out: set[int] = set()
    count, find, n, blanks = text.count, text.find, len(text), _LINE_BLANKS.match
    for c in chars:
        k = at = 0
        s = find(c)
        while s >= 0:
            nxt = text[s + 1:s + 2]
            # where the blanks after it end (each run read once: linear in the text)
            p = s + 1 if not nxt or nxt == "\n" or not nxt.isspace() else blanks(text, s + 1).end()
            if p == n or text[p] == "\n":
                k += count("\n", at, s)
                at = s
                out.add(k)
                s = find(c, p + 1)  # on to the next line
            else:
                s = find(c, p)
    return out


_LINE_BLANKS = re.compile(r"[^\S\n]*")


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
    words = inner_words(words)
    if len(words) > MAX_FIND_WORDS or any("\n" in w for w in words):
        return None
    return tuple(words)


_CLOSING_TAIL = repr(list(_parser.parse("a[^\\S\\n]*$", re.M))[1:])


@lru_cache(maxsize=256)
def _words_and_closing(scan: re.Pattern) -> Optional[tuple[tuple[str, ...], frozenset[str]]]:
    """(words, closing characters) for a multiline scan that is an alternation of plain
    words and of `c[^\\S\\n]*$` (a line closing with c): lines_holding unions _lines_finding
    and _lines_closing, where the regex would try each character of the text in its class
    loop; else None."""
    if scan.flags & (re.IGNORECASE | re.LOCALE) or not scan.flags & re.MULTILINE:
        return None
    try:
        items = list(_parser.parse(scan.pattern, scan.flags))
    except re.error:  # pragma: no cover - a compiled pattern parses
        return None
    if len(items) != 1 or items[0][0] is not _C.BRANCH:
        return None
    words, chars = [], set()
    for alt in items[0][1][1]:
        alt = list(alt)
        if alt and all(op is _C.LITERAL for op, _ in alt):
            words.append("".join(chr(v) for _, v in alt))
        elif len(alt) > 1 and alt[0][0] is _C.LITERAL and repr(alt[1:]) == _CLOSING_TAIL:
            chars.add(chr(alt[0][1]))
        else:
            return None
    words = inner_words(words)
    if not words or not chars or len(words) > MAX_FIND_WORDS or any("\n" in w for w in words):
        return None
    return tuple(words), frozenset(chars)


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


class Opening:
    """A scan for lines_holding finding the lines that, stripped, open with one of
    `chars`: a newline, blanks, the character, looked for in the text behind one more
    newline (so the scan opens with a literal: the engine skips to each newline in C)."""

    __slots__ = ("chars", "rx", "pattern")

    def __init__(self, chars: frozenset[str]):
        self.chars = chars
        self.rx = re.compile("\\n[^\\S\\n]*[" + "".join(map(re.escape, sorted(chars))) + "]")
        self.pattern = self.rx.pattern


class Closing:
    """A scan for lines_holding finding the lines that, stripped, close with one of `chars`:
    found by str.find per character, each hit checked for blanks only after it (the regex
    alternation of `c[^\\S\\n]*$` scans each character of the text in the engine's slower
    class loop). `pattern`/`alternatives`: that alternation, for any_line_scan."""

    __slots__ = ("chars", "alternatives", "pattern")

    def __init__(self, chars: frozenset[str]):
        self.chars = chars
        self.alternatives = [re.escape(c) + "[^\\S\\n]*$" for c in sorted(chars)]
        self.pattern = "|".join(self.alternatives)

    def __eq__(self, other) -> bool:  # patterns closing with the same characters share a scan
        return isinstance(other, Closing) and other.chars == self.chars

    def __hash__(self) -> int:
        return hash(self.chars)


@lru_cache(maxsize=256)
def line_scan(rx):
    """A scan for lines_holding finding every line of a text whose stripped text `rx`
    may match (rx.search(line.strip())): with an anchored pattern the characters the
    stripped line must close with (`…$`) or open with (`^…`, an Opening); else the
    words the pattern needs (a guarded pattern's `need`); None when nothing narrows it."""
    plain = getattr(rx, "rx", rx)
    edge = _edge_scan(plain.pattern, plain.flags)
    return edge if edge is not None else getattr(rx, "need", None)


def any_line_scan(patterns):
    """One line_scan for several patterns: a line it finds nothing on is matched by none
    of them (None when one of them cannot be narrowed)."""
    scans = [line_scan(rx) for rx in patterns]
    if not scans or any(sc is None for sc in scans):
        return None
    if all(isinstance(sc, Opening) for sc in scans):
        return Opening(frozenset().union(*(sc.chars for sc in scans)))
    if all(isinstance(sc, Closing) for sc in scans):
        return Closing(frozenset().union(*(sc.chars for sc in scans)))
    if any(isinstance(sc, Opening) for sc in scans):
        return None  # (not needed yet)
    return _alternation([a for sc in scans for a in _alternatives(sc)])


def _alternatives(scan: re.Pattern) -> list[str]:
    return getattr(scan, "alternatives", None) or [scan.pattern]


def _alternation(alts: list[str]) -> re.Pattern:
    """Alternatives each opening with a literal (so the engine skips to their first
    characters in C), duplicates dropped."""
    return re.compile("|".join(dict.fromkeys(alts)), re.M)


def _edge_scan(pattern: str, flags: int):
    edge = _edge(pattern, flags)
    if edge is None:
        return None
    side, chars = edge
    if side == "close":
        return Closing(frozenset(chars))
    return Opening(frozenset(chars))


@memo("ingest.edge", sources=("ingest/linescan.py", "literals.py"))
def _edge(pattern: str, flags: int) -> Optional[tuple[str, str]]:
    """("close", the characters a stripped line matched by `pattern` ends with) for a
    pattern ending with `$`, ("open", those it opens with) for one opening with `^`, else
    None (stored by the cache build: a fresh process does not parse the patterns again)."""
    if flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:  # pragma: no cover - a compiled pattern parses
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    items = list(parsed)
    # a stripped line holds no blank at either edge and no newline
    if items and items[-1] == (_C.AT, _C.AT_END):
        chars, nullable = _last(items[:-1])
        if chars and not nullable:
            return "close", "".join(sorted(c for c in chars if not c.isspace()))
    if items and items[0] == (_C.AT, _C.AT_BEGINNING):
        found = starts(pattern, flags)
        if found is not None and found.chars and found.min_width > 0:
            return "open", "".join(sorted(c for c in found.chars if not c.isspace()))
    return None


_SPACE_RUN = [(_C.IN, [(_C.CATEGORY, _C.CATEGORY_SPACE)])]


def _last(items: list) -> tuple[Optional[set], bool]:
    """(the characters a match of the sequence can end with, whether it can match
    empty); None for a class like \\d or [^x]. Lookarounds are ignored (a superset), so
    is a run of blanks that may be empty (a stripped line does not end with one)."""
    return edges(items, last=True, skip=_SPACE_RUN)

