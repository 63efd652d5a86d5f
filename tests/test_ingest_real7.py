"""Ingest families found by reading the 880 bulk files of ../shared/corpus-dev (round 7):
bracketed repost and copyright notices, 据X， leads, publishers ending in 财经, closing and
lead bylines, dateline authors in an article's byline, headings closing a fragment,
field lines and bare column labels as titles, headlines in elements of no heading kind,
WeChat meta rows, photographers' credits and JSON-LD organisations as authors.
Each family on pages written for the test, and on the real files where it was seen
(skipped when ../shared/corpus-dev is absent)."""
from __future__ import annotations

import json

import pytest
from conftest import bulk_files, dev_article, html_page, parsed_bulk

import extract
from extract.ingest import datelines
from extract.options import Options

INGEST = Options(components=())


def parse(text: str):
    return extract.parse(text, options=INGEST)


page = html_page


def bulk(name: str):
    return parsed_bulk(name, INGEST)[0]


# --- repost and copyright notices in brackets -------------------------------------------

STORY = "<p>全市二级以上医院已全面开通医保移动支付，参保人可在手机上完成挂号和缴费，平均少排队二十分钟。</p>"


@pytest.mark.parametrize("notice, outlet", [
    ("【本文为原创，版权归健康码头所有，转载必须注明来源及作者，侵权必究！】", "健康码头"),
    ("【本文由某某咨询有限公司转载自国家药品监督管理局】", "国家药品监督管理局"),
    ("【本文转自医械观察，本站不保证其准确性、完整性，不对其观点负责。】", "医械观察"),
])
def test_a_bracketed_notice_names_the_outlet_and_leaves_the_text(notice, outlet):
    doc = parse(page(STORY + f"<p>{notice}</p>"))
    assert doc.meta.outlet == outlet
    assert notice not in doc.text
    assert "医保移动支付" in doc.text


def test_a_copyright_notice_naming_the_original_author_gives_no_outlet():
    doc = parse(page(STORY + "<p>【版权归原作者所有，如有侵权请联系删除】</p>"))
    assert doc.meta.outlet is None


# --- leads and publishers ------------------------------------------------------------------

@pytest.mark.parametrize("lead, outlet", [
    ("据江城日报，本市今年将新增三家区域医疗中心。", "江城日报"),
    ("据新华社，国家医保局近日公布了新版药品目录。", "新华社"),
    ("据中央气象台预报，未来三天华南有强降雨。", None),
    ("据国家移民管理局通报，一季度出入境人员同比增长。", None),
])
def test_a_lead_naming_a_paper_before_a_comma(lead, outlet):
    assert datelines.lead_outlet(lead) == outlet


@pytest.mark.parametrize("value, outlet", [("-新浪财经", "新浪财经"), ("-江城晚报", "江城晚报"), ("王小明", None)])
def test_a_publisher_field_names_a_paper_or_a_site_not_the_uploader(value, outlet):
    d = datelines.parse_line(f"发布时间：2011-06-27发布人：{value}")
    assert d is not None and d.published == "2011-06-27"
    assert d.outlet == outlet


# --- bylines -------------------------------------------------------------------------------

def test_a_closing_writer_credit_is_a_byline():
    doc = parse("医保支付方式改革再提速\n全省所有统筹地区年底前实现按病组付费全覆盖，参保人住院负担进一步减轻。（文/林晓燕）\n")
    assert doc.articles[0].byline == ["林晓燕"]


def test_a_byline_after_a_photo_credit_word():
    doc = parse(page("<h1>中药材价格一年翻番</h1><p>文/图 本报记者 周明远 实习生 陈可欣</p>" + STORY))
    assert doc.meta.authors == ["周明远", "陈可欣"]


def test_a_byline_inside_a_lead():
    doc = parse("江城讯 记者周明远 通讯员卫宣 昨日，省政府发布促进社会办医的实施方案，鼓励医生开办诊所。\n")
    assert doc.articles[0].byline == ["周明远", "卫宣"]


def test_the_dateline_authors_sign_the_article():
    doc = parse(page("<div class='rightTitle'>我院开展护士岗前培训</div>"
                     "<p>作者：张晓梅 李思远 加入时间：2016/7/20 8:18:27来源：护理部</p>" + STORY))
    assert doc.meta.authors == ["张晓梅", "李思远"]
    assert doc.articles[0].byline == ["张晓梅", "李思远"]


def test_a_photographer_credit_in_the_dateline_is_an_author():
    d = datelines.parse_line("来源：党委宣传部 文：王小红 图：孙大为 发布时间：2025-04-18")
    assert d is not None and d.authors == ["王小红", "孙大为"]


def test_a_json_ld_organisation_is_no_author():
    ld = {"@type": "NewsArticle", "headline": "惠民保今起开放投保",
          "author": [{"@type": "Organization", "name": "江城市医疗保障局"}, {"@type": "Person", "name": "赵一鸣"}]}
    doc = parse(page(f"<script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>"
                     "<h1>惠民保今起开放投保</h1>" + STORY, "惠民保今起开放投保"))
    assert doc.meta.authors == ["赵一鸣"]


# --- titles ----------------------------------------------------------------------------------

def test_a_heading_closing_a_fragment_is_no_headline():
    body = STORY * 6 + "<blockquote><h3>某某医疗网-电子商务部</h3><p>服务热线：020-12345678</p></blockquote>"
    doc = parse(page(body))
    assert doc.meta.title is None
    assert doc.articles[0].title is None


def test_a_heading_opening_a_fragment_is_still_the_headline():
    doc = parse(page("<h3>全市医院开通医保移动支付</h3>" + STORY * 6))
    assert doc.meta.title == "全市医院开通医保移动支付"


@pytest.mark.parametrize("first", ["【市场分析】", "【展会时间】2015年11月16-19日", "招标编号：0733-156220907001",
                                   "来源 | 医械观察 作者 | 小李"])
def test_a_field_line_or_a_bare_column_label_is_no_title(first):
    doc = parse(page(f"<p>{first}</p>" + STORY))
    assert doc.articles[0].title is None


def test_a_short_line_with_a_colon_is_still_a_title():
    doc = parse(page("<p>药监局：甜品站采购食品有规定</p>" + STORY))
    assert doc.articles[0].title == "药监局：甜品站采购食品有规定"


def test_a_headline_in_an_element_of_no_heading_kind_keeps_its_dateline():
    title = "首届养老专业本科生迎来毕业季"
    body = (f"<div class='page_bt'><p class='pbt'>{title}</p>"
            "<p class='pwz'>发稿时间：2024-05-13 06:03:00 来源：江城青年报</p></div>"
            "<div class='content'>" + STORY * 3 + "</div>")
    doc = extract.parse(page(body, f"{title}_新闻频道_江城青年网"))
    assert doc.text.startswith(title)
    assert "发稿时间：2024-05-13 06:03:00" in doc.text
    dates = [m for m in doc.mentions if m.type == "date" and m.text.startswith("2024-05-13")]
    assert dates and dates[0].value == "2024-05-13T06:03"


def test_a_wechat_meta_row_is_the_dateline():
    d = datelines.parse_line("原创 江城医保君 江城医保服务 2023-07-03 18:00 发表于江苏")
    assert d is not None and (d.published, d.time, d.outlet) == ("2023-07-03", "18:00", "江城医保服务")
    other = datelines.parse_line("关于 印发 通知 2023-07-03 18:00")  # no 原创 mark: no account named
    assert other is None or other.outlet is None


def test_a_platform_asking_to_be_followed_is_chrome():
    promo = "一家专门为医疗机构提供技术服务的交易平台，关注我们，千千万万个商业机会等着你。"
    doc = parse(page(STORY + f"<p>{promo}</p>"))
    assert promo not in doc.text
    kept = "请关注我们医院的官方网站，及时了解门诊排班的调整。"
    assert kept in parse(page(STORY + f"<p>{kept}</p>")).text


# --- the real files where the families were seen ----------------------------------------

def test_real_bracketed_notices():
    doc = bulk("webtct_43051_editor.data.15_*.php")
    assert doc.meta.outlet == "国家食品药品监督管理总局"
    assert "转载自国家食品药品监督管理总局" not in doc.text
    doc = bulk("webtct_38469_editor.data.2_*.php")
    assert doc.meta.outlet == "中国医疗器械"
    assert doc.meta.title is None and "版权归" not in doc.text


def test_real_leads_and_publishers():
    assert bulk("eb_cgxqzx_20110706_*.jsp").meta.outlet == "中国证券报"
    assert bulk("eb_goodszx_20110627_*.jsp").meta.outlet == "新浪财经"
    briefs = bulk("xwlb_20250819_10_briefs.md")  # 据中央气象台预报，… names no outlet
    assert {a.outlet for a in briefs.articles} == {"央视网"}


def test_real_bylines():
    for f in bulk_files("holier_*"):
        doc = extract.parse_file(str(f), options=INGEST)
        assert doc.articles[0].byline and doc.articles[0].byline == doc.meta.authors
    assert bulk("eb_goodszx_20110524_*.jsp").meta.authors == ["邱瑞贤", "肖桂来"]
    assert bulk("eb_sqzx_20110415_ff8080812f4e78d5012f56ccde75148d.jsp").meta.authors == ["段丽萍"]


def test_real_tail_headings_are_no_titles():
    for name in ("webtct_40650_*", "webtct_42206_*", "webtct_796_editor.data.2_*"):
        assert bulk(name).meta.title is None


def test_real_headline_of_no_heading_kind():
    doc = extract.parse_file(str(dev_article("133")))
    assert "发稿时间：2024-05-13 06:03:00" in doc.text
    assert any(m.type == "date" and m.value == "2024-05-13T06:03" for m in doc.mentions)
    assert any(m.type == "institution" and m.name == "中国青年报" for m in doc.mentions)
