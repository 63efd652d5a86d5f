"""Round 14 (issue 10, branch h-inst14): families of the sixth blind set's errors
(corpora/real-heldout6, read after its blind measurement; docs/institutions.md "Round 14"); one
example per rule lives in corpora/examples/institutions.yaml, marked "round 14". The sentences
here are written for these tests."""
from __future__ import annotations

from extract.refdate import RefDate
from extract.institutions import extract_institutions


def _spans(text, ref=None):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text, ref=ref)]


def test_an_international_organization_with_no_anchor():
    assert _spans("国际移民组织发布年度报告。") == [("国际移民组织", "国际移民组织", "other")]
    assert ("欧洲专利组织", "欧洲专利组织", "other") in _spans("该申请已提交欧洲专利组织。")


def test_an_organization_with_no_international_head_or_a_sort_of_body_is_none():
    assert _spans("国家组织集采中选产品已全面落地。") == []
    assert _spans("多个国际组织和国际非政府组织参加，国际恐怖组织受到打击。") == []
    assert _spans("北京市组织开展培训。") == []


def test_companies_after_their_countries_in_a_list_of_firms():
    text = "本公司与以下合作伙伴保持合作：德国ACMEX、日本KOBIRA、荷兰PHILIPS、中国华韵。"
    got = {t: n for t, n, k in _spans(text) if k == "company"}
    assert got == {"ACMEX": "ACMEX", "KOBIRA": "KOBIRA", "PHILIPS": "皇家飞利浦公司", "华韵": "华韵"}


def test_countries_in_a_list_with_no_word_for_firms_are_no_companies():
    assert _spans("产品出口美国、德国、日本、英国等国家。") == []
    assert _spans("代表团访问了德国柏林、法国巴黎、日本东京。") == []


def test_listed_companies_by_short_name_after_firms_include():
    got = _spans("该领域上市企业包括制药装备企业楚天科、远东药机等。")
    assert [(t, k) for t, _, k in got] == [("楚天科", "company"), ("远东药机", "company")]


def test_firms_include_a_sort_or_an_activity_is_no_list_of_firms():
    assert _spans("相关企业包括医院、药店等。") == []
    assert _spans("企业包括生产、经营等环节。") == []


def test_a_renamed_company_by_the_articles_date():
    text = "双鹤药业与国药集团签署协议。"
    assert [n for _, n, _ in _spans(text, RefDate(2011, 7, 1))] == ["北京双鹤药业股份有限公司", "中国医药集团总公司"]
    assert [n for _, n, _ in _spans(text, RefDate(2019, 5, 1))] == ["华润双鹤药业股份有限公司", "中国医药集团有限公司"]
    assert [n for _, n, _ in _spans(text)] == ["华润双鹤药业股份有限公司", "中国医药集团有限公司"]
