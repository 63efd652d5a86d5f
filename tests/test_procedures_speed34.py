"""Thirty-fourth performance round of the procedures stage: the anchored list markers read at
the anchor places (each body that admits the character there matched once, instead of the
anchor pattern's look-ahead over every body and then each family's pattern again). The
markers found so are what each family's pattern finds from the anchors; the bare menu paths'
stretches without a cue left unscanned keep every cued match; the question-mark line ends
from the article's word pass; eligibility_if matched at its opening words: each as the scan
it replaces, on random strings over the characters that matter and on the throughput
benchmark's texts."""
from __future__ import annotations

import pytest

from conftest import random_texts, throughput_texts
from extract import literals
from extract.procedures import condition_scans, lists, paths, qa
from extract.procedures.words import article

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


# --- the bare menu paths' stretches without a cue, the question lines, eligibility_if's words

PATH_PIECES = ["＞", ">", "》", "《", "—", "——", "－", " ", "我的", "社保卡", "申领", "服务", "点击", "选择", "依次", "进入",
               "栏目", "路径：", "。", "，", "\n", "的", "A1", "医保查询"]
IF_PIECES = ["若", "如果", "如何", "只要", "只有", "，", "就", "即", "均", "可", "可以", "能", "进行", "办理", "申请", "参保人",
             "符合条件", "如下", "就可以", "均可办理", "都能申请", "，即可进行", "。", "\n"]


def _cued(text: str, ms) -> list[tuple[int, int]]:
    cue = paths._patterns()[7]
    return [m.span() for m in ms if paths._may_be_cued(text, m.start(), m.end(), cue)]


def test_the_cue_pattern_has_no_look_around_or_anchor():
    # (a match of it in part of a range is then one in the range: what the stretch test needs)
    parsed = literals._parse_cased(paths._patterns()[7].pattern, 0)
    assert condition_scans._looks_behind(parsed.data) is False and "ASSERT" not in repr(parsed.data)


def test_bare_paths_without_uncued_stretches_keep_every_cued_match():
    cue = paths._patterns()[7]
    bare = paths._patterns()[5]
    kept = 0
    for text in random_texts(PATH_PIECES, 20000, 341, 30):
        for lo, hi in ((0, len(text)), (min(3, len(text)), max(min(3, len(text)), len(text) - 2))):
            want = _cued(text, bare.finditer(text, lo, hi))
            assert _cued(text, paths._bare_paths(text, lo, hi, cue)) == want, (text, lo, hi)
            kept += len(want)
    assert kept > 1000
    for text in throughput_texts():
        assert _cued(text, paths._bare_paths(text, 0, len(text), cue)) == _cued(text, bare.finditer(text))


def test_question_line_ends_from_the_word_pass():
    for text in random_texts(["？", "?", "\n", "如何办理", "。", "问"], 5000, 342, 30) + throughput_texts():
        want = sorted(literals.find_all(text, "？\n") + literals.find_all(text, "?\n"))
        assert qa._question_mark_lines(text) == want, text


def test_eligibility_if_opens_with_its_words_and_is_matched_at_them():
    assert condition_scans._lead_words("if") == ("只要", "如果", "若")
    assert condition_scans._lead_words("all_who") == ("凡",) and condition_scans._lead_words("who_question") == ("哪些人",)
    rx = condition_scans._rx()["if"]
    found = 0
    for text in random_texts(IF_PIECES, 20000, 343, 40) + throughput_texts():
        got = [(m.span(), m.groups()) for m in article(text).led_matches(rx, condition_scans._lead_words("if"))]
        assert got == [(m.span(), m.groups()) for m in rx.finditer(text)], text
        found += len(got)
    assert found > 500
