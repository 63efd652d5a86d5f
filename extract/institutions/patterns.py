"""Layer 2, the open world: a name that ends in an institution suffix (…人民医院,
…有限公司, …疾病预防控制中心) and starts at an anchor: a region (周口市第六人民医院), a known
institution (复旦大学附属肿瘤医院) or a name found just before (XX大学 + 附属…医院). Suffixes
marked `open` also accept an anchor-less name when it is not a generic category
(试点医院, 保险公司). The name runs left from the suffix over name characters only, so
a department after it (…医院介入科) and a verb before it (转入…) stay outside."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from ..prebuilt import cached
from . import appositive, foreign, intl, lexicon, wordlists
from .boundaries import cut_at, straddled
from .flags import marked, reach_of
from .references import region_prefix
from .candidates import Candidate
from .gazetteer import NOT_IMPLIED_BEFORE, RegionContext, RegionHit, context_names, pick
from .lexicon import Region
from .naming import NUMERAL_HEADS, canonical_name, county_full, numeral_county
from .name_words import (_after_clause, _clause_gap, _descriptive, _named_first, _nouns, _place_head, _split_head, _split_name,
                         generic_inside)
from .positions import _BRACKETED, BRACKET_REACH, _bracketed_region, _inner_positions, _region_positions
from .postag import inside_noun, no_verb, pos_first_ok, pos_ok, tag
from .walk_stops import article_before, conjoined

MAX_NAME = 24
# an anchor-less name's own part is short (康美药业, 格里芬健康研究所); a longer run before the
# suffix is a clause (记者多次联系康美药业, 中药饮片供应商康美药业)
OPEN_PREFIX = 9
_YEAR = re.compile(r"[0-9]+年度?")
REMIT_PREFIX = 14  # a remit's words before a committee's suffix (patterns.yaml `remit`, round 21)
SHORT_SUFFIX_MIDDLE = 12
IMPLIED_GAP = 10  # 市第六人民医院, 省第二人民医院: the name after an implied 省/市/县/区 is short  # 普陀区民防局: at most this many characters between region and 局
# a region alone before these suffixes is not a name (上海公司, 上海局); before others it
# is (上海大学, 辽宁省博物馆)
REGION_CATEGORIES = frozenset({"部委"})  # a region + these is a sort of bodies there (北京部委)
BARE_BAD = {"公司", "分公司", "集团", "联盟", "局", "厅", "委", "办公室", "委员会", "管理委员会", "保险公司",
            "有限公司", "股份有限公司", "有限责任公司", "制药", "药业", "法院", "检察院"}
# known institutions a longer name can start with (复旦大学 + 附属肿瘤医院); the others
# (国家医保局, 新华社) end a name: the text before them is not part of what follows
def _titles() -> tuple:
    """Titles the segmenter joins to a word-ending suffix (大学教授): the suffix ends the name."""
    return tuple(lexicon.patterns().get("word_end_titles", ()))


@cached("institutions.patterns.offices")
def _offices() -> tuple:
    """Offices a body's head holds (会长, 主席): the segmenter may join one to the suffix (协会会长)."""
    return tuple(lexicon.patterns().get("office_titles", ()))


STAFFED = ("公司", "集团")  # …有限公司员工, …集团董事长: no title word holds these, the company is named
ANCHOR_KINDS = {"university", "hospital", "company", "insurer", "other", "association"}
# a short school's or society's name before a name of its own takes its full name there
# (中科院空天信息创新研究院 -> 中国科学院…); a company's does not (上海医药分销公司 is named so)
CANON_KINDS = {"university", "association"}


class Anchor(NamedTuple):  # a named tuple: ~1,400 made a pass, a frozen dataclass's init was ~3x slower
    start: int
    end: int
    region: Optional[Region] = None
    region_name: Optional[str] = None
    level: Optional[str] = None
    county_short: bool = False
    named: bool = False  # a name found before (复旦大学, …集团), not a region or 中国/国家
    canon: Optional[str] = None  # a school's or society's full name where written short (中科院)
    country: Optional[str] = None  # a foreign country's name (日本 + 顺天堂大学): its short name


@cached("institutions.pattern_tables")
def _tables():
    pat = lexicon.patterns()
    heads = tuple(sorted(pat["generic_heads"], key=len, reverse=True))
    inner = re.compile("|".join([re.escape(h) for h in pat["generic_inside"]] + pat["generic_inside_patterns"]))
    return (None, frozenset(pat["stop_chars"]), heads, inner,
            frozenset(pat["generic_phrases"]), pat["kind_by_infix"],
            frozenset(pat["party_before"]), frozenset(pat["not_after_suffix"]))


@cached("institutions.patterns.stop_held_words")
def _stop_held() -> tuple[str, ...]:
    return tuple(lexicon.patterns().get("stop_held_words", ()))


def _held_word(text: str, p: int) -> bool:
    """The stop character at `p` inside one of stop_held_words (经营: round 20)."""
    ch = text[p]
    for w in _stop_held():
        k = w.find(ch)  # the stop character's place in the word
        if 0 <= k <= p and text.startswith(w, p - k):
            return True
    return False


def _suffix_hits(text: str):
    """The longest suffix ending at each position, in order of end: the first hit at each
    end (word-list hits come by end, the longest first at one end)."""
    out, last = [], -1
    for hit in wordlists.hits(text, "suffixes"):
        if hit[1] != last:
            out.append(hit)
            last = hit[1]
    return out


def _anchors(text: str, hits: list[RegionHit], known: list[Candidate], suffixes: list):
    """Anchors by end, and the ends of known names that bar a name's walk. A region's or a
    head's anchor is made only where a walk may read it: an end within MAX_NAME characters
    before a suffix, or BRACKET_REACH more (a bracketed region ends a walk up to that much
    further, and _anchored reads the ends after where it stopped): `reach`; half the hits of
    the throughput benchmark are not."""
    ctx = context_names(hits)
    reach = reach_of(len(text), [s for s, _, _ in suffixes], MAX_NAME + BRACKET_REACH)
    anchors: dict[int, list[Anchor]] = {}
    new = tuple.__new__  # an Anchor with all its fields given: Anchor's own __new__ is a Python function
    for h in hits:
        if not reach[h.end]:
            continue
        if h.regions[0].name[-1] in "省市区县" and not h.short and text[h.end:h.end + 1] in ("内", "外"):
            continue  # 海南省内商业保险公司: within the province, not a name
        if h.short and text[h.end:h.end + 1] in ("省", "市"):
            continue  # 海南 of 海南省: the full name's hit anchors it
        if h.short and h.start and not cut_at(text, h.start):
            continue  # 医保定点医院 holds 保定: a region only where a word starts
        r = pick(h.regions, ctx)
        anchors.setdefault(h.end, []).append(new(Anchor, (h.start, h.end, r, r.display, r.level, False, False, None,
                                                          None)))
    for s, e, r in wordlists.hits(text, "county_shorts"):
        if reach[e]:
            anchors.setdefault(e, []).append(new(Anchor, (s, e, r, r.display, r.level, True, False, None, None)))
    for s, e in wordlists.first_matches(text, "national_heads", _national_heads(), _not_rank(text)):
        if reach[e]:
            anchors.setdefault(e, []).append(new(Anchor, (s, e, None, None, "national", False, False, None, None)))
            # 国家级爱婴医院: a rank, a category
    regions = None  # the region hits' spans, made at the first country's name in reach (12 texts of 95 have one)
    not_countries = foreign.not_anchors()
    for s, e, head in wordlists.country_hits(text):
        if not reach[e]:
            continue
        if regions is None:
            regions = {(h.start, h.end) for h in hits}
        if (s, e) not in regions and head not in not_countries and (not s or cut_at(text, s)):
            country = foreign.country_of(head)  # 日本顺天堂大学, 美国联邦储备委员会: a foreign body
            anchors.setdefault(e, []).append(new(Anchor, (s, e, None, country, None, False, False, None, country)))
    barriers = set()
    for c in known:
        if c.kind in ANCHOR_KINDS:
            canon = c.name if c.kind in CANON_KINDS and c.name != text[c.start:c.end] else None
            anchors.setdefault(c.end, []).append(new(Anchor, (c.start, c.end, None, c.region, c.level, False, True,
                                                              canon, None)))
        else:
            barriers.add(c.end)
    return anchors, barriers


@cached("institutions.patterns.national_heads")
def _national_heads() -> dict[str, int]:
    """National heads (中国, 全国, 国家) -> their order: the matches of
    (?:中国|中华|全国|国家)(?!级), from the word lists' scan."""
    return {w: k for k, w in enumerate(dict.fromkeys(lexicon.patterns()["national_heads"]))}


def _not_rank(text: str):
    return lambda e: text[e:e + 1] != "级"


def pattern_candidates(text: str, hits: list[RegionHit], known: list[Candidate]) -> list[Candidate]:
    """Open-world names; `known` (gazetteer candidates) are anchors or barriers."""
    stop, generic, infixes = _tables()[1], _tables()[4], _tables()[5]
    platforms = tuple(lexicon.patterns()["platform_endings"]) + tuple(lexicon.patterns()["word_endings"])
    suffixes = _suffix_hits(text)
    anchors, barriers = _anchors(text, hits, known, suffixes)
    ends = bytearray(len(text) + 1)  # 1 where an anchor ends: _anchored looks between i and s only where one does
    for k in anchors:
        ends[k] = 1
    implied = RegionContext(hits)
    covered = bytearray(len(text) + 1)
    for c in known:  # a suffix inside a known name (国家税务总局's 局) starts nothing new
        covered[c.start + 1:c.end + 1] = b"\1" * (c.end - c.start)
    breaks = _breaks(stop)  # a one-character pattern, tried only where a name's walk reaches
    no_break = None  # positions where a stop character is no break, made where a walk first meets one
    out: list[Candidate] = []
    party, not_after = _tables()[6], _tables()[7]
    company_ends = None  # the ends of known companies, made where a suffix asks (not_after_known)
    suffix_ends = frozenset(x[1] for x in suffixes)
    item_tests = _ITEM_TESTS
    for s, e, item in suffixes:
        if covered[e]:
            continue
        lo = s - MAX_NAME if s > MAX_NAME else 0
        tests = item_tests.get(id(item))
        if tests is None or tests[0] is not item:
            tests = item_tests[id(item)] = _item_tests(item)
        _, closed, one, staffed, not_before, word_end, not_after_char, before_only, intl_only, bare_not = tests
        if closed and ends.find(1, max(0, lo - BRACKET_REACH), s + 1) < 0:
            continue  # no anchor the walk could meet (a bracket may take it BRACKET_REACH past lo),
            # no 市/省 it may take (_implied), no name without one (_open): no candidate
        after = text[e:e + 1]
        if (one and s and text[s - 1] in party) or (after in not_after and not staffed):
            continue  # 医院党委, 纪委; 局长, 委员: a party organ or an office-holder (公司员工: its staff)
        if one and after and not cut_at(text, e):
            continue  # 齐鲁医院委托, 亚运会组委会: a one-character suffix must end a word
        if after and after in not_before:
            continue  # 医生学会了: 学会 the verb
        if word_end and after and not cut_at(text, e) and not text.startswith(_titles(), e):
            continue  # 全国大学生: a student (上海师范大学生物系 keeps its 大学; 昆士兰|大学教授 its professor)
        if s and not_after_char and text[s - 1] in not_after_char and not _place_end(text, s, item):
            continue  # 医药业: an industry, not a company; 过程中制药: a locative (蜀中制药: a place's name)
        if before_only and after and after not in before_only:
            continue  # 盆底生物刺激, 种业科技国际合作: a field, not a firm's short name
        i = s  # the walk: i > lo is i > 0 and s - i < MAX_NAME
        while i > lo and i not in barriers:
            at = anchors.get(i)
            if at:
                full = [a.start for a in at if not a.county_short and s - a.start <= MAX_NAME]
                if full:
                    i = min(full)
                    continue
            if text[i - 1] in "）)":
                j = _bracketed_region(text, i)
                if j is not None:
                    i = j  # 中源信诚（北京）建筑装饰有限公司: a region in brackets inside the name
                    continue
            ch = text[i - 1]  # an ideograph that is no stop character never breaks: no regex call for it
            if ch < "\u4e00" or ch > "\u9fff" or ch in stop:
                if no_break is None:
                    no_break = _inner_positions(text) | _region_positions(text)
                if (i - 1 not in no_break and breaks.match(text, i - 1)
                        and (ch not in stop or not (inside_noun(text, i - 1) or _held_word(text, i - 1)))
                        and not _trade_name_stop(text, i - 1, item, anchors, stop)
                        and not conjoined(text, i - 1, s, anchors, stop, suffix_ends)):
                    break  # a stop character inside a noun (行为, 马家堡) does not end the name
            i -= 1
        cand = None if intl_only else _anchored(text, i, s, e, item, anchors, ends)
        if closed and cand is not None and item.get("country_only") and cand.rule != "pattern.foreign":
            continue  # 司令部: a country's command only (美国欧洲司令部; 美军中央司令部 is no 中央's, round 21)
        if cand is None and text[i - 1:i] in SEPARATOR_ENDS:
            cand = appositive.after_separator(text, i, s, e, item, anchors)  # 日本…调查机构——东京商工调查公司
        if cand is None and not closed:  # (a closed suffix: _implied and _numbered_bare take the implied
            # kinds only, _open only an open suffix: all three would give None)
            cand = (_implied(text, i, s, e, item, implied) or _numbered_bare(text, i, e, item, implied)
                    or _open(text, i, s, e, item))
        if cand is not None and cand.rule in appositive.RULES:
            cand = appositive.trimmed(text, cand, s)  # 中国空调企业奥克斯集团: the name after its head
        if cand is None or text[cand.start:cand.end] in generic or cand.name.endswith(platforms):
            continue
        if bare_not and text[cand.start:s] in bare_not:
            continue  # 中国制药, 世界制药: an industry, not a firm
        if article_before(text, cand.start, s):
            continue  # 魏公村一中医诊所: a clinic in a place, no name
        if text.startswith(COUNTED_AFTER, cand.end):
            continue  # 湖南社区居家养老服务中心数量超过8500个: a sort counted, no body (round 21)
        if one and text[s - 1] in NUMERAL_HEADS and _counted_after_verb(text, cand.start, s):
            continue  # 中国女排直落三局: three sets won, no bureau (round 21; 中建三局 keeps its name)
        if text[cand.end:cand.end + 1] == "号" and not text.startswith(NOT_CRAFT, cand.end):
            continue  # 南通中学号卫星: a craft named after the body, no mention of it (round 21)
        if item.get("not_after_known"):
            if company_ends is None:
                company_ends = {c.end for c in known if c.kind == "company"}
            if s in company_ends:
                continue  # 天相顾投 + 证券分析师: the known company ends the name
        if cand.kind == "company":
            kind = next((x["kind"] for x in infixes if x["infix"] in cand.name), "company")
            cand = cand.with_(kind=kind)
        if item.get("infix_kinds"):
            kind = next((x["kind"] for x in item["infix_kinds"] if x["infix"] in cand.name), cand.kind)
            cand = cand.with_(kind=kind)
        out.append(cand)
        anchors.setdefault(e, []).append(Anchor(cand.start, e, None, cand.region, cand.level, named=True))
        ends[e] = 1
    return out


# round 32: what the loop's first tests read of a suffix's entry (word list `suffixes`), read once per
# entry instead of ~10 dict look-ups and slices per hit (~1,350 hits a pass); keyed by the entry's
# id, the entry itself kept first (the word lists keep their entries for the life of the process)
_ITEM_TESTS: dict[int, tuple] = {}


def _counted_after_verb(text: str, start: int, s: int) -> bool:
    """Whether the numeral before a one-character suffix at `s` follows a verb (直落三局, 连胜两局):
    a count of games or rounds, no body's name."""
    words = tag(text[start:s - 1])
    return bool(words) and words[-1][1] == "v"


def _item_tests(item: dict) -> tuple:
    """(item, closed: no 市/省 nor open name without an anchor, one-character suffix, a staffed
    body's suffix, not_before, word_end, not_after_char, before_only, intl_only, bare_not)."""
    suffix = item["suffix"]
    return (item, item["kind"] not in IMPLIED_KINDS and not item.get("open"), len(suffix) == 1,
            suffix.endswith(STAFFED), item.get("not_before", ""), bool(item.get("word_end")),
            item.get("not_after_char", ""), item.get("before_only"), item.get("intl_only"), item.get("bare_not", ()))


def _place_end(text: str, s: int, item: dict) -> bool:
    """Whether the character before `s`, one of the item's `place_end_chars`, ends a place's
    name the segmenter tags ns (蜀中, 江中, 华中 before 制药), not a locative (实践中, 过程中)."""
    if text[s - 1] not in item.get("place_end_chars", ""):
        return False
    words = tag(text[max(0, s - 4):s])
    return bool(words) and len(words[-1][0]) > 1 and words[-1][1] == "ns"


@lru_cache(maxsize=2)
def _breaks(stop: frozenset) -> "re.Pattern":
    """Characters a name cannot hold: not a Chinese character, digit or letter, nor a middle
    dot between two Chinese characters (卡内基·梅隆大学), or a stop char."""
    dot = "(?<=[\u4e00-\u9fff])[·•](?=[\u4e00-\u9fff])"
    return re.compile(f"(?!{dot})[^\u4e00-\u9fff0-9A-Za-z]|[" + re.escape("".join(sorted(stop))) + "]")


_AFFILIATED = re.compile(r"(?:大学|学院|医学院)附属")


def _by_start(a: Anchor) -> tuple:
    return a.start, -a.end


def _anchored(text, i, s, e, item, anchors, ends) -> Optional[Candidate]:
    """The name from the anchors that end in (i, s] (`ends`: 1 where one does)."""
    inside = []  # a loop and a sort only where two or more: ~440 calls a pass, most with one or none
    for end in marked(ends, i + 1, s + 1):
        for a in anchors[end]:
            if (a.start >= i and (not a.county_short or (end == s and item.get("county_short")))
                    and not (a.start and text[a.start - 1] in "（(" and text[a.end:a.end + 1] in "）)")):
                inside.append(a)  # 康美（亳州）世纪国药: the region in brackets is inside the name
    if len(inside) > 1:
        inside.sort(key=_by_start)
    if inside and inside[0].country is not None:
        cand = foreign.named_after(text, inside[0], s, e, item)
        if cand is not None:
            return cand
    inside = [a for a in inside if a.country is None]  # else as if no country were named
    m = _AFFILIATED.search(text, i, s) if item["kind"] == "hospital" and text.find("附属", i, s) >= 0 else None
    if m and m.start() - i >= 2:  # 南方医学院附属佛山第二医院: the school names the hospital
        head = inside[0].start if inside and inside[0].start < m.start() else i
        if head < m.start() - 1 and (head != i or no_verb(text[i:m.start()])):
            return Candidate(head, e, text[head:e], item["kind"], None, None, "pattern.affiliated", 0.75)
    if not inside:
        return None
    best = inside[0]
    for a in inside[1:]:  # 海南可选择海南省人民医院: a verb between two anchors ends the first
        if a.start > best.end and (not no_verb(text[best.end:a.start]) or generic_inside(text[best.end:a.start])
                                   or (a.region_name and a.region_name == best.region_name)):
            best = a  # …市属国企乌鲁木齐…: a category word, or the same region named again
    gap = text[best.end:s]
    if best.named and item["kind"] == "hospital" and gap + item["suffix"] in _hospital_roles():
        return None  # 四川大学华西医院网络医院: a role held for the named hospital (round 18)
    if gap and generic_inside(_TOWN_LEVEL.sub("", gap)):
        return None  # 阿里地区人民医院成功建成三甲医院: a category word, not a name
        # (那桐镇乡镇中心卫生院: 乡镇 right after a town's name is the name's, not a category)
    if best.end == s and item["suffix"] in BARE_BAD and not best.named:
        return None  # 上海公司, 国家局; but …教育集团 + 有限公司 is one name
    if gap + item["suffix"] in REGION_CATEGORIES and not best.named:
        return None  # 北京部委所属医院: the ministries based there, no body (round 21)
    if len(item["suffix"]) == 1 and s - best.end > SHORT_SUFFIX_MIDDLE:
        return None
    if s - best.end < item.get("min_gap", 0):
        return None  # 上海市中心 is a place
    if (gap and item.get("gap_pos") and not (pos_first_ok(gap) or tag(gap)[0][1] == "an")
            and not _field_across(text, best, item) and not _split_head(gap)):
        return None  # 洛阳一胸痛中心: one such centre, not a name (卫生, a noun tagged adjectival, names a field:
        # 上海市卫生发展研究中心, round 18; a split two-character word names one: 长春算力中心, round 22)
    if gap and item.get("gap_strict") and not pos_ok(gap):
        return None  # 湖北省肿瘤医院共建肿瘤专科联盟: a verb between the name and the suffix
    if gap and _clause_gap(gap):
        return None  # 深圳海王合作成立合资公司, 广东加快方舱医院: a clause after the region
    if any(w in text[best.start:e] for w in item.get("not_inside", ())) and not _field_inside(text[best.start:e], item):
        return None  # …医院普外科肝胆外科中心: a department
    if best.level == "national" and best.region is None and not best.named and _national_category(text, best, s, e):
        return None  # 全国医院, 6个全国医药行业协会, 全国性行业协会: a category, not one body
    brand = _brand_before(text, i, best, item)  # 华润山东医药有限公司: the brand before the region
    name = canonical_name(text, best, s, e, item)
    if item["kind"] == "government" and name.startswith("中国国家"):
        name = name[2:]  # 中国国家电影局: the national body's own name opens with 国家, 中国 before it
        # a descriptor (the span keeps it, as the gold does); not a company's (中国国家铁路集团有限公司; round 21)
    return Candidate(best.start - len(brand), e, brand + name, item["kind"], best.level,
                     best.region_name, "pattern.anchored", 0.8)


def _field_inside(name: str, item: dict) -> bool:
    """The words of `not_inside` in `name` all read as a field of study (inside_field: 医院管理 in
    香港艾力彼医院管理研究中心, round 20), not as the body a department belongs to."""
    fields = item.get("inside_field")
    if not fields:
        return False
    for f in fields:
        name = name.replace(f, "")
    return not any(w in name for w in item.get("not_inside", ()))


def _field_across(text: str, best: Anchor, item: dict) -> bool:
    """A field word of `inside_field` across the end of a named anchor (香港艾力彼医院|管理研究中心:
    the hospital read before is the field's head, round 20)."""
    return best.named and any(text.startswith(f, p) for f in item.get("inside_field", ())
                              for p in range(max(best.start, best.end - len(f) + 1), best.end))


ROLE_PARENTS = ("医院", "大学", "学院", "学校")  # bodies a hospital holds a role for (hospital_roles)


@cached("institutions.patterns.hospital_roles")
def _hospital_roles() -> frozenset:
    return frozenset(lexicon.patterns().get("hospital_roles", ()))


_TOWN_LEVEL = re.compile(r"(?<=[\u4e00-\u9fff][镇乡])乡镇$")
_TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}?[镇乡]")


@lru_cache(maxsize=1024)
def _town_name(town: str) -> bool:
    """A town's name led by a stop character (那|桐|镇): the character no particle, preposition
    or conjunction, and 镇/乡 a word of its own (的|小镇, 在|小镇 are a small town)."""
    words = tag(town)
    return not words[0][1].startswith(("u", "p", "c", "d")) and words[-1][0] == town[-1]
REGISTERED = ("有限公司", "股份有限公司", "有限责任公司")
TRADE_NAME_REACH = 2  # characters of a trade name between a region and a stop character in it


def _trade_name_stop(text: str, p: int, item: dict, anchors: dict, stop: frozenset) -> bool:
    """A stop character the trade name of a registered company holds (山东齐都药业有限公司: 都),
    one of `trade_name_stops`, one or two name characters after a region's name; or the first
    character of a town's name right after a region's before a township hospital (南宁市那桐镇
    乡镇中心卫生院: 那)."""
    if item["suffix"].endswith(TOWNSHIP_HOSPITAL):  # 南宁市那桐镇…卫生院: a town's name after a city's
        m = _TOWN.match(text, p)
        return (m is not None and any(a.region is not None for a in anchors.get(p, ()))
                and _town_name(m.group()))
    if item["suffix"] not in REGISTERED or text[p] not in lexicon.patterns().get("trade_name_stops", ""):
        return False
    for k in range(1, TRADE_NAME_REACH + 1):
        gap = text[p - k:p]
        if p - k < 0 or any(c in stop or not "\u4e00" <= c <= "\u9fff" for c in gap):
            return False
        if any(a.region is not None and not a.named for a in anchors.get(p - k, ())):
            return True
    return False


SEPARATOR_ENDS = frozenset(x[-1] for x in appositive.SEPARATORS)


def _brand_before(text: str, i: int, best: Anchor, item: dict) -> str:
    """A brand written before the region of a company's registered name (华润|山东医药有限公司):
    the walk's whole run before the region is one proper noun of two to four characters (the
    segmenter's nz); else ""."""
    if best.named or best.region is None or i >= best.start or item["suffix"] not in REGISTERED:
        return ""
    run = text[i:best.start]
    words = tag(run) if 2 <= len(run) <= 4 else ()
    return run if len(words) == 1 and words[0][1] == "nz" else ""


# a count before a name led by 中国/全国/国家 makes it a category or a designation held by many
# (46个国家中医药传承创新中心, 158家国家乡村振兴重点帮扶县人民医院, 多个国家医院)
COUNTED_AFTER = ("数量", "总数", "总量")  # a name's own count after it makes it a sort (round 21)
NOT_CRAFT = ("号召", "号称", "号令")  # 号 in a verb after a name: 市医院号召职工 (the body acts)
_COUNT_BEFORE = re.compile(r"(?:[0-9０-９]+|[一二三四五六七八九十两几多数百千万]+)[个家所批座类]$")
_NATIONAL_CATEGORY_HEADS = ("县", "区域", "现代化")
_RANKS = ("全国性", "中国式")  # 全国性行业协会, 中国式现代化医院 (中国性学会 is a society)


def _national_category(text: str, head: Anchor, s: int, e: int) -> bool:
    rest = text[head.end:e]
    return (rest in _tables()[4] or rest.startswith(_NATIONAL_CATEGORY_HEADS)
            or text.startswith(_RANKS, head.start)
            or (text[head.start:head.end] == "全国" and s - head.end <= 1)  # 全国医院, 全国博物馆: all of them
            or _COUNT_BEFORE.search(text, max(0, head.start - 6), head.start) is not None)


IMPLIED_KINDS = ("hospital", "public_health")   # the suffixes _implied (and _AFFILIATED) take


def _implied(text, i, s, e, item, implied: RegionContext) -> Optional[Candidate]:
    """市第六人民医院 / 市中心医院 as a kicker: the city the article last named; 省第二人民医院:
    its province."""
    if i >= s - 1 or text[i] not in "省市县区" or item["kind"] not in IMPLIED_KINDS:
        return None
    if text[i + 1] in NOT_IMPLIED_BEFORE:
        return None
    gap = text[i + 1:s]
    if len(gap) > IMPLIED_GAP or (gap and (generic_inside(gap) or not no_verb(gap))):
        return None  # 省里允许乡镇卫生院: a clause, not the province's hospital
    tier = {"省": "provincial", "市": "municipal", "县": "county", "区": "district"}[text[i]]
    r = implied.resolve(i, tier)
    if r is None:
        return Candidate(i, e, text[i:e], item["kind"], tier, None, "pattern.implied", 0.45)
    return Candidate(i, e, r.name + text[i + 1:e], item["kind"], r.level, r.display, "pattern.implied", 0.6)


# a city's numbered hospital written bare (第三中心医院, 第一人民医院): the article's city's
_NUMBERED_BARE = re.compile(r"第[一二三四五六七八九十]{1,3}(?:人民|中心|中医)?医院")


def _numbered_bare(text, i, e, item, implied: RegionContext) -> Optional[Candidate]:
    """第三中心医院 in a Tianjin story: the numbered hospital of the city the article names
    (guide v2: a short form whose region is clear from the article gets it; round 9). Only
    where the walk stopped at a break (《第三中心医院, 。第一人民医院), never inside a longer name
    (…附属第一医院)."""
    if item["kind"] != "hospital" or text[i:i + 1] != "第" or not _NUMBERED_BARE.fullmatch(text, i, e):
        return None
    if i and not ("\u4e00" > text[i - 1] or text[i - 1] > "\u9fff"):
        return None  # 为第一医院, 附属第一医院: a character before it is another word's or the name's
    r = implied.resolve(i, "municipal")
    if r is None:
        return None
    return Candidate(i, e, r.name + text[i:e], item["kind"], r.level, r.display, "pattern.numbered_bare", 0.5)


def _open(text, i, s, e, item) -> Optional[Candidate]:
    """An open (anchor-less) name from i to the suffix; where the words the walk took fail (a
    count, a season, a date: 入选第二批国际X联合会, 2024—2025赛季国际X联合会), an international
    head inside them (patterns.yaml international_heads) at a word's start begins the name, for
    the suffixes marked intl_open (国际传播研究院 of 新时代国际传播研究院 would be a wrong cut).
    Those suffixes are open only after such a head (教师联合会 is a category, no body)."""
    if item.get("intl_open") and not any(h in text[i:s] for h in intl.heads()):
        return None  # no international head the name could start with: none of _open_at's work
    found = _open_at(text, i, s, e, item)
    if found is not None or not item.get("intl_open"):
        return found
    k = max((text.rfind(h, i + 1, s) for h in intl.heads()), default=-1)
    return _open_at(text, k, s, e, item) if k > i and cut_at(text, k) else None


def _open_at(text, i, s, e, item) -> Optional[Candidate]:
    if not item.get("open"):
        return None
    if e < len(text) and not cut_at(text, e) and not text.startswith(_offices(), e):
        return None  # 社会保险基金会计制度: the suffix is part of a longer word (协会|会长: an office ends it)
    _, _, starts, inner, *_ = _tables()
    if item["kind"] == "hospital" and i and text[i - 1] in QUOTES and text[e:e + 1] in QUOTES:
        return None  # 打造“平民医院”, 曾经的“窑洞医院”: a concept in quotes, not a hospital's name
    i = _after_clause(text, i, s)  # 中药巨头修正药业, 记者多次联系康美药业: the name follows
    if item.get("remit"):
        i = max(i, max((m.end() for m in _YEAR.finditer(text, i, s)), default=i))  # 2024年至2028年保护…: a term before it
    if text.startswith(("中国", "全国", "国家"), i) and _COUNT_BEFORE.search(text, max(0, i - 6), i):
        return None  # 世界多个国家医院: a count of countries' hospitals, not one
    prefix = text[i:s]
    bracketed = "（" in prefix or "(" in prefix
    if bracketed:
        prefix = _BRACKETED.sub("", prefix)  # 中源信诚（北京）建筑装饰: the region in brackets aside
    if item["kind"] == "hospital" and prefix[:-2].endswith(ROLE_PARENTS) and prefix[-2:] + item["suffix"] in _hospital_roles():
        return None  # 北京协和医院协作医院, 南方医科大学教学医院: a role held for the body before it (round 18)
    if item.get("intl_open") and not prefix.startswith(intl.heads()):
        return None  # 教师联合会, 妇女联合会: a category; 国际X联合会 a body
    if item.get("intl_category") and _COUNT_BEFORE.search(text, max(0, i - 6), i):
        return None  # 一家国际医药公司: one of a sort, no name (round 18)
    if item.get("intl_category") and len(prefix) - max((len(h) for h in intl.heads() if prefix.startswith(h)), default=0) < 3:
        return None  # 国际医药公司, 国际医械公司: a head and a trade's two characters are a sort (欧洲直升机公司 a firm)
    if (item.get("intl_only") or item.get("intl_category")) and intl.is_category(prefix):
        return None  # 国际组织, 国际非政府组织: a category of bodies, no body (round 14)
    split = _split_name(prefix)  # 大|涧学校, 八|冶职工医院: a two-character name the segmenter split
    remit = item.get("remit")  # 保护非物质文化遗产政府间委员会: a committee named by its remit (round 21)
    if (len(prefix) < 2 or len(prefix) > (REMIT_PREFIX if remit else OPEN_PREFIX) or _DIGIT.search(prefix)
            or (not split and prefix.startswith(starts) and not prefix.startswith(intl.heads())
                and not numeral_county(prefix))
            or inner.search(prefix)):  # 非洲…联合会: 非 heads categories (非营利), 非洲 a continent's body
        return None
    rest = prefix[_place_head(prefix):] or prefix  # 开化村头: a county's name first, then the name's words
    if (not pos_ok(rest) and not (remit and tag(rest)[-1][1][:1] in "nl") and not (split and _nouns(prefix[2:])) and not _named_first(rest)
            and not (rest == prefix and _split_head(prefix) and _walk_stopped(text, i))
            and not (bracketed and item["suffix"] in REGISTERED and foreign._firm_words_ok(rest))) or (_descriptive(prefix) and not remit):
        return None  # a registered name with its region in brackets may end in a business verb (杜塞尔多夫展览(中国)有限公司)
    name = text[i:e]
    if item["suffix"].endswith(TOWNSHIP_HOSPITAL) and rest != prefix and not region_prefix(prefix):
        county = county_full().get(prefix[:len(prefix) - len(rest)])
        if county is not None and county.endswith("县") and len(rest) >= 2:  # not 禹州光明医院: a private one
            name = county + name[len(prefix) - len(rest):]  # 开化村头卫生院 -> 开化县村头卫生院
    return Candidate(i, e, name, item["kind"], None, None, "pattern.open", 0.5)


def _walk_stopped(text: str, i: int) -> bool:
    """Whether an open name's start is a clear one: the text's start, a non-ideograph (a
    clause's start, a list's 、) or the attributive 的 before it (round 22: 附近的爱自然托育中心,
    …公顷的明州医院). Not after another stop character (在, 和: a clause's or a list's word,
    where the segmenter's split is more often a phrase's), nor inside a word (所谓|专科医院)."""
    if i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff":
        return True
    return text[i - 1] == ATTRIBUTIVE and not straddled(text, i - 1, i + 2)


ATTRIBUTIVE = "的"


TOWNSHIP_HOSPITAL = "卫生院"  # a township's public hospital: its county is part of its name


QUOTES = "“”\"「」『』"
_DIGIT = re.compile(r"[0-9]")
