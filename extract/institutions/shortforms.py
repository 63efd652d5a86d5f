"""Round 19 (issue 10): two families of names the layers missed (data/shortforms.yaml).

Tier short forms: 省局, 省厅, 市局, 总局 written bare after the article named the body in full
(四川省药监局 … 在省局对…检查 -> 四川省食品药品监督管理局; …总局令…，总局组织制定了… ->
国家食品药品监督管理总局): the nearest body before of that tier whose name ends the same way
(guide v2: a short form whose region is clear from the article gets it).

Village clinics without a region before them (在齐乐镇龙鹄村村卫生室, 在家附近的麦斜村卫生所): a
town and a village, or a village alone, before 卫生室/卫生所; the doubled 村 (龙鹄村 + 村卫生室)
is written once in the name, and a town's clinic takes the county the same line names
last before it (眉山市丹棱县… 在齐乐镇龙鹄村村卫生室 -> 丹棱县齐乐镇龙鹄村卫生室). Linear: one pass over the suffixes' and short forms' occurrences."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .candidates import Candidate
from .gazetteer import region_hits
from .lexicon import _yaml

TIER_RULE, VILLAGE_RULE = "reference.tier", "pattern.village"
COUNTY_REACH = 300  # characters back to the county a town's clinic takes (same line)


@lru_cache(maxsize=1)
def _data():
    d = _yaml("shortforms.yaml")
    tiers = d["tiers"]
    return (tiers, re.compile("|".join(map(re.escape, tiers))), frozenset(d["before"]), frozenset(d["not_after"]),
            re.compile("|".join(map(re.escape, d["village_suffixes"]))), frozenset(d["village_not"]))


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _covered(found: list[Candidate], starts: list[int], i: int, j: int) -> bool:
    k = bisect_right(starts, i)
    return (k and found[k - 1].end > i) or (k < len(found) and found[k].start < j)


def tier_shorts(text: str, found: list[Candidate]) -> list[Candidate]:
    """Bare tier short forms named after the body of their tier (`found`: resolved, in order)."""
    tiers, pattern, before, not_after, _, _ = _data()
    if not found:
        return []
    starts = [c.start for c in found]
    out = []
    for m in pattern.finditer(text):
        i, j = m.span()
        if i and _ideograph(text[i - 1]) and text[i - 1] not in before:
            continue
        if text[j:j + 1] in not_after or _covered(found, starts, i, j):
            continue
        tier = tiers[m.group()]
        k = bisect_right(starts, i)
        head = next((c for c in reversed(found[max(0, k - 40):k]) if c.end <= i and c.level == tier["level"]
                     and c.kind == "government" and c.name.endswith(tier["ends"])), None)
        if head is not None:
            out.append(Candidate(i, j, head.name, head.kind, head.level, head.region, TIER_RULE, 0.5))
    return out


def village_clinics(text: str, found: list[Candidate]) -> list[Candidate]:
    """Village clinics named by their town and village, or village alone, with no region before."""
    _, _, before, _, suffixes, stop = _data()
    starts = [c.start for c in found]
    out, hits = [], None
    for m in suffixes.finditer(text):
        s, end = m.span()
        v = s - 1 if text[s - 2:s] == "村村" else s  # 龙鹄村 + 村卫生室
        if text[v - 1:v] != "村" or v < 3:
            continue
        name = text[v - 3:v - 1]
        if not all(_ideograph(ch) and ch not in stop for ch in name):
            continue
        start = v - 3
        t = text[start - 1:start]
        if t in ("镇", "乡") and start >= 3 and all(_ideograph(ch) and ch not in stop for ch in text[start - 3:start - 1]):
            start -= 3  # 齐乐镇 + 龙鹄村
        prev = text[start - 1:start]
        if prev and _ideograph(prev) and prev not in before:
            continue  # 标准化村卫生室, or a region the patterns anchor on
        if _covered(found, starts, start, end):
            continue
        written = text[start:end]
        name = written[:v - start] + text[s:end] if v != s else written
        region = None
        if start < v - 3:  # a town's: the county the same line names last before it (丹棱县 … 齐乐镇…)
            if hits is None:
                hits = sorted((h for h in region_hits(text) if not h.short and h.regions[0].level == "county"),
                              key=lambda h: h.end)
                ends = [h.end for h in hits]
            k = bisect_right(ends, start)
            county = hits[k - 1] if k else None
            if county is not None and start - county.end <= COUNTY_REACH and "\n" not in text[county.end:start]:
                name, region = county.regions[0].name + name, county.regions[0].display
        out.append(Candidate(start, end, name, "hospital", "county" if region else None, region, VILLAGE_RULE, 0.5))
    return out
