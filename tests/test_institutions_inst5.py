"""Institutions, third wave on real text (docs/institutions.md "Third wave on real text
(h-inst5)"): each rule on written text. One example per rule is also in
corpora/examples/institutions.yaml."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in extract_institutions(text)]


def test_two_character_name_the_segmenter_split_starts_an_open_name():
    assert _named("村里的大涧学校，有小学和初中。") == [("大涧学校", "大涧学校")]
    assert ("八冶职工医院", "八冶职工医院") in _named("除职工医院外，八冶职工医院也参加了。")


def test_split_name_rule_keeps_generic_heads_and_particles_out():
    assert _named("城里的大医院人满为患。") == []
    assert _named("他们去了地县医院看病。") == []


def test_bare_party_and_chamber_take_the_one_country_the_sentence_names():
    found = _named("美国国会参议院11日就民主党和共和党分别提出的提案进行表决。")
    assert ("民主党", "美国民主党") in found and ("共和党", "美国共和党") in found
    assert _named("美两党各自提案在参院均未获通过") == [("参院", "美国国会参议院")]


def test_bare_party_stays_out_without_one_country_or_inside_a_longer_word():
    assert _named("美国和日本的民主党都表示。") == []
    assert _named("韩国最大在野党共同民主党举行集会。") == []
    assert _named("美国数十名民主党籍联邦众议员日前致信。") == []


def test_brand_before_the_region_of_a_registered_name_is_part_of_it():
    assert _named("华润山东医药有限公司是当地最大的配送商。") == [("华润山东医药有限公司", "华润山东医药有限公司")]
    assert _named("今年山东医药有限公司中标。") == [("山东医药有限公司", "山东医药有限公司")]


def test_stop_character_in_a_trade_name_after_the_region():
    assert ("山东齐都药业有限公司", "山东齐都药业有限公司") in _named("山东齐都药业有限公司董事长表示。")
    assert _named("山东都药业有限公司") == []


def test_direction_word_starts_an_open_name_before_nouns():
    assert _named("根据南方医药经济研究所预测，市场将增长。") == [("南方医药经济研究所", "南方医药经济研究所")]


def test_brokerage_by_its_short_name():
    assert _named("”东吴证券行业研究员郝杰向记者表示。") == [("东吴证券", "东吴证券")]
    assert _named("进一步维护证券交易秩序，证券市场平稳。") == []


def test_listed_brokerages_and_holdings_take_their_registered_names():
    found = _named("该公司是由海虹控股与通用技术集团医药控股有限公司投资成立的，国联证券研究员表示。")
    assert ("海虹控股", "海虹企业（控股）股份有限公司") in found
    assert ("国联证券", "国联证券股份有限公司") in found


def test_hospital_short_of_its_specialty_takes_the_articles_full_name():
    found = _named("长沙安贞妇产医院成立于2005年。安贞医院院长表示，安贞医院将继续。")
    assert found.count(("安贞医院", "长沙安贞妇产医院")) == 2
    assert ("安贞医院", "安贞医院") in _named("长沙安贞妇产医院和株洲安贞妇产医院联合，安贞医院表示。")


def test_town_led_by_a_stop_character_before_its_township_hospital():
    assert _named("在广西南宁市那桐镇乡镇中心卫生院，记者了解到。") == [
        ("广西南宁市那桐镇乡镇中心卫生院", "广西南宁市那桐镇乡镇中心卫生院")]
    assert _named("南宁市的小镇卫生院") == []


def test_magazine_in_title_marks_with_its_house_and_the_title_elsewhere():
    found = _named("由某学院和《销售与市场》等联合主办。《销售与市场》杂志社总经理作了报告。")
    assert ("《销售与市场》杂志社", "销售与市场杂志社") in found
    assert ("销售与市场", "销售与市场") in found
    assert _named("他读过《销售与市场》一书。") == []


def test_memorial_hall_named_inside_a_cited_title():
    found = _named("向社会公众展示《中国人民抗日战争纪念馆藏珍稀抗战文献汇刊》等文献。")
    assert found == [("中国人民抗日战争纪念馆", "中国人民抗日战争纪念馆")]
    assert _named("当地新建了一座纪念馆。") == []


def test_province_drug_administration_short_form_named_as_it_was_then():
    from extract.refdate import RefDate

    text = "南昌市民注意。昨日，记者从省药监了解到，南昌将加强监管。江西药监局称。"
    then = [(m.text, m.name) for m in extract_institutions(text, ref=RefDate(2011, 5, 9))]
    assert then == [("省药监", "江西省食品药品监督管理局"), ("江西药监局", "江西省食品药品监督管理局")]
    now = [(m.text, m.name) for m in extract_institutions(text, ref=RefDate(2021, 5, 9))]
    assert now == [("省药监", "江西省药品监督管理局"), ("江西药监局", "江西省药品监督管理局")]
    assert _named("江西省药监部门表示，省药监系统将加强。") == []


def test_foreign_registered_company_name_holds_verbs_and_is_as_written():
    assert _named("由非营利公司澳洲治疗创新有限公司负责管理。") == [("澳洲治疗创新有限公司", "澳洲治疗创新有限公司")]
    assert _named("美国收购有限公司") == []


def test_provincial_transport_group_by_its_registered_name():
    assert _named("广东交通集团表示，将加快建设。") == [("广东交通集团", "广东省交通集团有限公司")]
