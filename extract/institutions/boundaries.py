"""Word boundaries, checked only where a match is ambiguous: a short name (中行, 北大, 世卫)
or a Latin one (WHO, EMS) is a mention only where it is a word of its own, not part of a
longer word (集中办理 holds 中办, 年轻人大展 holds 人大, WHOLE holds WHO). The segmenter
(jieba's, segmenter.py: over an on-disk index, else rjieba) runs on a small window around
the match, so the cost is per ambiguous match, not per text; and not at all where a
character outside jieba's word characters (punctuation, a space, a line break) stands on either side: jieba makes each
such character a word of its own, so a boundary is there whatever the dictionary says."""
from __future__ import annotations

import re
from functools import lru_cache

from . import segmenter

WINDOW = 6  # characters of context each side for the segmenter
SHORT = 2   # names this long or shorter are checked
_LATIN = re.compile(r"[A-Za-z0-9]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# the characters jieba joins into words (its re_han: CJK ideographs, ASCII letters and
# digits, +#&._%-); a character outside them (below U+10000: the astral ideographs are left
# to the segmenter) is a word of its own. "\r\n" is one word.
_WORD_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-zA-Z0-9+#&._%\-\U00010000-\U0010ffff]")


def needs_check(surface: str) -> bool:
    return len(surface) <= SHORT or not _CJK.search(surface)


def is_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is delimited as a word of its own."""
    surface = text[start:end]
    if not _CJK.search(surface):  # Latin: no letter or digit glued on either side
        return not (start and _LATIN.match(text[start - 1])) and not _LATIN.match(text[end:end + 1])
    if _edge(text, start) and _edge(text, end):
        return True
    lo = max(0, start - WINDOW)
    return _cuts(text[lo:min(len(text), end + WINDOW)], start - lo, end - lo)


@lru_cache(maxsize=8192)
def _cuts(window: str, start: int, end: int) -> bool:
    bounds = {0}
    for _, s, e in segmenter.tokenize(window):
        bounds.add(s)
        bounds.add(e)
    return start in bounds and end in bounds


def cut_at(text: str, pos: int) -> bool:
    """Whether the segmenter puts a word boundary at `pos` (an end of a name)."""
    if _edge(text, pos):
        return True
    lo = max(0, pos - WINDOW)
    window = text[lo:min(len(text), pos + WINDOW)]
    return _cuts(window, pos - lo, pos - lo)


def straddled(text: str, start: int, end: int) -> bool:
    """Whether the segmenter's word around `start` begins before the name and ends inside it
    (全国|新办 over 国新办): the name's first character is the tail of another word. A word
    holding the whole name (国家科技部 over 科技部) is no straddle."""
    if _edge(text, start):
        return False
    lo = max(0, start - WINDOW)
    return _straddles(text[lo:min(len(text), end + WINDOW)], start - lo, end - lo)


@lru_cache(maxsize=2048)
def _straddles(window: str, start: int, end: int) -> bool:
    for _, s, e in segmenter.tokenize(window):
        if s < start < e:
            return e < end
    return False


def _edge(text: str, pos: int) -> bool:
    """A boundary at `pos` that needs no segmenter: the text's start or end, or a character
    jieba keeps apart on either side."""
    if pos <= 0 or pos >= len(text):
        return True
    before, after = text[pos - 1], text[pos]
    if "\u4e00" <= before <= "\u9fff" and "\u4e00" <= after <= "\u9fff":
        return False  # two ideographs (most positions asked about): both word characters, no regex call
    return (not _WORD_CHAR.match(before) or not _WORD_CHAR.match(after)) and not (before == "\r" and after == "\n")
