"""Institution canonical names and kinds on real text (docs/institutions.md "Canonical names
and kinds (real-dev2)"): abbreviated local bureaus, ministries' departments written short,
styled foreign names, companies' and hospitals' registered names, research bodies' kind. One
example of each rule is in corpora/examples/institutions.yaml; these check the edges."""
from __future__ import annotations

import pytest

from extract.institutions import extract_institutions


def _names(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


@pytest.mark.parametrize("text,name", [
    ("哈尔滨市环保局", "哈尔滨市环境保护局"),          # a city's bureau: 局
    ("黑龙江省环保厅", "黑龙江省环境保护厅"),          # a province's: 厅
    ("北京市环保局", "北京市环境保护局"),              # a municipality's bureau is 局 like a city's
    ("许昌市发改局", "许昌市发展和改革局"),
    ("广州市市监局", "广州市市场监督管理局"),
])
def test_abbreviated_local_bureaus(text, name):
    assert _names(text) == [(text, name, "government")]


def test_a_former_body_keeps_its_name():
    """环保局 is the environment bureau before 2018, never its successor 生态环境局."""
    assert _names("上海市环保局")[0][1] == "上海市环境保护局"
    assert _names("上海市生态环境局")[0][1] == "上海市生态环境局"


def test_department_short_names_by_parent():
    """A department's short name is the one its own parent had (基层司 of 国家卫健委)."""
    assert _names("国家卫健委基层司发布通知")[0][1] == "国家卫生健康委员会基层卫生健康司"
    assert _names("国家医保局价招司")[0][1] == "国家医疗保障局医药价格和招标采购司"
    assert _names("国家卫健委基层司司长")[0][1] == "国家卫生健康委员会基层卫生健康司"  # the title stays out


def test_party_military_commission_only_with_the_party():
    assert _names("中共中央军委印发")[0][1] == "中国共产党中央军事委员会"
    assert _names("中央军委批准")[0][1] == "中央军事委员会"


def test_styled_country_names_only_for_government_bodies():
    """俄罗斯联邦 for the government and ministries; 刚果（金） is no name, for every body."""
    assert _names("俄罗斯国防部说")[0][1] == "俄罗斯联邦国防部"
    assert _names("刚果（金）足协")[0][1] == "刚果民主共和国足球协会"
    # a foreign school is named by its own name (real-dev2, real-dev3 gold; h-inst4)
    assert _names("刚果（金）金沙萨大学")[0][1] == "金沙萨大学"


def test_aid_word_ends_a_name():
    found = _names("由中企承建的中国援非盟非洲疾病预防控制中心总部项目竣工")
    assert found == [("非盟非洲疾病预防控制中心", "非洲疾病预防控制中心", "public_health")]
    assert _names("深圳市法律援助中心")[0][0] == "深圳市法律援助中心"  # 援助 inside a name


def test_company_word_after_a_short_name():
    assert _names("滴滴公司")[0][1] == "滴滴公司"   # known by its short only: the text
    assert _names("迈瑞公司")[0][1] == "深圳迈瑞生物医疗电子股份有限公司"


def test_hospital_names_keep_private_short_regions():
    """A county-level city's or province's short before a private hospital's own name stays."""
    assert _names("禹州光明医院")[0][1] == "禹州光明医院"
    assert _names("河南人民医院")[0][1] == "河南省人民医院"  # a province's own hospital takes 省
    assert _names("湖南第二人民医院")[0][1] == "湖南省第二人民医院"


def test_numbered_city_hospital():
    assert _names("广州市一医院")[0][1] == "广州市第一人民医院"
    assert _names("北京大学第三医院")[0][1] == "北京大学第三医院"  # a school's hospital keeps its name


def test_township_hospital_county_carried_in_a_list_only():
    found = _names("走访了开化县村头卫生院、音坑卫生院，随后到杨林卫生院")
    assert [n for _, n, _ in found] == ["开化县村头卫生院", "开化县音坑卫生院", "杨林卫生院"]


def test_research_bodies_are_university_kind_but_a_cdc_institute_is_not():
    assert _names("中国人民大学医药物流研究中心")[0][2] == "university"
    assert _names("北京市疾病预防控制中心")[0][2] == "public_health"
