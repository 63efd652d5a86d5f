"""One sentence per rule family that the rest of the suite did not pin: switching that family
off (benchmarks/mutate.py, named in each case's id) changes what is extracted here, so the
suite notices. Sentences are the project's own, written in the style of the corpora; the
expected values follow the annotation guide."""
from __future__ import annotations

import pytest

from extract.dates import extract_dates
from extract.deadlines import extract_deadlines
from extract.money import extract_money
from extract.refdate import RefDate

REF = RefDate.parse("2024-06-15")


def money(text: str) -> list[tuple]:
    return [(m.type, m.text, m.value, m.mod) for m in extract_money(text, REF)]


# (mutation it kills, sentence, expected money/percent mentions)
MONEY = [
    ("money.rule.lone_yuan_next_ok", "一盒药只要五元就能买到。", [("money", "五元", 5, None)]),
    ("money.rule.lone_yuan_next_ok", "挂号费每人次五元左右。", [("money", "每人次五元", 5, "APPROX")]),
    ("money.rule.lone_yuan_next_ok", "患者每次自付两元的药品费用。", [("money", "两元", 2, None)]),
    ("money.rule.not_after_yuan", "农历正月十五元宵节当天门诊正常开放。", []),
    ("money.rule.not_after_yuan", "2024元旦假期门诊安排。", []),
    ("money.rule.extreme_words", "今年单笔报销金额最高达58.3万元。", [("money", "58.3万元", 583000, None)]),
    ("money.rule.extreme_words", "该院日门诊费用最多达到3000元。", [("money", "3000元", 3000, None)]),
]


# (mutation it kills, sentence, expected (text, value, per)): a verb after 每X is not part of the rate's unit
PER = [
    ("money.rule.per_noun_stop", "对困难家庭每户发放200元慰问金。", [("200元", 200, ["户"])]),
    ("money.rule.per_noun_stop", "参与签约的机构每个分别给予300元补助。", [("300元", 300, ["个"])]),
]


@pytest.mark.parametrize("sentence,expected", [pytest.param(s, e, id=f"{m}:{s[:12]}") for m, s, e in PER])
def test_money_per_unit_family(sentence, expected):
    assert [(m.text, m.value, m.per) for m in extract_money(sentence, REF)] == expected


@pytest.mark.parametrize("sentence,expected", [pytest.param(s, e, id=f"{m}:{s[:12]}") for m, s, e in MONEY])
def test_money_family(sentence, expected):
    assert money(sentence) == expected


# 均 blocks a lone numeral only as 均一 (not_before_cn_one); 均五元 is an amount
def test_money_after_jun_is_an_amount():
    assert money("普通门诊挂号费均五元。") == [("money", "五元", 5, None)]


# (mutation it kills, sentence, expected dates (text, value, role), expected deadlines (date, due))
ROLES = [
    ("dates.role.as_of", "截止2024年5月底，全市已累计结算1.2万人次。",
     [("2024年5月底", "2024-05", "status_as_of")], []),
    ("dates.role.as_of_plain", "截至2024年5月底全市参保率为95%。",
     [("2024年5月底", "2024-05", "status_as_of")], []),
    ("dates.role.period_during", "2024年9月1日至12月31日期间为集中参保期。",
     [("2024年9月1日至12月31日", "2024-09-01/2024-12-31", "period")], []),
    ("deadlines.role.overdue", "参保人应于2024年12月31日完成缴费，逾期将无法享受待遇。",
     [("2024年12月31日", "2024-12-31", "deadline")], [("2024年12月31日", "2024-12-31")]),
]


# (mutation it kills, sentence, expected dates (text, value)): an eight-digit date needs a cue
# and is never a code (extract/dates/patterns.yaml compact_*)
COMPACT = [
    ("dates.suffix.compact_cue_after", "新规20240701起执行，原标准同时废止。", [("20240701", "2024-07-01")]),
    ("dates.suffix.compact_code_before", "核对时请在单号20240307前补写地区代码。", []),
    ("dates.suffix.compact_code_before", "订单号20240307起的退款已原路返回。", []),
]


@pytest.mark.parametrize("sentence,expected", [pytest.param(s, e, id=f"{m}:{s[:12]}") for m, s, e in COMPACT])
def test_compact_date_family(sentence, expected):
    assert [(m.text, m.value) for m in extract_dates(sentence, REF)] == expected


@pytest.mark.parametrize("sentence,want_dates,want_deadlines",
                         [pytest.param(s, d, dl, id=f"{m}:{s[:12]}") for m, s, d, dl in ROLES])
def test_date_role_family(sentence, want_dates, want_deadlines):
    found = extract_dates(sentence, REF)
    assert [(m.text, m.value, m.role) for m in found] == want_dates
    assert [(d.date_text, d.due) for d in extract_deadlines(sentence, found, REF)] == want_deadlines


def test_procedure_family_chinese_shi_list():
    """procedures.marker.chinese_shi: 一是…二是…三是… as the steps of a procedure."""
    from extract.procedures import extract_procedures

    text = ("参保人可按以下步骤办理异地就医备案：\n"
            "一是登录国家医保服务平台APP，选择异地就医备案；\n"
            "二是填写参保地和就医地信息，上传相关材料；\n"
            "三是提交申请，等待审核结果。")
    (p,) = extract_procedures(text, [], [])
    assert p.goal == "办理异地就医备案"
    assert [s.text for s in p.steps] == ["登录国家医保服务平台APP，选择异地就医备案", "填写参保地和就医地信息，上传相关材料",
                                         "提交申请，等待审核结果"]
    assert [(c.name, c.kind) for c in p.channels] == [("国家医保服务平台", "app")]
