"""Compiles patterns.yaml once into one scanning regex (the cores) and a few
anchored suffix regexes, and reads matches into plain dicts of parts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from ..literals import first_chars, starts as read_starts
from ..prebuilt import cached
from .festivals import LIBRARY_FILES
from .lexicon import load_yaml, words

_REF = re.compile(r"\{(@?)([A-Za-z_][A-Za-z0-9_]*)(?::([a-z0-9_]+))?\}")


def _expand(pattern: str, fragments: dict, prefix: str, depth: int = 0) -> str:
    if depth > 8:
        raise ValueError(f"fragment nesting too deep in {pattern!r}")

    def sub(m: re.Match) -> str:
        is_list, name, part = m.group(1), m.group(2), m.group(3)
        if is_list:
            body = trie_alternation(words(name))
        else:
            body = _expand(fragments[name], fragments, prefix, depth + 1)
        if part:
            return f"(?P<{prefix}{part}>{body})"
        return f"(?:{body})"

    return _REF.sub(sub, pattern)


def trie_alternation(items: list[str]) -> str:
    """A regex matching the same words as a longest-first alternation, written as a
    trie (a position tries only the branches of its own next character): the
    holiday list has some 200 names."""
    root: dict = {}
    for w in items:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@dataclass
class Grammar:
    # one regex per scanner (patterns.yaml `scanners`, the rest in `main`)
    scanners: list[re.Pattern]
    suffixes: dict[str, re.Pattern]
    # rule name -> [(group name, part name)]
    parts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # rule name -> its place in `cores` (two cores starting together: the earlier first)
    order: dict[str, int] = field(default_factory=dict)
    # where a core of some scanner may start: a start character, and a second character
    # that may follow it (scan() visits only these positions)
    starts: re.Pattern = None
    # a start character -> (scanner index, the scanner's cores that can start with it)
    dispatch: dict[str, tuple[tuple[int, re.Pattern], ...]] = field(default_factory=dict)


@cached("dates.grammar", sources=("dates", "literals.py", "datafiles.py", *LIBRARY_FILES))
def grammar() -> Grammar:
    """The cores, suffixes and dispatch tables, built from the data files (or, in a fresh
    process, loaded as the cache build stored them: building takes ~0.05 s)."""
    spec = load_yaml("patterns.yaml")
    fragments = spec["fragments"]
    bodies = {rule: f"(?P<{rule}>{_expand(pattern, fragments, prefix=f'{rule}__')})"
              for rule, pattern in spec["cores"].items()}
    groups = [(s["cores"], _start_chars(s["start_chars"])) for s in spec["scanners"]]
    taken = {rule for cores, _ in groups for rule in cores}
    groups.append(([rule for rule in bodies if rule not in taken], _start_chars(spec["start_chars"])))
    # a lookahead on the first character lets each scanner skip most positions fast
    scanners = [re.compile(f"(?=[{chars}])(?:{'|'.join(bodies[r] for r in cores)})") for cores, chars in groups]
    parts: dict[str, list[tuple[str, str]]] = {}
    for scanner in scanners:
        for name in scanner.groupindex:
            if "__" in name:
                rule, part = name.split("__", 1)
                parts.setdefault(rule, []).append((name, part))
    suffixes = {
        name: re.compile(_expand(pattern, fragments, prefix=""))
        for name, pattern in spec["suffixes"].items()
    }
    starts, dispatch = _dispatch(groups, bodies)
    return Grammar(scanners, suffixes, parts, {rule: i for i, rule in enumerate(bodies)}, starts, dispatch)


def _dispatch(groups: list[tuple[list[str], str]], bodies: dict[str, str]):
    """For each start character, the cores of each scanner that can begin with it, as one
    regex per scanner: the same alternation as the scanner's, less the cores that would
    fail at once (a core's first characters are read from its pattern; where they are
    not a known set, the core stays everywhere)."""
    found = {rule: read_starts(body) for rule, body in bodies.items()}
    for rule, s in found.items():
        if s.min_width == 0:  # scan() moves a scanner on to the end of its match
            raise ValueError(f"date core {rule} can match the empty string")
    firsts = {rule: s.chars for rule, s in found.items()}
    pairs = {rule: s.pairs for rule, s in found.items()}
    table: dict[str, list[tuple[int, re.Pattern]]] = {}
    seconds: dict[str, Optional[set[str]]] = {}  # what may follow a start character (None: anything)
    compiled: dict[tuple[str, ...], re.Pattern] = {}
    for i, (cores, chars) in enumerate(groups):
        for ch in sorted(first_chars(f"[{chars}]")):
            here = tuple(r for r in cores if firsts[r] is None or ch in firsts[r])
            if not here:
                continue
            if here not in compiled:
                compiled[here] = re.compile(f"(?:{'|'.join(bodies[r] for r in here)})")
            table.setdefault(ch, []).append((i, compiled[here]))
            for r in here:
                after = None if pairs[r] is None else pairs[r].get(ch, frozenset())
                if after is None or "" in after or seconds.get(ch, set()) is None:
                    seconds[ch] = None
                else:
                    seconds.setdefault(ch, set()).update(after)
    # one literal alternative per start character (the engine then skips to those in one
    # step), with the characters that may follow it: 医 only before 师 (医师节)
    alternatives = [re.escape(ch) if seconds[ch] is None
                    else f"{re.escape(ch)}(?=[{''.join(re.escape(c) for c in sorted(seconds[ch]))}])"
                    for ch in sorted(table)]
    starts = re.compile("|".join(alternatives))
    return starts, {ch: tuple(v) for ch, v in table.items()}


def _start_chars(chars: str) -> str:
    """A scanner's start characters, with the first characters of the holiday names
    (computed from the calendar library) in place of {holiday_starts}."""
    firsts = sorted({w[0] for w in words("holidays")})
    return chars.replace("{holiday_starts}", "".join(re.escape(ch) for ch in firsts))


def start_chars() -> str:
    """Every character a core may start with (all scanners)."""
    spec = load_yaml("patterns.yaml")
    return "".join(_start_chars(s["start_chars"]) for s in spec["scanners"]) + _start_chars(spec["start_chars"])


@dataclass
class Core:
    """One core match, extended by suffixes; `parts` holds the raw strings."""

    rule: str
    start: int
    end: int
    parts: dict[str, str]


def _core(m: re.Match, g: Grammar) -> Core:
    rule = m.lastgroup
    parts = {}
    for group, part in g.parts.get(rule, ()):
        value = m.group(group)
        if value is not None:
            parts[part] = value
    return Core(rule, m.start(), m.end(), parts)


def scan(text: str) -> Iterator[Core]:
    """Every scanner's cores, merged in text order (where two start together, the one
    listed first in patterns.yaml comes first).

    Each scanner behaves as its own `finditer` (its matches do not overlap each other,
    those of different scanners may), but all are read in one pass: only the positions
    of a start character are visited, and there only the cores that can begin with it
    are tried."""
    g = grammar()
    dispatch, order = g.dispatch, g.order
    resume = [0] * len(g.scanners)  # where each scanner's next match may start
    found = []
    for pos in map(re.Match.start, g.starts.finditer(text)):
        for i, rx in dispatch[text[pos]]:
            if pos >= resume[i]:
                m = rx.match(text, pos)
                if m is not None:
                    resume[i] = m.end()
                    found.append((pos, order[m.lastgroup], m))
    found.sort(key=_by_start)
    for _, _, m in found:
        yield _core(m, g)


def _by_start(item: tuple) -> tuple[int, int]:
    return item[0], item[1]


def match_suffix(name: str, text: str, pos: int) -> re.Match | None:
    m = grammar().suffixes[name].match(text, pos)
    return m if m and m.end() > pos else None
