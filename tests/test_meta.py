"""Metadata sources and the publication date's precision."""
from __future__ import annotations

import pytest

import extract
from extract.ingest.datelines import path_date as datelines_path_date
from extract.ingest.meta import from_text, iso_date
from extract.refdate import RefDate


@pytest.mark.parametrize("value,expected", [
    ("2021-11-25", "2021-11-25"), ("2018-10", "2018-10"), ("2018", "2018"), ("2021/3/8", "2021-03-08"),
    ("2021年3月8日", "2021-03-08"), ("2021 年 3 月", "2021-03"), ("Thu, 25 Nov 2021 06:20:36 GMT", "2021-11-25"),
    ("2019-03-08T09:00:00+08:00", "2019-03-08"), ("yesterday", None), ("2021-02-30", None),
], ids=str)
def test_iso_date_keeps_precision(value, expected):
    assert iso_date(value) == expected


def test_refdate_has_no_clock_default():
    assert RefDate.parse(None) is None
    with pytest.raises(ValueError):
        RefDate.parse("soon")
    assert RefDate.parse("2018-10").grain == "month"


@pytest.mark.parametrize("text,published", [
    ("某医院新闻\n来源：本站原创 作者：党支部\n时间：2019年10月31日 23:00 浏览：33\n正文……", "2019-10-31"),
    ("本报记者 杨文明《人民日报》（2026年01月06日第13版）\n正文……", "2026-01-06"),
    ("正文……请参照执行。\n国家卫生计生委办公厅\n2016年8月29日\n附件：指南", "2016-08-29"),
    ("标题\n2021-01-20 04:29:44 39健康网\n正文……", "2021-01-20"),
    ("正文里提到2021年3月8日，但没有落款日期，也没有发布时间。", None),
    ("标题\n来源：宁夏回族自治区医疗保障局 2026年1月12日\n正文……", "2026-01-12"),
    ("务必于 2023年12月25日 17:30 前，通过APP完成缴费。", None),
], ids=["labelled", "edition", "signature", "timestamp", "none", "source-line", "deadline-is-no-dateline"])
def test_datelines_in_text(text, published):
    assert from_text(text).get("published") == published


def test_front_matter_author_that_is_an_outlet(ingest_only):
    doc = extract.parse("---\ntitle: 标题\nauthor: 新浪财经\ndate: 2021-11\n---\n\n正文第一段，介绍医保新政的主要内容。", options=ingest_only)
    assert doc.meta.outlet == "新浪财经" and doc.meta.authors == []
    assert doc.meta.published == "2021-11"


def test_argument_beats_document(ingest_only):
    doc = extract.parse("---\ndate: 2021-11-25\n---\n正文。", published="2020-01-01", options=ingest_only)
    assert doc.meta.published == "2020-01-01" and doc.meta.sources["published"] == "argument"


@pytest.mark.parametrize("name,date", [
    ("xwlb_20220924_12_item.md", "2022-09-24"), ("webtct_1_editor.data.6_20151118.php", "2015-11-18"),
    ("notice-2023-05-12.html", "2023-05-12"), ("t20240513_123.html", "2024-05-13"),
    ("eb_sqzx_20110819_ff80808131db79dc0131df9879cd024d.jsp", "2011-08-19"),
    ("x_ff8080812013051299.jsp", None),      # digits inside a hash
    ("20231399.html", None),                 # no such day
    ("a2023-05_12.html", None),              # two separators
    ("/crawl/20230512/page.html", None),     # a folder is the crawl's day, not the story's
    ("report.md", None),
], ids=str)
def test_date_in_a_file_name(name, date):
    assert datelines_path_date(name) == date


def test_file_name_date_is_the_weakest_source(ingest_only):
    body = "美国新冠病例超9600万\n\n央视网消息（新闻联播）：截至北京时间今天（9月24日）16时，病例持续增加。"
    doc = extract.parse(body, source="bulk/xwlb_20220924_12_item.md", options=ingest_only)
    assert doc.meta.published == "2022-09-24" and doc.meta.sources["published"] == "path"
    dated = extract.parse("标题\n发布时间：2022-09-25 10:00\n" + body, source="bulk/xwlb_20220924_12_item.md",
                          options=ingest_only)
    assert dated.meta.published == "2022-09-25" and dated.meta.sources["published"] == "text"
    assert extract.parse(body, source="bulk/page.md", options=ingest_only).meta.published is None
    given = extract.parse(body, published="2022-09-23", source="bulk/xwlb_20220924_12_item.md", options=ingest_only)
    assert given.meta.published == "2022-09-23" and given.meta.sources["published"] == "argument"


def test_file_name_date_resolves_relative_dates():
    body = "美国新冠病例超9600万\n\n央视网消息（新闻联播）：截至北京时间今天（9月24日）16时，病例持续增加。"
    doc = extract.parse(body, source="bulk/xwlb_20220924_12_item.md")
    dates = {m.text: m.value for m in doc.mentions if m.type == "date"}
    assert dates.get("今天") == "2022-09-24" and dates.get("9月24日") == "2022-09-24"


# -- datelines, outlets, names (extract/ingest/datelines.py, outlets.py) -----------

from extract.ingest import datelines, outlets  # noqa: E402


@pytest.mark.parametrize("line,published,time,outlet", [
    ("发布时间：2023-05-12 09:41:07 来源：人民网", "2023-05-12", "09:41:07", "人民网"),
    ("2023年05月12日 09:41  来源：界面新闻  字号：大 中 小", "2023-05-12", "09:41", "界面新闻"),
    ("日期：2021-05-24　　来源：重庆市医疗保障局　　浏览次数：12", "2021-05-24", None, "重庆市医疗保障局"),
    ("来源：泉州市医疗保障管理局    发布时间：2018-09-25", "2018-09-25", None, "泉州市医疗保障管理局"),
    ("原创：39健康网2024-04-23 12:27:25", "2024-04-23", "12:27:25", "39健康网"),
    ("华夏人文2020-03-09 18:14:21", "2020-03-09", "18:14:21", "华夏人文"),
    ("2021-01-20 04:29:44 39健康网", "2021-01-20", "04:29:44", "39健康网"),
    ("南国健康网　2025年06月18日 10:32　来源：南宁市医疗保障局", "2025-06-18", "10:32", "南宁市医疗保障局"),
    ("发布时间：2011-07-26 发布人：-大众日报", "2011-07-26", None, "大众日报"),
    ("2015年08月17日   发布", "2015-08-17", None, None),
    ("2019年10月31日 星期四", "2019-10-31", None, None),
], ids=str)
def test_dateline_lines(line, published, time, outlet):
    d = datelines.parse_line(line)
    assert d is not None
    assert (d.published, d.time, d.outlet) == (published, time, outlet)


@pytest.mark.parametrize("line", [
    "务必于 2023年12月25日 17:30 前",
    "务必于2023年12月25日17:30前，通过APP完成缴费。",
    "截至2024年5月底，累计赔付1.6亿元",
    "2024年1月1日起施行",
    "自2019年7月1日起实施，有效期5年。",
], ids=str)
def test_sentences_with_dates_are_no_datelines(line):
    assert datelines.parse_line(line) is None


@pytest.mark.parametrize("line,outlet", [
    ("央视网消息（新闻联播）：安徽省金寨县", "央视网"), ("中国网5月13日讯 据呼和浩特市", "中国网"),
    ("新华社北京3月5日电（记者 某某）", "新华社"), ("据解放日报报道，本市", "解放日报"),
    ("本报讯（记者叶婉）近日", None), ("本报北京1月1日电 （记者易舒冉）", None), ("据了解，该院", None),
], ids=str)
def test_lead_outlets(line, outlet):
    assert datelines.lead_outlet(line) == outlet


@pytest.mark.parametrize("name,short", [
    ("来源：北京青年报", "北京青年报"), ("《南粤健康报》", "南粤健康报"), ("【阳光易购】", "阳光易购"),
    ("人民网-人民日报", "人民网"), ("人民网-健康卫生频道", "人民网"), ("中国证券报-中证网", "中国证券报"),
    ("界面", "界面新闻"), ("新华通讯社", "新华社"), ("广州市卫生健康委员会网站", "广州市卫生健康委员会"),
    ("广州市人力资源和社会保障数据服务中心（加挂广州市社会保障卡服务中心牌子）", "广州市人力资源和社会保障数据服务中心"),
    ("本网", None), ("本站原创", None), ("网络", None), ("103553", None), ("http://www.x.cn", None), ("", None),
], ids=str)
def test_outlet_names(name, short):
    assert outlets.normalize(name) == short


@pytest.mark.parametrize("url,date", [
    ("https://tv.cctv.com/2025/06/21/VIDEeJCKRjirTHa88.shtml", "2025-06-21"),
    ("http://news.china.com.cn/2024-05/13/content_117184963.shtml", "2024-05-13"),
    ("https://paper.people.com.cn/rmrb/pc/content/202606/02/content_30160421.html", "2026-06-02"),
    ("http://www.example.gov.cn/art/t20240513_123.html", "2024-05-13"),
    ("https://www.gz.gov.cn/zwgk/2024/5/content/post_10640507.html", None),
    ("https://example.org/2024/13/45/x.html", None),
], ids=str)
def test_dates_in_urls(url, date):
    assert datelines.url_date(url) == date


@pytest.mark.parametrize("value,names", [
    ("施  钰", ["施钰"]), ("陆凡冰  曾华锋", ["陆凡冰", "曾华锋"]), ("张晓鸣 王笛", ["张晓鸣", "王笛"]),
    ("郝帅、杨迪", ["郝帅", "杨迪"]), ("103553", []),
], ids=str)
def test_byline_names(value, names):
    assert datelines.split_names(value) == names


def test_repost_outlet_beats_the_portal(ingest_only):
    page = ("<html><head><title>标题_某某门户网</title><meta property='og:site_name' content='某某门户网'></head><body>"
            "<h1>某市扩大门诊慢特病病种范围</h1><div class='info'>2023-05-12 09:41:07 来源：界面新闻</div>"
            "<div class='content'><p>记者从某市医保局获悉，今年起门诊慢特病病种由40种扩大到52种，参保人可在线申请认定。</p>"
            "<p>新增病种的待遇自认定次月起享受，年度支付限额按病种分别确定。</p></div></body></html>")
    doc = extract.parse(page, options=ingest_only)
    assert doc.meta.outlet == "界面新闻" and doc.meta.sources["outlet"] == "text"
    assert doc.meta.published == "2023-05-12"
    assert "2023-05-12 09:41:07来源：界面新闻" in doc.text


@pytest.mark.parametrize("name", ["党委宣传部", "医疗保险处", "宣联科", "护理部", "党办"])
def test_a_department_of_the_site_is_no_outlet(name):
    assert outlets.normalize(name) is None
    assert outlets.normalize("来源：" + name) is None


def test_notice_issuer_and_site_owner():
    from extract.ingest.meta import notice_issuer, site_owner

    assert notice_issuer("", "江州市卫生健康委员会 江州市财政局关于做好2016年新农合工作的通知") == "江州市卫生健康委员会"
    text = "青石县新型农村合作医疗管理局\n关于做好2016年度参合筹资工作的通告\n正文……"
    assert notice_issuer(text, "关于做好2016年度参合筹资工作的通告") == "青石县新型农村合作医疗管理局"
    assert notice_issuer("", "我县新农合参合率达98%") is None
    assert site_owner("版权所有\n主办：江州省人力资源和社会保障厅　地址：江州市一路1号") == "江州省人力资源和社会保障厅"
