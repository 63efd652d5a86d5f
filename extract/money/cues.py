"""The cue words of money (rules.yaml): a match that can become a mention holds one (its
currency, percent sign, 百分点, 百分之 or 成). A word that follows an amount in a match (元, 分,
成) counts only after a character an amount (number, scale word, 多/余/几) or the gap before a
currency can end with: 部分, 成为 are no cue.

Their starts are found by the dates extractor's Aho-Corasick pass (dates/grammar.py
`word_hits`: the automaton carries WORDS beside the date start words), so the text is read
once for both; `CUE`, the same as one regex, where the automaton cannot read a text.
Kept free of the big patterns: the dates grammar imports it."""
from __future__ import annotations

import re

from .numerals import NUMERAL_CHARS
from .rules import RULES

AMOUNT_LAST = "".join(sorted(set(
    NUMERAL_CHARS + RULES["daxie_chars"] + " \t\n\u3000"
    + "".join(w[-1] for key in ("scales", "approx_infix", "vague_scales") for w in RULES[key]))))
LEAD = frozenset(RULES["currency_prefix"]) | set(RULES["percent_signs"]) | set(RULES["pp_words"]) | set(
    RULES["percent_words"])
AFTER = frozenset(set(RULES["currency_suffix"]) | set(RULES["subunit_suffix"]) | {"成"}) - LEAD
WORDS: tuple[str, ...] = tuple(sorted(LEAD | AFTER, key=lambda w: (-len(w), w)))


def _cue(word: str) -> str:
    w = re.escape(word)
    return w if word in LEAD else f"{w}(?<=[\\d{re.escape(AMOUNT_LAST)}]{w})"


CUE = re.compile("|".join(_cue(w) for w in WORDS))

_AMOUNT_LAST = frozenset(AMOUNT_LAST)


_AFTER = tuple(w in AFTER for w in WORDS)


def starts(text: str, hits: list[tuple[int, int]]) -> list[int]:
    """Where CUE matches in `text`, in order (a start may come twice), from `hits`: (index
    into WORDS, start) of every occurrence of every word, in the order of their starts. A word
    of AFTER counts where the character before it is a decimal digit (the regex's \\d) or one of
    AMOUNT_LAST."""
    after, last = _AFTER, _AMOUNT_LAST
    return [s for k, s in hits if not after[k] or (s and ((c := text[s - 1]) in last or c.isdecimal()))]
