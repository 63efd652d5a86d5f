"""An appositive head inside a name a region or a country anchored (round 15): 中国空调企业奥克斯集团,
美国智库布鲁金斯学会, 美国私营机构凯撒医疗集团工会联盟, 美国钢铁企业克利夫兰·克利夫斯公司. A word
ending in a category head (patterns.yaml `appositive_heads`: …企业, 智库, …机构) followed by a
proper name (the segmenter's person, place, organization or foreign word) says what kind of body
follows; the name starts after it (guide v2: the longest name of a specific body, never what
describes it). A head followed by a common word stays inside (中国医药企业管理协会,
安徽省企业技术中心, 中国外商投资企业协会: the head is the name's own word)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .candidates import Candidate
from .postag import tag

RULES = ("pattern.anchored", "pattern.foreign")
NAME_TAGS = ("nr", "ns", "nz", "nt", "eng")  # a proper name's first word (nrt, nrfg: foreign and full names)
MIN_NAME = 2  # characters from the name's start to the suffix: 奥克斯 + 集团


@lru_cache(maxsize=1)
def _heads() -> tuple:
    return tuple(lexicon.patterns().get("appositive_heads", ()))


@lru_cache(maxsize=1)
def _any_head() -> "re.Pattern":
    return re.compile("|".join(map(re.escape, _heads())) or "(?!)")


def trimmed(text: str, cand: Candidate, s: int) -> Candidate:
    """`cand` starting after the last appositive head in front of its suffix (at `s`), else as is."""
    if s - cand.start < 4 or not _any_head().search(text, cand.start + 1, s):
        return cand  # no head in the name: no segmenting (most names)
    heads = _heads()
    words = tag(text[cand.start:s])
    pos, cut, head = cand.start, None, ""
    for k, (w, _) in enumerate(words[:-1]):
        pos += len(w)
        if k and w.endswith(heads) and words[k + 1][1].startswith(NAME_TAGS):
            cut, head = pos, w
    if cut is None or s - cut < MIN_NAME:
        return cand
    kind = next((v for h, v in _head_kinds().items() if head.endswith(h)), None)  # 智库: a think tank (round 21)
    return Candidate(cut, cand.end, text[cut:cand.end], kind or cand.kind, None, cand.region,
                     cand.rule + (HEAD_KIND if kind else ".appositive"), cand.confidence)


HEAD_KIND = ".appositive.head_kind"  # the kind the head gives stands (kinds.retouched leaves it)


@lru_cache(maxsize=1)
def _head_kinds() -> dict:
    """Heads that say the body's kind (patterns.yaml `appositive_head_kinds`: 智库 -> other)."""
    return dict(lexicon.patterns().get("appositive_head_kinds", {}))


SEPARATORS = ("——", "—", "：", ":")  # an appositive dash or colon between a category and a name
HEAD_REACH = 12  # characters from a country's name to the end of the category word (日本商业信用调查机构)


def after_separator(text: str, i: int, s: int, e: int, item: dict, anchors: dict) -> "Candidate | None":
    """A body named after an appositive dash or colon (round 17): 日本商业信用调查机构——东京商工调查公司.
    The walk from the suffix stopped at `i`, right after a separator that ends a category word
    (an appositive head: 机构, 智库, 企业…) a country's name starts within HEAD_REACH; the name
    is the run from `i` to the suffix, checked as a foreign body's (foreign.named_after), the
    country its region. A region's name (a Chinese place) is no such anchor, nor a run without a head."""
    from . import foreign

    sep = next((x for x in SEPARATORS if text.startswith(x, i - len(x))), None)
    if sep is None or s - i < MIN_NAME:
        return None
    d = i - len(sep)
    head = next((h for h in _heads() if text.endswith(h, 0, d)), None)
    if head is None:
        return None
    h0 = d - len(head)
    for k in range(h0, max(0, d - HEAD_REACH) - 1, -1):
        for a in anchors.get(k, ()):
            if a.country is not None and not a.named and not re.search(r"[，。；、,\s]", text[a.end:h0]):
                probe = a._replace(start=i, end=i)
                cand = foreign.named_after(text, probe, s, e, item)
                if cand is None:
                    return None
                return Candidate(i, e, text[i:e], cand.kind, None, a.country, "pattern.foreign.appositive", 0.7)
    return None


# round 20: a maker named by its Latin name after a trade head and its country (世界顶尖制造商日本NCC
# 提供, 医用导管供应商芬兰optimez供应): the Latin name is the company (patterns.yaml `latin_heads`)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]{1,20}(?![A-Za-z0-9&.\-])")


@lru_cache(maxsize=1)
def _latin_heads() -> tuple:
    return tuple(lexicon.patterns().get("latin_heads", ()))


def latin_after_head(text: str) -> list[Candidate]:
    """Companies named `head + country + Latin name`, from the countries the word lists' scan
    found (a few a text; no scan of its own)."""
    from . import foreign, wordlists

    out = []
    heads = None
    for s, e, _ in wordlists.country_hits(text):
        if not ("A" <= text[e:e + 1] <= "Z" or "a" <= text[e:e + 1] <= "z"):
            continue  # most countries: no Latin name right after
        heads = heads or _latin_heads()
        if not text.endswith(heads, 0, s):
            continue
        m = _LATIN_NAME.match(text, e)
        if m is not None and not text.startswith(("公司", "集团"), m.end()):
            out.append(Candidate(m.start(), m.end(), m.group(), "company", None,
                                 foreign.country_of(text[s:e]), "pattern.latin_after_head", 0.6))
    return out
