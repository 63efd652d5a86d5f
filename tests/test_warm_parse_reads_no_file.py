"""A warm parse reads no file: every pattern, table and word list is loaded once, on first
use. Reading a data file per call went unnoticed once (a YAML file read per institution
candidate: +16% of the work of a warm pass, docs/performance.md "Fifteenth round"); this test
fails on any such read. The team's written corpora (always in the repository) and texts of our
own with every extractor's triggers in them."""
import builtins
import io
import os

from pathlib import Path

import pytest

import extract

CORPORA = Path(__file__).resolve().parents[1] / "corpora"

TEXTS = [
    "国家医疗保障局、财政部联合印发通知，自2024年3月1日起，门诊报销比例提高到70%，每人每年最高支付2万元。",
    "据新华社北京5月6日电（记者 张三）清华大学数据科学研究院·医疗健康大数据研究中心与北京协和医院签约。",
    "办理流程：1、登录“随申办”APP；2、点击“医保服务”；3、提交材料。请于国庆节前完成申报，逾期不予受理。",
    "申请条件：（一）本市户籍；（二）年满60周岁。符合条件的居民可到社区事务受理服务中心办理。",
    "招标公告\n一、投标人资格要求：具有独立法人资格。\n二、投标截止时间：2015年8月24日15时30分。",
    "中投顾问医药行业研究员表示，去年同期华熙生物营收增长了两成，月均出口额约3000万美元。",
    "国家卫计委统计信息中心与国家食品药品监督管理局南方医药经济研究所（下称南方所）发布报告。",
]


def _texts() -> list[str]:
    files = sorted(p for d in ("seeds", "gold", "heldout") for p in (CORPORA / d).iterdir()
                   if p.is_file() and not p.name.endswith((".json", ".csv", ".md")))
    ingest = extract.Options(components=())
    return [extract.parse_file(str(p), options=ingest).text for p in files] + TEXTS


@pytest.fixture
def no_file_reads(monkeypatch):
    """Refuse every open, and remember it: the pipeline turns an extractor's exception into an
    error record, so the list, not the exception, is what the test reads."""
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args[:1])
        raise AssertionError(f"a warm parse opened a file: {args[:1]!r}")
    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(os, "open", refuse)
    return opened


def test_a_warm_parse_opens_no_file(request):
    texts = _texts()
    assert len(texts) > 30
    for text in texts:                                  # cold: tables load here
        extract.parse(text, published="2024-06-01")
    opened = request.getfixturevalue("no_file_reads")
    for text in texts:
        doc = extract.parse(text, published="2024-06-01")
        assert not doc.errors, doc.errors
    assert opened == []


def test_the_guard_catches_a_read(no_file_reads):
    with pytest.raises(AssertionError, match="opened a file"):
        open(__file__, encoding="utf-8")
