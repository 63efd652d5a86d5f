"""The article's one word pass (extract/procedures/words.py) answers what the separate scans
it replaces answer: each guard of the stage (literals.holds_any on the text), the channel
suffixes' matches (suffix_re.finditer), the gazetteer's occurrences, and the word starts that
pick sentences (at least every sentence a pattern matches). Checked on written sentences and,
when present, on the development corpus's bulk files (their ingested text)."""
from __future__ import annotations

import pytest

from extract.literals import holds_any
from extract.procedures import condition_scans, lists, prose
from extract.procedures.channels import _suffix_matches
from extract.procedures.clauses import Sentences, WordHits, sentences
from extract.procedures.lexicon import lexicon
from extract.procedures.words import Article, article, vocabulary

from conftest import bulk_texts

WRITTEN = (
    "参保人可通过“随申办”APP、“上海医保”微信公众号、支付宝小程序或拨打12345热线咨询；也可前往社区事务受理服务中心办理。\n"
    "第一步，登录网上服务大厅；第二步，先注册，再申请。Q\n哪些人可以申请？\n凡是本市户籍的参保人员，均可申请。\n"
    "微信小程序小程序APPApp客户端官网网站→办理条件：符合下列条件之一。电话：021-12345678"
)


# the written texts, and every 20th of the 880 bulk files where they are present
TEXTS = [WRITTEN, WRITTEN[7:], "", "小程序" * 40, "申请" * 30 + "先先"] + bulk_texts(20)


def _guards() -> list[tuple[str, ...]]:
    lex = lexicon()
    groups = list(lex.guards.values()) + list(condition_scans._guards().values()) + lists.scanned_words()
    return [g for g in groups if g]


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_guards_answer_as_the_text_does(k):
    text = TEXTS[k]
    art = Article(text)
    for words in _guards():
        assert art.holds_any(words) == holds_any(text, words), words
    assert art.holds_any(None)
    # a word the stage never registered is looked up in the text itself
    assert art.holds_any(("不在词表里的词",)) is False
    assert art.holds_any(("不在词表里的词", "的")) == ("的" in text)


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_suffixes_and_names_as_their_own_scans_find_them(k):
    text = TEXTS[k]
    lex = lexicon()
    art = Article(text)
    assert [m.span() for m in _suffix_matches(lex, text, art)] == [m.span() for m in lex.suffix_re.finditer(text)]
    own = sorted(((i, i + len(e.surface)) for e in lex.scanned for i in range(len(text)) if text.startswith(e.surface, i)),
                 key=lambda t: (t[1], -(t[1] - t[0])))
    assert [(s, e) for s, e, _ in art.gaz] == own


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_word_starts_keep_every_sentence_a_pattern_matches(k):
    text = TEXTS[k]
    rx = prose._rx()
    sents = sentences(text)
    for pats in ((rx["application"], prose._APPLY_START), (rx["first"],)):
        kept = set(WordHits(text, pats).sentences(Sentences(text)))
        assert {(s, e) for s, e in sents if any(p.search(text, s, e) for p in pats)} <= kept
        # the same pieces as the scanner's own occurrences (申请 and 先 cannot overlap themselves)
        scanned = WordHits(text + " ", pats, 0, len(text))  # not the whole text: the scanner's path
        assert scanned.starts == WordHits(text, pats).starts


def test_article_is_kept_for_the_last_text_only():
    a, b = "通过支付宝办理", "拨打12345热线"
    first = article(a)
    assert article(a) is first
    assert article(b) is not first and article(b).holds_any(("热线",))
    assert vocabulary().words >= {"申请", "先", "热线", "小程序", "微信小程序"}


def _windowed() -> list[tuple[object, tuple[str, ...]]]:
    lex = lexicon()
    rx, guards = condition_scans._rx(), condition_scans._guards()
    out = [(getattr(lex, n), lex.guards[n]) for n in ("office_re", "hotline_re", "question_re", "condition_intro_re",
                                                    "arrow_re", "seq_first_re")]
    out += [(rx[k], guards[k]) for k in ("statement", "heading", "only", "all_who", "if", "who_question")]
    from extract.procedures import paths

    out += [(paths._patterns()[1], paths._in_turn_words())]  # 依次点击“A”、“B”
    _, fams = lists._config()  # list markers scanned anywhere (第一步, 步骤1, Step1, ①)
    return out + [(p, first) for fam in fams for p, where, first in zip(fam.patterns, fam.starts, fam.firsts)
                  if where is None]


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_scans_around_words_find_what_whole_scans_find(k):
    text = TEXTS[k]
    art = Article(text)
    for rx, words in _windowed():
        assert [m.span() for m in art.finditer(rx, words)] == [m.span() for m in rx.finditer(text)], rx.pattern[:40]
        assert art.holds_any(words) or not art.finditer(rx, words)


def test_windows_end_where_a_look_ahead_still_sees_the_text():
    """拨打12345 followed by a sixth digit is no hotline (its (?!\\d)); 服务窗口 far from its
    preposition is no office: a window cut short would say otherwise."""
    lex = lexicon()
    for text in ("请拨打123456咨询", "请拨打12345咨询", "前往" + "市" * 30 + "服务窗口办理", "前往市民服务窗口办理",
                 "咨询电话：0571-8888888" + "8" * 9, "热线" * 20 + "12345" * 5):
        art = Article(text)
        for rx, words in ((lex.hotline_re, lex.guards["hotline_re"]), (lex.office_re, lex.guards["office_re"])):
            assert [m.span() for m in art.finditer(rx, words)] == [m.span() for m in rx.finditer(text)], text


@pytest.mark.parametrize("piece, kept", [
    ("（一）申请人提出申请", "（一）申请人提出申请"),   # opened and closed inside: kept whole
    ("“随申办”", "“随申办”"),
    ("登录“随申办”", "登录“随申办”"),
    ("（未闭合的说明", "未闭合的说明"),               # an opener never closed: stripped
    ("多出的右括号）", "多出的右括号"),
    ("办理流程：", "办理流程"),
    ("（材料：身份证）：", "（材料：身份证）"),
    ("“（）”", "“（）”"),
    ("（", ""),
])
def test_trim_strips_only_unbalanced_ends(piece, kept):
    from extract.procedures.clauses import trim

    text = "。" + piece + "。"
    s, e = trim(text, 1, 1 + len(piece))
    assert text[s:e] == kept


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_word_starts_are_every_occurrence(k):
    text = TEXTS[k]
    art = Article(text)
    for words in _guards() + [("都可以", "均可", "都可"), ("不在词表里的词", "的"), ("申请",)]:
        own = sorted(i for w in words for i in range(len(text)) if text.startswith(w, i))
        assert art.starts(words) == own, words


LINE_TEXTS = ["报名渠道\n报名表提交邮箱：a@b.cn\nQ\n哪些人可以申请？\n一、申请条件\n",
              "说明报名渠道\n  报名方式：\n\n问2 \n（一）申请对象\t\n报名渠道",  # a heading inside a line is none
              "报名方式" * 3 + "\n申请条件\n问\n申请条件"]


def _line_anchored_patterns() -> list:
    lex = lexicon()
    return [(lex.contact_heading_re, lex.guards["contact_heading_re"]),
            (lex.question_line_label_re, lex.guards["question_line_label_re"]),
            (condition_scans._rx()["heading"], condition_scans._guards()["heading"])]


@pytest.mark.parametrize("k", range(len(TEXTS) + len(LINE_TEXTS)))
def test_line_anchored_patterns_tried_at_their_lines_find_what_whole_scans_find(k):
    """(?m)^…$ headings and labels, matched only at the starts of the lines holding their words
    (words._line_matches): the same matches, groups too, as a scan of the whole text."""
    from extract.procedures import words

    text = (TEXTS + LINE_TEXTS)[k]
    art = Article(text)
    for rx, needed in _line_anchored_patterns():
        assert words._line_anchored(rx), rx.pattern[:40]
        assert [(m.span(), m.groups()) for m in art.finditer(rx, needed)] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)], rx.pattern[:40]


@pytest.mark.parametrize("pattern, anchored", [
    (r"(?m)^[ \t]*报名渠道[ \t]*$", True),
    (r"(?m)^报名[^，。]{0,8}$", False),   # the class takes a line break
    (r"(?m)^\s*报名", False),
    (r"(?ms)^报名.渠道", False),          # . takes one under DOTALL
    (r"(?m)^报名.渠道", True),
    (r"^报名渠道", False),                # no MULTILINE: the text's start only
    (r"(?m)报名渠道$", False),
])
def test_line_anchored_is_told_from_the_pattern(pattern, anchored):
    import re

    from extract.procedures import words

    assert words._line_anchored(re.compile(pattern)) is anchored
