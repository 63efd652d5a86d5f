"""Canonical names of the open world's candidates (patterns.py finds them): a district's city in
front (上海市普陀区中心医院), a county's or province's short form written out where it stands for
the full one (鹿邑 -> 鹿邑县, 武汉金银潭医院 -> 武汉市金银潭医院), numbered hospitals written short
(桐乡市三医院 -> 桐乡市第三人民医院), and the county tables those need."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..prebuilt import cached
from . import lexicon
from .references import region_prefix

if TYPE_CHECKING:
    from .patterns import Anchor


def canonical_name(text: str, a: "Anchor", s: int, e: int, item: dict) -> str:
    """Canonical: a district's city goes in front (上海市普陀区中心医院), a county's short
    form is written out (鹿邑 -> 鹿邑县), and a suffix may have a canonical form."""
    suffix = item.get("canonical", item["suffix"])
    if a.region is not None and (a.county_short or a.region.level == "district"):
        head = a.region.display if a.region.level == "district" else a.region.name
        name = head + text[a.end:s] + suffix
    elif a.region is not None and _expands(text, a, s, item):
        name = a.region.name + text[a.end:s] + suffix  # 武汉金银潭医院 -> 武汉市金银潭医院
    elif a.canon:
        name = a.canon + text[a.end:s] + suffix  # 中科院 + 空天信息创新研究院
    else:
        name = text[a.start:s] + suffix
    if a.region is not None and name.startswith(a.region.name):
        k = next((k for k in (3, 2, 1) if text[a.end:a.end + k] == a.region.name[-k:]
                  and not text[a.start:a.end].endswith(a.region.name[-k:])), 0)
        name = name[:len(a.region.name)] + name[len(a.region.name) + k:]  # 湘西州医院, 湘西自治州医院: not 自治州州
    return _numbered(name.replace("市市", "市"), item)


# a city's or county's numbered hospital written short (桐乡市三医院): its name is 第N人民医院,
# and a province written before the city is its address, not part of its name
_NUMBERED = re.compile(r"(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?([\u4e00-\u9fff]{1,6}?[市县])([一二三四五六七八九十]{1,3})医院")


def _numbered(name: str, item: dict) -> str:
    if item["kind"] != "hospital":
        return name
    m = _NUMBERED.fullmatch(name)
    return name if m is None else f"{m.group(1)}第{m.group(2)}人民医院"


def _expands(text: str, a: "Anchor", s: int, item: dict) -> bool:
    """A province's or city's short name before a hospital's or CDC's own name stands for
    the full one; not before a school's name (广州中医药大学第一附属医院 stays as written)."""
    if (item["kind"] == "government" and a.region.province.endswith("特别行政区")
            and text[a.start:a.end] != a.region.name and not text[a.end:s].startswith(("特区", "特别行政区"))
            and (text[a.end:s] + item["suffix"]).endswith(tuple(lexicon.patterns()["sar_departments"]))):
        return True  # 澳门治安警察局 -> 澳门特别行政区治安警察局: a SAR's bodies are named with it
    return (item["kind"] in ("hospital", "public_health") and a.region.level in ("provincial", "municipal")
            and text[a.start:a.end] != a.region.name and not _KEEP_AS_WRITTEN.search(text[a.end:s])
            and not region_prefix(text[a.end:s])  # 山西大同市…: only the region right before the name
            and not (a.region.level == "provincial" and county_short_first(text[a.end:s]))
            # 浙江萧山妇幼保健院, 云南安宁第一人民医院: a county's hospital, not the province's
            and not (a.region.level == "provincial" and item["kind"] == "hospital"
                     and not text.startswith(_provincial_types(), a.end)))
            # 河南宏力医院: a private hospital's registered name keeps the short province


@cached("institutions.patterns.provincial_types")
def _provincial_types() -> tuple[str, ...]:
    return tuple(lexicon.patterns()["provincial_hospital_types"])


@cached("institutions.patterns.county_short_set")
def _county_short_set() -> frozenset:
    return frozenset(r.short for r in lexicon.regions() if r.level in ("county", "district") and len(r.short) >= 2)


def county_short_first(rest: str) -> bool:
    shorts = _county_short_set()
    return any(rest[:n] in shorts for n in (2, 3, 4))


# a school's hospital, or a specialty hospital named as a brand (周口骨科医院: a private
# hospital's own name), keeps the region as written
_KEEP_AS_WRITTEN = re.compile("大学|学院|骨科|眼科|男科|妇产|口腔|整形|美容|皮肤|肛肠|耳鼻喉|不孕")


def numeral_county(prefix: str) -> bool:
    """A county's short name that starts with a numeral (四会, 五常, 三河) heads a registered
    name (四会X药业有限公司): not the count a numeral head makes (三家医院; round 12)."""
    return prefix[:1] in NUMERAL_HEADS and county_short_first(prefix)


NUMERAL_HEADS = "一二三四五六七八九十"


@cached("institutions.patterns.county_full")
def county_full() -> dict[str, str]:
    """A county's short name -> its full name (开化 -> 开化县), for a short that names one county only."""
    seen: dict[str, list[str]] = {}
    for r in lexicon.regions():
        if r.level == "county" and len(r.short) >= 2 and r.name.endswith(("县", "市", "旗")):
            seen.setdefault(r.short, []).append(r.name)
    return {k: v[0] for k, v in seen.items() if len(set(v)) == 1}
