"""The temporal role of a date (deadline, effective, period, status_as_of, event)
from the trigger words around it; rules in roles.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..lastcall import for_last_call
from .lexicon import load_yaml

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


@dataclass
class Role:
    role: str
    rule: Optional[str] = None
    trigger_start: Optional[int] = None  # offsets of the trigger word in the text
    trigger_end: Optional[int] = None


@lru_cache(maxsize=None)
def rules() -> tuple[Rule, ...]:
    out = []
    for spec in load_yaml("roles.yaml")["rules"]:
        out.append(
            Rule(
                role=spec["role"],
                name=spec["name"],
                # a stray space between the date and its trigger is tolerated
                before=re.compile(spec["before"].replace("$", "[ \t]?$")) if "before" in spec else None,
                after=re.compile(_AFTER_GAP + spec["after"]) if "after" in spec else None,
                clause=re.compile(spec["clause"]) if "clause" in spec else None,
                range_only=bool(spec.get("range")),
                label=re.compile(spec["label"]) if "label" in spec else None,
            )
        )
    return tuple(out)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous 。！？/newline to
    the next one (included)."""
    s = _after_last(SENTENCE_BREAK, text, max(0, start - 400), start)
    m = SENTENCE_BREAK.search(text, end, end + 400)
    e = m.end() if m else min(len(text), end + 400)
    return s, e


def clause_start(text: str, start: int) -> int:
    return _after_last(CLAUSE_BREAK, text, max(0, start - WINDOW), start)


def _after_last(breaks: re.Pattern, text: str, lo: int, hi: int) -> int:
    """Where the text after the last break character in text[lo:hi] starts (lo: none):
    the first break of the reversed window."""
    m = breaks.search(text[lo:hi][::-1])
    return hi - m.start() if m else lo


@for_last_call
def _roles_found(text: str) -> dict:
    """The roles found so far in the last text classified: the date extractor and the
    deadline extractor ask about the same dates of the same text."""
    return {}


def classify(text: str, start: int, end: int, is_range: bool = False) -> Role:
    """The role of the date at [start, end) of `text` (a copy: callers may keep it)."""
    memo = _roles_found(text)
    key = (start, end, is_range)
    role = memo.get(key)
    if role is None:
        role = memo[key] = _classify(text, start, end, is_range)
    return Role(role.role, role.rule, role.trigger_start, role.trigger_end)


def _classify(text: str, start: int, end: int, is_range: bool) -> Role:
    cs = clause_start(text, start)
    before = text[cs:start]
    sentence = None
    for rule in rules():
        if rule.range_only and not is_range:
            continue
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
