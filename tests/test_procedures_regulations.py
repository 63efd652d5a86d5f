"""Round 6 of issue 11: regulations whose application and processing sit in different articles,
rules and scope statements that are no steps, where-answers that give channels. Sentences of our
own first (they always run), then the real articles that show each family (skipped without
../shared)."""
from __future__ import annotations

import extract
from conftest import dev_article, dev_gold
from extract.procedures import extract_procedures
from extract.procedures.clauses import not_the_readers


def _procs(text: str):
    return extract_procedures(text, [], [])


def _steps(procs) -> list[str]:
    return [s.text for p in procs for s in p.steps]


def _doc(prefix: str):
    path = dev_article(prefix)
    return extract.parse_file(str(path), published=dev_gold(prefix)["meta"].get("published"))


# ---------------------------------------------------------------- own sentences

def test_cover_or_cost_as_subject_is_a_rule():
    assert not_the_readers("责任三可正常申请理赔")
    assert not_the_readers("责任一、责任二可正常申请理赔")
    assert not_the_readers("门诊费用可按规定申请报销")
    # people as the subject stay steps; so does a traveller's 药品 (出境携带药品须申报)
    assert not not_the_readers("被保险人可登录公众号申请理赔")
    assert not not_the_readers("出境携带药品须主动申报")


def test_scope_of_a_channel_named_before_is_no_step():
    assert not_the_readers("居民可通过此热线咨询医保政策")
    assert not_the_readers("用户也可通过该平台查询办理进度")
    assert not not_the_readers("居民可通过12345热线咨询医保政策")  # names the channel itself: a step


def test_regulation_chain_takes_the_application_of_an_earlier_article():
    text = ("第三条 申请临时生活补助的事由应发生在申请日前3个月内。\n"
            "第四条 凡认为符合生活补助条件的村民可向户籍所在地乡镇人民政府提出申请。"
            "村民向非户籍所在地乡镇人民政府提出申请的,应提供居住证明。\n"
            "第五条 申请临时生活补助,申请人材料齐全的,乡镇人民政府应当场受理。\n"
            "乡镇人民政府在受理之日起3个工作日内提出审核意见,报县民政局审批。\n"
            "县民政局应当在5个工作日内作出审批决定。批准给予补助的,应当同时确定补助金额。")
    procs = _procs(text)
    assert len(procs) == 1
    p = procs[0]
    assert p.goal == "申请临时生活补助"
    assert _steps(procs)[0] == "凡认为符合生活补助条件的村民可向户籍所在地乡镇人民政府提出申请"
    assert not any("同时确定" in s for s in _steps(procs))
    assert [c.text for c in p.conditions] == ["申请临时生活补助的事由应发生在申请日前3个月内",
                                              "村民向非户籍所在地乡镇人民政府提出申请的,应提供居住证明"]


def test_application_far_before_the_processing_is_not_taken():
    # more than application_lookback characters of other articles in between: no link
    filler = "第十条 各区应当加强资金监督管理，确保专款专用。" * 40
    text = ("第四条 凡认为符合生活补助条件的村民可向乡镇人民政府提出申请。\n" + filler +
            "\n第二十条 申请临时生活补助,申请人材料齐全的,乡镇人民政府应当场受理。\n"
            "乡镇人民政府在受理之日起3个工作日内提出审核意见,报县民政局审批。")
    steps = _steps(_procs(text))
    assert steps and not any(s.startswith("凡认为") for s in steps)


def test_emergency_branch_and_its_follow_up_are_no_steps():
    text = ("申请人可向村委会提出申请。镇人民政府应在7个工作日内完成审核。"
            "遭遇重大疾病等紧急情况下,镇人民政府可先行给予救助。"
            "先行救助后,应当在5个工作日内补办审批手续。"
            "县民政局应在收到材料后5个工作日内作出审批决定。")
    assert _steps(_procs(text)) == ["申请人可向村委会提出申请", "镇人民政府应在7个工作日内完成审核",
                                    "县民政局应在收到材料后5个工作日内作出审批决定"]


def test_benefit_application_in_a_regulation():
    text = ("第六条 参保人员申请享受居家护理待遇，应按规定进行失能评估。\n"
            "第七条 享受居家护理待遇的人员应符合以下条件：\n（一）经评估为重度失能的参保人员；\n（二）在本市居住的参保人员。\n"
            "第八条 参保人员在定点护理机构办理居家护理登记手续后，可按规定享受居家护理待遇。")
    procs = _procs(text)
    assert _steps(procs) == ["参保人员申请享受居家护理待遇，应按规定进行失能评估",
                             "参保人员在定点护理机构办理居家护理登记手续后，可按规定享受居家护理待遇"]
    assert [c.text for c in procs[0].conditions] == ["经评估为重度失能的参保人员", "在本市居住的参保人员"]
    assert [c.name for c in procs[0].channels] == ["定点护理机构"]


def test_where_answer_joins_the_procedure_it_asks_about():
    text = ("老年人可通过“长者通”APP或到社区服务中心办理年审手续。\n年审到哪里办理？\n"
            "可到各街道政务服务中心、社区服务站办理。")
    procs = _procs(text)
    assert len(procs) == 1
    assert _steps(procs) == ["老年人可通过“长者通”APP或到社区服务中心办理年审手续"]
    assert {"各街道政务服务中心", "社区服务站"} <= {c.name for c in procs[0].channels}


# ---------------------------------------------------------------- real articles

def test_108_chain_from_the_application_article_with_its_requirements():
    doc = _doc("108")
    p = next(p for p in doc.procedures if p.goal == "申请急难型临时救助")
    steps = [s.text for s in p.steps]
    assert steps[0].startswith("凡认为符合临时救助条件的城乡居民可向")
    assert not any(s.startswith(("申请人基本生活难以维持", "开展先行急难救助后", "批准给予临时救助的")) for s in steps)
    conditions = [c.text for c in p.conditions]
    assert any(c.endswith("申请急难型临时救助的事由应发生在申请日前1个月内") for c in conditions)
    assert any(c.startswith("城乡居民向非户籍所在地镇人民政府(街道办事处)提出申请的,应按照") for c in conditions)


def test_102_benefit_procedure_with_its_eligibility_only():
    doc = _doc("102")
    p = next(p for p in doc.procedures if p.goal == "申请享受长护险待遇")
    assert [s.text for s in p.steps][1].startswith("在定点护理机构办理登记入住或建床手续后")
    assert len(p.conditions) == 4  # 第九条's subject and 第十条's three items; not 第十二条's sub-benefits
    assert "定点护理机构" in {c.name for c in p.channels}


def test_109_cover_rules_and_132_hotline_scope_are_no_steps():
    steps109 = [s.text for p in _doc("109").procedures for s in p.steps]
    assert not any(s.startswith("责任") for s in steps109)
    steps132 = [s.text for p in _doc("132").procedures for s in p.steps]
    assert not any(s.startswith("市民可通过此热线") for s in steps132)


def test_105_where_answer_gives_the_renewal_its_hotlines():
    doc = _doc("105")
    renewal = next(p for p in doc.procedures if any("续期" in s.text for s in p.steps))
    names = {c.name for c in renewal.channels}
    assert {"400-844-0001", "020-62839996"} <= names
    assert not any(s.text.startswith("可到市内户籍地") for p in doc.procedures for s in p.steps)
