"""Word-list lookups in linear time: an Aho-Corasick automaton over a fixed set of surfaces,
each with a value, reporting every (overlapping) occurrence.

Built on ahocorasick_rs (Rust). pyahocorasick, used before, looks up a node's children by a
linear scan, and the root of a Chinese word list has ~1,000 children: scanning the 74 plain
texts of the throughput benchmark (150k characters) took 0.055 s for the 3,748 region names
alone, ahocorasick_rs 0.004 s. Matches come in the order pyahocorasick gave them: by end,
then longest first. The object pickles as its surfaces and values (the compiled cache,
extract/prebuilt.py, stores it) and rebuilds the automaton on load (~5 ms for 8k words)."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Iterable, Iterator, NamedTuple

from ..literals import find_all


def compile_surfaces(surfaces: list[str]):
    """The Rust automaton over `surfaces` (None for none): find_matches_as_indexes(text,
    overlapping=True) gives (surface index, start, end) of every occurrence, by end, the
    longest first at one end."""
    if not surfaces:
        return None
    import ahocorasick_rs   # here: a process that never builds an automaton does not load it

    return ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=ahocorasick_rs.Implementation.ContiguousNFA)


class Automaton:
    def __init__(self, items: Iterable[tuple[str, Any]]):
        table = dict(items)  # a surface added twice keeps its last value, as pyahocorasick did
        self._surfaces = list(table)
        self._values = list(table.values())
        self._build()

    def _build(self) -> None:
        self._ac = compile_surfaces(self._surfaces)

    def __getstate__(self):
        return self._surfaces, self._values

    def __setstate__(self, state) -> None:
        self._surfaces, self._values = state
        self._build()

    def __len__(self) -> int:
        return len(self._surfaces)

    def __eq__(self, other: object) -> bool:
        """Equal when built from the same surfaces and values (a loaded copy equals a rebuilt one)."""
        if not isinstance(other, Automaton):
            return NotImplemented
        return (self._surfaces, self._values) == (other._surfaces, other._values)

    __hash__ = None  # type: ignore[assignment]

    def matches(self, text: str) -> list[tuple[int, int, Any]]:
        """(start, end, value) of every occurrence, by end, the longest first at one end."""
        if self._ac is None:
            return []
        values = self._values
        found = self._ac.find_matches_as_indexes(text, overlapping=True)
        return [(s, e, values[k]) for k, s, e in found]

    def iter(self, text: str) -> Iterator[tuple[int, int, Any]]:
        return iter(self.matches(text))


FEW = 8  # literals looked for with str.find, each a pass over the text; more: probes at their first characters


def occurrences(text: str, literals: Iterable[str]) -> dict[str, list[int]]:
    """Every start (overlapping ones too, ascending) of each of `literals` in `text` that
    occurs there: what a scan of the text per literal would find. A few literals: str.find
    each. More: one pass over the positions of their first characters, each probed for the
    literals' lengths there (a dict look-up each). Building an automaton per article for
    them took ~0.45 ms; the probes are linear too (a position is one first character's)."""
    found: dict[str, list[int]] = {}
    literals = set(literals)
    if len(literals) > FEW and "" not in literals:
        lengths: dict[str, set] = {}
        for w in literals:
            lengths.setdefault(w[0], set()).add(len(w))
        by_first = {c: sorted(n) for c, n in lengths.items()}
        for s in _positions(text, by_first):
            for n in by_first[text[s]]:
                w = text[s:s + n]
                if w in literals:
                    found.setdefault(w, []).append(s)
        return found
    for literal in literals:  # a few: str.find beats building an automaton
        at = find_all(text, literal)
        if at:
            found[literal] = at
    return found


class Literals(NamedTuple):
    """A set of literals with its look-up table made once (a name's short forms, cached by
    name): what occurrences builds from the literals on every call."""

    words: frozenset
    lengths: dict   # first character -> the literals' lengths, ascending


def literals_of(words: Iterable[str]) -> Literals:
    lengths: dict[str, set] = {}
    words = frozenset(words)
    for w in words:
        lengths.setdefault(w[:1], set()).add(len(w))
    return Literals(words, {c: tuple(sorted(n)) for c, n in lengths.items()})


def occurrences_of(text: str, sets: list[Literals]) -> dict[str, list[int]]:
    """occurrences(text, the union of `sets`), from their tables: per call, the sets are
    united (in C) and only their few tables merged, where occurrences looped over every
    literal (an article's names' short forms run to the thousands)."""
    union = frozenset().union(*(x.words for x in sets))
    if len(union) <= FEW or "" in union:
        return occurrences(text, union)
    by_first: dict[str, set] = {}
    for x in sets:
        for c, n in x.lengths.items():
            by_first.setdefault(c, set()).update(n)
    lengths = {c: sorted(n) for c, n in by_first.items()}
    found: dict[str, list[int]] = {}
    for s in _positions(text, lengths):
        for n in lengths[text[s]]:
            w = text[s:s + n]
            if w in union:
                found.setdefault(w, []).append(s)
    return found


def _positions(text: str, chars) -> list[int]:
    """Where any of `chars` (single characters) stands in `text`, ascending: a few found by
    str.find each (compiling a character class per article cost more than the scan), more
    by one regex pass."""
    if len(chars) > FEW:
        return [m.start() for m in re.compile("[" + "".join(map(re.escape, chars)) + "]").finditer(text)]
    return sorted(s for c in chars for s in find_all(text, c))


def chain(starts: list[int], length: int, pos: int = 0) -> Iterator[int]:
    """The starts re.finditer(re.escape(literal), text[pos:]) gives (offset by pos), from the
    literal's `starts` in the text: the first at or after pos, then each first at or after
    the end of the one before (a literal that overlaps itself, 康康 in 康康康, is not found
    inside its own match)."""
    nxt = pos
    for k in range(bisect_left(starts, pos), len(starts)):  # (no copy of the list's tail per call)
        s = starts[k]
        if s >= nxt:
            yield s
            nxt = s + length
