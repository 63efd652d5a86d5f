"""Institution mentions: every named organization with its canonical name, kind, level
and region (annotation guide § Institutions).

Layers, each measured in docs/institutions.md:
    gazetteer   national, Party and foreign bodies, named institutions (media, banks, central
                enterprises, UN agencies), region x body composition and list carry-over
                (gazetteer.py, lexicon.py, data/*.yaml)
    patterns    open-world names: anchor + institution suffix, with boundary rules (patterns.py)
    compounds   attached bodies, the longest name: 国家医保局 + 待遇保障司 (compounds.py)
    media       outlets named by where they stand: 来源：…, …网消息, …报记者 (media.py)
    references  in-article short forms: 以下简称, 金银潭医院, 兰大一院, English names in brackets
                (references.py, aliases.py); a name found once, at its later occurrences
                (propagate.py)
Companies by brand (data/brands.yaml) are widened to the name as written (companies.py);
a quoted name after 名为 is a pattern (quoted.py); a body renamed in place is named as it was
at publication (renamed.py).
    jieba_nt    baseline: jieba POS `nt` words (statistical.py)
    model       a spaCy NER pipeline trained by `hnx train` (statistical.py, models/)
The default runs the layers that earned their place: DEFAULT_LAYERS.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..schema import Mention
from .abbreviations import abbreviation_candidates
from .aliases import alias_candidates, named_in_full
from .appositive import latin_after_head
from .candidates import Candidate, resolve
from .companies import widen
from .compounds import compound_candidates, plural_parents, sub_bodies
from .famous import famous_candidates
from .embassies import embassy_candidates
from .foreign import foreign_prefixed, plural_bodies
from .sentenced import sentence_country
from .repeated import repeated_candidates
from .acronymed import acronym_bodies, latin_organizations
from .specialty import specialty_shorts
from .subjects import subject_candidates
from .housed import housed_candidates
from .military import army_academies, army_departments, military_hospitals
from .states import state_governments
from .national_list import national_list_items
from .gazetteer import (RegionContext, article_regions, bare_local, bare_provincial, body_candidates, implied_candidates, known_candidates,
                        regional_hospitals, region_hits, sentence_carried)
from .joined import Joined
from .kinds import retouched
from .private import as_written
from .listed import company_list_candidates, country_list_candidates, included_candidates, listed_candidates
from .titled import titled_candidates
from .media import media_candidates
from .patterns import pattern_candidates
from .propagate import propagated
from .quoted import quoted_candidates
from .events import event_candidates
from .cued import cued_candidates
from .unishort import university_shorts
from .unplaced import unplaced_candidates
from . import headless, wordlists
from .references import reference_candidates, second_names
from .renamed import as_named_then
from .sectors import sector_candidates
from .shortforms import tier_shorts, village_clinics

LAYERS = ("gazetteer", "patterns", "compounds", "media", "references", "jieba_nt", "model")
DEFAULT_LAYERS = ("gazetteer", "patterns", "compounds", "media", "references")


# kinds that have an administrative level (a city's hospital, a province's CDC or medical
# association); a company, a paper, a school or a museum has a region but no level
LEVEL_KINDS = frozenset({"government", "public_health", "hospital", "association"})


def candidates(text: str, layers: Iterable[str] = DEFAULT_LAYERS) -> list[Candidate]:
    """Resolved candidates over `text` (offsets into it)."""
    joined = Joined(text)
    wordlists.written_as(text, joined)  # the list layers below read the joined text's scan
    found = _candidates(joined.text, tuple(layers))
    found = [joined.back(c, c.level if c.kind in LEVEL_KINDS else None) for c in found]
    if "patterns" in layers:  # lists of bodies (主办单位：…理事会、…组委会), one a line: on the lines as written
        found = _more(found, listed_candidates(text, found))
        found = _more(found, company_list_candidates(text, found))  # …、上药集团、北京双鹤等…企业
        trimmed = country_list_candidates(text, found)  # 如下公司：美国GE、德国SIEMENS、…
        cut = {c.end for c in trimmed}
        found = _more([c for c in found if c.end not in cut or c.kind != "company"], trimmed)
        found = _more(found, included_candidates(text, found))  # 上市企业包括…东富龙、千山药机等
        found = _more(found, titled_candidates(text, found))  # 张厚粲 国务院参事、国际心理学联盟副主席
    return found


def _candidates(text: str, layers: tuple) -> list[Candidate]:
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown institution layers: {sorted(unknown)}")
    hits = region_hits(text)
    known = widen(text, known_candidates(text), hits) + body_candidates(text, hits)
    known += regional_hospitals(text, known, hits)
    out: list[Candidate] = []
    found = pattern_candidates(text, hits, known) if "patterns" in layers else []
    if "gazetteer" in layers:
        out += known
        # a region written before a known company's short name (深圳迈瑞) is part of a brand's
        # name, not the place the article is about: it lends no region to a bare 市
        prefer = frozenset(c.start for c in known + found if not (c.kind == "company" and c.rule == "gazetteer.known"))
        ctx = RegionContext(hits, prefer, text)
        implied = implied_candidates(text, ctx) + bare_provincial(text, ctx, hits) + bare_local(text, hits)
        out += implied + sentence_carried(text, known + implied) + famous_candidates(text, article_regions(hits))
        out += sector_candidates(text, hits) + embassy_candidates(text)
    out += found
    if "media" in layers:
        out += media_candidates(text) + housed_candidates(text)
    if "patterns" in layers:
        out += quoted_candidates(text) + event_candidates(text) + cued_candidates(text) + repeated_candidates(text)
        out += military_hospitals(text)  # 解放军304医院、305医院 (round 13)
        out += army_departments(text)  # 中国人民解放军总装后勤部 (round 21)
        out += latin_after_head(text)  # 制造商日本NCC提供 (round 20)
        out += state_governments(text)  # 新南威尔士州政府 (round 21)
    first = resolve(out + foreign_prefixed(text, out))
    first = _more(first, sentence_country(text, first))
    plural = plural_bodies(text, first)
    if plural:  # 各国卫生部, 两国国家电视台: every country's
        first = [c for c in first if c not in plural]
    first = _international(first, known)
    if "compounds" in layers:
        first = _more(first, compound_candidates(text, first, hits))
        plural = plural_parents(text, first)
        if plural:
            first = [c for c in first if c not in plural]
    if "references" in layers:
        first = _more(first, alias_candidates(text, first) + reference_candidates(text, first) + specialty_shorts(first))
        first = named_in_full(first)  # 天成医疗 … 广州天成医疗技术有限公司 written after it (round 20)
        first = _more(first, abbreviation_candidates(text, first))
        first = _more(first, acronym_bodies(text, first))  # 医学成像和技术联盟（MITA）
        first = _more(first, latin_organizations(text, first))  # 国际热核聚变实验堆ITER组织 (round 21)
        first = _more(first, second_names(text, first))
        # a sub-body after a short form the article gave its body (人保部医疗保险司, 兰大一院…)
        first = _more(first, sub_bodies(text, [c for c in first if c.rule.startswith("reference")]))
        first = _more(first, subject_candidates(text, first))
        first = _more(first, propagated(text, first))
        first = _more(first, tier_shorts(text, first))  # 四川省药监局 … 省局 (round 19)
        first = _more(first, national_list_items(text, first))  # 国家卫生健康委、疾控局 (round 21)
        first = _more(first, university_shorts(text, first))
        first = _more(first, unplaced_candidates(text, first))  # 布拉柴维尔中刚友好医院 … 中刚友好医院
        first = headless.renamed(text, first)  # 中国中药协会X … 中药协会X: the headed name (round 15)
    if "patterns" in layers:
        first = _more(first, village_clinics(text, first))  # 齐乐镇龙鹄村村卫生室 (round 19)
    first = as_written(army_academies(retouched(first, text), text), text)  # 陆军军医大学 (round 21)
    stats = _statistical(text, layers)
    if not first:
        return resolve(stats)
    # statistical spans fill the gaps the rules leave; they never override a rule's span
    return _more(first, [c for c in resolve(stats) if not _overlaps(c, first)])


def _international(first: list[Candidate], known: list[Candidate]) -> list[Candidate]:
    """A government-like suffix after an international body is that body's organ, kind other
    like it (联合国教科文组织执行局, 联合国人道主义事务协调厅, 非洲联盟委员会)."""
    intl = {c.start for c in known if c.kind == "other" and c.level is None and c.region is None}
    if not intl:
        return first
    return [c.with_(kind="other", level=None) if c.kind == "government" and c.start in intl
            and c.rule.startswith("pattern.anchored") else c for c in first]


def _more(first: list[Candidate], added: list[Candidate]) -> list[Candidate]:
    """resolve(first + added) for `first` a resolved list: resolve keeps a resolved list as
    it is (nothing overlaps, in document order), so with nothing added it is `first`."""
    return resolve(first + added) if added else first


def _statistical(text: str, layers: tuple) -> list[Candidate]:
    if "jieba_nt" not in layers and "model" not in layers:
        return []
    from . import statistical

    out: list[Candidate] = []
    if "jieba_nt" in layers:
        out += statistical.jieba_nt_candidates(text)
    if "model" in layers:
        out += statistical.model_candidates(text)
    return out


def _overlaps(c: Candidate, taken: list[Candidate]) -> bool:
    return any(c.start < t.end and t.start < c.end for t in taken)


def extract_institutions(text: str, ref=None, layers: Optional[Iterable[str]] = None) -> list[Mention]:
    """Institution mentions in `text`, in document order. `ref` (publication date) gives
    the name a body renamed in place had then (renamed.py); nothing else depends on it."""
    found = candidates(text, DEFAULT_LAYERS if layers is None else layers)
    return [c.mention(text) for c in as_named_then(text, found, ref)]
