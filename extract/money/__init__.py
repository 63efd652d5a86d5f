"""Money and percent mentions, and the changes stated between them.

    extract_money(text, ref)          -> list[Mention]  (type "money" and "percent")
    extract_changes(text, mentions)   -> list[Change]   (indices into `mentions`)

Rules are data (rules.yaml, changes.yaml); patterns.py compiles them once; normalize.py
turns a match into a Mention; context.py reads the words around it; changes.py links
figures of one quantity (上限从8000元提至1.6万元). `ref` is unused: amounts do not depend
on the publication date.
"""
from __future__ import annotations

from typing import Iterator

from ..schema import Mention
from . import context as ctx
from ..dates.grammar import word_hits
from .changes import extract_changes
from .cues import CUE, starts as cue_starts
from .normalize import money, percent, vague
from .patterns import HELD_RUN, SCANNER, SENTENCE_END, SENTENCE_END_CHARS

__all__ = ["extract_money", "extract_changes"]


def extract_money(text: str, ref=None) -> list[Mention]:
    found: list[Mention] = []
    for m in _scan(text):
        kind = m.lastgroup  # the alternative that matched (its group closes last)
        if kind == "money":
            head = pre, cur, n2, u1 = m.group("pre", "cur", "n2", "u1")
            if not (cur or pre or (n2 and u1)):
                continue  # a number without a currency (most matches): normalize.money's first check
            mention = money(m, text, head)
        elif kind == "vague":
            mention = vague(m, text)
        else:
            mention = percent(m, text)
        if mention is not None:
            found.append(mention)
            if kind == "money" and mention.end < m.end():  # 从50元到500元: the rest of the match is read again
                found.extend(x for x in (money(r, text) for r in SCANNER.finditer(text, mention.end, m.end())
                                         if r.lastgroup == "money") if x is not None)
    _share_list_per(found, text)
    return found


def _scan(text: str) -> Iterator:
    """SCANNER's matches in the sentences holding a cue word (cues.CUE): the same as
    scanning the whole text, less the matches that cannot become a mention (most numbers).
    No match holds a sentence end, so a scan of the sentences finds the matches the whole
    scan finds there (lookbehinds still see the text before the start; what a match or a
    lookahead reads past its sentence's end would have to begin with that end character,
    which no pattern consumes and every lookahead decides on by itself)."""
    search = CUE.search
    if HELD_RUN is not None:
        yield from _scan_held(text)
        return
    runs: list[list[int]] = []  # [start, end) of runs of sentences holding a cue
    b = 0
    while (c := search(text, b)) is not None:
        # the cue's sentence: from after the last end before it (the previous run ends at
        # one, so none is looked for before that) to its own end, included; the next cue is
        # looked for after it (the cues in a sentence taken already are not read: no cue
        # holds a sentence end, so none runs across one, and the search from the end finds
        # the cue that CUE.finditer would find next after it)
        at = c.start()
        a = _after_last_end(text, b, at)
        m = SENTENCE_END.search(text, at)
        b = m.end() if m else len(text)
        if runs and runs[-1][1] == a:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    for a, b in runs:
        yield from SCANNER.finditer(text, a, b)


def _scan_held(text: str) -> Iterator:
    """_scan over less: of a cue's sentence only the run of characters a match can hold
    around the cue (patterns.HELD_RUN), scanned from the run's start (after a character no
    match holds: the whole scan's matches after it are the same) up to the sentence's end,
    until a match starts past the run. A match that can become a mention holds a cue, so
    lies in such a run; the other runs of the sentence (dates, other numbers) are not read
    (the 74 texts: 27.6 K characters scanned -> 4.6 K)."""
    hits = word_hits(text)[1]
    if hits is None:  # (a text the automaton cannot read)
        cues = [c.start() for c in CUE.finditer(text)]
    elif not hits:
        return
    else:
        cues = cue_starts(text, hits)
    n, held, scan = len(text), HELD_RUN.match, SCANNER.finditer
    at, end = 0, -1  # where the next cue is looked for; the end of the last cue's sentence
    it, pending = None, None  # the sentence's one scan (from its first run) and its next match
    for s in cues:
        if s < at:
            continue  # (a cue inside the run of the last: CUE.search from `at` passes it by)
        if s >= end:
            m = SENTENCE_END.search(text, s)
            end = m.end() if m else n
            it = pending = None
        lo = _run_start(text, s)
        at = held(text, s).end()  # (past the cue: a cue's characters are all a run's)
        if it is None:
            it = scan(text, lo, end)
            pending = next(it, None)
        # one scan per sentence, read on from run to run: each run starts after a character
        # no match holds, so no match runs across a run's start and the scan's matches after
        # it are what a scan from it would find (a scan per cue read to the sentence's end
        # for every cue: cues x sentence length on a long sentence without a match)
        while pending is not None and pending.start() < lo:
            pending = next(it, None)
        while pending is not None and pending.start() < at:
            yield pending
            pending = next(it, None)


def _run_start(text: str, s: int) -> int:
    """Where the run of held characters (patterns.HELD_RUN) that ends at `s` starts: read
    backwards on the reversed characters before `s`, a few dozen at first (runs are short:
    26 characters at most in the 74 texts), more while the run fills them."""
    held, width = HELD_RUN.match, 32
    while True:
        a = max(0, s - width)
        k = held(text[a:s][::-1]).end()
        if k < s - a or a == 0:
            return s - k
        width *= 4


def _after_last_end(text: str, lo: int, hi: int) -> int:
    """Where the text after the last sentence end in text[lo:hi] starts (lo: none). One
    reverse find per end character, each looking only after the last end found so far."""
    for ch in SENTENCE_END_CHARS:
        i = text.rfind(ch, lo, hi)
        if i >= 0:
            lo = i + 1
    return lo


def _share_list_per(found: list[Mention], text: str) -> None:
    """每年每个分别给予40万元、30万元、20万元: amounts listed with 、 after one with a
    rate share its units; so do the amounts of the next clauses of its sentence that open
    with a time word (每公斤不超过20元，2009年不超过100元，去年就涨到了370—380元)."""
    for a, b in zip(found, found[1:]):
        if not a.per or b.per or a.type != "money" or b.type != "money":
            continue  # (most amounts have no rate: tested first, once for both cases)
        if text[a.end:b.start].strip(" ") == "、":
            b.per = list(a.per)
        elif ctx.per_chain(text[a.end:b.start]):
            b.per = list(a.per)  # 每公斤不超过20元，2009年不超过100元: the rate carries on
