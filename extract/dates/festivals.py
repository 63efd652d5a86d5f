"""Holidays, festivals, solar terms and lunar dates, converted to Gregorian days.

The calendar comes from lunar-python (MIT, pure Python, no data download): its
festival tables name the days, its Lunar/Solar classes convert lunar dates and
compute the solar terms. festivals.yaml only adds the short forms Chinese text
uses (国庆, 中秋, 大年三十) and leaves out ambiguous library names.

    names()                  -> {surface word: Festival}
    day_of(festival, year)   -> date or None  (year: Gregorian, or lunar for lunar days)
    lunar_day(y, m, d)       -> date or None  (lunar year y, month m (<0: leap), day d)
"""
from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from ..prebuilt import cached, stored
from .lexicon import load_yaml


@dataclass(frozen=True)
class Festival:
    name: str  # the canonical (library) name
    # solar | lunar | week | term | eve | last (the month's last day) | observed (a day fixed by
    # observation each year, 古尔邦节: no offline rule; the text may name it, else unresolved)
    kind: str
    month: int = 0
    day: int = 0  # day of month; for `week`: the nth week
    weekday: int = 0  # for `week`: 0 = Sunday (the library's numbering)
    after: Optional[str] = None  # a context that must follow the word (五一假期)


def _library_files() -> tuple[str, ...]:
    """The calendar library's tables (a part of the key of the objects stored from them)."""
    spec = importlib.util.find_spec("lunar_python")   # finds the package without importing it
    where = list(spec.submodule_search_locations or ()) if spec else []
    return tuple(os.path.join(where[0], "util", f) for f in ("LunarUtil.py", "SolarUtil.py")) if where else ()


LIBRARY_FILES = _library_files()
SOURCES = ("dates/festivals.py", "dates/festivals.yaml", "dates/lexicon.py", "datafiles.py", *LIBRARY_FILES)


def _lib():
    from lunar_python.util import LunarUtil, SolarUtil  # imported on first use only

    return LunarUtil, SolarUtil


def _md(key: str) -> tuple[int, ...]:
    return tuple(int(x) for x in key.split("-"))


@lru_cache(maxsize=None)
def _library_table() -> dict[str, Festival]:
    LunarUtil, SolarUtil = _lib()
    spec = load_yaml("festivals.yaml")
    skip = set(spec["exclude"])
    table: dict[str, Festival] = {}

    def add(name: str, fest: Festival):
        if name not in skip and not re.search(r"[0-9A-Za-z]", name) and name not in table:
            table[name] = fest

    for key, name in SolarUtil.FESTIVAL.items():
        add(name, Festival(name, "solar", *_md(key)))
    for key, name in LunarUtil.FESTIVAL.items():
        add(name, Festival(name, "lunar", *_md(key)))
    for key, names in SolarUtil.OTHER_FESTIVAL.items():
        for name in names:
            add(name, Festival(name, "solar", *_md(key)))
    for key, names in LunarUtil.OTHER_FESTIVAL.items():
        for name in names:
            if len(name) >= 3:  # 人日, 天日: too short to be read as names
                add(name, Festival(name, "lunar", *_md(key)))
    for key, name in SolarUtil.WEEK_FESTIVAL.items():
        add(name, Festival(name, "week", *_md(key)))
    for term in spec["solar_terms"]:
        add(term, Festival(term, "term"))
    for name, e in spec.get("extra", {}).items():
        if e.get("observed"):
            add(name, Festival(name, "observed"))
        elif "lunar" in e:
            add(name, Festival(name, "lunar", *e["lunar"]))
        elif "week" in e:
            add(name, Festival(name, "week", e["month"], e["week"], e["weekday"]))
        elif e["day"] == "last":
            add(name, Festival(name, "last", e["month"]))
        else:
            add(name, Festival(name, "solar", e["month"], e["day"]))
    return table


@cached("dates.festivals", sources=SOURCES)
def names() -> dict[str, Festival]:
    """Every word read as a festival: library names, aliases and contextual short forms."""
    spec = load_yaml("festivals.yaml")
    table = dict(_library_table())
    eve = Festival("除夕", "eve")
    for word, target in spec["aliases"].items():
        table[word] = eve if target == "eve" else _library_table()[target]
    for word, entry in spec["contextual"].items():
        base = _library_table()[entry["name"]]
        table[word] = Festival(base.name, base.kind, base.month, base.day, base.weekday, entry["after"])
    return table


@lru_cache(maxsize=None)
def context(after: str) -> re.Pattern:
    """The context a short form needs after it (a closing quote may come first: “五一”假期)."""
    return re.compile(f"[”\"’」』]?(?:{after})")


_QUOTES = {"“": "”", "\"": "\"", "‘": "’", "「": "」", "『": "』"}


def quoted(text: str, start: int, end: int) -> bool:
    """The word alone between a pair of quotes (“五一”, “十一”): written as a name
    (only the short forms festivals.yaml lists under `quoted`; “清明” stays a word)."""
    return (text[start:end] in _quoted_words() and start > 0
            and _QUOTES.get(text[start - 1]) == text[end:end + 1] != "")


@lru_cache(maxsize=None)
def _quoted_words() -> frozenset:
    return frozenset(load_yaml("festivals.yaml")["quoted"])


@lru_cache(maxsize=None)
def not_after() -> re.Pattern:
    """What after a holiday name makes it no day (春节档, 元宵晚会, 春节文化)."""
    return re.compile(load_yaml("festivals.yaml")["not_after"])


@cached("dates.lunar_months", sources=SOURCES)
def lunar_month_names() -> dict[str, int]:
    """正 -> 1 … 冬 -> 11, 腊 -> 12, with the numeral forms (十一, 十二) text also uses."""
    LunarUtil, _ = _lib()
    out = {name: i for i, name in enumerate(LunarUtil.MONTH) if name}
    out.update({"一": 1, "十一": 11, "十二": 12})
    return out


@cached("dates.lunar_days", sources=SOURCES)
def lunar_day_names() -> dict[str, int]:
    """初一 … 三十 (the library's names), plus 二十一 … 二十九 written without 廿."""
    LunarUtil, _ = _lib()
    out = {name: i for i, name in enumerate(LunarUtil.DAY) if name}
    for name, i in list(out.items()):
        if name.startswith("廿"):
            out["二十" + name[1:]] = i
    return out


YEARS = range(1900, 2101)   # the years the calendar library covers and the table holds
CALENDAR_SOURCES = SOURCES + tuple(os.path.normpath(os.path.join(os.path.dirname(f), n)) for f in LIBRARY_FILES[:1]
                                   for n in ("ShouXingUtil.py", "../LunarYear.py", "../LunarMonth.py"))


@cached("dates.lunar_calendar", sources=CALENDAR_SOURCES)
def lunar_calendar() -> tuple[dict, dict]:
    """The calendar library's answers for every year of YEARS, as two tables:
    lunar year -> {month (<0: leap): (Gregorian ordinal of its first day, days)} and
    Gregorian year -> {solar term name: Gregorian ordinal}. The library computes a
    lunar year from astronomy (about 10 ms a year, the first time a process meets the
    year); the cache build stores the table, so a warm or fresh process looks days up."""
    from lunar_python import Lunar, LunarYear, Solar

    months: dict = {}
    for y in YEARS:
        months[y] = {m.getMonth(): (_ordinal(Solar.fromJulianDay(m.getFirstJulianDay())), m.getDayCount())
                     for m in LunarYear.fromYear(y).getMonthsInYear()}
    terms: dict = {y: {} for y in YEARS}
    tables = {y: Lunar.fromYmd(y, 1, 1).getJieQiTable() for y in range(YEARS[0] - 1, YEARS[-1] + 2)}
    for y in YEARS:
        for lunar_year in (y - 1, y, y + 1):     # the order _term_from_library reads them in
            for key, s in tables[lunar_year].items():
                if s.getYear() == y:
                    terms[y].setdefault(key, _ordinal(s))
    return months, terms


def _ordinal(s) -> int:
    return date(s.getYear(), s.getMonth(), s.getDay()).toordinal()


@lru_cache(maxsize=1)
def _stored_calendar():
    """The stored table, or None when no cache was built (then each year is computed by
    the library on first use, as before: building the whole table would cost seconds)."""
    return stored("dates.lunar_calendar")


@lru_cache(maxsize=4096)
def lunar_day(year: int, month: int, day: int) -> Optional[date]:
    """The Gregorian day of lunar year/month/day (month < 0: the leap month), or None
    when the lunar month has no such day (腊月三十 in a year whose 腊月 has 29)."""
    if not 1 <= abs(month) <= 12 or not 1 <= day <= 30 or not 1900 <= year <= 2100:
        return None
    table = _stored_calendar()
    if table is not None:
        first_days = table[0][year].get(month)
        if first_days is None or day > first_days[1]:
            return None
        return date.fromordinal(first_days[0] + day - 1)
    return _lunar_day_from_library(year, month, day)


def _lunar_day_from_library(year: int, month: int, day: int) -> Optional[date]:
    from lunar_python import Lunar

    try:
        s = Lunar.fromYmd(year, month, day).getSolar()
    except Exception:  # the library raises a bare Exception for a day the month lacks
        return None
    return date(s.getYear(), s.getMonth(), s.getDay())


@lru_cache(maxsize=1024)
def _solar_term(name: str, year: int) -> Optional[date]:
    table = _stored_calendar()
    if table is not None and year in table[1]:
        ordinal = table[1][year].get(name)
        return date.fromordinal(ordinal) if ordinal else None
    return _term_from_library(name, year)


def _term_from_library(name: str, year: int) -> Optional[date]:
    from lunar_python import Lunar

    for lunar_year in (year - 1, year, year + 1):
        for key, s in Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable().items():
            if key == name and s.getYear() == year:
                return date(s.getYear(), s.getMonth(), s.getDay())
    return None


def nth_weekday(year: int, month: int, nth: int, iso_weekday: int) -> Optional[date]:
    """The nth (1-5; -1: last) ISO weekday (1 = Monday) of a month."""
    if not 1 <= month <= 12 or not 1 <= iso_weekday <= 7:
        return None
    if nth < 0:
        nxt = date(year + month // 12, month % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - iso_weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def day_of(fest: Festival, year: int) -> Optional[date]:
    """The day `fest` falls on in `year` (the lunar year for lunar festivals: 2023年除夕
    is the eve of lunar new year 2023's spring festival... so the Gregorian year of 春节)."""
    if not 1900 <= year <= 2100:
        return None
    if fest.kind == "solar":
        try:
            return date(year, fest.month, fest.day)
        except ValueError:
            return None
    if fest.kind == "lunar":
        return lunar_day(year, fest.month, fest.day)
    if fest.kind == "eve":  # the day before the lunar new year
        new_year = lunar_day(year, 1, 1)
        return new_year - timedelta(days=1) if new_year else None
    if fest.kind == "last":  # 国际罕见病日: the last day of February
        return date(year + fest.month // 12, fest.month % 12 + 1, 1) - timedelta(days=1)
    if fest.kind == "week":
        return nth_weekday(year, fest.month, fest.day, fest.weekday or 7)
    if fest.kind == "observed":
        return None
    return _solar_term(fest.name, year)
