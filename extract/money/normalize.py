"""Turns one scanner match into a `Mention` with normalized value, bounds, unit and mod,
or None when the match is not money or a percentage after all."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ..schema import Mention
from . import context as ctx
from .numerals import DIGITS, as_number, has_digit, parse_chinese, parse_number
from .rules import RULES, SPLIT_SCALES

SCALES = {k: Decimal(v) for k, v in RULES["scales"].items()}
SCALES.update({k: SCALES[v] for k, v in SPLIT_SCALES.items()})  # 千余万: the scale 千万 (approximate)
CUR_SUFFIX: dict[str, str] = RULES["currency_suffix"]
SUBUNIT_SUFFIX = {k: (v[0], Decimal(str(v[1]))) for k, v in RULES["subunit_suffix"].items()}
CUR_PREFIX: dict[str, str] = RULES["currency_prefix"]
SUBUNITS = {k: Decimal(str(v)) for k, v in RULES["subunits"].items()}
VAGUE_SCALES: dict[str, int] = RULES["vague_scales"]
VAGUE_RANGE = set(RULES["vague_range_prefix"])
PCT_WORDS = {k: Decimal(v) for k, v in RULES["percent_words"].items()}
MAX_PLAIN_DIGITS = 10  # longer digit runs without a scale are ids and phone numbers
_D = "0-9零一二两三四五六七八九" + RULES["daxie_chars"]
_SUB = re.compile(rf"(?:([{_D}]{{1,2}})(?:角|毛))?(?:零?([{_D}])分)?|([{_D}])")
BARE_SUBUNIT: dict[str, list[str]] = RULES["bare_subunit_needs"]


class Num:
    __slots__ = ("value", "start", "raw", "scaled", "approx", "chinese", "low")

    def __init__(self, value, start, raw, scaled, approx, chinese, low=None):
        self.value, self.start, self.raw = value, start, raw
        self.scaled, self.approx, self.chinese, self.low = scaled, approx, chinese, low


def read_number(m: re.Match, name: str,
                bare: bool = False) -> Optional[tuple[Decimal, int, bool, Optional[Decimal]]]:
    """(value, start, is_chinese, low end of a 三四百 pair) of the number group `name`."""
    return _number(m.group(name), m.start(name), bare)


def _number(raw: str, start: int, bare: bool) -> Optional[tuple[Decimal, int, bool, Optional[Decimal]]]:
    """read_number of a group's text `raw` found at `start`: a Chinese numeral swallowing
    word characters on its left (统一五百 -> 五百) is trimmed. A scale word without a digit
    (千万) counts only when `bare` (after 逾, 近, 超…)."""
    if raw[:1].isdigit():
        return parse_number(raw), start, False, None
    low, first = None, raw
    while raw and parse_chinese(raw) is None:
        raw, start = raw[1:], start + 1
    if not raw or not (has_digit(raw) or (bare and raw == first)):
        return None
    value = parse_chinese(raw)
    if len(first) - len(raw) == 1 and first[0] in DIGITS and raw[0] in DIGITS \
            and DIGITS[first[0]] + 1 == DIGITS[raw[0]] and len(raw) > 1:
        low, start = value * DIGITS[first[0]] / DIGITS[raw[0]], start - 1  # 三四百 = 300-400
    return value, start, True, low


def read_amount(raw: str, start: int, scale: Optional[str], approx: bool, bare: bool = False) -> Optional[Num]:
    """The amount of number group text `raw` (found at `start`) with its scale word and
    whether an approximation word (余, 多) stands around the scale."""
    got = _number(raw, start, bare)
    if got is None:
        return None
    value, start, chinese, low = got
    if not chinese and not scale and "." not in raw and len(raw.replace(",", "")) > MAX_PLAIN_DIGITS:
        return None
    if scale:
        value *= SCALES[scale]
        low = low * SCALES[scale] if low is not None else None
    return Num(value, start, got[0], bool(scale), approx or scale in SPLIT_SCALES, chinese, low)


def _mods(text: str, start: int, end: int, approx: bool,
          rates: bool = True) -> tuple[Optional[str], list[str], int]:
    """(mod, per units written before the amount, span start). Without `rates` (a
    percentage, which keeps no rate) the units are not read, only the 每… right before the
    amount that moves the span start the bound words are looked for before."""
    per: list[str] = []
    # the PER_REACH characters before the amount, read once (CLAUSE_PER_CHARS <= PER_REACH: the
    # 平均一 window is its tail while `start` stays)
    before = text[max(0, start - ctx.PER_REACH):start]
    each = "每" in before
    if each:  # neither reads a rate without one
        per, start = ctx.adjacent_per(text, start)
    if not rates:
        return _mod(text, start, end, approx), [], start
    if each:
        per = per or ctx.clause_per(text, start)
    if each or "平均一" in before[-ctx.CLAUSE_PER_CHARS:]:
        noun = ctx.distributive_per(text, start)  # 每个托位政府每年补贴3600元: 托位, then 年
        per = noun + per if noun and noun[0] not in per else per
    # a rate noun nearer the amount adds its units to those of 每 (每个孩子…月均托费: 孩子, 月)
    per = per + [u for u in ctx.rate_per(text, start) if u not in per]
    return _mod(text, start, end, approx), per, start


def _mod(text: str, start: int, end: int, approx: bool) -> Optional[str]:
    """The bound or approximation an amount spanning [start, end) is given by the words
    around it."""
    mod, _ = ctx.prefix_mod(text, start)
    return mod or ctx.suffix_mod(text, end) or ("APPROX" if approx else None) or ctx.far_mod(text, start)


def money(m: re.Match, text: str, head: Optional[tuple] = None) -> Optional[Mention]:
    """The money mention of scanner match `m`, or None. `head`: its groups pre, cur, n2 and
    u1 when the caller has read them already (a group read twice costs twice)."""
    pre, cur, n2, u1 = head or m.group("pre", "cur", "n2", "u1")
    if not (cur or pre or (n2 and u1)):
        return None  # no currency anywhere (most scanner matches): the checks below would say so
    n1, s1, a1, b1, s2, sub, per_text = m.group("n1", "s1", "a1", "b1", "s2", "sub", "per")
    written_cur, end = cur, m.end()
    if cur == "元人民币" and end == m.end("cur") and ctx.rmb_instrument_after(text, end):
        cur, end = "元", end - 3  # 125亿元人民币国债: 人民币 names the bonds (人民币国债)
    # 逾千万元: a bare scale word counts after a bound word (only a Chinese numeral can be one)
    # and after a rate's 每 (每斤百元: a hundred yuan a jin),
    # and a scale word on a scale word (将达百亿元: ten billion; 百元 alone stays no amount)
    bare = not pre and not n1[:1].isdigit() and (ctx.prefix_mod(text, m.start())[0] is not None
                                                 or ctx.after_each(text, m.start())
                                                 or (cur and ctx.compound_scale(n1, cur, text, m.end())))
    first = read_amount(n1, m.start("n1"), s1, bool(a1 or b1), bare)
    if first is None:
        return None
    if n2:
        a2, b2 = m.group("a2", "b2")
        second = read_amount(n2, m.start("n2"), s2, bool(a2 or b2))
    else:
        second = None
    if n2 and (second is None or not (cur or pre)):
        if not u1:
            return None
        second, cur, end = None, u1, m.end("u1")  # 5元-10次: keep the first amount
    if second is not None and u1 and ctx.from_to(text, m.start(), m.start("sep"), m.group("sep"), m.end()):
        second, cur, end = None, u1, m.end("u1")  # 从50元到500元: two amounts (the caller reads the second)
    if not (cur or pre):
        return None
    start = m.start("pre") if pre else first.start
    if pre and text[m.end("pre"):first.start].strip(" \u00a0"):
        return None  # 人民币 then a Chinese numeral swallowing a word: not this amount
    pre = pre.strip() if pre else pre
    if ctx.bad_before(text, start) or ctx.cut_number(text, first.start, n1, end):
        return None
    cur_end = m.end("cur") if written_cur and cur == written_cur else end
    if cur and cur.endswith("元") and ctx.yuan_is_word(text, cur_end):
        return None
    if cur == "日元" and ctx.day_before(text, start):
        return None
    if cur == "块" and not (sub or (ctx.clause_ends(text, cur_end) and ctx.kuai_is_money(text, start, cur_end))):
        return None
    daxie = ctx.is_daxie(n1)
    if cur in BARE_SUBUNIT and not _bare_subunit_ok(cur, n1, daxie):
        return None  # 三角 (a triangle), 8分 (a score): not money
    lone = first.chinese and not first.scaled and len(n1) == 1 and not pre and not daxie
    if lone and (ctx.lone_numeral_in_word(text, first.start) or ctx.lone_yuan_is_word(text, end)):
        return None
    if first.chinese and first.value == 1 and cur in ("分钱", "毛钱", "分", "毛") and ctx.idiom_after(text, end):
        return None  # 一分钱都不用垫: not a single cent
    code = CUR_SUFFIX.get(cur) if cur else None
    factor = Decimal(1)
    if cur in SUBUNIT_SUFFIX:
        code, factor = SUBUNIT_SUFFIX[cur]
    code = code or CUR_PREFIX.get(pre)
    values = [first.value * factor]
    if second is not None:
        v1 = first.value
        if second.scaled and not first.scaled and not u1 and first.raw < parse_number(n2):
            v1 = first.value * SCALES[s2]  # 5-10万元: the scale is written once
        values = [v1 * factor, second.value * factor]
    elif first.low is not None:
        values = [first.low * factor, first.value * factor]
    elif sub:
        values[0] += _subunit(sub)
    per = ctx.per_units(per_text) if per_text and end == m.end() else []
    mod, per_before, start = _mods(text, start, end, first.approx or bool(second and second.approx))
    if second is None:
        mod = ctx.bound_note(text, end, mod)  # 5000元以上（不含）
    confidence = 0.6 if not has_digit(n1) else 0.7 if lone or cur == "块" else 0.95
    rule = "money.range" if second else "money.per" if (per or per_before) else "money.amount"
    return _mention("money", text, start, end, values, mod=mod, per=(per_before + per) or None,
                    currency=code, rule=rule, confidence=confidence)


def _bare_subunit_ok(cur: str, raw: str, daxie: bool) -> bool:
    kinds = BARE_SUBUNIT[cur]
    return (daxie and "daxie" in kinds) or (raw[:1].isdigit() and "arabic" in kinds)


def _subunit(sub: str) -> Decimal:
    """5角3分, 伍角, 零伍分, 5 (3块5: jiao) after the yuan."""
    m = _SUB.fullmatch(sub)
    if not m:
        return Decimal(0)
    parts = [(m.group(i), SUBUNITS[unit]) for i, unit in ((3, "角"), (1, "角"), (2, "分")) if m.group(i)]
    values = [(parse_number(raw), scale) for raw, scale in parts]
    if any(v is None for v, _ in values):  # 0拾毛: no numeral, no subunit
        return Decimal(0)
    return sum((v * scale for v, scale in values), Decimal(0))


def vague(m: re.Match, text: str) -> Optional[Mention]:
    scale = VAGUE_SCALES[m.group("vs")]
    cur = m.group("vcur")
    code = CUR_SUFFIX.get(cur) or SUBUNIT_SUFFIX.get(cur, ("CNY",))[0]
    if cur.endswith("元") and ctx.yuan_is_word(text, m.end()):
        return None
    start, end = m.start(), m.end()
    if cur == "块" and not ctx.kuai_is_money(text, start, end):
        return None  # 几十块小纸片: pieces
    if m.group("vp") in VAGUE_RANGE:
        return _mention("money", text, start, end, [Decimal(2 * scale), Decimal(9 * scale)],
                        mod="APPROX", currency=code, rule="money.vague", confidence=0.4)
    return _mention("money", text, start, end, [Decimal(scale)], mod="APPROX", currency=code,
                    rule="money.vague", confidence=0.4)


_PCT_NAMES, _CPCT_NAMES, _CHENG_NAMES = ("pn1", "pn2"), ("cn1", "cn2"), ("chn",)  # number groups


def percent(m: re.Match, text: str) -> Optional[Mention]:
    pct, cpct = m.group("pct", "cpct")
    end = m.end()
    if pct:
        names, unit = _PCT_NAMES, m.group("pu").strip()
        pp = unit not in RULES["percent_signs"]
        divisor, rule = (Decimal(1), "percent.points") if pp else (Decimal(100), "percent.sign")
        if not pp and end < len(text) and text[end].isascii() and text[end].isalnum():
            return None  # %E4%B8 in a URL
    elif cpct:
        names, pp, rule = _CPCT_NAMES, False, "percent.words"
        divisor = PCT_WORDS[m.group("cw")]
    else:
        names, pp, rule, divisor = _CHENG_NAMES, False, "percent.cheng", Decimal(10)
        if ctx.cheng_is_word(text, end):
            return None
    raws = m.group(*names) if len(names) > 1 else (m.group(names[0]),)
    if cpct and raws[0] == "百" and not raws[1]:
        return _mention("percent", text, m.start(), end, [Decimal(1)], rule=rule, confidence=0.95)
    nums = [_number(raw, m.start(name), False) for name, raw in zip(names, raws) if raw]
    if None in nums:
        return None
    start = m.start() if not pct else nums[0][1]
    if ctx.bad_before(text, start) or (pct and ctx.listed_before(text, start)):
        return None
    if nums[0][2] and len(raws[0]) == 1 and ctx.lone_numeral_in_word(text, start):
        return None
    values = [n[0] / divisor for n in nums]
    mod, _, _ = _mods(text, start, end, False, rates=False)
    return _mention("percent", text, start, end, values, mod=mod, unit="pp" if pp else None,
                    rule=rule, confidence=0.95 if rule != "percent.cheng" else 0.8)


def _mention(kind, text, start, end, values, mod=None, per=None, currency=None, unit=None, rule=None,
             confidence=None) -> Mention:
    if len(values) == 2:
        lo, hi = sorted(values)
        return Mention(type=kind, start=start, end=end, text=text[start:end], min=as_number(lo),
                       max=as_number(hi), mod=mod, per=per, currency=currency, unit=unit, rule=rule,
                       confidence=confidence)
    return Mention(type=kind, start=start, end=end, text=text[start:end], value=as_number(values[0]),
                   mod=mod, per=per, currency=currency, unit=unit, rule=rule, confidence=confidence)
