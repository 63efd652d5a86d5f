"""Metadata sources and the publication date's precision."""
from __future__ import annotations

import pytest

import extract
from extract.ingest.meta import from_text, iso_date
from extract.refdate import RefDate


@pytest.mark.parametrize("value,expected", [
    ("2021-11-25", "2021-11-25"), ("2018-10", "2018-10"), ("2018", "2018"), ("2021/3/8", "2021-03-08"),
    ("2021年3月8日", "2021-03-08"), ("2021 年 3 月", "2021-03"), ("Thu, 25 Nov 2021 06:20:36 GMT", "2021-11-25"),
    ("2019-03-08T09:00:00+08:00", "2019-03-08"), ("yesterday", None), ("2021-02-30", None),
], ids=str)
def test_iso_date_keeps_precision(value, expected):
    assert iso_date(value) == expected


def test_refdate_has_no_clock_default():
    assert RefDate.parse(None) is None
    with pytest.raises(ValueError):
        RefDate.parse("soon")
    assert RefDate.parse("2018-10").grain == "month"


@pytest.mark.parametrize("text,published", [
    ("某医院新闻\n来源：本站原创 作者：党支部\n时间：2019年10月31日 23:00 浏览：33\n正文……", "2019-10-31"),
    ("本报记者 杨文明《人民日报》（2026年01月06日第13版）\n正文……", "2026-01-06"),
    ("正文……请参照执行。\n国家卫生计生委办公厅\n2016年8月29日\n附件：指南", "2016-08-29"),
    ("标题\n2021-01-20 04:29:44 39健康网\n正文……", "2021-01-20"),
    ("正文里提到2021年3月8日，但没有落款日期，也没有发布时间。", None),
    ("标题\n来源：宁夏回族自治区医疗保障局 2026年1月12日\n正文……", "2026-01-12"),
    ("务必于 2023年12月25日 17:30 前，通过APP完成缴费。", None),
], ids=["labelled", "edition", "signature", "timestamp", "none", "source-line", "deadline-is-no-dateline"])
def test_datelines_in_text(text, published):
    assert from_text(text).get("published") == published


def test_front_matter_author_that_is_an_outlet(ingest_only):
    doc = extract.parse("---\ntitle: 标题\nauthor: 新浪财经\ndate: 2021-11\n---\n\n正文第一段，介绍医保新政的主要内容。", options=ingest_only)
    assert doc.meta.outlet == "新浪财经" and doc.meta.authors == []
    assert doc.meta.published == "2021-11"


def test_argument_beats_document(ingest_only):
    doc = extract.parse("---\ndate: 2021-11-25\n---\n正文。", published="2020-01-01", options=ingest_only)
    assert doc.meta.published == "2020-01-01" and doc.meta.sources["published"] == "argument"
