"""HTML pages and fragments: body kept, chrome dropped (must-contain / must-not-contain)."""
from __future__ import annotations

import pytest

import extract
from conftest import corpus_path, seed_path

SEED_004_BODY = [
    "传统商业保险贵，老人买不起，病人买不到，这一问题如何破解？",
    "针对老百姓在医保公共服务方面的“痛点”、“堵点”问题，上海市医保局以党史学习教育为契机",
    "今年9月2日上海市某三甲医院为其开出用药处方，其家属当日在随申办APP通过自助拍照的方式",
    "药品金额35836元，根据其非既往症70%的赔付比例，扣除自付部分后，剩余70%部分25085.20元由沪惠保承担，无需个人垫付。",
    "“沪惠保”是上海市医保局和上海银保监局会同发改、财政、卫健、大数据等部门指导保险行业推出的上海城市定制型商业补充医疗保险。",
    "截至今年11月21日，“沪惠保”已累计受理理赔申请6万余人次，获赔5.8万余人次，赔付金额突破2.7亿元",
    "在便捷就医方面，上海市医保局以实现院前急救医保交易实时结算为目标",
    "上海市医保局方面透露，目前上述工作已经在中心城区和部分区开展应用，预计将会于2022年在全市进一步推广。",
    "而在长三角医保一体化方面，上海市医保局坚持以人民健康为中心",
    "今年5月14日，上海、江苏、浙江、安徽四地医保部门共同签订了《以高质量机关党建服务长三角一体化发展合作框架协议》",
    "截至今年10月底，门诊费用直接结算已覆盖长三角全部41个城市和9300余家医疗机构，累计结算634.74万人次，涉及医疗费用16.59亿元",
    "此外，为解决上海失能老人在长三角异地养老机构结算长护险的问题",
    "截至目前，已有15家符合条件的连锁养老机构纳入了上海市长三角区域长护险延伸结算试点养老机构名单",
]
SEED_004_CHROME = ["海量资讯、精准解读，尽在新浪财经APP", "责任编辑", "appendQr", "article_adlist", "校对：丁晓",
                   "{", "sinaimg", "图片编辑", "<", "cms-style", "headimg", "---"]


@pytest.fixture(scope="module")
def seed4():
    from extract.options import Options

    return extract.parse_file(seed_path("004"), options=Options(components=()))


@pytest.mark.parametrize("needle", SEED_004_BODY, ids=lambda s: s[:10])
def test_seed_004_keeps_every_body_paragraph(seed4, needle):
    assert needle in seed4.text


@pytest.mark.parametrize("junk", SEED_004_CHROME)
def test_seed_004_drops_chrome(seed4, junk):
    assert junk not in seed4.text


def test_seed_004_format_and_metadata(seed4):
    assert seed4.format == "html"
    assert seed4.meta.title == "多措并举，上海医保局打造高效、便民的医保公共服务体系"
    assert seed4.meta.published == "2021-11-25"
    assert seed4.meta.sources["published"] == "front_matter"
    assert seed4.meta.outlet == "新浪财经"
    assert len(seed4.articles) == 1 and seed4.articles[0].title == seed4.meta.title


def test_seed_004_raw_offsets_point_into_the_html(seed4):
    from extract.ingest.decode import decode
    from extract.pipeline import ingest_text

    raw = decode(seed_path("004").read_bytes()).text
    ing = ingest_text(raw)
    i = ing.text.text.index("35836元")
    rs, re_ = ing.text.raw_span(i, i + len("35836元"))
    assert raw[rs:re_] == "35836元"
    j = ing.text.text.index("老百姓")  # text inside a link inside a span
    rs, re_ = ing.text.raw_span(j, j + 3)
    assert raw[rs:re_] == "老百姓"


CORPUS_CASES = [
    ("019", ["本站讯（职工通讯员 李琴雯 刘会）为深入推进党建与业务工作紧密结合",
             "最终李琴雯荣获一等奖，张宁、赵银辉荣获二等奖", "此次的大赛成绩较去年有了显著的提升"],
     ["医院概况", "转繁体版", "版权所有", "ICP备", "ajax_article_click_get", "24小时急救电话", "浏览："],
     "2019-10-31"),
    ("022", ["农历腊月初八是腊八节，腊八节要吃腊八粥", "1.豆子提前浸泡", "6.临出锅再加糖",
             "如果什么糖也不加，喝淡粥，仔细品味各种食材本身的香味，更有乐趣。"],
     ["登录注册", "找医院", "相关资讯", "热门问答", "白癜风", "举报/反馈", "栏目关注"],
     "2021-01-20"),
    ("023", ["各省、自治区、直辖市卫生计生委，新疆生产建设兵团卫生局：",
             "各省级卫生计生行政部门要定期总结工作经验，及时将工作进展情况报送我委医政医管局。",
             "国家卫生计生委办公厅\n2016年8月29日"],
     ["赛润诊断主页", "公司简介", "友情链接", "小桔灯", "2018.11.02"],
     "2016-08-29"),
]


@pytest.mark.parametrize("prefix,must,must_not,published", CORPUS_CASES, ids=[c[0] for c in CORPUS_CASES])
def test_real_pages_from_the_shared_corpus(prefix, must, must_not, published, ingest_only):
    doc = extract.parse_file(corpus_path(prefix), options=ingest_only)
    assert doc.format == "html" and not doc.errors
    for s in must:
        assert s in doc.text, s
    for s in must_not:
        assert s not in doc.text, s
    assert doc.meta.published == published
    assert doc.articles and doc.articles[0].title


def test_markdown_with_front_matter_from_the_shared_corpus(ingest_only):
    doc = extract.parse_file(corpus_path("001"), options=ingest_only)
    assert doc.format == "markdown"
    assert doc.meta.title == "云南曲靖探索解决慢特病患者用药不便问题"
    assert doc.meta.published == "2026-01-06"
    assert doc.meta.authors == ["杨文明"]
    assert doc.meta.outlet == "人民日报"
    assert "title:" not in doc.text and "source_url" not in doc.text
    assert "“以前开个降压药，挂号、排队、取药，一套流程下来大半天就过去了。”" in doc.text


def test_html_meta_tags_json_ld_and_time(ingest_only):
    page = """<!doctype html><html><head><meta charset="utf-8">
    <title>页面标题_某某网</title>
    <meta property="og:title" content="某市医保局发布新政">
    <meta property="article:published_time" content="2019-03-08T09:00:00+08:00">
    <meta name="author" content="王小明">
    <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"某某日报"},"url":"https://example.org/a/1"}</script>
    </head><body><nav><a href="/">首页</a><a href="/x">新闻中心</a></nav>
    <h1>某市医保局发布新政</h1>
    <div class="content"><p>本报讯 某市医疗保障局近日发布通知，调整城乡居民医保缴费标准，自明年1月1日起执行。</p>
    <p>通知明确，参保居民个人缴费标准为每人每年380元，财政补助标准同步提高。</p>
    <p class="editor">责任编辑：李四</p></div>
    <div class="share">分享到：微信 微博</div><footer>版权所有 某某网 京ICP备000000号</footer></body></html>"""
    doc = extract.parse(page, options=ingest_only)
    assert doc.format == "html"
    assert doc.meta.title == "某市医保局发布新政"
    assert doc.meta.published == "2019-03-08" and doc.meta.sources["published"] == "html_meta"
    assert doc.meta.authors == ["王小明"]
    assert doc.meta.outlet == "某某日报" and doc.meta.url == "https://example.org/a/1"
    assert doc.text.startswith("某市医保局发布新政\n本报讯 某市医疗保障局近日发布通知")
    for junk in ("首页", "新闻中心", "责任编辑", "分享到", "版权所有", "ICP"):
        assert junk not in doc.text


def test_html_entities_and_tables_become_lines(ingest_only):
    page = ("<html><body><div id='main'><p>起付线&nbsp;800元&amp;报销比例&ldquo;70%&rdquo;。这是一段足够长的正文，用来让正文选择算法选中它。</p>"
            "<table><tr><td>一级医院</td><td>90%</td></tr><tr><td>三级医院</td><td>70%</td></tr></table>"
            "<p>以上标准自2024年1月1日起施行，请参保人员相互转告，共同做好参保缴费工作。</p></div></body></html>")
    doc = extract.parse(page, options=ingest_only)
    assert "起付线800元&报销比例“70%”。" in doc.text  # &nbsp; between CJK and a digit is spurious
    assert "一级医院\n90%\n三级医院\n70%" in doc.text
