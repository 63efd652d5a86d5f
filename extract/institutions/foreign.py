"""Foreign bodies written like Chinese national ones (外交部, 卫生部, 国务院, 国家统计局): a
foreign country's name before one makes it that country's (意大利国家统计局, 俄国防部 ->
俄罗斯国防部); the country is part of the text, the name is the country's, no level.

The country may be written
- by its short or official name, or its official name less 王国 (沙特阿拉伯外交部), or a
  territory's (加沙地带卫生部: foreign.yaml `territories`);
- by one character: the fixed abbreviations (俄, 美: COUNTRY_ABBR), or the first character of
  a country the article names in full (亚 after 亚美尼亚), before a body such countries have
  (foreign.yaml: 美国务院 is 美 + 国务院, 美国's);
- before a title held jointly, its government's qualifier or another of its bodies and a
  conjunction (`gaps`): 泰国副总理兼卫生部长 (the minister of Thailand's 卫生部),
  叙利亚过渡政府外交部, 黎巴嫩国家通讯社和卫生部.
After 各国/多国/两国 such a body is every country's (各国卫生部): no mention (`plural`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..prebuilt import cached
from . import lexicon
from .boundaries import cut_at
from .candidates import Candidate
from .positions import _BRACKETED
from .postag import tag

# one-character country abbreviations, before a foreign body only (俄国防部); 以/加/巴/土/印 are
# left out: 以国家统计局数据为准 holds a preposition (an article naming 以色列 still allows 以)
COUNTRY_ABBR = {"美": "美国", "俄": "俄罗斯", "英": "英国", "法": "法国", "德": "德国", "日": "日本", "韩": "韩国",
                "朝": "朝鲜", "乌": "乌克兰", "菲": "菲律宾", "越": "越南", "意": "意大利"}
# first characters never taken as an abbreviation from the article (中: 中国; 国/全: 国务院…)
NOT_ABBR = frozenset("中国全各我本")
GAP_REACH = 10  # characters a title or a government's qualifier may span before the body


@cached("institutions.foreign.countries")
def _countries() -> tuple:
    """(head -> country short, longest head, generic forms, country -> its specific forms,
    first character -> the heads it starts, the gap pattern (a title held jointly, a
    government's qualifier) ending at a body, the plural heads pattern)."""
    out: dict[str, str] = {}
    for short, full in lexicon.countries():
        for head in lexicon.country_heads(short, full):
            out.setdefault(head, short)
    table = lexicon._yaml("foreign.yaml")
    forms = frozenset(f for b in table["generic"] for f in b["forms"])
    specific: dict[str, set] = {}
    for b in table["specific"]:
        for c in b["countries"]:
            specific.setdefault(c, set()).update(b["forms"])
    firsts: dict[str, list] = {}
    for head in out:
        if len(head) >= 2 and head[0] not in NOT_ABBR and head[0] not in COUNTRY_ABBR:
            firsts.setdefault(head[0], []).append(head)
    gaps = table["gaps"]
    titles = "|".join(map(re.escape, sorted(gaps["titles"], key=len, reverse=True)))
    govs = "|".join(map(re.escape, sorted(gaps["governments"], key=len, reverse=True)))
    heads = re.escape(gaps["coordinated_ends"])
    gap = re.compile(rf"(?:(?P<title>(?:{titles})兼)|(?P<gov>{govs})|(?P<coord>[\u4e00-\u9fff]{{1,6}}[{heads}][和与及、]))$")
    plural = re.compile("(?:" + "|".join(map(re.escape, table["plural"])) + ")$")
    return (out, max(map(len, out)), forms, {k: frozenset(v) for k, v in specific.items()},
            {k: tuple(v) for k, v in firsts.items()}, gap, plural)


@cached("institutions.foreign.head_ends")
def _head_ends() -> frozenset:
    """The last characters of the country names of two characters or more."""
    return frozenset(h[-1] for h in _countries()[0] if len(h) >= 2)


def _head_before(text: str, pos: int, names: dict, longest: int) -> Optional[str]:
    """The longest country name ending at `pos` (none where no name's last character stands
    before it: most places, so the probe per length is skipped)."""
    if not pos or text[pos - 1] not in _head_ends():
        return None
    return next((text[pos - n:pos] for n in range(min(longest, pos), 1, -1) if text[pos - n:pos] in names), None)


def country_of(head: str) -> str:
    """The short name of the country whose name `head` is (美利坚合众国 -> 美国)."""
    return _countries()[0][head]


def is_country(head: str) -> bool:
    """Whether `head` is a country's name (country_of knows it)."""
    return head in _countries()[0]


@cached("institutions.foreign.head_firsts")
def _head_firsts() -> frozenset:
    """The first characters of the country names of two characters or more."""
    return frozenset(h[0] for h in _countries()[0] if len(h) >= 2)


def country_at(text: str, pos: int) -> bool:
    """Whether a country's name (two characters or more) starts at `pos`."""
    if text[pos:pos + 1] not in _head_firsts():
        return False  # (most places: no probe per length)
    names, longest = _countries()[0], _countries()[1]
    return any(text[pos:pos + n] in names for n in range(2, longest + 1))


def country_head(s: str) -> int:
    """Length of the longest foreign country's name `s` begins with (0: none; 中国 is none)."""
    names, longest = _countries()[0], _countries()[1]
    return next((n for n in range(min(longest, len(s)), 1, -1) if s[:n] in names and names[s[:n]] != "中国"), 0)


def foreign_prefixed(text: str, found: list[Candidate]) -> list[Candidate]:
    """Foreign readings of national-looking bodies (see the module's doc)."""
    names, longest, forms, specific, firsts, gap_rx, _ = _countries()
    out = []
    for c in found:
        if c.level != "national" or not c.start:
            continue
        surface = text[c.start:c.end]
        head = _head_before(text, c.start, names, longest)
        if head is not None:
            country, start = names[head], c.start - len(head)
        else:
            country, start = _abbreviated(text, c.start, surface, forms, specific, names, firsts), c.start - 1
            if country is None:
                country, start = _after_gap(text, c.start, surface, forms, specific, names, longest, gap_rx)
        if country is None:
            continue
        out.append(c.with_(start=start, name=lexicon.styled_prefix(country) + surface, level=None, region=country,
                           rule=c.rule + "+country", confidence=min(1.0, max(c.confidence, 0.9) + 0.01)))
        # (+0.01: over the national reading of the same span, 泰国副总理兼卫生部长's 卫生部)
    return out


def _has_form(country: str, surface: str, forms: frozenset, specific: dict) -> bool:
    return surface in forms or surface in specific.get(country, ())


def _abbreviated(text, pos, surface, forms, specific, names, firsts) -> Optional[str]:
    """The country a one-character abbreviation before `pos` stands for (俄国防部, 美国务院;
    亚国防部 in an article naming 亚美尼亚), or None. It must start a word (近日卫生部: 日 ends 近日)."""
    ch = text[pos - 1]
    country = COUNTRY_ABBR.get(ch)
    if country is None and ch in firsts:
        country = next((names[h] for h in firsts[ch] if h in text), None)
    if country is None or not _has_form(country, surface, forms, specific):
        return None
    return country if pos == 1 or cut_at(text, pos - 1) else None


def _after_gap(text, pos, surface, forms, specific, names, longest, gap_rx) -> tuple[Optional[str], int]:
    """(country, start) for a body after a country and a title held jointly (泰国副总理兼卫生部长:
    the body alone is the mention), a government's qualifier (叙利亚过渡政府外交部: the whole) or
    another of its bodies and a conjunction (黎巴嫩国家通讯社和卫生部: the body alone)."""
    lo = max(0, pos - GAP_REACH)
    if gap_rx.search(text, lo, pos) is None:
        return None, pos
    # the gap that starts right after a country's name (the leftmost match may hold its tail)
    m = head = None
    for k in range(lo, pos - 1):
        m = gap_rx.match(text, k, pos)
        head = _head_before(text, k, names, longest) if m is not None else None
        if head is not None:
            break
    if head is None:
        return None, pos
    country = names[head]
    if not _has_form(country, surface, forms, specific):
        return None, pos
    return country, (m.start() - len(head) if m.group("gov") else pos)


def plural_bodies(text: str, found: list[Candidate]) -> set[Candidate]:
    """National-looking bodies after 各国/多国/两国 (各国卫生部领导, 两国国家电视台): every
    country's, not one body's."""
    rx = _countries()[6]
    return {c for c in found if c.start and (c.level == "national" or c.rule.startswith("pattern"))
            and rx.search(text, max(0, c.start - 4), c.start) is not None}


# ---- open-world names after a country's name (patterns.py makes the country an anchor)

FOREIGN_GAP = 2  # 美国医院, 英国大学: a country's hospitals or schools, not one


@cached("institutions.foreign.not_anchors")
def not_anchors() -> frozenset:
    """Country names that are no country before a name (中非: China and Africa)."""
    return frozenset(lexicon.patterns()["foreign_not_anchors"])


@cached("institutions.foreign.generic_heads")
def _generic_heads() -> tuple:
    return tuple(sorted(lexicon.patterns()["foreign_generic_heads"], key=len, reverse=True))


def named_after(text: str, a, s: int, e: int, item: dict) -> Optional[Candidate]:
    """A body named after a foreign country's name `a` (an anchor: start, end, country) and
    ending in the suffix text[s:e] (日本顺天堂大学, 英国皇家护理学会): named so only where its own
    name (the gap) is name-like, not a category, a count or a clause (美国顶尖大学, 英国150所大学,
    美国一家医院, 英国护士罢工致部分医院). Region the country, no level."""
    from .name_words import _clause_gap, _descriptive, _split_head, generic_inside
    from .patterns import _DIGIT

    gap = text[a.end:s]
    registered = item["suffix"] in REGISTERED or gap.endswith("集团")  # 德国杜塞尔多夫展览集团公司
    if registered and ("(" in gap or "（" in gap):
        gap = _BRACKETED.sub("", gap)  # 德国卡特臭氧治疗仪(中国)医疗有限公司: the country's arm in brackets aside (round 18)
    if (len(gap) < FOREIGN_GAP or _DIGIT.search(gap) or gap.startswith(_generic_heads()) or _descriptive(gap)
            or _listed_body(gap)
            or generic_inside(gap) or _clause_gap(gap)
            or not (_words_ok(gap, registered) or (item["suffix"] == "公司" and _firm_words_ok(gap)) or _split_head(gap))):
        return None
    if registered:  # 澳洲治疗创新有限公司: a registered name is as written
        return Candidate(a.start, e, text[a.start:e], item["kind"], None, a.country, "pattern.foreign", 0.7)
    name = lexicon.styled_prefix(a.country, government=False) + gap + item.get("canonical", item["suffix"])
    return Candidate(a.start, e, name, item["kind"], None, a.country, "pattern.foreign", 0.7)


LIST_JOINERS = frozenset("和与及、")
BODY_LAST = tuple("府部厅局署")  # a government's or an office's last character


@lru_cache(maxsize=4096)
def _listed_body(gap: str) -> bool:
    """Whether a list joiner follows a whole body inside the gap (昆士兰州政府和明尼苏达州卫生厅:
    two bodies, no one name; round 22). A field's list stays (国家科学、工程和医学院)."""
    if not any(j in gap for j in LIST_JOINERS):
        return False
    words = tag(gap)
    return any(w in LIST_JOINERS and words[k - 1][0].endswith(BODY_LAST) for k, (w, _) in enumerate(words) if k)


@lru_cache(maxsize=4096)
def _firm_words_ok(gap: str) -> bool:
    """A foreign company's name before 公司 (round 11): a transliteration holds one-character
    verbs (丹麦康乐保公司: 康乐/保) and its business word may be tagged a verb (德国杜塞尔多夫展览
    公司: 展览); the first word as in _words_ok, no adverb, no other verb (美国政府起诉公司)."""
    from .aliases import TRADE
    from .postag import BAD_FIRST_POS

    words = tag(gap)
    return (not words[0][1].startswith(BAD_FIRST_POS)
            and not any(f == "d" or (f == "v" and len(w) > 1 and not (i == len(words) - 1 and w in TRADE))
                        for i, (w, f) in enumerate(words) if i))


# a company's registered name holds verbs of its business (治疗, 创新, 发展): after a country
# they are no clause before these suffixes (a clause's verbs are gap_verbs: 成立, 收购)
REGISTERED = ("有限公司", "股份有限公司", "有限责任公司")


@lru_cache(maxsize=4096)
def _words_ok(gap: str, registered: bool = False) -> bool:
    """No pronoun, preposition, adverb, number… first, and no verb or adverb after the first
    word (老挝总理共同出席…医院: a clause). The first word may be tagged a verb: transliterations
    are (美国强生公司). With `registered`, verbs of two characters or more may follow."""
    from .postag import BAD_FIRST_POS

    from .postag import NOMINAL_POS

    words = tag(gap)
    qualifiers = _qualifiers()  # 也门南方过渡委员会: 过渡 qualifies the body, no clause's verb
    return ((not words[0][1].startswith(tuple(p for p in BAD_FIRST_POS if p != "v"))
             or words[0][1] in NOMINAL_POS  # 孟加拉国卫生服务总局: 卫生 (an), a field (round 21)
             or words[0][0] in lexicon.patterns()["name_first_words"])  # 也门南方过渡委员会: 南方 (f)
            and not any(f == "d" or (f == "v" and not (registered and len(w) > 1) and w not in qualifiers)
                        for w, f in words[1:]))


@lru_cache(maxsize=1)
def _qualifiers() -> frozenset:
    """Words tagged verbs that qualify a foreign political body (foreign.yaml `qualifiers`) or
    name a body's field after a noun (`field_verbs`: 泰国疾病控制厅, 英国皇家急诊医学院; round 21)."""
    table = lexicon._yaml("foreign.yaml")
    return frozenset(table.get("qualifiers", ())) | frozenset(table.get("field_verbs", ()))
