"""Metadata, round 8 of issue 12 (read on 60 unannotated bulk files outside every gold set and
/work/heldout-all.txt, checked on the 807 bulk files outside /work/heldout-all.txt): a company's
own page naming its own site (广州某某医疗技术有限公司 … 依托某某医疗网的平台 …, in the company's
voice) was published on that site: the site is the outlet. Each case on texts written for the
test, what the rule must leave alone, and the real files (skipped when ../shared/corpus-dev is
absent)."""
from __future__ import annotations

import pytest
from conftest import parsed_bulk

import extract
from extract.ingest.meta import own_site
from extract.options import Options

INGEST = Options(components=())
PHP = "<?php exit;?>2015-10-10 10:00:00"
COMPANY = "<p>广州某某医疗技术有限公司（以下简称某某医疗）是一家医疗设备技术服务企业，为医院和厂商提供设备维修、配件供应等服务。</p>"
SITE = "<p>某某医疗网依托国内一流的医学技术力量，搭建了产品全、效率高、成本低的技术服务及交易平台，在线厂商超过万家。</p>"
VOICE = "<p>欢迎有需求的厂商、经销商朋友前来咨询，我们将为您提供更高效快捷的服务方案。</p>"


def parse(text: str):
    return extract.parse(text, options=INGEST)


def test_a_company_page_naming_its_own_site_has_the_site_as_outlet():
    assert parse(PHP + COMPANY + SITE + VOICE).meta.outlet == "某某医疗网"


def test_the_site_named_inside_a_sentence():
    site = "<p>此次合作依托某某医疗网的强大信息资源和用户基础，为合作伙伴提供最迅捷的线上推广。</p>"
    assert parse(PHP + COMPANY + site + VOICE).meta.outlet == "某某医疗网"


@pytest.mark.parametrize("page", [
    # no company voice: a story about the company names its site (no outlet from it)
    PHP + COMPANY + SITE,
    # a site whose name is not the company's own (中国政府采购网)
    PHP + COMPANY + "<p>招标公告同时在中国政府采购网发布，欢迎您前来投标。</p>" + VOICE,
    # a site named after no company the page names near its top
    PHP + "<p>" + "全市二级以上医院已全面开通医保移动支付，参保人可在手机上完成挂号和缴费。" * 30 + "</p>"
    + COMPANY + SITE + VOICE,
])
def test_what_names_no_own_site(page):
    assert parse(page).meta.outlet is None


@pytest.mark.parametrize("cited", ["据某某医疗网报道，", "来源：某某医疗网 ", "某某医疗网记者获悉，", "某某医疗网消息，"])
def test_a_site_cited_as_a_source_is_no_own_site(cited):
    # (the story's source is another rule's: 据某某医疗网报道 names the outlet as the story's lead)
    text = "广州某某医疗技术有限公司是一家医疗设备技术服务企业。\n" + cited + "全市医院已开通医保移动支付。\n我们将为您服务。"
    assert own_site(text) is None


def test_two_own_sites_are_ambiguous():
    other = "<p>深圳另一家医疗器械有限公司与另一家医疗网签约，我们期待合作。</p>"
    assert own_site("广州某某医疗技术有限公司 深圳另一家医疗器械有限公司\n某某医疗网 另一家医疗网\n我们") is None
    assert parse(PHP + COMPANY + other + SITE + VOICE).meta.outlet is None


def test_a_source_line_the_story_prints_wins_over_the_own_site():
    assert parse(PHP + COMPANY + SITE + VOICE + "<p>来源：中国医疗器械</p>").meta.outlet == "中国医疗器械"


def test_a_stronger_source_wins_over_the_own_site():
    page = f"<html><head><title>标题_某某资讯网</title></head><body>{COMPANY}{SITE}{VOICE}</body></html>"
    assert parse(page).meta.outlet != "某某医疗网"


# --- on the real files --------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "webtct_8_editor.data.3_20130825.php",      # the portal company's own page (real-dev2's gold: 天成医疗网)
    "webtct_8_editor.data.21_20151010.php",     # its news of a partnership, 依托天成医疗网的…
    "webtct_38596_editor.data.2_20151215.php",  # its own 中标公告, 天成医疗网依托…
])
def test_real_own_site(name):
    assert parsed_bulk(name, INGEST)[0].meta.outlet == "天成医疗网"


@pytest.mark.parametrize("name, outlet", [
    ("webtct_14315_editor.data.6_20140414.php", None),       # an agency's notice naming its own 招标网: no company voice
    ("webtct_796_editor.data.2_20160620.php", "新京报"),      # 互联网公司 in a story with a source line
])
def test_real_pages_left_alone(name, outlet):
    assert parsed_bulk(name, INGEST)[0].meta.outlet == outlet
