"""Foreign states' and provinces' governments (round 21): 新南威尔士州政府, 巴西圣保罗州政府,
加拿大安大略省政府. The segmenter's place word (ns) that ends in 州/省/邦 right before 政府, where
the article names a foreign country before it and the place is no Chinese region; the name as
written (a country written right before it included). Found from the literal 政府 (str.find),
the words tagged only where a state's last character stands before it (foreign.yaml `states`)."""
from __future__ import annotations

from ..prebuilt import cached
from . import foreign, lexicon
from .candidates import Candidate
from .postag import tag

RULE = "pattern.foreign.state"
WINDOW = 12  # characters tagged before 政府: a country and a state's name


@cached("institutions.states.data")
def _data() -> tuple:
    d = lexicon._yaml("foreign.yaml")["states"]
    return "".join(d["ends"]), d["body"], d["reach"], d["min_place"]


def _country_before(text: str, lo: int, hi: int) -> bool:
    """Whether a foreign country's name (not 中国) starts between lo and hi."""
    for i in range(lo, hi):
        if foreign.country_at(text, i) and foreign.country_head(text[i:i + 8]):
            return True
    return False


def state_governments(text: str) -> list[Candidate]:
    ends, body, reach, min_place = _data()
    out: list[Candidate] = []
    p = text.find(body, 1)
    while p >= 0:
        if text[p - 1] in ends:
            c = _state(text, p, body, reach, min_place)
            if c is not None:
                out.append(c)
        p = text.find(body, p + len(body))
    return out


def _state(text: str, p: int, body: str, reach: int, min_place: int):
    lo = max(0, p - WINDOW)
    words = tag(text[lo:p])
    if not words or words[-1][1] != "ns" or len(words[-1][0]) < min_place:
        return None  # 湘西|州政府, 多个|州政府: no state's name
    place = words[-1][0]
    if lexicon.region_named(place) is not None or lexicon.region_named(place[:-1]) is not None:
        return None  # a Chinese prefecture (甘孜州) or province
    s, k = p - len(place), len(words) - 2
    while k >= 0 and words[k][1] == "ns":
        s -= len(words[k][0])  # 不列颠|哥伦比亚省, 巴西|圣保罗州: the place's words, a country's before them
        if foreign.country_head(words[k][0]) == len(words[k][0]):
            break
        k -= 1
    if k < 0 or foreign.country_head(words[k][0]) != len(words[k][0]):
        if not _country_before(text, max(0, s - reach), s):
            return None  # no foreign country in the article before it
    e = p + len(body)
    return Candidate(s, e, text[s:e], "government", None, None, RULE, 0.7)
