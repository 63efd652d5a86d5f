"""Names an article shortens after the first full mention: 上海海每康智能医疗科技有限公司,
then 海每康. The short form is the full company name less its region and its trade and
legal-form words; later occurrences of it are mentions of the same company."""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from typing import Iterator

from ..prebuilt import cached
from . import lexicon
from .automata import chain, occurrences
from .boundaries import cut_at, is_word, needs_check
from .candidates import Candidate
from .references import region_prefix

TRADE = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "科技", "新技术", "技术", "智能", "医疗", "医药",
         "生物", "健康", "信息", "网络", "数字", "器械", "制药", "药业", "控股", "实业", "发展", "工程", "农业",
         # business words a registered name holds after its trade name (北京市富乐科技开发有限公司 -> 富乐公司,
         # 北京世博威国际展览有限公司 -> 世博威)
         "开发", "国际", "展览", "会展", "贸易", "商贸", "咨询", "仪器", "设备",
         "传媒")  # round 18: 新疆网景信息传媒有限公司 -> 网景公司, 新疆网景
MIN_SHORT = 2
# a group's short form ending so names the hospital, school or society it runs, not the group
NOT_COMPANY_ENDS = ("医院", "大学", "学院", "协会", "学会", "研究院", "研究所")
# after a short form: a brand (“康维”牌), its people (康维人), its site (康维医疗网), the place it
# is named after (九间棚地区, 九间棚村): not the company
# its trademark or its creed (翔宇商标, 翔宇宣言), an event named after it (世博威·医疗器械展,
# 世博威家用医疗保健展的客户; round 20: a scandal, 蜀中事件, 蜀中安全事件)
_NOT_COMPANY = re.compile(r"[”’\"']?[牌人网]|[\u4e00-\u9fff]{1,4}?网(?![络点格])|地区|[村镇乡县]|商标|宣言|·|(?:安全|质量|药品|疫苗)?事件"
                          r"|[\u4e00-\u9fff]{0,8}?(?:展|博览会)(?=[的，。、；）)\s]|$)")
_COMPANY = re.compile("公司|集团")


def not_company_after(text: str, e: int) -> bool:
    """Whether what follows a company's short form ending at `e` makes it a brand, its people,
    its site or a place (“康维”牌, 康维人, 康维医疗网, 九间棚地区)."""
    return _NOT_COMPANY.match(text, e) is not None
# a short form followed by more name and an institution's ending within a few characters is
# the start of another name (雅莎 + 生物医学美容国际集团, 岭南 + 职业技术学院)
_LONGER = re.compile(r"(?:(?![的于为在和与及是对向将把被])[\u4e00-\u9fff]){1,10}?(?:有限公司|股份公司|国际集团|集团|公司|学院|大学|医院|协会)")


@cached("institutions.aliases.product")
def _product() -> "re.Pattern":
    """A product's head (patterns.yaml `product_heads`), the longest first."""
    heads = "|".join(map(re.escape, sorted(lexicon.patterns()["product_heads"], key=len, reverse=True)))
    return re.compile(f"(?:{heads})")


_QUOTED_PRODUCT = re.compile(r"[\u4e00-\u9fff]{1,4}[”」』\"]")
_COMPANY_ENDS = ("公司", "集团", "有限公司", "股份", "总厂")  # 总厂: a factory, never a brand
PRODUCT_GAP = 4  # name characters between a short form and a product's head (罗氏|血糖|仪)
_NOT_IN_PRODUCT = set("的之在和与及是对向将把被等为已了着过目现均都也还又")  # 了着过: a verb ended (飞利浦展示了新设备); 目前/现/均/都…: an adverb, a clause (翔宇医疗目前产品已经…)


def brand_use(text: str, s: int, e: int) -> bool:
    """Whether the company's short form text[s:e] names a product or brand here: a product's
    name follows (白药牙膏, 圣多宝消毒机, 罗氏血糖仪: at most PRODUCT_GAP name characters, then
    a product's head ending a word), or it starts a longer word in quotes (“罗氏芬”)."""
    if text.endswith(_COMPANY_ENDS, s, e):
        return False
    if s and text[s - 1] in "“「『\"" and _QUOTED_PRODUCT.match(text, e):
        return True
    rx = _product()
    for n in range(PRODUCT_GAP + 1):
        if n and not ("\u4e00" <= text[e + n - 1:e + n] <= "\u9fff" and text[e + n - 1] not in _NOT_IN_PRODUCT):
            return False
        m = rx.match(text, e + n)
        if m is not None and cut_at(text, m.end()):
            return True
    return False


@cached("institutions.aliases.not_names")
def _not_names() -> frozenset:
    pat = lexicon.patterns()
    return frozenset([i["suffix"] for i in pat["suffixes"]] + list(pat["generic_phrases"]) + list(pat["generic_heads"])
                     + list(pat["national_heads"]) + ["中国", "我国", "国内", "国际", "全球"])


@cached("institutions.aliases.country_heads")
def _country_heads() -> tuple:
    """Foreign countries' short and official names (a short form that starts with one names a place)."""
    return tuple(sorted({n for pair in lexicon.countries() for n in pair if len(n) >= 2}))


def short_form(name: str) -> str:
    core = name[region_prefix(name):]
    changed = True
    while changed:
        changed = False
        if not core.endswith(TRADE):
            break  # no word of TRADE ends it: the loop below would change nothing (one call, not one a word)
        for w in TRADE:
            if core.endswith(w) and len(core) > len(w):
                core, changed = core[: -len(w)], True
    return core


def alias_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    """Later occurrences of each company's short form. Every short form is found in one
    Aho-Corasick pass; each mention's scan goes on from its end only until it meets an
    occurrence an earlier mention's scan took (from there on the spans are the same, and the
    earlier ones come first in the list, so resolve keeps those): linear in the text and the
    mentions, not their product."""
    wanted = []
    for c in found:
        if c.kind not in ("company", "insurer") or c.rule.startswith("alias"):
            continue
        shorts = [short_form(c.name)]
        written = short_form(text[c.start:c.end])
        if written not in c.name and written != shorts[0]:
            shorts.append(written)  # 广药集团 (广州医药集团有限公司) -> 广药: the article's own short form (round 10)
        for short in shorts:
            if len(short) < MIN_SHORT or short == text[c.start:c.end] or short in _not_names():
                continue  # 广州银行 -> 银行: a category word, not a short name
            if short.endswith(NOT_COMPANY_ENDS):
                continue  # 广州协佳医院集团 -> 协佳医院: the group's hospital, another body
            if short.startswith(_country_heads()):
                continue  # 德国杜塞尔多夫展览集团公司 -> 德国杜塞尔多夫: a country and a city, a place
            wanted.append((c, short))
    at = occurrences(text, (short for _, short in wanted))
    taken: dict[str, set] = {}
    out = []
    for c, short in wanted:
        first = short not in taken
        seen = taken.setdefault(short, set())
        # the article may name the company by its short form before its full name (1990年华熙生物
        # 研制成功…华熙生物科技有限公司): the first full mention names those too (round 9)
        before = [s for s in chain(at.get(short, []), len(short)) if s + len(short) <= c.start] if first else []
        for s in _walk(before, _from(at.get(short, []), c.end), len(short)):
            if s in seen:
                break
            seen.add(s)
            lead = _own_region(text, s, c.name)
            end = _mention_end(text, s - lead, s + len(short), short, c.name)
            if end is not None and s < c.start and end - s <= len(short):
                continue  # before the full name only with its trade word or 公司 (华熙生物; not 燕达 of 燕达医院)
            if end is not None:
                s -= lead  # 北京世博威 of 北京世博威国际展览有限公司: the name's own region is part of it
                # 蜀中 + 制药 where the name has 药业: the article's other name for it, as written
                name = c.name if end == s + len(short) or text[s:end] in c.name or _own_end(text, s, end, short, c.name) \
                    else text[s:end]
                out.append(Candidate(s, end, name, c.kind, c.level, c.region, "alias.short", 0.7))
    return out


def _from(starts: list[int], pos: int) -> Iterator[int]:
    """The sorted `starts` at or after pos, read lazily: the walk stops at the first one an
    earlier mention took, so a list of every later occurrence per mention (mentions x
    occurrences: tests/test_robustness_growth2.py quoted-cues) is never built."""
    for k in range(bisect_left(starts, pos), len(starts)):
        yield starts[k]


def _walk(before: list[int], after: Iterator[int], length: int) -> Iterator[int]:
    """chain(before + list(after), length, 0), lazily: each start at or after the end of the
    one before it."""
    nxt = 0
    for s in itertools.chain(before, after):
        if s >= nxt:
            yield s
            nxt = s + length


def _own_region(text: str, s: int, name: str) -> int:
    """The length of the region the full name starts with (北京, 北京市) written right before
    the short form at `s`, else 0."""
    n = region_prefix(name)
    if not n:
        return 0
    region = name[:n]
    for form in (region, region[:-1] if region.endswith(("市", "省")) and n > 2 else None):
        if form and text.startswith(form, s - len(form)) and s >= len(form):
            return len(form)
    return 0


def _mention_end(text: str, s: int, e: int, short: str, name: str = ""):
    """The end of the mention the short form text[s:e] makes (with the name's own words that
    follow it, 天成 + 医疗 of 广州天成医疗技术有限公司, and a following 公司), or None."""
    if needs_check(short) and not (is_word(text, s, e) or (_after_date(text, s) and is_word(text[s:e + 8], 0, e - s))
                                   or (text.startswith("公司", e) and cut_at(text, s))):  # 网景公司: one word to the segmenter (round 18)
        return None  # a two-character short form (白药 of 白药牙膏) only where jieba makes it a word
    if _NOT_COMPANY.match(text, e) or (s and "\u4e00" <= text[s - 1] <= "\u9fff" and not cut_at(text, s)
                                       and not _after_date(text, s)):
        return None  # “圣多宝”牌, 新康人, 天成医疗网; 法国雅莎…集团: a brand, its people, a site, another name
    if brand_use(text, s, e):
        return None  # 白药牙膏, 圣多宝消毒机, “罗氏芬”: a product, not the company
    if _in_slogan(text, s, e) or _motto(text, s, e):
        return None  # “新白药、大健康”, 大器天成。: a slogan or motto that holds the short form, not the company
    k = _COMPANY.match(text, e)
    if k is None and _LONGER.match(text, e):
        return None  # 雅莎生物医学美容国际集团: the start of another company's name
    e = _own_words(text, e, name[name.find(short) + len(short):] if short in name else "")
    m = _MAKER.match(text, e)
    if m is not None and cut_at(text, m.end()):
        e = m.end()  # 蜀中 + 制药 (the name says 药业): the maker's word is part of the mention
    k = _COMPANY.match(text, e)
    return k.end() if k else e  # 北琪公司: the company's word is part of the mention


def _after_date(text: str, s: int) -> bool:
    """1990年华熙生物: a date's 年/月/日 after its digits ends a word the segmenter joins (年华)."""
    return s >= 2 and text[s - 1] in "年月日" and text[s - 2].isdigit()


_CLAUSE_MARKS = re.compile("[，。！？；\n]")
QUOTE_REACH = 12  # characters looked at on each side for the quotation marks around a short form


def _in_slogan(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] stands inside a quoted phrase that holds more than it (“新白药、大健康”)."""
    q = text.rfind("“", max(0, s - QUOTE_REACH), s)
    if q < 0 or text.find("”", q, s) >= 0:
        return False
    r = text.find("”", e, e + QUOTE_REACH)
    return r >= 0 and not _CLAUSE_MARKS.search(text, q, r) and (q + 1 < s or r > e)  # a quoted remark has clauses


_SENTENCE_MARKS = "。！？!?\n"
MOTTO_LEAD = 2  # ideographs before the short form in a four-character motto


def _motto(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] ends a motto that is a sentence of its own, one or two ideographs and
    the short form (大梦天成。大器天成。 in a company's self-portrait: a set phrase, not the company)."""
    if e < len(text) and text[e] not in _SENTENCE_MARKS:
        return False
    lead = s
    while lead > 0 and s - lead < MOTTO_LEAD and "\u4e00" <= text[lead - 1] <= "\u9fff":
        lead -= 1
    if lead == s or (lead > 0 and text[lead - 1] not in _SENTENCE_MARKS + " \u3000"):
        return False
    return True


# a maker's word after a short form that its name does not hold there: the article's own
# name for the company (蜀中药业 written 蜀中制药)
_MAKER = re.compile("制药|药业")


def _own_end(text: str, s: int, end: int, short: str, name: str) -> bool:
    """Whether text[s:end] is the short form with the name's own words (and 公司) only."""
    e = _own_words(text, s + len(short), name[name.find(short) + len(short):] if short in name else "")
    k = _COMPANY.match(text, e)
    return (k.end() if k else e) == end


def _own_words(text: str, e: int, rest: str) -> int:
    """The end of the company's own trade words written after its short form (天成医疗 of
    广州天成医疗技术有限公司, 滇虹药业): the article's short form is the longer one."""
    moved = True
    while moved and rest:
        moved = False
        for w in TRADE:
            if rest.startswith(w) and text.startswith(w, e):
                e, rest, moved = e + len(w), rest[len(w):], True
                break
    return e


# rules whose company mention is named as written when the article's full name for it came later
# (天成医疗 … 广州天成医疗技术有限公司 at the article's end: repeated.brand, then alias.short from it)
AS_WRITTEN_RULES = ("repeated.brand", "alias.short")
REGISTERED_ENDS = ("有限公司", "有限责任公司", "股份有限公司", "集团", "株式会社")


def named_in_full(first: list[Candidate]) -> list[Candidate]:
    """Company mentions named as written (天成医疗) take the one registered name in the article
    that holds that name after its short form's start (广州天成医疗技术有限公司: short form 天成),
    wherever that full name stands (guide v2: `name` is the canonical name the article makes
    clear; round 20)."""
    bare = [c for c in first if c.kind == "company" and c.rule in AS_WRITTEN_RULES
            and not c.name.endswith(REGISTERED_ENDS)]
    if not bare:
        return first
    full = {c.name for c in first if c.kind == "company" and c.name.endswith(REGISTERED_ENDS)}
    if not full:
        return first
    rename: dict[str, str] = {}
    for name in {c.name for c in bare}:
        hits = [f for f in full if name in f and (short := short_form(f)) and len(short) >= MIN_SHORT
                and name.startswith(short)]
        if len(hits) == 1:
            rename[name] = hits[0]
    if not rename:
        return first
    ids = {id(c) for c in bare}
    return [c._replace(name=rename[c.name]) if id(c) in ids and c.name in rename else c for c in first]

