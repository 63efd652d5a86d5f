"""The temporal role of a date (deadline, effective, period, status_as_of, event)
from the trigger words around it; rules in roles.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..lastcall import for_last_call
from ..literals import edges, starts
from ..prebuilt import cached
from .lexicon import load_yaml

try:  # the parser of the re module (Python 3.11+: re._parser; 3.10: sre_parse)
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser

CLAUSE_BREAK = re.compile(r"[，。；！？!?;,\n：:]")
SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
WINDOW = 40
LABEL_WINDOW = 16  # how far back a form or table label (截止时间：) is looked for
# what may stand between a date and its trigger: a space, a weekday in brackets
_AFTER_GAP = "[ \t]?(?:[（(](?:星期|周)[一二三四五六日天][）)])?"


@dataclass(frozen=True)
class Rule:
    role: str
    name: str
    before: Optional[re.Pattern]
    after: Optional[re.Pattern]
    clause: Optional[re.Pattern]
    range_only: bool
    label: Optional[re.Pattern] = None
    # the characters a match of `after` can begin with, of `before` and `label` end with
    # (None: unknown, or the pattern may match empty): a date whose neighbour is none of
    # them is passed over without a call to the regex (_classify)
    after_first: Optional[frozenset[str]] = None
    before_last: Optional[frozenset[str]] = None
    label_last: Optional[frozenset[str]] = None


@dataclass
class Role:
    role: str
    rule: Optional[str] = None
    trigger_start: Optional[int] = None  # offsets of the trigger word in the text
    trigger_end: Optional[int] = None


@cached("dates.roles", sources=("dates/roles.yaml", "literals.py", "datafiles.py"))
def rules() -> tuple[Rule, ...]:
    """The rules of roles.yaml, compiled, with the characters their matches begin or end
    with (or, in a fresh process, as the cache build stored them: reading those takes ~7 ms)."""
    out = []
    for spec in load_yaml("roles.yaml")["rules"]:
        # a stray space between the date and its trigger is tolerated
        before = re.compile(spec["before"].replace("$", "[ \t]?$")) if "before" in spec else None
        after = re.compile(_AFTER_GAP + spec["after"]) if "after" in spec else None
        label = re.compile(spec["label"]) if "label" in spec else None
        out.append(
            Rule(
                role=spec["role"],
                name=spec["name"],
                before=before,
                after=after,
                clause=re.compile(spec["clause"]) if "clause" in spec else None,
                range_only=bool(spec.get("range")),
                label=label,
                after_first=_first_chars(after),
                before_last=_last_chars(before),
                label_last=_last_chars(label),
            )
        )
    return tuple(out)


def _first_chars(rx: Optional[re.Pattern]) -> Optional[frozenset[str]]:
    """What a match of `rx` begins with (None: any character, or it may match empty)."""
    found = starts(rx) if rx is not None else None
    return found.chars if found is not None and found.min_width > 0 else None


def _last_chars(rx: Optional[re.Pattern]) -> Optional[frozenset[str]]:
    """What a match of `rx` ends with (None: any character, or it may match empty)."""
    if rx is None:
        return None
    parsed = _parser.parse(rx.pattern, rx.flags)
    chars, nullable = edges(list(parsed), last=True)
    return None if chars is None or nullable or rx.flags & re.IGNORECASE else frozenset(chars)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous 。！？/newline to
    the next one (included)."""
    s = after_last(SENTENCE_BREAK, text, max(0, start - 400), start)
    m = SENTENCE_BREAK.search(text, end, end + 400)
    e = m.end() if m else min(len(text), end + 400)
    return s, e


def clause_start(text: str, start: int) -> int:
    return after_last(CLAUSE_BREAK, text, max(0, start - WINDOW), start)


def after_last(breaks: re.Pattern, text: str, lo: int, hi: int) -> int:
    """Where the text after the last break character in text[lo:hi] starts (lo: none):
    the first break of the reversed window."""
    m = breaks.search(text[lo:hi][::-1])
    return hi - m.start() if m else lo


@for_last_call
def _roles_found(text: str) -> dict:
    """The roles found so far in the last text classified: the date extractor and the
    deadline extractor ask about the same dates of the same text."""
    return {}


def classify(text: str, start: int, end: int, is_range: bool = False, cs: Optional[int] = None) -> Role:
    """The role of the date at [start, end) of `text` (shared with later calls about the same
    date: callers must not change it). `cs`: clause_start(text, start), when known."""
    memo = _roles_found(text)
    key = (start, end, is_range)
    role = memo.get(key)
    if role is None:
        role = memo[key] = _classify(text, start, end, is_range, cs)
    return role


def _classify(text: str, start: int, end: int, is_range: bool, cs: Optional[int] = None) -> Role:
    if cs is None:
        cs = clause_start(text, start)
    tried = _candidates(text[cs:start][-1:], text[start - 1:start] if start else "", text[end:end + 1], is_range)
    return first_role(text, start, end, tried, cs)


def first_role(text: str, start: int, end: int, tried, cs: Optional[int] = None) -> Role:
    """The role of the first of the rules `tried` (in order) whose regexes match around the
    date; "event" when none does. _classify tries those its sieve leaves. `cs`: the start of
    the date's clause (clause_start), when known."""
    cs = clause_start(text, start) if cs is None else cs
    before = text[cs:start]
    sentence = None
    for rule in tried:
        mb = ma = None
        if rule.label is not None:
            lo = max(0, start - LABEL_WINDOW)
            ml = rule.label.search(text, lo, start)
            if not ml or ml.end() != start:
                continue
            return Role(rule.role, rule.name, *_trigger(None, ml, 0))
        if rule.before is not None:
            mb = rule.before.search(before)
            if not mb:
                continue
        if rule.after is not None:
            ma = rule.after.match(text, end, min(len(text), end + WINDOW))
            if not ma:
                continue
        if rule.clause is not None:
            if sentence is None:
                s, e = sentence_bounds(text, start, end)
                sentence = (s, text[s:e])
            mc = rule.clause.search(sentence[1])
            if not mc:
                continue
        trig = _trigger(mb, ma, cs)
        return Role(rule.role, rule.name, *trig)
    return Role("event")


class _Sieve:
    """Which rules may match a date, by the characters beside it: a rule whose `before` match
    cannot end with the last character of the date's clause before it (nor its `label` match
    with the character before the date), or whose `after` match cannot begin with the one
    after it, is passed over without a call to its regex. Each neighbour character maps to a bit mask of the rules it
    leaves in; the rules of a mask are listed once."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        everything = (1 << len(rules)) - 1
        self.not_range = everything & ~sum(1 << i for i, r in enumerate(rules) if r.range_only)
        self.last = self._masks([r.before_last if r.before is not None else None for r in rules])
        self.label = self._masks([r.label_last if r.label is not None else None for r in rules])
        self.first = self._masks([r.after_first if r.after is not None else None for r in rules])
        self.lists: dict[int, tuple[Rule, ...]] = {}

    @staticmethod
    def _masks(sets: list[Optional[frozenset[str]]]) -> tuple[dict[str, int], int]:
        """(character -> the rules it leaves in, the rules any other character leaves in):
        a rule without such a set is always left in."""
        default = sum(1 << i for i, chars in enumerate(sets) if chars is None)
        by_char: dict[str, int] = {}
        for i, chars in enumerate(sets):
            for ch in chars or ():
                by_char[ch] = by_char.get(ch, default) | 1 << i
        return by_char, default

    def candidates(self, last: str, label_last: str, first: str, is_range: bool) -> tuple[Rule, ...]:
        (lb, ld), (bb, bd), (fb, fd) = self.last, self.label, self.first
        mask = lb.get(last, ld) & bb.get(label_last, bd) & fb.get(first, fd)
        if not is_range:
            mask &= self.not_range
        found = self.lists.get(mask)
        if found is None:
            found = self.lists[mask] = tuple(r for i, r in enumerate(self.rules) if mask >> i & 1)
        return found


_SIEVE: list[_Sieve] = []


def _candidates(last: str, label_last: str, first: str, is_range: bool) -> tuple[Rule, ...]:
    """The rules, in order, that may match a date with these neighbours (_Sieve)."""
    found = rules()
    if not _SIEVE or _SIEVE[-1].rules is not found:
        _SIEVE[:] = [_Sieve(found)]
    return _SIEVE[-1].candidates(last, label_last, first, is_range)


def _trigger(mb, ma, offset: int) -> tuple[Optional[int], Optional[int]]:
    for m, base in ((ma, 0), (mb, offset)):
        if m is None:
            continue
        if "t" in m.re.groupindex and m.group("t") is not None:
            return base + m.start("t"), base + m.end("t")
    if ma is not None:
        return ma.start(), ma.end()
    if mb is not None:
        return offset + mb.start(), offset + mb.end()
    return None, None
