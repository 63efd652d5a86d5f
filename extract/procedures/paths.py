"""Menu and click paths: “办事>社保>社会保障卡>申领”, 【个人中心】-【我要理赔】, “我的”＞“社保卡”,
依次点击【A】、【B】; each hop a step. Tokens are quoted or bracketed names; one pass over
the text, each path bounded in length."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import literals
from ..literals import needed_words
from . import leading
from .lexicon import lexicon
from .words import article

_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class MenuPath:
    hops: list[tuple[int, int]]  # hop names, quotes and brackets excluded
    start: int                   # first character of the path (its first quote or bracket)
    end: int                     # after its last quote or bracket


@lru_cache(maxsize=1)
def _patterns():
    lex = lexicon()
    d = lex.data
    sep = d["menu_separators"]
    hop = d["menu_hop_max"]
    # a quoted or bracketed name: “办事”, 【个人中心】, 「我的」
    token = rf"(?:“[^“”\n。，；]{{1,{hop}}}”|【[^【】\n。，；]{{1,{hop}}}】|「[^「」\n。，；]{{1,{hop}}}」|\"[^\"\n。，；]{{1,{hop}}}\")"
    chain = re.compile(rf"{token}(?:[ \t]{{0,2}}(?:{sep})[ \t]{{0,2}}{token})+")
    # a path written without quotes: 我的＞社保卡＞申领进度, 服务—医保查询—缴费记录
    name_char = r"[\u4e00-\u9fffA-Za-z0-9·]"
    seg = rf"{name_char}{{1,{d['menu_bare_hop_max']}}}"
    bare = re.compile(rf"{seg}(?:[ \t]{{0,2}}(?:{d['menu_bare_separators']})[ \t]{{0,2}}{seg})+")
    # the stretch around a separator that a bare path can lie in: every character of a path
    # is, on its own, a name character, a space or a separator
    bare_run = re.compile(rf"(?:{name_char}|[ \t]|{d['menu_bare_separators']})*")
    listed = re.compile(rf"(?:{d['menu_in_turn']})[^，。；\n“【「]{{0,8}}({token}(?:[、，,]{token}){{1,8}})")
    # one quoted string holding a path: “办事>社保>社会保障卡>申领”
    inner_sep = re.compile(rf"[ \t]{{0,2}}(?:{d['menu_inner_separators']})[ \t]{{0,2}}")
    quoted = re.compile(rf"[“「\"]([^“”「」\"\n。，；]{{3,{hop * 6}}})[”」\"]")
    lead = int(d["menu_bare_hop_max"]) + 2  # a path's first separator starts at most this far after it
    return (chain, listed, quoted, inner_sep, re.compile(token), bare, re.compile(d["menu_bare_separators"]),
            re.compile(d["menu_cue"]), bare_run, lead)


def _name(text: str, s: int, e: int) -> tuple[int, int]:
    """The name inside a token (quotes and brackets dropped)."""
    return s + 1, e - 1


@lru_cache(maxsize=1)
def _rx_tail() -> re.Pattern:
    return re.compile(lexicon().data["menu_bare_tail"])


def _cue_adjacent(text: str, start: int, cue: re.Pattern) -> bool:
    """The cue ends right before the path (点击服务—医保查询, 路径：服务—…)."""
    for m in cue.finditer(text, max(0, start - 8), start):
        if start - m.end() <= 1:
            return True
    return False


def _may_be_cued(text: str, start: int, end: int, cue: re.Pattern) -> bool:
    """A bare path at text[start:end] may be cued (kept): a cue may end right before it
    (_cue_adjacent looks 8 characters back) or stand in its first hop; without a cue in
    text[start - 8:end] it is neither (the pattern has no look-around)."""
    return cue.search(text, max(0, start - 8), end) is not None


def _cued(text: str, start: int, lo: int, cue: re.Pattern) -> bool:
    """A word just before the path says it is one (点击, 依次, 路径：, 进入)."""
    return bool(cue.search(text, max(0, start - 12), start))


def _bare_paths(text: str, lo: int, hi: int, cue: Optional[re.Pattern] = None) -> list[re.Match]:
    """bare.finditer(text, lo, hi), scanning only the stretches around separators: a path
    starts at most `lead` characters before its first separator and lies inside the run of
    path characters around it (the character after the run ends every path there, so the
    run's scan finds exactly the whole scan's matches in it). Each run is scanned once.
    With `cue`, a stretch [a, end) without a cue in text[a - 8 : end] is not scanned: none of
    its matches could be cued (_may_be_cued looks inside that, and the cue pattern has no
    look-around or anchor, so a match in a part of a range is one in the range)."""
    _, _, _, _, _, bare, bare_sep, _, bare_run, lead = _patterns()
    out: list[re.Match] = []
    done = lo
    seps = leading.finditer(bare_sep, text, lo, hi) if (lo, hi) == (0, len(text)) else bare_sep.finditer(text, lo, hi)
    for sep in seps:  # (a whole text: at the separators' places, not a scan)
        if sep.start() < done:
            continue
        end = bare_run.match(text, sep.start(), hi).end()
        a = max(done, sep.start() - lead)
        if cue is None or cue.search(text, max(0, a - 8), end) is not None:
            out.extend(bare.finditer(text, a, end))
        done = end
    return out


@lru_cache(maxsize=1)
def inner_separator_words() -> tuple[str, ...]:
    """The words one of which a path inside one quoted string holds (for words.py's vocabulary)."""
    return needed_words(_patterns()[3])


@lru_cache(maxsize=1)
def _in_turn_words() -> tuple[str, ...]:
    """The words one of which a path listed after 依次点击 holds."""
    return needed_words(_patterns()[1])


@lru_cache(maxsize=1)
def _cue_words() -> tuple[str, ...]:
    """The words one of which a cue (点击, 依次, 路径：, 进入 …) holds: a bare path is kept
    only after or around one."""
    return needed_words(_patterns()[7])


def scanned_words() -> list[tuple[str, ...]]:
    """The words this module asks the article's word pass about (for words.py's vocabulary)."""
    return [inner_separator_words(), _in_turn_words(), _cue_words()]


def _has_inner_separator(text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] holds a separator of a path inside a quoted string (办事>社保): most texts
    hold none, and their quoted strings need no look (from the article's word pass when the
    range is the whole text, else by str.find: each separator is on its own a match of the
    pattern, which opens with optional blanks that re would try at every place)."""
    if (lo, hi) == (0, len(text)):
        return article(text).holds_any(inner_separator_words())
    if _words_match_alone():
        return literals.holds_word(text, inner_separator_words(), lo, hi)
    return _patterns()[3].search(text, lo, hi) is not None


@lru_cache(maxsize=1)
def _words_match_alone() -> bool:
    """Every needed word of the inner separator pattern is a match of it on its own: the
    pattern matches in a range exactly when the range holds one of the words."""
    inner_sep = _patterns()[3]
    return all(inner_sep.fullmatch(w) for w in inner_separator_words())


# the quoted pattern's characters (see _patterns: [“「"]([^“”「」"\n。，；]{3,N})[”」"])
_Q_OPEN, _Q_CLOSE, _Q_STOP = "“「", "”」", "“”「」\"\n。，；"


def _quoted_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """(start, end, content start, content end) of quoted.finditer(text, lo, hi)'s matches
    whose content may hold an inner separator (the others give no path). A whole text
    without an ASCII quote: found from the separators' occurrences in the article's word
    pass. There every “ or 「 is tried by the scan (a match's content holds no quote, and
    “「 close none), and the match there is the content up to the next stop character
    (a quote, line break, 。，；) when that one closes (”」) and the content has 3 to N
    characters (else the greedy class backtracks onto content characters, none a closer):
    so the quoted string around a separator is the stop before it and the stop after it."""
    quoted, n = _patterns()[2], 6 * int(lexicon().data["menu_hop_max"])
    if (lo, hi) != (0, len(text)) or '"' in text:
        return [(m.start(), m.end(), m.start(1), m.end(1)) for m in quoted.finditer(text, lo, hi)]
    out = set()
    for a, b in article(text).occurrences(inner_separator_words()):
        p = max(text.rfind(c, max(0, a - n - 1), a) for c in _Q_STOP)
        if p < 0 or text[p] not in _Q_OPEN:
            continue
        q = min([i for i in (text.find(c, b, p + n + 2) for c in _Q_STOP) if i >= 0] or [-1])
        if q >= 0 and text[q] in _Q_CLOSE and 3 <= q - p - 1 <= n:
            out.add((p, q + 1, p + 1, q))
    return sorted(out)


def _plausible(text: str, hops: list[tuple[int, int]]) -> bool:
    return len(hops) >= 2 and all(_HAN.search(text, s, e) for s, e in hops)


@lru_cache(maxsize=1)
def _separator_scanner():
    """A scanner for the words one of which every path holds (None: not known): a chain a
    separator between its tokens, a bare path a bare separator, a listed path 依次, a path in
    one quoted string an inner separator (-, >, —, 》, 依次 …)."""
    d = lexicon().data
    found = [literals.needed(re.compile(d[k])) for k in
             ("menu_separators", "menu_bare_separators", "menu_in_turn", "menu_inner_separators")]
    return literals.scanner(frozenset().union(*found)) if all(found) else None


def find_paths(text: str, lo: int = 0, hi: int | None = None) -> list[MenuPath]:
    """Menu paths in text[lo:hi], in order, not overlapping."""
    hi = len(text) if hi is None else hi
    chain, listed, quoted, inner_sep, token, bare, bare_sep, cue, _, _ = _patterns()
    found: list[MenuPath] = []
    whole = (lo, hi) == (0, len(text))  # (a whole text: at the quotes and brackets, not a scan)
    if not whole and (sep := _separator_scanner()) is not None and not sep.search(text, lo, hi):
        return found  # a list item or a sentence without a separator (~7 in 8): no path in it
    for m in leading.finditer(chain, text, lo, hi) if whole else chain.finditer(text, lo, hi):
        hops = [_name(text, t.start(), t.end()) for t in token.finditer(text, m.start(), m.end())]
        dashed = any(c in "—－-" for c in text[hops[0][1] : hops[-1][0]] if c not in "“”【】「」\"") if hops else False
        if _plausible(text, hops) and (not dashed or len(hops) >= 3 or _cued(text, m.start(), lo, cue)):
            found.append(MenuPath(hops, m.start(), m.end()))
    # (a bare path is kept only when cued: a text without a cue word, half of them, has none)
    for m in _bare_paths(text, lo, hi, cue) if not whole or article(text).holds_any(_cue_words()) else ():
        if not _may_be_cued(text, m.start(), m.end(), cue):
            continue  # (the tests below keep none)
        cuts = list(bare_sep.finditer(text, m.start(), m.end()))
        hops, a = [], m.start()
        for c in cuts:
            hops.append((a, c.start()))
            a = c.end()
        hops.append((a, m.end()))
        hops = [(x, y) for x, y in hops if y > x]
        if len(hops) < 2:
            continue
        if "》" in text[m.start() : m.end()] and "《" in text[max(0, m.start() - 30) : m.end()]:
            continue  # 》 closing a title (《财经调查》今晚开播), not a separator
        if any("的" in text[x:y] and y - x > 4 for x, y in hops):
            continue  # 高原腹地的特高压工程——金沙江上游送湖北: a phrase, not a menu
        cued = _cue_adjacent(text, m.start(), cue)
        inner = [c for c in cue.finditer(text, hops[0][0], hops[0][1]) if c.end() < hops[0][1]]
        if inner:  # 登录后依次选择服务—… : the first hop starts after its cue
            hops[0] = (inner[-1].end(), hops[0][1])
            cued = True
        if cued:
            tail = _rx_tail().search(text, hops[-1][0] + 1, hops[-1][1])  # …＞申领进度即可查看
            if tail:
                hops[-1] = (hops[-1][0], tail.start())
            if _plausible(text, hops):
                found.append(MenuPath(hops, hops[0][0], hops[-1][1]))
    for m in article(text).finditer(listed, _in_turn_words()) if whole else listed.finditer(text, lo, hi):  # (around 依次)
        hops = [_name(text, t.start(), t.end()) for t in token.finditer(text, m.start(1), m.end(1))]
        if _plausible(text, hops):
            found.append(MenuPath(hops, m.start(1), m.end(1)))
    for m_start, m_end, s, e in _quoted_spans(text, lo, hi) if _has_inner_separator(text, lo, hi) else ():
        cuts = list(inner_sep.finditer(text, s, e))
        if not cuts:
            continue
        hops, a = [], s
        for c in cuts:
            hops.append((a, c.start()))
            a = c.end()
        hops.append((a, e))
        hops = [(a, b) for a, b in hops if b > a]
        if _plausible(text, hops) and all(b - a <= lexicon().data["menu_hop_max"] for a, b in hops):
            found.append(MenuPath(hops, m_start, m_end))
    found.sort(key=lambda p: (p.start, -p.end))
    out: list[MenuPath] = []
    for p in found:
        if not out or p.start >= out[-1].end:
            out.append(p)
    return out
