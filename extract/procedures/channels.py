"""Channels: where a procedure is done (apps, mini programs, websites, offices, banks,
hotlines, platforms, WeChat accounts). A gazetteer (channels.tsv) finds the known ones;
suffix patterns (…APP, …小程序, …公众号, …官网) and office/hotline patterns find unseen ones."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Optional

from .. import literals
from ..lastcall import for_last_call
from ..schema import Channel
from .lexicon import Lexicon, lexicon
from .words import article

OPEN_QUOTES = "“\"「『‘"
CLOSE_QUOTES = "”\"」』’"
CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n]")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_HOST = re.compile(r"(?:微信|支付宝)$")


@dataclass
class _Cand:
    start: int
    end: int
    name: str
    kind: str
    strong: bool  # found by its form (suffix, quotes, hotline pattern): no cue needed


def _canonical(lex: Lexicon, core: str) -> str:
    entry = lex.gazetteer.get(core)
    return entry.name if entry else core


class _Scan:
    """The gazetteer hits and the suffix, office and hotline matches of a whole text, found
    once per article: a range's own scan is the part of them inside it (see `inside`)."""

    def __init__(self, lex: Lexicon, text: str) -> None:
        self.text = text
        art = article(text)
        # Aho-Corasick reports every occurrence: those inside [lo, hi) are exactly the
        # occurrences in text[lo:hi], in the same order (by end)
        self.gaz = art.gaz
        self.gaz_ends = [g[1] for g in self.gaz]
        # (every office or hotline match holds one of a few words, 窗口, 热线 …: they are tried
        # only around those words' occurrences, not at every 到/在/向 or digit of the text)
        self.matches = [_suffix_matches(lex, text, art),
                        art.finditer(lex.office_re, lex.guards["office_re"]),
                        art.finditer(lex.hotline_re, lex.guards["hotline_re"])]
        self.starts = [[m.start() for m in ms] for ms in self.matches]
        # every hit and match, by start, with the furthest end reached so far: a range that
        # none of them touches has no candidate (see `empty`)
        spans = sorted([(g[0], g[1]) for g in self.gaz] + [(m.start(), m.end()) for ms in self.matches for m in ms])
        self.spans = spans
        self.all_starts = [a for a, _ in spans]
        # the candidates of each range looked at (one in seven is asked for twice; never changed)
        self.cands: dict[tuple[int, int], list[_Cand]] = {}
        self.verdicts: dict[tuple[int, int, bool], bool] = {}  # _kept's, by (start, clause window start, strong)
        self.contacts: Optional[list] = None  # the contact patterns whose words the text holds (_live_contacts)
        self.reach, far = [], 0
        for _, b in spans:
            far = max(far, b)
            self.reach.append(far)

    def empty(self, lo: int, hi: int) -> bool:
        """No hit or match starts in [lo, hi) or runs into it, and no digit follows hi: a
        scan of text[lo:hi] finds no candidate."""
        if hi < len(self.text) and self.text[hi].isdigit():
            return False
        i = bisect_left(self.all_starts, lo)
        return (i == len(self.all_starts) or self.all_starts[i] >= hi) and (i == 0 or self.reach[i - 1] <= lo)

    def gazetteer(self, lo: int, hi: int) -> list[tuple[int, int, object]]:
        i, j = bisect_right(self.gaz_ends, lo), bisect_right(self.gaz_ends, hi)
        return [g for g in self.gaz[i:j] if g[0] >= lo]

    def inside(self, k: int, lo: int, hi: int) -> Optional[list[re.Match]]:
        """The matches of pattern k (suffix, office, hotline) that a scan of text[lo:hi]
        finds, or None when the whole-text scan cannot tell: a match crossing lo or hi, or a
        digit at hi (the hotline's closing (?!\\d) would pass at the end of a range). The
        patterns' other look-arounds are followed by characters they consume, so a match
        of the whole text inside [lo, hi) is one of the range, and the range has no other."""
        if hi < len(self.text) and self.text[hi].isdigit():
            return None
        ms, starts = self.matches[k], self.starts[k]
        i = bisect_left(starts, lo)
        if i > 0 and ms[i - 1].end() > lo:
            return None
        j = bisect_left(starts, hi, i)
        if j > i and ms[j - 1].end() > hi:
            return None
        return ms[i:j]


@lru_cache(maxsize=1)
def _suffix_words(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.suffix_kind))


def _suffix_matches(lex: Lexicon, text: str, art) -> list[re.Match]:
    """list(lex.suffix_re.finditer(text)) from the suffixes' occurrences that the article's
    word pass found: the pattern is an alternation of the suffixes, longest first, so its
    scan takes, left to right, the longest suffix starting at each place not inside the last
    one taken (each taken one re-matched there for its Match)."""
    spots = sorted([(s, -e) for s, e in art.occurrences(_suffix_words(lex))])
    out, done = [], 0
    for s, _ in spots:
        if s >= done:
            m = lex.suffix_re.match(text, s)
            out.append(m)
            done = m.end()
    return out


@for_last_call
def _scan(lex: Lexicon, text: str) -> _Scan:
    """The scan of the text looked at last (one article at a time)."""
    return _Scan(lex, text)


def _gazetteer(scan: _Scan, lo: int, hi: int) -> list[_Cand]:
    return [_Cand(s, e, entry.name, entry.kind, False) for s, e, entry in scan.gazetteer(lo, hi)]


def _core_left(lex: Lexicon, text: str, s: int, lo: int, gaz_end: dict) -> tuple[int, str]:
    """The name written just before a suffix at `s`: quoted, a gazetteer name, or a
    run of name characters cut after the last stop token. Returns (start, core)."""
    if s - 1 >= lo and text[s - 1] in CLOSE_QUOTES:
        j = s - 2
        while j >= max(lo, s - 16) and text[j] not in OPEN_QUOTES:
            j -= 1
        if j >= max(lo, s - 16) and text[j] in OPEN_QUOTES and j + 1 < s - 1:
            host = _HOST.search(text, max(lo, j - 3), j)  # 支付宝“…”小程序: the host app is part of it
            return (host.start() if host else j), text[j + 1 : s - 1]
    if s in gaz_end:
        g = gaz_end[s]
        return g.start, text[g.start : s]
    j = s
    while j - 1 >= max(lo, s - 12) and _NAME_CHAR.match(text[j - 1]):
        j -= 1
    window = text[j:s]
    last = None
    for m in lex.left_stop_re.finditer(window):
        last = m
    if last is not None:
        j += last.end()
    return j, text[j:s]


def _suffixed(lex: Lexicon, scan: _Scan, text: str, lo: int, hi: int, gaz: list[_Cand]) -> list[_Cand]:
    found = scan.inside(0, lo, hi)
    if found is not None and not found:
        return []  # no suffix in the range (most ranges)
    gaz_end = {}
    for g in gaz:
        if g.end not in gaz_end or g.end - g.start > gaz_end[g.end].end - gaz_end[g.end].start:
            gaz_end[g.end] = g
    out = []
    for m in lex.suffix_re.finditer(text, lo, hi) if found is None else found:
        kind = lex.suffix_kind[m.group()]
        start, core = _core_left(lex, text, m.start(), lo, gaz_end)
        core = core.strip(OPEN_QUOTES + CLOSE_QUOTES)
        suffix = m.group()
        if lex.not_name_core_re.match(core):
            continue  # 置顶公众号, 进入此小程序: a verb or a pointer, not a name
        if kind == "app":
            if len(core) < 2:
                continue
            name = _canonical(lex, core)
        elif kind in ("mini_program", "wechat_account"):
            if not core and not re.match(r"微信|支付宝", suffix):
                continue
            known = lex.gazetteer.get(core)
            name = known.name if known and known.kind == kind else core + suffix
        else:  # website
            if len(core) < 2:
                continue
            name = core + suffix
        out.append(_Cand(start, m.end(), name, kind, True))
    return out


def _patterned(lex: Lexicon, scan: _Scan, text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    found = scan.inside(1, lo, hi)
    for m in lex.office_re.finditer(text, lo, hi) if found is None else found:
        kind = "bank" if "银行" in m.group(1) else "office"
        out.append(_Cand(m.start(1), m.end(1), m.group(1), kind, False))
    found = scan.inside(2, lo, hi)
    for m in lex.hotline_re.finditer(text, lo, hi) if found is None else found:
        g = 1 if m.group(1) else 2
        out.append(_Cand(m.start(g), m.end(g), m.group(g), "hotline", True))
    return out


@lru_cache(maxsize=1)
def _broad_patterns(lex: Lexicon) -> tuple:
    """The office-after-a-preposition pattern and the contact patterns behind their literal
    prefilters (literals.guard: a range without 中心/窗口…, 地址, 电话/手机, @ is not scanned;
    the same matches): ~2.0 -> ~1.1 ms a pass over the procedures' ranges of the 74 plain
    texts, the e-mail pattern's class of ASCII characters most of it."""
    return literals.guard(lex.office_broad_re), [(literals.guard(rx), kind) for rx, kind in lex.contact_res]


@lru_cache(maxsize=1)
def contact_words(lex: Lexicon) -> list[Optional[tuple[str, ...]]]:
    """The words one of which each contact pattern's matches hold (for words.py's vocabulary)."""
    return [literals.needed_words(rx) for rx, _ in lex.contact_res]


def _live_contacts(lex: Lexicon, scan: _Scan, contact_res: list) -> list:
    """The contact patterns (地址：…, 电话：…, 传真：…, an e-mail) whose words the article's
    word pass found, told once for the article: the ranges of a text without 传真 or @ (most)
    are not tested for them, range by range (a scan of the whole text for them costs more
    than those tests: the article's pass has found the words already)."""
    if scan.contacts is None:
        art = article(scan.text)
        scan.contacts = [c for c, words in zip(contact_res, contact_words(lex)) if art.holds_any(words)]
    return scan.contacts


def _broad(lex: Lexicon, scan: _Scan, text: str, lo: int, hi: int, known: list[_Cand] = ()) -> list[_Cand]:
    """Offices and platforms a procedure sends the reader to, by a preposition and what
    follows (向户籍所在地镇人民政府提出申请; 到A、B或者C提出申请: each of A, B, C; after a known
    channel too: 在支付宝、微信和各省份的政务服务平台), and the contact details it gives
    (地址：…, 联系方式：1938…, an e-mail address)."""
    out = []

    def add(s: int, e: int) -> None:
        cut = text.rfind("的", s, e)  # 到意向选择的银行网点: the name is after the last 的
        if cut >= 0 and e - cut > 2:
            s = cut + 1
        q = lex.place_qualifier_re.match(text, s, e)  # 参保地医保经办机构 -> 医保经办机构
        if q and e - q.end() >= 3:
            s = q.end()
        name = text[s:e]
        out.append(_Cand(s, e, name, "bank" if "银行" in name else "office", True))

    def rest(pos: int) -> None:
        for _ in range(6):  # the rest of a list of channels after one preposition
            n = lex.office_next_re.match(text, pos, hi)
            if not n:
                break
            add(n.start(1), n.end(1))
            pos = n.end(1)

    office_broad_re, contact_res = _broad_patterns(lex)
    for m in office_broad_re.finditer(text, lo, hi):
        add(m.start(1), m.end(1))
        rest(m.end(1))
    for c in known:  # a known channel right after a preposition opens a list too
        if lex.office_prep_end_re.search(text, max(lo, c.start - 6), c.start):
            rest(c.end)
    for rx, kind in _live_contacts(lex, scan, contact_res):
        for m in rx.finditer(text, lo, hi):
            out.append(_Cand(m.start(1), m.end(1), m.group(1), kind, True))
    return out


def _merge_websites(cands: list[_Cand]) -> list[_Cand]:
    """上海税务官网 + 电子税务局 written together are one website."""
    out: list[_Cand] = []
    for c in cands:
        if out and out[-1].end == c.start and out[-1].kind == c.kind == "website":
            p = out[-1]
            out[-1] = _Cand(p.start, c.end, p.name + c.name, "website", True)
        else:
            out.append(c)
    return out


def _kept(lex: Lexicon, text: str, c: _Cand, lo: int) -> bool:
    """A candidate counts when the clause before it (up to 40 characters, from lo) holds a
    channel cue (通过, 登录, 到 …) after its last object verb (出示, 携带 …), or, for one found
    by its form (strong), when that clause holds no negation (无需, 不能 …)."""
    clause = CLAUSE_BREAK.split(text[max(lo, c.start - 40) : c.start])[-1]
    if lex.negation_re.search(clause):
        return False  # no cue counts, and a strong one is negated
    if c.strong:
        return True  # (a cue would only say so again)
    cues = [m.end() for m in lex.channel_cue_re.finditer(clause)]
    if cues:
        objects = [m.end() for m in lex.object_verb_re.finditer(clause)]
        if not objects or objects[-1] <= cues[-1]:
            return True
    return c.strong


def nothing_in(text: str):
    """The article's test `empty(lo, hi)`: True for a range in which find_channels (not
    broad) finds nothing, told without looking at the range (most ranges)."""
    return _scan(lexicon(), text).empty


def hotline_matches(text: str) -> list[re.Match]:
    """lexicon().hotline_re.finditer(text), from the article's scan (found once)."""
    return _scan(lexicon(), text).matches[2]


def channel_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the article's gazetteer hits and suffix, office and hotline matches, by
    start: find_channels(text, s, e) finds nothing for a sentence that none of them overlaps
    (_Scan.empty: a sentence's end is followed by no digit, but by a sentence end, a blank,
    a separator or a closing bracket that trim() stripped)."""
    return _scan(lexicon(), text).spans


def _longest_first(c: _Cand) -> tuple[int, int]:
    return c.start - c.end, c.start


_START = attrgetter("start")


def find_channels(text: str, lo: int = 0, hi: int | None = None, broad: bool = False) -> list[Channel]:
    """Channels in text[lo:hi], in order, deduplicated by name. `broad` (inside a
    procedure already found) adds offices named after a preposition and contact details."""
    lex = lexicon()
    hi = len(text) if hi is None else hi
    scan = _scan(lex, text)
    if scan.empty(lo, hi):
        if not broad:
            return []  # most sentences: nothing to keep
        cands = []  # (no hit or match touches the range: its scan finds no candidate)
    else:
        cands = scan.cands.get((lo, hi))
    if cands is None:  # (a range is often asked again: broad for a procedure, plain before)
        gaz = _gazetteer(scan, lo, hi)
        cands = scan.cands[(lo, hi)] = gaz + _suffixed(lex, scan, text, lo, hi, gaz) + _patterned(lex, scan, text, lo, hi)
    if not cands and not broad:
        return []  # most sentences: nothing to keep
    kept: list[_Cand] = []
    taken = bytearray(hi - lo)  # longest first, no overlaps: linear in the text
    for group in (cands, _broad(lex, scan, text, lo, hi, cands) if broad else []):  # broad ones only fill gaps
        for c in sorted(group, key=_longest_first) if len(group) > 1 else group:
            a, b = c.start - lo, c.end - lo
            if taken.find(1, a, b) < 0:  # (not any(taken[a:b]), without the slice)
                taken[a:b] = b"\x01" * (b - a)
                kept.append(c)
    if len(kept) > 1:
        kept.sort(key=_START)
    kept = _merge_websites(kept)
    out: list[Channel] = []
    seen = set()
    verdicts = scan.verdicts
    for c in kept:
        # (_kept's verdict depends on where the clause before c starts: kept for the article,
        # a candidate is often asked again, from a broad range or the same one)
        key = (c.start, lo if lo > c.start - 40 else c.start - 40, c.strong)
        ok = verdicts.get(key)
        if ok is None:
            ok = verdicts[key] = _kept(lex, text, c, lo)
        if not ok:
            continue
        key = c.name.replace("微信公众号", "公众号")  # “泉州税务”微信公众号 = 泉州税务公众号
        if key in seen:
            continue
        seen.add(key)
        out.append(Channel(name=c.name, kind=c.kind, text=text[c.start : c.end], start=c.start, end=c.end))
    return out
