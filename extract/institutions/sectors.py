"""A region's name and a sector's short name stand for the region's body of that sector
(guide v2: a short form naming one body; the region clear from the article):

    普陀医保为您解答, （普陀医保）  -> 上海市普陀区医疗保障局
    福州医保、人社、财政部门联合实施 -> 福州市医疗保障局

`sector` in bodies.yaml gives the sector's short name (医保, 卫健, 人社, 疾控, 市场监管).
The pair names the body only where it stands as a name: alone (a source tag in brackets, a
list item, a line) or before a verb of its own (为您解答, 提醒, 发布); 上海市医保甲类支付 and
“广州人社”微信公众号 (an account, a channel) are not bodies. A district's or county's short
name (普陀) counts only where the article also names it in full (普陀区) or names its city
or province (上海), which also says which one (上海市普陀区, not 舟山市普陀区).

And a source tag of regions alone at a paragraph's end, （上海普陀）, is the region's own
news account: a media mention named as written (guide v2: outlets named as a source)."""
from __future__ import annotations

import operator
import re
from typing import Optional

from ..prebuilt import cached
from . import lexicon, wordlists
from .boundaries import cut_at
from .candidates import Candidate
from .gazetteer import RegionHit, canonical, context_names, longest_by_end, pick
from .lexicon import Region

# after the pair: the end of a name (a line's end, a bracket, list or sentence punctuation)
# or a verb the body does
_AFTER_ENDS = "）)、，,。；;：:！？」”"  # and a line break
_AFTER_VERBS = ("为您", "提醒", "发布", "提示", "联合", "会同", "表示", "介绍", "通报", "答复", "回复", "解答")
_AFTER = re.compile(r"[ \t\u3000]*(?:$|[\n" + _AFTER_ENDS + "]|" + "|".join(_AFTER_VERBS) + ")", re.M)
# the characters an _AFTER match can start with ("": the text's end): one set test first,
# most sector words are followed by none (~520 a pass)
_AFTER_FIRSTS = frozenset(" \t\u3000\n" + _AFTER_ENDS) | {w[0] for w in _AFTER_VERBS} | {""}
_CHANNEL = re.compile(r"[”\"」』’']?\s*(?:微信)?(?:公众号|小程序|视频号|客户端|APP|App|app|微博|抖音号|官微|网站|热线)")
_BEFORE_OK = set("\n（(【[「“\"、，,。；;：: \t\u3000")
# a bracketed tag that ends its line; it must also start the line or a sentence (_tag_starts):
# the same spans as (?m)(?:^|(?<=[。！？!?]))[ \t\u3000]*<tag>, found from the brackets
_TAG = re.compile(r"(?m)[（(](?P<tag>[\u4e00-\u9fff]{3,8})[）)][ \t\u3000]*$")
# the same pattern led by each bracket alone: a literal first character lets the engine skip
# to it (led by the class, it was tried at every position); no match holds an opening bracket
# after its first character, so the two scans' matches merged by start are _TAG's
_TAGS = tuple(re.compile(_TAG.pattern.replace("[（(]", re.escape(b), 1)) for b in "（(")
_TAG_AFTER = "\n。！？!?"


@cached("institutions.sectors.sectors")
def _sectors() -> tuple[dict, dict]:
    """Sector word -> its place in the alternation (the longest first) and -> its body."""
    table = {b["sector"]: b for b in lexicon.bodies() if b.get("sector")}
    return {w: k for k, w in enumerate(sorted(table, key=len, reverse=True))}, table


@cached("institutions.sectors.local_shorts")
def _local_shorts() -> tuple[dict[str, tuple[int, ...]], int]:
    """District and county short names -> their regions' indices in lexicon's table (普陀 ->
    普陀区 of Shanghai, of Zhoushan): indices, not Regions, so that the stored table loads in
    ~1 ms (2,708 tuples of Regions took ~18 ms) and a Region is made for a name found only."""
    out: dict[str, list[int]] = {}
    for i, r in enumerate(lexicon.regions()):
        if r.level in ("district", "county") and len(r.short) >= 2 and r.short != r.name:
            out.setdefault(r.short, []).append(i)
    return {k: tuple(v) for k, v in out.items()}, max(map(len, out))


def sector_candidates(text: str, hits: list[RegionHit]) -> list[Candidate]:
    order, table = _sectors()
    ctx = context_names(hits)
    by_end = longest_by_end(hits)  # by end, the longest first at one end: the first is the longest
    out = []
    for s, e in wordlists.first_matches(text, "sector_words", order):  # the longest word at each place
        if text[e:e + 1] not in _AFTER_FIRSTS or not _AFTER.match(text, e) or _CHANNEL.match(text, e):
            continue  # 上海市医保甲类支付; “广州人社”微信公众号 (checked first: most sector words fail it)
        found = _region_before(text, s, by_end, ctx)
        if found is None:
            continue
        start, r = found
        if not (start == 0 or text[start - 1] in _BEFORE_OK or cut_at(text, start)):
            continue
        body = table[text[s:e]]
        if r.level not in body.get("levels", [r.level]):
            continue
        out.append(Candidate(start, e, canonical(r, body), body["kind"], r.level, r.display, "sector.short", 0.7))
    return out + _tags(text, hits, by_end, ctx)


def _region_before(text: str, s: int, by_end: dict, ctx: set) -> Optional[tuple[int, Region]]:
    """The region named right before `s`: a full name or a province's or city's short (the
    region table), else a district's or county's short whose full name, city or province
    the article gives."""
    h = by_end.get(s)
    if h is not None:
        return h.start, pick(h.regions, ctx)
    shorts, longest = _local_shorts()
    for n in range(min(longest, s), 1, -1):
        found = shorts.get(text[s - n:s])
        if found is None:
            continue
        regions = [r for r in map(lexicon.region, found)
                   if r.name in text or r.city in ctx or r.province in ctx]
        if regions:
            return s - n, pick(tuple(regions), ctx)
    return None


_START = operator.methodcaller("start")


def _tags(text: str, hits, by_end: dict, ctx: set) -> list[Candidate]:
    """（上海普陀）at a paragraph's end: a province's or city's name and one of its districts
    or counties, nothing else: the region's own account, a media source."""
    out = []
    if "（" not in text and "(" not in text:
        return out
    for m in sorted((m for rx, b in zip(_TAGS, "（(") if b in text for m in rx.finditer(text)), key=_START):
        k = m.start()
        while k and text[k - 1] in " \t\u3000":
            k -= 1
        if k and text[k - 1] not in _TAG_AFTER:
            continue
        s, e = m.span("tag")
        inner = _region_before(text, e, by_end, ctx)
        if inner is None or inner[0] <= s:
            continue
        head = by_end.get(inner[0])
        if head is None or head.start != s or inner[1].level not in ("district", "county"):
            continue
        if not any(inner[1].city == r.name or inner[1].province == r.name for r in head.regions):
            continue
        out.append(Candidate(s, e, text[s:e], "media", None, None, "sector.tag", 0.6))
    return out
