"""Lists of bodies (round 8): organisers and supporters of an exhibition or a conference,
written in a 、 list (主办单位：中国医疗保健国际交流促进会、中国保健营养理事会、…) or one a line
under a label (主办单位：… then a line for each). Where at least half of a list's items that are
names (and two or more) are bodies the other rules found whole, another item is a body when it is a name (name
characters only, short) that ends in a head word of data/listed.yaml (…理事会, …组委会, …交流会,
…联合会, …联盟, …秘书处, …交流中心): the list tells what its items are. One pass over the
lines; each list's items are looked up in a dict of the found spans: linear."""
from __future__ import annotations

import re
from functools import lru_cache

from ..prebuilt import cached
from . import lexicon, wordlists
from .candidates import Candidate, covered
from .postag import no_verb, tag

_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·•（）()]+")
_SPACE = " \t\u3000\u00a0"


@cached("institutions.listed.table")
def _table():
    data = lexicon._yaml("listed.yaml")
    heads = tuple(sorted(data["heads"].items(), key=lambda kv: -len(kv[0])))
    label = re.compile("^[" + _SPACE + "]*[\u4e00-\u9fff]{0,3}(?:" + "|".join(map(re.escape, data["labels"])) + ")[" + _SPACE + "]*[:：]")
    head_re = re.compile("|".join(re.escape(h) for h, _ in heads))
    return heads, label, data["max_item"], data["min_own"], tuple(data["labels"]), head_re


def _listed_lines(text: str, head_re: re.Pattern):
    """(start, end) of each line holding a head word and two or more 、 (a list of three items
    one of which may end in a head), found from the head words' occurrences: linear."""
    done = -1
    for m in wordlists.matches_at(head_re, text, wordlists.starts(text, "listed_heads")):  # (listed_heads: the head words)
        if m.start() < done:
            continue  # this line was looked at
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        done = end
        if text.count("、", start, end) >= 2:
            yield start, end


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a line between start and end: 、-separated, blanks trimmed."""
    out, i = [], start
    while i <= end:
        j = text.find("、", i, end)
        j = end if j < 0 else j
        a, b = i, j
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        out.append((a, b))
        i = j + 1
    return out


def _lists(text: str):
    """Lists as (items, labelled), items (start, end): a line's 、 list of three or more items
    (labelled if the line opens with an organiser label); a run of lines of one item each, the
    first led by such a label (labelled: the label says what the items are)."""
    _, label, max_item, _, labels, head_re = _table()
    if not wordlists.starts(text, "listed_labels"):  # the labels from the word lists' scan (a regex scan was ~4 M instructions a pass)
        # no label: no run of lines is a list, only lines of three or more items (two 、); of
        # those, only a line holding a head word can give a body (listed_candidates): found from
        # the head words' occurrences instead of a Python loop over every line (same output)
        return [(_items(text, a, b), False) for a, b in _listed_lines(text, head_re)]
    out, block, pos = [], [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        m = label.match(line)
        if m:
            start += m.end()
        items = _items(text, start, end)
        if len(items) == 1 and items[0][0] == items[0][1]:
            continue  # a blank line inside a block
        if len(items) >= 3:
            out.append((items, bool(m)))
        one = len(items) == 1 and items[0][1] - items[0][0] <= max_item and _NAME.fullmatch(text, *items[0])
        if m and len(items) == 1:
            if block:
                out.append((block, True))
            block = [items[0]] if one else []  # a body after its label (承办单位：…交流中心), and the lines after
        elif one and block:
            block.append(items[0])
        else:
            if block:
                out.append((block, True))
            block = []
    if block:
        out.append((block, True))
    return out


@lru_cache(maxsize=1)
def _any_label(labels: tuple) -> re.Pattern:
    return re.compile("|".join(map(re.escape, labels)))


def _named(own: str) -> bool:
    """The part before the head holds no verb (由各地自行组织成立委员会 is a clause); a trade
    name before a bracketed region (世健会（北京）国际…) is read from after the region."""
    return no_verb(own.rsplit("）", 1)[-1] or own)


def listed_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    heads, _, max_item, min_own, _, head_re = _table()
    if not wordlists.starts(text, "listed_heads"):
        return []  # no item can end in a head word
    whole = {(c.start, c.end) for c in found}
    taken = covered(len(text), found)
    out = []
    ends = {c.end: c.start for c in found}
    starts = {c.start for c in found}
    for items, labelled in _lists(text):
        # a body found whole, ending the item (是中国医疗保健国际交流促进会: the list's first item
        # holds the clause before it) or starting it (…协会共同发起: the last, the clause after it)
        known = sum(1 for a, b in items if ends.get(b, -1) >= a or a in starts)
        # of the items that are names: the clause a list opens or closes a sentence with is none
        names = sum(1 for a, b in items if b - a <= max_item and _NAME.fullmatch(text, a, b))
        if not labelled and (known < 2 or 2 * known < max(names, known)):
            continue
        for a, b in items:
            if (a, b) in whole or b - a > max_item or taken.find(1, a, b) >= 0 or not _NAME.fullmatch(text, a, b):
                continue
            name = text[a:b]
            for head, kind in heads:
                if name.endswith(head) and len(name) - len(head) >= min_own and _named(name[:-len(head)]):
                    out.append(Candidate(a, b, name, kind, None, None, "listed", 0.6))
                    break
    return out


# a 、 list of companies closed by 等 and a word for firms (石药集团、科伦药业、上药集团、北京双鹤等
# 国内最重要的药品生产企业; round 10): an item no rule found that is a region's name and a brand of
# two or three characters (or a country's and a brand's: 德国先灵) is a company too; two or more items must be companies found whole
_COMPANY_LIST = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,12}、){2,}[\u4e00-\u9fffA-Za-z0-9]{2,12})等"
                           r"[\u4e00-\u9fff0-9]{0,12}?(?:企业|药企|公司|厂家|厂商)")
# the list's closer alone: a regex led by a literal, which re skips to (the list pattern opens
# with a class and is tried at every character): no closer, no list
_COMPANY_LIST_CLOSER = re.compile(r"等[\u4e00-\u9fff0-9]{0,12}?(?:企业|药企|公司|厂家|厂商)")
BRAND_LEN = (2, 3)
# any 、 run of short names (round 11: 万东医疗、鱼跃医疗、…、九安医疗、宏达高科; 广州港集团、上港集团、天津港集团),
# read only on the lines where a company found whole stands before a 、 (_listed_runs)
_ANY_LIST = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,12}、)+[\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?=等|[。；;，,）)\n和及与]|$)")


def _listed_runs(text: str, found: list[Candidate]):
    """The 、 runs of the lines where a company the other rules found is followed by 、; each
    line read once: linear."""
    done = -1
    for c in sorted(found, key=lambda c: c.start):
        if c.kind != "company" or c.start < done or text[c.end:c.end + 1] != "、":
            continue
        start = text.rfind("\n", 0, c.start) + 1
        end = text.find("\n", c.end)
        done = end = len(text) if end < 0 else end
        yield from _ANY_LIST.finditer(text, start, end)


def company_list_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    if "、" not in text:
        return []
    lists = list(_COMPANY_LIST.finditer(text)) if _COMPANY_LIST_CLOSER.search(text) else []
    lists += [m for m in _listed_runs(text, found) if not any(n.start(1) <= m.start(1) < n.end(1) for n in lists)]
    if not lists:
        return []
    from .references import region_prefix

    companies = {c.end: c.start for c in found if c.kind == "company"}
    taken = covered(len(text), found)
    trades = _company_trades()
    out = []
    for m in lists:
        items, pos = [], m.start(1)
        for part in m.group(1).split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        # a company ending the item (the first item holds the clause before the list: 参会的有石药集团)
        if sum(1 for a, b in items if companies.get(b, -1) >= a) < 2:
            continue
        for a, b in items:
            if taken.find(1, a, b) >= 0:
                continue
            name = text[a:b]
            n = region_prefix(name) or _country_len(name)  # 北京双鹤; 德国先灵
            if n and len(name) - n in BRAND_LEN and no_verb(name[n:]):
                out.append(Candidate(a, b, name, "company", None, None, "listed.company", 0.6))
                continue
            trade = next((t for t in trades if name.endswith(t)), None)  # 阳普医疗, 宏达高科
            if trade and len(name) - len(trade) in BRAND_LEN and _BRAND.fullmatch(name) and not _verb(name[:-len(trade)]):
                out.append(Candidate(a, b, name, "company", None, None, "listed.company", 0.6))
    return out


_BRAND = re.compile("[\u4e00-\u9fff]+")


def _verb(brand: str) -> bool:
    """The brand is one word the segmenter tags a verb (推进医疗, 发展生物): a clause, no brand;
    a brand read as several words (九/安) is a name."""
    if brand[0] in "某该本其各":
        return True  # 某某医疗: a placeholder or a pointer, no brand
    words = tag(brand)
    return len(words) == 1 and words[0][1].startswith("v")


@cached("institutions.listed.trades")
def _company_trades() -> tuple:
    return tuple(sorted(lexicon._yaml("listed.yaml")["company_trades"], key=len, reverse=True))


def _country_len(name: str) -> int:
    """The length of a country's name (德国, 美国) that starts `name`, else 0."""
    heads, lengths = _country_table()
    return next((n for n in lengths if len(name) >= n and name[:n] in heads), 0)


@lru_cache(maxsize=1)
def _country_table() -> tuple[frozenset, tuple[int, ...]]:
    """The countries' names (aliases._country_heads) and their lengths, longest first: a
    probe a length, not a startswith a name (375 of them)."""
    from .aliases import _country_heads

    heads = frozenset(_country_heads())
    return heads, tuple(sorted({len(h) for h in heads}, reverse=True))


# a 、 list of companies each written after its country (round 14: 如下公司…：美国GE、德国SIEMENS、
# 荷兰PHILIPS、…、中国蓝韵): three or more items a country's name and a brand in Latin letters (more
# items may have a brand of two or three ideographs), with a word for firms in the clause before the list (listed.yaml
# company_cues); the brand is the company, named by brands.yaml where a Latin alias matches
# case-folded (SIEMENS -> 西门子股份公司)
_COUNTRY_ITEM = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:[A-Za-z][A-Za-z&\-]{1,15}|[\u4e00-\u9fff]{2,3})")
MIN_COUNTRY_ITEMS = 3


def country_list_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    if text.count("、") < 2:
        return []
    cues = _company_cues()
    runs = _list_runs(text)
    if not runs:
        return []  # (most texts: the cover and the ends' table are made only for a run)
    taken = known = None
    out = []
    for run_start, run_end in runs:
        run = text[run_start:run_end]
        first = run.split("、", 1)[0]
        # the clause is a part of the 40 characters before the run and its first item: where
        # those hold no cue (most runs), it holds none (one search, not a split and a test a cue)
        if _cue_search(cues)(text, max(0, run_start - 40), run_start + len(first)) is None:
            continue
        clause = _CLAUSE_END.split(text[max(0, run_start - 40):run_start])[-1] + first
        if not any(c in clause for c in cues):
            continue
        if taken is None:  # made for the first run with a cue (most texts have none)
            taken, known = covered(len(text), found), {c.end: c for c in found}
        items, pos = [], run_start
        for part in run.split("、"):
            n = 2 if part.startswith("中国") else _country_len(part)  # 中国蓝韵 beside 德国SIEMENS
            if n and n < len(part) <= n + 16:  # a longer part holds a clause (…集团携手中国移动)
                items.append((pos + n, pos + len(part)))
            pos += len(part) + 1
        if sum(1 for a, b in items if _LATIN.fullmatch(text, a, b)) < MIN_COUNTRY_ITEMS:
            continue  # the brands in Latin letters tell a list of firms (中国移动、中国电信、中国联通 are names whole)
        for a, b in items:
            brand = text[a:b]
            whole = known.get(b)
            if whole is not None and whole.start < a and whole.kind == "company":
                out.append(whole.with_(start=a))  # 美国GE found whole: the company is GE, its country aside
                continue
            if taken.find(1, a, b) >= 0 or not (_LATIN.fullmatch(brand) or len(brand) in BRAND_LEN):
                continue
            if not _LATIN.fullmatch(brand) and not no_verb(brand):
                continue
            name = _latin_brands().get(brand.casefold(), brand)
            out.append(Candidate(a, b, name, "company", None, None, "listed.country_company", 0.6))
    return out


_LATIN = re.compile(r"[A-Za-z][A-Za-z&\-]{1,15}")
# a run's part from its first 、 on, where it holds two or more (MIN_COUNTRY_ITEMS - 1; literal-led:
# re skips to each 、)
_LIST_TAIL = re.compile(r"、[\u4e00-\u9fffA-Za-z&\-]*、[\u4e00-\u9fffA-Za-z&\-、]*")
_CLAUSE_END = re.compile(r"[。！？；;\n]")
_RUN_OTHER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&-、")


def _list_runs(text: str) -> list[tuple[int, int]]:
    """The maximal runs of name characters and 、 (ideographs, Latin letters, & and -) that hold
    MIN_COUNTRY_ITEMS - 1 or more 、 (a class-led scan of every run of ideographs cost ~5 ms a
    pass on the throughput benchmark's 150k characters): each such run's part from its first
    、 (_LIST_TAIL, which re finds from the 、), widened back to the run's start."""
    out = []
    for m in _LIST_TAIL.finditer(text):
        i = m.start()
        while i:  # the walk back, RUN_WINDOW characters a regex match on the window reversed
            lo = i - RUN_WINDOW if i > RUN_WINDOW else 0
            n = _RUN_BACK.match(text[lo:i][::-1]).end()
            i -= n
            if i > lo:
                break  # the run starts inside the window (or at its start: a character not of it before)
        out.append((i, m.end()))
    return out


# _list_runs' walk back over a run's characters (~3,500 a pass, one Python step each before)
RUN_WINDOW = 32
_RUN_BACK = re.compile(r"[\u4e00-\u9fffA-Za-z&\-、]*")


@cached("institutions.listed.latin_brands")
def _latin_brands() -> dict:
    """brands.yaml's Latin aliases, case-folded, to the company's name."""
    out = {}
    for group in lexicon._yaml("brands.yaml").values():
        for e in group if isinstance(group, list) else ():
            for a in e.get("aliases", ()) or ():
                if isinstance(a, str) and _LATIN.fullmatch(a):
                    out.setdefault(a.casefold(), e["name"])
    return out


# listed companies by short name after 企业包括 / 公司有 (round 14: 上市企业包括制药装备企业东富龙、
# 千山药机等): a 、 list of two or more brands of two to four ideographs closed by 等, after a word for
# firms and 包括/有/如 (a sort of firm between: 制药装备企业); an item is no verb and no word the
# segmenter reads as a common noun alone (医院、药店 are sorts, not firms)
INCLUDE_HEADS, INCLUDE_VERBS = ("企业", "公司", "药企", "厂商", "厂家"), ("包括", "有", "如")
INCLUDE_CUES = tuple(h + v for h in INCLUDE_HEADS for v in INCLUDE_VERBS)  # every match starts with one (wordlists "included_cues")
_INCLUDES = re.compile(rf"(?:{'|'.join(INCLUDE_HEADS)})(?:{'|'.join(INCLUDE_VERBS)})(?:[\u4e00-\u9fff]{{0,8}}?(?:企业|公司))?"
                       r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})等")


def included_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    lists = list(wordlists.matches_at(_INCLUDES, text, wordlists.starts(text, "included_cues")))
    if not lists:
        return []  # (most texts: the cover is made only for a list)
    taken = covered(len(text), found)
    out = []
    for m in lists:
        pos, items = m.start(1), []
        for part in m.group(1).split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        good = [(a, b) for a, b in items if taken.find(1, a, b) < 0 and _brand_like(tag(text[a:b]))]
        if len(good) < len(items) - sum(1 for a, b in items if taken.find(1, a, b) >= 0):
            continue  # one item a sort or a clause: the list is no list of firms
        out += [Candidate(a, b, text[a:b], "company", None, None, "listed.included", 0.6) for a, b in good]
    return out


def _brand_like(words) -> bool:
    """A brand the segmenter splits or reads as a name (东富|龙, 千山|药|机, 楚|天|科): no word of two
    or more characters a verb, adjective, adverb, pronoun, place, number or time word in it, no
    one-character function word, and not one common noun alone (医院, 药店)."""
    if any((len(w) > 1 and t[:1] in "vadpcuryfmqt") or (len(w) == 1 and t[:1] in "pcuyr") for w, t in words):
        return False
    return not (len(words) == 1 and words[0][1] in ("n", "ng", "vn"))


@lru_cache(maxsize=1)
def _cue_search(cues: tuple):
    """The search method of an alternation of `cues` (_company_cues)."""
    return re.compile("|".join(map(re.escape, cues))).search


@cached("institutions.listed.company_cues")
def _company_cues() -> tuple:
    return tuple(lexicon._yaml("listed.yaml")["company_cues"])
