"""References inside one article to a body named in full elsewhere in it (guide v2: "short
forms are mentions when they name one body; `name` is the canonical name the article makes
clear"):

    designated   国家医疗保障局（以下简称“国家医保局”） -> later 国家医保局 are that body
    cores        武汉金银潭医院 … 金银潭医院: a hospital's name less its region
    bare         国家邮政局 … 邮政局, 国家发改委 … 发改委: a national body less 国家
    numbered     兰州大学第一医院 … 兰大一院, 兰大二院 (-> 兰州大学第二医院); 市七医院 -> the
                 article's …第七人民医院; 杭州二院 -> 杭州市第二人民医院 (a city's short + N院)

The literals they look for (designated short names, cores, bare names) are found in one
Aho-Corasick pass over the text, and each mention's scan takes only what an earlier one did
not: linear in the text and the bodies found, not their product."""
from __future__ import annotations

import re
from typing import Optional

from ..literals import find_all
from ..prebuilt import cached
from . import lexicon
from .automata import chain, occurrences
from .boundaries import cut_at, is_word
from .candidates import Candidate

NUMERALS = "一二三四五六七八九十"
# （以下简称“…”）, （下文简称…）, （下称“…”）, （以下称…）: the article's own short name
_DESIGNATED = re.compile(r"\s*[（(]\s*(?:(?:以下|下文|下称)?简称|(?:以下|下文)?称|下称)[：:为]?\s*[“\"「『]?(?P<alias>[\u4e00-\u9fffA-Za-z0-9·]{2,12})[”\"」』]?\s*[）)]")
# 兰大一院, 中大附一院; a medical university written X医 (重医附一院: 重庆医科大学附属第一医院)
# (the lookbehind after 医, not before it: each branch then opens with a literal and the
# engine skips to 大 or 医 in C; a branch opening with a lookbehind was tried at every position)
_UNI_SHORT = re.compile(rf"(?:大|医(?<=[\u4e00-\u9fff]医)(?=附))(?P<fu>附)?(?P<n>[{NUMERALS}])(?:附)?院")
# a university named in full, then its numbered hospital (中山大学附一院, 广州医科大学附二院)
_UNI_NUMBERED = re.compile(rf"附属?(?P<n>[{NUMERALS}])院")
_UNI_HOSPITAL = re.compile(rf"^([\u4e00-\u9fff][\u4e00-\u9fff]*?大学[\u4e00-\u9fff]*?第)([{NUMERALS}])((?:附属)?医院)$")
_DOC_NUMBER = re.compile(r"[办发函]?[〔【\[［(（]")
_CITY_SHORT = re.compile(rf"[市县区省](?P<n>[{NUMERALS}]{{1,2}})医院")


def reference_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    designated, cores, bares = _designations(text, found), _core_forms(text, found), _bare_forms(text, found)
    bares += _default_national(found, bares)
    at = occurrences(text, [a for _, a, _ in designated] + [k for _, k in cores] + [b for _, b in bares])
    return (_designated(designated, at) + _cores(text, cores, at) + _bare(text, bares, at) + _numbered(text, found)
            + _fillers(found))


# words an article may leave out of a body's name it gives in full elsewhere
# (广州市残疾人辅助器具服务中心 … 广州市残疾人辅助器具中心): the same body
FILLERS = ("服务", "管理", "工作")


def _fillers(found: list[Candidate]) -> list[Candidate]:
    """A name that is another name found in the article less one filler word before the
    same suffix takes that name (guide v2: the canonical name the article makes clear). A
    missing 第一 or 人民 is another body (市第一人民医院, 市人民医院) and is left alone."""
    full = {c.name for c in found if c.rule.startswith(("pattern", "gazetteer"))}
    # each full name under itself less its first filler (the first such name of the set
    # wins, as a scan of the set would): one look-up per candidate, not a scan of the names
    shorter: dict[tuple[str, str], str] = {}
    for n in full:
        for f in FILLERS:
            if f in n:
                shorter.setdefault((f, n.replace(f, "", 1)), n)
    out = []
    for c in found:
        if not c.rule.startswith("pattern") or c.name in _not_cores():
            continue
        for f in FILLERS:
            longer = shorter.get((f, c.name))
            if longer is not None:
                out.append(c.with_(name=longer, rule="reference.filler", confidence=c.confidence + 0.01))
                break
    return out


def _designations(text: str, found: list[Candidate]) -> list[tuple[Candidate, str, int]]:
    """(body, the short name it is given, where) for each 以下简称“…” after a body."""
    out = []
    for c in found:
        m = _DESIGNATED.match(text, c.end) if _bracket_may_follow(text, c.end) else None
        if m is not None:
            out.append((c, m.group("alias"), m.start("alias")))
    return out


def _designated(designated: list, at: dict[str, list[int]]) -> list[Candidate]:
    """Every occurrence of a designated short name from the designation on; where two
    bodies' scans meet (the same short name designated twice), the rest is the earlier
    one's (same spans, earlier in the list: resolve keeps those)."""
    out, taken = [], {}
    generic = None
    for c, alias, pos in designated:
        if generic is None:
            generic = frozenset(lexicon.patterns().get("designated_generic", ()))
        if alias in generic:  # （以下简称“中心”）: the designation only
            out.append(c.with_(start=pos, end=pos + len(alias), rule="reference.designated", confidence=0.9))
            continue
        seen = taken.setdefault(alias, set())
        for s in chain(at.get(alias, []), len(alias), pos):
            if s in seen:
                break
            seen.add(s)
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


@cached("institutions.references.local_words")
def _local_words() -> frozenset:
    """Two-character words before a bare body that make it a local one (patterns.yaml)."""
    return frozenset(lexicon.patterns().get("local_before_bare", ()))


@cached("institutions.references.body_suffixes")
def _body_suffixes() -> dict:
    """A regional body's short form -> its suffix (发改委 -> 发展和改革委员会)."""
    return {f: b["suffix"] for b in lexicon.bodies() for f in b["forms"]}


def _regional(found: list[Candidate], suffix: str) -> bool:
    """Whether the article names a region's body of this suffix (广东省发展和改革委员会)."""
    return any(c.level != "national" and c.name.endswith(suffix) for c in found)


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


def _core_forms(text: str, found: list[Candidate]) -> list[tuple[Candidate, str]]:
    """(hospital, its name less its regions) for each core worth looking for, the first
    hospital that has it."""
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
        out.append((c, core))
    return out


def _cores(text: str, cores: list, at: dict[str, list[int]]) -> list[Candidate]:
    out = []
    for c, core in cores:
        for s in chain(at.get(core, []), len(core)):
            if not (c.start <= s < c.end) and is_word(text, s, s + len(core)):
                out.append(c.with_(start=s, end=s + len(core), rule="reference.core", confidence=0.75))
    return out


def _bare_forms(text: str, found: list[Candidate]) -> list[tuple[Candidate, str]]:
    """(national body, its name less 国家) for each bare name worth looking for."""
    out, seen = [], set()
    for c in found:
        surface = text[c.start:c.end]
        if c.level != "national" or not c.name.startswith("国家") or not surface.startswith("国家"):
            continue
        if surface != c.name and not c.rule.startswith("gazetteer"):
            continue  # a listed short form (国家发改委 … 发改委), or the full name as written
        bare = surface[2:]
        if (c.name, bare) in seen or len(bare) < 3:
            continue
        if bare in _not_cores() and (bare not in _body_suffixes() or _regional(found, _body_suffixes()[bare])):
            continue  # 发改委 is a region's too: the national one only where the article names no region's
        seen.add((c.name, bare))
        out.append((c, bare))
    return out


def _default_national(found: list[Candidate], bares: list) -> list[tuple[Candidate, str]]:
    """(national body, bare form) for the bare forms national news uses for the national body
    (patterns.yaml `national_by_default`: 发改委表示…, in a story that names it no other way),
    where the article names no region's government body at all (a local story's 发改委 is
    its region's)."""
    table = lexicon.patterns().get("national_by_default") or {}
    wanted = [(b, n) for b, n in table.items() if b not in {x for _, x in bares}]
    if not wanted or any(c.kind == "government" and c.level not in (None, "national") for c in found):
        return []
    out = []
    for bare, name in wanted:
        entry = lexicon.known().get(name)
        if entry is not None and entry.level == "national":
            out.append((Candidate(-1, -1, entry.name, entry.kind, entry.level, entry.region, "gazetteer.known", 0.9), bare))
    return out


def _bare(text: str, bares: list, at: dict[str, list[int]]) -> list[Candidate]:
    out = []
    for c, bare in bares:
        for s in chain(at.get(bare, []), len(bare)):
            if text[max(0, s - 2):s] == "国家" or (s and text[s - 1] in "省市县区州旗"):
                continue
            if text[max(0, s - 2):s] in _local_words() or _DOC_NUMBER.match(text, s + len(bare)):
                continue  # 地方网信办: a local one; 发改委办【2007】249: a document number
            if is_word(text, s, s + len(bare)):
                out.append(c.with_(start=s, end=s + len(bare), rule="reference.bare", confidence=0.7))
    return out


def _numbered(text: str, found: list[Candidate]) -> list[Candidate]:
    """One look-up per distinct short (兰大, 市七), not a scan of the hospitals per match."""
    hospitals = [c for c in found if c.kind == "hospital"]
    universities = _university_hospitals(hospitals)
    by_short: dict[str, Optional[tuple[str, str]]] = {}
    by_numeral: dict[str, Optional[Candidate]] = {}
    out = []
    courts = find_all(text, "院")  # one scan for the three rules below: 医院 is a 院 after 医
    for m in _uni_shorts(text, courts):
        known = _known_at(text, m) if not universities else None
        if known is not None:  # 安医大一附院, 温医附二院: a well-known university's short name (round 13)
            out.append(Candidate(known[0], m.end(), known[1], "hospital", None, None, "reference.numbered", 0.6))
            continue
        # the university's short name before 大: one character (兰大, 浙大), else two (南医大)
        start = next((m.start() - k for k in (1, 2) if m.start() - k >= 0 and "\u4e00" <= text[m.start() - k] <= "\u9fff"
                      and is_word(text, m.start() - k, m.end())), None)
        if start is None:
            continue
        u = text[start:m.start()]
        if u not in by_short:
            by_short[u] = _by_university(universities, u)
        shape = by_short[u]
        name = shape[0] + m.group("n") + shape[1] if shape else None
        start -= _region_before(text, start)  # 广州医大附一院: the city is part of the short name
        if name is None:  # no full name in the article: a well-known university's (round 13)
            name = _known_short(text[start:m.start() + 1], m.group("n"))
        out.append(Candidate(start, m.end(), name or text[start:m.end()], "hospital", None, None, "reference.numbered", 0.6))
    for c in found:
        if c.kind == "university" and c.name.endswith(("大学", "医学院")):
            k = _UNI_NUMBERED.match(text, c.end)
            if k is not None and is_word(text, c.start, k.end()):
                out.append(Candidate(c.start, k.end(), f"{c.name}附属第{k.group('n')}医院", "hospital", None, c.region,
                                     "reference.numbered", 0.7))
    for p in courts:  # 杭州二院: a city's numbered hospital written short
        if p < 3 or text[p - 1] not in NUMERALS or text[p - 2] in "附大":
            continue
        for k in (3, 2):  # 杭州市, 杭州
            head = text[p - 1 - k:p - 1]
            r = lexicon.region_named(head) or lexicon.region_named(head + "市")
            if r is not None and r.level == "municipal" and is_word(text, p - 1 - k, p + 1):
                out.append(Candidate(p - 1 - k, p + 1, f"{r.name}第{text[p - 1]}人民医院", "hospital", "municipal",
                                     r.display, "reference.numbered", 0.6))
                break
    for m in _city_shorts(text, courts):
        n = m.group("n")
        if n not in by_numeral:
            by_numeral[n] = next((c for c in hospitals if f"第{n}人民医院" in c.name or f"第{n}医院" in c.name), None)
        same = by_numeral[n]
        if same is not None:
            out.append(same.with_(start=m.start(), end=m.end(), rule="reference.numbered", confidence=0.8))
    return out


@cached("institutions.references.medical_universities")
def _medical_universities() -> dict:
    return lexicon._yaml("medical_universities.yaml")["shorts"]


_SHORT_AFTER = "、，,。；：和与及在至到 \n（(“"  # a joiner or punctuation before a short name: it starts a word


def _uni_shorts(text: str, courts: list[int]):
    """`_UNI_SHORT.finditer(text)` from the 院 that ends every match: the pattern, opening with
    大 or 医, was tried at each of those (frequent) characters. A match holds no 院 but its last
    character, so the matches are the ones ending at each 院, one at most (the numeral's place
    is fixed by the character before 院, and 附 is no 大 or 医): tried at the three places it
    can start, in order, where a numeral stands before 院 or before 附院."""
    for p in courts:
        if p >= 2 and (text[p - 1] in NUMERALS or (text[p - 1] == "附" and text[p - 2] in NUMERALS)):
            for s in range(max(0, p - 4), p - 1):
                m = _UNI_SHORT.match(text, s)
                if m is not None and m.end() == p + 1:
                    yield m
                    break


def _known_at(text: str, m: "re.Match") -> Optional[tuple[int, str]]:
    """The start and name of the longest short name of the table that ends with the match's
    大 or 医 and starts a word (安医大 + 一附院, not 医大): None where none."""
    head = m.start() + 1
    for k in (4, 3, 2):
        s = head - k
        if s >= 0 and (s == 0 or text[s - 1] in _SHORT_AFTER or cut_at(text, s)):
            name = _known_short(text[s:head], m.group("n"))
            if name is not None:
                return s, name
    return None


def _known_short(short: str, n: str) -> Optional[str]:
    """重医 + 一: 重庆医科大学附属第一医院 (data/medical_universities.yaml); 广州医大 or 医大 after
    a city the table lacks: none. The short name is the written one, 大 or 医 included."""
    shape = _medical_universities().get(short)
    return shape.format(n=n) if shape else None


def _region_before(text: str, pos: int) -> int:
    """The length of a city's or province's name (广州, 广州市) that ends at `pos`, else 0."""
    for k in (3, 2):
        head = text[max(0, pos - k):pos]
        if len(head) == k and (lexicon.region_named(head) or lexicon.region_named(head + "市")) and cut_at(text, pos - k):
            return k
    return 0


def _city_shorts(text: str, courts: Optional[list[int]] = None):
    """The matches of _CITY_SHORT.finditer(text), found from the 医院 each ends with (`courts`:
    where text holds 院): the pattern opens with a character class, so the engine tried it at
    every position. At most one match ends at a 医院, it starts at most 3 characters before
    it, and none overlaps another (no 医院 fits in a match's head); its 医院 has a numeral
    before it."""
    for q in find_all(text, "院") if courts is None else courts:
        p = q - 1
        if p < 1 or text[p] != "医" or text[p - 1] not in NUMERALS:
            continue
        m = _CITY_SHORT.search(text, max(0, p - 3), p + 2)
        if m is not None:
            yield m


def _university_hospitals(hospitals: list[Candidate]) -> dict[str, list[tuple[str, str]]]:
    """The article's university hospitals (兰州大学第一医院) by first character, in order:
    (the name up to 第, the ending after the numeral)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for c in hospitals:
        k = _UNI_HOSPITAL.match(c.name)
        if k:
            out.setdefault(c.name[0], []).append((k.group(1), k.group(3)))
    return out


def _by_university(universities: dict[str, list[tuple[str, str]]], u: str) -> Optional[tuple[str, str]]:
    """兰大 + 一: the article's 兰州大学第一医院; 兰大 + 二 beside it: 兰州大学第二医院 (the name
    is the head + the numeral + the ending)."""
    return next(((head, tail) for head, tail in universities.get(u[0], ()) if len(u) == 1 or u[1] in head), None)


# an institution's other name in brackets right after it: its English name
# (帝国理工学院（Imperial College London）) is a second mention of the same body (guide v2)
_SECOND = re.compile(r"\s*[（(]\s*(?P<name>(?:The\s+)?[A-Z][A-Za-z&.'-]*(?:\s+(?:of|and|for|the|de|[A-Z][A-Za-z&.'-]*)){1,9})\s*[）)]")


# or its acronym (国家食品药品监督管理局（SFDA）, 国际医院联盟（IHF）): a second mention, and
# the acronym written alone after it (SFDA又相继通过…) is the same body; the acronym may be
# introduced (（英文简称RDPAC）) and hold lower-case letters between capitals (（PhRMA）; round 10)
_ACRONYM = re.compile(r"\s*[（(]\s*(?:英文(?:简称|缩写|名称|名)[：:为]?\s*)?(?P<name>[A-Z](?:[a-z]?[A-Z&]){1,7})\s*[）)]")


# round 20: a company's English name of one word in brackets (驰昂咨询（Siontes）: a firm's brand,
# capitalized, three letters or more)
_SECOND_WORD = re.compile(r"\s*[（(]\s*(?P<name>[A-Z][a-z]{2,}[A-Za-z]*)\s*[）)]")
# round 20: a Latin name right before a company written out in brackets (SCA（瑞典爱生雅集团）): the
# same company by its Latin name, written first
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9&.\-])(?P<name>[A-Z][A-Za-z&]{1,15})\s*[（(]\s*$")
LATIN_BEFORE_REACH = 20


def second_names(text: str, found: list[Candidate]) -> list[Candidate]:
    out, acronyms = [], []
    for c in found:
        if c.kind == "company" and c.start and text[c.start - 1] in "（(" and text[c.end:c.end + 1] in "）)":
            b = _LATIN_BEFORE.search(text, max(0, c.start - LATIN_BEFORE_REACH), c.start)
            if b is not None:  # the Latin brand names the firm, not its country (SCA: 爱生雅集团)
                from .foreign import country_head  # (foreign imports this module)
                n = country_head(c.name)
                out.append(c.with_(start=b.start("name"), end=b.end("name"), name=c.name[n:] if n else c.name,
                                   rule="reference.latin_before", confidence=0.75))
        if not _bracket_may_follow(text, c.end):
            continue
        m = (_SECOND.match(text, c.end) or _ACRONYM.match(text, c.end)
             or (_SECOND_WORD.match(text, c.end) if c.kind == "company" else None))
        if m is not None:
            out.append(c.with_(start=m.start("name"), end=m.end("name"), rule="reference.english", confidence=0.8))
            if m.re is _ACRONYM:
                acronyms.append((c, m.group("name"), m.end()))
    if acronyms:
        at = occurrences(text, [a for _, a, _ in acronyms])
        taken: set[int] = set()
        for c, acronym, pos in acronyms:
            for s in at.get(acronym, ()):
                e = s + len(acronym)
                if s < pos or s in taken or _latin(text, s - 1) or _latin(text, e):
                    continue  # SFDA inside SFDAC or before the bracket: not this body's acronym
                taken.add(s)
                out.append(c.with_(start=s, end=e, rule="reference.acronym", confidence=0.75))
    return out


def _latin(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isascii() and text[i].isalnum())


def _bracket_may_follow(text: str, pos: int) -> bool:
    """Whether an opening bracket or whitespace stands at `pos`: _DESIGNATED and _SECOND open
    with \\s*[（(], so elsewhere (after most names) they cannot match and are not tried.
    (re's \\s in a str pattern is str.isspace.)"""
    ch = text[pos:pos + 1]
    return ch in ("（", "(") or ch.isspace()
