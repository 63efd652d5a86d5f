"""Institutions, bulk review 5 (docs/institutions.md "Bulk review (round 5)"): each family
fixed in that round checked on the real bulk files that hold it (../shared/corpus-dev/bulk;
skipped where absent). The written examples of the same families are in
corpora/examples/institutions.yaml."""
from __future__ import annotations


from extract.institutions import extract_institutions
from tests.conftest import parsed_bulk


def _mentions(pattern: str, ingest_only) -> list[tuple[str, object]]:
    """(article text, mention) of every institution mention in the bulk files matching `pattern`."""
    out = []
    for doc in parsed_bulk(pattern, ingest_only):
        for art in doc.articles:
            text = doc.text[art.start:art.end]
            out += [(text, m) for m in extract_institutions(text)]
    return out


def test_foreign_bodies_written_away_from_their_country(ingest_only):
    """A title held jointly (泰国副总理兼卫生部长), a government's qualifier (叙利亚过渡政府外交部),
    a coordinated body (黎巴嫩国家通讯社和卫生部), 美国务院, 沙特阿拉伯外交部, 加沙地带卫生部 and
    亚国防部 (after 亚美尼亚) are foreign bodies, never China's."""
    found = []
    for pattern in ("xwlb_20230203_08_*", "xwlb_20230409_15_*", "xwlb_20240402_13_*", "xwlb_20260507_13_*",
                    "xwlb_20260510_12_*", "xwlb_20260526_12_*", "xwlb_20260819_13_*"):
        found += [m for _, m in _mentions(pattern, ingest_only)]
    names = {m.name for m in found}
    assert {"泰国卫生部", "沙特外交部", "亚美尼亚国防部", "美国国务院", "黎巴嫩卫生部", "加沙地带卫生部",
            "叙利亚外交部"} <= names
    assert not [m.text for m in found if m.name in ("卫生部", "外交部", "国务院", "国防部")]


def test_company_short_forms_before_products_are_brands(ingest_only):
    """白药牙膏, 圣多宝消毒机, 罗氏血糖仪, 中国移动医疗: a product or another word, not the company;
    天成 + 医疗 is the article's short form 天成医疗."""
    found = []
    for pattern in ("eb_goodszx_20110607_*", "webtct_30136_*", "webtct_796_*", "webtct_8_editor.data.21_*"):
        found += _mentions(pattern, ingest_only)
    texts = [m.text for _, m in found]
    assert "白药" not in texts and "圣多宝" not in texts and "中国移动" not in texts
    assert "天成医疗" in texts
    # (天成 alone is the company's short form where no 医疗 follows: 天成将会为洁特提供…, in a
    # block of webtct_8_editor.data.21 that ingest reads since round 10)
    assert not [m for text, m in found if m.text == "天成" and text[m.end:m.end + 2] == "医疗"]
    assert "王老吉药业" in texts  # 广州药业旗下王老吉药业: the unit's own name after 旗下


def test_places_plans_and_counts_are_not_bodies(ingest_only):
    """A city's role in a plan (上海国际金融中心, 北京城市副中心), a count (县两级医院, 世界多个
    国家医院), an address (…168号时代商业中心): no mention."""
    found = []
    for pattern in ("xwlb_20241206_07_*", "xwlb_20250426_11_*", "xwlb_20230117_06_*", "webtct_42530_*",
                    "webtct_42600_*"):
        found += [m.text for _, m in _mentions(pattern, ingest_only)]
    assert not [t for t in found if t.endswith(("金融中心", "副中心", "两级医院", "商业中心")) or t == "国家医院"]


def test_implied_city_of_a_county_level_city_and_a_paragraphs_region(ingest_only):
    """嫩江市以市人民医院…: the county-level city's own hospital; 在湖南，省妇幼保健院: Hunan's,
    never a municipality's (北京 has no 省)."""
    names = [m.name for _, m in _mentions("xwlb_20221229_08_*", ingest_only) + _mentions("xwlb_20221226_07_*", ingest_only)]
    assert "嫩江市人民医院" in names and "黑河市人民医院" not in names
    assert "湖南省妇幼保健院" in names and "北京市妇幼保健院" not in names
