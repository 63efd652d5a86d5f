"""Typed columns from the record's ISO values: a date value -> its first and last day, a
deadline's `due` -> a timestamp. Values with unknown parts (X) or forms not listed here
give None: the record's own text stays in the row beside the typed column."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Optional

Period = tuple[Optional[date], Optional[date], Optional[time]]
_NONE: Period = (None, None, None)

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12])")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")


@lru_cache(maxsize=4096)   # a corpus repeats its dates; the periods are immutable
def period(value: Optional[str]) -> Period:
    """First day, last day and clock time (minute-grain values only) of an ISO value:
    2021, 2021-11, 2021-11-25, 2021-11-25T17:30, 2021-Q1, 2021-H2, 2021-W49, 195 (the
    1950s), 19 (1900-1999), and ranges of these written A/B."""
    if not value or not isinstance(value, str):
        return _NONE
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = period(first), period(last)
        if a[0] is None or b[1] is None:
            return _NONE
        return a[0], b[1], None
    try:
        return _single(value.strip())
    except ValueError:  # 2021-02-30, month 13, week 54
        return _NONE


def _single(v: str) -> Period:
    if m := _DAY.fullmatch(v):
        y, mo, d, hh, mm, ss = m.groups()
        day = date(int(y), int(mo), int(d))
        clock = time(int(hh), int(mm), int(ss or 0)) if hh is not None else None
        return day, day, clock
    if m := _MONTH.fullmatch(v):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), None
    if m := _YEAR.fullmatch(v):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31), None
    if m := _PART.fullmatch(v):
        y, part = int(m[1]), m[2]
        n = int(part[1])
        months = 3 if part[0] == "Q" else 6
        first = (n - 1) * months + 1
        last = first + months - 1
        return date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1]), None
    if m := _WEEK.fullmatch(v):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6), None
    if m := _DECADE.fullmatch(v):
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), None
    if m := _CENTURY.fullmatch(v):
        y = int(m[1]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), None
    return _NONE


def first_day(value: Optional[str]) -> Optional[date]:
    return period(value)[0]


def due_at(value: Optional[str]) -> Optional[datetime]:
    """A deadline's due value as a timestamp: its last day, at the clock time the text
    gives (2023-12-25T17:30) or at midnight (2024-12-31, 2026-02 -> 2026-02-28)."""
    _, last, clock = period(value)
    if last is None:
        return None
    return datetime.combine(last, clock or time(0, 0))
