"""Authors and outlets, round 5 of issue 12 (families of corpora/real-heldout3 and of the
written gold): a newspaper page's authors are all its reporters; bylines inside a lead (…记者 X
实习生Y 发自北京 <story>), names printed without a space between them, photo credits, 文/ and 图/
credits; the outlet a byline or the body names (南都记者 X, 向晨报反映, 对新京报记者说). Each
family on short texts written for the test, and the sentences the rules must leave alone."""
from __future__ import annotations

import pytest

import extract
from tests.conftest import portal_page
from extract.options import Options

INGEST = Options(components=())
S1 = "全市二级以上医院已全面开通医保移动支付，参保人可在手机上完成挂号和缴费，平均少排队二十分钟。市医保局表示，下一步将把移动支付推广到基层医疗机构。"
S2 = "市疾控中心组织专家对基层接种点进行检查，要求各接种点严格落实查验制度，确保疫苗接种安全有序，全市已完成接种三万余剂次。"


def parse(text: str):
    return extract.parse(text, options=INGEST)


# --- a page of several articles under one masthead -------------------------------------------

PAGE = (f"江城健康报 2024年10月15日 星期二\n\n医保移动支付全面开通\n\n本报讯（记者 周敏 通讯员 李航）{S1}\n\n"
        f"流感疫苗接种启动\n\n本报讯（记者 陈思）{S2}\n")


def test_a_newspaper_page_is_signed_by_every_reporter_on_it():
    doc = parse(PAGE)
    assert doc.meta.outlet == "江城健康报"
    assert doc.meta.authors == ["周敏", "李航", "陈思"]


def test_a_page_naming_no_outlet_keeps_its_lead_articles_byline():
    # nothing says the stories are one paper's: the page's byline is its lead story's
    doc = parse(PAGE.split("\n\n", 1)[1])
    assert doc.meta.authors == ["周敏", "李航"]


def test_a_page_gathering_other_outlets_keeps_its_lead_articles_byline():
    doc = parse(PAGE.replace(f"本报讯（记者 陈思）{S2}", f"据文汇报 {S2} ■陈思"))
    assert "陈思" not in doc.meta.authors


# --- bylines ----------------------------------------------------------------------------------

def _authors(text: str) -> list[str]:
    return parse(text).meta.authors


@pytest.mark.parametrize("head, tail, authors", [
    # a byline opening the lead, up to where the reporters filed from; names run together
    ("南都记者 杨章怀 实习生赵剑云熊思 发自北京 ", "", ["杨章怀", "赵剑云", "熊思"]),
    ("记者王楠发自哈尔滨 ", "", ["王楠"]),
    # a caption's photographer after the subject's name (guide v2: photographers are authors)
    ("沈卫国南都记者 陈伟斌 摄\n", "", ["陈伟斌"]),
    # a caption's credit in brackets after its sentence
    ("", "\n图为患者在药房领取药品。（陈浩 摄）", ["陈浩"]),
    # slash credits: writer and photographer, not the reviewer nor the editor
    ("", "\n（文/李静　图/陈浩　审核/刘洋）\n责任编辑：赵敏", ["李静", "陈浩"]),
    ("文/张明\n", "", ["张明"]),
    ("", "\n文/本报记者 张明 图/李华", ["张明", "李华"]),
    # two names printed without a space after the role word
    ("", "\n本报记者 王楠赵宇", ["王楠", "赵宇"]),
    # a correspondent's name must read as a person's: an office signs as one too
    ("南都讯 记者阳广霞 通讯员粤卫信 ", "", ["阳广霞"]),
    ("本报讯（记者 张明 通讯员 嘉医宣）", "", ["张明"]),
    ("本报讯（记者 张明 通讯员 李华）", "", ["张明", "李华"]),
    # the forms read before this round
    ("本报记者 张明 李华\n", "", ["张明", "李华"]),
    ("本报讯（记者 张明 通讯员 李华）", "", ["张明", "李华"]),
    ("记者 张明 通讯员 李华 报道\n", "", ["张明", "李华"]),
    ("", "（记者 张明）", ["张明"]),
])
def test_bylines(head, tail, authors):
    assert _authors(f"医保移动支付全面开通\n{head}{S1}{tail}") == authors


@pytest.mark.parametrize("tail", [
    "\n编辑：赵敏",                          # an editor is no author
    "\n审核/刘洋",                           # nor a reviewer
    "\n该院提供中文/英文两种版本的说明。",  # a slash between words is no credit
    "\n他说，市民可以拍摄照片后上传。",      # 摄 in a sentence
    "\n记者从市医保局获悉，新政下月实施。",  # 记者 as the sentence's subject
])
def test_what_names_no_author(tail):
    assert _authors(f"医保移动支付全面开通\n{S1}{tail}") == []


@pytest.mark.parametrize("run, names", [
    ("赵剑云熊思", ["赵剑云", "熊思"]),  # 熊 is the commoner surname: not 赵剑 云熊思
    ("王楠赵宇", ["王楠", "赵宇"]),
    ("王小明李大华", ["王小明", "李大华"]),
    ("欧阳晓明", ["欧阳晓明"]),          # a compound surname: one name
    ("杨章怀", ["杨章怀"]),
    ("发自北京", ["发自北京"]),          # no surname: not cut (and no name)
])
def test_names_printed_without_a_space(run, names):
    from extract.ingest.people import split_run

    assert split_run(run) == names


# --- the outlet a byline or the body names ----------------------------------------------------

@pytest.mark.parametrize("body, outlet", [
    # a repost's byline names the paper (南都 is 南方都市报's short name: outlets.tsv)
    (f"<p>南都记者 杨章怀 实习生赵剑云熊思 发自北京 {S1}</p>", "南方都市报"),
    (f"<p>沈卫国南都记者 陈伟斌 摄</p><p>{S1}</p>", "南方都市报"),
    # the body names the paper its sources spoke to
    (f"<p>{S1}</p><p>一家药企负责人接受羊城晚报记者采访时表示，效果明显。</p>", "羊城晚报"),
    (f"<p>{S1}</p><p>“效果很好。”他对时代周报记者说。</p>", "时代周报"),
    # a paper written by its kind alone: the city the story names most
    (f"<p>{S1}</p><p>昨日，家住南京新街口的李先生向晨报反映，南京多家药店缺货。</p>", "南京晨报"),
    # nothing names a source: the reposting portal, from the <title>
    (f"<p>{S1}</p><p>记者从市医保局获悉，他向有关部门反映了情况。</p>", "某某易购"),
    # the paper's word for itself names none
    (f"<p>{S1}</p><p>他对本报记者说，效果很好。</p>", "某某易购"),
])
def test_the_outlet_a_repost_names(body, outlet):
    assert parse(portal_page(body)).meta.outlet == outlet


def test_a_source_field_beats_the_paper_the_body_names():
    body = f"<p>来源：新京报</p><p>{S1}</p><p>“效果很好。”他对时代周报记者说。</p>"
    assert parse(portal_page(body)).meta.outlet == "新京报"


def test_two_brands_of_one_house_name_the_paper():
    from extract.ingest.outlet_named import byline_outlet

    assert byline_outlet("中青报·中青网") == "中国青年报"
    assert byline_outlet("沈卫国南都") == "南方都市报"
    assert byline_outlet("本报") is None
    assert byline_outlet("详细情况联系") is None


# --- an outlet written with its level word only, the body in its short form --------------------

@pytest.mark.parametrize("short, text, full", [
    # the province's body written short (卫生计生委) where the text gives it in full
    ("省卫生计生委", "江西省卫生和计划生育委员会、江西省财政厅联合印发通知。", "江西省卫生和计划生育委员会"),
    # an autonomous region's level word (自治区), the body's form in the lexicon (疾控中心)
    ("自治区疾控中心", "广西壮族自治区疾病预防控制中心免疫规划所负责人介绍。", "广西壮族自治区疾病预防控制中心"),
    # as before: the region written before the same body
    ("区卫生健康局", "广州市天河区卫生健康局发布通知。", "广州市天河区卫生健康局"),
    # no region before it anywhere: left as printed
    ("市卫生健康委", "市卫生健康委发布通知。", "市卫生健康委"),
])
def test_a_body_written_short_as_outlet_takes_its_full_name(short, text, full):
    from extract.ingest.outlets import canonical

    assert canonical(short, text) == full
