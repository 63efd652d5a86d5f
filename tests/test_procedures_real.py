"""Procedures, conditions and deadlines on real published articles of the development
corpus (../shared/corpus-dev; skipped where it is absent): the forms issue 11 lists, as
these articles write them, read through the whole pipeline."""
from __future__ import annotations


import extract
from conftest import bulk_files, dev_article, dev_gold


def _doc(prefix: str):
    path = dev_article(prefix)
    return extract.parse_file(str(path), published=dev_gold(prefix)["meta"].get("published"))


def _steps(doc) -> list[list[str]]:
    return [[s.text for s in p.steps] for p in doc.procedures]


def test_104_step_labels_menu_paths_and_ways():
    doc = _doc("104")
    steps = _steps(doc)
    # 第一步…第四步: each step's heading line is a step
    assert ["提前准备社保卡相片回执号", "办理申领", "领卡", "设置密码"] in steps
    # “办事>社保>社会保障卡>相片上传”或“…”: two ways, each hop a step, the action after the path shared
    upload = [s for s in steps if "相片上传" in s or "社保卡相片上传" in s]
    assert upload[0][:4] == ["办事", "社保", "社会保障卡", "相片上传"]
    assert upload[1][:4] == ["微专区", "社会保障", "社会保障卡", "社保卡相片上传"]
    assert all(s[-1].startswith("拍摄或上传1张正面免冠白底彩色头像电子相片") for s in upload)
    # 方法1…方法4: each way a procedure with its own channel and its own （仅…可办理） eligibility
    by_channel = {c.name: p for p in doc.procedures for c in p.channels}
    assert [s.text for s in by_channel["粤省事"].steps] == ["社保·就业", "其他服务", "社保卡相关服务", "社保卡申领"]
    assert [c.text for c in by_channel["粤省事"].conditions] == ["居住在中国境内的中国公民", "16周岁以上〔含16周岁〕的港澳台居民"]
    conditions = [c.text for p in doc.procedures for c in p.conditions]
    assert {"本市户籍人员", "依法享受本市社会保障及其他公共服务待遇的非本市户籍人员"} <= set(conditions)
    # the 小贴士 restricting both upload channels goes to both upload procedures
    assert conditions.count("可通过实名认证方式登录的人员") == 2


def test_132_ways_each_a_procedure_with_clause_steps():
    doc = _doc("132")
    assert len(doc.procedures) == 7
    platform = next(p for p in doc.procedures if any(c.name == "国家政务服务平台" for c in p.channels))
    assert [s.text for s in platform.steps] == [
        "在浏览器找到【国家政务服务平台】",
        "在此平台【首页】找到【我要投诉】",
        "输入用户ID和密码登录后，根据界面提示填写投诉内容就完成了",
    ]
    hotline = doc.procedures[0]
    assert [s.text for s in hotline.steps] == ["拨打【12345】便民热线，进行投诉"]  # 进行投诉 goes on with 拨打


def test_112_menu_path_after_an_entry_clause_and_its_contact_line():
    doc = _doc("112")
    claim = doc.procedures[0]
    assert [s.text for s in claim.steps] == ["进入“海南惠琼保”公众号", "个人中心", "我要理赔"]
    assert {"海南惠琼保公众号", "400-001-2871"} <= {c.name for c in claim.channels}


def test_107_application_chains_with_eligibility_and_time_limits():
    doc = _doc("107")
    subsidy = next(p for p in doc.procedures if p.steps[0].text.startswith("服务对象或其委托人申请服务资助"))
    assert subsidy.steps[1].text == "镇人民政府、街道办事处应在5个工作日内完成初核并提交区养老服务指导单位核实"
    assert {"市为老服务综合信息平台", "镇人民政府", "街道办事处"} <= {c.name for c in subsidy.channels}
    first = subsidy.time_limits[0]
    assert (first.within, first.working_days, first.action, first.actor) == (
        "P5D", True, "完成初核并提交区养老服务指导单位核实", "镇人民政府、街道办事处")
    # 具有本市户籍且符合以下情形之一的服务对象可申请服务资助：（一）第一类…1.…6.（二）…符合以下条件之一的…：1.…2.…
    conditions = {c.text for p in doc.procedures for c in p.conditions}
    assert {"具有本市户籍", "分散供养特困人员", "计划生育特殊家庭老年人", "经济困难且失能（失智）的老年人",
            "80周岁及以上的", "纯老家庭（含孤寡、独居、农村留守）人员"} <= conditions
    # 第四十四条: requirements on evaluation agencies are no eligibility
    assert not any("所聘评估员" in c for c in conditions)
    # 第三十六条: who may apply for a list of subsidies, and each subsidy's case
    assert "在本市行政区域内开展养老服务的居家社区养老服务组织" in conditions


def test_103_plan_tasks_and_indicators_are_no_procedure():
    assert _doc("103").procedures == []


def test_117_and_129_deadlines_read_action_and_actor():
    dl = {(d.due, d.action, d.actor) for d in _doc("117").deadlines}
    assert ("2028-12-31", "基本实现平稳过渡", "原试点地区") in dl
    dl = [(d.due, d.action, d.actor) for d in _doc("129").deadlines]
    assert ("2025-12-31", "开展即时结算", "全国所有统筹地区") in dl
    assert ("2026-12-31", "开通即时结算定点医疗机构占比达到80%以上", None) in dl
    # the headline 今年底前所有统筹地区… is not run into the next line
    assert all("\n" not in (a or "") for _, a, _ in dl)


def test_news_briefs_give_almost_no_procedure():
    """新闻联播 items (every third of the 665): news, not instructions. Titles (《…》),
    appositions (——) and targets are no procedure."""
    files = bulk_files("xwlb_*")[::3]
    procs = 0
    for path in files:
        doc = extract.parse_file(str(path))
        procs += len(doc.procedures)
        assert not any(s.text in ("今晚开播", "海葵一号") for p in doc.procedures for s in p.steps)
    assert procs <= 2, procs


def test_time_limit_offsets_in_a_later_article(tmp_path):
    text = ("### 第一条新闻\n本报讯 今天天气晴朗，市民出行方便。\n\n### 第二条新闻\n本报讯 申请人可向户籍所在地"
            "街道办事处提出申请。街道办事处应在5个工作日内完成审核，并报区民政局审批。\n")
    path = tmp_path / "two.md"
    path.write_text(text, encoding="utf-8")
    doc = extract.parse_file(str(path), published="2024-01-01")
    limits = [t for p in doc.procedures for t in p.time_limits]
    assert limits and all(doc.text[t.start : t.end] == t.date_text for t in limits)
