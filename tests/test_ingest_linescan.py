"""The line scans of the ingest stage against the per-line tests they stand in for: a line a
pattern matches (rx.search(line.strip())) is always among the lines its scan finds
(linescan.line_scan / any_line_scan: a stripped line's first or last character for an
anchored pattern, else the words it needs), and a dateline read again gives a fresh,
equal result."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.ingest import datelines, linescan, meta
from extract.ingest.articles import split_articles

from conftest import bulk_files, dev_article


def _patterns() -> list:
    p = meta.patterns()
    return p["article_end"] + p["article_lead"] + p["bylines"] + [p["source_tag"]] + datelines.rules()["lead"]


# pieces of the lines these patterns are about, with the blanks a stripped line loses
_PIECES = st.sampled_from(["（", "）", "(", ")", "■", "摄", "记者", "通讯员", "整理", "据", "本报讯", "新华社", "中新网",
                           "人民日报", "报道", "北京", "3月5日电", "消息", "讯", "张三", "李四", "医保局", "中心", "。", "”",
                           " ", "\u3000", "\t", "\n", "\n", "\x0b", "a", "1"])
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


def _matched(rx, text: str) -> set[int]:
    return {i for i, ln in enumerate(text.split("\n")) if rx.search(ln.strip())}


def _found(scan, text: str) -> set[int]:
    hits = linescan.lines_holding(text, scan)
    return set(range(text.count("\n") + 1)) if hits is None else hits


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_line_scan_finds_every_line_a_pattern_matches(text):
    for rx in _patterns():
        assert _matched(rx, text) <= _found(linescan.line_scan(rx), text), getattr(rx, "pattern", rx)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_one_scan_for_a_family(text):
    p = meta.patterns()
    for family, scan in ((p["article_end"], meta.end_lines()), (p["article_lead"], meta.lead_lines())):
        want = set().union(*(_matched(rx, text) for rx in family))
        assert want <= _found(scan, text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_opening_lead_and_closing_line_as_without_the_scans(text):
    p = meta.patterns()
    for line in text.split("\n"):
        t = line.strip()
        lead = next((m for rx in p["article_lead"] for m in [rx.match(t)] if m), None)
        got = meta.opening_lead(line)
        assert (got and got.group(0)) == (lead and lead.group(0))


def test_edge_scans_are_sharp():
    """The scans found by the edges, not by a word on every other line: （ or 据 anywhere
    does not make a line a candidate."""
    text = "参保人可据此申请（含退休人员）。\n本报讯 记者张三报道\n（记者 李四）\n新华社北京3月5日电\n会议由中心主持。"
    assert linescan.lines_holding(text, meta.lead_lines()) == {1, 3}
    assert linescan.lines_holding(text, meta.end_lines()) == {2}
    assert isinstance(meta.lead_lines(), linescan.Opening)
    assert linescan.lines_holding("据说\n  据报道", linescan.Opening(frozenset("据"))) == {0, 1}


def test_real_lines_matched_are_found():
    files = [dev_article("104")] + bulk_files("*")[:60]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for rx in _patterns():
            assert _matched(rx, text) <= _found(linescan.line_scan(rx), text), (path.name, rx.pattern)


def test_articles_split_as_before_on_a_written_page():
    page = ("医保局发布新规\n本报讯（记者 王五）6月1日起，门诊报销比例提高到70%，参保人无需申请，系统自动结算。\n"
            "（记者 王五 整理）\n\n新华社北京3月5日电 国家医保局表示，今年将继续扩大集采范围，惠及更多患者。\n（李华）")
    arts = split_articles(page)
    assert [page[a.start:a.end].split("\n")[0] for a in arts] == ["医保局发布新规", "新华社北京3月5日电 国家医保局表示，今年将继续扩大集采范围，惠及更多患者。"]
    assert arts[0].byline == ["王五"] and arts[1].outlet == "新华社"


def test_a_dateline_read_twice_is_a_fresh_equal_result():
    line = "发布时间：2024-08-27 10:26 作者：张三 来源：江州日报"
    first = datelines.parse_line(line)
    assert (first.published, first.time, first.outlet, first.authors) == ("2024-08-27", "10:26", "江州日报", ["张三"])
    first.authors.append("李四")
    first.merge(datelines.Dateline(outlet="别的报"))
    again = datelines.parse_line(line)
    assert again is not first
    assert (again.published, again.time, again.outlet, again.authors) == ("2024-08-27", "10:26", "江州日报", ["张三"])
    assert datelines.parse_line("务必于2023年12月25日17:30前提交材料") is None


@pytest.mark.parametrize("pattern, want", [
    (r"（记者\s{0,3}[\u4e00-\u9fff]{2,4}）\s{0,3}$", "[（）]"),  # closes with ）
    (r"^据[\u4e00-\u9fff]{2,6}报道", None),  # opens with 据: an Opening
    (r"[\u4e00-\u9fff]{2,4}$", None),  # any CJK last: too wide, the words decide
])
def test_edge_scan_shapes(pattern, want):
    scan = linescan.line_scan(re.compile(pattern, re.M))
    if want is None and pattern.startswith("^"):
        assert isinstance(scan, linescan.Opening) and scan.chars == frozenset("据")
    elif want is None:
        assert scan is None
    else:
        assert scan is not None and "[^\\S\\n]*$" in scan.pattern
