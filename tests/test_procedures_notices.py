"""Tender and registration notices (issue 11, round 3; docs/procedures.md "Round 9"): a tender
notice read as sections (action sections are steps, the 资格 list gives conditions, contact
sections give channels), registration instructions under 报名方法 cut into steps, and the
deadlines of bids (the notice's word for the bidder, a thing due kept in the action). Sentences
of our own; the two real files of the development set real-heldout4 skip when ../shared is absent."""
from __future__ import annotations

import pytest

import extract
from extract.dates import extract_dates
from extract.deadlines import due_of, extract_deadlines
from extract.procedures import extract_procedures
from tests.conftest import bulk_files

OPEN = "某代理公司受某市中心医院委托，现对该院设备采购项目进行公开招标，欢迎符合条件的供应商前来投标。\n"


def _procs(text: str):
    return extract_procedures(text, [], [])


def _steps(p):
    return [s.text for s in p.steps]


def test_arabic_numbering_with_sub_items_that_restart():
    # 1、…7、 top level; the 资格 section's own 1、2、 and 1）2） are its items, not sections
    text = (OPEN + "1、项目编号：ABC-1\n2、发售招标文件时间：\n2030-03-01至2030-03-05\n3、发售招标文件地点：\n某市招标中心\n"
            "4、投标人资格：\n1、具有法人资格的供应商。需提交以下证明文件：\n1）营业执照副本复印件；\n2）税务登记证复印件；\n"
            "2、本项目不接受联合体投标。\n3、其他要求详见招标文件。\n5、投标截标时间：\n2030-03-10 09:30\n6、开标地点：\n某市招标中心\n"
            "7、联系电话：\n0123-7654321\n")
    (p,) = _procs(text)
    # (round 4: a label on its own line takes the value on the next; each field a step; the opening's
    # place is no action of the reader's)
    assert _steps(p) == ["发售招标文件时间：\n2030-03-01至2030-03-05", "发售招标文件地点：\n某市招标中心",
                         "投标截标时间：\n2030-03-10 09:30"]
    # the item before its sub-list's intro, the sub-items, the rule; no pointer (详见), no header
    assert [c.text for c in p.conditions] == ["具有法人资格的供应商", "营业执照副本复印件", "税务登记证复印件", "本项目不接受联合体投标"]
    assert [c.name for c in p.channels] == ["0123-7654321"]


def test_unnumbered_label_lines_make_the_sections():
    text = (OPEN + "投标人的资格条件：\n1.具有独立承担民事责任的能力；\n2.具有良好的商业信誉。\n"
            "招标文件发售时间：2030年3月1日至3月5日\n招标文件发售地点：某市招标中心201室\n招标文件售价：每套300元\n"
            "投标截止时间：2030年3月10日9时30分\n采购代理机构名称：某代理公司\n")
    (p,) = _procs(text)
    # (the price line is a fact, no step)
    assert _steps(p) == ["招标文件发售时间：2030年3月1日至3月5日", "招标文件发售地点：某市招标中心201室",
                         "投标截止时间：2030年3月10日9时30分"]
    assert [c.text for c in p.conditions] == ["具有独立承担民事责任的能力", "具有良好的商业信誉"]


def test_heading_without_action_is_read_by_its_first_sentence():
    # 三、招标文件 names no action; its body (…将报名函传真到…报名) does
    text = (OPEN + "一、项目概况\n采购内容：监护仪2台。\n二、供应商资格要求\n1.具有医疗器械经营许可证；\n2.具有良好的商业信誉；\n"
            "三、招标文件\n本项目自2030年3月1日至3月5日接受报名，请将报名函传真到某代理公司报名。\n四、投标文件的递交\n"
            "投标文件须在2030年3月10日9时前送到某市公共资源交易中心。\n五、发布公告的媒介\n本公告在某市政府采购网发布。\n")
    (p,) = _procs(text)
    # (round 4: the section's sentences that ask to act are its steps, not the heading and body)
    assert _steps(p) == ["本项目自2030年3月1日至3月5日接受报名，请将报名函传真到某代理公司报名",
                         "投标文件须在2030年3月10日9时前送到某市公共资源交易中心"]
    assert [c.text for c in p.conditions] == ["具有医疗器械经营许可证", "具有良好的商业信誉"]


def test_section_units_that_act_or_say_when_are_the_steps():
    # round 4: documents, fees and account fields are no steps; a consequence clause is cut off
    text = (OPEN + "一、资格要求：\n1、具有医疗器械经营许可证。\n2、具有良好的商业信誉。\n二、购买招标文件\n"
            "1、所需材料：营业执照复印件。\n2、发售地点：某市招标中心301室\n3、文件售价：每套300元。\n"
            "三、投标文件递交\n投标人应于2030年4月2日9时前将投标文件送达某市招标中心，逾期送达的不予受理。\n")
    (p,) = _procs(text)
    assert _steps(p) == ["发售地点：某市招标中心301室", "投标人应于2030年4月2日9时前将投标文件送达某市招标中心"]


def test_opening_is_a_step_only_when_it_asks_to_come():
    base = OPEN + "一、资格要求：\n1、具有医疗器械经营许可证。\n2、具有良好的商业信誉。\n二、投标截止时间：2030年4月2日9时\n"
    (p,) = _procs(base + "三、开标时间及地点：\n时间：2030年4月2日9时\n地点：某市招标中心\n")
    assert _steps(p) == ["投标截止时间：2030年4月2日9时"]
    (p,) = _procs(base + "三、开标地点：某市招标中心。届时请投标人的代表出席开标会。\n")
    assert _steps(p)[-1] == "届时请投标人的代表出席开标会"


def test_notice_by_its_number_field_with_a_header_item():
    text = ("采购编号：XY-2031-5\n采购人：某区人民医院\n供应商资格要求：\n1、满足以下法律的规定：\n（1）依法纳税；\n（2）信誉良好。\n"
            "2、具有生产许可证。\n投标截止时间：2031年1月9日10时\n")
    (p,) = _procs(text)
    assert [c.text for c in p.conditions] == ["依法纳税", "信誉良好", "具有生产许可证"]
    assert _steps(p) == ["投标截止时间：2031年1月9日10时"]


def test_notes_section_gives_its_instructions_only():
    text = (OPEN + "一、资格要求：\n1、具有生产许可证。\n2、信誉良好。\n二、投标截止时间：2031年1月9日10时\n"
            "三、其他事项：\n1、本公告期限为五个工作日。\n2、采用电汇购买的，须将付款凭证传真至代理机构。\n")
    (p,) = _procs(text)
    assert _steps(p) == ["投标截止时间：2031年1月9日10时", "采用电汇购买的，须将付款凭证传真至代理机构"]


def test_news_about_a_tender_is_no_notice():
    text = ("本报讯 某县人民医院日前对监护设备采购项目进行公开招标，共有5家企业参与投标。\n"
            "一、中标企业将在一个月内完成供货。\n二、医院表示，新设备将于年内投入使用。\n三、该院还计划明年购置CT设备。\n")
    assert _procs(text) == []


def test_a_notice_needs_its_opening():
    # the same sections without an invitation to bid are no notice's
    text = "设备管理办法\n一、资格要求：具备上岗证。\n二、投标截止时间：见通知。\n三、开标地点：会议室。\n"
    assert _procs(text) == []


def test_instruction_list_cut_into_steps():
    text = ("三、报名须知：\n1、请先在网上填写回执，再将回执和汇款凭证发至会务组邮箱。\n"
            "2、请各单位提交参会人员名单，并提供联系人电话，以便安排食宿。其中可附单位简介。\n")
    (p,) = _procs(text)
    assert _steps(p) == ["先在网上填写回执", "将回执和汇款凭证发至会务组邮箱", "提交参会人员名单，并提供联系人电话"]
    assert [(c.name, c.kind) for c in p.channels] == [("会务组", "office")]  # where it is sent (发至会务组)


def test_list_under_a_benefit_heading_is_no_registration():
    text = "四、参会待遇：\n1、享受会议期间免费午餐。\n2、赠送会议资料一套。\n"
    assert _procs(text) == []


def test_audience_list_far_before_gives_conditions():
    text = ("二、参会对象：\n1、各级疾控中心负责人\n2、基层卫生院院长\n三、会议议程：\n" + "主题报告。\n" * 30 +
            "四、报名方法：\n1、请填写报名表并发送至会务组。\n2、请交纳会务费。\n")
    (p,) = _procs(text)
    assert [c.text for c in p.conditions] == ["各级疾控中心负责人", "基层卫生院院长"]


def test_sending_sentence_with_labelled_lines():
    # F3: 可通过电子邮件或信函反馈我司 + 电子邮件：/信函： lines; a 请… sentence among them is a step
    text = ("现公开征求意见，有关单位可通过电子邮件或信函反馈我会，时间截止至5月8日。\n电子邮件：opinion@example.cn。"
            "发送邮件时，请在邮件主题处注明“反馈意见”。\n信函：某市人民路1号\n附件：1.征求意见稿\n")
    (p,) = _procs(text)
    assert p.goal == "反馈我会"
    assert _steps(p) == ["有关单位可通过电子邮件或信函反馈我会，时间截止至5月8日", "请在邮件主题处注明“反馈意见”"]
    assert [c.name for c in p.channels] == ["opinion@example.cn"]


def test_reported_sending_is_no_procedure():
    assert _procs("记者从市卫健委获悉，该委已将意见反馈给省协会。\n") == []
    assert _procs("协会表示，会员可以自愿参加活动。\n") == []


def _deadlines(text: str, ref: str = "2030-02-01"):
    mentions = extract_dates(text, ref)
    return extract_deadlines(text, mentions, ref)


def test_bid_deadline_takes_the_notices_word_for_the_bidder():
    text = OPEN + "供应商须具备经营许可证。供应商应按时递交文件。\n投标截止时间：2030年3月10日9时30分\n"
    (d,) = _deadlines(text)
    assert (d.action, d.actor) == ("投标", "供应商")
    # 投标人 is the word of a bid's own action when the notice uses it
    (d,) = _deadlines(text + "投标人须携带身份证。\n")
    assert d.actor == "投标人"
    # not a bid: no bidder
    (d,) = _deadlines("某医院设备采购项目进行公开招标。供应商须具备许可证。\n体检表须于2030年3月1日前交回卫生院。")
    assert d.actor is None


def test_thing_due_stays_in_the_action_as_it_reads():
    text = "会员申请表请于2030年3月1日前寄协会秘书处。"
    (d,) = _deadlines(text)
    assert d.action == "会员申请表请于2030年3月1日前寄协会秘书处"
    assert d.action in text


def test_twenty_four_hundred_is_the_whole_day():
    assert due_of("2030-02-10T24:00") == "2030-02-10"
    assert due_of("2030-02-10T09:30") == "2030-02-10T09:30"


def _real(name: str):
    files = bulk_files(name)
    if not files:
        pytest.skip(f"{name} not present")
    return extract.parse_file(files[0])


def test_real_tender_notice_of_the_development_set():
    # real-heldout4 (a development set): its gold gives the sale time, sale place, closing and
    # opening lines as steps and eleven qualification items as conditions (optional procedure);
    # the opening's place is no action of the reader's (real-heldout5's gold leaves it out)
    doc = _real("webtct_35948_editor.data.6_20150818.php")
    (p,) = doc.procedures
    assert len(p.steps) == 3 and p.steps[2].text.startswith("投标截标时间")
    assert len(p.conditions) == 11 and p.conditions[-1].text == "本项目不接受联合体报价"
    (d,) = doc.deadlines
    assert d.actor == "投标人" and d in [doc.deadlines[i] for i in p.deadlines]


def test_real_registration_instructions_of_the_development_set():
    doc = _real("webtct_38596_editor.data.15_20151215.php")
    first = doc.procedures[0]
    assert _steps(first) == ["填写出席确认表并交纳会费", "将出席确认表和汇款凭证发送至组委会",
                             "提交1000字以内（嘉宾和贵宾为2000字以内）单位和负责人介绍，并提供2—3张代表性照片以便刊入会刊",
                             "提供单位参会者电子版免冠照片"]
    assert len(first.conditions) == 5
    assert [c.name for c in first.channels] == ["组委会"]


def test_plan_target_of_finishing_is_a_deadline():
    # round 4: 计划于X前完成 (the plan's own work finished by then) is due; 计划…前投入使用 and 预计 stay forecasts
    (d,) = _deadlines("某市的设备更新工作已于3月启动，计划于2030年10月底前完成，由市卫健委统筹。")
    assert (d.due, d.action) == ("2030-10-31", "完成")
    assert _deadlines("新院区计划于2030年10月底前投入使用。") == []
    assert _deadlines("新院区预计于2030年10月底前完成装修。") == []
