"""A name a pattern read as written, alone, that the article also gives with a head in front
(round 15): 中国中药协会中药材信息中心 … 中药协会中药材信息中心, 湘西州人民医院 … 州人民医院. The head is
中国/全国 or a region's name; what follows it is the same body, so the shorter mention takes the
longer one's name, level and region (guide v2: `name` is the canonical name the article makes
clear). Unlike unplaced.py (which finds the rest where nothing else does), this renames only a
span a pattern already read as a name by itself, so a category left after the head (乌镇|互联网医院)
is never made a mention. A rest that starts with a region of its own (福建|三明市沙县区总医院) is
already a full name and keeps it. One dictionary of rests per text: linear."""
from __future__ import annotations

from .candidates import Candidate
from .references import region_prefix

RULE_SUFFIX = "+headless"
HEADS = ("中国", "全国")
ALONE = ("pattern", "references.propagated")  # a pattern's read and its copies at later occurrences
MAX_HEAD = 8  # 中国, 湘西, 广州市 … 内蒙古自治区: the head's length at most
MIN_REST = 4  # 州人民医院, 中药协会…; 人民医院 alone is no pattern's name


def _rest(written: str) -> str:
    k = 2 if written.startswith(HEADS) else region_prefix(written)
    if not k or len(written) - k < MIN_REST:
        return ""
    rest = written[k:]
    return "" if region_prefix(rest) else rest


def renamed(text: str, found: list[Candidate]) -> list[Candidate]:
    """`found` with each as-written pattern read renamed after the headed name it is the rest of."""
    alone = [c for c in found if c.rule.startswith(ALONE) and c.name == text[c.start:c.end]]
    if not alone:
        return found
    texts = {text[c.start:c.end] for c in alone}
    rests: dict[str, Candidate] = {}
    last = {w[-1] for w in texts}
    shortest = min(map(len, texts)) + 2
    for c in found:  # a few dictionary look-ups per name; region_prefix only where a rest is read alone
        if c.end - c.start < shortest or text[c.end - 1] not in last:
            continue
        written = text[c.start:c.end]
        if c.name == written and not c.rule.startswith("pattern"):
            continue
        for k in range(2, min(len(written) - MIN_REST, MAX_HEAD) + 1):
            if written[k:] in texts and _rest(written) == written[k:]:
                rests.setdefault(written[k:], c)
                break
    if not rests:
        return found
    swap = {}
    for c in alone:
        full = rests.get(text[c.start:c.end])
        if full is not None and full.kind == c.kind and full.name != c.name:
            swap[c] = c._replace(name=full.name, level=full.level, region=full.region, rule=c.rule + RULE_SUFFIX)
    return [swap.get(c, c) for c in found] if swap else found
