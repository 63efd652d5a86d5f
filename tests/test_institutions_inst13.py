"""Round 13 (issue 10, branch h-inst13): families read on unannotated bulk text outside every gold
set, the held-out list and the samples of rounds 11 and 12 (docs/institutions.md "Round 13"); one
example per rule lives in corpora/examples/institutions.yaml, marked "round 13". The sentences here
are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


def test_a_pla_hospital_by_number_and_the_list_that_continues_it():
    assert _spans("药品已进入解放军254医院、255医院和281医院。") == [
        ("解放军254医院", "中国人民解放军第254医院", "hospital"),
        ("255医院", "中国人民解放军第255医院", "hospital"),
        ("281医院", "中国人民解放军第281医院", "hospital")]
    assert _spans("专家来自中国人民解放军第401医院。") == [("中国人民解放军第401医院", "中国人民解放军第401医院", "hospital")]


def test_a_city_before_a_three_digit_hospital_number():
    assert _spans("去年天津254医院引进一台设备。") == [("天津254医院", "中国人民解放军第254医院", "hospital")]
    # below the army's numbers a city's numbered hospital keeps its name as written
    assert _spans("广州市120医院") == [("广州市120医院", "广州市120医院", "hospital")]


def test_bare_numbers_are_no_hospitals_without_the_army():
    assert _spans("全市共有305医院床位。") == []
    assert _spans("他在2019年医院工作。") == []


def test_a_medical_universitys_short_name_before_its_numbered_hospital():
    assert _spans("他先后在温医附二院和安医大一附院进修。") == [
        ("温医附二院", "温州医科大学附属第二医院", "hospital"),
        ("安医大一附院", "安徽医科大学第一附属医院", "hospital")]
    assert _spans("患者转入吉大三院。") == [("吉大三院", "吉林大学第三医院", "hospital")]


def test_a_short_name_of_two_universities_stays_as_written():
    assert _spans("他在南大二院工作。") == [("南大二院", "南大二院", "hospital")]


def test_the_articles_full_name_wins_over_the_table():
    found = _spans("中山大学第一医院（虚构）与中大一院合作。")
    assert ("中大一院", "中山大学第一医院", "hospital") in found


def test_a_name_written_again_without_its_place():
    assert _spans("杭州优瑞康生物科技有限公司成立。随后在杭州成立优瑞康生物科技有限公司分部。")[1] == (
        "优瑞康生物科技有限公司", "杭州优瑞康生物科技有限公司", "company")


def test_what_is_left_after_a_place_may_be_a_category():
    # 乌镇互联网医院 leaves 互联网医院, any internet hospital
    found = _spans("桐乡乌镇互联网医院上线，患者可通过互联网医院复诊。")
    assert [t for t, _, _ in found] == ["桐乡乌镇互联网医院"]


def test_a_standalone_research_centre_is_kind_other():
    assert _spans("据中国医药物流发展研究中心统计。") == [("中国医药物流发展研究中心", "中国医药物流发展研究中心", "other")]
    assert _spans("江苏省康复器械工程技术研究中心揭牌。")[0][2] == "other"


def test_a_parent_bodys_research_centre_stays_university():
    assert _spans("复旦大学老龄研究中心发布报告。")[0][2] == "university"
