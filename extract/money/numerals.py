"""Numbers as written in Chinese news: Arabic (1,200 / 25085.20) and Chinese numerals,
大写 included (伍佰, 两千, 一万二, 三点五). Values are exact `Decimal`s; `as_number` turns them
into the int/float the schema stores."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional, Union

from .rules import RULES

DIGITS: dict[str, int] = RULES["digits"]
SMALL: dict[str, int] = RULES["small_units"]
SECTION: dict[str, int] = RULES["section_units"]
NUMERAL_CHARS = "".join(list(DIGITS) + list(SMALL) + list(SECTION))


def parse_arabic(text: str) -> Decimal:
    """1,234 / 1，234 / 1 234 567.89 (thousands separators) as a Decimal."""
    return Decimal(text.replace(",", "").replace("，", "").replace(" ", "").replace("\u00a0", "").replace("\u2009", ""))


def _section(text: str) -> Optional[int]:
    """Value of a numeral below 10000 (三百五 = 350, 一千零五 = 1005, 十五 = 15)."""
    total, number, last_unit, prev = 0, None, None, ""
    for ch in text:
        if ch in DIGITS:
            if number is not None and number != 0 and prev in DIGITS:
                return None  # 一五百: two digits without a unit between them
            number = DIGITS[ch]
        elif ch in SMALL:
            unit = SMALL[ch]
            if last_unit is not None and unit >= last_unit:
                return None  # 百千: units must fall
            total += (1 if number is None else number) * unit
            number, last_unit = None, unit
        else:
            return None
        prev = ch
    if number is not None:
        # 三百五 = 350: a digit right after a unit counts in the next lower unit
        if last_unit is not None and prev in DIGITS and text[-2:-1] in SMALL:
            total += number * last_unit // 10
        else:
            total += number
    return total


def _integer(text: str) -> Optional[int]:
    if not text:
        return 0
    for unit_char in ("亿", "億", "万", "萬"):
        pos = text.rfind(unit_char)
        if pos >= 0:
            unit = SECTION[unit_char]
            left = _integer(text[:pos]) if pos else 1
            right_text = text[pos + 1:]
            if left is None:
                return None
            if len(right_text) == 1 and right_text in DIGITS and pos:
                right = DIGITS[right_text] * unit // 10  # 一万二 = 12000
            else:
                right = _integer(right_text.lstrip("零〇"))
            if right is None:
                return None
            return left * unit + right
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return None  # 二〇二三 is a year, 三五 a vague pair: not an amount
    return _section(text.lstrip("零〇") or "零")


def parse_chinese(text: str) -> Optional[Decimal]:
    """Value of a Chinese numeral, or None when it is not well formed."""
    whole, _, frac = text.partition("点")
    if frac and not all(ch in DIGITS for ch in frac):
        return None
    value = _integer(whole)
    if value is None or not whole:
        return None
    if frac:
        return Decimal(value) + Decimal("0." + "".join(str(DIGITS[ch]) for ch in frac))
    return Decimal(value)


_DIGIT_OR_TEN = frozenset(DIGITS) | {"十", "拾"}


def has_digit(text: str) -> bool:
    """A numeral needs a digit character or 十 (百元 alone is not an amount)."""
    return not _DIGIT_OR_TEN.isdisjoint(text)


_ARABIC = re.compile(r"\d[\d,， \u00a0\u2009]*(?:\.\d+)?\Z")


def parse_number(text: str) -> Optional[Decimal]:
    """The value of a numeral, or None for one that is neither Arabic nor Chinese
    (0拾: an Arabic digit before a Chinese unit)."""
    if text.isdecimal():
        return Decimal(text)  # digits only (most numbers): what parse_arabic would read
    if text[:1].isdigit():
        return parse_arabic(text) if _ARABIC.match(text) else None
    return parse_chinese(text)


def as_number(value: Decimal) -> Union[int, float]:
    whole = int(value)  # truncated: equal to the value when it is whole
    return whole if whole == value else float(value)
