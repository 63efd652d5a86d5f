"""Round 20 (issue 10, branch h-inst20): a field word across a hospital's name (…医院管理研究中心),
verbal nouns holding a stop character inside a name (经营), open vocational colleges, a company's
short form before its registered name, source-line and caption outlets, and companies' Latin
names. One example per rule lives in corpora/examples/institutions.yaml, marked "round 20"; the
sentences here are written for these tests."""
from __future__ import annotations

from extract.institutions import extract_institutions
from extract.institutions.aliases import named_in_full
from extract.institutions.candidates import Candidate


def _spans(text):
    return [(m.text, m.name, m.kind) for m in extract_institutions(text)]


def test_a_centre_for_hospital_management_is_no_hospital():
    assert _spans("北京华康医院管理研究中心发布报告。") == [("北京华康医院管理研究中心", "北京华康医院管理研究中心", "university")]
    # a hospital's own centre stays the hospital's (a department)
    assert [t for t, _, _ in _spans("北京协和医院体检中心今天开放。")] == ["北京协和医院"]
    assert [t for t, _, _ in _spans("上海市第一人民医院管理中心负责排班。")] == ["上海市第一人民医院"]


def test_jingying_inside_a_name_and_a_capital_centre_is_a_company():
    spans = _spans("天津国有资本经营管理中心(下称天津国管中心)持股。天津国管中心表示同意。")
    assert spans == [("天津国有资本经营管理中心", "天津国有资本经营管理中心", "company"),
                     ("天津国管中心", "天津国有资本经营管理中心", "company"),
                     ("天津国管中心", "天津国有资本经营管理中心", "company")]
    assert _spans("经营管理中心负责此事。") == []
    assert [t for t, _, _ in _spans("他经北京市卫生局批准开业。")] == ["北京市卫生局"]  # 经 the verb still stops


def test_vocational_colleges_open():
    assert _spans("鉴于云川职业技术学院的专业优势，双方合作。") == [("云川职业技术学院", "云川职业技术学院", "university")]
    assert _spans("他考入一所职业技术学院。") == []
    assert _spans("全国职业学院都在招生。") == []


def test_a_short_form_takes_the_registered_name_written_later():
    first = [Candidate(0, 4, "瑞成医疗", "company", None, None, "repeated.brand", 0.5),
             Candidate(10, 14, "瑞成医疗", "company", None, None, "alias.short", 0.7),
             Candidate(20, 32, "广州瑞成医疗技术有限公司", "company", None, None, "pattern.anchored", 0.8)]
    assert [c.name for c in named_in_full(first)] == ["广州瑞成医疗技术有限公司"] * 3
    # two registered names that hold it: no choice made
    two = first + [Candidate(40, 54, "深圳瑞成医疗器械有限公司", "company", None, None, "pattern.anchored", 0.8)]
    assert named_in_full(two)[0].name == "瑞成医疗"
    # a gazetteer's name is left alone
    known = [Candidate(0, 4, "瑞成医疗", "company", None, None, "gazetteer.known", 0.9)] + first[2:]
    assert named_in_full(known)[0].name == "瑞成医疗"


def test_source_line_and_caption_outlets():
    assert _spans("正文完。\n来源：健康器械参考\n") == [("健康器械参考", "健康器械参考", "media")]
    assert _spans("正文完。\n来源：网络\n") == []
    assert _spans("资金来源：自筹资金\n") == []
    assert [t for t, _, _ in _spans("正文完。\n来源：广州市卫生健康委员会\n")] == ["广州市卫生健康委员会"]
    assert _spans("王小明南都记者 李华 摄") == [("南都", "南方都市报", "media")]
    assert _spans("本报记者 张三") == []


def test_latin_names_of_companies():
    spans = _spans("据博览咨询（Bolan）统计，ABC（瑞典美佳集团）和供应商德国KTM均有参与。")
    assert ("Bolan", "博览咨询", "company") in spans
    assert ("ABC", "美佳集团", "company") in spans
    assert ("KTM", "KTM", "company") in spans
    assert _spans("该产品由国内制造商提供。") == []
    assert [t for t, _, _ in _spans("供应商美国GE公司提供设备。")] == ["美国GE公司"]


def test_a_presidents_office_and_a_companys_scandal():
    assert _spans("以色列总统府11日发表声明称。") == [("以色列总统府", "以色列总统府", "government")]
    assert _spans("海地总统府外发生激烈交火，武装在总统府附近与警方激战。") == []
    spans = _spans("湖北鸿泰制药有限公司停产。鸿泰事件后，监管部门约谈企业，鸿泰安全事件仍在调查。鸿泰表示配合。")
    assert [t for t, _, _ in spans] == ["湖北鸿泰制药有限公司", "鸿泰"]
