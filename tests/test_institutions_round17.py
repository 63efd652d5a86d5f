"""Round 17 (issue 10, branch h-inst17): boundary families of the eighth blind set's errors; one
example per rule lives in corpora/examples/institutions.yaml, marked "round 17". The sentences
here are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name, m.rule) for m in extract_institutions(text)]


def _texts(text):
    return [m.text for m in extract_institutions(text)]


def test_an_inner_conjunction_between_field_words_stays_in_a_country_anchored_name():
    assert _texts("美国经济和政策研究中心发布报告。") == ["美国经济和政策研究中心"]
    assert _texts("日本经济与社会发展研究中心发布报告。") == ["日本经济与社会发展研究中心"]


def test_an_inner_conjunction_between_two_places_or_bodies_cuts():
    assert _texts("美国和日本研究所联合发布报告。") == []
    assert "中国医院和美国研究所" not in _texts("中国医院和美国研究所")
    assert _texts("在北京和上海研究中心工作") == []


def test_a_body_after_an_appositive_dash_or_colon_is_named_after_it():
    got = _spans("日本调查机构：东京商工调查公司发布数据。")
    assert got == [("东京商工调查公司", "东京商工调查公司", "pattern.foreign.appositive")]
    assert _texts("美国智库——布鲁金斯学会发布报告。") == ["布鲁金斯学会"]


def test_a_dash_without_a_country_or_a_head_names_nothing_new():
    assert _texts("北京企业——东方制药公司表示") == []
    assert _texts("美国机构：该公司表示") == []


def test_a_foreign_political_body_with_a_qualifier():
    assert _texts("以支持也门南方过渡委员会部队。") == ["也门南方过渡委员会"]
    assert _texts("苏丹过渡委员会成立") == ["苏丹过渡委员会"]
    assert _texts("在美国临时居住的华人。") == []


def test_people_before_the_conjunction_are_no_field():
    assert _texts("以色列对黎巴嫩医务人员和医疗中心接连发起袭击。") == []
    assert _texts("法国国家统计和经济研究所28日公布数据。") == ["法国国家统计和经济研究所"]
