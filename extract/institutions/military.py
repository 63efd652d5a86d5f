"""PLA hospitals by number (round 13): 解放军304医院, 中国人民解放军第458医院, a city + a three-digit
number (北京302医院: civilian hospitals are numbered in words, 第一人民医院), and the bare numbers of
a 、 list that continues one of them (解放军304医院、305医院、306医院). Named by data/military.yaml.
Linear: one pass from 医院 to 医院, then a walk along each list."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon
from .boundaries import cut_at
from .candidates import Candidate

RULE = "pattern.military"
_DIGITS = "0123456789０１２３４５６７８９"  # no digit before the number
_NEXT = re.compile(r"[、和及]\s*(?P<n>[0-9]{3})医院")


@cached("institutions.military.data")
def _data() -> dict:
    return lexicon._yaml("military.yaml")


def _name(n: str) -> str:
    d = _data()
    return d["own_names"].get(n) or d["template"].format(n=n)


def _head(text: str, s: int, n: str) -> tuple[int, float]:
    """Where the army's words or a city's name before the number `n` at `s` start (-1: none),
    and the confidence: a city's must outrank the anchored pattern's name as written."""
    for head in _data()["heads"]:
        for h in (head + "第", head):
            if text.startswith(h, s - len(h)):
                return s - len(h), 0.8
    if int(n) < _data()["city_min"]:
        return -1, 0.0
    for k in (3, 2):
        head = text[s - k:s] if s >= k else ""
        r = (lexicon.region_named(head) or lexicon.region_named(head + "市")) if head else None
        if r is not None and r.level in ("municipal", "provincial") and cut_at(text, s - k):
            return s - k, 0.85
    return -1, 0.0


def _numbered(text: str):
    """(start, end, number) of each three-digit number + 医院 with no digit before it, in order:
    what `(?<![0-9０-９])([0-9]{3})医院` finds, found from 医院 (str.find skips to it; the pattern,
    opening with a lookbehind, was tried at every character)."""
    p = text.find("医院", 3)
    while p >= 0:
        s = p - 3
        n = text[s:p]
        if n.isascii() and n.isdigit() and (s == 0 or text[s - 1] not in _DIGITS):
            yield s, p + 2, n
        p = text.find("医院", p + 2)


def military_hospitals(text: str) -> list[Candidate]:
    if "医院" not in text:
        return []
    out: list[Candidate] = []
    end = 0
    for start, stop, n in _numbered(text):
        if start < end:
            continue
        s, confidence = _head(text, start, n)
        if s < 0:
            continue
        out.append(Candidate(s, stop, _name(n), "hospital", None, None, RULE, confidence))
        end = stop
        k = _NEXT.match(text, end)
        while k is not None:  # the list goes on: 、305医院
            out.append(Candidate(k.start("n"), k.end(), _name(k.group("n")), "hospital", None, None, RULE, 0.8))
            end = k.end()
            k = _NEXT.match(text, end)
    return out


@cached("institutions.military.academies")
def _academies() -> tuple:
    d = _data()
    return d["academy_army"], tuple(d["academy_heads"]), tuple(d["academy_ends"])


def army_academies(found: list[Candidate], text: str = "") -> list[Candidate]:
    """The army's universities named under it (round 21): 陆军军医大学 -> 中国人民解放军陆军军医大学,
    解放军陆军军医大学 -> 中国人民解放军陆军军医大学 (military.yaml academy_*). One startswith a candidate.
    The army's name written right before a listed one (解放军第二军医大学) is inside its span (round 22)."""
    army, heads, ends = _academies()
    out = found
    for i, c in enumerate(found):
        if c.kind != "university" or not c.name.startswith(heads) or not c.name.endswith(ends):
            continue
        name = army + (c.name[3:] if c.name.startswith("解放军") else c.name)
        start = c.start
        if text.startswith(SHORT_ARMY, start - 3):
            start -= 3
            if text.startswith(army[:4], start - 4):
                start -= 4  # 中国人民解放军第二军医大学
        if out is found:
            out = list(found)
        out[i] = c.with_(name=name, start=start)
    return out


SHORT_ARMY = "解放军"


@cached("institutions.military.departments")
def _departments() -> tuple:
    d = _data()
    return tuple(d["department_heads"]), re.compile(d["department_pattern"])


def army_departments(text: str) -> list[Candidate]:
    """The army's general departments after its name (中国人民解放军总装后勤部 -> as written,
    解放军总政治部 -> 中国人民解放军总政治部; round 21). Found from the literal 解放军."""
    heads, rx = _departments()
    army = _academies()[0]
    out: list[Candidate] = []
    p = text.find("解放军")
    while p >= 0:
        e = p + 3
        s = p - 4 if text.startswith(heads[0], p - 4) else p
        m = rx.match(text, e)
        if m is not None and cut_at(text, m.end()):
            out.append(Candidate(s, m.end(), army + m.group(), "government", "national", None, "pattern.military.department", 0.7))
        p = text.find("解放军", e)
    return out
