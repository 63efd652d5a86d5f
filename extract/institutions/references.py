"""References inside one article to a body named in full elsewhere in it (guide v2: "short
forms are mentions when they name one body; `name` is the canonical name the article makes
clear"):

    designated   国家医疗保障局（以下简称“国家医保局”） -> later 国家医保局 are that body
    cores        武汉金银潭医院 … 金银潭医院: a hospital's name less its region
    bare         国家邮政局 … 邮政局: a national body less 国家
    numbered     兰州大学第一医院 … 兰大一院, 兰大二院 (-> 兰州大学第二医院); 市七医院 -> the
                 article's …第七人民医院

Each finds its candidates with one regex or substring scan per named body: linear in the
text times the (small) number of bodies found."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon
from .boundaries import is_word
from .candidates import Candidate

NUMERALS = "一二三四五六七八九十"
_DESIGNATED = re.compile(r"\s*[（(]\s*(?:以下|下文|下称)?简称[：:]?\s*[“\"「『]?(?P<alias>[\u4e00-\u9fffA-Za-z0-9·]{2,12})[”\"」』]?\s*[）)]")
_UNI_SHORT = re.compile(rf"大(?P<fu>附)?(?P<n>[{NUMERALS}])(?:附)?院")
_CITY_SHORT = re.compile(rf"[市县区省](?P<n>[{NUMERALS}]{{1,2}})医院")


def reference_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    return (_designated(text, found) + _cores(text, found) + _bare(text, found) + _numbered(text, found)
            + _fillers(found))


# words an article may leave out of a body's name it gives in full elsewhere
# (广州市残疾人辅助器具服务中心 … 广州市残疾人辅助器具中心): the same body
FILLERS = ("服务", "管理", "工作")


def _fillers(found: list[Candidate]) -> list[Candidate]:
    """A name that is another name found in the article less one filler word before the
    same suffix takes that name (guide v2: the canonical name the article makes clear). A
    missing 第一 or 人民 is another body (市第一人民医院, 市人民医院) and is left alone."""
    full = {c.name for c in found if c.rule.startswith(("pattern", "gazetteer"))}
    out = []
    for c in found:
        if not c.rule.startswith("pattern") or c.name in _not_cores():
            continue
        for f in FILLERS:
            longer = next((n for n in full if len(n) == len(c.name) + len(f) and f in n
                           and n.replace(f, "", 1) == c.name), None)
            if longer is not None:
                out.append(c.with_(name=longer, rule="reference.filler", confidence=c.confidence + 0.01))
                break
    return out


def _designated(text: str, found: list[Candidate]) -> list[Candidate]:
    out = []
    for c in found:
        m = _DESIGNATED.match(text, c.end)
        if m is None:
            continue
        alias = m.group("alias")
        for k in re.finditer(re.escape(alias), text[m.start("alias"):]):
            s = m.start("alias") + k.start()
            out.append(c.with_(start=s, end=s + len(alias), rule="reference.designated", confidence=0.9))
    return out


@cached("institutions.references.region_surfaces")
def _region_surfaces() -> tuple[frozenset, int]:
    names = {r.name for r in lexicon.regions()} | {r.short for r in lexicon.regions()
                                                      if len(r.short) >= 2 and r.level in ("provincial", "municipal")}
    return frozenset(names), max(map(len, names))


def region_prefix(s: str) -> int:
    """Length of the longest region name `s` starts with (0: none); a dict probe per length."""
    names, longest = _region_surfaces()
    for n in range(min(longest, len(s) - 1), 1, -1):
        if s[:n] in names:
            return n
    return 0


@cached("institutions.references.not_cores")
def _not_cores() -> frozenset:
    forms = {f for b in lexicon.bodies() for f in b["forms"]}
    pat = lexicon.patterns()
    return frozenset(forms | {i["suffix"] for i in pat["suffixes"]} | set(pat["generic_phrases"]))


@cached("institutions.references.generic_heads")
def _generic_heads() -> tuple:
    return tuple(lexicon.patterns()["generic_heads"])


def _core(surface: str) -> str:
    core = surface
    n = region_prefix(core)
    while n:  # 甘肃陇南宕昌县人民医院: every region in front goes
        core = core[n:]
        n = region_prefix(core)
    return core


def _cores(text: str, found: list[Candidate]) -> list[Candidate]:
    out, seen = [], set()
    for c in found:
        if c.kind != "hospital" or not c.rule.startswith("pattern.anchored"):
            continue
        surface = re.sub(r"\s+", "", text[c.start:c.end])
        core = _core(surface)
        if (core == surface or len(core) < 4 or not core.endswith("院") or core in _not_cores()
                or core[0] in NUMERALS + "第中市县区省州旗" or core.startswith(_generic_heads()) or core in seen):
            continue
        seen.add(core)
        for m in re.finditer(re.escape(core), text):
            if not (c.start <= m.start() < c.end) and is_word(text, m.start(), m.end()):
                out.append(c.with_(start=m.start(), end=m.end(), rule="reference.core", confidence=0.75))
    return out


def _bare(text: str, found: list[Candidate]) -> list[Candidate]:
    out, seen = [], set()
    for c in found:
        surface = text[c.start:c.end]
        if c.level != "national" or surface != c.name or not c.name.startswith("国家") or c.name in seen:
            continue
        seen.add(c.name)
        bare = c.name[2:]
        if len(bare) < 3 or bare in _not_cores():
            continue
        for m in re.finditer(re.escape(bare), text):
            s = m.start()
            if text[max(0, s - 2):s] == "国家" or (s and text[s - 1] in "省市县区州旗"):
                continue
            if is_word(text, s, m.end()):
                out.append(c.with_(start=s, end=m.end(), rule="reference.bare", confidence=0.7))
    return out


def _numbered(text: str, found: list[Candidate]) -> list[Candidate]:
    hospitals = [c for c in found if c.kind == "hospital"]
    out = []
    for m in _UNI_SHORT.finditer(text):
        # the university's short name before 大: one character (兰大, 浙大), else two (南医大)
        start = next((m.start() - k for k in (1, 2) if m.start() - k >= 0 and "\u4e00" <= text[m.start() - k] <= "\u9fff"
                      and is_word(text, m.start() - k, m.end())), None)
        if start is None:
            continue
        name = _by_university(hospitals, text[start:m.start()], m.group("n"))
        out.append(Candidate(start, m.end(), name or text[start:m.end()], "hospital", None, None, "reference.numbered", 0.6))
    for m in _CITY_SHORT.finditer(text):
        n = m.group("n")
        same = next((c for c in hospitals if f"第{n}人民医院" in c.name or f"第{n}医院" in c.name), None)
        if same is not None:
            out.append(same.with_(start=m.start(), end=m.end(), rule="reference.numbered", confidence=0.8))
    return out


def _by_university(hospitals: list[Candidate], u: str, n: str):
    """兰大 + 一: the article's 兰州大学第一医院; 兰大 + 二 beside it: 兰州大学第二医院."""
    rx = re.compile(rf"^({re.escape(u[0])}[\u4e00-\u9fff]*?大学[\u4e00-\u9fff]*?第)([{NUMERALS}])((?:附属)?医院)$")
    for c in hospitals:
        k = rx.match(c.name)
        if k and (len(u) == 1 or u[1] in k.group(1)):
            return k.group(1) + n + k.group(3)
    return None


# an institution's other name in brackets right after it: its English name
# (帝国理工学院（Imperial College London）) is a second mention of the same body (guide v2)
_SECOND = re.compile(r"\s*[（(]\s*(?P<name>(?:The\s+)?[A-Z][A-Za-z&.'-]*(?:\s+(?:of|and|for|the|de|[A-Z][A-Za-z&.'-]*)){1,9})\s*[）)]")


def second_names(text: str, found: list[Candidate]) -> list[Candidate]:
    out = []
    for c in found:
        m = _SECOND.match(text, c.end)
        if m is not None:
            out.append(c.with_(start=m.start("name"), end=m.end("name"), rule="reference.english", confidence=0.8))
    return out
