"""Positions the open-world walk of patterns.py treats specially: inside a region's name or a
word like 人力资源和社会保障 a stop character is no break, and a bracketed region inside a
company's name (康美（亳州）世纪国药有限公司) does not end the name."""
from __future__ import annotations

import re
from typing import Optional

from . import wordlists
from .boundaries import cut_at
from .references import region_prefix


def _region_positions(text: str) -> set[int]:
    """Positions inside a region's name or a county's short name that holds a stop character
    (word list stop_words), where the segmenter keeps the name whole (开化 of 开化村头卫生院:
    开 is no stop there)."""
    out: set[int] = set()
    for a, b, _ in wordlists.hits(text, "stop_words"):
        if (a == 0 or cut_at(text, a)) and cut_at(text, b):
            out.update(range(a, b))
    return out


BRACKET_REACH = 10  # a bracketed region inside a name: （北京）, at most 10 characters
_BRACKET = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]$")
BRACKETED_COUNTRY = frozenset({"中国"})
_BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[）)]")


def _bracketed_region(text: str, i: int) -> Optional[int]:
    """Start of a region in brackets that ends at `i` inside a company's name (康美（亳州）世纪
    国药有限公司), when a Chinese character stands before it; else None."""
    if not i or text[i - 1] not in "）)":
        return None
    m = _BRACKET.search(text, max(0, i - BRACKET_REACH), i)
    if m is None or not m.start() or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
        return None
    inner = m.group(1)
    # a foreign firm's Chinese arm names the country in brackets (杜塞尔多夫展览(中国)有限公司, round 18)
    return m.start() if region_prefix(inner + "\0") == len(inner) or inner in BRACKETED_COUNTRY else None


def _inner_positions(text: str) -> set[int]:
    """Positions inside words like 人力资源和社会保障, where a stop character is no break."""
    out: set[int] = set()
    for s, e, _ in wordlists.hits(text, "inner_words"):
        out.update(range(s, e))
    return out
