"""From core matches to readings: extend each core with its suffixes (ISO day,
clock time, mod), drop what is not a date, and join `X至Y` into one range."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from . import festivals
from .grammar import Core, grammar, match_suffix, scan
from .lexicon import lexicon, to_int

_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]{1,500}|[\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{1,64}")
# its two alternatives apart: _URL tries the e-mail one (up to 64 characters) at every word
# character, Chinese ones included; an e-mail match starts at most 64 characters before its @
_WEB = re.compile(r"(?:https?://|www\.)[\x21-\x7e]{1,500}")
_MAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{1,64}")
_MAIL_BEFORE, _MAIL_AFTER = 64, 1 + 64 + 1 + 64
_CN_DIGIT = re.compile(r"[一二三四五六七八九十]")
_CLOCK_PARTS = ("pod", "hh", "mi", "hw", "mw", "half", "ta")
_CLOCK_FOLLOW = re.compile(r"[ ]?(?:整|起|开始|至|到|—|-|~|～|前|许)")
_BRACKETED_DATE = re.compile(r"[（(][ ]?(?:[0-9]{4}年|[0-9]{1,2}月|[0-9]{1,2}日)")

# the finest unit a reading names: what a range's two ends must share
_DAY_RULES = {"rel_day"}  # an ISO date has its day (d); 2018.03-2019.06 is months
_INT_PARTS = ("y", "m", "d", "q", "qn", "mn", "c", "dec", "wn", "nth", "nw", "y2", "m2", "d2", "dec2")
_INT_KEYS = frozenset(_INT_PARTS)


@dataclass(slots=True)
class Reading:
    rule: str
    start: int
    end: int
    parts: dict
    end_parts: Optional[dict] = None  # the second end of a range

    @property
    def unit(self) -> str:
        return unit_of(self.parts, self.rule)


def unit_of(parts: dict, rule: str) -> str:
    if "hh" in parts or "hw" in parts:
        return "time"
    if "d" in parts or "rd" in parts or "hol" in parts or "wd" in parts or "lm" in parts or "lmn" in parts \
            or rule in _DAY_RULES:
        return "day"  # (the commonest first: all of these name a day)
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


def _extend(core: Core, text: str) -> Optional[Reading]:
    """The reading of `core` with its suffixes (its parts dict becomes the reading's: scan()
    makes a new one for each core), or None when it is no date."""
    parts, end = core.parts, core.end
    if core.rule == "holiday":
        end = _holiday_end(parts, text, core.start, end)
        if end is None:
            return None
    if core.rule == "lunar" and not _is_lunar(parts):
        return None
    if core.rule == "weekday" and _weekday_not_a_date(text, core.start, end):
        return None
    if core.rule == "compact" and not _compact_is_date(text, core.start, end):
        return None
    if core.rule == "rel_day" and "to" in lexicon()["relative_days"].get(parts.get("rd"), {}):
        parts["rd2"] = lexicon()["relative_days"][parts["rd"]]["to"]  # 今明两天: today to tomorrow
    if core.rule == "day_pair":  # 7月12、13日
        parts["d"], parts["d2"] = parts.pop("dp").split("、")
    if core.rule == "iso" and "y2" not in parts:
        m = match_suffix("iso_day", text, end)
        if not m:
            return None
        parts["d"], end = m.group("d"), m.end()
        m = match_suffix("iso_clock", text, end) if len(parts["d"]) == 2 else None
        if m:  # 2023-07-0318:00
            parts["hh"], parts["mi"], end = m.group("hh"), m.group("mi"), m.end()
    if core.rule == "century":
        m = match_suffix("decade", text, end)
        if m:
            parts["dec"] = m.group("dec")
            if m.group("decp"):
                parts["decp"] = m.group("decp")
            end = m.end()
    if parts.get("decp"):  # 二三十年代: the first decade to the second
        pair = parts.pop("decp")
        parts["dec"], parts["dec2"] = pair[0] + "十", pair[1] + "十"
    if (core.rule == "month_led" and "d" not in parts and _CN_DIGIT.match(parts.get("m", ""))
            and text[end - 1:end] != "份" and not _part_of_month(text, end)):
        return None  # 十月怀胎, 阳春三月: a Chinese month alone is rarely a date (六月份, 三月底 are)
    unit = unit_of(parts, core.rule)  # (the same after a 同期: sp names no unit)
    if "ry" in parts and unit == "year" and match_suffix("same_period", text, end):
        end += 2  # 去年同期: the period of the date before it, a year earlier (resolve.py)
        parts["sp"] = "同期"
    if unit == "day" and "hh" not in parts:
        m = match_suffix("time", text, end)
        if m:
            for key in _CLOCK_PARTS:
                if m.group(key) is not None:
                    parts[key] = m.group(key)
            end = m.end()
    if core.rule == "clock" and not _after_gloss(parts, text, core.start) and not _clock_alone_ok(parts, text, end):
        return None
    if "hh" in parts or "hw" in parts:
        m = match_suffix("clock_to", text, end)
        if m:  # 8:00至17:30, 下午2点至5点: the end keeps the day (and the part of day)
            for key in _CLOCK_PARTS:
                if m.group(key) is not None:
                    parts[key + "2"] = m.group(key)
            if "pod2" not in parts and "pod" in parts:
                parts["pod2"] = parts["pod"]
            end = m.end()
        elif "d" in parts and (m := match_suffix("pod_to", text, end)):
            parts["d2"], parts["pod2"], end = parts["d"], m.group("pod"), m.end()  # 14日10点——下午: to that day
    m = match_suffix("mod", text, end)
    if m and _mod_fits(m.group("unit"), unit_of(parts, core.rule)):
        parts["mod"], end = m.group("mod"), m.end()
    return Reading(core.rule, core.start, end, parts)


def _part_of_month(text: str, end: int) -> bool:
    """三月底, 十一月上旬, 九月初: a part of the month after it (lexicon.yaml `month_parts`)
    makes a Chinese month a date; not a lunar day (十月初五: the lunar core's)."""
    m = match_suffix("mod", text, end)
    return (m is not None and m.group("unit") is None and m.group("mod") in lexicon()["month_parts"]
            and not _CN_DIGIT.match(text, m.end()))


def _holiday_end(parts: dict, text: str, start: int, end: int) -> Optional[int]:
    """Where a holiday mention ends, or None when the word is not the holiday here:
    五一 needs 假期/期间/前… or quotes of its own (“五一”档, “五一”和端午期间: quoted, the
    short form is a name); 大年三十除夕 is one mention; 除夕夜 keeps the day."""
    names = festivals.names()
    fest = names[parts["hol"]]
    if fest.after and not festivals.context(fest.after).match(text, end) and not (
            festivals.quoted(text, start, end) and not match_suffix("holiday", text, end + 1)):
        return None  # (“六一”国际儿童节: the full name after the quotes is the mention)
    m = match_suffix("holiday", text, end)
    if m and names[m.group("hol")].name == fest.name and not names[m.group("hol")].after:
        end = m.end()  # 大年三十除夕: two names of one day
    m = match_suffix("night", text, end)
    end = m.end() if m else end
    return None if festivals.not_after().match(text, end) else end


def _clock_alone_ok(parts: dict, text: str, end: int) -> bool:
    """A clock time without a day: 下午3点, 9时30分, 10:30, 3点半; not 3点 (three points)
    nor 9时 alone unless a range or a start follows (9时至11时, 9时起)."""
    if any(k in parts for k in ("pod", "hh", "mw", "half", "ta")):
        return True
    return bool(_CLOCK_FOLLOW.match(text, end))


# 今天（5月16日）13时, 昨晚（7月17日）10时20分: a clock time right after a day word's bracketed
# date is on that day; the word's part of the day (昨晚: 晚上) carries over to it
_GLOSS_BEFORE = re.compile(r"(?P<rd>[今昨明前][天日晚夜早晨]?)[（(][ ]?(?:[0-9]{1,2}月)?[0-9]{1,2}日[ ]?[)）][ ]?$")


def _after_gloss(parts: dict, text: str, start: int) -> bool:
    m = _GLOSS_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return False
    pod = lexicon()["relative_days"].get(m.group("rd"), {}).get("pod")
    if pod and "pod" not in parts:
        parts["pod"] = pod
    return True


def _compact_is_date(text: str, start: int, end: int) -> bool:
    """20240307 is a date after 日期/自/截至…, or before 起/前 or a second such date,
    and never after 编号/电话/订单号 (patterns.yaml: compact_*)."""
    before = text[max(0, start - 14):start]
    sfx = grammar().suffixes
    if sfx["compact_code_before"].search(before):
        return False
    return bool(sfx["compact_cue_before"].search(before) or sfx["compact_cue_after"].match(text, end))


def _weekday_not_a_date(text: str, start: int, end: int) -> bool:
    """周一至周五, 周一、周四 (a schedule); 3月8日（周五） and 周五（3月8日）: the weekday
    only qualifies the date beside it."""
    if match_suffix("weekday_schedule", text, end):
        return True
    if grammar().suffixes["weekday_schedule_before"].search(text[max(0, start - 6):start]):
        return True
    if start and text[start - 1] in "（(" and text[end:end + 1] in ("）", ")"):
        return True
    if text[max(0, start - 2):start].rstrip(" ")[-1:] in ("日", "号"):  # 2024年10月15日星期二
        return True
    return bool(_BRACKETED_DATE.match(text, end))


def _year_before(year: Reading, r: Reading, text: str) -> bool:
    """A bare year (2024年, 今年) right before a holiday or lunar date, 的 allowed between."""
    if year.rule != "year_led" or set(year.parts) - {"y", "ry"}:
        return False
    return year.end == r.start or (year.end == r.start - 1 and text[year.end] == "的")


def _month_before(month: Reading, r: Reading, text: str) -> bool:
    """A month (3月, 2024年5月, 本月, 下个月) right before 第二个周一, 的 allowed between."""
    if month.unit != "month" or month.end_parts is not None or "mod" in month.parts or "bp" in month.parts:
        return False
    return month.end == r.start or (month.end == r.start - 1 and text[month.end] == "的")


def _is_lunar(parts: dict) -> bool:
    """正月初一, 腊月二十三 and 三月初三 are lunar by their names; 八月十五 or 8月15日
    only after 农历/阴历."""
    if "lc" in parts:
        return True
    if "lmn" in parts or "ldn" in parts:
        return False
    return parts["lm"] in ("正", "冬", "腊") or parts["ld"].startswith("初") or "leap" in parts


def _mod_fits(unit: Optional[str], grain: str) -> bool:
    if unit == "年":
        return grain == "year"
    if unit == "月":
        return grain == "month"
    return True


def _ints(parts: dict) -> dict:
    out = dict(parts)
    for key, value in parts.items():  # a few parts each: read them, not the 13 names
        if key in _INT_KEYS and isinstance(value, str):
            out[key] = to_int(value)
    return out


def _valid(r: Reading) -> bool:
    p = r.parts
    if p.get("m") is not None and not 1 <= p["m"] <= 12:
        return False
    if p.get("d") is not None and not 1 <= p["d"] <= 31:
        return False
    if p.get("q") is not None and not 1 <= p["q"] <= 4:
        return False
    return True


def _joinable(a: Reading, b: Reading) -> bool:
    """Two readings `a 至 b` form one range when b names the same finest unit (a
    month and a day also join when b names its month: 2024年10月下旬至12月31日);
    a relative day starts one only before a date with its month (即日起至11月15日, 即日起至5月底),
    two clock times only when b names its day (3月1日8:00—3月3日17:00)."""
    if a.end_parts is not None or b.end_parts is not None:
        return False
    if a.rule == b.rule == "rel_day":
        return _forward_days(a, b)
    if b.rule in ("rel_day", "week", "weekday", "bare_part", "bracket_day") or a.rule in ("week", "weekday"):
        return False
    b_month = "m" in b.parts or "rm" in b.parts
    if a.rule in ("rel_day", "bracket_day"):
        return b_month and b.unit in ("day", "month")
    if a.unit == "time" or b.unit == "time":
        return a.unit == b.unit and "d" in b.parts
    if a.unit != b.unit:
        return a.unit in ("month", "day") and b.unit in ("month", "day") and b_month
    return True


def _forward_days(a: Reading, b: Reading) -> bool:
    """今天夜间到明天白天, 昨天至今天: two day words of the publication, the second later: one
    range (a weather forecast's period)."""
    days = lexicon()["relative_days"]
    x, y = days.get(a.parts.get("rd"), {}), days.get(b.parts.get("rd"), {})
    return (x.get("base") == y.get("base") == "publication" and "offset" in x and "offset" in y
            and x["offset"] < y["offset"])


def _from_today(a: Reading, b: Reading, to: str) -> bool:
    """今天起至27日, 今天到15日: a day word of the publication starting a period up to a day
    of the month: one range, its end in the start's month (guide v2: a range written with
    至/到 is one mention)."""
    return (a.rule == "rel_day" and a.end_parts is None and b.rule == "day"
            and b.end_parts is None and lexicon()["relative_days"].get(a.parts.get("rd"), {}).get("base") == "publication")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """The spans _URL.finditer(text) gives, found without trying the e-mail alternative
    away from an @."""
    if "http" not in text and "www." not in text and "@" not in text:
        return []
    if "@" not in text:
        return [m.span() for m in _WEB.finditer(text)]
    ats = [m.start() for m in re.finditer("@", text)]
    out, pos, web = [], 0, _WEB.search(text)
    while True:
        if web is not None and web.start() < pos:  # inside an e-mail found since
            web = _WEB.search(text, pos)
        mail = _next_mail(text, ats, pos, web.start() if web else len(text))
        m = mail if mail is not None and (web is None or mail.start() < web.start()) else web
        if m is None:
            return out
        out.append(m.span())
        pos = m.end()


def _next_mail(text: str, ats: list[int], pos: int, before: int) -> Optional[re.Match]:
    """The leftmost e-mail match starting in [pos, before]: the @ of a later match lies
    later, so the first @ that gives one gives the leftmost."""
    for at in ats[bisect_right(ats, pos):]:
        lo = max(pos, at - _MAIL_BEFORE)
        if lo > before:
            return None
        m = _MAIL.search(text, lo, min(len(text), at + _MAIL_AFTER))
        if m is not None and m.start() < at:
            return m if m.start() <= before else None
    return None


def _in_url(urls: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < urls[i][1]


_SECOND_END: list[frozenset[str]] = []


def _second_end() -> frozenset[str]:
    """The parts that name the second end of a range (y2, m2, d2; hh2, pod2…): those of the
    grammar, and those _extend writes (a part's name + 2), whose names end in 2."""
    if not _SECOND_END:
        named = {part for pairs in grammar().parts.values() for _, part in pairs} | set(_CLOCK_PARTS)
        _SECOND_END.append(frozenset(k for k in named | {k + "2" for k in named} if k.endswith("2")))
    return _SECOND_END[0]


def readings(text: str) -> list[Reading]:
    urls = _url_spans(text)
    url_starts = [s for s, _ in urls]
    found: list[Reading] = []
    last_end = 0
    second_end = _second_end()
    for core in scan(text):
        if core.start < last_end:  # inside the suffix of the previous reading
            continue
        if urls and _in_url(urls, url_starts, core.start):
            continue
        r = _extend(core, text)
        if r is None:
            continue
        if r.rule in ("holiday", "lunar") and found and _year_before(found[-1], r, text):
            year = found.pop()  # 2024年春节, 今年的中秋: one mention
            r = Reading(r.rule, year.start, r.end, {**year.parts, **r.parts})
        if r.rule in ("nth_weekday", "nth_week"):
            if not (found and _month_before(found[-1], r, text)):
                continue  # 第二个周一 without its month
            month = found.pop()  # 3月的第二个周一: one mention
            r = Reading(r.rule, month.start, r.end, {**month.parts, **r.parts})
        last_end = r.end
        r.parts = _ints(r.parts)
        if not second_end.isdisjoint(r.parts):
            r.end_parts = {k[:-1]: v for k, v in r.parts.items() if k.endswith("2")}
            r.parts = {k: v for k, v in r.parts.items() if not k.endswith("2")}
        if _valid(r):
            found.append(r)
            if "rw" in r.parts:
                found.extend(_listed_weekdays(r, text))
            last_end = found[-1].end
    return _join_ranges(found, text)


def _listed_weekdays(r: Reading, text: str) -> list[Reading]:
    """本周六、周日: each listed weekday is a date of the same week."""
    out, end = [], r.end
    while "rw" in r.parts and "wd" in r.parts and len(out) < 6:
        m = match_suffix("next_weekday", text, end)
        if not m:
            break
        out.append(Reading("week", m.start() + 1, m.end(), {"rw": r.parts["rw"], "wd": m.group("wd")}))
        end = m.end()
    return out


_GLOSSED_RULES = ("rel_day", "bracket_day")


def _glossed(a: Reading, g: Reading, text: str) -> bool:
    """今天（1月31日）: a day word right before its date in brackets."""
    if a.rule not in _GLOSSED_RULES or g.unit != "day" or g.end_parts is not None:
        return False
    return bool(match_suffix("gloss_open", text, a.end)) and text[a.end:g.start].strip(" （(") == "" \
        and bool(match_suffix("gloss_close", text, g.end))


def _joinable_after_gloss(b: Reading) -> bool:
    """The end of a range whose start is a glossed day word: a date that names its month
    (至2月5日, 起至2025年3月29日) or a relative week (起到下周). A bare day (至24日) or a
    relative day (到今天) stays a mention of its own: the held-out gate fell with them
    (real-heldout's gold keeps a bare-day end apart; real-heldout9's joins 今天（6月13日）至17日)."""
    if b.end_parts is not None or b.rule in ("weekday", "bare_part", "bracket_day", "rel_day"):
        return False
    return (b.unit in ("day", "month") and "m" in b.parts) or (b.rule == "week" and "wd" not in b.parts)


def _join_ranges(found: list[Reading], text: str) -> list[Reading]:
    out: list[Reading] = []
    # the first characters the suffixes `to` and `to_now` may begin with (match_suffix's own
    # check, made here: most readings are followed by neither)
    firsts = grammar().suffix_firsts
    to_firsts, now_firsts = firsts.get("to"), firsts.get("to_now")
    i = 0
    while i < len(found):
        a = found[i]
        if i + 2 < len(found) and a.rule in _GLOSSED_RULES and _glossed(a, found[i + 1], text):
            # 今天（1月31日）至2月5日, 从今天（10月27日）起至2025年3月29日, 今天（12月7日）起到下周:
            # one range from the day word (guide v2: a range is one mention)
            g, b = found[i + 1], found[i + 2]
            to = match_suffix("to", text, match_suffix("gloss_close", text, g.end).end())
            if to and to.end() == b.start and _joinable_after_gloss(b):
                out.append(Reading(a.rule, a.start, b.end, a.parts, b.parts))
                i += 3
                continue
        if a.end_parts is None and a.rule not in ("rel_day", "bracket_day", "clock") \
                and (now_firsts is None or text[a.end:a.end + 1] in now_firsts):
            now = match_suffix("to_now", text, a.end)
            if now:  # 今年10月至今, 2021年至今: the range ends on the publication day
                a.end_parts, a.end = {"rd": now.group("now")}, now.end()
        if i + 1 < len(found) and (to_firsts is None or text[a.end:a.end + 1] in to_firsts):
            b = found[i + 1]
            to = match_suffix("to", text, a.end)
            if to and to.end() == b.start and (_joinable(a, b) or _from_today(a, b, to.group(0))):
                out.append(Reading(a.rule, a.start, b.end, a.parts, b.parts))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
