"""Ingest families found on corpora/real-dev2 (a development set of real bulk files, blind
gold) and checked on the bulk files outside the held-out lists: a society named as 发布人,
outlets written short (a national body less 国家, a body with its level word only), a
notice's headline and date in a CMS fragment, a photo caption's credit and a broadcast's
reporter as authors, a fragment's further blocks of prose, a company's service box.
Each family on pages written for the test, and on the real files where it was seen
(skipped when ../shared/corpus-dev is absent)."""
from __future__ import annotations

import pytest
from conftest import html_page, parsed_bulk

import extract
from extract.ingest import meta, outlets
from extract.options import Options

INGEST = Options(components=())


def parse(text: str):
    return extract.parse(text, options=INGEST)


def bulk(name: str):
    return parsed_bulk(name, INGEST)[0]


STORY = "<p>全市二级以上医院已全面开通医保移动支付，参保人可在手机上完成挂号和缴费，平均少排队二十分钟。</p>"


# --- 发布人 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("publisher, outlet", [
    ("中国医院管理协会民营医院管理分会", "中国医院管理协会民营医院管理分会"),
    ("中华医学会", "中华医学会"),
    ("-大众日报", "大众日报"),
    ("郭欣欣", None),          # the uploader
])
def test_a_society_or_a_paper_named_as_publisher_is_the_outlet(publisher, outlet):
    doc = parse(html_page("<h1>民营医院发展论坛在京举行</h1><div class='source'><span>发布时间：2011-04-15</span>"
                          f"<span>发布人：{publisher}  </span></div>" + STORY))
    assert doc.meta.outlet == outlet


# --- outlets written short ------------------------------------------------------------------

def test_a_national_body_written_less_guojia_takes_its_full_name():
    assert outlets.canonical("食品药品监管总局") == "国家食品药品监督管理总局"
    assert outlets.canonical("新华社") == "新华社"  # media keep their short names


def test_a_body_written_with_its_level_word_takes_the_region_the_text_names_it_with():
    text = "信息来源：区卫生健康局\n3月27日，天河区卫生健康局召开家庭医生签约服务工作推进会议。"
    assert outlets.canonical("区卫生健康局", text) == "广州市天河区卫生健康局"
    assert outlets.canonical("区卫生健康局", "信息来源：区卫生健康局\n会议召开。") == "区卫生健康局"


def test_a_markdown_page_sourced_to_a_district_bureau():
    doc = parse("# 天河区推进家庭医生签约服务\n\n发表时间：2025-03-28 16:55:56信息来源：区卫生健康局\n\n"
                "2025年3月27日，天河区卫生健康局召开家庭医生签约服务工作推进会议，部署全年重点工作。\n")
    assert doc.meta.outlet == "广州市天河区卫生健康局"


# --- a notice in a CMS fragment ------------------------------------------------------------

NOTICE = ("<?php exit;?>2015-08-21 17:00:17&nbsp;\n<table><tbody>"
          "<tr><td><p align='center'><b>食品药品监管总局关于印发医疗器械经营环节重点监管目录的通知</b></p></td></tr>"
          "<tr><td><p align='center'>食药监械监〔2015〕159号</p></td></tr>"
          "<tr><td><p align='right'>2015年08月17日   发布</p></td></tr>"
          "<tr><td><p>各省、自治区、直辖市食品药品监督管理局：</p>"
          "<p>为加强医疗器械经营监管，总局组织制定了重点监管目录，现印发给你们，请按照有关规定对所列品种的经营实施重点监管。</p>"
          "<p>食品药品监管总局<br/>2015年8月17日</p></td></tr></tbody></table>")


def test_a_notice_fragment_has_its_headline_date_and_issuer():
    doc = parse(NOTICE)
    assert doc.meta.title == "食品药品监管总局关于印发医疗器械经营环节重点监管目录的通知"
    assert doc.meta.published == "2015-08-17"  # its own date, not the CMS's save time
    assert doc.meta.outlet == "国家食品药品监督管理总局"
    assert doc.text.startswith("食品药品监管总局关于印发")


def test_a_fragment_that_is_no_notice_keeps_the_save_time():
    doc = parse("<?php exit;?>2015-08-21 17:00:17&nbsp;\n<p>展会将于2015年9月20日在深圳举行，"
                "届时将有三百余家医疗器械企业参展，展示最新的影像设备和康复器具。</p>")
    assert doc.meta.published == "2015-08-21"


@pytest.mark.parametrize("line, yes", [
    ("食品药品监管总局关于印发医疗器械经营环节重点监管目录及现场检查重点内容的通知", True),
    ("关于征求医疗器械临床试验备案有关事宜意见的函", True),
    ("贵州省卫生健康委员会 贵州省财政厅关于做好2024年基本公共卫生服务项目工作的通知", True),
    ("关于我们", False),
    ("天成医疗网关于春节放假", False),
])
def test_notice_headline(line, yes):
    assert meta.notice_headline(line) is yes


# --- authors --------------------------------------------------------------------------------

def test_a_photo_captions_credit_is_an_author():
    doc = parse(html_page("<h1>基本药物新采购办法 药价平均降38%</h1>"
                          "<p>图为某县卫生院药房的一位医务人员在整理货架上的药品。徐勇 摄</p>" + STORY))
    assert doc.meta.authors == ["徐勇"]


def test_a_broadcast_handing_over_to_its_reporter_names_the_author():
    doc = parse(html_page("<h1>山东实践基本药物集中采购</h1><p>7月31日消息 据经济之声报道，山东居民发现在社区"
                          "卫生服务中心买药更便宜了。详细情况联系中央台记者丁华艳。</p>"
                          "<p>记者：山东基本药物集中采购主要是对基层医疗卫生机构的用药实施集中招标采购。</p>"))
    assert doc.meta.authors == ["丁华艳"]


# --- cleaning -------------------------------------------------------------------------------

BOX = ("<blockquote><h3><span>某某医疗-科技服务部</span></h3><p>为医疗类企业提供产品注册、临床试验咨询等服务。</p>"
       "<p>服务热线：<br/>李先生 13500000000 微信 abc123</p><p>更多服务内容请登录<br/>某某医疗网：www.example.com</p>"
       "微信公众号：<strong>example_id</strong></blockquote>")


def test_a_service_box_closing_a_fragment_goes():
    doc = parse("<?php exit;?>2016-06-08 10:00:00\n" + STORY * 3 + "<p>来源：中国医疗器械</p>" + BOX)
    assert "医保移动支付" in doc.text and "来源：中国医疗器械" in doc.text
    for gone in ("服务热线", "13500000000", "example_id", "更多服务内容请登录"):
        assert gone not in doc.text


def test_a_hotline_without_a_call_to_visit_stays():
    doc = parse(html_page(STORY * 3 + "<p>咨询热线：0371-65920737</p>"))
    assert "咨询热线：0371-65920737" in doc.text


def test_a_fragments_second_block_of_prose_is_kept():
    second = ("<div><table><tr><td><div>大梦天成。这是一支兢兢业业、紧密协作的团队，他们已经为中国的医疗设备研发、"
              "生产和技术服务贡献多年，清楚知道当前医疗设备技术服务中存在的问题，知道医疗机构真正的需求。</div>"
              "</td></tr></table></div>")
    doc = parse("<?php exit;?>2013-08-25 10:00:00\n<table><tr><td><div>" + STORY * 4 + "</div></td></tr></table>"
                + second)
    assert "大梦天成" in doc.text and "医保移动支付" in doc.text


# --- on the real files ----------------------------------------------------------------------

def test_real_society_publisher():
    assert bulk("eb_swhd_20110415_ff8080812f588033012f58d001be0031.jsp").meta.outlet == "中国医院管理协会民营医院管理分会"


def test_real_district_bureau_outlet():
    assert bulk("aizct_tianhe_family_doctor_news_reader_md_2025.md").meta.outlet == "广州市天河区卫生健康局"


def test_real_notice_fragment():
    doc = bulk("webtct_29528_editor.data.27_20150821.php")
    assert doc.meta.title.startswith("食品药品监管总局关于印发医疗器械经营环节重点监管目录")
    assert (doc.meta.published, doc.meta.outlet) == ("2015-08-17", "国家食品药品监督管理总局")


def test_real_notice_fragment_body_is_kept():
    doc = bulk("webtct_32225_editor.data.21_20150507.php")
    assert doc.meta.title == "关于征求医疗器械临床试验备案有关事宜意见的函"
    assert doc.meta.published == "2015-04-28"
    assert "各有关单位：" in doc.text


@pytest.mark.parametrize("name, author", [
    ("eb_cgxqzx_20110714_ff808081311835920131260e6fbe170e.jsp", "徐勇"),
    ("eb_cgxqzx_20110801_ff80808131767356013182c69c2a00e8.jsp", "丁华艳"),
])
def test_real_authors(name, author):
    assert bulk(name).meta.authors == [author]


@pytest.mark.parametrize("name", ["webtct_42939_editor.data.2_20160608.php", "webtct_40650_editor.data.2_20160527.php"])
def test_real_service_box_goes(name):
    doc = bulk(name)
    assert "服务热线" not in doc.text and "tianchengyiliao" not in doc.text


def test_real_fragment_second_block():
    assert "大梦天成。这就是天成人的中国梦。" in bulk("webtct_8_editor.data.3_20130825.php").text
