"""Deadlines and procedures on news and portal text (bulk files, no gold): forecasts,
consequences and history are no duties, labelled closing times are; channels and goals
of the forms the bulk sample showed. Sentences of our own are in corpora/examples/."""
from __future__ import annotations

import pytest

import extract
from extract.options import Options
from extract.procedures import find_channels
from extract.procedures.goal import goal_from
from tests.conftest import bulk_files


def _doc(pattern: str, needle: str):
    """The bulk file matching `pattern` whose text holds `needle`, with dates and deadlines."""
    for f in bulk_files(pattern):
        doc = extract.parse_file(f, options=Options(components=("hnx_dates", "hnx_deadlines")))
        if needle in doc.text:
            return doc
    pytest.skip(f"no bulk file {pattern} holds {needle}")


def _deadlines(pattern: str, needle: str):
    return _doc(pattern, needle).deadlines


def test_forecast_is_no_deadline_in_news():
    # 到今年年底，…将有200多家药企上马投产: a forecast, nothing is due (its date is still found)
    doc = _doc("eb_sqzx_20110330*", "上马投产")
    assert any(m.text == "今年年底" for m in doc.mentions)
    actions = [d.action or "" for d in doc.deadlines]
    assert not any("上马投产" in a for a in actions), actions


def test_consequence_is_no_deadline_in_news():
    # 在2003年前，营利性医院将面对…税费负担 (published 2011): a consequence in the past
    actions = [d.action or "" for d in _deadlines("eb_sqzx_20110518*", "税费负担")]
    assert not any("税费负担" in a for a in actions), actions


def test_labelled_closing_time_is_a_deadline_with_its_field_as_action():
    found = [(d.due, d.action) for d in _deadlines("eb_sqzx_20110429*", "接收截止时间")]
    assert ("2011-05-19T09:00", "投标文件接收") in found, found


def test_order_with_price_clause_keeps_the_whole_duty():
    # 被责令于X前，按不超过…的价格，将储存的…党参出售给… : the manner clause does not end the action
    actions = [d.action or "" for d in _deadlines("eb_goodszx_20110719*", "党参")]
    assert any(a.startswith("按不超过") and "出售给" in a for a in actions), actions


@pytest.mark.parametrize(
    "text,name",
    [
        ("参保人可到参保关系所在地社保经办机构提出申请。", "社保经办机构"),
        ("申请人可在所在地医保经办机构办理备案。", "医保经办机构"),
    ],
)
def test_zai_of_suozaidi_is_no_preposition(text, name):
    names = [c.name for c in find_channels(text, broad=True)]
    assert any(n.endswith(name) for n in names) and not any(n.startswith("地") for n in names), names


@pytest.mark.parametrize(
    "heading,goal",
    [("申领社保卡四步骤", "申领社保卡"), ("异地就医备案共3个步骤", "异地就医备案"), ("异地就医三步法", "异地就医")],
)
def test_goal_drops_a_step_count(heading, goal):
    assert goal_from(heading) == goal
