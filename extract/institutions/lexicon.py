"""The institution data files, loaded once: regions, the body table, national bodies,
named institutions and the open-world pattern table (all in data/)."""
from __future__ import annotations

import csv
import os
from array import array
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Optional


from ..datafiles import load_yaml
from ..prebuilt import cached

DATA = os.path.join(os.path.dirname(__file__), "data")
MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})


@dataclass(frozen=True)
class Region:
    code: str
    level: str  # provincial | municipal | district | county
    name: str
    short: str
    province: str
    city: str

    @property
    def is_province(self) -> bool:
        """A province or autonomous region (its bureaus are 厅), not a municipality."""
        return self.level == "provincial" and self.name not in MUNICIPALITIES

    @property
    def display(self) -> str:
        """The region as recorded in `region`: the full path for districts and counties
        ("上海市普陀区"), the name itself above them."""
        if self.level in ("district", "county"):
            parent = self.city or self.province
            return parent + self.name
        return self.name


@dataclass(frozen=True)
class Entry:
    """One surface form of a known institution."""

    name: str
    kind: str
    level: Optional[str] = None
    region: Optional[str] = None




def _yaml(name: str):
    return load_yaml(os.path.join(DATA, name))


def _region_file(name: str) -> list[tuple[str, ...]]:
    """The rows of a region table, each its fields in the order of Region's."""
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        rows = [line for line in fh if not line.startswith("#")]
    return [tuple(row[f] or "" for f in _FIELDS) for row in csv.DictReader(rows, delimiter="\t")]


_FIELDS = tuple(f.name for f in fields(Region))


def pack_rows(rows: list[tuple[str, ...]]) -> tuple[str, array]:
    """Rows of strings as one string (fields tab-separated, a line each) and the offset where
    each line starts (and where the last ends, +1): thousands of rows load in well under a
    millisecond and take ~1/5 of the memory; a row is split when asked for (unpack_row)."""
    if any("\t" in v or "\n" in v for row in rows for v in row):
        raise ValueError("a field holds a tab or a line break")
    lines = ["\t".join(row) for row in rows]
    starts = array("l", [0])
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return "\n".join(lines), starts


def unpack_row(packed: tuple[str, array], i: int) -> list[str]:
    text, starts = packed
    return text[starts[i]:starts[i + 1] - 1].split("\t")


@cached("institutions.lexicon.region_rows")
def _region_rows() -> tuple[str, array]:
    """Every region (regions.tsv, then the hand-kept extras of regions_extra.tsv), packed
    (pack_rows): 3,420 pickled Regions took ~15 ms to load (each table that held them,
    more); a Region is made when asked for (region(i))."""
    return pack_rows(_region_file("regions.tsv") + _region_file("regions_extra.tsv"))


_MADE: list = []   # the Regions made so far (None: not yet)


def _made() -> list:
    if not _MADE:
        _MADE[:] = [None] * (len(_region_rows()[1]) - 1)
    return _MADE


def region(i: int) -> Region:
    """The i-th region of the table (the order of regions())."""
    made = _made()
    r = made[i]
    if r is None:
        r = made[i] = Region(*unpack_row(_region_rows(), i))
    return r


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    """Generated administrative divisions (regions.tsv) and hand-kept extras."""
    return tuple(map(region, range(len(_made()))))


@cached("institutions.lexicon.region_names")
def _region_names() -> dict[str, int]:
    """Region name -> the index of the first region of that name."""
    out: dict[str, int] = {}
    for i, r in enumerate(regions()):
        out.setdefault(r.name, i)
    return out


# region_named's regions found (~1,000 look-ups a pass, most a region's city or province: round 32);
# names that are no region's are not kept (text slices are looked up too), so it holds at most the table
_NAMED: dict[str, Region] = {}


def region_named(name: str) -> Optional[Region]:
    """The first region of that name, None for none."""
    found = _NAMED.get(name)
    if found is None:
        i = _region_names().get(name)
        if i is None:
            return None
        found = _NAMED[name] = region(i)
    return found


def regions_by_name() -> dict[str, Region]:
    """Region name -> the first region of that name (every region made: region_named looks
    one up)."""
    return {name: region(i) for name, i in _region_names().items()}


@cached("institutions.lexicon.bodies")
def bodies() -> list[dict]:
    return _yaml("bodies.yaml")


@cached("institutions.lexicon.patterns")
def patterns() -> dict:
    return _yaml("patterns.yaml")


# named institutions by kind: name, aliases, optional level/region
NAMED_FILES = ("named.yaml", "hospitals.yaml", "media.yaml", "companies.yaml", "brands.yaml", "international.yaml")


@cached("institutions.lexicon.countries")
def countries() -> tuple[tuple[str, str], ...]:
    """(short name, official name) of every foreign country (countries.tsv)."""
    with open(os.path.join(DATA, "countries.tsv"), encoding="utf-8") as fh:
        rows = [line for line in fh if not line.startswith("#")]
    # news text writes 刚果（金） with full-width brackets, the table 刚果(金): the full-width
    # form is the short name, the table's a second way of writing it (country_heads)
    table = [(_fullwidth(r["short"]), r["name"]) for r in csv.DictReader(rows, delimiter="\t")]
    # territories written like countries (加沙地带卫生部): foreign.yaml, kept by hand
    return tuple(table + [(t["short"], t["name"]) for t in _yaml("foreign.yaml").get("territories", ())])


def _fullwidth(s: str) -> str:
    return s.replace("(", "（").replace(")", "）")


def country_heads(short: str, full: str) -> tuple[str, ...]:
    """The ways a country's name is written before a body: short, short with ASCII brackets,
    official name, and the official name less 王国 where two characters or more are left
    (沙特阿拉伯王国 -> 沙特阿拉伯; 泰王国 keeps 泰国 only)."""
    common = full[:-2] if full.endswith("王国") and len(full) >= 4 else full
    return tuple(dict.fromkeys((short, short.replace("（", "(").replace("）", ")"), full, common,
                                *_informal().get(short, ()))))


@cached("institutions.lexicon.informal")
def _informal() -> dict[str, tuple[str, ...]]:
    """A country's informal names written before its bodies (foreign.yaml `informal`: 澳洲)."""
    return {k: tuple(v) for k, v in (_yaml("foreign.yaml").get("informal") or {}).items()}


@cached("institutions.lexicon.styled")
def _styled() -> dict[str, tuple[str, bool]]:
    return {s["short"]: (s["prefix"], bool(s.get("all"))) for s in _yaml("foreign.yaml").get("styled", ())}


def styled_prefix(short: str, government: bool = True) -> str:
    """The country's name as its bodies' names begin (foreign.yaml `styled`: 刚果（金） ->
    刚果民主共和国, 俄罗斯 -> 俄罗斯联邦 for its government and ministries); else the short name.
    `government`: whether the body is the government or one of its ministries."""
    prefix, every = _styled().get(short, (short, True))
    return prefix if government or every else short


def _foreign() -> dict[str, Entry]:
    """Foreign governments x ministries (foreign.yaml x countries.tsv)."""
    table = _yaml("foreign.yaml")
    out: dict[str, Entry] = {}
    for short, full in countries():
        # a country's own form first: 美国参议院 is its 国会参议院, not the generic chamber
        for body in [b for b in table["specific"] if short in b["countries"]] + table["generic"]:
            entry = Entry(styled_prefix(short) + body["canonical"], body.get("kind", "government"), None, short)
            for head in country_heads(short, full):
                for form in body["forms"]:
                    # `as_written`: a body whose name is the country's as the text writes it
                    # (伊朗伊斯兰共和国通讯社, the agency's own name, not 伊朗通讯社)
                    out.setdefault(head + form, Entry(head + form, entry.kind, None, short) if body.get("as_written") else entry)
    return out


ABBR_FORM_MIN = 3  # characters of a body's form written after a one-character country abbreviation


def _abbreviated_foreign() -> dict[str, Entry]:
    """A country's own bodies (foreign.yaml `specific`) after its one-character abbreviation
    (美疾控中心, 美国土安全部; round 18), forms of ABBR_FORM_MIN characters or more (美国会 would
    read 美国 + 会). No country's name starts them: they are listed with the named bodies."""
    from .foreign import COUNTRY_ABBR

    out: dict[str, Entry] = {}
    for body in _yaml("foreign.yaml")["specific"]:
        if body.get("as_written"):
            continue
        for ch, short in COUNTRY_ABBR.items():
            if short in body["countries"]:
                entry = Entry(styled_prefix(short) + body["canonical"], body.get("kind", "government"), None, short)
                for form in body["forms"]:
                    if len(form) >= ABBR_FORM_MIN:
                        out.setdefault(ch + form, entry)
    return out


def named() -> dict[str, Entry]:
    """Surface form -> entry, for national bodies and named institutions."""
    out: dict[str, Entry] = {}
    for item in _yaml("national.yaml"):
        level = item.get("level", "national")
        entry = Entry(item["name"], item["kind"], level, None)
        for surface in [item["name"], *item.get("aliases", [])]:
            out.setdefault(surface, entry)
        for surface in [item["name"], *item.get("aliases", [])]:
            if surface.startswith("国家") and surface.endswith("总局") and len(surface) >= 6:
                out.setdefault(surface[2:], entry)  # 体育总局, 食品药品监管总局: a 总局 is written less 国家
    for name in NAMED_FILES:
        for kind, items in _yaml(name).items():
            for item in items:
                entry = Entry(item["name"], kind, item.get("level"), item.get("region"))
                for surface in [item["name"], *item.get("aliases", [])]:
                    if kind == "company" and surface.endswith(CHINA_ARM) and len(surface) > len(CHINA_ARM) + 1:
                        arm = Entry(surface, kind, item.get("level"), item.get("region"))
                        out.setdefault(surface, arm)  # 强生中国: the China arm, a body of its own
                        out.setdefault(surface + "区", arm)  # 强生中国区
                        continue
                    out.setdefault(surface, entry)
                group = _group_name(item["name"]) if kind == "company" else None
                if group:
                    out.setdefault(group, entry)  # 东风汽车集团 -> 东风汽车集团有限公司
    for surface, entry in _abbreviated_foreign().items():
        out.setdefault(surface, entry)  # 美疾控中心 (round 18)
    return out


# round 16: a multinational's China arm written as its brand + 中国 (强生中国, 强生中国区 发表声明) is
# the body the text names, not the parent (real gold: name 强生中国)
CHINA_ARM = "中国"

# a group's registered name less its legal form is how news names it (东风汽车集团有限公司 written
# 东风汽车集团): the same company, named by its full name (guide v2: official full names of
# central enterprises and companies by public record)
GROUP_LEGAL_ENDS = ("集团股份有限公司", "集团有限责任公司", "集团有限公司")
MIN_GROUP = 4  # 哈药集团: a shorter one (X集团) is read by its own alias only


def _group_name(name: str):
    for end in GROUP_LEGAL_ENDS:
        if name.endswith(end) and len(name) - len(end) + 2 >= MIN_GROUP:
            return name[:-len(end)] + "集团"
    return None


@cached("institutions.lexicon.not_before")
def not_before() -> dict[str, tuple[str, ...]]:
    """Surface form -> the words after which it is no mention (a national or named item's
    `not_before`: 中国移动 before 医疗 is 中国 + 移动医疗; 国办 before 发 a document number)."""
    out: dict[str, tuple[str, ...]] = {}
    for items in [_yaml("national.yaml"), *(i for name in NAMED_FILES for i in _yaml(name).values())]:
        for item in items:
            if item.get("not_before"):
                for surface in [item["name"], *item.get("aliases", [])]:
                    out[surface] = tuple(item["not_before"])
    foreign_items = [b for b in _yaml("foreign.yaml")["generic"] if b.get("not_before")]
    for short, full in countries() if foreign_items else ():  # 海地总统府外: the building (round 20)
        for body in foreign_items:
            for head in country_heads(short, full):
                for form in body["forms"]:
                    out.setdefault(head + form, tuple(body["not_before"]))
    return out


@cached("institutions.lexicon.known")
def known() -> dict[str, Entry]:
    """Surface form -> entry, for national bodies, named institutions and foreign bodies."""
    out = named()
    for surface, entry in _foreign().items():
        out.setdefault(surface, entry)
    return out


@cached("institutions.lexicon.hospital_shorts")
def hospital_shorts() -> dict[str, tuple[Entry, ...]]:
    """Bare short name -> the well-known hospitals known by it (hospitals.yaml `short`), in
    file order: 协和 -> Beijing's, Wuhan's, Fuzhou's."""
    out: dict[str, list[Entry]] = {}
    for item in _yaml("hospitals.yaml")["hospital"]:
        for short in item.get("short", ()):
            out.setdefault(short, []).append(Entry(item["name"], "hospital", item.get("level"), item.get("region")))
    return {k: tuple(v) for k, v in out.items()}
