"""A literal prefilter in front of a regex: the strings one of which every match must
contain, read from the parsed pattern, checked first with one fast scan.

Many patterns of the line stage and the extractors open with a character class and a
bounded repeat ([\u4e00-\u9fff]{2,16}?记者…), so the regex engine tries them at every
position of the text; a text that holds none of the words they need (记者, 通讯员…) is
answered by a scan for those words instead. `Guarded` gives the same results as the
pattern itself (tests/test_literals.py checks the derivation, and every guarded
pattern on the corpora). Finding the words in a text (holds_word, find_all…) is
extract/wordfind.py's.
"""
from __future__ import annotations

import re
import sys
from typing import Iterator, NamedTuple, Optional, Union

from .prebuilt import memo
# the search for a few words in a text (Guarded's prefilter), in a module of its own; its
# public names are imported from here by the stages and tests too
from .wordfind import MAX_FIND_WORDS, find_all, find_words, holds_any, holds_word, inner_words, pivot  # noqa: F401

try:  # the parser of the re module (Python 3.11+: re._parser; 3.10: sre_parse)
    from re import _parser as _sre_parse
    from re import _constants as _sre_constants
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

_C = _sre_constants
_MAX_ALTERNATIVES = 24   # a longer list of words is no cheaper to scan for than the pattern
_MAX_CLASS = 12          # a character class of up to this many literal characters counts


def needed(pattern: Union[str, re.Pattern], flags: int = 0) -> Optional[frozenset[str]]:
    """Strings one of which occurs in every match of `pattern`, or None when the pattern
    needs no literal (or the words would not narrow the search)."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if not isinstance(pattern, str) or flags & re.IGNORECASE:
        return None
    return _needed(pattern, int(flags))


def _parse_cased(pattern: str, flags: int):
    """re's parse of a pattern that matches case-sensitively; None for a bad pattern or one
    that folds case (inline (?i) included): its literals would not be literal."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    return None if parsed.state.flags & re.IGNORECASE else parsed


@memo("literals.needed", sources=("literals.py",))
def _needed(pattern: str, flags: int) -> Optional[frozenset[str]]:
    """needed() of a pattern's text; the results for the toolkit's own patterns are stored
    by the cache build (extract/prebuilt.py), so a fresh process does not parse them again."""
    parsed = _parse_cased(pattern, flags)
    if parsed is None:
        return None
    found = _sequence(list(parsed))
    if not found or "" in found or len(found) > _MAX_ALTERNATIVES:
        return None
    return frozenset(found)


def all_needed(pattern: Union[str, re.Pattern], flags: int = 0) -> tuple[frozenset[str], ...]:
    """Every requirement `needed` chooses among: sets of strings one of each of which occurs
    in every match of `pattern` (its literal runs, and the required items of its sequence
    and of the required groups inside it); () when it needs none."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if not isinstance(pattern, str) or flags & re.IGNORECASE:
        return ()
    return _all_needed(pattern, int(flags))


@memo("literals.all_needed", sources=("literals.py",))
def _all_needed(pattern: str, flags: int) -> tuple[frozenset[str], ...]:
    parsed = _parse_cased(pattern, flags)
    out: list[set] = []
    if parsed is not None:
        _requirements(list(parsed), out)
    return tuple(frozenset(s) for s in out if s and "" not in s)


def _requirements(items: list, out: list) -> None:
    """_sequence's candidates, each kept, and a required group's own, read inside it."""
    run = ""
    for op, av in items + [(None, None)]:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append({run})
            run = ""
        if op is None or op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        if op is _C.SUBPATTERN:
            _requirements(list(av[-1]), out)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            if av[0] >= 1:  # held at least once
                _requirements(list(av[2]), out)
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            _requirements(list(av), out)
        else:
            got = _item(op, av)
            if got:
                out.append(got)


@memo("literals.held_chars", sources=("literals.py",))
def held_chars(pattern: str) -> Optional[str]:
    """The characters a match of `pattern` can hold (lookarounds left out: they hold none),
    as the inside of a character class; None when a part of it could hold any character.
    The results for the toolkit's own patterns are stored by the cache build (money's scanner
    took ~5 ms to walk at every process's import)."""
    C = _C
    chars, digits = set(), False

    def walk(items) -> bool:
        nonlocal digits
        for op, av in items:
            if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue
            if op is C.LITERAL:
                chars.add(chr(av))
            elif op is C.IN:
                for iop, v in av:
                    if iop is C.LITERAL:
                        chars.add(chr(v))
                    elif iop is C.RANGE and v[1] - v[0] < 256:
                        chars.update(map(chr, range(v[0], v[1] + 1)))
                    elif iop is C.CATEGORY and v is C.CATEGORY_DIGIT:
                        digits = True
                    else:
                        return False
            elif op is C.BRANCH:
                if not all(walk(a) for a in av[1]):
                    return False
            elif op is C.SUBPATTERN:
                if not walk(av[-1]):
                    return False
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
                if not walk(av[2]):
                    return False
            elif op is getattr(C, "ATOMIC_GROUP", None):
                if not walk(av):
                    return False
            else:
                return False
        return True

    if not walk(_sre_parse.parse(pattern)):
        return None
    return ("\\d" if digits else "") + re.escape("".join(sorted(chars)))


def _better(a: Optional[set], b: Optional[set]) -> Optional[set]:
    """The more selective of two requirement sets (longer shortest word, then fewer words)."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items: list) -> Optional[set]:
    best: Optional[set] = None
    run = ""
    for op, av in items:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, {run})
            run = ""
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width; the literals on its two sides were kept apart above
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, {run})
    return best


def _item(op, av) -> Optional[set]:
    if op is _C.IN:
        chars = set()
        for iop, iav in av:
            if iop is not _C.LITERAL:
                return None
            chars.add(chr(iav))
        return chars if 0 < len(chars) <= _MAX_CLASS else None
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _C.BRANCH:
        out: set = set()
        for alt in av[1]:
            sub = _sequence(list(alt))
            if sub is None:
                return None
            out |= sub
            if len(out) > _MAX_ALTERNATIVES:
                return None
        return out
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _sequence(list(sub)) if lo >= 1 else None
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return None


_ANY = None  # first_chars: any character may come first


class Starts(NamedTuple):
    """How the matches of a pattern begin (read from one parse, see `starts`)."""

    chars: Optional[frozenset[str]]                # first_chars
    pairs: Optional[dict[str, frozenset[str]]]     # first_pairs
    min_width: int                                 # 0: the pattern can match empty


def starts(pattern: Union[str, re.Pattern], flags: int = 0) -> Optional[Starts]:
    """first_chars, first_pairs and the shortest match width of `pattern`, from one parse
    (None when case folding or a bad pattern leaves them unknown)."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    parsed = _parse_cased(pattern, flags)
    if parsed is None:
        return None
    chars, _nullable = _first(list(parsed))
    return Starts(None if chars is _ANY else frozenset(chars), _pairs(list(parsed)), parsed.getwidth()[0])


def first_chars(pattern: Union[str, re.Pattern], flags: int = 0) -> Optional[frozenset[str]]:
    """The characters a non-empty match of `pattern` can start with, or None when that is
    not a small known set (a class like \\d or [^x], `.`, case folding, a back-reference).
    Lookarounds are ignored: they narrow a match, so the set stays a superset."""
    found = starts(pattern, flags)
    return found.chars if found else None


def edges(items: list, last: bool = False, skip: Optional[list] = None) -> tuple[Optional[set], bool]:
    """(the characters a match of the parsed sequence `items` can begin with, or with `last`
    end with; whether it can match empty). None (_ANY): any character may (a class like \\d
    or [^x]). Lookarounds are ignored (the set is a superset); an optional repeat of `skip`
    (a parsed item list, e.g. a run of blanks a stripped line does not end with) is passed over."""
    out: set = set()
    for op, av in (reversed(items) if last else items):
        if skip is not None and op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] == 0 and list(av[2]) == skip:
            continue
        chars, nullable = _edge_item(op, av, last, skip)
        if chars is _ANY:
            return _ANY, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first(items: list) -> tuple[Optional[set], bool]:
    """(first characters, whether the sequence can match empty)."""
    return edges(items)


def _first_item(op, av) -> tuple[Optional[set], bool]:
    return _edge_item(op, av, False, None)


def _edge_item(op, av, last: bool, skip: Optional[list]) -> tuple[Optional[set], bool]:
    if op is _C.LITERAL:
        return {chr(av)}, False
    if op is _C.IN:
        chars: set = set()
        for iop, iav in av:
            if iop is _C.LITERAL:
                chars.add(chr(iav))
            elif iop is _C.RANGE and iav[1] - iav[0] <= 0x5000:
                chars.update(map(chr, range(iav[0], iav[1] + 1)))
            else:  # NEGATE, CATEGORY, a huge range
                return _ANY, False
        return chars, False
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return set(), True
    if op is _C.SUBPATTERN:
        return edges(list(av[-1]), last, skip)
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return edges(list(av), last, skip)
    if op is _C.BRANCH:
        out: set = set()
        nullable = False
        for alt in av[1]:
            chars, n = edges(list(alt), last, skip)
            if chars is _ANY:
                return _ANY, False
            out |= chars
            nullable = nullable or n
        return out, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        chars, n = edges(list(sub), last, skip)
        return chars, (n or lo == 0) if chars is not _ANY else False
    return _ANY, False  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


_WILD = ""        # first_pairs: any character, or the end of the match
_MAX_PREFIXES = 20000


def first_pairs(pattern: Union[str, re.Pattern], flags: int = 0) -> Optional[dict[str, frozenset[str]]]:
    """For each character a non-empty match of `pattern` can start with, the characters
    that can come second ("" among them: any character, or the match may end there);
    None when the first characters are not a small known set. Lookarounds are ignored
    (the sets stay supersets)."""
    found = starts(pattern, flags)
    return found.pairs if found else None


def heads(pattern: str, k: int) -> Optional[set[tuple]]:
    """The first `k` characters of the matches of a case-sensitive `pattern`, as tuples
    (shorter: the match may end there); None when that is not a small known set (a pattern
    that folds case, may match empty or begin with any character; too many). Lookarounds are
    ignored (the set is a superset)."""
    parsed = _parse_cased(pattern, 0)
    found = None if parsed is None else _prefixes(list(parsed), k)
    if found is None or any(_WILD in t or not t for t in found):
        return None
    return found


def _pairs(items: list) -> Optional[dict[str, frozenset[str]]]:
    prefixes = _prefixes(items, 2)
    if prefixes is None:
        return None
    out: dict[str, set] = {}
    for t in prefixes:
        if not t:
            continue  # the empty match
        if t[0] == _WILD:
            return None
        out.setdefault(t[0], set()).add(t[1] if len(t) > 1 else _WILD)
    return {ch: frozenset(v) for ch, v in out.items()}


def _concat(heads: set, tails: set, k: int) -> Optional[set]:
    out = {h for h in heads if len(h) >= k}
    for h in heads:
        if len(h) < k:
            out.update(h + t[:k - len(h)] for t in tails)
    return out if len(out) <= _MAX_PREFIXES else None


def _prefixes(items: list, k: int) -> Optional[set]:
    """The first `k` characters of the matches of a sequence, as tuples (shorter: the
    match ends there; _WILD: any character). None: too many."""
    out: Optional[set] = {()}
    for op, av in items:
        part = _prefixes_item(op, av, k)
        if part is None:
            return None
        out = _concat(out, part, k)
        if out is None:
            return None
        if all(len(t) >= k for t in out):
            break
    return out


def _prefixes_item(op, av, k: int) -> Optional[set]:
    if op is _C.LITERAL:
        return {(chr(av),)}
    if op is _C.IN:
        chars, _ = _first_item(op, av)
        return {(_WILD,)} if chars is _ANY else {(ch,) for ch in chars}
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {()}
    if op is _C.SUBPATTERN:
        return _prefixes(list(av[-1]), k)
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _prefixes(list(av), k)
    if op is _C.BRANCH:
        out: set = set()
        for alt in av[1]:
            sub = _prefixes(list(alt), k)
            if sub is None:
                return None
            out |= sub
        return out if len(out) <= _MAX_PREFIXES else None
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        one = _prefixes(list(sub), k)
        if one is None:
            return None
        out, cur = set(), {()}
        for n in range(lo + k + 1):
            if n > hi:
                return out
            if n >= lo or all(len(t) >= k for t in cur):
                out |= cur  # (full prefixes stay as they are however many rounds follow)
            if all(len(t) >= k for t in cur):
                return out
            cur = _concat(cur, one, k)
            if cur is None:
                return None
        # still short after lo + k rounds: `sub` may match empty, and a longer repeat has
        # a k-prefix found already (drop its empty rounds)
        return out
    return {(_WILD,)}  # ANY, NOT_LITERAL, GROUPREF, ...


def scanner(words: Optional[frozenset[str]]) -> Optional[re.Pattern]:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def needed_words(rx: re.Pattern) -> Optional[tuple[str, ...]]:
    """Words one of which every match of `rx` holds (`needed`, without the words that hold a
    shorter one of them), or None when it needs none: for `holds_any`."""
    words = needed(rx)
    if not words:
        return None
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


_SHORT_PER_WORD = 300  # Guarded: a text shorter than this a word is searched by the scanner


class Guarded:
    """A compiled pattern behind its literal prefilter (same results, same methods). The
    prefilter is `holds_word` over a few words (`words`) in a text longer than `short`,
    else the scanner `need`."""

    __slots__ = ("rx", "need", "words", "short", "pattern", "flags", "groupindex", "groups", "match", "fullmatch")

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        found = needed(rx)
        self.need = scanner(found)
        self.words = find_words(found)
        # a text up to this long is searched by the scanner (a call or two of Python a word
        # cost more than its regex reading a line). One word: always (the engine finds a
        # literal prefix in C as fast); the words of an alternation are what it tries at
        # every character, by its class of their first characters
        self.short = sys.maxsize if self.words is None or len(self.words) < 2 else _SHORT_PER_WORD * len(self.words)
        self.pattern, self.flags, self.groupindex, self.groups = rx.pattern, rx.flags, rx.groupindex, rx.groups
        # anchored: the attempt at `pos` costs what the match reads, while the prefilter
        # would scan the whole rest of the text (a dateline pattern matched at each of 300
        # line starts read the article 300 times): no prefilter, and the pattern's own
        # methods, called without a frame of Python (~2,000 calls a pass in ingest alone)
        self.match, self.fullmatch = rx.match, rx.fullmatch

    def _absent(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether text[pos:endpos] holds none of the words every match needs."""
        if len(text) - pos > self.short:
            return not holds_word(text, self.words, pos, endpos)
        return self.need is not None and not self.need.search(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Optional[re.Match]:
        # (_absent inline: a call less on the hot path)
        if (not holds_word(text, self.words, pos, endpos) if len(text) - pos > self.short
                else self.need is not None and not self.need.search(text, pos, endpos)):
            return None
        return self.rx.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        # (_absent inline: a call less on the hot path)
        if (not holds_word(text, self.words, pos, endpos) if len(text) - pos > self.short
                else self.need is not None and not self.need.search(text, pos, endpos)):
            return iter(())
        return self.rx.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        if self._absent(text, pos, endpos):
            return []
        return self.rx.findall(text, pos, endpos)

    def sub(self, repl, text: str, count: int = 0) -> str:
        if self._absent(text):
            return text
        return self.rx.sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list:
        if self._absent(text):
            return [text]
        return self.rx.split(text, maxsplit)


def guard(rx: re.Pattern) -> Union[Guarded, re.Pattern]:
    """`rx` behind its prefilter, or `rx` itself when it needs no literal."""
    g = Guarded(rx)
    return g if g.need is not None else rx


def any_of(patterns: list[re.Pattern]) -> Optional[re.Pattern]:
    """One scanner for the words of several patterns: a text it does not match is matched
    by none of them (None when one of them needs no literal)."""
    words: set[str] = set()
    for rx in patterns:
        w = needed(rx)
        if w is None:
            return None
        words |= w
    return scanner(frozenset(words)) if len(words) <= 4 * _MAX_ALTERNATIVES else None
