"""Companies known by a short or brand name (data/brands.yaml, named.yaml, companies.yaml),
written with more around them: the longest name as written (guide v2).

- Two hits of one company that overlap are one mention over both (山东威高 + 威高集团 ->
  山东威高集团): the automaton reports both, neither is the name as written.
- A short name that starts inside a word and runs on into a legal ending is the tail of a
  longer name the pattern layer reads (四会金|葵花药业|有限公司): no mention of its own.
- A region's or a country's name right before a company's short name is part of it
  (河北神威药业, 瑞士诺华, 深圳迈瑞, 中国联想集团): the pattern layer does not read a name whose suffix a
  known name already holds.
Linear: one pass over the known hits, with the region and country hits by end."""
from __future__ import annotations

from . import wordlists
from .boundaries import cut_at
from .candidates import Candidate

COMPANY_KINDS = ("company",)
CHINA = "中国"
BRANCHED = ("银行",)  # a region before a bank names its branch (海南中行: compounds.py), not the bank
LEGAL_ENDS = ("有限公司", "有限责任公司", "股份有限公司", "公司")
COMPANY_WORD = "公司"
NAMED_ENDS = ("公司", "集团", "总厂", "银行", "有限合伙", "株式会社", "会社")  # a full name: no 公司 after it


def widen(text: str, known: list[Candidate], hits) -> list[Candidate]:
    """`known` with each company's mention widened as above (in the order given)."""
    if not any(c.kind in COMPANY_KINDS for c in known):
        return known
    heads: dict[int, int] = {}  # end -> the earliest start of a region or country name ending there
    for h in hits:
        if not h.short or h.regions[0].level in ("provincial", "municipal"):
            heads[h.end] = min(h.start, heads.get(h.end, h.start))
    for s, e, _ in wordlists.country_hits(text):
        heads[e] = min(s, heads.get(e, s))
    for c in known:  # 中国联想集团, 中国迈瑞: China named as a company's country
        if c.kind in COMPANY_KINDS and c.start >= len(CHINA) and text.startswith(CHINA, c.start - len(CHINA)):
            heads.setdefault(c.start, c.start - len(CHINA))
    out: list[Candidate] = []
    for c in known:
        if c.kind in COMPANY_KINDS:
            start = heads.get(c.start)
            if start is not None and _free(text, start) and not c.name.endswith(BRANCHED):
                c = c.with_(start=start)
            elif (text.startswith(LEGAL_ENDS, c.end) and c.start and "\u4e00" <= text[c.start - 1] <= "\u9fff"
                  and not cut_at(text, c.start)):
                continue  # 四会金葵花药业有限公司 holds 葵花药业: the tail of a longer name
            if text.startswith(COMPANY_WORD, c.end) and not c.name.endswith(BRANCHED):
                # 北京天智航公司: the short name's 公司 is the name's; a name known short only (滴滴) takes it
                c = c.with_(end=c.end + len(COMPANY_WORD),
                            name=c.name if c.name.endswith(NAMED_ENDS) else c.name + COMPANY_WORD)
            if out and out[-1].kind in COMPANY_KINDS and out[-1].name == c.name and c.start < out[-1].end:
                prev = out.pop()
                c = c.with_(start=min(prev.start, c.start), end=max(prev.end, c.end))
        out.append(c)
    return out


def _free(text: str, start: int) -> bool:
    """Whether a name may start at `start`: not inside a word of letters or digits."""
    return not start or not text[start - 1].isascii() or not text[start - 1].isalnum()
