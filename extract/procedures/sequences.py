"""Steps written inline: arrow paths (打开"随申办"APP→搜索"异地备案"→填写就医地/时间) and
ordinal chains (首先…然后…最后)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .clauses import trim
from .lexicon import lexicon
from .words import article

_HAN = re.compile(r"[\u4e00-\u9fff]")
_MONEY = re.compile(r"\d[\d.]{0,12}\s{0,2}(?:万|亿)?元")
_SENTENCE = "。！？!?；;\n"
_MARKER_CHARS = "①②③④⑤⑥⑦⑧⑨⑩"
_CLAUSE_START = "，,。！？!?；;：:\n"


@dataclass
class Sequence:
    steps: list[tuple[int, int]]
    intro: Optional[tuple[int, int]]
    start: int
    end: int


def arrow_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """text[s:e] cut at its arrows; [] when it holds no arrow."""
    lex = lexicon()
    cuts = list(lex.arrow_re.finditer(text, s, e))
    if not cuts:
        return []
    bounds, a = [], s
    for m in cuts:
        bounds.append((a, m.start()))
        a = m.end()
    bounds.append((a, e))
    return [t for t in (trim(text, x, y) for x, y in bounds) if t[1] > t[0]]


def _plausible_path(text: str, parts, has_channel) -> bool:
    lex = lexicon()
    if len(parts) < 2:
        return False
    frags = [text[s:e] for s, e in parts]
    if any(len(f) > 40 or not _HAN.search(f) or _MONEY.search(f) for f in frags):
        return False
    return any(lex.service_re.search(f) for f in frags) or any(has_channel(s, e) for s, e in parts)


def find_arrows(text: str, has_channel) -> list[Sequence]:
    lex = lexicon()
    out = []
    if not article(text).holds_any(lex.guards["arrow_re"]):
        return out  # no arrow (most texts)
    seen = 0  # arrows before this were examined with an earlier one (same sentence window)
    for m in article(text).finditer(lex.arrow_re, lex.guards["arrow_re"]):
        if m.start() < seen:
            continue
        s = m.start()
        while s > 0 and text[s - 1] not in _SENTENCE and m.start() - s < 200:
            s -= 1
        e = m.end()
        while e < len(text) and text[e] not in _SENTENCE and e - m.end() < 400:
            e += 1
        seen = e
        # the path starts after the last clause break before its first arrow
        head = max(text.rfind(c, s, m.start()) for c in "，,：:")
        intro = trim(text, s, head) if head >= s else None
        p_start = head + 1 if head >= s else s
        last_arrow = list(lex.arrow_re.finditer(text, m.start(), e))[-1]
        tail = [t for t in (text.find(c, last_arrow.end(), e) for c in "，,") if t >= 0]
        p_end = min(tail) if tail else e
        while p_start < p_end and (text[p_start] in _MARKER_CHARS or text[p_start].isspace()):
            p_start += 1
        parts = arrow_parts(text, p_start, p_end)
        if _plausible_path(text, parts, has_channel):
            if intro and intro[1] <= intro[0]:
                intro = None
            out.append(Sequence(parts, intro, intro[0] if intro else parts[0][0], parts[-1][1]))
    return out


def _at_clause_start(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1] in " \t\u3000":
        j -= 1
    return j == 0 or text[j - 1] in _CLAUSE_START


def find_ordinal_chains(text: str) -> list[Sequence]:
    """首先…然后…最后: at least two steps that ask for a service action, none narrated (了)."""
    lex = lexicon()
    out = []
    if not article(text).holds_any(lex.guards["seq_first_re"]):
        return out  # no 首先 or 第一
    for m in article(text).finditer(lex.seq_first_re, lex.guards["seq_first_re"]):
        if not _at_clause_start(text, m.start()) or (out and m.start() < out[-1].end):
            continue
        limit = min(len(text), m.start() + 400)
        para = text.find("\n\n", m.end(), limit)
        limit = para if para >= 0 else limit
        marks = [m]
        for n in lex.seq_later_re.finditer(text, m.end(), limit):
            if not _at_clause_start(text, n.start()):
                continue
            marks.append(n)
            if lex.seq_last_re.fullmatch(n.group()):
                break
        if len(marks) < 3 and not (len(marks) == 2 and lex.seq_last_re.fullmatch(marks[-1].group())):
            continue
        steps = []
        for i, k in enumerate(marks):
            e = marks[i + 1].start() if i + 1 < len(marks) else _sentence_end(text, k.end(), limit)
            steps.append(trim(text, k.end(), e))
        heads = [text[s : s + 15] for s, e in steps]
        if sum(1 for h in heads if lex.service_re.search(h)) < 2 or any("了" in h for h in heads):
            continue
        s = m.start()
        while s > 0 and text[s - 1] not in _SENTENCE and m.start() - s < 120:
            s -= 1
        intro = trim(text, s, m.start())
        intro = intro if intro[1] > intro[0] else None
        out.append(Sequence(steps, intro, intro[0] if intro else m.start(), steps[-1][1]))
    return out


def _sentence_end(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] not in _SENTENCE:
        i += 1
    return i
