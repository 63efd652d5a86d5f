"""A person, a column label or a place in a byline or a closing tag (extract/ingest/people.py).
Sentences written for these tests; the bulk files that showed the families are checked
when ../shared is present."""
from __future__ import annotations


import pytest

import extract
from conftest import bulk_files
from extract.ingest.people import is_person_name
from extract.options import Options

INGEST_ONLY = Options(components=())


@pytest.mark.parametrize("s,expected", [
    ("黄淑慧", True), ("王军", True), ("欧阳晓明", True), ("洪波", True), ("施钰", True),
    ("追访", False),     # a column label: 追 is no surname
    ("江西", False),     # a province starting with a surname
    ("巴西", False),     # a country starting with a surname
    ("韩国队", False),   # a country and one more character
    ("上海普陀", False),  # a city and its district (a source tag)
    ("新华社", False), ("金报", False), ("普陀医保", False),
    ("王小明明明", False),
    ("万元", False), ("万人", False),  # a magnitude and a unit (a table's column head)
    ("万强", True),  # five characters
])
def test_person_name(s, expected):
    assert is_person_name(s) is expected


def meta_of(text: str):
    doc = extract.parse(text, "2024-05-10", options=INGEST_ONLY)
    return doc.meta


def test_closing_tag_with_a_persons_name_is_the_author_not_the_outlet():
    m = meta_of("某市医药集团今年采购额将破百亿\n"
                "该集团昨日与多家药企签订合作协议，预计全年采购金额将突破100亿元。\n"
                "集团负责人表示，将在三个城市为新品上市提供最快的覆盖速度。（黄淑慧）\n")
    assert m.authors == ["黄淑慧"]
    assert m.outlet != "黄淑慧"


@pytest.mark.parametrize("tag", ["上海普陀", "江西", "新华社"])
def test_closing_tag_with_a_place_or_an_outlet_names_no_author(tag):
    m = meta_of("区里推出长护险服务新举措\n"
                f"即日起，区内参保老人可在社区事务受理服务中心申请长期护理保险评估。（{tag}）\n")
    assert m.authors == []


def test_column_label_after_a_square_is_no_byline_but_a_name_is():
    m = meta_of("号贩倒卖检查号 医院称将实名取号\n"
                "记者调查发现，号贩手中的检查号以数十元的价格出售。\n"
                "■ 追访\n"
                "警方称抓易罚难\n"
                "民警表示，他们通常会在取号机旁维持秩序。\n"
                "■周程祥\n")
    assert m.authors == ["周程祥"]


@pytest.mark.parametrize("pattern,field,bad", [
    ("eb_cgxqzx_20110413_*", "outlet", "黄淑慧"),
    ("webtct_1305_*", "authors", "追访"),
])
def test_bulk_files_no_person_as_outlet_no_column_as_author(pattern, field, bad):
    files = bulk_files(pattern)
    doc = extract.parse_file(files[0], options=INGEST_ONLY)
    value = getattr(doc.meta, field)
    assert bad != value and bad not in (value or [])


@pytest.mark.parametrize("closing,outlet", [
    ("即日起，区内参保老人可在社区事务受理服务中心申请长期护理保险评估。\n（上海普陀）", "上海普陀"),
    ("即日起，区内参保老人可在社区事务受理服务中心申请长期护理保险评估。（上海普陀）", "上海普陀"),
])
def test_a_closing_source_tag_names_the_outlet(closing, outlet):
    assert meta_of("区里推出长护险服务新举措\n"
                   "为减轻失能老人家庭负担，区医保局联合区民政局推出长期护理保险服务新举措。\n"
                   "评估通过后，护理机构将上门提供生活照料和医疗护理服务，费用按规定由长护险基金支付。\n"
                   + closing + "\n").outlet == outlet


def test_a_table_unit_on_its_own_line_is_no_source_tag():
    """A tender notice's table: the column note (万元) follows its head, not a sentence."""
    m = meta_of("某市人民医院医疗设备采购项目公开招标公告\n"
                "某招标代理有限公司受某市人民医院委托，根据《中华人民共和国政府采购法》等有关规定，"
                "现对该院医疗设备采购项目进行公开招标，欢迎合格的供应商前来投标。\n"
                "项目名称：某市人民医院医疗设备采购项目\n项目编号：JW-2016-01\n"
                "本次采购共分二个包，分包情况如下：\n包号\n设备名称\n数量\n预算金额\n（万元）\n"
                "包01\n心电监护仪\n10\n45.00\n包02\n超声诊断仪\n2\n39.00\n"
                "投标人应符合《中华人民共和国政府采购法》第二十二条规定的条件。\n")
    assert m.outlet is None
