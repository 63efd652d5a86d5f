"""The thirty-fourth speed round's shortcuts give the answers of the code they replace, each
checked against that code (written out here as it was) on hypothesis-drawn strings and on the
throughput benchmark's texts: sniff asking its Markdown signals only while they can change the
answer, _probe finding the spaces once, holds_word finding the words sharing a pivot character
in one pass, merge without an empty dict per source, first_lead_outlet looking for 据 lines only
when the head holds 据, split_header splitting only the lines it reads, the pipeline's memoized
date parses, drop_chrome_lines' inline chrome test. (Speed is measured by benchmarks.)"""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import literals, pipeline, wordfind
from extract.ingest import datelines, exports, lines, meta, sniff
from extract.ingest.boilerplate import rules
from extract.offsets import Mapped
from extract.refdate import RefDate

from conftest import throughput_texts


def _texts(pieces, max_size=40):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# -- sniff ---------------------------------------------------------------------------

def _sniff_before(text: str) -> str:
    head = text[:20000]
    stripped = head.lstrip()
    tags = len(sniff._TAG.findall(head)) if "<" in head else 0
    if sniff._MD[0].match(stripped) and not sniff._DOCUMENT.search(head):
        return "markdown"
    if stripped.startswith("<") and tags >= 2:
        return "html"
    if tags >= 5 and tags * 200 > len(head):
        return "html"
    nl_head = "\n" + head
    hits = [any(c in head for c in need) and rx.search(nl_head) is not None
            for rx, need in zip(sniff._MD_NL, sniff._MD_NEEDS)]
    signals = sum(hits)
    strong = hits[0] or hits[1] or hits[2]
    if signals >= 2 or (signals == 1 and strong and hits[0]):
        return "markdown"
    return "text"


_MD_PIECES = ["# ", "#", "**", "*", "**粗体**", "](", "[链接](http://a.cn)", "> ", ">", "- ", "* ", "+ ", "-",
              "|a|", "|", "\n", "\n", " ", "\t", "医保", "a", "<p>", "<div>", "<html>"]


@settings(max_examples=500, deadline=None)
@given(_texts(_MD_PIECES))
def test_sniff_answers_as_before(text):
    assert sniff.sniff(text) == _sniff_before(text)


def test_sniff_answers_as_before_on_the_throughput_texts():
    for t in throughput_texts():
        assert sniff.sniff(t) == _sniff_before(t)


# -- _probe ----------------------------------------------------------------------------

def _probe_before(m: Mapped) -> str:
    text = m.text
    if "  " in text or "\t" in text:
        text = pipeline._BLANK_RUN.sub(" ", text)
    return pipeline._DATE_GAP.sub("", text)  # (what _drop_date_gaps gives: test_ingest_speed9)


_DATE_PIECES = ["2024", "年", "月", "日", " ", " ", "  ", "\t", "\n", "6", "医保", "。", "a", "ab cd", "年\n", "月 ",
                "3 月", "2024 年\n6 月 1 日"]


@settings(max_examples=500, deadline=None)
@given(_texts(_DATE_PIECES))
def test_probe_answers_as_before(text):
    for t in (text, text + "医保政策解读" * 20):  # (sparse and dense spaces)
        assert pipeline._probe(Mapped.identity(t)) == _probe_before(Mapped.identity(t))


def test_probe_answers_as_before_on_the_throughput_texts():
    for t in throughput_texts():
        m = lines.normalize_chars(Mapped.identity(t))
        assert pipeline._probe(m) == _probe_before(m)


# -- holds_word ------------------------------------------------------------------------

def _holds_word_before(text, words, pos=0, endpos=sys.maxsize):
    end = len(text) if endpos > len(text) else endpos
    for w in words:
        c, off = literals.pivot(w)
        lo, hi = pos + off, end - len(w) + off + 1
        if hi <= lo:
            continue
        p = text.find(c, lo, hi)
        if len(w) == 1:
            if p >= 0:
                return True
            continue
        while p >= 0:
            if text.startswith(w, p - off):
                return True
            p = text.find(c, p + 1, hi)
    return False


_WORDS = st.sampled_from([("布单位", "布机关", "布机构", "文单位", "文机关"), ("单", "位单", "a"), ("年",),
                          ("位", "单位", "机单位"), ("月日", "日", "月"), ("发布单位", "发布机构", "来源")])


@settings(max_examples=1000, deadline=None)
@given(_texts(list("布单位文机关构年月日a来源发") + ["\n"], 30), _WORDS, st.integers(0, 32),
       st.one_of(st.just(sys.maxsize), st.integers(0, 32)))
def test_holds_word_answers_as_before(text, words, pos, endpos):
    assert literals.holds_word(text, words, pos, endpos) == _holds_word_before(text, words, pos, endpos)


def test_words_sharing_a_pivot_are_found_in_one_pass():
    plan = wordfind._pivot_plan(("布单位", "布机关", "布机构", "文单位", "文机关"))
    assert len(plan) == 4 and [w for w, _, _ in plan[0][1]] == ["布单位", "文单位"]


# -- merge -----------------------------------------------------------------------------

def _merge_before(found):
    fields, sources = {}, {}
    for fld in meta.FIELDS:
        for src in meta.PRIORITY[fld]:
            v = (found.get(src) or {}).get(fld)
            if v in (None, "", []):
                continue
            if fld == "authors" and sources.get(fld, "").split(":")[0] in meta._AUTHOR_UNION and src.startswith(
                    ("front_matter", "manifest")):
                v = list(dict.fromkeys(list(v) + [a for a in fields[fld] if a not in v]))
            fields[fld] = v
            sources[fld] = src.split(":")[0]
    return fields, sources


_SOURCES = sorted({s for srcs in meta.PRIORITY.values() for s in srcs})
_VALUES = st.sampled_from([None, "", [], "新京报", "2024-06-01", ["张三"], ["李四", "张三"]])
_PART = st.one_of(st.none(), st.dictionaries(st.sampled_from(list(meta.FIELDS)), _VALUES, max_size=5))


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(_SOURCES), _PART, max_size=8))
def test_merge_answers_as_before(found):
    assert meta.merge(found) == _merge_before(found)


# -- first_lead_outlet, split_header ---------------------------------------------------

def _first_lead_outlet_before(head):
    for line in datelines._holding(head, datelines.lead_scan()):
        name = datelines.lead_outlet(line)
        if name:
            return name
    for line in head:
        if line.lstrip().startswith("据"):
            name = datelines.lead_outlet(line)
            if name:
                return name
    return None


_LEAD_LINES = st.sampled_from(["据新华社报道，", "据中国证券报，医保", " 据解放日报消息", "新华社北京3月5日电", "央视网消息（新闻联播）：",
                               "本报讯 医保", "数据显示", "根据规定", "医保政策", "6月1日", "", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LEAD_LINES, max_size=8))
def test_first_lead_outlet_answers_as_before(head):
    assert datelines.first_lead_outlet(head) == _first_lead_outlet_before(head)


def test_split_header_reads_its_first_twelve_lines_only():
    fields = "".join(f"字段{k}：{k}\n" for k in range(14))
    for text in ("标题：医保新政\n日期：2024-06-01\n-----\n正文", "标题：医保新政\n" + fields + "-----\n正文",
                 "标题：医保新政\n" + "日期：2024-06-01\n" * 10 + "-----\n正文", "标题：医保新政\n" * 11 + "-----\n正文"):
        got = exports.split_header(text)
        assert got == exports.split_header(text + "\n" * 3)  # (what follows the 12 lines is not read)
        assert got == exports.split_header(text + "\n-----\n作者：李四\n" * 3)
    assert exports.split_header("标题：医保新政\n日期：2024-06-01\n-----\n正文")[1] > 0
    assert exports.split_header("标题：医保新政\n" + fields + "-----\n正文") == ({}, 0, None, None)  # (the rule is line 16)


# -- the pipeline's date parses --------------------------------------------------------

@pytest.mark.parametrize("value", ["2024-06-01", "2024-06", "2024", "2021年11月25日", " 2024-06-01 ", "",
                                   "Thu, 25 Nov 2021 06:20:36 GMT", "not a date", "2023-02-30", None,
                                   RefDate(2024, 6, 1)])
def test_memoized_date_parses_answer_as_refdate(value):
    for _ in range(2):  # (the second from the memo)
        assert pipeline._try_date(value) == RefDate.try_parse(value)
        try:
            want = RefDate.parse(value)
        except (ValueError, OverflowError) as e:
            with pytest.raises(type(e)):
                pipeline._date(value)
        else:
            assert pipeline._date(value) == want


# -- drop_chrome_lines' inline test ----------------------------------------------------

def _inline(chrome, t, floating):
    opening, closing_chars, closing, floating_rx = chrome.tests()
    return bool((opening is not None and opening(t)) or (t[-1] in closing_chars and closing(t)) or (
        floating_rx is not None and floating and floating_rx(t)))


def test_inline_chrome_test_answers_as_match_on_the_throughput_texts():
    chrome = rules()["drop_lines_rx"]
    for text in throughput_texts():
        for line in text.split("\n"):
            t = line.strip()
            if t:
                for floating in (True, False):
                    assert _inline(chrome, t, floating) == bool(chrome.match(t, floating)), t


_CHROME_PIECES = st.sampled_from(["责任编辑：张三", "分享到", "浏览次数：", "ICP备", "版权归原作者所有", "关注我们", "）",
                                  "打印", "医保", "（完）", "上一篇", "点击", "1", "。", " ", "a"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_CHROME_PIECES, min_size=1, max_size=6).map("".join))
def test_inline_chrome_test_answers_as_match(t):
    t = t.strip() or "医保"
    chrome = rules()["drop_lines_rx"]
    for floating in (True, False):
        assert _inline(chrome, t, floating) == bool(chrome.match(t, floating))


def test_drop_chrome_lines_keeps_what_match_keeps():
    # drop_chrome_lines with its inline test against the same loop asking ChromeLines.match
    text = "医保新政发布。\n责任编辑：张三\n分享到\n正文一段，医保。\n版权归原作者所有\n（完）"
    out = lines.drop_chrome_lines(Mapped.identity(text)).text
    chrome = rules()["drop_lines_rx"]
    assert out.split("\n") == [ln for ln in text.split("\n") if not chrome.match(ln.strip())]
    assert re.search("责任编辑|分享到|版权", out) is None
