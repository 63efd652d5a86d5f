"""The eighth round's ingest shortcuts give the answers of the slower code they replace:
a Closing line scan finds the lines its regex alternation finds, datelines.fold folds as a
full translate would, lead_head turns down no line a lead matches, and the widget words
drop_chrome_lines checks before reading a dateline are in every line its widgets pattern
finds. (Speed is measured by benchmarks, not here.)"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.ingest import datelines, linescan
from extract.ingest.boilerplate import rules as chrome_rules
from extract.ingest.lines import _words, drop_chrome_lines
from extract.offsets import Mapped

from conftest import bulk_files

_PIECES = st.sampled_from(["）", ")", "摄", "■", "（记者 张三）", " ", "\u3000", "\xa0", "\t", "\x0b", "\n", "\n",
                           "１２", "2024年", "：", ":", "来源", "据", "人民日报", "新华社北京3月5日电", "报道", "消息",
                           "浏览次数：", "【打印】", "编辑", "字号：大 中 小", "医保", "。", "a"])
_TEXTS = st.lists(_PIECES, max_size=20).map("".join)


def _regex_lines(text: str, chars: frozenset[str]) -> set[int]:
    rx = re.compile("|".join(re.escape(c) + r"[^\S\n]*$" for c in sorted(chars)), re.M)
    return {text.count("\n", 0, m.start()) for m in rx.finditer(text)}


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from([frozenset("）"), frozenset(")）"), frozenset("）)摄")]))
def test_closing_scan_finds_the_lines_its_regex_finds(text, chars):
    assert linescan.lines_holding(text, linescan.Closing(chars)) == _regex_lines(text, chars)


def test_closing_scans_are_shared_and_used_for_closing_patterns():
    scan = linescan.line_scan(re.compile(r"（记者\s{0,3}[\u4e00-\u9fff]{2,4}）\s{0,3}$", re.M))
    assert isinstance(scan, linescan.Closing) and scan == linescan.Closing(frozenset("）"))
    assert linescan.lines_holding("（张三）\n（李四） \n（王五）。\n末行）", scan) == {0, 1, 3}


def test_closing_scan_on_real_text_as_the_regex():
    for path in bulk_files("*")[:80]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for chars in (frozenset(")）"), frozenset("摄■")):
            assert linescan.lines_holding(text, linescan.Closing(chars)) == _regex_lines(text, chars), path.name


def _fold_by_translate(text: str) -> str:
    text = text.translate(datelines._FOLD)
    return re.sub(r"[ \t]+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_fold_as_a_full_translate(text):
    assert datelines.fold(text) == _fold_by_translate(text)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_lead_head_turns_down_no_lead(text):
    head = datelines.rules()["lead_head"]
    for line in text.split("\n"):
        t = datelines.fold(line)[:80]
        if any(rx.match(t) for rx in datelines.rules()["lead"]):
            assert head.match(t), t


def test_lead_outlet_still_names_the_outlets():
    assert datelines.lead_outlet("新华社北京3月5日电 国家医保局表示……") == "新华社"
    assert datelines.lead_outlet("据人民日报报道，今年起……") == "人民日报"
    assert datelines.lead_outlet("今年4月27日，由9家保险公司共同承保的惠民保上线") is None


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_widget_words_are_in_every_line_with_widgets(text):
    tail = chrome_rules()["dateline_tail_rx"]
    words = _words(tail)
    for line in text.split("\n"):
        if tail.search(line):
            assert words is not None and words.search(line), line


def test_a_dateline_keeps_its_line_and_loses_its_widgets():
    text = ("医保新规发布\n发布时间：2024-08-27 来源：江州日报 【打印】【关闭】\n编辑：张三\n"
            "门诊报销比例提高到70%。\n2024年度“惠民保”今起投保：")
    out = drop_chrome_lines(Mapped.identity(text, 0, len(text))).text
    assert out.split("\n") == ["医保新规发布", "发布时间：2024-08-27 来源：江州日报", "门诊报销比例提高到70%。",
                               "2024年度“惠民保”今起投保："]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["摄影记者", "见习记者", "记者", "摄影", "实习生", "通讯员", "摄", "影", "\n", "报道", " "]),
                max_size=16).map("".join))
def test_word_scan_without_the_words_holding_another(text):
    scan = re.compile("摄影记者|见习记者|实习生|通讯员|摄影|记者")
    assert linescan._plain_words(scan) == ("实习生", "通讯员", "摄影", "记者")  # found by str.find
    want = {text.count("\n", 0, m.start()) for m in scan.finditer(text)}
    assert linescan.lines_holding(text, scan) == want
