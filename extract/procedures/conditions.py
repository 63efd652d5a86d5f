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
from operator import add
from typing import Optional

from ..schema import Span
from .assemble import Draft, Taken
from .clauses import make_span, trim
from .condition_scans import _rx, _scan, _search_from_word
from .condition_scans import _guards as _guards, lead_word_sets as lead_word_sets, near_word_sets as near_word_sets  # (words.py's)
from .lexicon import lexicon
from .lists import OrderedList
from .words import article

_REFERS_TO_LIST = re.compile(r"以下|下列|如下")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇]{1,5}条")
MAX_CHARS = 300   # an inline eligibility statement ends at its sentence end, or here
NEAREST = 4       # procedures looked at on each side of an eligibility statement
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")  # (a class first: re skips to it fast; a look-ahead is tried everywhere)


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
