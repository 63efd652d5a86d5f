"""Foreign bodies written bare whose country the sentence names (foreign.yaml
`sentence_country`): 美国国会参议院11日就民主党和共和党… -> 美国民主党, 美国共和党; a headline's
美两党…在参院 -> 美国国会参议院. The sentence must name exactly one foreign country, by its name
or by a one-character abbreviation the segmenter tags as a place (美); the body must be one that
country has, and a word of its own (共同民主党, 民主党籍 are none)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..prebuilt import cached
from . import foreign, lexicon, wordlists
from .candidates import Candidate
from .postag import tag

_SENTENCE_END = re.compile(r"[。！？!?\n]")
SENTENCE_REACH = 200  # a sentence longer than this is read no further either way


@cached("institutions.sentenced.forms")
def _forms() -> tuple:
    """(a regex of the forms, form -> its entry)."""
    table = {f: b for b in lexicon._yaml("foreign.yaml").get("sentence_country", ()) for f in b["forms"]}
    rx = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))) if table else None
    return rx, table


def sentence_country(text: str, found: list[Candidate]) -> list[Candidate]:
    rx, table = _forms()
    if rx is None or not wordlists.hits(text, "sentence_forms"):
        return []  # the word lists' scan finds the forms: the regex's scan of a text that holds none
        # cost ~10 M a pass, a str.find a form ~1.5 ms
    taken = None  # the characters a found candidate covers, built at the first match (a scan of
    # every candidate per match was matches x candidates: tests/test_robustness_growth2.py)
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if taken is None:
            taken = bytearray(len(text) + 1)
            for c in found:  # (a candidate is never empty: start < end)
                taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        if any(taken[s:e]):
            continue
        lo, hi = _sentence(text, s, e)
        sent = text[lo:hi]
        if not _own_word(sent, s - lo, e - lo):
            continue
        country = _one_country(sent)
        if country is None and not _countries(sent):
            country = _one_country(_item(text, lo))  # the sentence names none: its news item's
        entry = table[m.group()]
        if country is None or country not in entry["countries"]:
            continue
        out.append(Candidate(s, e, lexicon.styled_prefix(country) + entry["canonical"], entry["kind"], None, country,
                             "foreign.sentence", 0.7))
    return out


def _sentence(text: str, s: int, e: int) -> tuple[int, int]:
    lo = max(0, s - SENTENCE_REACH)
    starts = [m.end() for m in _SENTENCE_END.finditer(text, lo, s)]
    end = _SENTENCE_END.search(text, e, min(len(text), e + SENTENCE_REACH))
    return (starts[-1] if starts else lo), (end.start() if end else min(len(text), e + SENTENCE_REACH))


def _own_word(sent: str, s: int, e: int) -> bool:
    pos = 0
    for w, _ in tag(sent):
        if pos == s:
            return pos + len(w) == e
        if pos > s:
            return False
        pos += len(w)
    return False


def _one_country(sent: str) -> Optional[str]:
    """The one foreign country `sent` names, else None (none or several)."""
    seen = _countries(sent)
    return next(iter(seen)) if len(seen) == 1 else None


def _item(text: str, lo: int) -> str:
    """The text before a sentence that names no country, in its news item (round 11): its
    paragraph up to the sentence, with the paragraph's headline where a short line stands
    before it (a headline and a first sentence naming 英国, then 执政党工党 in a sentence naming none);
    at most ITEM_REACH characters."""
    start = text.rfind("\n", 0, lo) + 1
    j = start - 1
    while j > 0 and text[j - 1] == "\n":
        j -= 1
    head = text.rfind("\n", 0, j) + 1 if j > 0 else 0
    if 0 < j - head <= HEADLINE:
        start = head
    return text[max(start, lo - ITEM_REACH):lo]


ITEM_REACH = 400
HEADLINE = 40  # a line this short before a paragraph is its headline


@lru_cache(maxsize=1024)
def _countries(sent: str) -> frozenset:
    """The foreign countries `sent` names."""
    names = foreign._countries()[0]
    seen = set()
    for w, f in tag(sent):
        if w in names and names[w] != "中国":
            seen.add(names[w])
        elif len(w) == 1 and f == "ns" and w in foreign.COUNTRY_ABBR:
            seen.add(foreign.COUNTRY_ABBR[w])
        elif len(w) > 2 and f in ("ns", "nt") and foreign.country_head(w):
            seen.add(names[w[:foreign.country_head(w)]])  # 美国国会参议院: one word with its country
    return frozenset(seen)
