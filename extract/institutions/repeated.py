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
    seen: dict[str, list[tuple[int, int]]] = defaultdict(list)
    # the trade words' starts from the word lists' scan (repeated_trades: the same words): rx
    # tried there only, as finditer would from BRAND (round 27)
    for m in wordlists.matches_at(rx, text, wordlists.starts(text, "repeated_trades"), BRAND):
        s = m.start() - BRAND
        brand = text[s:m.start()]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in brand) or any(ch in stop for ch in brand):
            continue
        r = _region_before(text, s)  # 苏州施强医疗: the region is part of the name as written
        if s - r and not _boundary(text[s - r - 1], stop):
            continue
        seen[brand + m.group()].append((s - r, m.end()))
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
