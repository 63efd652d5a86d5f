"""Seventh performance round of the procedures stage: each shortcut gives what the plain
scan it replaces gives, on written sentences built to reach its edge cases (and the
development corpus's bulk files through tests/test_procedures_scans.py)."""
from __future__ import annotations

import itertools
import random

from extract.procedures import condition_scans


def _spans(ms) -> list[tuple[int, int]]:
    return [m.span() for m in ms]


# pieces of eligibility subjects (凡是本市户籍的参保人员，均可申请) and of text around them
_BREAKS = ["，", ",", "。", "；", "：", ":", "\n", ""]
_PREFIXES = ["", "1.", "２．", " ", "1. \t  \t ", "（一）", "对于", "凡是"]
_WHO = ["本市户籍", "失能等级评估,", "了解到", " 城乡", "的", "甲", "享受低保待遇"]
_OF = ["的", "", "的困难"]
_PEOPLE = ["人员", "参保人", "居民", "老年人", "患者", ""]
_BETWEEN = ["", "，", "，经审核后，", "，,", "。"]
_MODALS = ["可以", "可", "均可", "都可以", ""]
_VERBS = ["申请", "享受", "在社区服务中心申请", "向窗口办理", "到,街道办理", ""]


def _subject_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 5)):
            parts += [rng.choice(_BREAKS), rng.choice(_PREFIXES), rng.choice(_WHO) * rng.randint(1, 3),
                      rng.choice(_OF), rng.choice(_PEOPLE), rng.choice(_BETWEEN), rng.choice(_MODALS),
                      rng.choice(_VERBS)]
        out.append("".join(parts))
    return out


WRITTEN = [
    "凡是本市户籍的参保人员，均可申请。符合条件的城乡居民可以在街道办理。",
    "通知如下：1.    \t  年满60周岁且具有本市户籍的老年人可以享受免费体检。",
    "经评估,符合待遇享受条件的参保人,均可申请。另外，患有慢性病的患者，经审核后，可以到医院申请。",
    "他表示，参加本市职工医保的人员均可申请。了解到，本市户籍的居民可申请。",
    "，，，本市户籍的人员，可以申请",
    "失能的老年人可以申请" + "，" * 300 + "本市的困难家庭可以免费办理",
]


def test_subject_core_anchors_agree_with_finditer():
    """eligibility_subject tried only after the breaks of a clause holding its core
    (的…人员/居民/…): its matches are every match of a plain scan."""
    rx = condition_scans._rx()["subject"]
    texts = WRITTEN + _subject_texts(3000, 11) + ["".join(p) for p in itertools.product(_BREAKS[:3], _PREFIXES, _WHO[:3])]
    found = 0
    for text in texts:
        plain = _spans(rx.finditer(text))
        assert _spans(condition_scans._clause_finditer(text, "subject")) == plain, text
        found += len(plain)
    assert found > 1000  # the texts reach the pattern (not only its misses)


def test_subject_core_anchors_are_the_breaks_of_core_clauses():
    """The breaks tried are those of the clauses before an occurrence of the core: a text
    of many clauses without one offers only its start."""
    rx = condition_scans._rx()
    core, ends = rx["cores"]["subject"]
    trigger = rx["clause_starts"]["subject"]
    text = "本市居民，" * 200 + "参加本市职工医保的人员，可以申请。"
    anchors = condition_scans._core_anchors(text, trigger, core, ends)
    assert anchors == [0, 5 * 200]
    assert condition_scans._core_anchors("，" * 50, trigger, core, ends) == [0]


MARKED = ("办理流程：①登录“随申办”APP；②点击【医保服务】；③上传材料。\n第一步，填写申请表；第二步：提交。"
          "步骤1 预约；步骤2 到窗口办理。Step1 打开小程序 step 2 注册 ⑳⑪⑫" + "申请人可向街道提出申请。" * 3)


def test_unanchored_markers_scanned_around_their_words():
    """The marker patterns scanned anywhere (①…⑳ by its first characters, 第…步 and Step by
    their words) find, from the article's word pass, what a whole-text scan finds."""
    from extract.procedures import lists
    from extract.procedures.words import Article

    _, fams = lists._config()
    scanned = [(rx, first) for fam in fams for rx, where, first in zip(fam.patterns, fam.starts, fam.firsts)
               if where is None]
    assert all(first for _, first in scanned)  # every one has words: none is scanned whole
    for text in (MARKED, MARKED[7:], "无序号的正文。" * 20):
        art = Article(text)
        for rx, first in scanned:
            assert _spans(art.finditer(rx, first)) == _spans(rx.finditer(text))


def test_occurrences_are_every_occurrence_by_end():
    """Article.occurrences (from the hits grouped by word) lists every occurrence of the
    words, overlapping ones too, in the automaton's order (by end, the longest first)."""
    from extract.procedures.words import Article

    art = Article(MARKED)
    for words in (("申请",), ("申请", "申请人"), ("①", "②", "⑳", "⑪"), ("第",), ("未出现的词",)):
        if art.vocabulary.ids(words) is None:
            continue
        expected = sorted(((s, s + len(w)) for w in words for s in range(len(MARKED)) if MARKED.startswith(w, s)),
                          key=lambda t: (t[1], -(t[1] - t[0])))
        assert art.occurrences(words) == expected


_READ_THEN_TESTED = __import__("re").compile(r"(.)\(\?<!\[([^\]]+)\]\1\)")

GUARDED = ("申请人可以向街道提出申请，不可能一次办完；请携带身份证，邀请函不需要。所需材料须知：务必于月底前缴费，"
           "必须本人到场。相应窗口应当受理，应用程序需要更新。重要的是要及时申报，主要内容如下；首先先注册，"
           "先进个人事迹，优先办理，应先进行评定。可向户籍所在地镇人民政府提出申请，在职人员在线申请，现在在社区服务中心办理。")


def test_patterns_reading_their_word_first_match_as_written_before():
    """modal_pattern, first_marker and office_preps open each alternative with its word and
    test the character before it afterwards (请(?<![申…]请)): the same matches as the form
    that tests first ((?<![申…])请), which re cannot skip to."""
    import re

    from extract.procedures.lexicon import lexicon

    lex = lexicon()
    data = lex.data
    checks = [(lex.modal_re, "(?:" + "|".join(data["negations"]) + ")|(?:" + data["modal_pattern"] + ")"),
              (re.compile(data["first_marker"]), data["first_marker"]),
              (lex.office_broad_re, lex.office_broad_re.pattern)]
    for rx, written in checks:
        before = _READ_THEN_TESTED.sub(r"(?<![\2])\1", written)
        assert before != written
        old = re.compile(before)
        for k in range(0, len(GUARDED), 3):
            for text in (GUARDED, GUARDED[k:], GUARDED[:k]):
                assert _spans(rx.finditer(text)) == _spans(old.finditer(text))
                assert _spans(rx.finditer(text, 1, len(text) - 1)) == _spans(old.finditer(text, 1, len(text) - 1))
        assert rx.findall(GUARDED)
