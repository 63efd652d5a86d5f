"""Gold + Document -> scores. Pure: no file is read here (see `run` for that)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..schema import Document
from .align import place_in_order
from .gold import GoldFile
from .metrics import Counts, Issue, Scores, Tally
from .score import TYPES, score_mentions
from .structure import score_deadlines, score_html, score_meta, score_procedures
from .text import Folded


@dataclass
class FileResult:
    file: str
    scores: Scores
    issues: list[Issue] = field(default_factory=list)


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)   # gold files that could not be used
    settings: dict = field(default_factory=dict)
    # (gold file, document) per file, in the order of `files`: what the HTML view shows whole
    sources: list = field(default_factory=list, repr=False)

    @property
    def totals(self) -> Scores:
        total = Scores()
        for f in self.files:
            total.add(f.scores)
        return total

    @property
    def issues(self) -> list[Issue]:
        return [i for f in self.files for i in f.issues]


def evaluate_file(gold: GoldFile, doc: Optional[Document], file: Optional[str] = None,
                  blind_published: Optional[str] = None, published_known: bool = False) -> FileResult:
    """Score one document against its gold file (a missing document scores as empty).
    `published_known`: the document's publication date was fed in from outside
    (the gold's, as a manifest would), so the date ingest found by itself,
    `blind_published`, is what the `published` score judges."""
    file = file or gold.file
    issues: list[Issue] = []
    if doc is None:
        issues.append(Issue(file, "missed", "document", file, detail="no prediction for this file"))
        doc = Document(id="missing")
    for err in doc.errors:
        issues.append(Issue(file, "error", "document", err.stage, detail=err.message))
    folded = Folded.of(doc.text)
    gspans = place_in_order(folded, [m.text for m in gold.mentions])
    scores = Scores()
    scores.strict, scores.partial, scores.values, found = score_mentions(
        file, doc.text, gold.mentions, gspans, doc.mentions)
    issues += found
    scores.deadlines, found = score_deadlines(file, gold, doc, folded)
    issues += found
    scores.steps, scores.channels, scores.conditions, found = score_procedures(file, gold, doc, folded)
    issues += found
    scores.meta, scores.authors, found = score_meta(file, gold, doc, blind_published, published_known)
    issues += found
    scores.html, found = score_html(file, gold, doc)
    issues += found
    return FileResult(file, scores, issues)


def evaluate(pairs: Iterable[tuple[GoldFile, Optional[Document]]], settings: Optional[dict] = None) -> Report:
    report = Report(settings=dict(settings or {}))
    for gold, doc in pairs:
        report.files.append(evaluate_file(gold, doc))
    return report


def _overall(per_type: dict) -> Counts:
    total = Counts()
    for typ in TYPES:
        total.add(per_type.get(typ, Counts()))
    return total


def headline(scores: Scores) -> dict[str, Optional[float]]:
    """The flat figures the quality gate compares with its floors."""
    out: dict[str, Optional[float]] = {}
    for typ in TYPES:
        out[f"{typ}.strict_f1"] = scores.strict.get(typ, Counts()).f1
        out[f"{typ}.partial_f1"] = scores.partial.get(typ, Counts()).f1
        out[f"{typ}.value_accuracy"] = scores.values.get(typ, {}).get("all", Tally()).accuracy
    out["overall.strict_f1"] = _overall(scores.strict).f1
    out["overall.partial_f1"] = _overall(scores.partial).f1
    all_values = Tally()
    for typ in TYPES:
        all_values.add(scores.values.get(typ, {}).get("all", Tally()))
    out["overall.value_accuracy"] = all_values.accuracy
    out["deadline.f1"] = scores.deadlines.f1
    out["procedure.step_f1"] = scores.steps.f1
    out["procedure.channel_f1"] = scores.channels.f1
    out["procedure.condition_f1"] = scores.conditions.f1
    for name in ("title", "published", "outlet"):
        out[f"meta.{name}_accuracy"] = scores.meta.get(name, Tally()).accuracy
    out["meta.authors_f1"] = scores.authors.f1
    for name in ("must_contain", "must_not_contain"):
        out[f"html.{name}_rate"] = scores.html.get(name, Tally()).accuracy
    return out


def summary(report: Report) -> dict:
    """The whole report as JSON-ready data."""
    t = report.totals
    mentions = {typ: {"strict": t.strict.get(typ, Counts()).as_dict(),
                      "partial": t.partial.get(typ, Counts()).as_dict()} for typ in TYPES}
    mentions["overall"] = {"strict": _overall(t.strict).as_dict(), "partial": _overall(t.partial).as_dict()}
    return {
        "settings": report.settings,
        "files": len(report.files),
        "headline": {k: (None if v is None else round(v, 4)) for k, v in headline(t).items()},
        "mentions": mentions,
        "values": {typ: {f: tally.as_dict() for f, tally in t.values.get(typ, {}).items()} for typ in TYPES},
        "deadlines": t.deadlines.as_dict(),
        "procedures": {"steps": t.steps.as_dict(), "channels": t.channels.as_dict(),
                       "conditions": t.conditions.as_dict()},
        "authors": t.authors.as_dict(),
        "meta": {k: v.as_dict() for k, v in t.meta.items()},
        "html": {k: v.as_dict() for k, v in t.html.items()},
        "per_file": [{"file": f.file, "headline": {k: (None if v is None else round(v, 4))
                                                    for k, v in headline(f.scores).items()}}
                     for f in report.files],
        "problems": report.problems,
        "errors": [i.as_dict() for i in report.issues],
    }
