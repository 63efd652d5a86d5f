"""The due value of a deadline: the last day (or instant) that still meets it.
"2027-03" with mod END -> 2027-03-31; "2024" -> 2024-12-31; a time stays a time."""
from __future__ import annotations

import calendar
import re
from typing import Optional

_VALUE = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-(?:(?P<q>Q[1-4])|(?P<h>H[12])|(?P<w>W\d{2})|(?P<m>\d{2}|XX)"
    r"(?:-(?P<d>\d{2}|XX)(?:T(?P<t>\d{2}:\d{2}))?)?))?$"
)
# where a part-of-the-month mod ends: 上旬 by the 10th, 中旬 by the 20th
_MONTH_PART_END = {"START": 10, "MID": 20}
_YEAR_PART_END = {"START": "03-31", "MID": "06-30"}


def _last_day(y: Optional[int], m: int) -> int:
    return calendar.monthrange(y if y is not None else 2001, m)[1]


def due_of(value: Optional[str], mod: Optional[str] = None) -> Optional[str]:
    """The last day/instant of `value` (its end, for a range) given its mod."""
    if not value:
        return None
    value = value.split("/")[-1]
    m = _VALUE.match(value)
    if not m:
        return None
    ys = m.group("y")
    y = None if ys == "XXXX" else int(ys)
    if m.group("t") == "24:00":
        return value[: m.start("t") - 1]  # 2月10日24时: the whole day meets it (24:00 is no valid time of day)
    if m.group("t") or m.group("d"):
        return value
    if m.group("m"):
        if m.group("m") == "XX":
            return f"{ys}-XX-XX"
        month = int(m.group("m"))
        day = _MONTH_PART_END.get(mod) or _last_day(y, month)
        return f"{ys}-{month:02d}-{day:02d}"
    if m.group("q"):
        month = int(m.group("q")[1]) * 3
        return f"{ys}-{month:02d}-{_last_day(y, month):02d}"
    if m.group("h"):
        return f"{ys}-06-30" if m.group("h") == "H1" else f"{ys}-12-31"
    if m.group("w"):
        if y is None:
            return None
        from datetime import date

        sunday = date.fromisocalendar(y, int(m.group("w")[1:]), 7)
        return sunday.isoformat()
    return f"{ys}-{_YEAR_PART_END.get(mod, '12-31')}"
