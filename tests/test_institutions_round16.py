"""Round 16 (issue 10, branch h-inst-acc): families of the seventh blind set's errors
(docs/institutions.md "Round 16"); one example per rule lives in corpora/examples/institutions.yaml,
marked "round 16". The sentences here are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions
from extract.refdate import RefDate


def _spans(text, ref=None):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text, ref=ref)]


def test_a_renamed_company_is_named_as_at_the_articles_date():
    text = "万东医疗发布公告，华润将成为实际控制人。"
    old = _spans(text, RefDate(2011, 7, 1))
    assert [n for _, n, _ in old] == ["北京万东医疗装备股份有限公司", "中国华润总公司"]
    new = _spans(text, RefDate(2020, 7, 1))
    assert [n for _, n, _ in new] == ["北京万东医疗科技股份有限公司", "中国华润有限公司"]


def test_a_bare_local_body_needs_a_region_in_its_sentence():
    assert _spans("患者可向卫生局反映。") == []
    assert _spans("在杭州，当地卫生局表示。") == [("卫生局", "杭州市卫生局", "government")]
    # a province's 厅 only where the sentence's region is a province
    assert _spans("在杭州，当地卫生厅表示。")[-1:] != [("卫生厅", "杭州市卫生厅", "government")]


def test_a_china_arm_alone_in_the_text_is_the_arm():
    assert _spans("辉瑞中国") == [("辉瑞中国", "辉瑞中国", "company")]


def test_a_numbered_hospital_keeps_its_numeral():
    assert _spans("桐乡市三医院")[0][1] == "桐乡市第三人民医院"
    assert _spans("他在村里一口腔诊所就诊。") == []
