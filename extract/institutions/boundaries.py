"""Word boundaries, checked only where a match is ambiguous: a short name (中行, 北大, 世卫)
or a Latin one (WHO, EMS) is a mention only where it is a word of its own, not part of a
longer word (集中办理 holds 中办, 年轻人大展 holds 人大, WHOLE holds WHO). The segmenter
(jieba through rjieba) runs on a small window around the match, so the cost is per
ambiguous match, not per text."""
from __future__ import annotations

import re
from functools import lru_cache

import rjieba

WINDOW = 6  # characters of context each side for the segmenter
SHORT = 2   # names this long or shorter are checked
_LATIN = re.compile(r"[A-Za-z0-9]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def needs_check(surface: str) -> bool:
    return len(surface) <= SHORT or not _CJK.search(surface)


def is_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is delimited as a word of its own."""
    surface = text[start:end]
    if not _CJK.search(surface):  # Latin: no letter or digit glued on either side
        return not (start and _LATIN.match(text[start - 1])) and not _LATIN.match(text[end:end + 1])
    lo = max(0, start - WINDOW)
    return _cuts(text[lo:min(len(text), end + WINDOW)], start - lo, end - lo)


@lru_cache(maxsize=8192)
def _cuts(window: str, start: int, end: int) -> bool:
    bounds = {0}
    for _, s, e in rjieba.tokenize(window):
        bounds.add(s)
        bounds.add(e)
    return start in bounds and end in bounds


def cut_at(text: str, pos: int) -> bool:
    """Whether the segmenter puts a word boundary at `pos` (an end of a name)."""
    lo = max(0, pos - WINDOW)
    window = text[lo:min(len(text), pos + WINDOW)]
    return _cuts(window, pos - lo, pos - lo)
