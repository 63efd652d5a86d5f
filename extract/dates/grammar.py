"""Compiles patterns.yaml once into one scanning regex (the cores) and a few
anchored suffix regexes, and reads matches into plain dicts of parts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterator, Optional

from ..literals import first_chars, needed, starts as read_starts
# literals' reader of a parsed pattern's first characters, used for more than two of them
from ..literals import heads
from ..lastcall import for_last_call
from ..prebuilt import cached
from .festivals import LIBRARY_FILES
from .lexicon import load_yaml, words

try:  # the parser of the re module (Python 3.11+: re._parser; 3.10: sre_parse)
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

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
    # where a core of some scanner may start: a start character, and two characters that
    # may follow it (scan() visits only these positions)
    starts: re.Pattern = None
    # the same positions as the starts of these words (one to three characters), found by
    # an Aho-Corasick automaton (_visits)
    start_words: tuple[str, ...] = ()
    # the first three, two or one characters at a position -> (scanner index, the
    # scanner's cores that can begin so), for each scanner that has some
    dispatch: dict[str, tuple[tuple[int, re.Pattern], ...]] = field(default_factory=dict)
    # suffix name -> the characters a non-empty match of it can begin with (None: unknown)
    suffix_firsts: dict[str, Optional[frozenset[str]]] = field(default_factory=dict)
    # the dispatch table less the guarded cores (patterns.yaml `guards`), same keys: what a
    # position tries where `near` finds none of the characters a guard needs within
    # `near_reach` characters (every guard fails there, and a core whose guard fails cannot
    # match: the scanners' matches stay the same)
    unguarded: dict[str, tuple[tuple[int, re.Pattern], ...]] = field(default_factory=dict)
    near: Optional[re.Pattern] = None
    near_reach: int = 0


@cached("dates.grammar", sources=("dates", "literals.py", "datafiles.py", *LIBRARY_FILES))
def grammar() -> Grammar:
    """The cores, suffixes and dispatch tables, built from the data files (or, in a fresh
    process, loaded as the cache build stored them: building takes ~0.05 s)."""
    spec = load_yaml("patterns.yaml")
    fragments = spec["fragments"]
    guards = {rule: _guard(rule, spec["cores"][rule], g, fragments) for rule, g in spec.get("guards", {}).items()}
    needs = {rule: _guard_needs(g, fragments) for rule, g in spec.get("guards", {}).items()}
    needs = {rule: need for rule, need in needs.items() if need is not None}
    bodies = {rule: f"(?P<{rule}>{guards.get(rule, '')}{_expand(pattern, fragments, prefix=f'{rule}__')})"
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
    dispatch, tails = _tables(groups, bodies)
    unguarded, _ = _tables(groups, bodies, skip=frozenset(needs))
    firsts = {name: found.chars if (found := read_starts(rx)) is not None else None for name, rx in suffixes.items()}
    chars = sorted({ch for need, _ in needs.values() for ch in need})
    near = re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]") if chars else None
    return Grammar(scanners, suffixes, parts, {rule: i for i, rule in enumerate(bodies)}, starts=_starts(tails),
                   start_words=_start_words(tails), dispatch=dispatch, suffix_firsts=firsts,
                   unguarded=unguarded, near=near, near_reach=max((r for _, r in needs.values()), default=-1) + 1)


_PART_NAME = re.compile(r"(\{@?[A-Za-z_][A-Za-z0-9_]*):[a-z0-9_]+\}")
_LOOKBEHIND = re.compile(r"\A\(\?<!(?:[^()\\]|\\.)*\)")


def _guard(rule: str, core: str, spec: dict, fragments: dict) -> str:
    """The lookahead a core of patterns.yaml `guards` opens with: its word begins within the
    widest match of `before`. The core must be written as `before`, zero-width lookbehinds,
    then `word` (part names aside): else the lookahead could reject a match."""
    unnamed = _PART_NAME.sub(r"\1}", core)
    before, word = spec["before"], spec["word"]
    rest = unnamed[len(before):] if unnamed.startswith(before) else None
    while rest is not None and (m := _LOOKBEHIND.match(rest)):
        rest = rest[m.end():]
    if rest is None or not rest.startswith(word) or _top_level_bar(unnamed):
        raise ValueError(f"date core {rule} does not start with its guard's {before!r} then {word!r}")
    width = _sre_parse.parse(_expand(before, fragments, prefix="")).getwidth()[1]
    word_rx = _expand(word, fragments, prefix="")
    found = read_starts(word_rx)
    if found is None or found.chars is None or found.min_width == 0:
        raise ValueError(f"date core {rule}: no first characters for the guard's word {word!r}")
    if spec.get("starts"):  # what every match of the word begins with, sharper than its first characters
        return f"(?=[\\s\\S]{{0,{width}}}?(?:{_expand(spec['starts'], fragments, prefix='')}))"
    chars = "".join(re.escape(ch) for ch in sorted(found.chars))
    return f"(?=[\\s\\S]{{0,{width}}}?[{chars}])"


def _guard_needs(spec: dict, fragments: dict) -> Optional[tuple[frozenset[str], int]]:
    """(characters one of which a guard's lookahead needs, the furthest offset it needs it at)
    or None (unknown: the core is always tried). Without `starts`: the first characters of the
    word, within the width of `before`; with it: the first character of a literal every match
    of `starts` holds (the 、 of [0-9]{1,2}、), within that width and the width of `starts`."""
    width = _sre_parse.parse(_expand(spec["before"], fragments, prefix="")).getwidth()[1]
    if spec.get("starts"):
        pattern = _expand(spec["starts"], fragments, prefix="")
        words = needed(pattern)
        if not words:
            return None
        return frozenset(w[0] for w in words), width + _sre_parse.parse(pattern).getwidth()[1]
    found = read_starts(_expand(spec["word"], fragments, prefix=""))
    if found is None or found.chars is None:
        return None
    return found.chars, width


def _top_level_bar(pattern: str) -> bool:
    """A `|` outside every group and class: the core is an alternation, and `before` then
    `word` holds for one of its branches only."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if pattern[i + 1:i + 2] != "]" else 2  # []...] holds a ]
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _dispatch(groups: list[tuple[list[str], str]], bodies: dict[str, str]):
    """(the regex of the positions scan() visits, the dispatch table): see _tables."""
    table, tails = _tables(groups, bodies)
    return _starts(tails), table


def _tables(groups: list[tuple[list[str], str]], bodies: dict[str, str], skip: frozenset[str] = frozenset()):
    """Which cores of each scanner to try at a position, by the first characters there:
    a table from the first three, two or one characters (scan() takes the longest key
    found) to one regex per scanner, the same alternation as the scanner's less cores
    that cannot begin so (a core's first characters are read from its pattern; where they
    are not a known set, the core stays at every start character of its scanner). And the
    positions worth a visit: a start character followed by what some core can begin with
    (start character -> the tuples of one or two characters that may follow it, None: any).
    The cores of `skip` are left out of the table's regexes (not of its keys)."""
    heads: dict[str, Optional[set[tuple]]] = {}
    for rule, body in bodies.items():
        if read_starts(body).min_width == 0:  # scan() moves a scanner on to the end of its match
            raise ValueError(f"date core {rule} can match the empty string")
        heads[rule] = _heads(body)
    # key (the first one to _HEAD characters of a core) -> scanner index -> cores
    keyed: dict[str, dict[int, set[str]]] = {}
    anywhere: dict[str, dict[int, set[str]]] = {}  # start character -> cores of unknown heads
    for i, (cores, chars) in enumerate(groups):
        allowed = first_chars(f"[{chars}]")
        for rule in cores:
            if heads[rule] is None:
                for ch in allowed:
                    anywhere.setdefault(ch, {}).setdefault(i, set()).add(rule)
                continue
            for t in heads[rule]:
                if t[0] in allowed:
                    keyed.setdefault("".join(t), {}).setdefault(i, set()).add(rule)
    position = {rule: n for cores, _ in groups for n, rule in enumerate(cores)}

    def pairs(table: dict[str, dict[int, set[str]]], key: str) -> set[tuple[int, str]]:
        return {(i, rule) for i, rules in table.get(key, {}).items() for rule in rules}

    # what a position tries, by the longest key found: one character, the cores of its
    # one-character heads (and of unknown heads); two, every core that can begin so;
    # three, the cores of those heads and shorter ones, kept only where fewer than the two's
    one = {ch: pairs(keyed, ch) | pairs(anywhere, ch) for ch in {key[0] for key in [*keyed, *anywhere]}}
    cores_of: dict[str, set[tuple[int, str]]] = dict(one)
    for key in keyed:
        if len(key) > 1:
            cores_of.setdefault(key[:2], set(one[key[0]])).update(pairs(keyed, key))
    for key in keyed:
        if len(key) == 3:
            three = one[key[0]] | pairs(keyed, key[:2]) | pairs(keyed, key)
            if three != cores_of[key[:2]]:
                cores_of[key] = three
    compiled: dict[tuple[str, ...], re.Pattern] = {}
    shared: dict[tuple, tuple] = {}  # one tuple for the keys that try the same (some 50)
    table: dict[str, tuple[tuple[int, re.Pattern], ...]] = {}
    for key in sorted(cores_of):
        by_scanner: dict[int, list[str]] = {}
        for i, rule in sorted(cores_of[key], key=lambda c: (c[0], position[c[1]])):
            if rule in skip:
                continue
            by_scanner.setdefault(i, []).append(rule)
        entries = []
        for i, rules in by_scanner.items():
            here = tuple(rules)
            if here not in compiled:
                compiled[here] = re.compile(f"(?:{'|'.join(bodies[r] for r in here)})")
            entries.append((i, compiled[here]))
        table[key] = shared.setdefault(tuple(entries), tuple(entries))
    # each start character with what may follow it: 医 only before 师节 (医师节), 3 not
    # before 00 (300元)
    firsts = sorted({key[0] for key in table})
    tails: dict[str, Optional[set[tuple]]] = {ch: None if ch in anywhere or ch in keyed else set() for ch in firsts}
    for key in keyed:
        if len(key) > 1 and tails[key[0]] is not None:
            tails[key[0]].add(tuple(key[1:]))
    return table, tails


def _starts(tails: dict[str, Optional[set[tuple]]]) -> re.Pattern:
    """The positions to visit as a regex: one literal alternative per start character (the
    engine skips to those in one step), with a lookahead on what may follow it."""
    return re.compile("|".join(re.escape(ch) + _lookahead(tails[ch]) for ch in sorted(tails)))


def _start_words(tails: dict[str, Optional[set[tuple]]]) -> tuple[str, ...]:
    """The positions to visit as the starts of words: a start character alone, or with each
    of its tails (a word holding a shorter one is left out: it starts where that one does)."""
    words = {ch + "".join(t) for ch, ts in tails.items() for t in (ts if ts is not None else [()])}
    return tuple(sorted(w for w in words if not any(w[:n] in words for n in range(1, len(w)))))


_HEAD = 3  # how many first characters of a core _heads reads


def _heads(body: str) -> Optional[set[tuple]]:
    """The first _HEAD characters of the matches of a core (literals' reading of the
    parsed pattern; a shorter tuple: the match may end there; lookarounds are ignored,
    so the set holds every real beginning), or None: too many, or any character."""
    return heads(body, _HEAD)


def _lookahead(tails: Optional[set[tuple]]) -> str:
    """A lookahead matching where one of `tails` follows (empty: no condition)."""
    if tails is None:
        return ""
    seconds: dict[str, Optional[set[str]]] = {}
    for t in tails:
        if len(t) == 1 or seconds.get(t[0], set()) is None:
            seconds[t[0]] = None
        else:
            seconds.setdefault(t[0], set()).add(t[1])
    branches = []
    for second in sorted(seconds):
        head = re.escape(second)
        thirds = seconds[second]
        if thirds is not None:
            head += "[" + "".join(re.escape(c) for c in sorted(thirds)) + "]"
        branches.append(head)
    return f"(?={'|'.join(branches)})"


def _start_chars(chars: str) -> str:
    """A scanner's start characters, with the first characters of the holiday names
    (computed from the calendar library) in place of {holiday_starts}."""
    firsts = sorted({w[0] for w in words("holidays")})
    return chars.replace("{holiday_starts}", "".join(re.escape(ch) for ch in firsts))


def start_chars() -> str:
    """Every character a core may start with (all scanners)."""
    spec = load_yaml("patterns.yaml")
    return "".join(_start_chars(s["start_chars"]) for s in spec["scanners"]) + _start_chars(spec["start_chars"])


@dataclass(slots=True)
class Core:
    """One core match, extended by suffixes; `parts` holds the raw strings."""

    rule: str
    start: int
    end: int
    parts: dict[str, str]


def _core(m: re.Match, g: Grammar) -> Core:
    return _read_core(m, _scanning(g).groups)


def _read_core(m: re.Match, groups: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> Core:
    """The core `m` with the parts it holds, read from its groups in one call."""
    rule = m.lastgroup
    names, parts = groups.get(rule, ((), ()))
    if len(names) == 1:
        value = m.group(names[0])
        return Core(rule, m.start(), m.end(), {parts[0]: value} if value is not None else {})
    values = m.group(*names) if names else ()
    return Core(rule, m.start(), m.end(), {p: v for p, v in zip(parts, values) if v is not None})


class _Scanning:
    """What scan() uses beside a grammar, built from it on the first scan of a process (an
    automaton cannot be pickled): the automaton of its start words; for each word of three
    characters (and each shorter one no longer key begins with), the table entry of the
    positions it starts at (the longest key found there is the word, or a prefix of it: known
    in advance); for each core, its group names and parts (_read_core)."""

    def __init__(self, g: Grammar):
        import ahocorasick_rs   # here: a process that parses no date does not load it

        from ..money.cues import WORDS as cues  # carried for money (word_hits)

        self.grammar = g
        words = list(g.start_words)
        self.dates = len(words)  # the automaton's words from this index on are money's cues
        self.automaton = ahocorasick_rs.AhoCorasick(words + list(cues), matchkind=ahocorasick_rs.MatchKind.Standard,
                                                    implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        get = g.dispatch.get
        # a shorter word's entry is known too when no longer key begins with it (scan()'s
        # look-up at a visit could find no other: 115 of the 152 words of one or two characters)
        longer = {key[:n] for key in g.dispatch for n in range(1, len(key))}
        self.entries = [get(w) or get(w[:2]) or get(w[0], ()) if len(w) == 3 or w not in longer else None
                        for w in words]
        # a table entry (by identity) -> the same less the guarded cores (Grammar.unguarded),
        # kept only for the entries that hold one (half the visits hold none: they need no
        # `near` search, their entry's regexes being the same either way)
        self.unguarded = {id(entries): g.unguarded[key] for key, entries in g.dispatch.items()
                          if _patterns(entries) != _patterns(g.unguarded[key])}
        self.groups = {rule: (tuple(group for group, _ in pairs), tuple(part for _, part in pairs))
                      for rule, pairs in g.parts.items()}


def _patterns(entries: tuple[tuple[int, re.Pattern], ...]) -> list[tuple[int, str]]:
    return [(i, rx.pattern) for i, rx in entries]


_SCANNING: list[_Scanning] = []


def _scanning(g: Grammar) -> _Scanning:
    if not _SCANNING or _SCANNING[-1].grammar is not g:
        _SCANNING[:] = [_Scanning(g)]
    return _SCANNING[-1]


@for_last_call
def word_hits(text: str) -> tuple[list[tuple[int, Optional[tuple]]], Optional[list[tuple[int, int]]]]:
    """One Aho-Corasick pass over `text` for two extractors: the date scanner's visits
    (_visits) and the hits of money's cue words, (index into money.cues.WORDS, start) in the
    order of their starts (None where the automaton cannot read the text: money then searches its
    regex). Kept for the last text: money reads the pass the dates made of the same article."""
    return _visits(grammar(), text)


def _visits(g: Grammar, text: str) -> tuple[list[tuple[int, Optional[tuple]]], Optional[list[tuple[int, int]]]]:
    """The positions of `text` that g.starts matches at, in order, each with its table entry
    where known in advance (else None): the starts of g.start_words (one word starts at each:
    none holds another at its start), found by an Aho-Corasick automaton (ahocorasick_rs: ~2x
    faster than the regex, which stops at each start character, some 15% of a Chinese text, to
    try its lookahead; its DFA form is ~3x faster, but takes 12 ms and 5 MB to build, against
    4 ms and 0.5 MB); and the cue hits word_hits gives money. A text the automaton cannot read
    (a lone surrogate is no UTF-8) is scanned by the regex."""
    sc = _scanning(g)
    try:
        found = sc.automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return [(m.start(), None) for m in g.starts.finditer(text)], None
    entries, dates = sc.entries, sc.dates
    found.sort(key=_START)
    return ([(start, entries[k]) for k, start, _ in found if k < dates],
            [(k - dates, start) for k, start, _ in found if k >= dates])


_START = itemgetter(1)


def scan(text: str) -> Iterator[Core]:
    """Every scanner's cores, merged in text order (where two start together, the one
    listed first in patterns.yaml comes first).

    Each scanner behaves as its own `finditer` (its matches do not overlap each other,
    those of different scanners may), but all are read in one pass: only the positions
    of a start character are visited, and there only the cores that can begin with it
    are tried."""
    g = grammar()
    dispatch, order = g.dispatch, g.order
    near, reach, guarded = g.near, g.near_reach, _scanning(g).unguarded
    resume = [0] * len(g.scanners)  # where each scanner's next match may start
    found = []
    get = dispatch.get
    for pos, entries in word_hits(text)[0]:
        if entries is None:
            entries = get(text[pos:pos + 3]) or get(text[pos:pos + 2]) or get(text[pos], ())
        if near is not None and id(entries) in guarded and near.search(text, pos, pos + reach) is None:
            entries = guarded[id(entries)]  # no character a guard needs near: no guarded core
        for i, rx in entries:
            if pos >= resume[i]:
                m = rx.match(text, pos)
                if m is not None:
                    resume[i] = m.end()
                    found.append((pos, order[m.lastgroup], m))
    found.sort(key=_BY_START)
    groups = _scanning(g).groups
    for _, _, m in found:
        yield _read_core(m, groups)


_BY_START = itemgetter(0, 1)


def match_suffix(name: str, text: str, pos: int) -> re.Match | None:
    """The suffix `name` at `pos`, when it is not empty (none where the character there
    cannot begin it: most dates are followed by none of their suffixes)."""
    g = grammar()
    firsts = g.suffix_firsts.get(name)
    if firsts is not None and text[pos:pos + 1] not in firsts:
        return None
    m = g.suffixes[name].match(text, pos)
    return m if m and m.end() > pos else None
