"""Authors and outlets, round 5 of issue 12 (families of corpora/real-heldout3 and of the
written gold): a newspaper page's authors are all its reporters; bylines inside a lead (…记者 X
实习生Y 发自北京 <story>), names printed without a space between them, photo credits, 文/ and 图/
credits; the outlet a byline or the body names (南都记者 X, 向晨报反映, 对新京报记者说). Each
family on short texts written for the test, and the sentences the rules must leave alone."""
from __future__ import annotations

import pytest

import extract
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
