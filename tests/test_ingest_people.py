"""A person, a column label or a place in a byline or a closing tag (extract/ingest/people.py).
Sentences written for these tests; the bulk files that showed the families are checked
when ../shared is present."""
from __future__ import annotations

import json

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
