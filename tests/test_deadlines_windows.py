"""Deadlines on real text, bulk review 5 (docs/deadlines.md): a call's window whose end is the
deadline with the submission it asks for, labelled submission windows, and the families that
are no duty (a forecast frame over 要, a report of work done before publication, a case opened
by the date, a policy kept in force, a recurring 次年). Real files skip when ../shared is
absent; sentences of our own are in corpora/examples/deadlines.yaml."""
from __future__ import annotations

import pytest

import extract
from extract.options import Options
from tests.conftest import bulk_files, dev_article, dev_gold


def _doc(path):
    return extract.parse_file(path, options=Options(components=("hnx_dates", "hnx_deadlines")))


def _bulk(pattern: str, needle: str):
    for f in bulk_files(pattern):
        doc = _doc(f)
        if needle in doc.text:
            return doc
    pytest.skip(f"no bulk file {pattern} holds {needle}")


def test_call_window_ends_in_the_submission_it_asks_for():
    # 征集时间 / 一 / 即日起至2024年11月15日 … 报名渠道 … 将报名表提交至邮箱
    gold = dev_gold("110")["deadlines"][0]
    found = [(d.due, d.action) for d in _doc(dev_article("110")).deadlines]
    assert (gold["due"], gold["action"]) in found, found


def test_labelled_registration_window_is_a_deadline():
    found = [(d.due, d.action) for d in _bulk("xwlb_20250924_*", "网上报名时间").deadlines]
    assert ("2025-10-27", "网上报名") in found, found


def test_labelled_tender_window_ends_at_its_last_minute():
    found = [(d.due, d.action) for d in _bulk("webtct_14315_*", "递交起止时间").deadlines]
    assert ("2014-05-04T09:00", "投标文件递交") in found, found


@pytest.mark.parametrize(
    "pattern,needle,words",
    [
        ("webtct_31666_*", "健康费用要增加", "健康费用"),  # 欧洲联盟将看到，到2050年…要增加: a forecast
        ("webtct_42206_*", "完成自查", "完成自查"),  # 于5月31日前完成自查 in a June report: history
        ("xwlb_20250426_11_*", "扩岗补助", "明确"),  # 明确2025年底前，…招用…的，可…: a case
        ("xwlb_20250426_11_*", "增人增资", "增人增资"),  # 年底前，延续实施…政策: a validity
        ("xwlb_20240723_11_*", "次年6月底", "医保基金清算"),  # 确保次年6月底前…: recurring
    ],
)
def test_no_duty_families_in_bulk(pattern, needle, words):
    actions = [d.action or "" for d in _bulk(pattern, needle).deadlines]
    assert not any(words in a for a in actions), actions


def test_window_with_daily_hours_reads_no_action():
    # 请投标人于X至Y（…）上午9时至12时00分；…: the hours of each day are no action
    actions = [d.action or "" for d in _bulk("webtct_33074_*", "请投标人").deadlines]
    assert not any(a.startswith(("（", "上午")) for a in actions), actions
