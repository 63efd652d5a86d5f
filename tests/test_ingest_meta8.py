"""Ingest families found by reading the bulk files of ../shared/corpus-dev by eye (round 8,
docs/ingest.md): pipe-labelled source lines (来源 | X 作者 | Y), a closing run of promotion
links, comment counters printed number first, an account's calls to join a group or share a
post, a bare source line closing a story, a footer's copyright holder as the site's owner,
a radio channel's 据…《programme》报道 lead, numbered section headings opening a fragment
taken as its title.
Each family on a page written for the test, and on the real file where it was seen
(skipped when ../shared/corpus-dev is absent)."""
from __future__ import annotations

import pytest
from conftest import html_page, parsed_bulk

import extract
from extract.ingest import datelines, meta
from extract.options import Options

INGEST = Options(components=())

STORY = "<p>全市二级以上医院已全面开通医保移动支付，参保人可在手机上完成挂号和缴费，平均少排队二十分钟。</p>" \
        "<p>市医保局表示，下一步将把移动支付推广到社区卫生服务中心，方便老年人就近就医结算。</p>"


def parse(text: str):
    return extract.parse(text, options=INGEST)


page = html_page


def bulk(name: str):
    return parsed_bulk(name, INGEST)[0]


# --- 来源 | X 作者 | Y -----------------------------------------------------------------------

def test_a_pipe_labelled_source_line_is_read_field_by_field():
    d = datelines.parse_line("来源 \xa0| \xa0中国医疗器械 \xa0作者 | \xa0小员")
    assert d is not None and (d.outlet, d.authors) == ("中国医疗器械", ["小员"])
    assert datelines.parse_line("| 时间 | 2023-05-01 |") is None  # a table row is no dateline
    assert datelines.parse_line("他说 | 来源 好的") is None


def test_a_pipe_labelled_source_line_signs_the_article():
    doc = parse(page("<p>来源 | 健康时报 作者 | 李明</p>" + STORY))
    assert doc.meta.outlet == "健康时报"
    assert doc.meta.authors == ["李明"]
    assert doc.articles[0].byline == ["李明"]


# --- a closing run of promotion links ----------------------------------------------------

PROMO = "".join(f'<p>{i}、<a href="http://promo.example.com/{i}">2011（第{i}届）中国某行业优秀供应商评价推介</a></p>'
                for i in range(1, 5))


def test_a_closing_run_of_link_only_paragraphs_is_dropped():
    doc = parse(page("<div>" + STORY + "<p>&nbsp;</p>" + PROMO + "<p>&nbsp;</p></div>"))
    assert "优秀供应商评价推介" not in doc.text
    assert "社区卫生服务中心" in doc.text


def test_attachments_and_short_lists_stay():
    files = "".join(f'<p>{i}.<a href="/files/{i}.pdf">附件{i}：申报表</a></p>' for i in range(1, 5))
    assert "申报表" in parse(page("<div>" + STORY + files + "</div>")).text
    two = "".join(f'<p><a href="http://x.example.com/{i}">相关服务指南第{i}部分</a></p>' for i in range(2))
    assert "相关服务指南" in parse(page("<div>" + STORY + two + "</div>")).text
    # a link inside a sentence is text
    prose = '<p>详情可登录<a href="http://ybj.example.gov.cn">市医保局网站</a>查询办理进度。</p>' * 3
    assert "市医保局网站" in parse(page("<div>" + STORY + prose + "</div>")).text


# --- counters and an account's calls -------------------------------------------------------

@pytest.mark.parametrize("line", ["1032人参与308评论", "56评论 1.2万阅读",
                                  "在某某网后台回复“入群”即可加入医疗器械精英群，赶快来吧，我们在等您！",
                                  "好文章岂能独享，赶快转发到朋友圈吧！"])
def test_counters_and_calls_to_share_are_chrome(line):
    assert line not in parse(page(STORY + f"<p>{line}</p>")).text


@pytest.mark.parametrize("line", ["活动现场共有1400多人参与其中。", "市民可将截图转发给朋友，提醒家人按时缴费。",
                                  "在公众号后台回复“理赔”获取材料清单"])
def test_sentences_like_them_stay(line):
    assert line in parse(page(STORY + f"<p>{line}</p>")).text


# --- outlets: a closing source line, a footer's copyright holder ------------------------------

def test_a_source_line_closing_the_story_names_the_outlet():
    doc = parse(page(STORY + "<p>来源：新京报</p><p>服务热线：020-12345678</p>"))
    assert doc.meta.outlet == "新京报"
    assert datelines.closing_source(["来源：宣联科"]) is None  # a department of the site's body
    assert datelines.closing_source(["来源：人民网 2023-01-01"]) is None  # a dateline: read as one


def test_a_closing_source_line_is_weaker_than_the_account():
    # a WeChat post's 来源：某局 names where its facts came from: the account is the outlet
    text = ("医保移动支付全面开通\n参保人可在手机上完成挂号和缴费，平均少排队二十分钟。\n"
            "市医保局表示，下一步将推广到社区卫生服务中心。\n来源：青岛市医疗保障局\n长按二维码关注“岛城医保”公众号\n")
    assert parse(text).meta.outlet == "岛城医保"
    assert parse(text.replace("长按二维码关注“岛城医保”公众号\n", "")).meta.outlet == "青岛市医疗保障局"


@pytest.mark.parametrize("footer, owner", [
    ("衢州市某某医院版权所有！备案许可证编号：浙ICP备000000号", "衢州市某某医院"),
    ("版权所有：广州市人民政府", "广州市人民政府"),
    ("某某科技（北京）有限公司版权所有", None),  # the operator, not a publication
    ("著作权人依法享有版权所有权利", None),
])
def test_a_footer_copyright_holder_is_the_site_owner(footer, owner):
    assert meta.site_owner("\n" + footer + "\n") == owner


def test_a_hospital_page_takes_its_footer_owner_as_outlet():
    html = page('<div class="rightTitle">我院开展护士岗前培训</div>'
                "<p>作者：王芳 加入时间：2016/7/20 8:18:27来源：护理部</p>" + STORY
                + '<div class="footer"><p>衢州市某某医院版权所有！备案许可证编号：浙ICP备000000号</p></div>')
    doc = parse(html)
    assert doc.meta.outlet == "衢州市某某医院"
    assert "版权所有" not in doc.text


def test_a_radio_channel_and_its_programme_lead_the_story():
    assert datelines.lead_outlet("据经济之声《天下财经》报道，3月28日，国家发改委再次下调药品价格") == "经济之声"
    assert datelines.lead_outlet("据中国之声报道，今天起新规施行") == "中国之声"
    assert datelines.lead_outlet("据中央气象台预报，今天夜间有雨") is None


# --- numbered section headings are no title ----------------------------------------------

@pytest.mark.parametrize("first, title", [("第一章 总 则", None), ("一.医疗器械服务范围与法规", None),
                                          ("二、项目概况", None), ("一图读懂医保移动支付", "一图读懂医保移动支付")])
def test_a_section_heading_opening_a_fragment_is_no_title(first, title):
    doc = parse(first + "\n第一条 为加强医疗器械使用质量监督管理，保证医疗器械使用安全、有效，制定本办法。\n")
    assert doc.articles[0].title == title


# --- the real files where the families were seen ----------------------------------------

def test_real_pipe_source_line():
    doc = bulk("webtct_38469_editor.data.2_*.php")
    assert (doc.meta.outlet, doc.meta.authors) == ("中国医疗器械", ["小员"])


def test_real_promotion_links_and_counters():
    for name in ("eb_sqzx_20110419_ff8080812f588033012f6b6e30f908ef.jsp",
                 "eb_sqzx_20110418_ff8080812f588033012f6698b25804b7.jsp"):
        doc = bulk(name)
        assert "优秀供应商评价推介" not in doc.text and "招标机构评选" not in doc.text
    doc = bulk("gne_ifeng_girl_eye_paper_hospital.html")
    assert "人参与" not in doc.text and "澎湃新闻记者" in doc.text
    doc = bulk("webtct_42206_editor.data.2_*.php")
    assert "后台回复" not in doc.text and "朋友圈" not in doc.text


def test_real_closing_source_and_copyright_owner():
    assert bulk("webtct_796_editor.data.2_*.php").meta.outlet == "新京报"
    assert bulk("webtct_42939_editor.data.2_*.php").meta.outlet == "中国医疗器械"
    assert bulk("eb_sqzx_20110419_ff8080812f588033012f6b6e30f908ef.jsp").meta.outlet == "经济之声"
    for name in ("holier_qzfyb_hospital_news2_*.jsp", "holier_qzfyb_hospital_news6_*.jsp"):
        assert bulk(name).meta.outlet == "衢州市妇幼保健院"


def test_real_section_headings():
    assert bulk("webtct_43051_editor.data.15_*.php").articles[0].title is None
    assert bulk("webtct_449_editor.data.3_*.php").articles[0].title is None
