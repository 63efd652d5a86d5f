"""Round 7 of issue 11: procedures written as articles of a regulation (第X条 …) or clauses of a
notice (一、…) rather than as steps (extract/procedures/regulation.py, regulation.yaml). Sentences
of our own first (they always run), then the real articles that show the family (skipped without
../shared)."""
from __future__ import annotations


import extract
from conftest import dev_article, dev_gold, count_calls
from extract.procedures import extract_procedures
from extract.procedures.regulation import regulation_chains

CARD_RULES = (
    "某市残疾人乘车优惠办法\n"
    "第一条 为了方便残疾人出行，结合本市实际，制定本办法。\n"
    "第二条 年满16周岁，具有本市户籍或者持有本市居住证的持证残疾人，享受本办法规定的乘车优惠。\n"
    "第三条 符合本办法规定的残疾人可以通过户籍所在地或者居住地的社区服务中心、网上办事平台申领《残疾人乘车卡》。\n"
    "区残联受理后，报市残联统一审核制发。\n"
    "第四条 个人在申领、换领乘车卡时，应当提供本人有效证件，并签署信息真实性承诺书。\n"
    "第五条 乘车卡有效期为五年。有效期届满前三十日内，持卡人可以通过社区服务中心或者自助服务终端办理换领。\n"
    "第六条 本办法自2025年1月1日起施行。"
)


def _procs(text: str):
    return extract_procedures(text, [], [])


def _doc(prefix: str):
    path = dev_article(prefix)
    return extract.parse_file(str(path), published=dev_gold(prefix)["meta"].get("published"))


# ---------------------------------------------------------------- own sentences

def test_card_regulation_gives_application_and_follow_up():
    procs = _procs(CARD_RULES)
    assert [p.goal for p in procs] == ["申领残疾人乘车卡", "残疾人乘车卡换领"]
    apply, renew = procs
    assert [s.text for s in apply.steps] == [
        "符合本办法规定的残疾人可以通过户籍所在地或者居住地的社区服务中心、网上办事平台申领《残疾人乘车卡》",
        "区残联受理后，报市残联统一审核制发"]
    assert [c.name for c in apply.channels] == ["社区服务中心", "网上办事平台"]
    requirement = "个人在申领、换领乘车卡时，应当提供本人有效证件，并签署信息真实性承诺书"
    # who the regulation is for joins the application, not the follow-up; the requirement joins both
    assert [c.text for c in apply.conditions] == ["年满16周岁", "具有本市户籍或者持有本市居住证", requirement]
    assert [s.text for s in renew.steps] == ["有效期届满前三十日内，持卡人可以通过社区服务中心或者自助服务终端办理换领"]
    assert [c.text for c in renew.conditions] == [requirement]
    assert [c.name for c in renew.channels] == ["社区服务中心", "自助服务终端"]


def test_handling_after_a_comma_is_a_step_of_its_own():
    text = ("第一条 为了规范高龄津贴发放，制定本办法。\n"
            "第二条 年满80周岁的本区户籍老年人可以到街道便民服务窗口申领高龄津贴，街道办事处初核后报区民政局审核发放。\n"
            "第三条 本办法自发布之日起施行。")
    (p,) = _procs(text)
    assert [s.text for s in p.steps] == ["年满80周岁的本区户籍老年人可以到街道便民服务窗口申领高龄津贴",
                                         "街道办事处初核后报区民政局审核发放"]


def test_card_application_brought_along_then_where():
    text = ("第一条 为了方便老年人游园，制定本办法。\n"
            "第二条 老年人可持本人身份证，到公园管理处申领公园年卡。\n"
            "第三条 公园年卡有效期届满前，持卡人可持本人身份证、公园年卡，到公园管理处办理续期手续。\n"
            "第四条 本办法自发布之日起施行。")
    assert [p.goal for p in _procs(text)] == ["申领公园年卡", "公园年卡续期"]
    without_comma = text.replace("老年人可持本人身份证，到", "老年人可凭本人身份证到")
    assert [p.goal for p in _procs(without_comma)] == ["申领公园年卡", "公园年卡续期"]


def test_outside_a_regulation_nothing_is_read():
    news = "记者了解到，全市老年人可以通过社区服务中心申领老年人优待卡，有效期届满前可以通过自助终端办理续期。"
    assert regulation_chains(news) == []
    two_articles = "".join(CARD_RULES.split("\n")[3:5])  # 第三条 and the line under it: fewer than three
    assert regulation_chains(two_articles) == []


def test_negated_or_office_sentences_are_no_procedures():
    text = ("第一条 为了规范考试报名，制定本办法。\n"
            "第二条 考生须在规定时间内参加网上报名和网上确认，逾期不再补办。\n"
            "第三条 市残联可以通过政务服务平台向持证残疾人发放乘车卡。\n"
            "第四条 本办法自发布之日起施行。")
    assert regulation_chains(text) == []


_calls = count_calls


def test_four_times_the_regulation_costs_at_most_five_times_the_calls():
    def text(n: int) -> str:
        return (CARD_RULES * (n // len(CARD_RULES) + 1))[:n]

    small, big = text(4000), text(16000)
    cs, cb = _calls(lambda: _procs(small)), _calls(lambda: _procs(big))
    assert cb <= 5.0 * cs, (cs, cb)


# ---------------------------------------------------------------- real articles (../shared)

def test_101_notice_clause_gives_its_items_and_the_visit():
    doc = _doc("101")
    p = next(p for p in doc.procedures if p.goal == "享受门诊特定病种待遇")
    steps = [s.text for s in p.steps]
    assert len(steps) == 3
    assert steps[0].startswith("除急诊留院观察外，符合《广州市社会医疗保险门诊特定病种准入标准》")
    assert steps[1].startswith("经确认的参保病人须在指定定点医疗机构中选定1家")
    assert steps[2] == "到指定定点医疗机构门诊就医"
    assert [c.text for c in p.conditions] == ["符合《广州市社会医疗保险门诊特定病种准入标准》（附件2）的参保人员"]
    assert "指定定点医疗机构" in {c.name for c in p.channels}


def test_107_agreement_clause_is_a_step():
    doc = _doc("107")
    p = next(p for p in doc.procedures if p.goal == "申请居家社区养老服务")
    assert any(s.text.startswith("并与服务机构签订服务协议，明确服务内容") for s in p.steps)
