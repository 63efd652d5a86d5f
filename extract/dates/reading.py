"""From core matches to readings: extend each core with its suffixes (ISO day,
clock time, mod), drop what is not a date, and join `X至Y` into one range."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .grammar import Core, match_suffix, scan
from .lexicon import lexicon

_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]{1,500}|[\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{1,64}")
_CN_DIGIT = re.compile(r"[一二三四五六七八九十]")

# the finest unit a reading names: what a range's two ends must share
_DAY_RULES = {"iso", "rel_day"}
_INT_PARTS = ("y", "m", "d", "q", "qn", "c", "dec", "y2", "m2", "d2")


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
    if "d" in parts or "rd" in parts or ("rw" in parts and "wd" in parts) or rule in _DAY_RULES:
        return "day"
    if "rw" in parts:
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
    if core.rule == "iso":
        m = match_suffix("iso_day", text, end)
        if not m:
            return None
        parts["d"], end = m.group("d"), m.end()
    if core.rule == "century":
        m = match_suffix("decade", text, end)
        if m:
            parts["dec"], end = m.group("dec"), m.end()
    if core.rule == "month_led" and "d" not in parts and _CN_DIGIT.match(parts.get("m", "")):
        return None  # 十月怀胎, 阳春三月: a Chinese month alone is rarely a date
    if unit_of(parts, core.rule) == "day":
        m = match_suffix("time", text, end)
        if m:
            for key in ("pod", "hh", "mi", "hw", "mw", "half"):
                if m.group(key) is not None:
                    parts[key] = m.group(key)
            end = m.end()
    m = match_suffix("mod", text, end)
    if m and _mod_fits(m.group("unit"), unit_of(parts, core.rule)):
        parts["mod"], end = m.group("mod"), m.end()
    return Reading(core.rule, core.start, end, parts)


def _mod_fits(unit: Optional[str], grain: str) -> bool:
    if unit == "年":
        return grain == "year"
    if unit == "月":
        return grain == "month"
    return True


def _ints(parts: dict) -> dict:
    from .lexicon import to_int

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


def readings(text: str) -> list[Reading]:
    urls = _url_spans(text)
    found: list[Reading] = []
    for core in scan(text):
        if urls and any(s <= core.start < e for s, e in urls):
            continue
        r = _extend(core, text)
        if r is None:
            continue
        r.parts = _ints(r.parts)
        if "y2" in r.parts or "m2" in r.parts or "d2" in r.parts:
            r.end_parts = {k[:-1]: v for k, v in r.parts.items() if k.endswith("2")}
            r.parts = {k: v for k, v in r.parts.items() if not k.endswith("2")}
        if _valid(r):
            found.append(r)
    return _join_ranges(found, text)


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


def relative_entry(list_name: str, word: str) -> dict:
    return lexicon()[list_name][word]
