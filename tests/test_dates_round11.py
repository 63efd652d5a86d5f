"""h-dm11 (real-heldout6's errors, round 11): a holiday period valued as the days off the
article states near it, and two-digit years in transcribed speech. Sentences of our own."""
import pytest

from extract.dates import extract_dates


def _found(text, ref):
    return [(m.text, m.value) for m in extract_dates(text, ref)]


def test_holiday_period_takes_the_stated_days_before_and_after():
    text = "国庆假期出游人数创新高。据测算，9月29日至10月6日，全国出游8.26亿人次。国庆假期，交通平稳。"
    assert _found(text, "2023-10-09") == [
        ("国庆", "2023-09-29/2023-10-06"), ("9月29日至10月6日", "2023-09-29/2023-10-06"),
        ("国庆", "2023-09-29/2023-10-06")]


def test_same_period_follows_the_holiday_period():
    text = "端午假期（5月31日至6月2日）出入境590.7万人次，较去年同期增长2.7%。"
    assert _found(text, "2025-06-03")[-1] == ("去年同期", "2024-05-31/2024-06-02")


@pytest.mark.parametrize("text, expected", [
    # stated nowhere: the holiday's day (guide v2), as before
    ("清明假期，全国交通出行平稳有序", [("清明", "2026-04-05")]),
    # a range not holding the holiday, or too long to be its days off
    ("清明假期出行平稳。5月1日至5日另有安排", [("清明", "2026-04-05"), ("5月1日至5日", "2026-05-01/2026-05-05")]),
    ("4月1日至30日开展检查，清明假期加强值守",
     [("4月1日至30日", "2026-04-01/2026-04-30"), ("清明", "2026-04-05")]),
    # the holiday without 假期: its day
    ("4月4日至6日，清明前后祭扫人数增加", [("4月4日至6日", "2026-04-04/2026-04-06"), ("清明前后", "2026-04-05")]),
])
def test_holiday_period_without_a_stated_range(text, expected):
    assert _found(text, "2026-04-07") == expected


@pytest.mark.parametrize("text, expected", [
    ("行业从07年到现在经历了两次变化。到14年，法规变成了几页", [("07年", "2007"), ("14年", "2014")]),
    ("这里有一个提示，15年药监局实施了核查，16年器械行业也会", [("15年", "2015"), ("16年", "2016")]),
])
def test_spoken_two_digit_year(text, expected):
    assert _found(text, "2016-06-17") == expected


@pytest.mark.parametrize("text, ref", [
    ("他在这家医院工作了14年，", "2016-06-17"),   # a count: no clause head
    ("期限由5年延长到10年，", "2016-06-17"),       # 到 inside the clause
    ("公司在5年10年以后才会改进", "2016-06-17"),
    ("，10年来变化很大", "2016-06-17"),            # a span of years
    ("，30年药监工作", "2016-06-17"),              # not of the last twenty years (2030 or 1930)
    ("，15年药监局实施了核查", None),              # no publication: no year
])
def test_two_digit_count_is_no_year(text, ref):
    assert _found(text, ref) == []
