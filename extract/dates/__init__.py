"""Date mentions: every calendar point, interval and range in a cleaned article,
normalized against the publication date (examples: corpora/examples/dates.yaml).

    extract_dates("自2023年12月1日起，…", RefDate.parse("2023-11-20"))
    -> [Mention(type="date", text="2023年12月1日", value="2023-12-01", grain="day",
                anchor="explicit", role="effective", rule="year_led", ...)]

Stages, one module each: grammar (patterns.yaml compiled once, scanning),
reading (suffixes, validation, ranges), resolve (values; points: the Point a value is
written from and the calendar arithmetic that fills it), roles (roles.yaml).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..refdate import RefDate
from ..schema import Mention
from .grammar import match_suffix
from .grammar import grammar as _grammar  # not `grammar`: that would hide the submodule extract.dates.grammar
from .lexicon import lexicon
from .reading import Reading, readings
from . import festivals
from .periods import holiday_periods
from .resolve import EXPLICIT, PREVIOUS, PUBLICATION, Point, resolve
from .roles import SENTENCE_BREAK, classify, clause_start

__all__ = ["extract_dates"]

# a relative word in a clause about a recurring schedule (每月5日前报送上月数据)
_RECURRING = re.compile(r"每(?:年|月|周|季度|个月)")


# a clock time after these words in its clause is opening hours (工作日8:00—17:30)
_RECURRING_CLOCK = re.compile(r"每(?:天|日|晚|早)|工作日|(?:营业|办公|开放|服务|工作|咨询|受理)时间")
# ...and the clock times listed after such a word or after (节假日除外) in the clauses that
# follow it (每天(节假日除外)8:30~11:30,14:30~17:30时; （公休日、节假日除外）上午8：30-11：30，下午13：00-16：00)
_RECURRING_CLOCK_LIST = re.compile(
    r"(?:每(?:天|日|晚|早)|工作日|假日除外|(?:营业|办公|开放|服务|工作|咨询|受理)时间)[)）]?[：:]?"
    r"[0-9:：~～\-—－至到上下午时点分 ,，、]*\Z")


def _recurring(r: Reading, text: str, cs: int) -> bool:
    """每年12月31日前, 每月5日前报送上月数据: a date without its year in a clause
    about a recurring schedule is not a date; nor is a clock time in a clause about
    opening hours. `cs`: the start of the date's clause."""
    if r.parts.get("y") is not None or r.rule in ("century", "decade"):
        return False
    if r.rule == "clock" and (_RECURRING_CLOCK.search(text, cs, r.start)
                              or _RECURRING_CLOCK_LIST.search(text, max(0, r.start - 40), r.start)):
        return True
    return bool(_RECURRING.search(text, cs, r.start))


# after a written year: it is the time of what follows (2010年，…; 2006年的4月30日)
_YEAR_LEADS = re.compile(r"[，,]|的(?=[0-9一二三四五六七八九十]{1,2}月)")

_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")


def _repeated(r: Reading, text: str) -> bool:
    """当年采收当年卖, 当天采摘当天发货: a previous-date word said twice in its clause, a few
    characters apart, is a rule of thumb (lexicon.yaml `repeated_generic`), no date."""
    if r.end_parts is not None:
        return False
    spec = lexicon()["repeated_generic"]
    word = text[r.start:r.end]
    if word not in spec["words"]:
        return False
    gap = spec["gap"]
    after = text[r.end:r.end + gap + len(word)]
    before = text[max(0, r.start - gap - len(word)):r.start]
    after = after[:m.start()] if (m := _CLAUSE_END.search(after)) else after
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    return word in after or word in before[cut:]


_OPEN_QUOTES, _CLOSE_QUOTES = "“「『", "”」』"


# how sure each rule is (a bare day or a relative word is less certain)
_CONFIDENCE = {"day": 0.7, "rel_day": 0.8, "bare_part": 0.7, "decade": 0.8, "month_led": 0.9}


def _prev_for(prev: Optional[tuple], r: Reading, text: str) -> Optional[tuple[Point, Optional[Point]]]:
    """The previous date (its start and, for a range, its end), if it is in the same
    sentence (当日, 次年, 同期 refer to it); for the words that reach further (lexicon.yaml
    `reach: paragraph`: 当天, 当日, 当年), also in the sentence before, in the same paragraph
    and outside a quotation or title (23日召开发布会。…主任当天表示)."""
    if prev is None:
        return None
    b = SENTENCE_BREAK.search(text, prev[0], r.start)
    # prev[3]: _period's arguments, read only by a 同期 (few dates have one after them)
    period = _period(*prev[3]) if "sp" in r.parts and prev[3] is not None else None
    own = period if period is not None else (prev[1], prev[2])
    if b is None:
        return own
    if text[b.start()] == "\n" or not (_reaches(r, text) or period is not None) \
            or SENTENCE_BREAK.search(text, b.end(), r.start):
        return None
    if _grammar().suffixes["event_day_before"].search(text[clause_start(text, r.start):r.start]):
        return None  # 就在通报当天: the day of that event
    if (lexicon()["relative_years"].get(r.parts.get("ry"), {}).get("named_year")
            and prev[1].back is None and not prev[1].sets_year):
        return None  # 比2022年增加。…比上年增加: a year compared with is not the year the story is about
    between = text[prev[0]:r.start]
    if between[:1] in _CLOSE_QUOTES and text[prev[0] - 1:prev[0]] not in _CLOSE_QUOTES:
        between = between[1:]  # “五一”假期…。去年同期: the date itself was in quotes
    closed = min((i for i in map(between.find, _CLOSE_QUOTES + "》") if i >= 0), default=-1)
    if closed >= 0 and not any(q in between[:closed] for q in _OPEN_QUOTES + "《"):
        return None  # the date was inside a quotation or a title
    return own


_PERIOD_GRAINS = ("month", "quarter", "half", "day")


def _period(r: Reading, res, before: Optional[tuple]) -> Optional[tuple]:
    """The period a 去年同期/上年同期 after this date refers to, also from the next sentence
    of its paragraph (4月份指数为111.1点。其中，…比去年同期增长: 2023-04): the date's own when
    it names a month, quarter, half or day of a year the text or the publication gives (not
    去年端午假期 or 去年“五一”, already a year back, nor a lunar day, whose day moves from year to year); a
    同期 read from a period passes that period on (…较去年同期增长9.1%。其中，…较去年同期)."""
    if "sp" in r.parts:
        return before if res.anchor == PREVIOUS else None
    if "ry" in r.parts or "lm" in r.parts or "lmn" in r.parts or res.grain not in _PERIOD_GRAINS:
        return None
    fest = festivals.names().get(r.parts["hol"]) if "hol" in r.parts else None
    if fest is not None and fest.kind != "solar":
        return None
    return res.start_point, res.end_point


def _daily_hours(prev: Optional[tuple], r: Reading, text: str) -> bool:
    """4月14日—16号（上午9:00—下午16:00）, 4月10日至4月24日，上午8：00～12：00；下午14：30～17：30:
    the hours of each day of a range of days, no date."""
    if prev is None or r.rule != "clock" or prev[2] is None or prev[2].d is None:
        return False
    if (prev[1].m, prev[1].d) == (prev[2].m, prev[2].d):
        return False  # 3月5日9时至11时30分；下午14时至17时: the hours of one day
    return bool(_grammar().suffixes["daily_hours_open"].search(text[prev[0]:r.start]))


def _quoted_holiday_year(prev: Optional[tuple], r: Reading, text: str) -> Reading:
    """去年“五一”同期, 2026“五一”档: a year right before the opening quote of a holiday is the
    holiday's year (the two stay separate mentions, as the quote splits them)."""
    if ("hol" not in r.parts and "lm" not in r.parts) or r.parts.get("y") is not None or prev is None:
        return r
    year = prev[1]
    if prev[0] != r.start - 1 or text[r.start - 1] not in _OPEN_QUOTES + '"‘' or year.y is None or year.m is not None:
        return r
    return Reading(r.rule, r.start, r.end, {**r.parts, "y": year.y}, r.end_parts)


def _needs_day(r: Reading, prev: Optional[tuple]) -> bool:
    """当天/同一天 after a date without a day (17日在吉达举行，…2011年…。…当天): a day word
    looks back past the year or month to the last date that names a day."""
    if prev is None or prev[1].d is not None or r.rule != "rel_day":
        return False
    entry = lexicon()["relative_days"].get(r.parts.get("rd"))
    return entry is not None and entry["base"] == "previous_date"


def _reaches(r: Reading, text: str) -> bool:
    parts = r.parts
    lex = lexicon()
    # 4月份…较上月上升。…比上月增加, 2022年，…比上年增长。其中，…比上年增长: a comparison's 上月/上年
    # reaches the sentence before
    entry = (lex["relative_months"].get(parts["rm"]) if "rm" in parts
             else lex["relative_years"].get(parts["ry"]) if "ry" in parts else None) or {}
    if entry.get("named_month") or entry.get("named_year"):
        return text.endswith(tuple(lex["comparison_before"]), 0, r.start)
    if "rd" not in parts and "ry" not in parts:
        return False
    entry = lex["relative_days"].get(r.parts.get("rd")) or lex["relative_years"].get(r.parts.get("ry"))
    return entry is not None and entry.get("reach") in ("paragraph", "story", "story_said")


def _story_day(r: Reading, prev_day: Optional[tuple], text: str, cs: int) -> Optional[tuple]:
    """同日, 当日 (lexicon.yaml `reach: story`) with no date in reach: the last date of the
    text that names a day (the story's day), when that date is one day (after a range of
    days, 5月24-27日…以期在当日…, which day is meant is not said); 当天 (`story_said`) only at
    the head of its clause or before a word of saying (土方当天称; not 事发当天, 手术当天)."""
    if prev_day is None or prev_day[2] is not None or r.rule != "rel_day" or r.end_parts is not None:
        return None
    lex = lexicon()
    entry = lex["relative_days"].get(r.parts.get("rd"))
    reach = entry.get("reach") if entry is not None else None
    if reach == "story_said":
        if text[cs:r.start].strip() and not _said_after(lex).match(text, r.end):
            return None
    elif reach != "story":
        return None
    if r.start - prev_day[0] > _STORY_REACH or _headline_between(text, prev_day[0], r.start):
        return None
    return prev_day[1], prev_day[2]


_STORY_REACH = 800  # characters back a story-reach word looks for its day
_LINE_ENDS = ("。", "！", "？", "!", "?", "”", "」", "…", "：", ":", "；", "）", ")")


def _headline_between(text: str, start: int, end: int) -> bool:
    """A line between `start` and `end` that ends in no punctuation: a headline, so another
    item of a news page (its 同日 is not the day of the item before)."""
    lines = text[start:end].split("\n")
    return any(line.strip() and not line.rstrip().endswith(_LINE_ENDS) for line in lines[1:-1])


_SAID_AFTER: list[re.Pattern] = []


def _said_after(lex: dict) -> re.Pattern:
    if not _SAID_AFTER:
        _SAID_AFTER.append(re.compile(lex["story_said_after"]))
    return _SAID_AFTER[0]


_COLON_LINE = re.compile(r"[：:][ \t]*\n\s*")   # 领导电话：⏎“明天来上班” - the quotation goes on below


_DATELINE_HEAD = 40   # a dateline opens its line: at most this many characters before its date
_DATELINE_DAYS = 7    # ...and is a few days before the publication date at most (a repost's)


def _dateline(day: Point, r: Reading, text: str, ref: Optional[RefDate]) -> Optional[RefDate]:
    """8月17日讯 今天，…: a day right before 讯 or 电 near the head of its line is the story's
    dateline (guide v2: the article's own dateline is part of it); a repost published days
    later still tells its 今天 from it (patterns.yaml `dateline`)."""
    if day.y is None or day.m is None or ref is None or ref.day is None:
        return None
    if not match_suffix("dateline", text, r.end) or r.start - text.rfind("\n", 0, r.start) > _DATELINE_HEAD:
        return None  # (讯/电 after it first: most days have neither)
    back = (ref.as_date() - date(day.y, day.m, day.d)).days
    return RefDate(day.y, day.m, day.d) if 0 < back <= _DATELINE_DAYS else None


_STORY_DAYS = 31  # a day without a year at most this many days after a day written with one


def _after_story_day(story: Point, r: Reading, res) -> Optional[RefDate]:
    """2023年4月18日12时50分，…发生重大火灾事故。…4月21日，…成立事故调查组 (published in
    October 2023): a month and day without a year, read from the publication date, that falls a
    few days after the last day the text wrote with its year, in that year, is the story going
    on in that year: it resolves against that day (which year is nearest to it)."""
    pt = res.start_point
    if res.anchor != PUBLICATION or r.rule != "month_led" or r.end_parts is not None or pt.d is None \
            or pt.y is None or pt.y == story.y or "rm" in r.parts:
        return None
    try:
        after = (date(story.y, pt.m, pt.d) - date(story.y, story.m, story.d)).days
    except ValueError:
        return None
    return RefDate(story.y, story.m, story.d) if 0 <= after <= _STORY_DAYS else None


def _from_dateline(dateline: Optional[RefDate], r: Reading) -> Optional[RefDate]:
    """The dateline's day for a day word counted from the publication (今天, 昨天)."""
    if dateline is None or r.rule != "rel_day" or r.end_parts is not None:
        return None
    entry = lexicon()["relative_days"].get(r.parts.get("rd"))
    return dateline if entry is not None and entry["base"] == "publication" else None


def _speech_day(prev: Optional[tuple], r: Reading, text: str) -> Optional[RefDate]:
    """2月19日，他接到电话：“明天来上班” - a relative day word (今天, 明天, 昨天) inside a
    quotation whose sentence gave a full date before the quotation opened is said on that
    date: it resolves against it, not against the publication date. A line that ends with a
    colon goes on into the quotation on the next line."""
    if prev is None or r.rule != "rel_day" or r.end_parts is not None:
        return None
    entry = lexicon()["relative_days"].get(r.parts.get("rd"))
    day = prev[1]
    if entry is None or entry["base"] != "publication" or day.y is None or day.m is None or day.d is None:
        return None
    between = text[prev[0]:r.start]
    if entry.get("announced") and not SENTENCE_BREAK.search(between) and _grammar().suffixes["announced"].search(between):
        return RefDate(day.y, day.m, day.d)  # 巴罗23日宣布，即日起禁止…: from the day announced
    opened = max(between.rfind(q) for q in _OPEN_QUOTES)
    if opened < 0 or any(q in between[opened:] for q in _CLOSE_QUOTES) or SENTENCE_BREAK.search(_COLON_LINE.sub("：", between)):
        return None
    return RefDate(day.y, day.m, day.d)


def extract_dates(text: str, ref: Optional[RefDate] = None) -> list[Mention]:
    """Every date mention of `text`, in order, resolved against the publication
    date `ref` (None: what the text leaves out stays X)."""
    if ref is not None and not isinstance(ref, RefDate):
        ref = RefDate.parse(ref)  # "2021-11-25", "2018-10", a date or datetime
    out: list[Mention] = []
    prev: Optional[tuple[int, Point]] = None
    prev_day: Optional[tuple[int, Point]] = None  # the last one that names a day
    observed: list[int] = []  # the mentions of festivals with no offline day (古尔邦节)
    dateline: Optional[RefDate] = None  # the day of the story's dateline (8月17日讯)
    story: Optional[Point] = None  # the last day written with its year (2023年4月18日)
    bare = lexicon()["bare_parts"]
    repeated_firsts = {w[0] for w in lexicon()["repeated_generic"]["words"]}  # (当: _repeated's words)
    for r in readings(text):
        cs = clause_start(text, r.start)
        # (the steps that read only some readings are called for those: each checks the same
        # itself first, so the result is the same; most readings are years and months)
        rule = r.rule
        if ((r.parts.get("y") is None and _recurring(r, text, cs))
                or (text[r.start] in repeated_firsts and _repeated(r, text))
                or (rule == "clock" and _daily_hours(prev, r, text))):
            continue
        # the role first: a due date's month without a year is the coming one (resolve's ahead)
        role = classify(text, r.start, r.end, r.end_parts is not None or "qn" in r.parts, cs)
        day_word = rule == "rel_day"  # 今天, 当天 ...: _speech_day, _from_dateline, _needs_day, _story_day
        said_on = (_speech_day(prev, r, text) or _from_dateline(dateline, r)) if day_word else None
        quoted = _quoted_holiday_year(prev, r, text) if "hol" in r.parts or "lm" in r.parts else r
        r, year_from = quoted, (out[-1].anchor if quoted is not r else None)
        before = prev_day if day_word and _needs_day(r, prev) else prev
        pb = _prev_for(before, r, text) or (_story_day(r, prev_day, text, cs) if day_word else None)
        res = resolve(r, said_on or ref, pb, ahead=role.role == "deadline")
        if res is None:
            continue
        if (story is not None and rule == "month_led" and role.role != "deadline"
                and (on := _after_story_day(story, r, res)) is not None):
            res = resolve(r, on, pb) or res  # 2023年4月18日…发生火灾。…4月21日，…成立调查组
        mod = res.mod
        if "bp" in r.parts:
            mod = bare[r.parts["bp"]]["mod"]
        out.append(
            Mention(
                type="date",
                start=r.start,
                end=r.end,
                text=text[r.start:r.end],
                value=res.value,
                grain=res.grain,
                mod=mod,
                anchor=PREVIOUS if said_on else year_from or res.anchor,
                role=role.role,
                rule=r.rule if r.end_parts is None else f"{r.rule}+range",
                confidence=_CONFIDENCE.get(r.rule, 0.95),
            )
        )
        if res.grain == "year" and r.end_parts is None and r.parts.get("y") is not None:
            res.start_point.sets_year = _YEAR_LEADS.match(text, r.end) is not None
        prev = (r.end, res.start_point, res.end_point, None if year_from else (r, res, pb))
        if res.start_point.d is not None:
            prev_day = prev
            if res.anchor == EXPLICIT and r.end_parts is None and res.start_point.y is not None:
                story = res.start_point
            if r.end_parts is None and "rd" not in r.parts:
                dateline = _dateline(res.start_point, r, text, ref) or dateline
        if r.rule == "holiday" and festivals.names()[r.parts["hol"]].kind == "observed":
            observed.append(len(out) - 1)
    if observed:
        _observed_days(text, out, observed)
    holiday_periods(text, out)
    return out


_NAMED_AS_GAP = 30  # characters between a day and the festival its sentence says it is


def _observed_days(text: str, out: list[Mention], observed: list[int]) -> None:
    """今天（6月29日）是我国一些少数民族的传统节日——古尔邦节: a festival whose day no offline
    rule gives (festivals.yaml `observed`) takes the day its text says it is (a day, then 是,
    in one sentence), at every mention of it in the year (the headline's 欢度古尔邦节 too)."""
    days: dict[str, str] = {}
    for i in observed:
        m, day = out[i], out[i - 1] if i > 0 else None
        if day is None or day.grain != "day" or "X" in str(day.value) or "/" in str(day.value):
            continue
        between = text[day.end:m.start]
        if len(between) <= _NAMED_AS_GAP and "是" in between and not SENTENCE_BREAK.search(between):
            days.setdefault(_festival_name(m.text), day.value)
    for i in observed:
        m = out[i]
        value = days.get(_festival_name(m.text))
        if value is not None and str(m.value)[:4] == value[:4]:
            m.value, m.anchor = value, PREVIOUS


def _festival_name(word: str) -> str:
    """The festival of a mention's text (2023年古尔邦节 -> 古尔邦节)."""
    table = festivals.names()
    return next((word[i:] for i in range(len(word)) if word[i:] in table), word)
