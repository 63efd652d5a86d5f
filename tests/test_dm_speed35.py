"""Round 35's shortcuts in dates and money give what the code they replace gives (no timing
here: benchmarks/ measures speed): each against a copy of the code before it, on random
strings and on the throughput benchmark's texts."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from test_dm_speed import ALPHABET, MONEY_ALPHABET, _check_visits

# day words, clocks, 同期, quotes, datelines and 当天/当年 among the date characters
DATE_ALPHABET = ALPHABET + "同期天讯电“”称表示年假端午中秋讯发生火灾3"


# -- dates: extract_dates' loop as it was (every step called for every reading) ------------

def _prev_for_eager(prev, r, text):
    """extract.dates._prev_for before round 35: prev[3] is the period itself."""
    from extract.dates import (_CLOSE_QUOTES, _OPEN_QUOTES, SENTENCE_BREAK, _grammar, _reaches, clause_start,
                               lexicon)

    if prev is None:
        return None
    b = SENTENCE_BREAK.search(text, prev[0], r.start)
    own = prev[3] if "sp" in r.parts and prev[3] is not None else (prev[1], prev[2])
    if b is None:
        return own
    if text[b.start()] == "\n" or not (_reaches(r, text) or ("sp" in r.parts and prev[3] is not None)) \
            or SENTENCE_BREAK.search(text, b.end(), r.start):
        return None
    if _grammar().suffixes["event_day_before"].search(text[clause_start(text, r.start):r.start]):
        return None
    if (lexicon()["relative_years"].get(r.parts.get("ry"), {}).get("named_year")
            and prev[1].back is None and not prev[1].sets_year):
        return None
    between = text[prev[0]:r.start]
    if between[:1] in _CLOSE_QUOTES and text[prev[0] - 1:prev[0]] not in _CLOSE_QUOTES:
        between = between[1:]
    closed = min((i for i in map(between.find, _CLOSE_QUOTES + "》") if i >= 0), default=-1)
    if closed >= 0 and not any(q in between[:closed] for q in _OPEN_QUOTES + "《"):
        return None
    return own


def _extract_dates_calling_every_step(text, ref=None):
    """extract_dates before round 35 (each step called for every reading, the period of
    every date computed)."""
    import extract.dates as D
    from extract.refdate import RefDate
    from extract.schema import Mention

    if ref is not None and not isinstance(ref, RefDate):
        ref = RefDate.parse(ref)
    out, prev, prev_day, observed, dateline, story = [], None, None, [], None, None
    bare = D.lexicon()["bare_parts"]
    for r in D.readings(text):
        cs = D.clause_start(text, r.start)
        if D._recurring(r, text, cs) or D._repeated(r, text) or D._daily_hours(prev, r, text):
            continue
        role = D.classify(text, r.start, r.end, r.end_parts is not None or "qn" in r.parts, cs)
        said_on = D._speech_day(prev, r, text) or D._from_dateline(dateline, r)
        quoted = D._quoted_holiday_year(prev, r, text)
        r, year_from = quoted, (out[-1].anchor if quoted is not r else None)
        before = prev_day if D._needs_day(r, prev) else prev
        pb = _prev_for_eager(before, r, text) or D._story_day(r, prev_day, text, cs)
        res = D.resolve(r, said_on or ref, pb, ahead=role.role == "deadline")
        if res is None:
            continue
        if story is not None and role.role != "deadline" and (on := D._after_story_day(story, r, res)) is not None:
            res = D.resolve(r, on, pb) or res
        mod = res.mod
        if "bp" in r.parts:
            mod = bare[r.parts["bp"]]["mod"]
        out.append(Mention(type="date", start=r.start, end=r.end, text=text[r.start:r.end], value=res.value,
                           grain=res.grain, mod=mod, anchor=D.PREVIOUS if said_on else year_from or res.anchor,
                           role=role.role, rule=r.rule if r.end_parts is None else f"{r.rule}+range",
                           confidence=D._CONFIDENCE.get(r.rule, 0.95)))
        if res.grain == "year" and r.end_parts is None and r.parts.get("y") is not None:
            res.start_point.sets_year = D._YEAR_LEADS.match(text, r.end) is not None
        prev = (r.end, res.start_point, res.end_point, None if year_from else D._period(r, res, pb))
        if res.start_point.d is not None:
            prev_day = prev
            if res.anchor == D.EXPLICIT and r.end_parts is None and res.start_point.y is not None:
                story = res.start_point
            if r.end_parts is None and "rd" not in r.parts:
                dateline = D._dateline(res.start_point, r, text, ref) or dateline
        if r.rule == "holiday" and D.festivals.names()[r.parts["hol"]].kind == "observed":
            observed.append(len(out) - 1)
    if observed:
        D._observed_days(text, out, observed)
    D.holiday_periods(text, out)
    return out


def _check_dates(text: str, ref: str = "2024-06-01") -> None:
    from extract.dates import extract_dates

    assert extract_dates(text, ref) == _extract_dates_calling_every_step(text, ref)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=DATE_ALPHABET, max_size=300), st.sampled_from(["2024-06-01", "2023-10-25", None]))
def test_extract_dates_is_the_loop_calling_every_step(text, ref):
    _check_dates(text, ref)


def test_extract_dates_on_the_throughput_texts():
    from conftest import throughput_texts

    texts = throughput_texts()
    assert texts
    for text in texts:
        _check_dates(text)
    for text in ("2023年4月18日发生火灾。4月21日，成立调查组", "8月17日讯 今天，发布会召开。", "去年同期",
                 "2024年第一季度增长5%，比上年同期提高", "“五一”假期，去年“五一”同期", "当天采摘当天发货",
                 "每年12月31日前", "3月5日9时至11时30分；下午14时至17时", "今天（6月29日）是古尔邦节"):
        _check_dates(text)


# -- dates: the entries of short start words known in advance ------------------------------

def test_short_word_entries_are_the_look_ups_on_the_throughput_texts():
    """_Scanning.entries now holds the entry of a one- or two-character start word no longer key
    begins with; test_dm_speed's check compares every known entry with scan()'s look-up."""
    from conftest import throughput_texts
    from extract.dates.grammar import _scanning, grammar

    sc = _scanning(grammar())
    words = list(grammar().start_words)
    assert any(e is not None for w, e in zip(words, sc.entries) if len(w) < 3)
    for text in throughput_texts():
        _check_visits(text)


# -- dates: unit_of's day tests in one condition, Point's replace ---------------------------

_UNIT_KEYS = ("hh", "hw", "hol", "lm", "lmn", "d", "rd", "wd", "rw", "wn", "nw", "m", "mn", "rm", "q", "qn",
              "h", "dec", "c", "rc", "y", "ry", "mod", "sp", "bp")


def _unit_of_before(parts: dict, rule: str) -> str:
    from extract.dates.reading import _DAY_RULES

    if "hh" in parts or "hw" in parts:
        return "time"
    if "hol" in parts or "lm" in parts or "lmn" in parts:
        return "day"
    if "d" in parts or "rd" in parts or "wd" in parts or rule in _DAY_RULES:
        return "day"
    if "rw" in parts or "wn" in parts or "nw" in parts:
        return "week"
    if "m" in parts or "mn" in parts or "rm" in parts or parts.get("bp", "").startswith("月"):
        return "month"
    if "q" in parts or "qn" in parts:
        return "quarter"
    if "h" in parts:
        return "half"
    if "dec" in parts:
        return "decade"
    if "c" in parts or "rc" in parts:
        return "century"
    return "year"


@settings(max_examples=500, deadline=None)
@given(st.sets(st.sampled_from(_UNIT_KEYS)), st.sampled_from(["rel_day", "year_led", "", "clock"]),
       st.sampled_from(["月初", "年底", "上半"]))
def test_unit_of_is_the_tests_in_order(keys, rule, bp):
    from extract.dates.reading import unit_of

    parts = {k: (bp if k == "bp" else 1) for k in keys}
    assert unit_of(parts, rule) == _unit_of_before(parts, rule)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["y", "m", "d", "hh", "mi", "q", "h", "w", "c", "dec", "back"]),
                       st.integers(0, 3000)), st.sampled_from(["day", "month", "year", "time"]),
       st.booleans())
def test_point_replace_is_dataclasses_replace(values, grain, sets_year):
    from extract.dates.resolve import Point, replace

    pt = Point(grain="day", sets_year=sets_year, mback=(2024, 3), **values)
    assert replace(pt, grain=grain) == dataclasses.replace(pt, grain=grain)
    assert replace(pt, y=None) == dataclasses.replace(pt, y=None)


# -- money: the rate carried along a list, cut_number -------------------

def _share_list_per_before(found, text):
    from extract.money import ctx

    for a, b in zip(found, found[1:]):
        if (a.type == b.type == "money" and a.per and not b.per
                and text[a.end:b.start].strip(" ") == "、"):
            b.per = list(a.per)
        elif (a.type == b.type == "money" and a.per and not b.per
                and ctx.per_chain(text[a.end:b.start])):
            b.per = list(a.per)


def _check_money(text: str, monkeypatch_factory) -> None:
    import extract.money as money

    got = money.extract_money(text)
    with monkeypatch_factory() as mp:
        mp.setattr(money, "_share_list_per", _share_list_per_before)
        want = money.extract_money(text)
    assert got == want


_MONEY_CHARS = MONEY_ALPHABET + "每公斤不超过、从到提至上限增长"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MONEY_CHARS, max_size=200))
def test_share_list_per_is_the_tests_before(text):
    import pytest

    _check_money(text, pytest.MonkeyPatch.context)


def test_money_on_the_throughput_texts():
    import pytest

    from conftest import throughput_texts

    for text in throughput_texts():
        _check_money(text, pytest.MonkeyPatch.context)
    _check_money("每年每个分别给予40万元、30万元、20万元", pytest.MonkeyPatch.context)
    _check_money("每公斤不超过20元，2009年不超过100元，去年就涨到了370—380元", pytest.MonkeyPatch.context)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123.,，元万", max_size=12), st.text(alphabet="0123,，元 ", max_size=20), st.data())
def test_cut_number_is_the_test_before(raw, text, data):
    from extract.money import context as ctx

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))

    def before(text, start, raw, end):
        if raw[:1].isdigit() and len(raw) > 1 and raw[0] == "0" and raw[1:2] != ".":
            return True
        if end and text[end - 1].isdigit() and ctx._COMMA_DIGIT.match(text, end):
            return True
        return start >= 2 and text[start - 1] in ",，" and "0" <= text[start - 2] <= "9"

    assert ctx.cut_number(text, start, raw, end) == before(text, start, raw, end)
