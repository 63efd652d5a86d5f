"""Typed columns from ISO values: first/last day of a date value, a deadline's timestamp."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from extract.db.values import due_at, period


@pytest.mark.parametrize("value, first, last", [
    ("2021-11-25", date(2021, 11, 25), date(2021, 11, 25)),
    ("2021-11-25T17:30", date(2021, 11, 25), date(2021, 11, 25)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
    ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    ("2019-W49", date(2019, 12, 2), date(2019, 12, 8)),
    ("195", date(1950, 1, 1), date(1959, 12, 31)),
    ("19", date(1900, 1, 1), date(1999, 12, 31)),
    ("2016-12/2017-03", date(2016, 12, 1), date(2017, 3, 31)),
    ("2022-11-18/2023-01-31", date(2022, 11, 18), date(2023, 1, 31)),
])
def test_period_of_iso_values(value, first, last):
    assert period(value)[:2] == (first, last)


@pytest.mark.parametrize("value", [None, "", "XXXX-11-25", "2021-XX", "2021-02-30", "2021-13", "2021-W54",
                                   "2021-Q5", "下月", "2021-11-25/XXXX-12", 2021])
def test_unknown_or_impossible_values_give_no_dates(value):
    assert period(value) == (None, None, None)


@pytest.mark.parametrize("value, expected", [
    ("2023-12-25T17:30", datetime(2023, 12, 25, 17, 30)),
    ("2024-12-31", datetime(2024, 12, 31)),
    ("2026-02", datetime(2026, 2, 28)),          # 2月底 kept as a month: its last day
    ("2026-Q1", datetime(2026, 3, 31)),
    ("2019-12-02/2019-12-08", datetime(2019, 12, 8)),
    ("XXXX-12-31", None),
    (None, None),
])
def test_due_at_is_the_last_day_of_the_due_value(value, expected):
    assert due_at(value) == expected
