"""Scoring of what is not a mention: deadlines (same due date, overlapping
action), procedure steps and channels, metadata, HTML cleaning checks."""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from ..schema import Document
from .align import locate
from .gold import GoldFile
from .metrics import Counts, Issue, Tally
from .text import Folded, fold, sentence_around, text_overlap

_QUOTES = str.maketrans("", "", "“”\"'‘’《》「」『』〈〉")


def pair_up(n_gold: int, n_pred: int, tests: Sequence[Callable[[int, int], bool]]) -> list[tuple[int, int]]:
    """One-to-one pairs: each test in turn pairs every still-open gold, in order,
    with the first still-open pred it accepts."""
    pairs: list[tuple[int, int]] = []
    open_g, open_p = list(range(n_gold)), list(range(n_pred))
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

    pairs = pair_up(len(g), len(p), [ok])
    counts, missed, spurious = tally_pairs([d.optional for d in g], len(p), pairs)
    issues = [Issue(file, "missed", "deadline", f"{d.due} {d.action or ''}".strip(),
                    _sentence_of(folded, d.date_text or d.action), gold=d.model_dump(exclude_none=True))
              for i, d in enumerate(g) if i in missed]
    issues += [Issue(file, "spurious", "deadline", f"{d.due} {d.action or ''}".strip(),
                     sentence_around(doc.text, d.start, d.end),
                     pred=d.model_dump(exclude_none=True, include={"due", "date_text", "action", "actor"}))
               for j, d in enumerate(p) if j in spurious]
    return counts, issues


def score_procedures(file: str, gold: GoldFile, doc: Document, folded: Folded):
    """(step Counts, channel Counts, issues). Steps: all steps of the file, one-to-one,
    equal folded text first, then overlapping text. Channels: the distinct channel
    names of the file, equal first, then one containing the other (quotes ignored)."""
    issues: list[Issue] = []
    g_steps = [(s, proc.optional) for proc in gold.procedures for s in proc.steps]
    p_steps = [s for proc in doc.procedures for s in proc.steps]
    pairs = pair_up(len(g_steps), len(p_steps), [
        lambda i, j: fold(g_steps[i][0]) == fold(p_steps[j].text),
        lambda i, j: text_overlap(g_steps[i][0], p_steps[j].text)])
    steps, missed, spurious = tally_pairs([o for _, o in g_steps], len(p_steps), pairs)
    issues += [Issue(file, "missed", "step", g_steps[i][0], _sentence_of(folded, g_steps[i][0])) for i in sorted(missed)]
    issues += [Issue(file, "spurious", "step", p_steps[j].text,
                     sentence_around(doc.text, p_steps[j].start, p_steps[j].end)) for j in sorted(spurious)]

    g_chan = _distinct((c, proc.optional) for proc in gold.procedures for c in proc.channels)
    p_chan = _distinct((c.name, False) for proc in doc.procedures for c in proc.channels)
    key = [_channel_key(c) for c, _ in g_chan]
    pkey = [_channel_key(c) for c, _ in p_chan]
    pairs = pair_up(len(g_chan), len(p_chan), [
        lambda i, j: key[i] == pkey[j],
        lambda i, j: bool(key[i]) and bool(pkey[j]) and (key[i] in pkey[j] or pkey[j] in key[i])])
    channels, missed, spurious = tally_pairs([o for _, o in g_chan], len(p_chan), pairs)
    issues += [Issue(file, "missed", "channel", g_chan[i][0]) for i in sorted(missed)]
    issues += [Issue(file, "spurious", "channel", p_chan[j][0]) for j in sorted(spurious)]
    return steps, channels, issues


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


def score_meta(file: str, gold: GoldFile, doc: Document) -> tuple[dict, list[Issue]]:
    """Title (folded equality) and publication date (equality) where the gold has them."""
    tallies: dict[str, Tally] = {}
    issues: list[Issue] = []
    for name in ("title", "published"):
        want = getattr(gold.meta, name)
        if not want:
            continue
        got = getattr(doc.meta, name)
        ok = fold(want) == fold(got)
        tallies.setdefault(name, Tally()).record(ok)
        if not ok:
            issues.append(Issue(file, "wrong_value", name, want, detail=f"gold {want!r} / pred {got!r}"))
    return tallies, issues


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
