"""The stored lunar calendar (festivals.lunar_calendar) answers exactly as the calendar
library it was built from: lunar days, leap months, months of 29 days, solar terms."""
from datetime import date

import pytest

from extract.dates import festivals


@pytest.fixture(scope="module")
def table():
    return festivals.lunar_calendar()


YEARS = (1900, 1984, 2001, 2011, 2020, 2023, 2033, 2057, 2099, 2100)


@pytest.mark.parametrize("year", YEARS)
def test_lunar_days_equal_the_library(table, year, monkeypatch):
    monkeypatch.setattr(festivals, "_stored_calendar", lambda: table)
    for month in [*range(1, 13), *range(-12, 0)]:
        for day in (1, 2, 15, 29, 30):
            got = festivals.lunar_day.__wrapped__(year, month, day)
            assert got == festivals._lunar_day_from_library(year, month, day), (year, month, day)


@pytest.mark.parametrize("year", YEARS)
def test_solar_terms_equal_the_library(table, year, monkeypatch):
    monkeypatch.setattr(festivals, "_stored_calendar", lambda: table)
    for name in ("清明", "冬至", "立春", "夏至", "小寒", "大雪"):
        assert festivals._solar_term.__wrapped__(name, year) == festivals._term_from_library(name, year)


def test_known_days(table, monkeypatch):
    monkeypatch.setattr(festivals, "_stored_calendar", lambda: table)
    assert festivals.lunar_day.__wrapped__(2023, 1, 1) == date(2023, 1, 22)      # 春节 2023
    assert festivals.lunar_day.__wrapped__(2023, -2, 1) == date(2023, 3, 22)     # 闰二月 2023
    assert festivals.lunar_day.__wrapped__(2023, -3, 1) is None                  # no 闰三月 in 2023
    assert festivals.lunar_day.__wrapped__(2023, 1, 30) is None                  # 正月 2023 has 29 days
    assert festivals._solar_term.__wrapped__("清明", 2024) == date(2024, 4, 4)


def test_without_a_stored_table_the_library_answers(monkeypatch):
    monkeypatch.setattr(festivals, "_stored_calendar", lambda: None)
    assert festivals.lunar_day.__wrapped__(2024, 8, 15) == date(2024, 9, 17)     # 中秋 2024
    assert festivals._solar_term.__wrapped__("冬至", 2024) == date(2024, 12, 21)
