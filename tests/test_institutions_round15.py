"""Round 15 (issue 10, branch h-inst15): structural families, each counted on the bulk files
(docs/institutions.md "Round 15"); one example per rule lives in corpora/examples/institutions.yaml,
marked "round 15". The sentences here are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


def test_an_appositive_head_before_a_proper_name_starts_the_name_after_it():
    assert _spans("日本汽车制造商丰田公司宣布召回。") == [("丰田公司", "丰田自动车株式会社", "company")]
    got = extract_institutions("英国智库查塔姆研究所日前发布报告。")
    assert [(m.text, m.region) for m in got] == [("查塔姆研究所", "英国")]  # the country stays the region


def test_a_head_followed_by_a_common_word_is_the_names_own():
    assert _spans("中国医药企业管理协会会长出席。") == [("中国医药企业管理协会", "中国医药企业管理协会", "association")]
    assert [t for t, _, _ in _spans("该企业获得江苏省企业技术中心认定。")] == ["江苏省企业技术中心"]


def test_a_name_written_again_without_its_head_takes_the_headed_name():
    text = "中国化学制药工业协会信息中心发布统计。据化学制药工业协会信息中心介绍，"
    assert [n for _, n, _ in _spans(text)] == ["中国化学制药工业协会信息中心"] * 2
    text = "怒江州人民医院开展义诊。当地群众说，州人民医院服务很好。"
    assert [n for _, n, _ in _spans(text)] == ["怒江傈僳族自治州人民医院"] * 2


def test_a_rest_with_a_region_of_its_own_keeps_its_name():
    text = "福建莆田市仙游县总医院派出专家，仙游县总医院随后开展救治。"
    assert [n for _, n, _ in _spans(text)] == ["福建莆田市仙游县总医院", "仙游县总医院"]


def test_a_category_left_after_a_place_is_never_made_a_mention():
    assert [t for t, _, _ in _spans("乌镇互联网医院上线。互联网医院方便群众。")] == ["乌镇互联网医院"]
