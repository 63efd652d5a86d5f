"""Round 12 (issue 10, branch h-inst12): families read on unannotated bulk text outside every gold
set, the held-out list and round 11's samples (docs/institutions.md "Round 12"); one example per
rule lives in corpora/examples/institutions.yaml, marked "round 12". The sentences here are
written for these tests."""
from __future__ import annotations

from extract.refdate import RefDate
from extract.institutions import extract_institutions


def _spans(text, ref=None):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text, ref=ref)]


def test_an_international_federation_with_no_anchor():
    assert _spans("该俱乐部与国际攀岩联合会签署协议。") == [("国际攀岩联合会", "国际攀岩联合会", "association")]
    assert _spans("这一奖项由世界园艺城市联合会设立。") == [("世界园艺城市联合会", "世界园艺城市联合会", "association")]


def test_a_federation_after_a_count_or_a_season_starts_at_its_international_head():
    assert _spans("三处遗产地入选第二批国际岩石科学联合会名录。")[0][0] == "国际岩石科学联合会"
    assert _spans("2023—2024赛季国际冰橇联合会世界杯开赛。")[0][0] == "国际冰橇联合会"


def test_a_continents_federation_is_no_category():
    assert _spans("她与非洲妇女发展联合会共同发起倡议。") == [("非洲妇女发展联合会", "非洲妇女发展联合会", "association")]
    assert _spans("非营利联合会开展活动。") == []


def test_a_federation_with_no_international_head_is_a_category():
    assert _spans("妇女联合会组织活动，教师联合会参加。") == []


def test_the_international_head_restart_is_the_federations_only():
    # 新时代国际传播研究院: restarting at 国际 would cut a name; the restart is 联合会's alone
    assert all(t != "国际传播研究院" for t, _, _ in _spans("双方共建“新时代国际传播研究院”。"))
    assert _spans("努力建设世界一流军医大学。") == []


def test_central_bodies_by_their_short_forms():
    assert _spans("中疾控专家介绍了监测情况。") == [("中疾控", "中国疾病预防控制中心", "public_health")]
    assert _spans("记者从中国贸促会了解到，展会将开幕。") == [("中国贸促会", "中国国际贸易促进委员会", "association")]
    assert _spans("国家防减救灾办当天印发通知。") == [("国家防减救灾办", "国家防灾减灾救灾委员会办公室", "government")]
    assert _spans("记者从中储粮集团获悉，收购顺利。") == [("中储粮集团", "中国储备粮管理集团有限公司", "company")]


def test_a_bare_promotion_committee_is_the_national_one_in_national_news():
    assert _spans("记者从贸促会了解到，博览会筹备顺利。") == [("贸促会", "中国国际贸易促进委员会", "association")]


def test_the_radio_and_television_administration_by_the_articles_date():
    text = "广电总局近日发布通知，要求各地加强管理。"
    assert _spans(text, RefDate(2011, 4, 22))[0][1] == "国家广播电影电视总局"
    assert _spans(text, RefDate(2015, 6, 1))[0][1] == "国家新闻出版广电总局"
    assert _spans(text, RefDate(2020, 1, 1))[0][1] == "国家广播电视总局"


def test_a_countrys_chambers_and_the_us_congress():
    assert _spans("法国国民议会6日审议通过一项草案。") == [("法国国民议会", "法国国民议会", "government")]
    assert _spans("意大利参议院当天投票。") == [("意大利参议院", "意大利参议院", "government")]
    assert _spans("美国参议院11日通过法案。") == [("美国参议院", "美国国会参议院", "government")]
    assert _spans("据乌克兰最高拉达公布的信息，会议延期。")[0][:2] == ("乌克兰最高拉达", "乌克兰最高拉达")
    assert _spans("该国参议院议员表示反对。") == []


def test_a_registered_name_headed_by_a_numeral_county():
    assert _spans("本项目由四会金葵花药业有限公司承建。") == [
        ("四会金葵花药业有限公司", "四会金葵花药业有限公司", "company")]
    assert _spans("全市三家医院参与。") == []
    assert _spans("四家医药公司中标。") == []


def test_the_who_assembly_is_its_own_body_not_the_who_inside_it():
    assert _spans("台湾参加世卫大会的图谋再次失败。") == [("世卫大会", "世界卫生大会", "public_health")]


def test_movements_and_a_un_agency_by_their_short_forms():
    assert _spans("也门胡塞武装称发动打击。") == [("也门胡塞武装", "也门胡塞武装", "other")]
    assert _spans("空袭巴勒斯坦伊斯兰抵抗运动（哈马斯）据点。") == [
        ("巴勒斯坦伊斯兰抵抗运动", "巴勒斯坦伊斯兰抵抗运动", "other"), ("哈马斯", "巴勒斯坦伊斯兰抵抗运动", "other")]
    assert _spans("联合国近东救济工程处发表声明。")[0][1] == "联合国近东巴勒斯坦难民救济和工程处"
    assert ("快速支援部队", "苏丹快速支援部队", "other") in _spans("苏丹武装部队与快速支援部队在首都交火。")


def test_a_known_body_after_its_city_is_the_body_alone():
    assert _spans("阿巴斯在埃及开罗阿拉伯联盟总部表示。") == [("阿拉伯联盟", "阿拉伯国家联盟", "other")]


def test_the_government_by_its_treaty_name_but_not_a_laws_title():
    assert _spans("中华人民共和国政府是代表全中国的唯一合法政府。") == [
        ("中华人民共和国政府", "中华人民共和国中央人民政府", "government")]
    assert _spans("根据《中华人民共和国政府采购法》规定。") == []
