"""The reference date relative expressions resolve against: a publication date
known to the day, the month or only the year. There is no default: without one,
unknown parts stay unknown (written X), the current clock is never read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional, Union

_ISO = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?")


@dataclass(frozen=True)
class RefDate:
    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    def __post_init__(self):
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            date(self.year, self.month, self.day)  # raises on 2023-02-30

    @property
    def grain(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> Optional[date]:
        return date(self.year, self.month, self.day) if self.day else None

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def parse(cls, value: Union[str, date, datetime, "RefDate", None]) -> Optional["RefDate"]:
        """Parse '2021-11-25', '2018-10', '2018', '2021/11/25 08:00', '2021年11月25日',
        RFC-2822 ('Thu, 25 Nov 2021 06:20:36 GMT'), date/datetime objects."""
        if value is None or isinstance(value, RefDate):
            return value
        if isinstance(value, datetime):
            return cls(value.year, value.month, value.day)
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        text = str(value).strip()
        if not text:
            return None
        m = _ISO.match(text)
        if m:
            y, mo, d = (int(g) if g else None for g in m.groups())
            try:
                return cls(y, mo, d)
            except ValueError:
                pass
        try:
            from email.utils import parsedate_to_datetime

            dt = parsedate_to_datetime(text)
            return cls(dt.year, dt.month, dt.day)
        except (TypeError, ValueError, IndexError):
            pass
        raise ValueError(f"not a date: {value!r}")

    @classmethod
    def try_parse(cls, value) -> Optional["RefDate"]:
        try:
            return cls.parse(value)
        except (ValueError, OverflowError):  # RFC 2822 with a year too large for the clock
            return None
