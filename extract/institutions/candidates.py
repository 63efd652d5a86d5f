"""A candidate institution span and the overlap resolution every layer feeds into."""
from __future__ import annotations

from operator import attrgetter
from typing import Iterable, NamedTuple, Optional

from ..schema import Mention


class Candidate(NamedTuple):
    """A named tuple, not a frozen dataclass: the layers make ~1,500 a pass over the 95
    texts of the throughput benchmark, and a frozen dataclass's __init__ (a setattr per
    field) took ~3x as long. Equality and hash are the same (field by field)."""

    start: int
    end: int
    name: str
    kind: str
    level: Optional[str] = None
    region: Optional[str] = None
    rule: str = ""
    confidence: float = 0.5

    def with_(self, **kw) -> "Candidate":
        """A copy with fields replaced."""
        return self._replace(**kw)

    def mention(self, text: str) -> Mention:
        return Mention(
            type="institution", start=self.start, end=self.end, text=text[self.start:self.end],
            name=self.name, kind=self.kind, level=self.level, region=self.region,
            rule=self.rule, confidence=_rounded(self.confidence),
        )


_ROUNDED: dict[float, float] = {}  # confidence -> round(confidence, 3): a handful of values, ~700 mentions a pass


def _rounded(x) -> float:
    """round(x, 3), kept for the non-zero floats (round with digits takes ~0.5 us; a float
    key equals an int one and 0.0 equals -0.0: those are rounded each time; at most 1,024 kept)."""
    found = _ROUNDED.get(x) if type(x) is float and x else None
    if found is None:
        found = round(x, 3)
        if type(x) is float and x and len(_ROUNDED) < 1024:   # NaN is never found again: bounded
            _ROUNDED[x] = found
    return found


_START = attrgetter("start")


def covered(length: int, found: Iterable[Candidate]) -> bytearray:
    """One byte per character of a text `length` long (and one past its end), 1 where a
    candidate of `found` lies: `covered(...).find(1, a, b) < 0` says [a, b) touches none."""
    out = bytearray(length + 1)
    for c in found:
        out[c.start:c.end] = b"\1" * (c.end - c.start)
    return out


def _rank(c: Candidate) -> tuple:
    return -(c.end - c.start), -c.confidence, c.start


def resolve(cands: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap (ties: higher confidence, then
    earlier start), returned in document order."""
    ranked = sorted(cands, key=_rank)
    if not ranked:
        return []
    taken: list[Candidate] = []
    used = bytearray(max(0, max(c.end for c in ranked)))
    for c in ranked:
        s, e = c.start, c.end
        if used.find(1, s, e) >= 0:
            continue
        used[s:e] = b"\1" * (e - s)
        taken.append(c)
    taken.sort(key=_START)
    return taken
