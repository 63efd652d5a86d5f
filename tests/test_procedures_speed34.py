"""Thirty-fourth performance round of the procedures stage: the anchored list markers read at
the anchor places (each body that admits the character there matched once, instead of the
anchor pattern's look-ahead over every body and then each family's pattern again). The
markers found so are what each family's pattern finds from the anchors, on random strings
over the characters that matter and on the throughput benchmark's texts."""
from __future__ import annotations

import pytest

from conftest import random_texts, throughput_texts
from extract.procedures import lists

ALPHABET = ["\n", "。", "；", ";", "：", ":", "！", "？", "!", "?", " ", " ", "\t", "\u3000", "（", "(", "1", "2",
            "3", "12", "5.", "一", "二", "十", "方法", "方式", "途径", "渠道", "是", "、", ".", "．", "）", ")", "第",
            "步", "中文", "1.5", "2、", "（一）", "3)", "四是"]


def _former_marks(text: str) -> dict:
    """Each anchored marker pattern's matches as the former code found them: the pattern
    matched at every anchor (_anchored_finditer), the start after its spaces and blanks."""
    data, fams = lists._config()
    anchors = [0] + [m.start() + 1 for m in data["start_res"]["anchor"].finditer(text)]
    out = {}
    for fam in fams:
        for k, (rx, where) in enumerate(zip(fam.patterns, fam.starts)):
            if where != "anchor":
                continue
            found = []
            for m in lists._anchored_finditer(text, rx, anchors):
                s = m.start()
                while s < m.end() and text[s] in " \t\u3000\n":
                    s += 1
                found.append((s, m.end(), lists._number(m.group(1))))
            if found:
                out[(fam.name, k)] = found
    return out


def test_the_marks_are_read_at_the_anchors():
    data, _ = lists._config()
    assert data["marks_res"] is not None  # (every anchored body's first characters are known)


def test_anchor_marks_equal_each_pattern_s_matches_on_random_strings():
    data, _ = lists._config()
    seen = 0
    for text in random_texts(ALPHABET, 30000, 34, 40):
        anchors, marks = lists._anchor_marks(text, data)
        assert anchors == [0] + [m.start() + 1 for m in data["start_res"]["anchor"].finditer(text)], text
        assert marks == _former_marks(text), text
        seen += bool(marks)
    assert seen > 5000


@pytest.mark.parametrize("k", range(len(throughput_texts())))
def test_anchor_marks_equal_each_pattern_s_matches_on_the_throughput_texts(k):
    text = throughput_texts()[k]
    data, _ = lists._config()
    anchors, marks = lists._anchor_marks(text, data)
    assert anchors == [0] + [m.start() + 1 for m in data["start_res"]["anchor"].finditer(text)]
    assert marks == _former_marks(text)


def test_a_run_after_an_anchor_is_a_list():
    text = "办理流程：1.登录APP；2.选择服务；3.提交申请。\n（一）第一项\n（二）第二项"
    found = [(l.family, len(l.items)) for l in lists._runs(text)]
    assert ("arabic", 3) in found and ("chinese_paren", 2) in found
    # 1.5万元 starts no list: a digit after the point
    assert not [l for l in lists._runs("补贴：1.5万元。2.5万元") if l.family == "arabic"]
