"""From core matches to readings: extend each core with its suffixes (ISO day,
clock time, mod), drop what is not a date, and join `X至Y` into one range."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from . import festivals
from .grammar import Core, fallback, match_suffix, scan
from .lexicon import load_yaml
from .lexicon import to_int

_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]{1,500}|[\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{1,64}")
_CN_DIGIT = re.compile(r"[一二三四五六七八九十]")

# the finest unit a reading names: what a range's two ends must share
_DAY_RULES = {"iso", "rel_day"}
_GUARDED = frozenset(load_yaml("patterns.yaml")["guarded"])
_INT_PARTS = ("y", "m", "d", "q", "qn", "c", "dec", "wn", "y2", "m2", "d2")


@dataclass
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
    if "hol" in parts or "lm" in parts or "lmn" in parts:
        return "day"
    if "d" in parts or "rd" in parts or ("rw" in parts and "wd" in parts) or rule in _DAY_RULES:
        return "day"
    if "rw" in parts or "wn" in parts:
        return "week"
    if "m" in parts or "rm" in parts or parts.get("bp", "").startswith("月"):
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
    parts, end = dict(core.parts), core.end
    if core.rule == "holiday":
        end = _holiday_end(parts, text, end)
        if end is None:
            return None
    if core.rule == "lunar" and not _is_lunar(parts):
        return None
    if core.rule == "iso":
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
            parts["dec"], end = m.group("dec"), m.end()
    if core.rule == "month_led" and "d" not in parts and _CN_DIGIT.match(parts.get("m", "")):
        return None  # 十月怀胎, 阳春三月: a Chinese month alone is rarely a date
    if "ry" in parts and unit_of(parts, core.rule) == "year" and match_suffix("same_period", text, end):
        end += 2  # 去年同期
    if unit_of(parts, core.rule) == "day" and "hh" not in parts:
        m = match_suffix("time", text, end)
        if m:
            for key in ("pod", "hh", "mi", "hw", "mw", "half"):
                if m.group(key) is not None:
                    parts[key] = m.group(key)
            end = m.end()
            m = match_suffix("clock_to", text, end) if "hh" in parts else None
            if m:  # 8:00至17:30: the end keeps the day, changes the clock
                parts["hh2"], parts["mi2"], end = m.group("hh"), m.group("mi"), m.end()
    m = match_suffix("mod", text, end)
    if m and _mod_fits(m.group("unit"), unit_of(parts, core.rule)):
        parts["mod"], end = m.group("mod"), m.end()
    return Reading(core.rule, core.start, end, parts)


def _holiday_end(parts: dict, text: str, end: int) -> Optional[int]:
    """Where a holiday mention ends, or None when the word is not the holiday here:
    五一 needs 假期/期间/前…; 大年三十除夕 is one mention; 除夕夜 keeps the day."""
    names = festivals.names()
    fest = names[parts["hol"]]
    if fest.after and not festivals.context(fest.after).match(text, end):
        return None
    m = match_suffix("holiday", text, end)
    if m and names[m.group("hol")].name == fest.name and not names[m.group("hol")].after:
        end = m.end()  # 大年三十除夕: two names of one day
    m = match_suffix("night", text, end)
    end = m.end() if m else end
    return None if festivals.not_after().match(text, end) else end


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
    for key in _INT_PARTS:
        if key in out:
            out[key] = to_int(out[key])
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
    """Two readings `a 至 b` form one range when b names the same finest unit."""
    if a.end_parts is not None or b.end_parts is not None:
        return False
    if a.rule in ("rel_day", "week") or b.rule in ("rel_day", "week", "bare_part"):
        return False
    return a.unit == b.unit and a.unit not in ("time",)


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "http" not in text and "www." not in text and "@" not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def _in_url(urls: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < urls[i][1]


def readings(text: str) -> list[Reading]:
    urls = _url_spans(text)
    url_starts = [s for s, _ in urls]
    found: list[Reading] = []
    last_end = 0
    for core in scan(text):
        if core.start < last_end:  # inside the suffix of the previous reading
            continue
        if urls and _in_url(urls, url_starts, core.start):
            continue
        r = _extend(core, text)
        if r is None and core.rule in _GUARDED:
            other = fallback(text, core.start)
            r = _extend(other, text) if other else None
        if r is None:
            continue
        last_end = r.end
        r.parts = _ints(r.parts)
        if any(k in r.parts for k in ("y2", "m2", "d2", "hh2")):
            r.end_parts = {k[:-1]: v for k, v in r.parts.items() if k.endswith("2")}
            r.parts = {k: v for k, v in r.parts.items() if not k.endswith("2")}
        if _valid(r):
            found.append(r)
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


def _join_ranges(found: list[Reading], text: str) -> list[Reading]:
    out: list[Reading] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            to = match_suffix("to", text, a.end)
            if to and to.end() == b.start and _joinable(a, b):
                out.append(Reading(a.rule, a.start, b.end, a.parts, b.parts))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
