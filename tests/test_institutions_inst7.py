"""Round 7 on real text (issue 10, branch h-inst7): families found by reading the toolkit's
output on unannotated bulk files (docs/institutions.md "Round 7 on unannotated output"); one
example per rule lives in corpora/examples/institutions.yaml, marked "round 7 (h-inst7)"."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.institutions import extract_institutions
from extract.institutions.aliases import short_form

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus-dev" / "bulk"


def _spans(text):
    return [(m.text, m.name) for m in extract_institutions(text)]


def test_national_gap_opens_a_sub_body_but_a_verb_still_ends_it():
    # 国家 may open an institute's own name after the Academy; 会同 between two bodies is a
    # verb, not part of one name
    assert _spans("中国科学院国家天文台发布成果。") == [("中国科学院国家天文台", "中国科学院国家天文台")]
    assert [t for t, _ in _spans("国家卫生健康委会同国家疾控局开展监测。")] == ["国家卫生健康委", "国家疾控局"]


def test_designation_forms():
    for lead in ("下称", "以下称", "以下简称", "下文简称"):
        found = _spans(f"国家医疗保障局（{lead}“医保部”）发布通知，医保部表示。")
        assert found[-1] == ("医保部", "国家医疗保障局"), lead


def test_short_form_strips_business_words():
    assert short_form("北京市富乐科技开发有限公司") == "富乐"
    assert short_form("北京世博威国际展览有限公司") == "世博威"


def test_country_and_city_are_no_short_form():
    found = _spans("德国杜塞尔多夫展览集团公司主办。2015德国杜塞尔多夫医疗展商务考察团。")
    assert [t for t, _ in found] == ["德国杜塞尔多夫展览集团公司"]


def test_acronym_needs_its_bracket_first_and_whole_letters():
    # an acronym no word list knows (SFDA is one since round 8: national.yaml's alias)
    found = _spans("NHSA发布。国家医疗保障局（NHSA）批准。NHSAC不是，NHSA是。")
    assert [t for t, _ in found] == ["国家医疗保障局", "NHSA", "NHSA"]


def test_opec_plus_is_no_mention():
    assert _spans("石油输出国组织（欧佩克）发表声明，“欧佩克+”产油国增产。") == [
        ("石油输出国组织", "石油输出国组织"), ("欧佩克", "石油输出国组织")]


def test_court_short_form_needs_a_region():
    assert _spans("该市中院判决。") == []
    assert _spans("湘西州中院审理认为。") == [("湘西州中院", "湘西州中级人民法院")]


@pytest.mark.skipif(not (BULK / "xwlb_20260608_08_briefs.md").exists(), reason="../shared bulk corpus absent")
def test_real_brief_names_foreign_parties():
    from extract import parse_file

    record = parse_file(str(BULK / "xwlb_20260608_08_briefs.md"))
    names = {m.name for m in record.mentions if m.type == "institution"}
    assert {"伊朗伊斯兰革命卫队", "以色列国防军", "石油输出国组织"} <= names
