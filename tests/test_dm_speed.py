"""The shortcuts of the date and money stages give what the plain scans give (each shortcut
against the slower code it replaces; no timing here: benchmarks/ measures speed)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

# the characters date cores start with and those that may follow them, and others
ALPHABET = ("0123456789年月日号时点分:：.-/至到—～ 周星期第个季度半上下中旬初底末今明去本前后次当这十一二三五廿农历正腊"
            "除夕元旦春节晚午早凌医师国庆，。\n%万😀")


# -- dates: the positions scan() visits -----------------------------------------------

def _regex_visits(text: str) -> list[int]:
    from extract.dates.grammar import grammar

    return [m.start() for m in grammar().starts.finditer(text)]


def _check_visits(text: str) -> None:
    """grammar._visits gives the positions of the start regex, each with the table entry the
    look-ups there give (or None: scan() looks it up)."""
    from extract.dates.grammar import _visits, grammar

    g = grammar()
    found = _visits(g, text)[0]
    assert [pos for pos, _ in found] == _regex_visits(text)
    get = g.dispatch.get
    for pos, entries in found:
        if entries is not None:
            assert entries == (get(text[pos:pos + 3]) or get(text[pos:pos + 2]) or get(text[pos], ())), (text, pos)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_visits_are_the_start_regex_matches(text):
    """grammar._visits (an Aho-Corasick automaton over the start words) visits the positions
    the start regex (a start character and a lookahead on what follows) matches at."""
    _check_visits(text)


def test_visits_on_real_text():
    from conftest import bulk_files

    for path in bulk_files("*"):
        _check_visits(path.read_text(encoding="utf-8", errors="replace"))


def test_visits_of_a_text_with_a_lone_surrogate():
    """The automaton reads UTF-8, which a lone surrogate is not: such a text is scanned by
    the regex, with the same dates found around it."""
    from extract.dates import extract_dates

    text = "通知\ud800自2024年3月1日起施行，5月底前完成。"
    _check_visits(text)
    assert _regex_visits(text) != []
    assert [m.value for m in extract_dates(text, "2024-02-01")] == ["2024-03-01", "2024-05"]


def test_start_words_are_minimal():
    """No start word holds a shorter one at its start (it would start where that one does)."""
    from extract.dates.grammar import grammar

    words = set(grammar().start_words)
    assert words and not [w for w in words if any(w[:n] in words for n in range(1, len(w)))]


# -- dates: the role rules tried for a date ---------------------------------------------

def _classify_every_rule(text: str, start: int, end: int, is_range: bool):
    """roles._classify as it read before the sieve: every rule, in order, tried by its regexes."""
    from extract.dates.roles import first_role, rules

    return first_role(text, start, end, [r for r in rules() if is_range or not r.range_only])


ROLE_WORDS = ["截至", "截止", "前", "之前", "以前", "起", "施行", "实施", "到期", "期间", "为", "是", "阶段", "已",
              "已经", "于", "在", "到", "至", "要", "须", "如果", "预计", "正值", "延长至", "最迟", "不晚于", "逾期",
              "，", "。", "：", "\n", " ", "（周五）", "的", "人员", "累计", "达", "截止时间：", "对", "完成", "底",
              "月", "日", "年", "、", "开始实施", "生效", "执行"]
DATE = "2024年5月31日"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ROLE_WORDS), max_size=8), st.lists(st.sampled_from(ROLE_WORDS), max_size=8),
       st.booleans())
def test_sieve_keeps_every_rule_that_can_match(before, after, is_range):
    """roles._classify tries only the rules its sieve leaves for the characters beside the
    date: the role, rule and trigger are those of trying every rule."""
    from extract.dates.roles import _classify

    text = "".join(before) + DATE + "".join(after)
    start = len("".join(before))
    end = start + len(DATE)
    assert vars(_classify(text, start, end, is_range)) == vars(_classify_every_rule(text, start, end, is_range))


def test_sieve_on_real_text():
    """The same for every date of the development articles."""
    from conftest import CORPUS_DEV
    import pytest

    from extract.dates import extract_dates
    from extract.dates.roles import _classify

    folder = CORPUS_DEV / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/corpus-dev is not present")
    n = 0
    for path in sorted(p for p in folder.iterdir() if not p.name.endswith(".json")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in extract_dates(text):
            for is_range in (False, True):
                assert vars(_classify(text, m.start, m.end, is_range)) == vars(
                    _classify_every_rule(text, m.start, m.end, is_range)), (path.name, m.text)
                n += 1
    assert n > 100


def test_sieve_reads_the_characters_of_each_rule():
    """The characters a rule's match begins (after) or ends (before, label) with, read from
    its pattern: 前/之前/以前 begin due_before; 截至 ends as_of_plain; a label ends with its colon."""
    from extract.dates.roles import rules

    by_name = {r.name: r for r in rules()}
    assert {"前", "之", "以"} <= by_name["due_before"].after_first
    assert {"至", "到"} <= by_name["as_of_plain"].before_last
    assert {"：", ":"} <= by_name["due_label"].label_last
    assert by_name["conditional"].before_last is None  # [^，。…]{0,24}$: any character
    assert not re.search("[一-龥]", "".join(by_name["effective_from"].after_first - set("施开生正起实执")))


# -- money: the sentences scanned ---------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab元%。；！？\n，", max_size=200), st.data())
def test_after_last_end_is_that_of_a_forward_scan(text, data):
    """money._after_last_end (a reverse find per end character) gives where the text after the
    last sentence end in text[lo:hi] starts, as the last match of SENTENCE_END there."""
    from extract.money import _after_last_end
    from extract.money.patterns import SENTENCE_END

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert _after_last_end(text, lo, hi) == max([m.end() for m in SENTENCE_END.finditer(text, lo, hi)], default=lo)


# -- money: the cue words found by the dates automaton (round 29) ---------------------------

MONEY_ALPHABET = "0123456789０１٣一二三十百千万亿多余几元分成角毛块钱美人民币%％$百分点个之千部为公斤 ，。；\n年月日"


def _cue_positions(text: str) -> list[int]:
    from extract.money.cues import CUE

    return [p for p in range(len(text)) if CUE.match(text, p)]


def _check_cues(text: str) -> None:
    from extract.dates.grammar import _visits, grammar
    from extract.money.cues import starts

    hits = _visits(grammar(), text)[1]
    got = starts(text, hits)
    assert got == sorted(got)
    assert sorted(set(got)) == _cue_positions(text), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=MONEY_ALPHABET, max_size=200))
def test_cue_starts_are_where_the_cue_regex_matches(text):
    """money.cues.starts, read from the hits of the automaton of the dates, gives every position
    CUE matches at (its lookbehind: a digit, Arabic-Indic ٣ included, or an amount's last
    character before 元, 分, 成 ...)."""
    _check_cues(text)


def test_cue_starts_on_real_text():
    from conftest import bulk_files

    for path in bulk_files("*"):
        _check_cues(path.read_text(encoding="utf-8", errors="replace"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789万元,. 年月人分钱部为，。", max_size=400), st.data())
def test_run_start_is_that_of_the_reversed_text(text, data):
    """money._run_start (a reversed window before the cue, widened while the run fills it)
    gives the start the match on the whole reversed text gives, runs longer than 32 and 128
    characters included."""
    from extract.money import _run_start
    from extract.money.patterns import HELD_RUN

    s = data.draw(st.integers(0, len(text)))
    n = len(text)
    assert _run_start(text, s) == n - HELD_RUN.match(text[::-1], n - s).end()


def test_money_of_a_text_with_a_lone_surrogate():
    """A text the automaton cannot read: money searches its cue regex instead."""
    from extract.money import extract_money

    text = "收费\ud800标准为每人100元，上涨5%。"
    assert [(m.type, m.value) for m in extract_money(text)] == [("money", 100), ("percent", 0.05)]


# -- money: round 27 shortcuts ---------------------------------------------------------

_RATE_ALPHABET = "年人均月户次度日一亩收入标准限额费补助上限基数工资2024元，。今去岁正性每个平"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_RATE_ALPHABET, max_size=30))
def test_rate_noun_lookahead_finds_what_the_plain_pattern_finds(seg):
    """RATE_NOUN opens with a lookahead on the markers' first characters: the same search
    result (position and groups) as the pattern without it."""
    from extract.money.patterns import RATE_NOUN

    plain = re.compile(RATE_NOUN.pattern[RATE_NOUN.pattern.index(")") + 1:])
    assert RATE_NOUN.pattern.startswith("(?=[")
    a, b = RATE_NOUN.search(seg), plain.search(seg)
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_rate_noun_on_real_phrases():
    from extract.money.context import rate_per

    for text, units in (("年人均补助标准5000元", ["人", "年"]), ("医保月缴费基数为6000元", ["月"]),
                        ("人均财政补助标准670元", ["人"]), ("2024年度补助标准300元", []),
                        ("补助标准300元", [])):
        assert rate_per(text, text.index(next(c for c in text[::-1] if not c.isdigit() and c != "元")) + 1
                        ) == units, text


def test_per_windows_read_once():
    """_mods reads 每 and 平均一 in one slice of PER_REACH characters: 平均一's window
    (CLAUSE_PER_CHARS) is its tail."""
    from extract.money import context as ctx
    from extract.money.normalize import _mods

    assert 0 < ctx.CLAUSE_PER_CHARS <= ctx.PER_REACH
    lead = "，" + "的" * (ctx.PER_REACH - 3)  # 平均一 right at the window's start, or just before it
    for text, per in (("平均一个处方要开足45元", ["处方"]), ("每个示范城市由中央财政补助5亿元", ["示范城市"]),
                      ("处方要开足45元", []), (lead + "平均一个处方要开足45元", ["处方"])):
        start = text.index(next(c for c in text if c.isdigit()))
        assert _mods(text, start, start + 3, False)[1] == per, text
