"""Text comparison the way the annotation guide defines it: whitespace removed,
Unicode NFKC applied. `Folded` keeps the map from folded positions back to the
original string, so a gold text (which has no offsets) can be located in a
document and turned into a span of the document's own text."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SENTENCE_END = frozenset("。！？!?；;\n")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in _INVISIBLE or ch.isspace():
        return ""
    out = unicodedata.normalize("NFKC", ch)
    return "".join(c for c in out if not c.isspace() and c not in _INVISIBLE)


def fold(text: Optional[str]) -> str:
    """Whitespace-stripped NFKC form of `text` (None -> "")."""
    if not text:
        return ""
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True)
class Folded:
    """A folded string and, for each of its characters, the index in the original."""

    original: str
    text: str
    index: tuple

    @classmethod
    def of(cls, original: str) -> "Folded":
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(original):
            for c in _fold_char(ch):
                chars.append(c)
                index.append(i)
        return cls(original, "".join(chars), tuple(index))

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original (start, end) of the folded range [fstart, fend)."""
        return self.index[fstart], self.index[fend - 1] + 1

    def find(self, needle: str, start: int = 0) -> Optional[tuple[int, int]]:
        """Folded (start, end) of the first occurrence of fold(needle) at or after
        folded position `start`, or None."""
        n = fold(needle)
        if not n:
            return None
        at = self.text.find(n, start)
        return (at, at + len(n)) if at >= 0 else None

    def folded_pos(self, original_pos: int) -> int:
        """First folded position whose original index is >= original_pos."""
        lo, hi = 0, len(self.index)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.index[mid] < original_pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def sentence_around(text: str, start: int, end: int, limit: int = 80) -> str:
    """The sentence holding text[start:end] (bounded by 。！？；, line breaks and
    `limit` characters either side), stripped."""
    if not text:
        return ""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = start
    while left > 0 and start - left < limit and text[left - 1] not in _SENTENCE_END:
        left -= 1
    right = end
    while right < len(text) and right - end < limit and text[right] not in _SENTENCE_END:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
    return text[left:right].strip()


def text_overlap(a: Optional[str], b: Optional[str]) -> bool:
    """Two phrases overlap when, folded, they share a common substring at least
    half as long as the shorter one (and at least 2 characters, or the whole of a
    one-character phrase)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, fa, fb, autojunk=False).find_longest_match(0, len(fa), 0, len(fb))
    shorter = min(len(fa), len(fb))
    return m.size >= max(2, (shorter + 1) // 2)
