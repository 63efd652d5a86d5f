"""Round 22 (issue 10, branch h-inst22): families left by round 21, each a general rule: a former
name keeps its own canonical name (the name tables' successor mappings split), a region inside a
foreign place's name starts no body, a preposition after a clause's verb ends the clause, a
two- or three-character proper head the segmenter splits names a body, a college of
practitioners is a professional body. Examples marked "round 22" in corpora/examples/
institutions.yaml; the sentences here are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


def _names(text):
    return [(m.text, m.name) for m in extract_institutions(text)]


def test_former_names_keep_their_own():
    assert _names("他毕业于第二军医大学。") == [("第二军医大学", "中国人民解放军第二军医大学")]
    assert _names("海军军医大学的专家") == [("海军军医大学", "中国人民解放军海军军医大学")]
    # the army's name written before a listed school is inside the span
    assert _names("中国人民解放军第二军医大学的专家") == [("中国人民解放军第二军医大学", "中国人民解放军第二军医大学")]
    assert _names("解放军海军军医大学的专家") == [("解放军海军军医大学", "中国人民解放军海军军医大学")]
    assert _names("国家减灾办发布预警。") == [("国家减灾办", "国家减灾委员会办公室")]
    assert _names("国家防减救灾委部署。") == [("国家防减救灾委", "国家防灾减灾救灾委员会")]
    assert _names("国际泳联宣布，世界泳联随后确认。") == [("国际泳联", "国际游泳联合会"), ("世界泳联", "世界游泳联合会")]
    assert _names("法制日报记者报道。") == [("法制日报", "法制日报")]
    assert _names("广东发展银行广州分行") == [("广东发展银行广州分行", "广东发展银行广州分行")]
    # companies: a merged or renamed firm's former name is its own (a later name is no alias either)
    assert _names("赛诺菲-安万特宣布") == [("赛诺菲-安万特", "赛诺菲-安万特集团")]
    assert _names("捷迈和邦美合并为捷迈邦美。") == [("捷迈", "捷迈公司"), ("邦美", "邦美公司"), ("捷迈邦美", "捷迈邦美公司")]
    assert _names("Meta公司宣布") == [("Meta公司", "Meta公司")]
    assert _names("据卫星通讯社报道，俄新社也报道了。") == [("卫星通讯社", "俄罗斯卫星通讯社"), ("俄新社", "俄罗斯新闻社")]


def test_region_inside_a_foreign_place_starts_no_body():
    assert _spans("昆士兰州政府宣布了新措施。") == []
    assert _spans("明尼苏达州卫生厅发布通知。") == []
    assert _spans("来自新西兰州政府的消息") == []
    # a region chain or a clear start keeps it
    assert _names("甘肃兰州政府发布通知。") == [("甘肃兰州政府", "兰州市人民政府")]
    assert _names("在兰州政府工作。") == [("兰州政府", "兰州市人民政府")]
    assert _names("四川达州市卫健委通报。") == [("四川达州市卫健委", "达州市卫生健康委员会")]


def test_preposition_after_a_verb_ends_the_clause():
    assert _names("他毕业于海军工程大学。") == [("海军工程大学", "中国人民解放军海军工程大学")]
    assert _names("他就职于海军工程大学") == [("海军工程大学", "中国人民解放军海军工程大学")]
    assert _names("于都县人民医院") == [("于都县人民医院", "于都县人民医院")]  # 于都: a county, no preposition


def test_split_proper_head_before_a_suffix():
    assert _names("占地10公顷的明州医院正在建设中。") == [("明州医院", "明州医院")]
    assert _names("孩子被送到附近的爱自然托育中心。") == [("爱自然托育中心", "爱自然托育中心")]
    assert _spans("齐藤 日本顺天堂大学教授") == [("日本顺天堂大学", "顺天堂大学", "university")]
    assert _names("长春算力中心投入运行。") == [("长春算力中心", "长春算力中心")]
    # not a sort after a verb, a word's tail (所谓), nor a head after another stop character
    assert _spans("一些所谓专科医院投资很少。") == []
    assert _spans("公立医院分别占全国医院数的七成。") == [] or all(t != "占全国医院" for t, _, _ in _spans("公立医院分别占全国医院数的七成。"))
    assert _spans("洛阳一胸痛中心开诊。") == []


def test_college_of_practitioners_is_an_association():
    assert _spans("英国皇家急诊医学院发布报告。") == [("英国皇家急诊医学院", "英国皇家急诊医学院", "association")]
    assert _spans("英国皇家护理学院的调查") == [("英国皇家护理学院", "英国皇家护理学院", "association")]
    assert _spans("美国外科医师学院发布指南。")[0][2] == "association"
    # royal schools stay schools
    assert _spans("瑞典皇家理工学院的研究")[0][2] == "university"
    assert _spans("英国皇家兽医学院的研究")[0][2] == "university"


def test_a_foreign_gap_holding_a_listed_body_is_no_name():
    # with the region's glued hit gone, the country's walk must not run over a list of two bodies
    assert _spans("澳洲昆士兰州政府和明尼苏达州卫生厅都发布了通知。") == [
        ("澳洲昆士兰州政府", "澳洲昆士兰州政府", "government")]
