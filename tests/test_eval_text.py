"""Folding (whitespace removed, NFKC), locating gold texts in a document, and
the sentence shown beside an error."""
from __future__ import annotations

import pytest

from extract.evaluation.align import locate, place_in_order
from extract.evaluation.text import Folded, fold, sentence_around, text_overlap

FOLD = [
    ("ocr-wrap", "2023 年\n12 月 25 日", "2023年12月25日"),
    ("full-width", "７０％", "70%"),
    ("ideographic-space", "上海\u3000市医保局", "上海市医保局"),
    ("zero-width", "随申\u200b办", "随申办"),
    ("none", None, ""),
]


@pytest.mark.parametrize("raw,folded", [c[1:] for c in FOLD], ids=[c[0] for c in FOLD])
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_folded_span_maps_back_to_original():
    text = "务必于 2023年\n12 月25日前缴费"
    f = Folded.of(text)
    hit = f.find("2023年12月25日")
    start, end = f.span(*hit)
    assert text[start:end] == "2023年\n12 月25日"


def test_place_in_order_takes_occurrences_in_turn():
    text = "2023年参保，2023年缴费，今年完成。"
    spans = place_in_order(Folded.of(text), ["2023年", "2023年", "今年", "明年"])
    assert spans == [(0, 5), (8, 13), (16, 18), None]


def test_place_out_of_order_falls_back_to_a_free_occurrence():
    text = "甲医院与乙医院"
    assert place_in_order(Folded.of(text), ["乙医院", "甲医院"]) == [(4, 7), (0, 3)]


def test_locate_prefers_after_position():
    text = "缴费。再缴费。"
    assert locate(Folded.of(text), "缴费", near=2) == (4, 6)
    assert locate(Folded.of(text), "退费") is None


SENTENCES = [
    ("middle", "第一句。参保人务必于12月31日前缴费！第三句", "12月31日", "参保人务必于12月31日前缴费！"),
    ("line-break", "标题\n正文2024年度参保\n下一段", "2024年度", "正文2024年度参保"),
]


@pytest.mark.parametrize("text,needle,sentence", [c[1:] for c in SENTENCES], ids=[c[0] for c in SENTENCES])
def test_sentence_around(text, needle, sentence):
    at = text.index(needle)
    assert sentence_around(text, at, at + len(needle)) == sentence


OVERLAP = [
    ("contained", "填写申请表", "填写申请", True),
    ("half-shared", "完成个人缴费", "个人缴费并登记", True),
    ("one-char-shared", "完成缴费", "提交材料费", False),
    ("empty", "完成缴费", None, False),
]


@pytest.mark.parametrize("a,b,expected", [c[1:] for c in OVERLAP], ids=[c[0] for c in OVERLAP])
def test_text_overlap(a, b, expected):
    assert text_overlap(a, b) is expected


def test_nested_text_takes_the_next_free_occurrence():
    text = "1.2万至10万元（含10万元）"
    spans = place_in_order(Folded.of(text), ["1.2万至10万元", "10万元"])
    assert spans == [(0, 9), (11, 15)]


def test_one_stray_gold_item_does_not_push_the_rest_off():
    # the gold lists 参保 twice where the text has it once: the items after it stay in place
    text = "参保登记。今年缴费。明年报销。年底参保。"
    spans = place_in_order(Folded.of(text), ["参保", "参保", "今年", "明年", "年底"])
    assert spans[2:] == [(5, 7), (10, 12), (15, 17)]
    assert spans[0] == (0, 2) and spans[1] == (17, 19)  # the stray one takes the free occurrence
