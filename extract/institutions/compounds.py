"""Attached bodies (data/compounds.yaml): a sub-body written right after the body it
belongs to extends that mention to the longest name: 国家医保局 + 待遇保障司, 广州市人民政府
+ 办公厅, 中华医学会 + 心血管病学分会, 国家金融监督管理总局 + 海南监管局, 中国银行 + 海南省分行.
And a region before a national bank's short name is its branch there (海南中行 ->
中国银行海南省分行). One anchored regex match per candidate: linear in the text."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..prebuilt import cached
from . import lexicon
from .boundaries import cut_at
from .postag import inside_noun, pos_first_ok, pos_ok, tag
from .name_words import _nouns, generic_inside
from .candidates import Candidate
from .gazetteer import longest_by_end

BRANCH_LEVELS = ("provincial", "municipal")


@cached("institutions.compounds.rules")
def _rules():
    data = lexicon._yaml("compounds.yaml")
    inner = re.escape(data["inner_only"])
    out = []
    for r in data["rules"]:
        stop = re.escape(r.get("stop_chars", data["stop_chars"]))  # a rule may name its own (都市频道)
        first = rf"(?:[\u4e00-\u9fff0-9A-Za-z·](?<![{stop}{inner}]))"
        marks = re.escape(r.get("gap_marks", ""))  # 国务院…“4·18”火灾事故调查组: a rule's gap may hold quotes
        more = rf"(?:[\u4e00-\u9fff0-9A-Za-z·{marks}](?<![{stop}]))"
        sufs = "|".join(re.escape(s) for s in sorted(r["suffixes"], key=len, reverse=True))
        # 家 stops a gap (多家, 专家) but a gap may open with 国家 (中国科学院国家天文台)
        reach = max(r["max_gap"], r.get("team_gap", 0))  # a team's name may run longer (_sub checks which)
        gap = rf"(?:(?:国家|{first}){more}{{0,{reach - 1}}}?)?" if reach else ""
        plural = re.compile(rf"各[\u4e00-\u9fff、]{{0,{r['max_gap']}}}?(?:{sufs})") if r.get("plural", True) else None
        out.append((r, re.compile(rf"(?P<gap>{gap})(?P<suf>{sufs})"), plural))
    return out, frozenset(data["not_after"])


@cached("institutions.compounds.offices")
def _offices() -> tuple:
    """Offices the segmenter may join to a sub-body's suffix (系主任): patterns.yaml office_titles."""
    return tuple(lexicon.patterns().get("office_titles", ()))


def _rule_for(c: Candidate):
    return _rule_of(c.kind, c.level, c.name)


@lru_cache(maxsize=4096)
def _rule_of(kind: str, level: Optional[str], name: str):
    """The first rule for a parent of this kind, level and name (a few per article)."""
    rules, _ = _rules()
    for r, rx, plural in rules:
        if kind not in r["parent_kind"]:
            continue
        if "parent_level" in r and level not in r["parent_level"]:
            continue
        if "parent_ends" in r and not name.endswith(tuple(r["parent_ends"])):
            continue
        return r, rx, plural
    return None


def _sub(text: str, c: Candidate) -> Optional[Candidate]:
    found = _rule_for(c)
    if found is None:
        return None
    r, rx, _ = found
    if "parent_written" in r and text[c.start:c.end] not in r["parent_written"]:
        return None  # 央视新闻频道: a name of its own, not the 总台's channel (round 21)
    m = rx.match(text, c.end) or _noun_masked_match(text, c.end, rx, r)
    if m is None:
        e = _dot_joined(text, c.end, rx, r)  # 清华大学数据科学研究院·…中心
        if e == c.end:
            return None
        return c.with_(end=e, name=c.name + re.sub(r"\s+", "", text[c.end:e]), rule=c.rule + "+sub",
                       confidence=max(c.confidence, 0.8))
    gap, suf, e = m.group("gap"), m.group("suf"), m.end()
    if len(gap) < r.get("min_gap", 0) or (not gap and suf in r.get("no_gap", ())):
        return None
    if len(gap) > r["max_gap"] and suf not in r.get("team_suffixes", ()):
        return None  # only a team's name runs past max_gap (国务院北京丰台长峰医院“4·18”火灾事故调查组, round 18)
    if text[e:e + 1] in _rules()[1] or not (cut_at(text, e) or text.startswith(_offices(), e)
                                             or _officer_named(text, e)):
        return None  # 司长, 局长: an office-holder, not a body (自动化系|主任: 系主任 one word, the office after it)
    table = _sub_names().get(c.name, {})
    # 基层司: a listed short name holds a category word; so does a listed full name (基层卫生健康司, round 11)
    known = (gap + suf) in table or (gap + suf) in table.values()
    if not known and any(w in gap for w in r.get("not_in_gap", ())):
        return None
    if gap and not known and not _gap_ok(gap, r.get("pos", "first")):
        return None
    e = _dot_joined(text, e, rx, r)  # 清华大学数据科学研究院·医疗健康大数据研究中心
    sub = re.sub(r"\s+", "", text[c.end:e])
    sub = _sub_names().get(c.name, {}).get(sub, sub)  # 卫生部 + 药政司 -> 药物政策与基本药物制度司
    short = next((k for k in _suffix_names() if sub.endswith(k)), None)
    if short is not None:
        sub = sub[:-len(short)] + _suffix_names()[short]  # 专委会 -> 专业委员会
    kind = _sub_kinds().get(suf, c.kind)  # 众创空间: an incubator, kind other whoever runs it
    return c.with_(end=e, name=c.name + sub, kind=kind, rule=c.rule + "+sub", confidence=max(c.confidence, 0.8))


SUB_ALONE_MIN = 5  # characters a sub-body's own name needs to stand alone later (社会福利中心)


def _sub_alone(text: str, parent: Candidate, sub: Candidate) -> list[Candidate]:
    """A sub-body's own name written alone after the article named it with its parent (民政部
    社会福利中心 … 社会福利中心将会…): the same body; a word of its own, SUB_ALONE_MIN characters
    or more (信息中心, 办公厅 alone are any body's). Linear: one str.find pass."""
    own = text[parent.end:sub.end]
    if len(own) < SUB_ALONE_MIN or not own.isalnum() or own.endswith(_not_alone()):
        return []  # 事故调查组 alone is any such team (compounds.yaml not_alone, round 18)
    out, i = [], text.find(own, sub.end)
    while i >= 0:
        e = i + len(own)
        if cut_at(text, i) and (cut_at(text, e) or _officer_named(text, e)) and text[e:e + 1] not in _rules()[1]:
            out.append(sub.with_(start=i, end=e, rule=sub.rule + ".alone", confidence=0.7))
        i = text.find(own, e)
    return out


def _noun_masked_match(text: str, start: int, rx, r):
    """The sub-body rule matched again where a stop character stands inside a noun of the gap
    (国家人口委数据中心: 据 in 数据), that character masked; None if there is no such character."""
    end = min(len(text), start + r.get("max_gap", 0) + 12)
    held = _suffix_rx(tuple(r["suffixes"]))
    if held is not None and held.search(text, start, end) is None:
        return None  # no suffix in the window: the masked window holds none either (below)
    stops = _stops()
    hits = [i for i in range(start, end) if text[i] in stops and inside_noun(text, i)]
    if not hits:
        return None
    masked = list(text[start:end])
    for i in hits:
        masked[i - start] = "\u4e00"  # any name character: the gap's text is read from `text`
    m = rx.match("".join(masked))
    if m is None or "国家" in text[start:start + m.end("gap")]:
        return None  # 国家卫生健康委会同国家疾控局: a second national body, not a sub-body's name
    return _Shifted(text[start:start + m.end("gap")], m.group("suf"), start + m.end())


@lru_cache(maxsize=64)
def _suffix_rx(suffixes: tuple) -> Optional["re.Pattern"]:
    """Any of a rule's suffixes, for _noun_masked_match's first test: a match of the masked
    window ends in a suffix, and masking writes only 一, so where no suffix holds 一 the suffix
    stands in the window as written too (None where one holds 一: no such test). 268 calls a
    pass, 23 with a suffix in the window: the segmenter's inside_noun per stop character is
    asked only for those."""
    if any("\u4e00" in s for s in suffixes):
        return None
    return re.compile("|".join(map(re.escape, suffixes)))


class _Shifted:
    """A masked match read back on the text: the gap as written, the end in the text."""
    __slots__ = ("_groups", "_end")

    def __init__(self, gap: str, suf: str, end: int):
        self._groups, self._end = {"gap": gap, "suf": suf}, end

    def group(self, name: str) -> str:
        return self._groups[name]

    def end(self) -> int:
        return self._end


def _officer_named(text: str, e: int) -> bool:
    """A person's name (2-3 characters) and an office after a sub-body's suffix (财政部社保司符金陵
    副司长): the segmenter may join the suffix to the surname, the name still ends there."""
    for k in (2, 3):
        after = text[e + k:e + k + 4]
        if after.startswith(_officer_titles()) and all("\u4e00" <= ch <= "\u9fff" for ch in text[e:e + k]):
            return True
    return False


@cached("institutions.compounds.officer_titles")
def _officer_titles() -> tuple:
    """Titles after a named officer: the office titles and compounds.yaml `officer_titles`."""
    return tuple(_offices()) + tuple(lexicon._yaml("compounds.yaml").get("officer_titles", ()))


@cached("institutions.compounds.not_alone")
def _not_alone() -> tuple:
    return tuple(lexicon._yaml("compounds.yaml").get("not_alone", ()))


@cached("institutions.compounds.sub_kinds")
def _sub_kinds() -> dict[str, str]:
    return dict(lexicon._yaml("compounds.yaml").get("sub_kinds", {}))


@cached("institutions.compounds.suffix_names")
def _suffix_names() -> dict[str, str]:
    return dict(lexicon._yaml("compounds.yaml").get("suffix_names", {}))


def _dot_joined(text: str, e: int, rx, r) -> int:
    """The end of a second sub-body joined by a middle dot (…研究院·医疗健康大数据研究中心), else e."""
    dot = _dot()
    if not text.startswith(dot, e):
        return e
    m = _dot_rx(tuple(r["suffixes"]), r["max_gap"]).match(text, e + len(dot))
    if m is None or not cut_at(text, m.end()):
        return e
    gap = m.group("gap")
    stop = _stops()
    if any(ch in stop and not inside_noun(text, m.start() + k) for k, ch in enumerate(gap)):
        return e  # 大数据 holds 据 inside a noun; a verb or preposition ends the name
    if any(w in gap for w in r.get("not_in_gap", ())) or not _gap_ok(gap, r.get("pos", "first")):
        return e
    return m.end()


@cached("institutions.compounds.dot_joined")
def _dot() -> str:
    """The mark joining two sub-bodies (compounds.yaml `dot_joined`): read once, not per
    candidate (the file read, hashed and unmarshalled each time was a third of the stage)."""
    return lexicon._yaml("compounds.yaml").get("dot_joined", "·")


@lru_cache(maxsize=64)
def _dot_rx(suffixes: tuple, max_gap: int):
    sufs = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    return re.compile(rf"(?P<gap>[\u4e00-\u9fff0-9A-Za-z]{{2,{max_gap}}}?)(?P<suf>{sufs})")


@cached("institutions.compounds.stops")
def _stops() -> frozenset:
    data = lexicon._yaml("compounds.yaml")
    return frozenset(data["stop_chars"] + data["inner_only"])


def sub_bodies(text: str, found: list[Candidate]) -> list[Candidate]:
    """The longer mentions _sub makes for these candidates (those found after the compound
    pass: a designated short form before its department, 人保部医疗保险司)."""
    return [s for s in map(lambda c: _sub(text, c), found) if s is not None]


@cached("institutions.compounds.sub_names")
def _sub_names() -> dict[str, dict[str, str]]:
    """Parent's canonical name -> {a department's short name: its full name} (compounds.yaml
    `sub_names`; a group of parents shares one table)."""
    out: dict[str, dict[str, str]] = {}
    for group in lexicon._yaml("compounds.yaml").get("sub_names", ()):
        for parent in group["parents"]:
            out.setdefault(parent, {}).update(group["names"])
    return out


def plural_parents(text: str, found: list[Candidate]) -> set[Candidate]:
    """Parents of a plural: 国家税务总局各地级以上市税务局 names every such bureau (a plural
    generic, like 各地医保局), not 国家税务总局; the parent is no mention there."""
    out = set()
    for c in found:
        if text[c.end:c.end + 1] != "各":
            continue
        rule = _rule_for(c)
        rxs = ([rule[2]] if rule and rule[2] is not None else []) + ([_parented()[c.name]] if c.name in _parented() else [])
        if any((m := rx.match(text, c.end)) is not None and cut_at(text, m.end()) for rx in rxs):
            out.add(c)
    return out


@cached("institutions.compounds.parented")
def _parented() -> dict:
    """Parent name -> plural pattern over the local bodies written after it (bodies.yaml
    `parent`: 国家税务总局 + 广东省 + 税务局)."""
    forms: dict[str, set] = {}
    for b in lexicon.bodies():
        if b.get("parent"):
            forms.setdefault(b["parent"], set()).update(b["forms"])
    return {p: re.compile("各[\u4e00-\u9fff、]{0,12}?(?:" + "|".join(map(re.escape, sorted(f, key=lambda w: (-len(w), w)))) + ")")
            for p, f in forms.items()}


def _gap_ok(gap: str, pos: str) -> bool:
    """pos: `first` (the gap does not start with a verb, pronoun, time word…), `strict`
    (nor holds a verb: 正式设立山东分公司), `none`."""
    if pos == "none":
        return True  # a society's branch or a school's institute may hold a category word (民营医院管理分会)
    if generic_inside(gap):
        return False
    if pos == "strict":
        return pos_ok(gap)
    return pos_first_ok(gap, nominal=True) or _named_first(gap)


@cached("institutions.compounds.gap_first_words")
def _gap_first_words() -> tuple[str, ...]:
    return tuple(lexicon._yaml("compounds.yaml").get("gap_first_words", ()))


def _named_first(gap: str) -> bool:
    """A gap led by a word a sub-body's name starts with though tagged verb or place
    (compounds.yaml gap_first_words: 统计信息, 南方医药经济), nouns after it."""
    head = next((w for w in _gap_first_words() if gap.startswith(w)), None)
    return head is not None and len(gap) > len(head) and (_nouns(gap[len(head):]) or _nominal(gap[len(head):]))


@lru_cache(maxsize=1024)
def _nominal(s: str) -> bool:
    """Nouns and verbal nouns only (问责审查 of 追责问责审查调查组: a team's remit; round 18)."""
    return all(f.startswith("n") or f == "vn" for _, f in tag(s))


def compound_candidates(text: str, found: list[Candidate], hits) -> list[Candidate]:
    """Longer mentions for candidates followed by a sub-body; regional branches of
    national banks written region + short name."""
    out = []
    for c in found:
        sub = _sub(text, c)
        if sub is not None:
            out.append(sub)
            deeper = _sub(text, sub)  # a sub-body's own standing body (中共中央政治局常务委员会; round 10)
            if deeper is not None:
                out.append(deeper)
            out += _sub_alone(text, c, sub)
    by_end = longest_by_end(hits)
    for c in found:
        h = by_end.get(c.start)
        if h is None or c.kind != "company" or c.region or not c.name.endswith("银行"):
            continue
        r = next((r for r in h.regions if r.level in BRANCH_LEVELS), None)
        if r is not None:
            out.append(c.with_(start=h.start, name=c.name + r.name + "分行", region=r.display,
                               rule="compound.branch", confidence=0.8))
    out += quoted_branches(text, hits)
    for rx, item in _templates():
        for m in rx.finditer(text):
            out.append(Candidate(m.start(), m.end(), item["name"].format(**m.groupdict()), item["kind"], None, None,
                                 "compound.template", 0.8))
    return out


_QUOTED = re.compile(r"[“「『\"](?P<name>[\u4e00-\u9fff]{2,8})[”」』\"]")
_BRANCH = ("分公司", "子公司", "分院", "分行")
_BRANCH_FIRSTS = frozenset(b[0] for b in _BRANCH)


def quoted_branches(text: str, hits) -> list[Candidate]:
    """A name the article sets in quotes (养老服务品牌“泰康之家”), then written before a region
    and a branch's suffix, is that branch: 泰康之家上海分公司 (a company, named as written).
    No list holds such brands; the quotes say the article names one."""
    if "“" not in text and "「" not in text and '"' not in text:
        return []
    out = []
    names = None
    firsts = _BRANCH_FIRSTS
    for h in hits:
        if text[h.end:h.end + 1] not in firsts:
            continue  # no branch's suffix here (most region hits): four startswith saved
        suf = next((b for b in _BRANCH if text.startswith(b, h.end)), None)
        if suf is None:
            continue  # a region and a branch's suffix first (rare); the quoted names only then
        if names is None:
            names = {m.group("name") for m in _QUOTED.finditer(text)}
        for name in names:
            if text.endswith(name, 0, h.start):
                s, e = h.start - len(name), h.end + len(suf)
                kind = "hospital" if suf == "分院" else "company"
                out.append(Candidate(s, e, re.sub(r"\s+", "", text[s:e]), kind, None, h.regions[0].display,
                                     "compound.quoted_branch", 0.75))
    return out


@cached("institutions.compounds.templates")
def _templates():
    return [(re.compile(t["pattern"]), t) for t in lexicon._yaml("compounds.yaml").get("templates", ())]
