"""Eligibility: items of a list introduced by 符合以下任一条件 / 具体条件如下, or the clause
after 适用对象为 / 申请条件为 written inline."""
from __future__ import annotations

import re

from ..schema import Span
from .clauses import make_span
from .lexicon import lexicon
from .lists import OrderedList

_REFERS_TO_LIST = re.compile(r"以下|下列|如下")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
MAX_CHARS = 300  # an inline eligibility statement ends at its sentence end, or here


def list_conditions(text: str, lst: OrderedList) -> list[Span]:
    return [make_span(text, s, e) for s, e in lst.items]


def inline_conditions(text: str, lo: int, hi: int, skip=()) -> list[Span]:
    """适用对象为职工医保参保人本人的近亲属，包括配偶、父母、子女等 -> one condition."""
    out = []
    for m in lexicon().condition_intro_re.finditer(text, lo, hi):
        if _REFERS_TO_LIST.search(m.group()) or any(a <= m.start() < b for a, b in skip):
            continue
        limit = min(hi, m.end() + MAX_CHARS)
        end = _SENTENCE_END.search(text, m.end(), limit)
        e = end.start() if end else limit
        for a, b in _items(text, m.end(), e):
            out.append(make_span(text, a, b))
    return out


def _items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """参加本市职工医保；失能6个月以上；… -> one span per item (；-separated)."""
    out, a = [], s
    for i in range(s, e):
        if text[i] in "；;":
            out.append((a, i))
            a = i + 1
    out.append((a, e))
    return [(a, b) for a, b in out if b - a >= 2]
