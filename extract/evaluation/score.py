"""Mention scoring: gold mentions (placed in the document by `align`) against
predicted mentions, one-to-one, per type, strict (same folded text at an
overlapping place) and partial (overlapping spans). Optional gold items are
matched last, against the predictions nobody else took: matched, they excuse
that prediction; unmatched, they are not missed."""
from __future__ import annotations

from typing import Optional, Sequence

from ..schema import Mention
from .align import Span, overlap
from .gold import GoldMention
from .metrics import Counts, Issue, Tally
from .text import fold, sentence_around
from .values import VALUE_FIELDS, compare, describe

TYPES = ("date", "money", "percent", "institution")
Pair = tuple[int, int]


def _assign(gold: Sequence[GoldMention], gspans: Sequence[Optional[Span]], golds: list[int],
            preds: Sequence[Mention], free: set[int], partial: bool) -> list[Pair]:
    """One-to-one pairs (gold index, pred index) among `golds` and the `free`
    preds; takes the preds it pairs out of `free`."""
    pairs: list[Pair] = []
    open_golds: list[int] = []

    def take(g: int, p: int) -> None:
        pairs.append((g, p))
        free.discard(p)

    for g in golds:  # strict: same folded text, overlapping place (most overlap first)
        if gspans[g] is None:
            continue
        want = fold(gold[g].text)
        best = max((p for p in free if fold(preds[p].text) == want),
                   key=lambda p: (overlap(gspans[g], (preds[p].start, preds[p].end)), -p), default=None)
        if best is not None and overlap(gspans[g], (preds[best].start, preds[best].end)) > 0:
            take(g, best)
        else:
            open_golds.append(g)
    for g in golds:  # a gold text not found in the document: same text anywhere
        if gspans[g] is None:
            want = fold(gold[g].text)
            hit = next((p for p in sorted(free) if fold(preds[p].text) == want), None)
            if hit is not None:
                take(g, hit)
    if partial:  # overlapping spans, largest overlap first
        cands = sorted(
            ((overlap(gspans[g], (preds[p].start, preds[p].end)), g, p) for g in open_golds for p in free),
            key=lambda t: (-t[0], t[1], t[2]))
        used: set[int] = set()
        for size, g, p in cands:
            if size > 0 and g not in used and p in free:
                used.add(g)
                take(g, p)
    return sorted(pairs)


def match_type(gold: Sequence[GoldMention], gspans: Sequence[Optional[Span]],
               preds: Sequence[Mention], partial: bool) -> tuple[list[Pair], list[Pair], set[int]]:
    """(pairs of required golds, pairs of optional golds, unmatched preds)."""
    free = set(range(len(preds)))
    required = [i for i, m in enumerate(gold) if not m.optional]
    optional = [i for i, m in enumerate(gold) if m.optional]
    req_pairs = _assign(gold, gspans, required, preds, free, partial)
    opt_pairs = _assign(gold, gspans, optional, preds, free, partial)
    return req_pairs, opt_pairs, free


def counts_of(gold: Sequence[GoldMention], req_pairs: list[Pair], free: set[int]) -> Counts:
    n_required = sum(not m.optional for m in gold)
    return Counts(tp=len(req_pairs), fp=len(free), fn=n_required - len(req_pairs))


def score_mentions(file: str, text: str, gold: Sequence[GoldMention], gspans: Sequence[Optional[Span]],
                   preds: Sequence[Mention]):
    """(strict Counts by type, partial Counts by type, value Tallies by type, issues)."""
    strict: dict[str, Counts] = {}
    part: dict[str, Counts] = {}
    values: dict[str, dict[str, Tally]] = {}
    issues: list[Issue] = []
    for typ in TYPES:
        gi = [i for i, m in enumerate(gold) if m.type == typ]
        pi = [i for i, m in enumerate(preds) if m.type == typ]
        g = [gold[i] for i in gi]
        s = [gspans[i] for i in gi]
        p = [preds[i] for i in pi]
        req, _, free = match_type(g, s, p, partial=False)
        strict[typ] = counts_of(g, req, free)
        req, _, free = match_type(g, s, p, partial=True)
        part[typ] = counts_of(g, req, free)
        values[typ] = _value_tallies(file, text, typ, g, s, p, req, issues)
        matched = {a for a, _ in req}
        for a, m in enumerate(g):
            if not m.optional and a not in matched:
                issues.append(Issue(file, "missed", typ, m.text, _sentence(text, s[a]),
                                    gold=_gold_dict(m)))
        for b in sorted(free):
            m = p[b]
            issues.append(Issue(file, "spurious", typ, m.text, sentence_around(text, m.start, m.end),
                                pred=_pred_dict(m)))
    return strict, part, values, issues


def _value_tallies(file, text, typ, g, s, p, pairs, issues) -> dict[str, Tally]:
    tallies = {f: Tally() for f in VALUE_FIELDS[typ]}
    tallies["all"] = Tally()
    for a, b in pairs:
        verdict = compare(typ, g[a], p[b])
        for f, ok in verdict.items():
            tallies[f].record(ok)
        tallies["all"].record(all(verdict.values()))
        if not all(verdict.values()):
            issues.append(Issue(file, "wrong_value", typ, g[a].text, _sentence(text, s[a]),
                                detail=describe(typ, g[a], p[b], verdict),
                                gold=_gold_dict(g[a]), pred=_pred_dict(p[b])))
    return tallies


def _sentence(text: str, span: Optional[Span]) -> str:
    return sentence_around(text, *span) if span else ""


def _gold_dict(m: GoldMention) -> dict:
    return m.model_dump(exclude_none=True, exclude_defaults=True) | {"type": m.type, "text": m.text}


def _pred_dict(m: Mention) -> dict:
    keep = ("type", "text", "start", "end", "rule") + VALUE_FIELDS.get(m.type, ())
    return {k: getattr(m, k) for k in keep if getattr(m, k) is not None}
