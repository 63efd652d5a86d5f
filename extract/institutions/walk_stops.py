"""Where the open layer's walk back from a suffix (patterns.pattern_candidates) does not stop
at a stop character, and which names it refuses by their first words: an inner 和/与 between two
field words a country or region anchors (美国能源经济和金融分析研究所, round 17), and a name
whose words before the suffix end in an indefinite numeral (魏公村一中医诊所, round 16)."""
from __future__ import annotations

from ..prebuilt import cached
from . import lexicon
from .postag import inside_noun


def article_before(text: str, start: int, s: int) -> bool:
    """Whether the name's words before the suffix end in an indefinite numeral (一, 一家, 某)
    that follows a word of their own other than 第 or a region's level (魏公村一 + 中医诊所), a
    specialty (中医, 口腔) between them and the suffix or not."""
    specialties, numerals, numbered_after, last = _article_tables()
    if text[s - 1] not in last:
        return False  # no numeral nor specialty ends there: most names
    kind = next((k for k in specialties if text.endswith(k, start, s)), "")
    s -= len(kind)  # 一 + 中医 + 诊所: a specialty between them
    for w in numerals:
        if text.endswith(w, start, s):
            k = s - len(w)
            return k > start and text[k - 1] not in numbered_after
    return False


@cached("institutions.walk_stops.article_tables")
def _article_tables() -> tuple:
    pat = lexicon.patterns()
    specialties = tuple(sorted(pat["hospital_specialties"], key=len, reverse=True))
    numerals = tuple(pat["article_numerals"])
    return specialties, numerals, pat["numbered_after"], frozenset(w[-1] for w in specialties + numerals)


CONJOINED_REACH = (2, 6)  # characters of a field word between a country or region and an inner 和


def conjoined(text: str, p: int, s: int, anchors: dict, stop: frozenset, suffix_ends: frozenset) -> bool:
    """An inner conjunction (patterns.yaml `conjoined_stops`: 和, 与) between two field words of a
    name a country or a region anchors (美国能源经济和金融分析研究所, 美国经济与政策研究中心): a
    field word of two to six characters between the anchor and the conjunction, no stop
    character and no suffix's end in it (中国医院和…: two bodies), no people's word (医务人员和…:
    `conjoined_not_after`), two or more characters between
    it and the suffix, none of them an anchor's start (美国和日本研究所: two countries)."""
    pat = lexicon.patterns()
    if text[p] not in pat.get("conjoined_stops", "") or s - p - 1 < 2 or text[p - 1] in pat.get("conjoined_not_after", ""):
        return False  # 医务人员和医疗中心: people and bodies
    lo, hi = CONJOINED_REACH
    for k in range(1, hi + 1):
        q = p - k
        if q < 0:
            return False
        c = text[q]
        if (c in stop and not inside_noun(text, q)) or not "\u4e00" <= c <= "\u9fff" or (q + 1 in suffix_ends and q + 1 < p):
            return False
        if k >= lo and any((a.country is not None or a.region is not None) and not a.named and not a.county_short
                           for a in anchors.get(q, ())):
            return not _starts_anchor(text, p + 1, anchors)
    return False


def _starts_anchor(text: str, q: int, anchors: dict) -> bool:
    """Whether a country's or a region's anchor starts at `q` (美国和日本…: two places)."""
    for k in range(2, 8):
        if any(a.start == q and not a.named for a in anchors.get(q + k, ())):
            return True
    return False
