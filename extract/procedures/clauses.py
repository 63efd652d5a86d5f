"""Sentences, clauses and the instruction clauses of running text (可至…办理, 务必于…前
通过…组建…): the steps of a question-and-answer block or a channel sentence.
Everything here is linear in the span it is given (no rescans per character)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from .. import literals
from ..lastcall import for_last_call
from ..schema import Span
from .lexicon import lexicon
from .words import article, vocabulary

SENTENCE_MARKS = "。！？!?；;"  # where a sentence ends, besides a line break
SENTENCE_END = re.compile(r"[。！？!?；;\n]")  # (its characters: SENTENCE_MARKS and \n)
CLAUSE_END = re.compile(r"[，,：:。！？!?；;\n]")
_TRIM = " \t\u3000，,。；;：:、\u200b"
_PAIRS = {"（": "）", "(": ")", "“": "”", "「": "」", "【": "】", "〔": "〕", "《": "》"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_OPEN = "（(〔【「『《"
_CLOSE = "）)〕】」』》"
_HEAD = frozenset(_TRIM) | frozenset(_PAIRS)     # what trim() may strip at the start
_TAIL = frozenset(_TRIM) | frozenset(_CLOSERS)   # ... and at the end
_MAX_DEPTH = 4  # deeper nesting is noise (a run of unbalanced brackets): depth stops counting


_PIECES: dict[re.Pattern, re.Pattern] = {}  # a one-character class of separators -> the runs between them


def _pieces(sep: re.Pattern) -> re.Pattern | None:
    rx = _PIECES.get(sep)
    if rx is None and sep.pattern.startswith("[") and sep.pattern.endswith("]") and "]" not in sep.pattern[1:-1] \
            and not sep.pattern.startswith("[^"):
        rx = _PIECES[sep] = re.compile("[^" + sep.pattern[1:] + "+")
    return rx


def spans(text: str, lo: int, hi: int, sep: re.Pattern) -> list[tuple[int, int]]:
    """Pieces of text[lo:hi] between separators, whitespace-trimmed, non-empty."""
    pieces = _pieces(sep)
    if pieces is not None:  # the non-empty runs between separators, found by one pattern
        return _trimmed(text, pieces.finditer(text, lo, hi))
    else:
        out, s = [], lo
        for m in sep.finditer(text, lo, hi):
            out.append((s, m.start()))
            s = m.end()
        out.append((s, hi))
    return [t for t in (trim(text, a, b) for a, b in out) if t[1] > t[0]]


def _trimmed(text: str, matches) -> list[tuple[int, int]]:
    """The spans of `matches` (runs of text between separators), trimmed, the empty ones dropped."""
    kept: list[tuple[int, int]] = []
    keep, head, tail = kept.append, _HEAD, _TAIL  # (locals: thousands of pieces a text)
    for m in matches:
        span = m.span()
        a, b = span
        # most pieces need no trimming (trim's own first test, without the call)
        if text[a] in head or text[b - 1] in tail:
            a, b = trim(text, a, b)
            if b > a:
                keep((a, b))
        else:
            keep(span)
    return kept


@for_last_call
def sentence_lines(text: str) -> str:
    """`text` with every sentence end (SENTENCE_MARKS) written as a line break: the same length,
    the same characters elsewhere. A scan for the runs between line breaks or for a line break
    (one literal: re skips to it) costs much less than one for a class of characters (re tests
    the class at every character), and the string is made by a few str.replace (C loops)."""
    for c in SENTENCE_MARKS:
        text = text.replace(c, "\n")  # (the same string when c is absent)
    return text


_LINE_PIECE = re.compile(r"[^\n]+")
assert set(SENTENCE_END.pattern[1:-1].replace("\\n", "\n")) == set(SENTENCE_MARKS + "\n")


@lru_cache(maxsize=32)
def _word_scanner(patterns: tuple[re.Pattern, ...]) -> tuple[Optional[re.Pattern], int, frozenset[str]]:
    """One scanner for the needed words of `patterns` (None when one of them needs none),
    how far before a piece an occurrence reaching into it may start, and the words."""
    words: set[str] = set()
    for rx in patterns:
        need = literals.needed(rx)
        if need is None:
            return None, 0, frozenset()  # a pattern without a needed word: nothing can be skipped
        words |= need
    return literals.scanner(frozenset(words)), max(map(len, words)) - 1, frozenset(words)


class WordHits:
    """Where a text holds one of the words that every match of some patterns contains
    (literals.needed), found by one scan: a piece holding none of them matches none of the
    patterns, and is skipped without trying them. Over a whole text whose words are in the
    stage's vocabulary (words.py), the occurrences are those its one pass found (every
    occurrence, overlapping ones too: at least the scan's)."""

    def __init__(self, text: str, patterns: tuple[re.Pattern, ...], lo: int = 0, hi: Optional[int] = None) -> None:
        scanner, self.reach, words = _word_scanner(patterns)
        self.starts: Optional[list[int]] = None
        if scanner is not None:
            hi = len(text) if hi is None else hi
            if lo == 0 and hi == len(text) and vocabulary().words.issuperset(words):
                self.starts = article(text).starts(words)
            else:
                self.starts = [m.start() for m in scanner.finditer(text, lo, hi)]

    def sentences(self, sents: "Sentences") -> list[tuple[int, int]]:
        """The sentences (s, e) of `sents` that may hold one of the words (as pieces(), by position)."""
        return sents.all() if self.starts is None else sents.holding(self.starts, self.reach)


@for_last_call
def sentences(text: str) -> list[tuple[int, int]]:
    """spans(text, 0, len(text), SENTENCE_END), kept for the last text (several passes
    over one article read its sentences; the list is shared: do not change it). The runs
    between separators are those between the line breaks of sentence_lines(text)."""
    return _trimmed(text, _LINE_PIECE.finditer(sentence_lines(text)))


class Sentences:
    """The sentences of text[lo:hi] (those of spans(text, lo, hi, SENTENCE_END): the trimmed,
    non-empty runs between sentence ends) found where a pass asks for them, not all at once:
    the passes read only the few that hold a word or a channel and the ones right after those
    (the whole list cost ~30 M instructions a pass, a Python step per piece). A run is one
    between the line breaks of sentence_lines(text), found by str.find/rfind and a scan for
    `[^\n]+` (re skips to its first character); its sentence is the run trimmed, or none. Asked
    in order of position (as every pass does), each run is looked at about once: linear."""

    def __init__(self, text: str, lo: int = 0, hi: Optional[int] = None) -> None:
        self.text, self.lo, self.hi = text, lo, len(text) if hi is None else hi
        self.lines = sentence_lines(text)
        self._run: tuple[int, int, Optional[tuple[int, int]]] = (0, 0, None)  # the last run looked at
        self._after: tuple[int, Optional[tuple[int, int]]] = (-1, None)  # the last answer of next()

    def _sentence(self, a: int, b: int) -> Optional[tuple[int, int]]:
        text = self.text
        if text[a] in _HEAD or text[b - 1] in _TAIL:  # (most runs need no trimming: _trimmed's test)
            a, b = trim(text, a, b)
            return (a, b) if b > a else None
        return a, b

    def next(self, p: int) -> Optional[tuple[int, int]]:
        """The first sentence whose run starts at p or after it (None: there is none)."""
        if self._after[0] == p:
            return self._after[1]
        q, lines, hi = p, self.lines, self.hi
        if q > self.lo and q < hi and lines[q - 1] != "\n":  # inside a run: the next one starts after it
            q = lines.find("\n", q, hi)
        found = None
        while 0 <= q < hi:
            m = _LINE_PIECE.search(lines, q, hi)
            if m is None:
                break
            q = m.end()
            found = self._sentence(m.start(), q)
            if found is not None:
                break
        self._after = (p, found)
        return found

    def at(self, p: int) -> Optional[tuple[int, int]]:
        """The first sentence that ends after p: that of the run holding p, or a later one."""
        lines = self.lines
        if p >= self.hi or lines[p] == "\n":
            return self.next(p)
        a, b, found = self._run
        if not a <= p < b:
            a = max(lines.rfind("\n", self.lo, p) + 1, self.lo)
            b = lines.find("\n", p, self.hi)
            b = self.hi if b < 0 else b
            found = self._sentence(a, b)
            self._run = (a, b, found)
        return found if found is not None and found[1] > p else self.next(b)

    def after(self, p: int):
        """The sentences whose runs start at p or after it, in order, one at a time."""
        t = self.next(p)
        while t is not None:
            yield t
            t = self.next(t[1])

    def holding(self, hits: list[int], reach: int) -> list[tuple[int, int]]:
        """The sentences (s, e) with s - reach <= h < e for a hit h of the sorted `hits`, in
        order: those of the whole list that hold one of the hits (within `reach`)."""
        out: list[tuple[int, int]] = []
        for h in hits:
            t = self.at(h)
            while t is not None and t[0] <= h + reach:
                if not out or out[-1][0] < t[0]:
                    out.append(t)
                t = self.next(t[1]) if t[1] <= h + reach else None  # (a later one starts after t ends)
        return out

    def overlapping(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that some (a, b) of `spans` (sorted by a) overlaps (s < b, a < e), in
        order. A block of sentences is asked for each span, from the first ending after a: those
        before the last one taken were taken with an earlier span's block."""
        out: list[tuple[int, int]] = []
        for a, b in spans:
            t = self.at(a)
            while t is not None and t[0] < b:
                if not out or out[-1][0] < t[0]:
                    out.append(t)
                t = self.next(t[1]) if t[1] < b else None
        return out

    def all(self) -> list[tuple[int, int]]:
        """Every sentence (the list sentences() or spans() make)."""
        if (self.lo, self.hi) == (0, len(self.text)):
            return sentences(self.text)
        return spans(self.text, self.lo, self.hi, SENTENCE_END)


@for_last_call
def article_sentences(text: str) -> Sentences:
    """The Sentences of the text looked at last (several passes over one article ask them)."""
    return Sentences(text)


@lru_cache(maxsize=8)
def _clause_marks(breaks: str) -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(set(_OPEN + _CLOSE + breaks)))) + "]")


def clause_spans(text: str, lo: int, hi: int, breaks: str = "，,；;。！？!?\n") -> list[tuple[int, int]]:
    """Clauses of text[lo:hi]: cut at `breaks` outside brackets (a comma inside
    （相片规格为358像素，分辨率350DPI） does not end a clause); a line break or a sentence
    end always cuts. One pass, bracket depth capped."""
    out, s, depth = [], lo, 0
    hard = "。！？!?\n"
    for m in _clause_marks(breaks).finditer(text, lo, hi):  # the brackets and breaks: no other character counts
        i = m.start()
        c = text[i]
        if c in _OPEN:
            depth = min(depth + 1, _MAX_DEPTH)
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
        elif c in breaks and (depth == 0 or c in hard):
            out.append((s, i))
            s = i + 1
            if c in hard:
                depth = 0
    out.append((s, hi))
    return [t for t in (trim(text, a, b) for a, b in out) if t[1] > t[0]]


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip separators and unbalanced brackets/quotes from both ends. Linear: the
    last closer and first opener of each pair are looked up once and only searched
    again past the part already stripped."""
    if s >= e or (text[s] not in _HEAD and text[e - 1] not in _TAIL):
        return s, e  # the usual piece: nothing to strip at either end
    head, tail = text[s], text[e - 1]
    if head not in _TRIM and tail not in _TRIM \
            and (head not in _PAIRS or text.find(_PAIRS[head], s + 1, e) >= 0) \
            and (tail not in _CLOSERS or _CLOSERS[tail] == tail or text.find(_CLOSERS[tail], s, e - 1) >= 0):
        return s, e  # a bracket or quote at an end, closed or opened inside: nothing to strip either
    a, b = s, e  # separators at the ends (…：, ，…) with nothing else to strip: the loop's first round, without its set-up
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    if a == b or ((text[a] not in _PAIRS or text.find(_PAIRS[text[a]], a + 1, b) >= 0)
                  and (text[b - 1] not in _CLOSERS or _CLOSERS[text[b - 1]] == text[b - 1]
                       or text.find(_CLOSERS[text[b - 1]], a, b - 1) >= 0)):
        return a, b
    last_close: dict[str, int] = {}
    first_open: dict[str, int] = {}

    def closer_inside(closer: str, a: int, b: int) -> bool:
        p = last_close.get(closer)
        if p is None or p >= b:
            p = text.rfind(closer, a, b)
            last_close[closer] = p
        return p >= a

    def opener_inside(opener: str, a: int, b: int) -> bool:
        p = first_open.get(opener)
        if p is None or (0 <= p < a):
            p = text.find(opener, a, b)
            first_open[opener] = p if p >= 0 else b
        return a <= p < b if p >= 0 else False

    changed = True
    while changed and s < e:
        changed = False
        while s < e and text[s] in _TRIM:
            s, changed = s + 1, True
        while e > s and text[e - 1] in _TRIM:
            e, changed = e - 1, True
        if s < e and text[s] in _PAIRS and not closer_inside(_PAIRS[text[s]], s + 1, e):
            s, changed = s + 1, True
        if s < e and text[e - 1] in _CLOSERS:
            opener = _CLOSERS[text[e - 1]]
            if opener != text[e - 1] and not opener_inside(opener, s, e - 1):
                e, changed = e - 1, True
    return s, e


def make_span(text: str, s: int, e: int) -> Span:
    s, e = trim(text, s, e)
    return Span(text=text[s:e], start=s, end=e)


def has_service_verb(fragment: str) -> bool:
    return bool(lexicon().service_re.search(fragment))


def _modal(fragment: str):
    """'open' if the clause asks the reader to act, 'negated' for 无需/不需要, else None."""
    lex = lexicon()
    m = lex.modal_re.search(fragment)
    if m:
        return "negated" if m.group() in lex.negations else "open"
    return "open" if lex.directive_re.match(fragment) else None


def may_hold_steps(text: str, s: int, e: int) -> bool:
    """False when instruction_clauses finds no step in text[s:e] (one sentence, nothing
    skipped), told by two scans instead of its clauses: every step it keeps holds a service
    verb and opens on an open modal (its match holds a word of modal_pattern: the negations
    are the other alternatives) or a directive clause (由…到); a word inside a clause of the
    sentence is inside [s, e), and the two scanners have no look-around."""
    lex = lexicon()
    if lex.step_cue_re is None:
        return True
    return bool(lex.service_word_re.search(text, s, e) and lex.step_cue_re.search(text, s, e))


def instruction_clauses(text: str, lo: int, hi: int, skip: Iterable[tuple[int, int]] = (),
                        sentences: Optional[list[tuple[int, int]]] = None) -> list[Span]:
    """Steps written as running text: a clause with a modal opens a step, which runs on
    through the following clauses of its sentence until a purpose clause (以便, 避免),
    a negated modal or a new modal. Kept only when it names a service action. `sentences`:
    the sentences of text[lo:hi] when the caller has them (one of sentences(text), itself)."""
    lex = lexicon()
    skip = sorted(skip)
    steps: list[tuple[int, int]] = []
    k = 0  # skip ranges before the current clause are passed once (clauses come in order)
    for s_lo, s_hi in spans(text, lo, hi, SENTENCE_END) if sentences is None else sentences:
        cur = None
        for c_lo, c_hi in spans(text, s_lo, s_hi, CLAUSE_END):
            clause = text[c_lo:c_hi]
            kind = None if lex.condition_clause_re.search(clause) else _modal(clause)
            while k < len(skip) and skip[k][1] <= c_lo:
                k += 1
            skipped = any(c_lo < b and a < c_hi for a, b in skip[k : k + 4])
            if skipped or lex.step_stop_re.match(clause) or kind == "negated":
                if cur:
                    steps.append(cur)
                cur = None
                continue
            if kind == "open":
                if cur:
                    steps.append(cur)
                cur = (c_lo, c_hi)
            elif cur and lex.result_clause_re.search(clause):
                steps.append(cur)
                cur = None
            elif cur:
                cur = (cur[0], c_hi)
        if cur:
            steps.append(cur)
    return [
        make_span(text, a, b) for a, b in steps
        if has_service_verb(text[a:b]) and b - a <= lex.step_max and not lex.narrative_re.search(text[a:b])
        and not _authority_subject(text[a:b]) and not not_the_readers(text[a:b])
    ]


def not_the_readers(step: str) -> bool:
    """责任一可正常申请理赔 (a cover as the subject: a rule of what is paid) and 市民可通过此热线
    举报… (what a channel named before is for): no step for the reader."""
    lex = lexicon()
    if lex.scope_statement_re.match(step):
        return True
    m = lex.modal_re.search(step)
    return bool(m and lex.rule_subject_re.search(step, 0, m.start()))


def _authority_subject(step: str) -> bool:
    """各统筹地区医保部门需在…完成: an obligation of an authority, not a step for the reader."""
    lex = lexicon()
    m = lex.modal_re.search(step)
    return bool(m and lex.authority_re.search(step[: m.start()]))
