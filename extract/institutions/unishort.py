"""A university named by its own two characters alone (清华研制…, 清华的科学技术优势) where the
article names it in full (清华大学): that university (guide v2: short forms are mentions when
they name one body; round 9). Only a four-character name 〇〇大学 whose first two characters
are no place (厦门大学: 厦门 is a city), only where the segmenter makes the two a word (清华园,
清华附中 are other things). One scan per such name: linear in the text."""
from __future__ import annotations

from . import lexicon
from .boundaries import is_word
from .candidates import Candidate, covered

END = "大学"
RULE = "reference.university_short"


def university_shorts(text: str, found: list[Candidate]) -> list[Candidate]:
    shorts: dict[str, Candidate] = {}
    for c in found:
        if c.kind == "university" and c.name.endswith(END) and len(c.name) == 4 and text[c.start:c.end] == c.name:
            short = c.name[:2]
            if not (lexicon.region_named(short) or lexicon.region_named(short + "市")):
                shorts.setdefault(short, c)
    if not shorts:
        return []
    taken = covered(len(text), found)
    out = []
    for short, c in shorts.items():
        s = text.find(short)
        while s >= 0:
            e = s + len(short)
            if taken.find(1, s, e) < 0 and not text.startswith(END, e) and is_word(text, s, e):
                out.append(c._replace(start=s, end=e, rule=RULE, confidence=0.6))
            s = text.find(short, e)
    return out
