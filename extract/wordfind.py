"""Finding a few words in a text, fast: every start of one (find_all), whether the text
holds one of them (holds_any, holds_word), and the plan holds_word follows (each word's
rarest character looked for with str.find, the word checked at each hit, in place of a
regex scanner of the words, which tries its class of first characters at every
character of the text). The words come from extract/literals.py (needed, needed_words),
which uses these as the prefilter of a `Guarded` pattern and still exports them."""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Optional


def find_all(text: str, literal: str, pos: int = 0, endpos: int = sys.maxsize) -> list[int]:
    """Every start of `literal` in text[pos:endpos], overlapping ones too, ascending (str.find)."""
    at = []
    s = text.find(literal, pos, endpos)
    while s >= 0:
        at.append(s)
        s = text.find(literal, s + 1, endpos)
    return at


def holds_any(text: str, words: Optional[tuple[str, ...]]) -> bool:
    """False when `text` holds none of `words` (needed_words of a pattern: then it has no
    match). A few `in` tests: on whole articles ~1.6x faster than a scanner's search."""
    if words is None:
        return True
    for w in words:
        if w in text:
            return True
    return False


MAX_FIND_WORDS = 12  # more words: the scanner's (regex's) one pass beats a one-character find pass per word


@lru_cache(maxsize=1024)
def pivot(w: str) -> tuple[str, int]:
    """(the character of `w` to look for, its index): the least frequent one by
    frequent_hanzi.txt's order (one absent from it counts as rarer), the last of those.
    C's one-character str.find runs several times faster over Chinese text than its
    search for two or more, and the rarer the character, the fewer hits checked in Python."""
    rank = _ranks()
    off = max(range(len(w)), key=lambda k: (rank.get(w[k], len(rank)), k))
    return w[off], off


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    from .ingest.decode import frequent_hanzi

    return {ch: i for i, ch in reversed(list(enumerate(frequent_hanzi())))}  # (a character's first place)


def inner_words(words) -> list[str]:
    """The words (in their order, once each) that hold none of the others: a line holding a
    word that holds another holds that one too (摄影记者, 记者), so finding the inner one is enough."""
    return [w for w in dict.fromkeys(words) if not any(v != w and v in w for v in words)]


def find_words(words: Optional[frozenset[str]]) -> Optional[tuple[str, ...]]:
    """The words `holds_word` looks for in place of a scanner of `words` (inner_words), or
    None when there are too many."""
    if not words:
        return None
    inner = tuple(sorted(inner_words(words)))
    return inner if len(inner) <= MAX_FIND_WORDS else None


def holds_word(text: str, words: tuple[str, ...], pos: int = 0, endpos: int = sys.maxsize) -> bool:
    """Whether text[pos:endpos] holds one of `words` (what a scanner of them searching from
    `pos` to `endpos` finds): each word's pivot character found by str.find, the word
    checked at each hit, instead of the scanner's regex, which tries its class of first
    characters at every character of the text."""
    find, starts = text.find, text.startswith
    end = len(text) if endpos > len(text) else endpos
    for c, group, least, most in _pivot_plan(words):
        lo, hi = pos + least, end + most  # where the pivot of a whole word may stand
        if hi <= lo:
            continue
        p = find(c, lo, hi)
        if len(group) == 1:  # (one word: no window of its own to test)
            w, off, _ = group[0]
            if len(w) == 1:
                if p >= 0:
                    return True
                continue
            while p >= 0:
                if starts(w, p - off):
                    return True
                p = find(c, p + 1, hi)
            continue
        while p >= 0:
            for w, off, stop in group:  # each word within its own window
                if pos + off <= p < end + stop and starts(w, p - off):
                    return True
            p = find(c, p + 1, hi)
    return False


@lru_cache(maxsize=1024)
def _pivot_plan(words: tuple[str, ...]) -> tuple:
    """holds_word's find passes: (pivot character, its words (the word, the pivot's index
    in it, where its pivot stops standing relative to the text's end), the least index,
    the greatest stop): words sharing their pivot character are found by one pass
    (布单位 and 文单位 by 单), in the order of their first word."""
    groups: dict[str, list] = {}
    for w in words:
        c, off = pivot(w)
        groups.setdefault(c, []).append((w, off, off - len(w) + 1))
    return tuple((c, tuple(g), min(off for _, off, _ in g), max(stop for _, _, stop in g))
                 for c, g in groups.items())
