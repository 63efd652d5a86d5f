"""The eligibility patterns (lexicon.yaml's eligibility_*, compiled once: _rx) and how each is
scanned fast with the same matches as its plain finditer: skipped in a text lacking the words
every match needs (_guards), matched at the words or characters its matches open with
(_lead_words, _char_led), tried only where a clause-opening one can start (_clause_finditer,
_core_anchors), or searched from the words every match ends with (_search_from_word); with the
small readers of parsed patterns these rest on (_literals, _tail, _looks_behind). What the
matches mean, and where they go, is conditions.py's."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import literals
from ..literals import _sre_parse, needed_words
from .lexicon import lexicon
from .lists import _anchored_finditer
from .words import article

_MAX_WINDOW = 2000  # a clause-opening pattern wider than this is scanned by its trigger

@lru_cache(maxsize=1)
def _rx():
    d = lexicon().data
    return {
        "eligible": re.compile(d["eligibility_intro"]),
        "not_eligible": re.compile(d["not_eligibility_intro"]),
        "statement": re.compile(d["eligibility_statement"]),
        "heading": re.compile(d["eligibility_heading"], re.M),
        "only": re.compile(d["eligibility_only"]),
        "all_who": re.compile(d["eligibility_all_who"]),
        "if": re.compile(d["eligibility_if"]),
        "subject": re.compile(d["eligibility_subject"]),
        "subject_generic": re.compile(d["eligibility_subject_generic"]),
        "people_list": re.compile(d["eligibility_people_list"]),
        "list_split": re.compile(d["eligibility_list_split"]),
        # (behind its needed words, 以下/下列: its lazy who{4,40} is tried from every place of
        # every list intro otherwise; same matches, ~1.3 -> ~0.6 ms a pass)
        "benefit_intro": literals.guard(re.compile(d["benefit_list_intro"])),
        "benefit_case": re.compile(d["benefit_item_case"]),
        "who_question": re.compile(d["eligibility_question"]),
        "qualifier": re.compile(d["eligibility_qualifier"]),
        "split": re.compile(d["eligibility_split"]),
        "generic": re.compile(d["eligibility_generic"]),
        "stop_bigrams": frozenset(d["eligibility_stop_bigrams"]),
        "clause_starts": {k: _clause_start_re(d[f"eligibility_{k}"]) for k in ("subject", "people_list")},
        "cores": {"subject": _core(d, "subject")},
    }


def _core(d: dict, key: str) -> tuple[re.Pattern, str]:
    """(the core every match of eligibility_<key> holds, the characters its match holds none
    of before the core but its opening break): see lexicon.yaml's eligibility_subject_core."""
    core = d[f"eligibility_{key}_core"]
    if core not in d[f"eligibility_{key}"]:
        raise ValueError(f"lexicon.yaml: eligibility_{key}_core is not written in eligibility_{key}")
    return re.compile(core), d[f"eligibility_{key}_clause_ends"]


@lru_cache(maxsize=1)
def _guards() -> dict[str, Optional[tuple[str, ...]]]:
    """The words one of which every match of a statement pattern holds (needed_words): a
    text holding none of them is not scanned for it."""
    rx = _rx()
    return {k: needed_words(rx[k]) for k in ("statement", "heading", "only", "all_who", "if", "subject",
                                             "people_list", "who_question")}


def _scan(text: str, key: str):
    """_rx()[key].finditer(text) (_clause_finditer for the clause-opening ones), or nothing
    when the text lacks the words every match needs."""
    art = article(text)
    if not art.holds_any(_guards()[key]):
        return iter(())
    if key in ("subject", "people_list"):
        return _clause_finditer(text, key)
    if key in _WORD_LED and (lead := _lead_words(key)) is not None:
        return art.led_matches(_rx()[key], lead)
    if _char_led(key):
        return _rx()[key].finditer(text)
    return art.finditer(_rx()[key], _guards()[key])


@lru_cache(maxsize=8)
def _char_led(key: str) -> bool:
    """The matches of the pattern open with one of a few known characters (literals.first_chars:
    申/适/服…, 若/如/只, 仅, 凡, 哪): the regex engine's scan of the whole text skips in C to
    them, cheaper than the article's windows around the guard's words (办理/申请/进行 for
    eligibility_if, every few dozen characters: windows of ±88 characters, each a finditer
    call, that cover most of the text) and than a match tried at each occurrence. The same
    matches: both are rx.finditer(text)'s (words.Article.finditer)."""
    return key in _CHAR_LED and literals.first_chars(_rx()[key]) is not None


# (eligibility_statement, led by 申/适/服…, is left to the windows: its guard's words, 对象/范围/
# 人群, are few and its windows narrow; a scan of the whole text costs more instructions there)
_CHAR_LED = ("if", "only", "all_who", "who_question")


# (eligibility_if opens with 若/如果/只要: its scan stops at every 如 and 只 of the text, most in
# 如何, 如下, 只有…; matched at the occurrences of its opening words from the article's word
# pass instead: the same matches, words.Article.led_matches)
_WORD_LED = ("if",)


@lru_cache(maxsize=8)
def _lead_words(key: str) -> Optional[tuple[str, ...]]:
    """The words one of which every match of the pattern opens with: its first items that are
    literals or groups or alternations of literal sequences (若|如果|只要, 哪些人); else None."""
    words = {""}
    for op, av in _sre_parse.parse(_rx()[key].pattern).data:
        found = _literals(op, av)
        if found is None or len(words) * len(found) > 64:
            break
        words = {a + b for a in words for b in found}
    return tuple(sorted(words)) if "" not in words else None


def lead_word_sets() -> list[tuple[str, ...]]:
    """The opening words of the patterns matched at them (for words.py's vocabulary)."""
    return [w for w in map(_lead_words, _WORD_LED) if w is not None]


_CLAUSE_START = re.compile(r"\(\?:\(\?<=\[([^\]]+)\]\)\|\^\)(.*)$", re.S)


def _clause_start_re(pattern: str) -> Optional[re.Pattern]:
    """For a pattern that opens a clause, (?:(?<=[，,。…])|^)REST: a scan for the clause
    break followed by REST (fast: the scan looks for the break character first); the
    pattern can then start only at the text's start or right after one of its hits."""
    m = _CLAUSE_START.match(pattern)
    if not m or len(_sre_parse.parse(pattern).data) < 2:
        return None  # not that form, or REST holds a top-level | (an alternative without the start)
    return re.compile(f"[{m.group(1)}](?={m.group(2)})")


def near_word_sets() -> list[frozenset[str]]:
    """The needed words of the clause-opening patterns tried near their words (for words.py)."""
    return [literals.needed(_rx()[k]) for k in ("subject", "people_list") if _near_words(k) is not None]


@lru_cache(maxsize=8)
def _near_words(key: str) -> Optional[tuple[re.Pattern, re.Pattern, int, int]]:
    """For a clause-opening pattern that needs a word (literals.needed) and has a bounded
    width: (break characters, word scanner, the pattern's widest match, how far before an
    occurrence a reported overlapping one may start); None otherwise."""
    rx = _rx()[key]
    m = _CLAUSE_START.match(rx.pattern)
    words = literals.needed(rx)
    width = _sre_parse.parse(rx.pattern).getwidth()[1]
    if not m or not words or width > _MAX_WINDOW:
        return None
    return re.compile(f"[{m.group(1)}]"), literals.scanner(words), width, max(map(len, words)) - 1


def _clause_finditer(text: str, key: str):
    """_rx()[key].finditer(text), trying the pattern only where it can start."""
    rx = _rx()
    trigger = rx["clause_starts"][key]
    if trigger is None:
        return rx[key].finditer(text)
    near = _near_words(key)
    if near is None and key in rx["cores"]:
        return _anchored_finditer(text, rx[key], _core_anchors(text, trigger, *rx["cores"][key]))
    if near is None:
        return _anchored_finditer(text, rx[key], [0] + [m.start() + 1 for m in trigger.finditer(text)])
    # a match starting after the break at b holds a needed word, reported at some h with
    # b - width < h <= b + reach (+1): only the breaks within those windows of the (few)
    # words are tried, each a start the trigger would also have offered when it matches
    breaks, _, width, reach = near
    anchors, done = [0], 0
    for h in article(text).starts(literals.needed(rx[key])):  # (every occurrence: at least the scanner's)
        lo, hi = max(done, h - width), h + reach
        if lo < hi:
            anchors.extend(b.start() + 1 for b in breaks.finditer(text, lo, hi))
            done = hi
    return _anchored_finditer(text, rx[key], anchors)


def _core_anchors(text: str, trigger: re.Pattern, core: re.Pattern, ends: str) -> list[int]:
    """Where a clause-opening pattern with a core (lexicon.yaml's eligibility_subject_core)
    may start: the text's start and after each clause break (the trigger's first character)
    in the clause before an occurrence of its core, i.e. from the last of `ends` before it.
    A match holds its core, preceded by no character of `ends` but its opening break, so it
    starts at one of these; the trigger's own scan tries every break of the text (its look-
    ahead walking up to 40 characters from each). The cores found by one scan (non-
    overlapping) suffice: a core occurrence inside another lies in the same clause."""
    anchors, done = [0], 0
    breaks = _break_class(trigger)
    for m in core.finditer(text):
        d = m.start()
        if d <= done:
            continue
        lo = max(done, max(text.rfind(c, done, d) for c in ends))  # (searched back to the last core only)
        anchors.extend(b.start() + 1 for b in breaks.finditer(text, lo, d))
        done = d
    return anchors


@lru_cache(maxsize=8)
def _break_class(trigger: re.Pattern) -> re.Pattern:
    """The trigger's first character class ([，,。…](?=REST) -> [，,。…])."""
    return re.compile(trigger.pattern[: trigger.pattern.index("](?=") + 1])


def _search_from_word(g: literals.Guarded, text: str, lo: int, hi: int) -> Optional[re.Match]:
    """g.search(text, lo, hi) for a pattern without look-behind or anchor and of bounded width,
    every match of which ends with one of a few words (_tail_words: 申请以下, 享受下列 … for
    benefit_list_intro): no match before the first occurrence of one of them, and none
    starting before its end - width, so the search starts there (its lazy who{4,40} was
    tried from every place of every intro holding 以下/下列: ~9 M instructions a pass)."""
    words, shortest, width = _tail(g.pattern)
    first = words.search(text, lo, hi)
    if first is None:
        return None
    return g.rx.search(text, max(lo, first.start() + shortest - width), hi)


@lru_cache(maxsize=8)
def _tail(pattern: str) -> tuple[re.Pattern, int, int]:
    """(a scanner of the words one of which every match ends with, the shortest's length, the
    widest match)."""
    parsed = _sre_parse.parse(pattern)
    width = parsed.getwidth()[1]
    if width >= _sre_parse.MAXREPEAT or _looks_behind(parsed.data):
        raise ValueError(f"_search_from_word: {pattern!r} is unbounded, anchored or looks behind")
    words = {""}
    for op, av in reversed(parsed.data):  # the last items that are literals or alternations of them
        found = _literals(op, av)
        if found is None or len(words) * len(found) > 64:
            break
        words = {a + b for a in found for b in words}
    if words == {""}:
        raise ValueError(f"_search_from_word: {pattern!r} ends with no literal")
    return literals.scanner(frozenset(words)), min(map(len, words)), width


def _literals(op, av) -> Optional[set[str]]:
    """The strings a parsed item matches, when it is a literal or a group or alternation of
    literal sequences; None otherwise."""
    name = str(op)
    if name == "LITERAL":
        return {chr(av)}
    if name == "SUBPATTERN":
        return _sequence(av[-1].data)
    if name == "BRANCH":
        out: set[str] = set()
        for sub in av[1]:
            found = _sequence(sub.data)
            if found is None:
                return None
            out |= found
        return out
    return None


def _sequence(items) -> Optional[set[str]]:
    words = {""}
    for op, av in items:
        found = _literals(op, av)
        if found is None or len(words) * len(found) > 64:
            return None
        words = {a + b for a in words for b in found}
    return words


def _looks_behind(items) -> bool:
    """An anchor (^ $ \\b …) or a look-behind anywhere in parsed items."""
    for op, av in items:
        name = str(op)
        if name == "AT" or (name in ("ASSERT", "ASSERT_NOT") and av[0] < 0):
            return True
        for sub in av if isinstance(av, (tuple, list)) else ():
            if isinstance(sub, _sre_parse.SubPattern) and _looks_behind(sub.data):
                return True
            if isinstance(sub, list) and any(isinstance(x, _sre_parse.SubPattern) and _looks_behind(x.data) for x in sub):
                return True
    return False
