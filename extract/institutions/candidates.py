"""A candidate institution span and the overlap resolution every layer feeds into."""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Optional

from ..schema import Mention


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    kind: str
    level: Optional[str] = None
    region: Optional[str] = None
    rule: str = ""
    confidence: float = 0.5

    def with_(self, **kw) -> "Candidate":
        """A copy with fields replaced (dataclasses.replace without its per-call field
        introspection: every field is an init field)."""
        fields = self.__dict__.copy()
        fields.update(kw)
        return Candidate(**fields)

    def mention(self, text: str) -> Mention:
        return Mention(
            type="institution", start=self.start, end=self.end, text=text[self.start:self.end],
            name=self.name, kind=self.kind, level=self.level, region=self.region,
            rule=self.rule, confidence=round(self.confidence, 3),
        )


_START = attrgetter("start")


def resolve(cands: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap (ties: higher confidence, then
    earlier start), returned in document order."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), -c.confidence, c.start))
    taken: list[Candidate] = []
    used = bytearray()
    for c in ranked:
        if len(used) < c.end:
            used.extend(b"\0" * (c.end - len(used)))
        if b"\1" in used[c.start:c.end]:
            continue
        used[c.start:c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    return sorted(taken, key=_START)
