"""Scoring of what is not a mention: deadlines (same due date, overlapping
action), procedure steps, channels and conditions, metadata (title, outlet,
authors, publication date found blind), HTML cleaning checks."""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from ..schema import Document
from .align import locate
from .gold import GoldFile
from .metrics import Counts, Issue, Tally
from .text import Folded, fold, sentence_around, text_overlap

_QUOTES = str.maketrans("", "", "“”\"'‘’《》「」『』〈〉")


def pair_up(n_gold: int, n_pred: int, tests: Sequence[Callable[[int, int], bool]],
            optional: Optional[Sequence[bool]] = None) -> list[tuple[int, int]]:
    """One-to-one pairs: each test in turn pairs every still-open gold, in order,
    with the first still-open pred it accepts. Required golds are paired before
    optional ones, so an optional item never takes the prediction a required one
    would have matched."""
    pairs: list[tuple[int, int]] = []
    order = sorted(range(n_gold), key=lambda g: bool(optional and optional[g]))
    open_g, open_p = order, list(range(n_pred))
    for test in tests:
        for g in list(open_g):
            p = next((p for p in open_p if test(g, p)), None)
            if p is not None:
                pairs.append((g, p))
                open_g.remove(g)
                open_p.remove(p)
    return sorted(pairs)


def tally_pairs(optional: Sequence[bool], n_pred: int, pairs) -> tuple[Counts, set[int], set[int]]:
    """Counts with optional golds excused; (counts, missed golds, spurious preds)."""
    matched_g = {g for g, _ in pairs}
    counted = [(g, p) for g, p in pairs if not optional[g]]
    missed = {g for g in range(len(optional)) if not optional[g] and g not in matched_g}
    spurious = set(range(n_pred)) - {p for _, p in pairs}
    return Counts(tp=len(counted), fp=len(spurious), fn=len(missed)), missed, spurious


def score_deadlines(file: str, gold: GoldFile, doc: Document, folded: Folded) -> tuple[Counts, list[Issue]]:
    """A predicted deadline matches a gold one with the same due date whose
    action overlaps (a gold deadline without an action needs the due date only)."""
    g, p = gold.deadlines, doc.deadlines

    def ok(i: int, j: int) -> bool:
        return fold(g[i].due) == fold(p[j].due) and (not g[i].action or text_overlap(g[i].action, p[j].action))

    pairs = pair_up(len(g), len(p), [ok], [d.optional for d in g])
    counts, missed, spurious = tally_pairs([d.optional for d in g], len(p), pairs)
    issues = [Issue(file, "missed", "deadline", f"{d.due} {d.action or ''}".strip(),
                    _sentence_of(folded, d.date_text or d.action), gold=d.model_dump(exclude_none=True))
              for i, d in enumerate(g) if i in missed]
    issues += [Issue(file, "spurious", "deadline", f"{d.due} {d.action or ''}".strip(),
                     sentence_around(doc.text, d.start, d.end),
                     pred=d.model_dump(exclude_none=True, include={"due", "date_text", "action", "actor"}))
               for j, d in enumerate(p) if j in spurious]
    return counts, issues


def _score_spans(file: str, kind: str, gold: list[tuple[str, bool]], pred: list, folded: Folded, doc: Document):
    """All `kind` items of a file (steps or conditions), one-to-one: equal folded
    text first, then overlapping text."""
    pairs = pair_up(len(gold), len(pred), [
        lambda i, j: fold(gold[i][0]) == fold(pred[j].text),
        lambda i, j: text_overlap(gold[i][0], pred[j].text)], [o for _, o in gold])
    counts, missed, spurious = tally_pairs([o for _, o in gold], len(pred), pairs)
    issues = [Issue(file, "missed", kind, gold[i][0], _sentence_of(folded, gold[i][0])) for i in sorted(missed)]
    issues += [Issue(file, "spurious", kind, pred[j].text, sentence_around(doc.text, pred[j].start, pred[j].end))
               for j in sorted(spurious)]
    return counts, issues


def score_procedures(file: str, gold: GoldFile, doc: Document, folded: Folded):
    """(step Counts, channel Counts, condition Counts, issues). Steps and conditions:
    all of the file, one-to-one, equal folded text first, then overlapping text.
    Channels: the distinct channel names of the file, equal first, then one
    containing the other (quotes ignored)."""
    steps, issues = _score_spans(file, "step", [(s, proc.optional) for proc in gold.procedures for s in proc.steps],
                                 [s for proc in doc.procedures for s in proc.steps], folded, doc)
    conditions, found = _score_spans(file, "condition",
                                     [(c, proc.optional) for proc in gold.procedures for c in proc.conditions],
                                     [c for proc in doc.procedures for c in proc.conditions], folded, doc)
    issues += found

    g_chan = _distinct((c, proc.optional) for proc in gold.procedures for c in proc.channels)
    p_chan = _distinct((c.name, False) for proc in doc.procedures for c in proc.channels)
    key = [_channel_key(c) for c, _ in g_chan]
    pkey = [_channel_key(c) for c, _ in p_chan]
    pairs = pair_up(len(g_chan), len(p_chan), [
        lambda i, j: key[i] == pkey[j],
        lambda i, j: bool(key[i]) and bool(pkey[j]) and (key[i] in pkey[j] or pkey[j] in key[i])],
        [o for _, o in g_chan])
    channels, missed, spurious = tally_pairs([o for _, o in g_chan], len(p_chan), pairs)
    issues += [Issue(file, "missed", "channel", g_chan[i][0]) for i in sorted(missed)]
    issues += [Issue(file, "spurious", "channel", p_chan[j][0]) for j in sorted(spurious)]
    return steps, channels, conditions, issues


def _channel_key(name: str) -> str:
    return fold(name).translate(_QUOTES).lower()


def _distinct(items) -> list[tuple[str, bool]]:
    """First occurrence of each channel key; a channel named by a required
    procedure is required."""
    out: dict[str, list] = {}
    for name, optional in items:
        k = _channel_key(name)
        if k in out:
            out[k][1] = out[k][1] and optional
        else:
            out[k] = [name, optional]
    return [(n, o) for n, o in out.values()]


def score_meta(file: str, gold: GoldFile, doc: Document, blind_published: Optional[str] = None,
               published_known: bool = False) -> tuple[dict, Counts, list[Issue]]:
    """Title, outlet (folded equality) and publication date (equality) where the
    gold has them; authors as a set (Counts: each gold name found, each predicted
    name right). The publication date is judged on what ingest found by itself:
    `blind_published` when given, else the document's own unless it came from
    outside the text (`published_known`: the caller fed it in)."""
    tallies: dict[str, Tally] = {}
    issues: list[Issue] = []
    for name in ("title", "published", "outlet"):
        want = getattr(gold.meta, name)
        if not want:
            continue
        got = getattr(doc.meta, name)
        if name == "published" and (blind_published is not None or published_known):
            got = blind_published
        ok = fold(want) == fold(got)
        tallies.setdefault(name, Tally()).record(ok)
        if not ok:
            issues.append(Issue(file, "wrong_value", name, want, detail=f"gold {want!r} / pred {got!r}"))
    want_a = {fold(a): a for a in gold.meta.authors}
    got_a = {fold(a): a for a in doc.meta.authors}
    authors = Counts(tp=len(want_a.keys() & got_a.keys()), fp=len(got_a.keys() - want_a.keys()),
                     fn=len(want_a.keys() - got_a.keys()))
    issues += [Issue(file, "missed", "author", want_a[k]) for k in sorted(want_a.keys() - got_a.keys())]
    issues += [Issue(file, "spurious", "author", got_a[k]) for k in sorted(got_a.keys() - want_a.keys())]
    return tallies, authors, issues


def score_html(file: str, gold: GoldFile, doc: Document) -> tuple[dict, list[Issue]]:
    """Pass rates of must_contain (present in the cleaned text) and
    must_not_contain (absent from it)."""
    body = fold(doc.text)
    tallies: dict[str, Tally] = {}
    issues: list[Issue] = []
    for name, strings, want_present in (("must_contain", gold.must_contain, True),
                                        ("must_not_contain", gold.must_not_contain, False)):
        for s in strings:
            ok = (fold(s) in body) == want_present
            tallies.setdefault(name, Tally()).record(ok)
            if not ok:
                issues.append(Issue(file, "missed" if want_present else "spurious", name, s))
    return tallies, issues


def _sentence_of(folded: Folded, text: Optional[str]) -> str:
    span = locate(folded, text)
    return sentence_around(folded.original, *span) if span else ""
