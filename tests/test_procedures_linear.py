"""Growth of the procedures and deadlines stages with the length of their input: four
times the text may cost at most ~five times the work. Work is counted as Python calls
(sys.setprofile: deterministic, no clock), on texts built to provoke the quadratic steps
this stage used to have (every draft against every deadline, clause trimming rescanning
runs of unbalanced brackets, a list's last item searched to the end of a text without
breaks). The benchmark on a 1 MB article of real text is benchmarks/bench_linear.py."""
from __future__ import annotations


import pytest

from extract.dates import extract_dates
from extract.deadlines import extract_deadlines
from extract.procedures import extract_procedures
from extract.procedures.clauses import trim
from conftest import count_calls

MAX_CALL_RATIO = 5.0

UNITS = {
    # list markers, arrows, menu paths, Q&A and deadlines on one line, no sentence end
    "one_line": "1.登录随申办APP→点击医保→选择缴费，请于2025年12月31日前完成（详见附件）；",
    # many short lists, paths and questions
    "markers": "\n1、打开APP\n2、点击“办事>社保>缴费”\n①关注公众号【个人中心】-【我要理赔】\n第一步：登录\n问：如何办理？答：可通过随申办办理。",
    # runs of unbalanced brackets and arrows inside one clause
    "brackets": "申请人（（（（“「（通过（随申办APP→（（点击“缴费”（（→（（（",
    # application chains and deadlines in a regulation
    "chains": "第九条 申请人可向街道办事处提出申请。街道办事处应在5个工作日内完成审核，并报区民政局审批。"
              "区民政局应当于2025年3月31日前作出审批决定，逾期不予受理。\n",
    # a tender notice's sections and qualification items, and a registration list (round 8)
    "notice": "现对设备采购项目进行公开招标，欢迎供应商投标。\n1、投标人资格：\n1）具有法人资格；\n2、发售招标文件时间：\n"
              "2025-03-01\n3、投标截止时间：2025年3月10日9时\n联系电话：0123-4567890\n报名方法：\n1、请填写回执，并将回执发送至会务组。\n",
}


def _text(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


_calls = count_calls


def _stages(text: str):
    mentions = extract_dates(text, "2025-01-10")
    deadlines = extract_deadlines(text, mentions, None)
    return (lambda: extract_deadlines(text, mentions, None),
            lambda: extract_procedures(text, mentions, deadlines))


@pytest.mark.parametrize("name", sorted(UNITS))
def test_four_times_the_text_costs_at_most_five_times_the_calls(name):
    small, big = _stages(_text(UNITS[name], 4000)), _stages(_text(UNITS[name], 16000))
    for stage, s, b in zip(("deadlines", "procedures"), small, big):
        cs, cb = _calls(s), _calls(b)
        assert cb <= MAX_CALL_RATIO * max(cs, 1), f"{name}/{stage}: {cs} -> {cb} calls"


def test_trimming_a_run_of_unbalanced_brackets_strips_it_whole():
    """Its growth (one call, so counted calls cannot show it) is checked by CPU time with
    the other pathological families in tests/test_robustness_growth.py."""
    big = "（" * 80000 + "缴费"
    assert trim(big, 0, len(big)) == (80000, len(big))


def test_many_deadlines_and_procedures_are_linked_by_position():
    """Each procedure links the deadlines inside it, and only those."""
    text = UNITS["chains"] * 200
    mentions = extract_dates(text, "2025-01-10")
    deadlines = extract_deadlines(text, mentions, None)
    procs = extract_procedures(text, mentions, deadlines)
    assert len(procs) == 200 and len(deadlines) == 200
    for p in procs:
        assert p.deadlines and all(p.start <= deadlines[i].start and deadlines[i].end <= p.end + 20 for i in p.deadlines)
