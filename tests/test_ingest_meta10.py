"""Ingest families found on corpora/real-dev3 (a development set of real bulk files, blind
gold) and checked on the bulk files outside the held-out lists: a CMS fragment's heading
printed as its first line with no headline markup, a title-named block opening a page of no
<title>, another site's headlines pasted into a paragraph. Each family on pages written for
the test (must-contain / must-not-contain, in the trafilatura style), and on the real files
where it was seen, checked against their gold (skipped when ../shared/corpus-dev is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import html_page, parsed_bulk

import extract
from extract.ingest.pasted import drop_pasted_headlines
from extract.offsets import Mapped
from extract.options import Options

INGEST = Options(components=())
GOLD = Path(__file__).resolve().parents[1] / "corpora" / "real-dev3"
PHP = "<?php exit;?>2015-09-29 16:22:16"


def parse(text: str):
    return extract.parse(text, options=INGEST)


STORY = ("<p>全市二级以上医院已全面开通医保移动支付，参保人可在手机上完成挂号和缴费，平均少排队二十分钟。</p>"
         "<p>市医保局表示，下一步将把移动支付推广到基层医疗机构，年底前覆盖全部社区卫生服务中心。</p>")


# --- a fragment's first line as its heading -------------------------------------------------

@pytest.mark.parametrize("first, title", [
    ("便携式雾化器产品特点 <br />", "便携式雾化器产品特点"),
    ("2015第27届国际医疗仪器设备展览会 <br />", "2015第27届国际医疗仪器设备展览会"),
    ("<div align='center'><b>某某医疗科技有限公司 简介</b></div>", "某某医疗科技有限公司 简介"),
    # a body sentence opening the fragment: no headline is printed, none is invented
    ("便携式雾化器小巧轻便，可以在家中自由移动，外出旅行也便于携带。<br />", None),
    # a section label naming no subject, a column label, a field line, a numbered section
    ("<p>公司介绍</p>", None),
    ("【市场分析】<br />", None),
    ("招标编号：0733-156220907001<br />", None),
    ("第一章 总 则<br />", None),
])
def test_a_fragment_heading_printed_as_its_first_line_is_the_title(first, title):
    doc = parse(PHP + first + STORY)
    assert doc.meta.title == title
    assert "全市二级以上医院已全面开通医保移动支付" in doc.text


def test_a_page_with_a_title_keeps_it():
    doc = parse(html_page("<p>便携式雾化器产品特点</p>" + STORY, title="医保移动支付全面开通_某某网"))
    assert doc.meta.title != "便携式雾化器产品特点"


# --- a title-named block opening a page of no <title> ---------------------------------------

def test_a_title_named_block_opening_a_fragment_is_its_headline():
    head = "<div style='text-align:center' id='right-title'>\n\t某某设备荣获年度创新产品奖\n</div>"
    doc = parse(PHP + head + "<div id='right-content' class='right-cont'>" + STORY + "</div>")
    assert doc.meta.title == "某某设备荣获年度创新产品奖"
    assert doc.text.startswith("某某设备荣获年度创新产品奖\n")
    assert "平均少排队二十分钟" in doc.text


def test_a_title_named_block_after_text_is_no_headline():
    tail = "<div class='news-title'>相关新闻标题一则</div>"
    doc = parse(PHP + "<div id='content'>" + STORY + "</div>" + tail)
    assert doc.meta.title != "相关新闻标题一则"


# --- another site's headlines pasted into a paragraph ---------------------------------------

PASTED = ("<h1>湖南鼓励社会资本办医疗机构 满足群众多种需求</h1>"
          "<p>记者19日从省卫生厅获悉，省里将进一步鼓励社会资本举办医疗机构。</p>"
          "<p>食品添加剂乱局调查：三餐吃了多种添加剂(图) 中药囤积炒作引发暴涨 <br />"
          "商务部：个别地区部分蔬菜滞销 公租房租满5年可购买 高清：超豪华迎亲车队亮相 某网新闻中心诚聘编辑"
          " 　　省卫生厅医政处处长表示，民营医疗机构多而散，以小专科医院为主。</p>")


def test_pasted_headlines_go_and_the_paragraph_stays():
    doc = parse(html_page(PASTED))
    for gone in ("某网新闻中心诚聘编辑", "公租房租满5年可购买", "中药囤积炒作引发暴涨"):
        assert gone not in doc.text
    assert "省卫生厅医政处处长表示，民营医疗机构多而散，以小专科医院为主。" in doc.text
    assert "记者19日从省卫生厅获悉" in doc.text
    assert doc.meta.title == "湖南鼓励社会资本办医疗机构 满足群众多种需求"


@pytest.mark.parametrize("text", [
    # a broadcast's headline of several parts, alone on its line
    "习近平对爱国卫生运动作出重要指示强调 要更加有针对性地开展爱国卫生运动 切实保障人民群众生命安全\n正文。",
    # the first line is the headline's, whatever follows it
    "省医保局召开全省工作会议 部署年度重点任务 推进支付方式改革 会议指出，要巩固成果。\n正文。",
    # two headline-like chunks before prose are no run
    "正文第一段。\n国家医保局 省医保局 会议指出，要巩固成果。\n",
    # short chunks (a table row flattened) are no headlines
    "正文第一段。\n序号 项目名称 数量 单价 说明：以上价格含税，运费另计。\n",
])
def test_lines_that_are_no_pasted_headlines_stay(text):
    assert drop_pasted_headlines(Mapped.identity(text)).text == text


def test_the_cut_keeps_raw_offsets():
    text = "标题\n某某部门：某地区蔬菜滞销 公租房租满五年可购买 发改委否认起草方案 处长表示，民营机构多而散。\n"
    out = drop_pasted_headlines(Mapped.identity(text))
    assert out.text == "标题\n处长表示，民营机构多而散。\n"
    k = out.text.index("处长")
    assert out.at(k) == text.index("处长")


# --- on the real files (checked against their gold in corpora/real-dev3) --------------------

def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))


def bulk(name: str):
    return parsed_bulk(name, INGEST)[0]


@pytest.mark.parametrize("name", [
    "webtct_11638_editor.data.16_20150929.php",   # the first line, after the save time
    "webtct_434_editor.data.21_20160118.php",     # <div id="right-title">
])
def test_real_fragment_titles(name):
    assert bulk(name).meta.title == gold(name)["meta"]["title"]


@pytest.mark.parametrize("name", [
    "webtct_30166_editor.data.21_20141011.php", "webtct_334_editor.data.21_20130708.php",
    "webtct_36741_editor.data.13_20150923.php", "webtct_40650_editor.data.2_20160527.php",
])
def test_real_fragments_opening_with_prose_have_no_title(name):
    assert gold(name)["meta"]["title"] == ""
    assert not bulk(name).meta.title


@pytest.mark.parametrize("name", [
    "eb_sqzx_20110422_ff8080812f7ae5ba012f7b183a410095.jsp",
    "webtct_11638_editor.data.16_20150929.php",
    "webtct_40650_editor.data.2_20160527.php",
])
def test_real_must_contain_and_must_not_contain(name):
    doc, g = bulk(name), gold(name)
    for s in g["must_contain"]:
        assert s in doc.text
    for s in g["must_not_contain"]:
        assert s not in doc.text
