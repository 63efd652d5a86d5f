"""The words the stage looks for in a whole article, found by one Aho-Corasick pass: the
channel gazetteer's names (every occurrence, for channels.py) and the words one of which
every match of a whole-text pattern needs (literals.needed_words: the channel suffixes,
offices and hotlines, question labels, eligibility statements, list markers without an
anchor, 申请 and 先 …). A pattern whose words the article lacks has no match and is not
scanned; the occurrences of a word say where a pattern's matches can be.

One pass for all of them: ~2 ms over the 74 plain texts of the throughput benchmark, where
the `in` tests of the separate guards (literals.holds_any, a scan of the text per word)
and the scans for the suffixes and for 申请/先 cost ~10 ms."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

import ahocorasick_rs

from .. import literals
from ..lastcall import for_last_call
from .lexicon import GazetteerEntry, lexicon


class _Vocabulary:
    """The automaton over the gazetteer's scanned names and the stage's needed words."""

    def __init__(self, names: list[GazetteerEntry], words: Iterable[str]) -> None:
        surfaces = [e.surface for e in names]
        self.words = frozenset(words)
        self.patterns = surfaces + sorted(self.words - set(surfaces))  # the names first: index < len(names)
        self.names = list(names)
        self.index = {p: k for k, p in enumerate(self.patterns)}
        self._ids: dict[tuple[str, ...], Optional[frozenset[int]]] = {}
        # ahocorasick_rs (Rust) as a DFA (a few hundred words: small) finds every occurrence in the
        # 74 plain texts of the throughput benchmark in ~2 ms (its NFAs ~4.5 ms, pyahocorasick ~8.5 ms)
        self.automaton = ahocorasick_rs.AhoCorasick(self.patterns, matchkind=ahocorasick_rs.MatchKind.Standard,
                                                    implementation=ahocorasick_rs.Implementation.DFA)

    def ids(self, words: tuple[str, ...]) -> Optional[frozenset[int]]:
        """The automaton's indices of `words`, or None when one of them is not in the vocabulary."""
        try:
            return self._ids[words]
        except KeyError:
            found = self._ids[words] = frozenset(self.index[w] for w in words) if self.words.issuperset(words) else None
            return found


def _stage_words() -> set[str]:
    """Every word a guard of the stage asks about (imported here: those modules import this one)."""
    from . import channels, conditions, lists, notices, paths, prose, qa

    lex = lexicon()
    words: set[str] = set(lex.suffix_kind)  # all suffixes (needed_words keeps only the shortest)
    groups = list(lex.guards.values()) + list(conditions._guards().values()) + conditions.near_word_sets()
    groups += conditions.lead_word_sets()
    groups += list(lists.scanned_words())
    groups += [literals.needed(rx) for rx in prose.word_hit_patterns()] + paths.scanned_words()
    groups.append(notices.send_words())
    groups.append(prose.stage_words())
    groups += channels.contact_words(lex)
    groups.append(qa.QUESTION_LINE_ENDS)
    for g in groups:
        words |= set(g or ())
    return words


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    lex = lexicon()
    return _Vocabulary(lex.scanned, _stage_words())


class Article:
    """What one pass of the vocabulary found in a text."""

    def __init__(self, text: str) -> None:
        voc = self.vocabulary = vocabulary()
        self.text = text
        names, n = voc.names, len(voc.names)
        # (index, start, end) of every occurrence, by end (the longest first at one end)
        self.hits = voc.automaton.find_matches_as_indexes(text, overlapping=True)
        self.gaz: list[tuple[int, int, GazetteerEntry]] = [(s, e, names[k]) for k, s, e in self.hits if k < n]
        self.found = {k for k, _, _ in self.hits}  # the indices of the words the text holds
        self._at: Optional[dict[int, list[int]]] = None  # word index -> its hits' places in self.hits

    def holds_any(self, words: Optional[tuple[str, ...]]) -> bool:
        """literals.holds_any(text, words): False when the text holds none of `words` (None: True)."""
        if words is None:
            return True
        ids = self.vocabulary.ids(words)
        if ids is None:
            return literals.holds_any(self.text, words)  # (not words the stage registered)
        return not self.found.isdisjoint(ids)

    def occurrences(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of `words` (overlapping ones too), by end."""
        ids = self.vocabulary.ids(words)
        if ids is None:
            return sorted(((s, s + len(w)) for w in words for s in literals.find_all(self.text, w)), key=lambda t: t[1])
        at = self._at
        if at is None:  # (built at the first look-up: one pass over the hits, not one per look-up)
            at = self._at = {}
            for i, (k, _, _) in enumerate(self.hits):
                at.setdefault(k, []).append(i)
        held = ids & self.found
        if not held:
            return []
        hits = self.hits
        if len(held) == 1:
            (k,) = held
            return [hits[i][1:] for i in at[k]]
        return [hits[i][1:] for i in sorted([i for k in held for i in at[k]])]

    def starts(self, words: Iterable[str]) -> list[int]:
        """The starts of every occurrence of `words` (overlapping ones too), sorted."""
        return sorted(s for s, _ in self.occurrences(tuple(words)))

    def finditer(self, rx: re.Pattern, words: Optional[tuple[str, ...]]) -> list[re.Match]:
        """list(rx.finditer(text)) for a pattern every match of which holds one of `words`
        (literals.needed_words(rx)): none when the text holds none of them, else scanning
        only around their occurrences: a match holding
        the occurrence [hs, he) lies in [he - width, hs + width] (width: the pattern's widest
        match), and the look-aheads and end tests of it look at most `peek` characters past
        it. The windows [he - width, hs + width + peek) that overlap are merged, so every match
        of the whole text lies in one window, a scan of a window ends where none of its
        matches looks, and what a window's scan finds is what the whole scan finds there."""
        text = self.text
        if not self.holds_any(words):
            return []
        if words is not None and _led_by(rx, words) and self.vocabulary.ids(words) is not None:
            return self._led_matches(rx, words)
        bounds = _bounds(rx)
        if bounds is None or words is None or self.vocabulary.ids(words) is None:
            if bounds is None and words is not None and self.vocabulary.ids(words) is not None and _line_anchored(rx):
                return self._line_matches(rx, words)  # ((?m)^[ \t]*…$: unbounded, but on one line)
            return list(rx.finditer(text))
        width, peek = bounds
        occurrences = self.occurrences(words)
        if len(occurrences) * (2 * width + WINDOW_COST) > len(text):
            return list(rx.finditer(text))  # windows covering much of the text: one scan is cheaper
        spots = sorted([(e - width, s + width + peek) for s, e in occurrences])
        out: list[re.Match] = []
        lo = hi = 0
        for a, b in spots:
            if a > hi:
                if hi > lo:
                    out.extend(rx.finditer(text, lo, hi))
                lo = max(0, a)
            hi = max(hi, b)
        if hi > lo:
            out.extend(rx.finditer(text, lo, hi))
        return out

    def led_matches(self, rx: re.Pattern, words: tuple[str, ...]) -> list[re.Match]:
        """list(rx.finditer(text)) for a pattern every match of which opens with one of
        `words`, registered in the vocabulary (the caller knows it: condition_scans._lead_words
        reads it from the pattern, where _led_by's heads cannot tell 若 followed by anything)."""
        if self.vocabulary.ids(words) is None:
            return list(rx.finditer(self.text))
        return self._led_matches(rx, words)

    def _led_matches(self, rx: re.Pattern, words: tuple[str, ...]) -> list[re.Match]:
        """list(rx.finditer(text)) for a pattern every match of which opens with one of
        `words` (_led_by), registered in the vocabulary: rx is matched only at their
        occurrences, in order, those inside the last match skipped. A scan would find at
        each of them the match found here (it tries the same places, and no others can
        start a match); it also tests the pattern's first characters (符/满, 若/如/只 …: a
        class) at every place of the text or window, ~60 instructions a character."""
        text, match = self.text, rx.match
        out: list[re.Match] = []
        end = 0
        for s in self.starts(words):
            if s >= end:
                m = match(text, s)
                if m is not None:
                    out.append(m)
                    end = m.end()  # (> s: a match holds a word)
        return out

    def _line_matches(self, rx: re.Pattern, words: tuple[str, ...]) -> list[re.Match]:
        """list(rx.finditer(text)) for a pattern whose matches start at a line start and hold
        no line break (_line_anchored: (?m)^[ \t]*报名渠道[ \t]*$), every one holding one of
        `words`, registered in the vocabulary: rx is matched only at the starts of the lines
        that hold one of them, where a scan of the whole text tries it at every character
        (a match there is what the scan finds: it starts at its line's start, and the one
        before it ends on its own line)."""
        text = self.text
        starts = sorted(s for s, _ in self.occurrences(words))
        out: list[re.Match] = []
        line = done = -1  # the start of the last line looked at; the place its start was looked for up to
        for s in starts:
            nl = text.rfind("\n", max(done, 0), s)  # (from the last occurrence on: linear)
            done = s
            ls = nl + 1 if nl >= 0 else (line if line >= 0 else 0)
            if ls == line:
                continue
            line = ls
            m = rx.match(text, ls)
            if m is not None:
                out.append(m)
        return out


@lru_cache(maxsize=64)
def _led_by(rx: re.Pattern, words: tuple[str, ...]) -> bool:
    """Every match of rx opens with one of `words`: the first characters of its matches
    (literals.heads, as many as the longest word; the look-arounds ignored, so a superset)
    each open with one of them."""
    if rx.flags & re.IGNORECASE or not words:
        return False
    found = literals.heads(rx.pattern, max(map(len, words)))
    return found is not None and all(any("".join(t).startswith(w) for w in words) for t in found)


_C = literals._sre_constants
_NL = ord("\n")
_CATEGORY_NL = {_C.CATEGORY_DIGIT: False, _C.CATEGORY_NOT_DIGIT: True, _C.CATEGORY_SPACE: True,
                _C.CATEGORY_NOT_SPACE: False, _C.CATEGORY_WORD: False, _C.CATEGORY_NOT_WORD: True}


def _takes_newline(items, dotall: bool) -> bool:
    """Whether a match of `items` (a parsed pattern) may hold a line break (True when it
    cannot be told)."""
    for op, av in items:
        if op is _C.LITERAL:
            hit = av == _NL
        elif op is _C.NOT_LITERAL:
            hit = av != _NL
        elif op is _C.ANY:
            hit = dotall
        elif op is _C.IN:
            hit = False
            for kind, x in av:
                if kind is _C.LITERAL:
                    hit = hit or x == _NL
                elif kind is _C.RANGE:
                    hit = hit or x[0] <= _NL <= x[1]
                elif kind is _C.CATEGORY:
                    hit = hit or _CATEGORY_NL.get(x, True)
                elif kind is not _C.NEGATE:
                    return True
            if av and av[0][0] is _C.NEGATE:
                hit = not hit
        elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            hit = False  # (no character of the match)
        elif op is _C.SUBPATTERN:
            hit = _takes_newline(av[-1], dotall)
        elif op is _C.BRANCH:
            hit = any(_takes_newline(b, dotall) for b in av[1])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            hit = _takes_newline(av[2], dotall)
        else:
            return True
        if hit:
            return True
    return False


@lru_cache(maxsize=16)
def _line_anchored(rx: re.Pattern) -> bool:
    """rx's matches start at a line start ((?m)^…) and hold no line break."""
    if not rx.flags & re.MULTILINE:
        return False
    parsed = literals._parse_cased(rx.pattern, rx.flags)
    if parsed is None or not parsed.data or parsed.data[0] != (_C.AT, _C.AT_BEGINNING):
        return False
    return not _takes_newline(parsed.data, bool(rx.flags & re.DOTALL))
_END_TESTS = {_C.AT_END, _C.AT_END_LINE, _C.AT_END_STRING, _C.AT_BOUNDARY, _C.AT_NON_BOUNDARY,
              _C.AT_UNI_BOUNDARY, _C.AT_UNI_NON_BOUNDARY, _C.AT_LOC_BOUNDARY, _C.AT_LOC_NON_BOUNDARY}
_MAX_WIDTH = 2000  # a pattern wider than this is scanned whole
WINDOW_COST = 150  # the cost of one more window's scan, in characters of a scan (~1 µs)


def _peek(items) -> Optional[int]:
    """How far past the position it is tried at a look-ahead or an end test of `items` (a
    parsed pattern) looks; None when it cannot be told (unbounded, a back-reference)."""
    far = 0
    for op, av in items:
        subs: list = []
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, sub = av
            inner = _peek(sub)
            if inner is None:
                return None
            ahead = sub.getwidth()[1] if direction == 1 else 0
            if ahead >= _C.MAXREPEAT:
                return None
            far = max(far, ahead + inner)
        elif op is _C.AT:
            if av in _END_TESTS:
                far = max(far, 1)
        elif op is _C.SUBPATTERN:
            subs = [av[-1]]
        elif op is _C.BRANCH:
            subs = av[1]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            subs = [av[2]]
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            subs = [av]
        elif op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
            return None
        for sub in subs:
            inner = _peek(sub)
            if inner is None:
                return None
            far = max(far, inner)
    return far


@lru_cache(maxsize=64)
def _bounds(rx: re.Pattern) -> Optional[tuple[int, int]]:
    """(the widest match of rx, how far past a match its tests look), or None when unbounded."""
    parsed = literals._parse_cased(rx.pattern, rx.flags)
    if parsed is None:
        return None
    width = parsed.getwidth()[1]
    peek = _peek(parsed)
    if width > _MAX_WIDTH or peek is None:
        return None
    return width, peek


@for_last_call
def article(text: str) -> Article:
    """The vocabulary's hits in the text looked at last (one article at a time)."""
    return Article(text)
