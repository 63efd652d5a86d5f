"""h-dm10 (bulk read, round 10): 年内 dating a plan or a record, 当晚 and 此前一天 counted
from the day named before. Sentences of our own."""
import pytest

from extract.dates import extract_dates


def _found(text, ref):
    return [(m.text, m.value) for m in extract_dates(text, ref)]


@pytest.mark.parametrize("text, expected", [
    ("新馆预计年内对外开放", [("年内", "2024")]),
    ("该指数创年内新高", [("年内", "2024")]),
    ("二号机组将于年内投产", [("年内", "2024")]),
    ("一期工程年内将完工", [("年内", "2024")]),
    # a year named before in the sentence is the one meant
    ("2023年，全市旅游收入大增，年内实现增长两成", [("2023年", "2023"), ("年内", "2023")]),
])
def test_year_in_dates_a_plan_or_record(text, expected):
    assert _found(text, "2024-04-02") == expected


@pytest.mark.parametrize("text", [
    "须在两年内完成培训",      # a count
    "半年内不得再次申请",
    "老年内科门诊量上升",      # an age
    "关注青少年内心成长",
    "本卡年内有效",            # a rule for any year
    "每人年内累计不超过三次",
])
def test_year_in_not_a_date(text):
    assert [t for t, _ in _found(text, "2024-04-02") if "年内" in t] == []


def test_evening_of_the_day_before():
    assert _found("展会9日晚开幕，当晚还举行了音乐会", "2024-04-10") == [
        ("9日晚", "2024-04-09"), ("当晚", "2024-04-09")]


@pytest.mark.parametrize("text, expected", [
    ("该国议会15日通过法案，在此前一天的会议上代表们争论激烈", ("此前一天", "2024-04-14")),
    ("市长15日发表讲话。此前一天，市议会举行了投票", ("此前一天", "2024-04-14")),
])
def test_day_before_the_day_named(text, expected):
    assert expected in _found(text, "2024-04-16")


def test_day_words_without_a_day_before_stay_out():
    # nothing to count from in the sentence or the one before: no date
    assert _found("此前一天，有关部门发布了提醒", "2024-04-16") == []
    assert _found("演出当晚座无虚席", "2024-04-16") == []


@pytest.mark.parametrize("text", ["乙巳年清明公祭典礼在山下举行", "学校组织清明祭英烈活动"])
def test_qingming_before_its_rites(text):
    assert _found(text, "2025-03-30") == [("清明", "2025-04-04")]


def test_qingming_as_a_plain_word_stays_out():
    assert _found("政治清明，祭祀有序", "2025-03-30") == []
