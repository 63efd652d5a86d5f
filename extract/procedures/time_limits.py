"""Relative time limits inside a procedure's steps: a duration counted from an event
(区民政部门应当在受理申请后1个月内完成实地核实 -> within P1M after 受理申请, action 完成实地核实,
actor 区民政部门). They have no calendar due, so they are no document deadline; each
belongs to the procedure whose step states it."""
from __future__ import annotations

import re
from functools import lru_cache

from ..schema import Deadline, Span
from .clauses import trim
from .lexicon import lexicon

_CN = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_LIMIT_WORD = re.compile(r"内|之内|以内")
_INSTRUMENT = re.compile(r"根据|按照|依照|依据|通过|经")


@lru_cache(maxsize=1)
def _rx():
    d = lexicon().data
    return re.compile(d["time_limit"]), d["time_limit_units"], re.compile(f"(?:{d['modal_pattern']})")


@lru_cache(maxsize=1)
def _number_unit() -> re.Pattern:
    """What every time limit holds, a number's last character and its unit (3个工作日, 十天):
    a step without it is not scanned for the whole pattern (whose optional 自…起 part
    makes it tried at every character)."""
    units = "|".join(sorted(map(re.escape, _rx()[1]), key=len, reverse=True))
    return re.compile(rf"[\d{''.join(_CN)}]个?(?:{units})")


def _number(tok: str) -> int:
    if tok.isdigit():
        return int(tok)
    if len(tok) == 1:
        return _CN.get(tok, 0)
    if tok[0] == "十":
        return 10 + _CN.get(tok[1], 0)
    return _CN.get(tok[0], 0) * 10 + (_CN.get(tok[2], 0) if len(tok) > 2 else 0)


def time_limits(text: str, steps: list[Span]) -> list[Deadline]:
    """The relative time limits stated in `steps` (each step read once)."""
    rx, units, modal = _rx()
    out = []
    has_limit = _number_unit().search
    for st in steps:
        if not has_limit(text, st.start, st.end):
            continue
        for m in rx.finditer(text, st.start, st.end):
            bounded = bool(m.group("anchor")) or text.startswith(("内", "之内", "以内"), m.end() - 2) \
                or bool(_LIMIT_WORD.search(text, m.end() - 2, m.end()))
            if not bounded or not m.group("n"):
                continue
            n = _number(m.group("n"))
            if n <= 0:
                continue
            unit = m.group("unit")
            # what is due: the rest of the clause after the limit (完成初核并提交…核实)
            e = m.end()
            while e < st.end and text[e] not in "，,。；;\n":
                e += 1
            a_s, a_e = trim(text, m.end(), e)
            for _ in range(3):  # 在受理之日起3个工作日内,根据…情况,提出审核意见: the next clause that acts
                if (a_e > a_s and not _INSTRUMENT.match(text, a_s, a_e)) or e >= st.end:
                    break
                e2 = e + 1
                while e2 < st.end and text[e2] not in "，,。；;\n":
                    e2 += 1
                a_s, a_e = trim(text, e + 1, e2)
                e = e2
            # who must act: the words before the modal that opens the step
            mm = modal.search(text, st.start, m.start())
            actor = text[st.start : mm.start()].strip(" ，,") if mm and mm.start() > st.start else None
            if actor and (actor[-1] in "后时的" or any(c in actor for c in "，,")):
                actor = None  # 开展先行急难救助后 is when, not who
            out.append(Deadline(
                within=f"P{n}{units[unit]}", working_days=unit == "工作日" or None,
                anchor=m.group("anchor"), date_text=m.group(0), action=text[a_s:a_e] or None,
                actor=actor if actor and len(actor) <= 30 else None, start=m.start(), end=m.end()))
    return out
