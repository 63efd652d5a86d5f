"""A date's end as a Point (its parts and its ISO-style value at its grain), where its parts
came from (the anchor kinds), and the calendar arithmetic resolve.py fills a Point with: the
days of a month, a month shifted, the year a month or a range without one is in, a two-digit
year, and whether a day is real. The current clock is never read."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, fields
from datetime import date, timedelta
from itertools import repeat
from typing import Optional

from ..refdate import RefDate
from .lexicon import lexicon

EXPLICIT, PUBLICATION, PREVIOUS, UNRESOLVED = "explicit", "publication", "previous_date", "unresolved"


@dataclass(slots=True)
class Point:
    grain: str
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    hh: Optional[int] = None
    mi: Optional[int] = None
    q: Optional[int] = None
    h: Optional[int] = None
    w: Optional[int] = None
    c: Optional[int] = None  # century index: 20 for the 21st century (2000-2099)
    dec: Optional[int] = None  # decade digit within the century
    # the year a `named_year` word (上年) counted back from: a second 上年 after it counts from
    # the same year (2022年…比上年…；…比上年… are both 2021)
    back: Optional[int] = None
    # a year said as the time of what follows (2010年，…; 2006年的…): a month after it in the
    # sentence is in that year (2010年，强生分别在8月和12月…)
    sets_year: bool = False
    # the month a `named_month` word (上月) counted back from (3月份…较上月…；…较上月…: both February)
    mback: Optional[tuple] = None

    def value(self) -> str:
        g = self.grain
        if g == "century":
            return _x(self.c, 2)
        if g == "decade":
            return _x(self.c, 2) + _x(self.dec, 1)
        y = _x(self.y, 4)
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.h}"
        if g == "quarter":
            return f"{y}-Q{self.q}"
        if g == "week":
            return f"{y}-W{_x(self.w, 2)}"
        ym = f"{y}-{_x(self.m, 2)}"
        if g == "month":
            return ym
        ymd = f"{ym}-{_x(self.d, 2)}"
        if g == "day":
            return ymd
        return f"{ymd}T{self.hh:02d}:{(self.mi or 0):02d}"


_POINT_FIELDS = tuple(f.name for f in fields(Point))


def replace(pt: Point, **changes) -> Point:
    """dataclasses.replace for a Point (all its fields are init fields, none an InitVar): its
    fields read by one C-level map, not one Python step per field and its checks."""
    return Point(**{**dict(zip(_POINT_FIELDS, map(getattr, repeat(pt), _POINT_FIELDS))), **changes})


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(y: int, m: int) -> int:
    """calendar.monthrange(y, m)[1] from a table (a month out of range still raises there)."""
    if m == 2:
        return 29 if calendar.isleap(y) else 28
    if 1 <= m <= 12:
        return _MONTH_DAYS[m]
    return calendar.monthrange(y, m)[1]


def _x(v: Optional[int], width: int) -> str:
    if v is None:
        return "X" * width
    return f"{v:02d}" if width == 2 else f"{v:04d}" if width == 4 else f"{v:0{width}d}"


class _Anchor:
    """Collects where the parts came from."""

    __slots__ = ("kind", "ahead")

    def __init__(self, ahead: bool = False):
        self.kind = EXPLICIT
        self.ahead = ahead  # a due date: a month without a year is the coming one (_nearest_year)

    def use(self, kind: str):
        if _RANK[kind] > _RANK[self.kind]:
            self.kind = kind


_RANK = {kind: i for i, kind in enumerate((EXPLICIT, PUBLICATION, PREVIOUS, UNRESOLVED))}


def _shift_month(y: Optional[int], m: int, off: int) -> tuple[Optional[int], int]:
    n = m - 1 + off
    return (None if y is None else y + n // 12), n % 12 + 1


# how far back a due date without a year may lie and still be this year's (9月底前 in an
# article of 10 October: the September just gone; in March: the September to come)
AHEAD_GRACE_DAYS = 31


def _nearest_year(m: int, d: Optional[int], ref: RefDate, ahead: bool = False) -> int:
    """The year that puts month m (day d) nearest to the publication date; `ahead` (a due
    date): the first year that puts it no more than AHEAD_GRACE_DAYS before the publication
    date (the end of the month when no day is given)."""
    if ref.month is None:
        return ref.year
    if ahead:
        since = date(ref.year, ref.month, ref.day or 1) - timedelta(days=AHEAD_GRACE_DAYS)
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                end = date(y, m, d) if d else date(y, m, _month_days(y, m))
            except ValueError:
                continue
            if end >= since:
                return y
    best, best_dist = ref.year, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if ref.day and d:
            try:
                dist = abs((date(y, m, d) - date(ref.year, ref.month, ref.day)).days)
            except ValueError:
                continue
        else:
            dist = abs((y * 12 + m) - (ref.year * 12 + ref.month)) * 30
        if best_dist is None or dist < best_dist:
            best, best_dist = y, dist
    return best


def _running_year(m: Optional[int], d: Optional[int], m2: Optional[int], d2: Optional[int],
                  ref: RefDate) -> Optional[int]:
    """A range of months or days without a year that runs through the publication date, or
    begins at most AHEAD_GRACE_DAYS after it, is this year's (a campaign under way or about to
    open: 4月至11月开展, 于5月—12月 in an article of 2023-04-30), not the year that puts its end
    nearest. Not a range opening the year (1—11月: year-to-date figures, reported after it)."""
    if ref.month is None or ref.day is None or not m or m == 1 or not m2 or m2 < m:
        return None
    y = ref.year
    try:
        start = date(y, m, d or 1)
        end = date(y, m2, d2 or _month_days(y, m2))
    except ValueError:
        return None
    pub = date(ref.year, ref.month, ref.day)
    return y if start - timedelta(days=AHEAD_GRACE_DAYS) <= pub <= end else None


def _full_year(y: int, ref) -> int:
    """24年3月: a two-digit year in the century that puts it at most ten years after the
    publication year (without one: 00-49 -> 20xx, 50-99 -> 19xx)."""
    if y >= 100:
        return y
    if ref is None:
        return 2000 + y if y < 50 else 1900 + y
    full = ref.year // 100 * 100 + y
    return full - 100 if full > ref.year + 10 else full


def _spoken_year(y: int, ref) -> bool:
    """，15年药监局…: a two-digit year from 10 on, alone, only of the `spoken_year_back` years
    up to the publication year (a count of years otherwise: no publication, no year)."""
    if ref is None:
        return False
    full = _full_year(y, ref)
    return ref.year - lexicon()["spoken_year_back"] <= full <= ref.year


def _real(pt: Point) -> bool:
    if pt.y is not None and pt.m is not None and pt.d is not None:
        return pt.d <= _month_days(pt.y, pt.m)
    if pt.m is not None and pt.d is not None:
        return pt.d <= (29 if pt.m == 2 else _month_days(2001, pt.m))
    return True
