"""Sentences, clauses and the instruction clauses of running text (可至…办理, 务必于…前
通过…组建…): the steps of a question-and-answer block or a channel sentence."""
from __future__ import annotations

import re
from typing import Iterable

from ..schema import Span
from .lexicon import lexicon

SENTENCE_END = re.compile(r"[。！？!?；;\n]")
CLAUSE_END = re.compile(r"[，,：:。！？!?；;\n]")
_TRIM = " \t\u3000，,。；;：:、"
_PAIRS = {"（": "）", "(": ")", "“": "”", "「": "」"}


def spans(text: str, lo: int, hi: int, sep: re.Pattern) -> list[tuple[int, int]]:
    """Pieces of text[lo:hi] between separators, whitespace-trimmed, non-empty."""
    out, s = [], lo
    for m in sep.finditer(text, lo, hi):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, hi))
    return [t for t in (trim(text, a, b) for a, b in out) if t[1] > t[0]]


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip separators and unbalanced brackets/quotes from both ends."""
    changed = True
    while changed and s < e:
        changed = False
        while s < e and text[s] in _TRIM:
            s, changed = s + 1, True
        while e > s and text[e - 1] in _TRIM:
            e, changed = e - 1, True
        if s < e and text[s] in _PAIRS and _PAIRS[text[s]] not in text[s + 1 : e]:
            s, changed = s + 1, True
        if s < e and text[e - 1] in _PAIRS.values():
            opener = next(k for k, v in _PAIRS.items() if v == text[e - 1])
            if opener not in text[s : e - 1] and not (opener == text[e - 1]):
                e, changed = e - 1, True
    return s, e


def make_span(text: str, s: int, e: int) -> Span:
    s, e = trim(text, s, e)
    return Span(text=text[s:e], start=s, end=e)


def has_service_verb(fragment: str) -> bool:
    return bool(lexicon().service_re.search(fragment))


def _modal(fragment: str):
    """'open' if the clause asks the reader to act, 'negated' for 无需/不需要, else None."""
    lex = lexicon()
    for m in lex.modal_re.finditer(fragment):
        return "negated" if m.group() in lex.negations else "open"
    return "open" if lex.directive_re.match(fragment) else None


def instruction_clauses(text: str, lo: int, hi: int, skip: Iterable[tuple[int, int]] = ()) -> list[Span]:
    """Steps written as running text: a clause with a modal opens a step, which runs on
    through the following clauses of its sentence until a purpose clause (以便, 避免),
    a negated modal or a new modal. Kept only when it names a service action."""
    lex = lexicon()
    skip = list(skip)
    steps: list[Span] = []
    for s_lo, s_hi in spans(text, lo, hi, SENTENCE_END):
        cur = None
        for c_lo, c_hi in spans(text, s_lo, s_hi, CLAUSE_END):
            clause = text[c_lo:c_hi]
            kind = None if lex.condition_clause_re.search(clause) else _modal(clause)
            skipped = any(c_lo < b and a < c_hi for a, b in skip)
            if skipped or lex.step_stop_re.match(clause) or kind == "negated":
                if cur:
                    steps.append(cur)
                cur = None
                continue
            if kind == "open":
                if cur:
                    steps.append(cur)
                cur = (c_lo, c_hi)
            elif cur and lex.result_clause_re.search(clause):
                steps.append(cur)
                cur = None
            elif cur:
                cur = (cur[0], c_hi)
        if cur:
            steps.append(cur)
    return [
        make_span(text, a, b) for a, b in steps
        if has_service_verb(text[a:b]) and b - a <= lex.step_max and not lex.narrative_re.search(text[a:b])
        and not _authority_subject(text[a:b])
    ]


def _authority_subject(step: str) -> bool:
    """各统筹地区医保部门需在…完成: an obligation of an authority, not a step for the reader."""
    lex = lexicon()
    m = lex.modal_re.search(step)
    return bool(m and lex.authority_re.search(step[: m.start()]))
