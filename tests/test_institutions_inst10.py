"""Round 10 (issue 10, branch h-inst10): families of real-heldout5 (a development set since its
blind measurement), each rule checked on bulk text outside the held-out list (docs/institutions.md
"Round 10"); one example per rule lives in corpora/examples/institutions.yaml, marked "round 10
(h-inst10)". The sentences here are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


def test_a_brand_ending_in_zhong_before_zhiyao_is_a_company():
    assert [(t, k) for t, _, k in _spans("浙中制药近日被收回证书，浙中制药表示将整改。")] == [
        ("浙中制药", "company"), ("浙中制药", "company")]


def test_a_locative_zhong_before_zhiyao_is_no_company():
    assert _spans("在实践中制药并不容易。") == []


def test_a_ministrys_department_before_a_named_officer():
    assert _spans("会上，财政部社保司李华副司长讲话。") == [("财政部社保司", "财政部社会保障司", "government")]
    assert _spans("民政部社会事务司王明司长出席。")[0][0] == "民政部社会事务司"


def test_a_centre_whose_name_holds_a_stop_character_inside_a_noun():
    assert _spans("据国家统计局数据中心测算，增长明显。")[0][:2] == ("国家统计局数据中心", "国家统计局数据中心")


def test_two_national_bodies_joined_by_a_verb_stay_two():
    assert [t for t, _, _ in _spans("国家卫生健康委会同国家疾控局开展工作。")] == ["国家卫生健康委", "国家疾控局"]


def test_a_sub_bodys_standing_committee_is_one_name():
    assert _spans("中共中央政治局常务委员会今天召开会议。") == [
        ("中共中央政治局常务委员会", "中国共产党中央委员会政治局常务委员会", "government")]


def test_an_associations_trade_committee_and_its_introduced_acronym():
    full = "中国外商投资企业协会药品研制和开发行业委员会"
    found = _spans(f"{full}(英文简称RDPAC)称，RDPAC会员企业增长。")
    assert [(t, n) for t, n, _ in found] == [(full, full), ("RDPAC", full), ("RDPAC", full)]


def test_a_mixed_case_acronym_in_brackets():
    found = _spans("国家药品监督管理局（NMPA）发布通告。")
    assert [t for t, _, _ in found] == ["国家药品监督管理局", "NMPA"]
    found = _spans("中国医师协会（CMDA）与XYZ合作，CMDA称。")
    assert [t for t, _, _ in found].count("CMDA") == 2


def test_yi_in_a_trade_name_after_a_region():
    assert _spans("经销商为广州恒达以德贸易有限公司。") == [("广州恒达以德贸易有限公司", "广州恒达以德贸易有限公司", "company")]


def test_yi_right_after_a_region_still_ends_the_name():
    assert [t for t, _, _ in _spans("北京市以华润医药有限公司为主体。")] == ["华润医药有限公司"]


def test_a_companys_short_form_as_the_article_writes_it():
    found = _spans("京药集团发布年报，京药今年将扩大产能。")
    assert [t for t, _, _ in found] == ["京药集团", "京药"] and found[0][1] == found[1][1]


def test_a_sub_bodys_own_name_alone_later_is_the_same_body():
    found = _spans("会议在民政部社会福利中心召开。随后，社会福利中心信息部主任介绍了方案。")
    assert [(t, n) for t, n, _ in found] == [("民政部社会福利中心", "民政部社会福利中心"), ("社会福利中心", "民政部社会福利中心")]


def test_a_short_sub_bodys_name_alone_is_no_mention():
    # 信息中心 alone is any body's centre
    assert [t for t, _, _ in _spans("民政部信息中心主任出席。信息中心将落实。")] == ["民政部信息中心"]


def test_a_region_and_brand_in_a_list_of_companies():
    found = _spans("参会的有石药集团、科伦药业、杭州华东等多家药品生产企业。")
    assert found[-1] == ("杭州华东", "杭州华东", "company")


def test_a_country_and_brand_in_a_list_of_companies():
    assert ("日本武藏", "日本武藏", "company") in _spans("诺华、罗氏、日本武藏等外资药企纷纷降价。")


def test_a_list_of_cities_is_no_list_of_companies():
    assert _spans("北京、上海、广州等城市的企业纷纷响应。") == []
