"""Bookkeeping of procedure drafts: what text the steps already took (an interval set
with logarithmic look-ups) and which drafts stand near a position (a start index), so that
assembling the procedures of a long article stays near-linear."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from ..schema import Span

NEAR_SCAN = 8  # drafts looked at on each side of a position when searching for a neighbour


@dataclass
class Draft:
    start: int
    end: int
    goal: Optional[str]
    steps: list[Span]
    conditions: list[Span] = field(default_factory=list)
    channel_ranges: list[tuple[int, int]] = field(default_factory=list)  # where its channels are named (default: its span)
    container: bool = False  # its span holds other text (a list with bodies under its items)
    # no eligibility stated from here on joins it (a regulation's benefit: the lists under its last
    # step say which group then gets what: 符合以下条件的可按规定享受长护险待遇：1.…享受生活照料待遇)
    closed_after: Optional[int] = None
    where: bool = False  # an answer to 到哪里办理？ that only names places (see __init__._where_answers)
    not_own: list[tuple[int, int]] = field(default_factory=list)  # items of its list that are no part of it (no condition there)
    destinations: list[tuple[int, int]] = field(default_factory=list)  # organisers an instruction sends to (发送至组委会): office channels


class Taken:
    """Disjoint, sorted intervals of claimed text; overlapping claims merge."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.ends, s + 1)  # first interval ending after s
        return i < len(self.starts) and self.starts[i] < e

    def add(self, s: int, e: int) -> None:
        if e <= s:
            return
        i = bisect_left(self.ends, s)      # first interval that ends at or after s
        j = bisect_right(self.starts, e)   # intervals from i to j-1 touch [s, e]
        if i < j:
            s = min(s, self.starts[i])
            e = max(e, self.ends[j - 1])
        self.starts[i:j] = [s]
        self.ends[i:j] = [e]


def near_drafts(drafts: list[Draft], s: int, e: int, gap: int, starts: Optional[list[int]] = None) -> list[Draft]:
    """Drafts (sorted by start) that end at most `gap` characters before s or start at
    most `gap` characters after e, nearest first in document order; only the NEAR_SCAN
    drafts around the position are looked at."""
    keys = starts if starts is not None else [d.start for d in drafts]
    i = bisect_right(keys, e + gap)
    out = []
    for k in range(i - 1, max(-1, i - 1 - 2 * NEAR_SCAN), -1):
        d = drafts[k]
        if 0 <= s - d.end <= gap or 0 <= d.start - e <= gap:
            out.append(d)
    return sorted(out, key=lambda d: d.start)


class DraftIndex:
    """Start positions of a sorted draft list, computed once for a run of look-ups."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = sorted(drafts, key=lambda d: d.start)
        self.starts = [d.start for d in self.drafts]

    def near(self, s: int, e: int, gap: int) -> list[Draft]:
        return near_drafts(self.drafts, s, e, gap, self.starts)

    def around(self, s: int, e: int) -> list[Draft]:
        """The innermost of the NEAR_SCAN drafts starting before s whose span holds [s, e)."""
        i = bisect_right(self.starts, s)
        for k in range(i - 1, max(-1, i - 1 - NEAR_SCAN), -1):
            d = self.drafts[k]
            if d.start <= s and e <= d.end:
                return [d]
        return []
