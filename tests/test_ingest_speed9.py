"""The seventeenth speed round's shortcuts give the answers of the code they replace: a
line's Han characters counted by runs as findall of single characters counted them, and
the date-gap removal tried at its candidate positions only as `_DATE_GAP.sub` removes the
gaps over the whole text (sparse blanks: the candidate path; dense blanks: the engine), and
lone surrogates found (after UTF-8's strict encoder says there are some) as the scan finds them.
(Speed is measured by benchmarks, not here.)"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract import pipeline
from extract.ingest import decode
from extract.ingest.articles import Line

_PIECES = st.sampled_from(["2024", "年", "月", "日", " ", " ", "\t", "\n", "\n", "6", "１", "٣", "医保", "中国",
                           "。", "a", "ab cd", "\u3400", "𠀀", "，", "年\n", "月 ", "3 月", "2024 年\n6 月 1 日"])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)
_LONG = st.lists(_PIECES, min_size=40, max_size=120).map(lambda p: "医保政策解读" * 20 + "".join(p))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_prose_tells_fifteen_han_characters_as_their_count_does(text):
    for t in (text, text * 4):
        line = Line(0, len(t), t)
        many, length = line.prose
        if line.blank or line.title:
            assert (many, length) == (False, 0)
        else:
            assert many == (len(re.findall(r"[\u4e00-\u9fff]", t)) >= 15) and length == len(t)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _LONG))
def test_date_gaps_dropped_as_the_whole_text_substitution_drops_them(text):
    assert pipeline._drop_date_gaps(text) == pipeline._DATE_GAP.sub("", text)


def test_date_gaps_on_both_paths():
    sparse = "医保新政" * 100 + "\n2024 年\n6 月 1 日起实施，自2024年\n7月起。"
    dense = "a b c d 2024 年 6 月 1 日 e f"
    for text in (sparse, dense):
        assert pipeline._drop_date_gaps(text) == pipeline._DATE_GAP.sub("", text)
    assert "2024年6月1日" in pipeline._drop_date_gaps(sparse) and "2024年\n7月" not in pipeline._drop_date_gaps(sparse)
    assert pipeline._drop_date_gaps("没有日期的文字") == "没有日期的文字"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["医保", "a", "\ud800", "\udc80", "\udfff", "\x00", "😀", "\n"]), max_size=20).map("".join))
def test_lone_surrogates_found_as_the_scan_finds_them(text):
    assert decode._marks(text) == decode._positions(text, decode._MARK)
