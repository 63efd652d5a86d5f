"""Readings to values: fill what the text leaves out from the publication date
(or from the previous date), and write the ISO-style value at the reading's grain.
Unknown parts stay X; the current clock is never read. The Point, its anchor kinds and
the calendar arithmetic (month lengths, the nearest or running year) are in points.py."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from ..refdate import RefDate
from . import festivals
from .lexicon import lexicon, to_int
from .points import EXPLICIT  # noqa: F401  (re-exported: dates/__init__.py imports it from here)
from .points import (AHEAD_GRACE_DAYS, PREVIOUS, PUBLICATION, UNRESOLVED, Point, _Anchor, _full_year,
                     _month_days, _nearest_year, _real, _running_year, _shift_month, _spoken_year, replace)
from .reading import Reading, unit_of


def _num(v) -> Optional[int]:
    return v if v is None or isinstance(v, int) else to_int(v)


def _year(p: dict, ref, prev: Optional[Point], anchor: _Anchor) -> tuple[bool, Optional[int]]:
    if p.get("y") is not None:
        return True, _full_year(p["y"], ref)
    if "ry" in p:
        entry = lexicon()["relative_years"][p["ry"]]
        if entry["base"] == "previous_date":
            if prev is None or prev.y is None:
                return False, None
            anchor.use(PREVIOUS)
            return True, prev.y + entry["offset"]
        if entry.get("named_year") and prev is not None and prev.y is not None:
            anchor.use(PREVIOUS)  # 2023年…比上年: the year before the year named
            return True, _named_base(prev) + entry["offset"]
        if ref is None:
            anchor.use(UNRESOLVED)
            return True, None
        anchor.use(PUBLICATION)
        return True, ref.year + entry["offset"]
    return True, None  # decided by the caller (nearest year, or X)


def _named_base(prev: Point) -> int:
    return prev.back if prev.back is not None else prev.y


def _fill_year(pt: Point, ref, anchor: _Anchor):
    if pt.y is not None:
        return
    if ref is None:
        anchor.use(UNRESOLVED)
        return
    anchor.use(PUBLICATION)
    pt.y = _nearest_year(pt.m, pt.d, ref, anchor.ahead) if pt.m else ref.year


def _relative_month(p: dict, pt: Point, ref, prev, anchor) -> bool:
    entry = lexicon()["relative_months"][p["rm"]]
    if entry["base"] == "previous_date":
        if prev is None or prev.m is None:
            return False
        anchor.use(PREVIOUS)
        pt.y, pt.m = _shift_month(prev.y, prev.m, entry["offset"])
    elif entry.get("named_month") and prev is not None and prev.y is not None and prev.m is not None \
            and (prev.grain == "month" or prev.mback is not None):
        anchor.use(PREVIOUS)  # 3月份…指数为103.4%，较上月上升: the month before the month named
        pt.mback = prev.mback or (prev.y, prev.m)
        pt.y, pt.m = _shift_month(pt.mback[0], pt.mback[1], entry["offset"])
    elif ref is None or ref.month is None:
        anchor.use(UNRESOLVED if ref is None else PUBLICATION)
        pt.y = None if ref is None or entry["offset"] else ref.year
    else:
        anchor.use(PUBLICATION)
        pt.y, pt.m = _shift_month(ref.year, ref.month, entry["offset"])
    return True


def _relative_day(word: str, pt: Point, ref, prev, anchor) -> bool:
    lex = lexicon()
    entry = lex["relative_days"].get(word) or lex["bracket_days"][word]
    if entry["base"] == "previous_date":
        if prev is None or prev.d is None or prev.m is None:
            return False
        anchor.use(PREVIOUS)
        if prev.y is None:
            pt.m, pt.d = prev.m, prev.d  # cannot shift without a year; keep the day
            return entry["offset"] == 0
        day = date(prev.y, prev.m, prev.d) + timedelta(days=entry["offset"])
    elif ref is None or ref.day is None:
        anchor.use(UNRESOLVED if ref is None else PUBLICATION)
        if ref is not None and entry["offset"] == 0:
            pt.y, pt.m = ref.year, ref.month
        return True
    else:
        anchor.use(PUBLICATION)
        day = ref.as_date() + timedelta(days=entry["offset"])
    pt.y, pt.m, pt.d = day.year, day.month, day.day
    return True


def _week(p: dict, pt: Point, ref, anchor) -> None:
    if ref is None or ref.day is None:
        anchor.use(UNRESOLVED if ref is None else PUBLICATION)
        return
    anchor.use(PUBLICATION)
    off = lexicon()["relative_weeks"][p["rw"]]["offset"]
    monday = ref.as_date() - timedelta(days=ref.as_date().weekday()) + timedelta(weeks=off)
    if "wd" in p:
        day = monday + timedelta(days=lexicon()["weekdays"][p["wd"]] - 1)
        pt.y, pt.m, pt.d = day.year, day.month, day.day
    else:
        pt.y, pt.w = monday.isocalendar()[0], monday.isocalendar()[1]


def _weekday(wd: str, pt: Point, ref, prev, anchor) -> None:
    """周五 alone: that day of the week of the date before it in the sentence, else
    of the publication's week."""
    if prev is not None and None not in (prev.y, prev.m, prev.d):
        anchor.use(PREVIOUS)
        base = date(prev.y, prev.m, prev.d)
    elif ref is not None and ref.day is not None:
        anchor.use(PUBLICATION)
        base = ref.as_date()
    else:
        anchor.use(UNRESOLVED if ref is None else PUBLICATION)
        return
    day = base - timedelta(days=base.weekday()) + timedelta(days=lexicon()["weekdays"][wd] - 1)
    pt.y, pt.m, pt.d = day.year, day.month, day.day


def _bare_day(pt: Point, ref, anchor) -> None:
    if ref is None:
        anchor.use(UNRESOLVED)
        return
    anchor.use(PUBLICATION)
    pt.y = ref.year
    if ref.month is None:
        return
    pt.m = ref.month
    if ref.day:  # the nearest of the previous, this and the next month
        best = None
        for off in (-1, 0, 1):
            y, m = _shift_month(ref.year, ref.month, off)
            if pt.d > _month_days(y, m):
                continue
            dist = abs((date(y, m, pt.d) - ref.as_date()).days)
            if best is None or dist < best[0]:
                best = (dist, y, m)
        if best:
            pt.y, pt.m = best[1], best[2]


def _century(p: dict, pt: Point, ref, anchor) -> None:
    if p.get("c") is not None:
        pt.c = p["c"] - 1
    elif ref is None:
        anchor.use(UNRESOLVED)
    else:
        anchor.use(PUBLICATION)
        pt.c = ref.year // 100 + lexicon()["relative_centuries"][p["rc"]]
    if p.get("dec") is not None:
        pt.dec = p["dec"] // 10


def _decade(p: dict, pt: Point, ref, anchor) -> None:
    pt.dec = p["dec"] // 10
    if ref is None:
        anchor.use(UNRESOLVED)
        return
    anchor.use(PUBLICATION)
    start = ref.year // 100 * 100 + p["dec"]
    pt.c = (start if start <= ref.year else start - 100) // 100


def point(p: dict, rule: str, ref: Optional[RefDate], prev: Optional[Point], anchor: _Anchor) -> Optional[Point]:
    """One end of a reading as a Point, or None when it cannot be a date here."""
    grain = unit_of(p, rule)
    pt = Point(grain=grain, m=p.get("m"), d=p.get("d"), q=p.get("q") or p.get("qn"))
    if "h" in p:
        pt.h = lexicon()["halves"][p["h"]]
    if grain in ("century", "decade"):
        (_century if rule == "century" else _decade)(p, pt, ref, anchor)
        return pt
    if rule == "clock":  # 下午3点 alone: on the day of the date before it in the sentence
        if prev is None or prev.d is None or prev.m is None:
            return None
        anchor.use(PREVIOUS)
        pt.y, pt.m, pt.d = prev.y, prev.m, prev.d
        _clock(p, pt)
        return pt
    ok, pt.y = _year(p, ref, prev, anchor)
    if not ok:
        return None
    entry = lexicon()["relative_years"].get(p["ry"]) if "ry" in p else None
    if entry is not None and entry.get("named_year") and pt.y is not None:
        pt.back = pt.y - entry["offset"]  # the year counted back from (named, or the publication's)
    if rule in ("nth_weekday", "nth_week"):
        return pt if _nth(p, pt, ref, prev, anchor) else None
    if "hol" in p or "lm" in p or "lmn" in p:
        if not _festival(p, pt, ref, anchor):
            return None
        if grain == "time":
            _clock(p, pt)
        return pt
    if "rm" in p and not _relative_month(p, pt, ref, prev, anchor):
        return None
    if "rd" in p:
        if not _relative_day(p["rd"], pt, ref, prev, anchor):
            return None
    elif "rw" in p:
        _week(p, pt, ref, anchor)
    elif "wd" in p:
        _weekday(p["wd"], pt, ref, prev, anchor)
    elif "wn" in p:
        pt.w = p["wn"]
        _fill_year(pt, ref, anchor)
    elif "bp" in p:
        _bare_part(p["bp"], pt, ref, anchor)
    elif pt.d is not None and pt.m is None and "y" not in p and "ry" not in p:
        _bare_day(pt, ref, anchor)
    elif "rm" not in p:
        if pt.y is None and _later_same_year(pt, prev):
            anchor.use(PREVIOUS)  # 去年7月初…，只一个月后，8月初: the year of the sentence's date
            pt.y = prev.y
        _fill_year(pt, ref, anchor)
    if grain == "time":
        _clock(p, pt)
    return pt


def _later_same_year(pt: Point, prev: Optional[Point]) -> bool:
    """A month without a year after a date of its sentence with a year and a month (去年7月初…8月初)
    that it does not precede: the story goes on in that year."""
    if prev is None or prev.y is None or pt.m is None:
        return False
    if prev.grain == "year":
        return prev.sets_year
    return prev.m is not None and prev.grain in ("month", "day", "time") and pt.m >= prev.m


def _nth(p: dict, pt: Point, ref, prev, anchor) -> bool:
    """3月的第二个周一 (a day), 本月第3周 (the ISO week holding the month's day 1+7(n-1))."""
    if "rm" in p:
        if not _relative_month(p, pt, ref, prev, anchor):
            return False
    elif pt.y is None:
        _fill_year(pt, ref, anchor)
    if pt.y is None or pt.m is None:  # no publication date: X where it cannot be counted
        return True
    if "nw" in p:
        if not 1 <= p["nw"] <= 5:
            return False
        day = date(pt.y, pt.m, min(1 + 7 * (p["nw"] - 1), _month_days(pt.y, pt.m)))
        pt.y, pt.w = day.isocalendar()[0], day.isocalendar()[1]
        pt.m = None
        return True
    day = festivals.nth_weekday(pt.y, pt.m, -1 if "last" in p else p["nth"], lexicon()["weekdays"][p["wd"]])
    if day is None:
        return False
    pt.d = day.day
    return True


def _calendar_day(p: dict):
    """The festival or lunar date of a reading, as a function of the year."""
    if "hol" in p:
        fest = festivals.names()[p["hol"]]
        return lambda y: festivals.day_of(fest, y)
    month = festivals.lunar_month_names()[p["lm"]] if "lm" in p else to_int(p["lmn"])
    day = festivals.lunar_day_names()[p["ld"]] if "ld" in p else to_int(p["ldn"])
    if "leap" in p:
        month = -month
    return lambda y: festivals.lunar_day(y, month, day)


def _festival(p: dict, pt: Point, ref, anchor) -> bool:
    """A holiday or lunar date: in the year the text gives, else the occurrence
    nearest the publication date; a due date's the coming one (X without a publication
    date; a fixed Gregorian holiday keeps its month and day)."""
    day_in = _calendar_day(p)
    if "hol" in p and festivals.names()[p["hol"]].kind == "observed":
        # 古尔邦节: no offline rule gives the day (the text may: __init__.py's _observed_days);
        # the year the text or the publication gives, the day unresolved (2023-XX-XX)
        anchor.use(UNRESOLVED)
        if pt.y is None and ref is not None:
            pt.y = ref.year
        return True
    if pt.y is None and ref is None:
        anchor.use(UNRESOLVED)
        fest = festivals.names().get(p.get("hol"))
        if fest is not None and fest.kind == "solar":
            pt.m, pt.d = fest.month, fest.day
        return True
    if pt.y is not None:
        day = day_in(pt.y)
    else:
        anchor.use(PUBLICATION)
        target = date(ref.year, ref.month or 7, ref.day or (15 if ref.month else 1))
        options = [d for d in (day_in(y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
        day = min(options, key=lambda d: abs((d - target).days), default=None)
        if anchor.ahead and ref.month is not None:
            # a due date (请于国庆节前…): the coming occurrence, as for a month (_nearest_year)
            since = date(ref.year, ref.month, ref.day or 1) - timedelta(days=AHEAD_GRACE_DAYS)
            day = next((d for d in options if d >= since), day)
    if day is None:
        return False
    pt.y, pt.m, pt.d = day.year, day.month, day.day
    return True


def _bare_part(word: str, pt: Point, ref, anchor) -> None:
    if ref is None:
        anchor.use(UNRESOLVED)
        return
    anchor.use(PUBLICATION)
    pt.y = ref.year
    if pt.grain == "month":
        pt.m = ref.month


def _clock(p: dict, pt: Point) -> None:
    if "hh" in p:
        pt.hh, pt.mi = int(p["hh"]), int(p["mi"])
    else:
        pt.hh = to_int(p["hw"])
        pt.mi = 30 if "half" in p else to_int(p.get("mw")) or 0
    pod = p.get("pod") or lexicon()["relative_days"].get(p.get("rd"), {}).get("pod")
    shift = lexicon()["parts_of_day"].get(pod, 0)
    if pt.hh is not None and pt.hh < 12:
        pt.hh += shift  # 下午5:30 -> 17:30
    if pt.hh is None or pt.hh > 24:
        pt.grain = "day"
    elif "mw" not in p and "hh" not in p and "half" not in p:
        pt.grain = "hour"
    else:
        pt.grain = "minute"


@dataclass(slots=True)
class Resolved:
    value: str
    grain: str
    mod: Optional[str]
    anchor: str
    start_point: Point
    end_point: Optional[Point] = None


def resolve(r: Reading, ref: Optional[RefDate], before: Optional[tuple], ahead: bool = False) -> Optional[Resolved]:
    """`before`: the previous date of the sentence, as (start, end-or-None) points; `ahead`:
    the date is a due date (a month without a year is the coming one, not the nearest)."""
    anchor = _Anchor(ahead)
    prev = None if before is None else before[1] or before[0]
    p = r.parts
    if "sy" in p and not _spoken_year(p["y"], ref):
        return None
    for first_n, unit in (("qn", "q"), ("mn", "m")):  # 前三季度, 前5个月: the first n of the year
        if r.end_parts is None and first_n in p:
            r.end_parts, p = {unit: p[first_n]}, {**p, unit: 1}
    if r.end_parts is not None and p.get("y") is None and "ry" not in p and p.get("m"):
        # a range without a year: the year that puts its end nearest (1-10月)
        end_m = r.end_parts.get("m") or p["m"]
        if ref is not None:
            y = _running_year(*(_num(v) for v in (p["m"], p.get("d"), end_m, r.end_parts.get("d"))), ref)
            p = {**p, "y": y or _nearest_year(end_m, r.end_parts.get("d"), ref, ahead)}
            anchor.use(PUBLICATION)
    first = point(p, r.rule, ref, prev, anchor)
    if first is None or not _real(first):
        return None
    mod = lexicon()["mods"].get(p.get("mod")) if p.get("mod") else None
    if "ta" in p and mod is None:  # 7点多, 3时许
        mod = "APPROX"
    if "sp" in p and prev is not None and prev.grain not in ("year", "century", "decade", "week"):
        same = _same_period(before, lexicon()["relative_years"][p["ry"]]["offset"], mod)
        if same is not None:
            return same
    if r.end_parts is None:
        return Resolved(first.value(), first.grain, mod, anchor.kind, first)
    q = dict(r.end_parts)
    if "rd" in r.end_parts or "rm" in r.end_parts or "ry" in r.end_parts or "rw" in r.end_parts:
        second = point(q, "", ref, prev, anchor)  # its own grain (今天…起到下周: a week)
    elif q.get("y") is None and ("hol" in q or "lm" in q or "lmn" in q):
        # 除夕至正月初七, 春节至元宵节: a holiday or lunar day ending the range is its first
        # occurrence from the start on (the year of the start's lunar year, not the start's)
        second = _festival_after(q, first, anchor)
    else:
        second = _inherit(first, q)
    if second is None or not _real(second):
        return None
    end_mod = lexicon()["mods"].get(q.get("mod")) if q.get("mod") else None
    value = f"{first.value()}/{second.value()}"
    # a part of a month at either end stays out of a range (guide v2: 今年1月至5月底)
    mod = "APPROX" if "APPROX" in (mod, end_mod) else None
    return Resolved(value, first.grain, mod, anchor.kind, first, second)


def _same_period(before: tuple, offset: int, mod: Optional[str]) -> Optional[Resolved]:
    """2025年第四季度…上年同期, 1-10月…上年同期: the period of the date before it,
    shifted by the word's offset (上年/去年 -1), a range staying a range."""
    points = [replace(pt, y=None if pt.y is None else pt.y + offset) for pt in before if pt is not None]
    if not all(_real(pt) for pt in points):
        return None
    value = "/".join(pt.value() for pt in points)
    return Resolved(value, points[0].grain, mod, PREVIOUS, points[0], points[1] if len(points) > 1 else None)


def _festival_after(q: dict, first: Point, anchor: _Anchor) -> Optional[Point]:
    """The end of a range that is a holiday or a lunar day, read as a due date from the
    range's first day (its next occurrence)."""
    if first.y is None or first.m is None or first.d is None or not _real(first):
        return None
    start, day_in = date(first.y, first.m, first.d), _calendar_day(q)
    day = next((d for d in (day_in(y) for y in (first.y - 1, first.y, first.y + 1)) if d and d >= start), None)
    if day is None:
        return None
    return Point(grain=unit_of(q, ""), y=day.year, m=day.month, d=day.day)


def _inherit(first: Point, q: dict) -> Point:
    """The end of a range takes the units it leaves out from its start; its grain is its
    own (the start's rule says nothing of it: 即日起至5月底 ends on a month)."""
    pt = replace(first, grain=unit_of(q, ""))
    for key in ("y", "m", "d", "q", "h"):
        if q.get(key) is not None:
            setattr(pt, key, q[key])
    if "h" in q:
        pt.h = lexicon()["halves"][q["h"]]
    if q.get("c") is not None:  # 20世纪50年代至21世纪初: the end's own century
        pt.c = q["c"] - 1
    if q.get("dec") is not None:  # 50年代至60年代: the end's own decade, in the start's century
        pt.dec = q["dec"] // 10
    if set(q) <= {"d", "mod"} and first.d is not None and pt.d is not None and pt.d < first.d and pt.m is not None:
        pt.y, pt.m = _shift_month(pt.y, pt.m, 1)  # 即日起至15日 on the 24th: the 15th of the next month
    if pt.grain == "time":
        _clock(q, pt)
    else:
        pt.hh = pt.mi = None
    return pt
