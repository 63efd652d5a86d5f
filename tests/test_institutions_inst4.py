"""Institutions on real-dev3 (docs/institutions.md "Second wave on real text (h-inst4)"):
each rule on written text, and on the real bulk file that holds it (../shared/corpus-dev/bulk;
skipped where absent; never a held-out file). One example per rule is also in
corpora/examples/institutions.yaml."""
from __future__ import annotations

from extract.institutions import extract_institutions
from extract.refdate import RefDate
from tests.conftest import parsed_bulk


def _named(text: str, ref=None) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in extract_institutions(text, ref=ref)]


def test_bare_national_short_form_after_its_guojia_form():
    found = _named("昨日，发改委发布公告称。国家发改委表示已查实，尽管发改委尚未披露。")
    assert found.count(("发改委", "国家发展和改革委员会")) == 2


def test_bare_short_form_stays_unnamed_where_a_regions_body_is_named():
    found = _named("国家发改委和广东省发改委通知，发改委称。")
    assert ("发改委", "国家发展和改革委员会") not in found


def test_cctv_before_the_2018_merger_is_its_own_name():
    text = "在央视进行报道后，中国国际广播电台也报道了。"
    assert ("央视", "中国中央电视台") in _named(text, RefDate(2011, 7, 19))
    # a station merged into the 总台 in 2018 keeps its own name, never its successor's (round 22)
    assert ("中国国际广播电台", "中国国际广播电台") in _named(text, RefDate(2011, 7, 19))
    assert ("央视", "中央广播电视总台") in _named(text, RefDate(2024, 2, 25))


def test_cctv_short_inside_a_product_name_is_none():
    assert _named("节目依托总台“央视听媒体大模型”生成。") == [("总台", "中央广播电视总台")]


def test_bare_provincial_department_takes_the_articles_province():
    assert ("卫生厅", "内蒙古自治区卫生厅") in _named("内蒙古实行以自治区为单位的采购。卫生厅是全区主管部门。")
    assert _named("各地卫生厅要加强监管。") == []


def test_foreign_university_named_without_its_country():
    assert _named("澳大利亚昆士兰大学教授出席。") == [("澳大利亚昆士兰大学", "昆士兰大学")]
    assert _named("以色列耶路撒冷理工学院") == [("以色列耶路撒冷理工学院", "耶路撒冷理工学院")]
    assert _named("日本厚生劳动省") == [("日本厚生劳动省", "日本厚生劳动省")]
    assert _named("全国大学教授") == []


def test_informal_country_name():
    assert _named("澳洲政府在2010年启动") == [("澳洲政府", "澳大利亚政府")]


def test_city_numbered_hospital_written_short():
    assert _named("杭州二院、中山一院") == [("杭州二院", "杭州市第二人民医院"), ("中山一院", "中山大学附属第一医院")]


def test_real_files(ingest_only):
    docs = parsed_bulk("eb_supplierzx_20110719_ff808081313c08ec01313fe8ff1a021d*", ingest_only)
    for doc in docs:
        names = [m.name for m in extract_institutions(doc.text, ref=RefDate(2011, 7, 19))]
        assert names.count("国家发展和改革委员会") >= 8
        assert "中国中央电视台" in names
    for doc in parsed_bulk("eb_goodszx_20110711_ff80808130db80a7013116bae8a010bb*", ingest_only):
        names = [m.name for m in extract_institutions(doc.text)]
        assert names.count("中国医药保健品进出口商会") >= 3
        assert "中国医药保健品进出口商会医疗器械专家委员会" in names
