"""Holidays and lunar dates: the table comes from lunar-python, festivals.yaml only
names it; each festival's day, read back through the library, is that festival."""
from __future__ import annotations

import pytest

from extract.dates import extract_dates
from extract.dates import festivals
from extract.refdate import RefDate

lunar_python = pytest.importorskip("lunar_python")


def test_every_library_festival_is_named_or_excluded():
    from lunar_python.util import LunarUtil, SolarUtil

    spec = festivals.load_yaml("festivals.yaml")
    library = set(SolarUtil.FESTIVAL.values()) | set(LunarUtil.FESTIVAL.values())
    library |= {n for names in SolarUtil.OTHER_FESTIVAL.values() for n in names}
    library |= set(SolarUtil.WEEK_FESTIVAL.values())
    missing = sorted(n for n in library if n not in festivals.names() and n not in spec["exclude"]
                     and not any(ch.isdigit() for ch in n))
    assert missing == []


@pytest.mark.parametrize("year", [2019, 2020, 2023, 2024, 2025, 2030])
@pytest.mark.parametrize("name", ["春节", "元宵节", "端午节", "中秋节", "重阳节", "七夕节", "腊八节"])
def test_lunar_festival_reads_back_as_itself(name, year):
    from lunar_python import Solar

    day = festivals.day_of(festivals.names()[name], year)
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    assert name in lunar.getFestivals()
    assert lunar.getYear() == year


@pytest.mark.parametrize("year", [2020, 2023, 2024, 2025])
def test_eve_is_the_last_day_of_the_lunar_year(year):
    from lunar_python import Solar

    day = festivals.day_of(festivals.names()["除夕"], year)
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    assert "除夕" in lunar.getFestivals()


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_solar_term_is_the_library_term(year):
    from lunar_python import Solar

    day = festivals.day_of(festivals.names()["清明节"], year)
    assert Solar.fromYmd(day.year, day.month, day.day).getLunar().getJieQi() == "清明"


def test_missing_lunar_day_is_no_date():
    # lunar 2024's 腊月 has 29 days: 2024年腊月三十 does not exist
    assert festivals.lunar_day(2024, 12, 30) is None
    found = extract_dates("2024年腊月三十", RefDate(2025, 1, 10))
    assert [m.text for m in found if "腊月" in m.text] == []


def test_nearest_occurrence_moves_with_the_publication_date():
    values = [extract_dates("中秋节期间，游客增多", RefDate(y, m, d))[0].value
              for y, m, d in ((2024, 1, 20), (2024, 6, 1), (2024, 12, 30))]
    assert values == ["2023-09-29", "2024-09-17", "2024-09-17"]


def test_a_due_holiday_is_the_coming_one():
    """中秋节前完成 is a duty: the next 中秋节, or the one just gone (at most a month back)."""
    found = [extract_dates("中秋节前完成", RefDate(y, m, d))[0] for y, m, d in
             ((2024, 1, 20), (2024, 6, 1), (2024, 10, 1), (2024, 12, 30))]
    assert [(f.value, f.role) for f in found] == [("2024-09-17", "deadline"), ("2024-09-17", "deadline"),
                                                  ("2024-09-17", "deadline"), ("2025-10-06", "deadline")]


@pytest.mark.parametrize("text", ["春节" * 5000, "周五、" * 5000, "9时至" * 5000, "农历八月十五" * 3000,
                                  "20240307-" * 3000, "腊月二十三" * 3000, "下午3点至" * 4000,
                                  "3月的第二个周一" * 2000, "2018.03-" * 3000])
def test_new_forms_repeated_finish(text):
    found = extract_dates(text, RefDate(2024, 1, 17))
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_named_days_the_library_lacks():
    """festivals.yaml `extra`: a month-day, the month's last day, the nth weekday."""
    from datetime import date

    from extract.dates import festivals

    n = festivals.names()
    assert festivals.day_of(n["国际罕见病日"], 2024) == date(2024, 2, 29)
    assert festivals.day_of(n["国际罕见病日"], 2026) == date(2026, 2, 28)
    assert festivals.day_of(n["世界帕金森病日"], 2026) == date(2026, 4, 11)
    assert festivals.day_of(n["世界慢阻肺日"], 2024) == date(2024, 11, 20)
    assert festivals.day_of(n["航海日"], 2023) == date(2023, 7, 11)
