"""A name found with a place before it, written again without the place (round 13):
布拉柴维尔中刚友好医院 … 中刚友好医院, 德国杜塞尔多夫展览公司 … 杜塞尔多夫展览公司, 广州晨昊医疗器械有限公司
… 晨昊医疗器械有限公司. The place is the name's first word, one the segmenter tags ns; what is left
is the same body where its first word is no common word (乌镇互联网医院 leaves 互联网医院, any
internet hospital; 罗店镇社区卫生服务中心 leaves a category; 苏丹武装部队 leaves 武装部队, any
army) and no numeral (第一人民医院). Later or earlier occurrences that start a word and that no
other mention covers (or, after a region of China's, a pattern read as written, alone) take the found name. One scan of the text per distinct remainder."""
from __future__ import annotations

from . import lexicon, postag
from .boundaries import cut_at
from .candidates import Candidate, covered

RULE = "reference.unplaced"
MIN_LEFT = 4
_PLACE_LEVELS = frozenset("省市县区镇乡村街")  # characters left after the place: a name and its suffix
# tags of a first word that make the rest a category or a phrase, not a name
_COMMON = frozenset({"n", "v", "vn", "a", "an", "ad", "nt", "nz", "j", "l", "i", "m", "mq", "q", "r", "p", "c", "u",
                     "t", "s", "b", "d", "ns", "x", "eng"})


def _left(name: str) -> int:
    """The length of the place word that opens `name`, where what follows it may stand alone; else 0."""
    words = postag.tag(name)
    if len(words) < 3 or words[0][1] != "ns":
        return 0
    k = len(words[0][0])
    if len(name) - k < MIN_LEFT:
        return 0
    first = words[1][0]
    if first in _PLACE_LEVELS:
        return 0  # 罗店镇社区卫生服务中心: the place's level word, then a category
    if len(first) == 1:  # 中刚友好医院, 优瑞康…: one character opens a name where more words follow before the suffix
        return k if len(words) >= 5 or (len(words) == 4 and len(words[2][0]) > 1) else 0
    if words[1][1] in _COMMON:
        return 0
    return k


def _domestic(place: str) -> bool:
    """A region of China's (杭州, 湘西): a foreign body read alone keeps its own name (美中经济贸易促进会
    after 美国美中经济贸易促进会: the real gold)."""
    return lexicon.region_named(place) is not None or lexicon.region_named(place + "市") is not None


def unplaced_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    rests: dict[str, Candidate] = {}
    for c in found:
        written = text[c.start:c.end]
        if c.kind == "government" or not c.rule.startswith(("pattern", "foreign", "gazetteer")):
            continue
        k = _left(written)
        if k:
            rests.setdefault(written[k:], (c, _domestic(written[:k])))
    if not rests:
        return []
    taken = covered(len(text), found)
    # the rest read by itself, named as written (by a pattern): the found name wins
    alone = {(c.start, c.end) for c in found if c.rule.startswith("pattern") and c.name == text[c.start:c.end]}
    out = []
    for rest, (c, domestic) in rests.items():
        s = text.find(rest)
        while s >= 0:
            e = s + len(rest)
            if (((s, e) in alone and domestic) or taken.find(1, s, e) < 0) and cut_at(text, s) and cut_at(text, e):
                out.append(c._replace(start=s, end=e, rule=RULE, confidence=0.6))
            s = text.find(rest, e)
    return out
