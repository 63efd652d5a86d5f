"""Companies an article names by a brand and a trade word only, twice or more (data/cued.yaml
`repeated`, round 11): 施强医疗 written four times in a company page, never in full -> 施强医疗
(company, as written).
Every occurrence stands after a stop character, a punctuation mark or a line's start, the two
characters before the trade word are a brand (the segmenter reads them as a name or as single
characters, not as a word of its lexicon: 基层医疗, 全国医疗, 移动医疗 are none), and no word
follows that makes the whole a trade's noun (医疗器械, 医疗机构). A name found once in an article
is no evidence: one mention could be a phrase. One regex scan from the trade words: linear."""
from __future__ import annotations

import re
from collections import defaultdict

from ..prebuilt import cached
from . import lexicon, wordlists
from .candidates import Candidate
from . import patterns
from .cued import _region_before
from .postag import tag

KIND = "company"
BRAND = 2


@cached("institutions.repeated.table")
def _table():
    data = lexicon._yaml("cued.yaml")["repeated"]
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))
    rx = re.compile(f"(?:{alt(data['trades'])})(?!{alt(data['continuations'])})")
    return rx, frozenset(data["name_flags"]), int(data["min_count"])


def repeated_candidates(text: str) -> list[Candidate]:
    rx, flags, need = _table()
    stop = patterns._tables()[1]
    # the trade words' starts from the word lists' scan (repeated_trades: the same words): rx
    # tried there only, as finditer would from BRAND (round 27); the brand's characters tested
    # first, and the region and boundary only for a name written `need` times or more, before
    # those tests (round 29: most occurrences are a phrase's, written once: 基层医疗)
    found, count = [], defaultdict(int)
    for m in wordlists.matches_at(rx, text, wordlists.starts(text, "repeated_trades"), BRAND):
        s = m.start() - BRAND
        a, b = text[s], text[s + 1]   # the brand (BRAND = 2: matches start at BRAND or later)
        if not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff") or a in stop or b in stop:
            continue
        name = a + b + m.group()
        count[name] += 1
        found.append((name, s, m.end()))
    seen: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for name, s, e in found:
        if count[name] < need:
            continue  # too few even before the tests below: fewer after them
        r = _region_before(text, s)  # 苏州施强医疗: the region is part of the name as written
        if s - r and not _boundary(text[s - r - 1], stop):
            continue
        seen[name].append((s - r, e))
    out = []
    for name, spans in seen.items():
        if len(spans) >= need and _brand(name[:BRAND], flags):
            out += [Candidate(s, e, text[s:e], KIND, None, None, "repeated.brand", 0.5) for s, e in spans]
    return out


def _brand(brand: str, flags: frozenset) -> bool:
    words = tag(brand)
    return all(len(w) == 1 for w, _ in words) or (len(words) == 1 and words[0][1] in flags)


def _boundary(ch: str, stop) -> bool:
    return ch in stop or not ("\u4e00" <= ch <= "\u9fff")
