"""Plain text, OCR'd newspaper pages and Markdown: cleaning, offsets, articles."""
from __future__ import annotations

import re

import pytest

import extract
from conftest import seed_path


def parsed(prefix, ingest_only):
    return extract.parse_file(seed_path(prefix), options=ingest_only)


def raw_of(doc, start, end):
    from extract.ingest.decode import decode

    raw = decode(open(doc.source, "rb").read()).text
    return raw


@pytest.mark.parametrize("needle", [
    "务必于2023年12月25日17:30前",
    "其他参保人员可至社区事务受理服务中心完成2024年度参保登记",
    "自2023年12月1日起，已组建家庭共济网",
    "也可通过一网通办、随申办、支付宝、微信、指定银行、上海税务官网电子税务局在线缴费。",
    "1.上一年度年满19周岁及以上的本市城镇户籍人员。",
    "今年76岁刘阿婆（化名）",
    "只要3分钟，就能缓解疼痛。",
], ids=lambda s: s[:12])
def test_ocr_seed_is_rejoined(needle, ingest_only):
    doc = parsed("000", ingest_only)
    assert needle in doc.text


def test_ocr_seed_keeps_paragraph_breaks_and_headlines(ingest_only):
    doc = parsed("000", ingest_only)
    lines = doc.text.split("\n")
    assert lines[0] == "3分钟缓解“天下第一痛”"
    assert lines[1] == "普陀区中心医院治“疼”有方"
    assert "问：参加城乡居民医保可以线上缴费吗？" in lines
    assert "答：可以。" in lines
    # no stray spaces between CJK characters survive
    assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", doc.text)


def test_ocr_seed_articles(ingest_only):
    doc = parsed("000", ingest_only)
    titles = [a.title for a in doc.articles]
    assert titles == ["参加城乡居民医保缴费渠道有哪些", "3分钟缓解“天下第一痛”"]
    qa, pain = doc.articles
    assert doc.text[qa.start:qa.end].endswith("（普陀医保）")
    assert "三叉神经痛是一种" in doc.text[pain.start:pain.end]
    assert "专家介绍" in doc.text[pain.start:pain.end]  # the sidebar stays with its article
    assert doc.meta.title == "3分钟缓解“天下第一痛”"


def test_seed_001_split_into_articles_with_titles_and_bylines(ingest_only):
    doc = parsed("001", ingest_only)
    got = [(a.title, a.byline, a.outlet) for a in doc.articles]
    assert got == [
        ("基本医保个人账户家人可跨省用", ["周程祥"], "解放日报"),
        ("个人医保云试点申报启动", ["彭韵佳"], "新华社"),
        ("造福脑卒中患者", ["张晓鸣", "王笛"], "文汇报"),
        ("看年画里的岁时欢歌", ["韩赫"], "新华社"),
        ("梯度治疗泌尿系统肿瘤", ["唐闻佳", "王懿辉"], "文汇报"),
        ("人血白蛋白是药非“补品”", ["顾泳"], "解放日报"),
    ]


def test_page_break_inside_a_paragraph_is_joined(ingest_only):
    doc = parsed("001", ingest_only)
    assert "共济关系可通过国家医保服务平台等渠道自愿建立或解除。一名职工可以同时与多位近亲属建立共济关系" in doc.text
    assert "共济资金可用于支付被共济人参加居民医保的个人缴费" in doc.text


def test_markdown_seed_002(ingest_only):
    doc = parsed("002", ingest_only)
    assert doc.format == "markdown"
    assert "#" not in doc.text and "**" not in doc.text
    titles = [a.title for a in doc.articles]
    assert titles[:5] == ["我国启动个人医保云试点申报工作", "脊髓电刺激促醒昏迷患者", "迎验收促规范 提质效惠民生",
                          "慢病守护树榜样 健康同行暖人心", "助老人摆脱“囤积障碍”困扰"]
    assert "面对寒潮,如何保持健康" in titles and "赵汉军:妙手祛病痛 仁心写春秋" in titles
    assert "整个手术耗时仅15分钟。" in doc.text
    # a kicker line above a heading belongs to the article it announces
    second = doc.articles[1]
    assert doc.text[second.start:second.end].startswith("市中心医院")
    zhao = doc.articles[titles.index("赵汉军:妙手祛病痛 仁心写春秋")]
    assert zhao.byline == ["郑伟元", "刘伟"]


def test_teaser_tail_is_no_article(ingest_only):
    doc = parsed("003", ingest_only)
    assert len(doc.articles) == 1
    art = doc.articles[0]
    body = doc.text[art.start:art.end]
    assert body.startswith("2025年,上海医保体系迎来新一轮")
    assert body.endswith("这座城市的民生承诺正在兑现。")
    # the teasers are the site's other articles: chrome, dropped from the text
    for teaser in ("0评论", "守护身体“密码”", "拔鱼刺85元遭投诉", "岭南医药网"):
        assert teaser not in doc.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_character_maps_back_to_the_raw_file(prefix):
    from extract.ingest.decode import decode
    from extract.ingest.lines import _FULLWIDTH
    from extract.pipeline import ingest_text

    raw = decode(seed_path(prefix).read_bytes()).text
    ing = ingest_text(raw)
    text, pos = ing.text.text, ing.text.pos
    assert len(pos) == len(text)
    assert all(a <= b for a, b in zip(pos, pos[1:])), "offset map must be monotonic"
    for ch, p in zip(text, pos):
        if ch == "\n":
            continue
        src = raw[p]
        assert src == ch or chr(_FULLWIDTH.get(ord(src), ord(src))) == ch or src.isspace() or raw[p] == "&", (ch, src, p)
