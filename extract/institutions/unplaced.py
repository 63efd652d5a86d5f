"""A name found with a place before it, written again without the place (round 13):
布拉柴维尔中刚友好医院 … 中刚友好医院, 德国杜塞尔多夫展览公司 … 杜塞尔多夫展览公司, 广州晨昊医疗器械有限公司
… 晨昊医疗器械有限公司. The place is the name's first word, one the segmenter tags ns; what is left
is the same body where its first word is no common word (乌镇互联网医院 leaves 互联网医院, any
internet hospital; 罗店镇社区卫生服务中心 leaves a category; 苏丹武装部队 leaves 武装部队, any
army) and no numeral (第一人民医院). Later or earlier occurrences that start a word and that no
other mention covers take the found name. One scan of the text per distinct remainder."""
from __future__ import annotations

from . import postag
from .boundaries import cut_at
from .candidates import Candidate, covered

RULE = "reference.unplaced"
MIN_LEFT = 4  # characters left after the place: a name and its suffix
# tags of a first word that make the rest a category or a phrase, not a name
_COMMON = frozenset({"n", "v", "vn", "a", "an", "ad", "nt", "nz", "j", "l", "i", "m", "mq", "q", "r", "p", "c", "u",
                     "t", "s", "b", "d", "ns", "x", "eng"})


def _left(name: str) -> int:
    """The length of the place word that opens `name`, where what follows it may stand alone; else 0."""
    words = postag.tag(name)
    if len(words) < 3 or words[0][1] != "ns":
        return 0
    k = len(words[0][0])
    if len(name) - k < MIN_LEFT or words[1][1] in _COMMON:
        return 0
    return k


def unplaced_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    rests: dict[str, Candidate] = {}
    for c in found:
        written = text[c.start:c.end]
        if c.kind == "government" or not c.rule.startswith(("pattern", "foreign", "gazetteer")):
            continue
        k = _left(written)
        if k:
            rests.setdefault(written[k:], c)
    if not rests:
        return []
    taken = covered(len(text), found)
    out = []
    for rest, c in rests.items():
        s = text.find(rest)
        while s >= 0:
            e = s + len(rest)
            if taken.find(1, s, e) < 0 and cut_at(text, s) and cut_at(text, e):
                out.append(c._replace(start=s, end=e, rule=RULE, confidence=0.6))
            s = text.find(rest, e)
    return out
