"""Round 11 (issue 10, branch h-inst11): families read on unannotated bulk text outside every gold
set and outside the held-out list (docs/institutions.md "Round 11"); one example per rule lives in
corpora/examples/institutions.yaml, marked "round 11 (h-inst11)". The sentences here are written
for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


def test_a_bare_foreign_party_takes_the_country_its_news_item_names():
    text = "加拿大大选结果揭晓\n\n加拿大选举委员会公布计票结果。统计显示，自由党获得多数席位，保守党位居第二。"
    assert [(t, n) for t, n, k in _spans(text) if k == "other"] == [
        ("自由党", "加拿大自由党"), ("保守党", "加拿大保守党")]


def test_a_bare_party_with_two_countries_in_its_item_is_left():
    assert _spans("美国和英国官员会谈。当天，工党领袖发表讲话。") == []


def test_a_party_word_inside_another_word_is_none():
    assert _spans("英国工厂复工。企业职工党员参加学习。") == []


def test_a_party_after_its_countrys_name():
    assert _spans("日本自民党总裁选举开始。") == [("日本自民党", "日本自由民主党", "other")]


def test_the_democratic_parties_and_taiwans_parties():
    assert _spans("致公党中央和九三学社中央举办座谈会。") == [
        ("致公党", "中国致公党", "other"), ("九三学社", "九三学社", "other")]
    assert _spans("国民党主席表示反对。")[0][:2] == ("国民党", "中国国民党")


def test_no_party_inside_a_revolution():
    assert _spans("纪念人民革命的胜利。") == []


def test_a_foreign_central_banks_short_form():
    assert _spans("美联储主席当天表示将放缓加息。") == [("美联储", "美国联邦储备委员会", "government")]


def test_a_list_of_companies_led_by_a_firm_word():
    spans = _spans("龙头企业有恒瑞医药、复星医药、安泰生物、明远高科等。")
    assert [t for t, _, _ in spans] == ["恒瑞医药", "复星医药", "安泰生物", "明远高科"]
    assert {k for _, _, k in spans} == {"company"}


def test_a_list_needs_two_companies_found_whole():
    assert _spans("重点领域包括基层医疗、生物医药、智慧医疗等。") == []


def test_a_verb_or_a_placeholder_is_no_brand_in_a_list():
    names = [t for t, _, _ in _spans("相关企业包括恒瑞医药、复星医药、发展生物、某某医疗等。")]
    assert names == ["恒瑞医药", "复星医药"]


def test_a_brand_and_trade_word_written_twice_is_a_company():
    assert _spans("本周，瑞翔生物发布新品。瑞翔生物表示将扩大产能。") == [
        ("瑞翔生物", "瑞翔生物", "company"), ("瑞翔生物", "瑞翔生物", "company")]


def test_a_brand_written_once_is_left():
    assert _spans("本周，瑞翔生物发布新品。") == []


def test_a_common_word_before_a_trade_word_is_no_brand():
    assert _spans("基层医疗是重点。基层医疗已经具备条件。移动医疗发展快，移动医疗受关注。") == []


def test_a_trade_nouns_continuation_is_no_company():
    assert _spans("瑞翔医疗器械。瑞翔医疗机构。") == []


def test_a_region_before_a_repeated_brand_is_part_of_it():
    spans = _spans("苏州瑞翔医疗今年营收增长。瑞翔医疗计划上市。")
    assert spans[0] == ("苏州瑞翔医疗", "苏州瑞翔医疗", "company")


def test_a_venture_fund_before_a_partners_title():
    assert _spans("远山基金创始合伙人李某认为，估值偏高。") == [("远山基金", "远山基金", "company")]
    assert _spans("他担任产业基金合伙人。") == []


def test_a_foreign_state_news_agency_keeps_its_name_as_written():
    assert _spans("据伊朗伊斯兰共和国通讯社报道，会谈举行。") == [
        ("伊朗伊斯兰共和国通讯社", "伊朗伊斯兰共和国通讯社", "media")]


def test_a_publisher_by_its_suffix():
    assert _spans("此书由光明文艺出版社出版。") == [("光明文艺出版社", "光明文艺出版社", "media")]
    assert _spans("出版社编辑认为。") == []


def test_a_website_before_huoxi():
    assert _spans("据中药信息网获悉，价格回落。") == [("中药信息网", "中药信息网", "media")]


def test_a_foreign_companys_name_may_hold_a_verb_of_its_trade():
    assert _spans("由德国莱茵展览公司主办。") == [("德国莱茵展览公司", "德国莱茵展览公司", "company")]
    assert _spans("丹麦康乐保公司参展。") == [("丹麦康乐保公司", "丹麦康乐保公司", "company")]


def test_a_clause_before_gongsi_after_a_country_is_no_company():
    assert [t for t, _, _ in _spans("美国政府起诉公司。")] == ["美国政府"]
    assert _spans("美国一家公司宣布。") == []


def test_a_name_before_its_acronym_holds_he():
    assert _spans("美国药物研究和生产商协会（PRMA）发布报告。")[0] == (
        "美国药物研究和生产商协会", "美国药物研究和生产商协会", "association")


def test_he_joining_two_parties_before_an_acronym_stays_out():
    assert [t for t, _, _ in _spans("中华医学会和中国医师协会（CMDA）合作。")] == ["中华医学会", "中国医师协会", "CMDA"]
    assert _spans("中国和美国医师协会（AMA）合作。")[0][0] == "美国医师协会"


def test_a_clause_word_before_the_name_is_dropped():
    assert _spans("2010年北美影像学会(NAIS)年会召开。")[0][0] == "北美影像学会"


def test_a_listed_departments_full_name_holds_a_category_word():
    assert _spans("国家卫生健康委基层卫生健康司有关负责人说。") == [
        ("国家卫生健康委基层卫生健康司", "国家卫生健康委员会基层卫生健康司", "government")]
    assert _spans("国家卫生健康委基层医疗机构建设加快。")[0][0] == "国家卫生健康委"
