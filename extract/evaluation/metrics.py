"""Counters the scores are made of, and the per-item error record."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass
class Counts:
    """True positives, false positives (spurious), false negatives (missed).
    P = tp/(tp+fp), R = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn); a ratio whose
    denominator is 0 is 1.0 when there was nothing to find and nothing found,
    otherwise 0.0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def _ratio(self, num: int, den: int) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return num / den if den else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return self._ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Tally:
    """Correct out of total; accuracy is None when there was nothing to judge."""

    correct: int = 0
    total: int = 0

    def add(self, other: "Tally") -> "Tally":
        self.correct += other.correct
        self.total += other.total
        return self

    def record(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    @property
    def accuracy(self) -> Optional[float]:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict:
        acc = self.accuracy
        return {"correct": self.correct, "total": self.total,
                "accuracy": None if acc is None else round(acc, 4)}


@dataclass
class Issue:
    """One error: `kind` is missed, spurious or wrong_value; `type` the dimension
    (date, money, percent, institution, deadline, step, channel, condition,
    title, published, outlet, author, must_contain, must_not_contain, document)."""

    file: str
    kind: str
    type: str
    text: str
    sentence: str = ""
    detail: str = ""
    gold: Optional[dict[str, Any]] = None
    pred: Optional[dict[str, Any]] = None

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


@dataclass
class Scores:
    """All counters of one file or of a whole corpus."""

    strict: dict = field(default_factory=dict)    # type -> Counts
    partial: dict = field(default_factory=dict)   # type -> Counts
    values: dict = field(default_factory=dict)    # type -> {field -> Tally}, "all" included
    deadlines: Counts = field(default_factory=Counts)
    steps: Counts = field(default_factory=Counts)
    channels: Counts = field(default_factory=Counts)
    conditions: Counts = field(default_factory=Counts)
    authors: Counts = field(default_factory=Counts)
    meta: dict = field(default_factory=dict)      # title/published/outlet -> Tally
    html: dict = field(default_factory=dict)      # must_contain/must_not_contain -> Tally

    def add(self, other: "Scores") -> "Scores":
        for name in ("strict", "partial", "meta", "html"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for key, counter in theirs.items():
                mine.setdefault(key, type(counter)()).add(counter)
        for typ, fields in other.values.items():
            mine = self.values.setdefault(typ, {})
            for name, tally in fields.items():
                mine.setdefault(name, Tally()).add(tally)
        self.deadlines.add(other.deadlines)
        self.steps.add(other.steps)
        self.channels.add(other.channels)
        self.conditions.add(other.conditions)
        self.authors.add(other.authors)
        return self
