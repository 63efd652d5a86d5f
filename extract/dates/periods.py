"""A holiday period valued as the days off the article states (festivals.yaml `period_*`):
清明假期… 4月4日至6日 … 今年清明假期 … 较去年同期 - every 清明假期 is 2026-04-04/2026-04-06 and
the 去年同期 read from it the same days a year back. Runs over the finished mentions."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache
from typing import Optional, Sequence

from ..schema import Mention
from .lexicon import load_yaml

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)\Z")


@lru_cache(maxsize=1)
def _spec() -> tuple[re.Pattern, int, int, int]:
    spec = load_yaml("festivals.yaml")
    low, high = spec["period_days"]
    return re.compile(spec["period_after"]), spec["period_near"], low, high


def _day(value: Optional[str]) -> Optional[date]:
    m = _DAY.match(value or "")
    if m is None:
        return None
    try:
        return date(*map(int, m.groups()))
    except ValueError:
        return None


def _range(value: Optional[str]) -> Optional[tuple[date, date]]:
    a, _, b = (value or "").partition("/")
    start, end = _day(a), _day(b)
    return (start, end) if start and end else None


def _stated(m: Mention, day: date, ranges: Sequence[tuple[Mention, date, date]],
            ends: Sequence[int], starts: Sequence[int]) -> Optional[tuple[date, date]]:
    """The nearest stated range of days off holding `day`, within reach of `m` (`ranges` in
    text order, with their `ends` and `starts`: only those within reach are looked at)."""
    _, near, low, high = _spec()
    best = None
    for r, a, b in ranges[bisect_left(ends, m.start - near):bisect_right(starts, m.end + near)]:
        gap = max(r.start - m.end, m.start - r.end)
        if gap <= near and a <= day <= b and low <= (b - a).days + 1 <= high:
            if best is None or gap < best[0]:
                best = (gap, a, b)
    return best[1:] if best else None


def _back(d: date, years: int) -> Optional[date]:
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return None


def _set(m: Mention, a: date, b: date) -> None:
    m.value, m.grain = f"{a.isoformat()}/{b.isoformat()}", "day"


def _same_period(m: Mention, day: date, hol: date, a: date, b: date) -> None:
    """A 同期 read from a holiday (its value `day`: the holiday's day `hol` some years back)
    takes the holiday's days off a..b as far back."""
    years = hol.year - day.year
    if years > 0 and _back(hol, years) == day and (a2 := _back(a, years)) and (b2 := _back(b, years)):
        _set(m, a2, b2)


def holiday_periods(text: str, out: list[Mention]) -> None:
    """Give each holiday before 假期/小长假… the stated range around it, and each 同期 read
    from such a holiday (its value the holiday's day some years back) that range as far back."""
    after = _spec()[0]
    ranges = [(m, *r) for m in out if m.rule.endswith("+range") and (r := _range(m.value))]
    if not ranges:
        return
    ends, starts = [r[0].end for r in ranges], [r[0].start for r in ranges]
    periods: list[tuple[date, date, date]] = []  # (the holiday's day, start, end)
    for m in out:
        day = _day(m.value)
        if m.rule == "holiday" and day and after.match(text, m.end):
            got = _stated(m, day, ranges, ends, starts)
            if got:
                periods.append((day, *got))
                _set(m, *got)
        elif day and periods and m.anchor == "previous_date" and "同期" in m.text:
            _same_period(m, day, *periods[-1])


_QUOTES = "“”\"‘’「」『』"


def _festival(text: str) -> Optional[str]:
    """The canonical name of the festival a holiday mention ends with (今年清明, “五一”: 劳动节)."""
    from .festivals import names

    word, table = text.strip(_QUOTES), names()
    for i in range(len(word)):
        fest = table.get(word[i:])
        if fest is not None:
            return fest.name
    return None


class _RangeIndex:
    """The ranges held for one festival, answering "the one range holding this day, if exactly
    one does" in log time (a scan of every range for every open mention was open mentions x
    ranges: tests/test_robustness_growth2.py holiday-many-ranges). Ranges are (start, end),
    start <= end: those holding a day are those starting on or before it minus those ending
    before it; among the ranges ending on or after it, the one starting earliest holds it if
    any does."""

    def __init__(self, ranges):
        self.by_end = sorted(ranges, key=lambda r: (r[1], r[0]))
        self.ends = [r[1] for r in self.by_end]
        self.starts = sorted(r[0] for r in self.by_end)
        self.earliest = [0] * len(self.by_end)  # index of the earliest start from i on
        best = None
        for i in range(len(self.by_end) - 1, -1, -1):
            if best is None or self.by_end[i][0] < self.by_end[best][0]:
                best = i
            self.earliest[i] = best
        self.cache: dict = {}

    def only(self, day):
        if day not in self.cache:
            i = bisect_left(self.ends, day)
            holding = bisect_right(self.starts, day) - i
            self.cache[day] = self.by_end[self.earliest[i]] if holding == 1 else None
        return self.cache[day]


def document_periods(text: str, mentions: Sequence[Mention]) -> None:
    """holiday_periods across a document's items: a holiday period whose days no range near
    it states takes the days another mention of the same festival was given in the same
    document (the range holds its day: the same year), when they are one range; a 同期 read
    from it (same item, after it) follows. `mentions` in text order, offsets in `text`."""
    after = _spec()[0]
    holidays = [m for m in mentions if m.rule == "holiday" and m.type == "date"]
    if len(holidays) < 2:
        return
    held: dict[str, set[tuple[date, date]]] = {}
    open_: list[tuple[Mention, str, date]] = []
    for m in holidays:
        if not after.match(text, m.end):
            continue
        fest = _festival(m.text)
        if fest is None:
            continue
        r, day = _range(m.value), _day(m.value)
        if r:
            held.setdefault(fest, set()).add(r)
        elif day:
            open_.append((m, fest, day))
    if not held or not open_:
        return
    done: dict[int, date] = {}  # id of a holiday given its days here -> its day
    index = {fest: _RangeIndex(ranges) for fest, ranges in held.items()}
    for m, fest, day in open_:
        got = index[fest].only(day) if fest in index else None
        if got is not None:
            _set(m, *got)
            done[id(m)] = day
    if not done:
        return
    last: Optional[Mention] = None
    for m in (m for m in mentions if m.type == "date"):
        if m.rule == "holiday":
            last = m
        elif last is not None and id(last) in done and m.article == last.article \
                and m.anchor == "previous_date" and "同期" in m.text and (day := _day(m.value)):
            _same_period(m, day, done[id(last)], *_range(last.value))
