"""Eligibility: who may use a procedure or benefit, one item each. Read from lists under an
eligibility intro (符合以下条件之一的参保人员可申请：1.…2.…; a category item with its own
sub-list gives the sub-list's items), from the qualifier an intro carries (具有本市户籍且符合
以下情形之一的… -> 具有本市户籍), from inline statements (申领对象：A和B, 适用对象为…,
…对象，是指…, 凡是…的参保人，均可…, （仅…可办理）), from the answer to a 哪些人… question,
and attached to the procedure they concern: the one among the nearest whose goal and steps
share the most words with the eligibility statement (lists and statements far from any
procedure, or about no procedure, are dropped: a benefit paragraph is not a procedure)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import add
from typing import Optional

from .. import literals
from ..literals import _sre_parse, needed_words
from ..schema import Span
from .assemble import Draft, Taken
from .clauses import make_span, trim
from .lexicon import lexicon
from .lists import OrderedList, _anchored_finditer
from .words import article

_REFERS_TO_LIST = re.compile(r"以下|下列|如下")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇]{1,5}条")
MAX_CHARS = 300   # an inline eligibility statement ends at its sentence end, or here
NEAREST = 4       # procedures looked at on each side of an eligibility statement
_MAX_WINDOW = 2000  # a clause-opening pattern wider than this is scanned by its trigger
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")  # (a class first: re skips to it fast; a look-ahead is tried everywhere)


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


def _items(text: str, s: int, e: int, sep: str = "；;") -> list[tuple[int, int]]:
    """参加本市职工医保；失能6个月以上；… -> one span per item."""
    out, a = [], s
    for i in range(s, e):
        if text[i] in sep:
            out.append((a, i))
            a = i + 1
    out.append((a, e))
    return [t for t in (trim(text, a, b) for a, b in out) if t[1] - t[0] >= 2]


def split_people(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """本市户籍人员以及依法享受…的非本市户籍人员 -> two items: cut at 以及/和/及 where the part
    before ends with a word for people."""
    out, a = [], s
    for m in _rx()["split"].finditer(text, s, e):
        if m.start(1) > a:
            out.append((a, m.start(1)))
            a = m.end(1)
    out.append((a, e))
    return [t for t in (trim(text, x, y) for x, y in out) if t[1] - t[0] >= 2]


def _qualifiers(text: str, intro: tuple[int, int]) -> list[Span]:
    """具有本市户籍且符合以下情形之一的服务对象 -> 具有本市户籍; 符合以下条件之一的经济困难且失能
    的老年人 -> 经济困难且失能的老年人; …对象是指具有本市户籍的以下人员 -> 具有本市户籍."""
    rx = _rx()
    out = []
    m = rx["qualifier"].search(text, *intro)
    if not m:
        return out
    for g in ("before", "after", "scope"):
        if m.group(g) and not rx["generic"].fullmatch(m.group(g)):
            out.append(make_span(text, m.start(g), m.end(g)))
    return [s for s in out if len(s.text) >= 2]


def list_conditions(text: str, lst: OrderedList, lists: list[OrderedList]) -> list[Span]:
    """The items of an eligibility list; an item that is only a category label with its own
    sub-list (（一）第一类资助对象。\\n1.…) gives the sub-list's items (and the sub-list's
    intro qualifier) instead."""
    out: list[Span] = []
    if lst.intro:
        out.extend(_qualifiers(text, lst.intro))
    starts = [l.markers[0] for l in lists]
    for k, (s, e) in enumerate(lst.items):
        hi = lst.markers[k + 1] if k + 1 < len(lst.markers) else e + 400
        subs = []
        i = bisect_left(starts, e)
        while i < len(lists) and starts[i] < hi:
            sub = lists[i]
            if sub is not lst and sub.family != lst.family and sub.kind in ("none", "condition") and \
                    not _ARTICLE.search(text, e, sub.markers[0]):
                subs.append(sub)  # (a list in the next article of a regulation is no item's sub-list)
            i += 1
        if subs and e - s <= 20:
            for sub in subs[:1]:
                if sub.intro and sub.intro[0] >= e:
                    out.extend(_qualifiers(text, sub.intro))
                out.extend(make_span(text, a, b) for a, b in sub.items)
                sub.kind = "used"
        else:
            out.append(make_span(text, s, e))
    return out


def inline_conditions(text: str, lo: int, hi: int, skip=()) -> list[Span]:
    """适用对象为职工医保参保人本人的近亲属，包括配偶、父母、子女等 -> one condition per item
    (；-separated, and people joined by 和/以及 apart)."""
    out = []
    rx = _rx()
    lex = lexicon()
    found = article(text).finditer(lex.condition_intro_re, lex.guards["condition_intro_re"]) if (lo, hi) == (0, len(text)) \
        else lex.condition_intro_re.finditer(text, lo, hi)  # (a whole text: scanned around its words)
    for m in found:
        if _REFERS_TO_LIST.search(m.group()) or any(a <= m.start() < b for a, b in skip):
            continue
        limit = min(hi, m.end() + MAX_CHARS)
        end = _SENTENCE_END.search(text, m.end(), limit)
        e = end.start() if end else limit
        for a, b in _items(text, m.end(), e):
            out.extend(make_span(text, x, y) for x, y in split_people(text, a, b))
    del rx
    return out


def statements(text: str) -> list[tuple[int, int, list[Span]]]:
    """Eligibility statements outside lists: (start, end, items)."""
    rx = _rx()
    out: list[tuple[int, int, list[Span]]] = []
    def sentence_after(m: re.Match, skip_breaks: bool) -> None:
        s = m.end()
        if skip_breaks:  # 申领对象：\n年满60周岁以上的…: the answer on the next line
            while s < len(text) and text[s] in "\n \t\u3000":
                s += 1
        end = _SENTENCE_END.search(text, s, min(len(text), s + MAX_CHARS))
        e = end.start() if end else min(len(text), s + MAX_CHARS)
        items = [make_span(text, a, b) for a, b in split_people(text, s, e)]
        if items:
            out.append((m.start(), e, items))

    for m in _scan(text, "statement"):
        sentence_after(m, text[m.end() - 1] in "：:")
    for m in _scan(text, "heading"):
        sentence_after(m, True)
    for m in _scan(text, "only"):
        g = "who" if m.group("who") else "who2"
        items = [make_span(text, a, b) for a, b in split_people(text, m.start(g), m.end(g))]
        if items:
            out.append((m.start(), m.end(), items))
    for key in ("all_who", "if", "subject"):
        for m in _scan(text, key):
            if key == "subject" and (rx["subject_generic"].search(m.group("who")) or _REFERS_TO_LIST.search(m.group("who"))):
                continue
            out.append((m.start(), m.end(), [make_span(text, m.start("who"), m.end("who"))]))
    for m in _scan(text, "people_list"):
        a, parts = m.start("who"), []
        for cut in rx["list_split"].finditer(text, m.start("who"), m.end("who")):
            parts.append((a, cut.start("sep")))
            a = cut.end("sep")
        parts.append((a, m.end("who")))
        items = [make_span(text, *trim(text, x, y)) for x, y in parts]
        out.append((m.start(), m.end(), [c for c in items if len(c.text) >= 2]))
    for m in _scan(text, "who_question"):
        s = m.end()
        while s < len(text) and text[s] in "\n \t\u3000":
            s += 1
        a = lexicon().answer_re.match(text, s)
        if a:
            s = a.end()
        end = re.compile(r"[，,。！？!?\n]").search(text, s, min(len(text), s + MAX_CHARS))
        e = end.start() if end else s
        if e - s >= 4 and not _REFERS_TO_LIST.search(text, s, e) and text[e - 1 : e + 1] not in ("吗？", "吗?"):
            out.append((m.start(), e, [make_span(text, s, e)]))
    out.sort(key=lambda t: t[0])
    return out


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


def _bigrams(s: str) -> set[str]:
    stop = _rx()["stop_bigrams"]
    out: set[str] = set()
    for run in _HAN_RUN.findall(s):  # every two Han characters in a row: the pairs of each run of them
        out.update(map(add, run, run[1:]))
    return out - stop


def _best(drafts: list[Draft], starts: list[int], s: int, e: int, words: set[str], gap: int,
          profiles: dict[int, set[str]]) -> Optional[Draft]:
    """Among the NEAREST drafts on each side, the one sharing most words with the statement
    (ties: the nearest); without shared words, a draft within `gap` characters. `profiles`:
    the words of each draft's goal and first steps, kept by id() as they are computed."""
    i = bisect_left(starts, s)
    cands = drafts[max(0, i - NEAREST) : i + NEAREST]
    best, best_key = None, None
    for d in cands:
        profile = profiles.get(id(d))
        if profile is None:
            profile = profiles[id(d)] = _bigrams((d.goal or "") + "".join(x.text for x in d.steps[:3]))
        score = len(words & profile)
        dist = d.start - e if d.start >= e else (s - d.end if s >= d.end else 0)
        key = (score, -abs(dist))
        if score > 0 and (best_key is None or key > best_key):
            best, best_key = d, key
    if best is None:
        near = [d for d in cands if 0 <= s - d.end <= gap or 0 <= d.start - e <= gap]
        best = near[0] if near else None
    return best


def _inside(drafts: list[Draft], starts: list[int], s: int, e: int) -> Optional[Draft]:
    i = bisect_left(starts, s + 1)
    for d in reversed(drafts[max(0, i - NEAREST) : i]):
        if d.start <= s and e <= d.end and not d.container:
            return d
    return None


def _strip_article(text: str, s: int, e: int) -> tuple[int, int]:
    m = re.match(r"第[一二三四五六七八九十百零〇]{1,5}条\s*", text[s:e])
    return (s + m.end(), e) if m else (s, e)


def _title_end(text: str, s: int, e: int) -> int:
    """After the item's title sentence (医养结合补贴。…), or its start."""
    i = s
    while i < e and i - s <= 20 and text[i] not in "。：:\n":
        i += 1
    return i + 1 if i < e and text[i] in "。：:" else s


class _ChannelCache:
    """Channel names of drafts and of statements, each computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: dict[int, set[str]] = {}

    def of_draft(self, d: Draft) -> set[str]:
        key = id(d)
        if key not in self.drafts:
            from .channels import find_channels

            ranges = d.channel_ranges or [(d.start, d.end)]
            self.drafts[key] = {c.name for lo, hi in ranges for c in find_channels(self.text, lo, hi)}
        return self.drafts[key]

    def of_sentence(self, s: int, e: int) -> set[str]:
        from .channels import find_channels

        lo = max(0, s - 120)
        cut = max(self.text.rfind(c, lo, s) for c in "。！？\n")
        lo = cut + 1 if cut >= 0 else lo
        return {c.name for c in find_channels(self.text, lo, e)}


def _by_channel(text: str, drafts: list[Draft], starts: list[int], s: int, e: int, cache: _ChannelCache) -> list[Draft]:
    """A statement naming channels (“穗好办”APP和“广州人社”公众号的相片上传栏目仅限…) concerns
    every nearby procedure that uses one of them."""
    names = cache.of_sentence(s, e)
    if not names:
        return []
    i = bisect_left(starts, s)
    using = [d for d in drafts[max(0, i - NEAREST) : i + NEAREST] if names & cache.of_draft(d)]
    before = [d for d in using if d.end <= s]  # a note qualifies what it follows
    return before or using


ADJACENT = 20  # characters between two procedures that make one run of alternatives


def _run_of(drafts: list[Draft], starts: list[int], target: Draft, after: int) -> list[Draft]:
    """An eligibility statement before a run of back-to-back procedures (理赔方式：线上理赔申请
    1.…2.… 线下理赔申请 1.…) concerns each of them: the ways to do one thing. `drafts` are
    sorted by start (`starts`); the run stays after the statement (`after`) and each
    step of it looks at one neighbour: linear in the run."""
    if target.start < after:
        return [target]
    k = bisect_left(starts, target.start)
    while drafts[k] is not target:  # drafts sharing a start
        k += 1
    lo = hi = k
    while lo > 0 and drafts[lo - 1].start >= after and 0 <= drafts[lo].start - drafts[lo - 1].end <= ADJACENT:
        lo -= 1
    while hi + 1 < len(drafts) and 0 <= drafts[hi + 1].start - drafts[hi].end <= ADJACENT:
        hi += 1
    return drafts[lo : hi + 1]


def attach_conditions(text: str, lists: list[OrderedList], drafts: list[Draft], gap: int) -> None:
    """Eligibility lists and statements join the procedure they concern (see module doc)."""
    if not drafts:
        return
    rx = _rx()
    drafts.sort(key=lambda d: d.start)
    starts = [d.start for d in drafts]
    blocks: list[tuple[int, int, str, list[Span]]] = []
    for lst in lists:
        if lst.kind != "condition":
            continue
        intro = text[lst.intro[0] : lst.intro[1]] if lst.intro else ""
        if rx["not_eligible"].search(intro) or not rx["eligible"].search(intro):
            continue
        items = list_conditions(text, lst, lists)
        lst.kind = "used"
        blocks.append((lst.start, lst.end, intro, items))
        # (a list of benefits: who may apply, and the case each item names)
    for lst in lists:
        if lst.kind in ("used", "procedure", "alternatives") or not lst.intro:
            continue
        m = _search_from_word(rx["benefit_intro"], text, *lst.intro)
        if not m:
            continue
        items = [] if rx["generic"].fullmatch(m.group("who")) else [make_span(text, *_strip_article(text, m.start("who"), m.end("who")))]
        for s, e in lst.items:
            title = _title_end(text, s, e)
            c = rx["benefit_case"].match(text, title, e)
            if c:
                items.append(make_span(text, c.start(), c.end()))
        if items:
            lst.kind = "used"
            blocks.append((lst.start, lst.end, text[lst.intro[0] : lst.intro[1]], items))
    for s, e, items in statements(text):
        blocks.append((s, e, text[max(0, s - 30) : s + 30], items))
    blocks.sort(key=lambda b: b[0])
    seen: set[tuple[int, int]] = set()
    channel_names = _ChannelCache(text)
    profiles: dict[int, set[str]] = {}  # a draft's goal and steps do not change here: their words are read once
    have_any = Taken()
    for d in drafts:
        for a, b in [(c.start, c.end) for c in d.conditions] + d.not_own:
            have_any.add(a, b)
    for s, e, intro, items in blocks:
        items = [c for c in items if (c.start, c.end) not in seen and not have_any.overlaps(c.start, c.end)]
        if not items:
            continue
        inside = _inside(drafts, starts, s, e)
        targets = [inside] if inside else _by_channel(text, drafts, starts, s, e, channel_names)
        if not targets:
            t = _best(drafts, starts, s, e, _bigrams(intro), gap, profiles)
            targets = _run_of(drafts, starts, t, e) if t is not None else []
        for target in targets:
            if target.closed_after is not None and s >= target.closed_after:
                continue
            have = {(c.start, c.end) for c in target.conditions}
            for c in items:
                if (c.start, c.end) not in have:
                    target.conditions.append(Span(text=c.text, start=c.start, end=c.end))
                    seen.add((c.start, c.end))
        for c in items:
            have_any.add(c.start, c.end)  # a later statement saying the same again adds nothing
