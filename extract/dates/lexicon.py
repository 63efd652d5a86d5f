"""The date lexicon (lexicon.yaml), loaded once, and Chinese numeral reading."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from .. import datafiles

HERE = Path(__file__).parent


@lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    return datafiles.load_yaml(HERE / name)


def lexicon() -> dict:
    return load_yaml("lexicon.yaml")


def table(list_name: str) -> dict:
    """One word list: lexicon.yaml's, or one computed from the calendar library
    (holidays, lunar month and day names: festivals.py)."""
    from . import festivals

    computed = {"holidays": festivals.names, "lunar_months": festivals.lunar_month_names,
                "lunar_days": festivals.lunar_day_names}
    if list_name in computed:
        return computed[list_name]()
    return lexicon()[list_name]


def words(list_name: str) -> list[str]:
    """The keys of one word list, longest first (for a regex alternation)."""
    return sorted(table(list_name), key=lambda w: (-len(w), w))


@lru_cache(maxsize=1024)
def to_int(token: Optional[str]) -> Optional[int]:
    """'12' -> 12, '二十五' -> 25, '廿一' -> 21, '二〇二三' -> 2023, '十' -> 10 (the few
    numerals of dates, read once each)."""
    if token is None or token == "":
        return None
    if token.isascii():
        return int(token) if token.isdigit() else None
    lex = lexicon()
    digits, tens = lex["digits"], lex["tens"]
    token = token.translate({ord(ch): "〇" for ch in lex["year_zeros"]})  # 二0一五 (cached: once per token)
    if token in lex["month_words"]:
        return lex["month_words"][token]
    if all(ch in digits for ch in token):
        value = 0
        for ch in token:  # digit by digit: 二〇二三
            value = value * 10 + digits[ch]
        return value
    value = 0
    current = 0
    for ch in token:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            value += (current or 1) * 10
            current = 0
        elif ch in tens:
            value += tens[ch]
            current = 0
        else:
            return None
    return value + current
