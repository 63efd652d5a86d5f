"""Ordered lists (1. 2. 3., ①②③, （1）, 一、二、, 第一步…第二步) found by marker runs, each
classified from its intro and items as a procedure, an eligibility list or neither."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import yaml

from .lexicon import HERE, lexicon

_CN = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


@dataclass
class OrderedList:
    family: str
    items: list[tuple[int, int]]            # item text spans (markers excluded)
    intro: Optional[tuple[int, int]] = None
    kind: str = "none"                       # procedure | condition | none
    markers: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.intro[0] if self.intro else self.markers[0]

    @property
    def end(self) -> int:
        return self.items[-1][1]


@lru_cache(maxsize=1)
def _config():
    data = yaml.safe_load((HERE / "markers.yaml").read_text(encoding="utf-8"))
    before = re.escape(data["anchor_before"])
    fams = []
    for f in data["families"]:
        body = f["re"]
        if f["anchored"]:
            body = f"(?:^|(?<=[{before}]))[ \\t\\u3000]{{0,3}}" + body
        fams.append((f["name"], re.compile(body, re.M)))
    return data, fams


def _number(tok: str) -> int:
    if tok.isascii() and tok.isdigit():
        return int(tok)
    if tok in _CN:
        return _CN[tok]
    return ord(tok) - ord("①") + 1


def _runs(text: str) -> list[OrderedList]:
    data, fams = _config()
    out = []
    for name, rx in fams:
        run: list[tuple[int, int, int]] = []  # (marker start, marker end, number)

        def close():
            if len(run) >= 2:
                out.append(_build(text, name, run, data))

        for m in rx.finditer(text):
            n = _number(m.group(1))
            start = m.start(1) if name not in ("arabic_paren", "chinese_paren") else m.start(1) - 1
            if run and n == run[-1][2] + 1 and start - run[-1][1] <= data["max_gap"]:
                run.append((start, m.end(), n))
            else:
                close()
                run = [(start, m.end(), n)] if n == 1 else []
        close()
    return out


def _build(text: str, family: str, run, data) -> OrderedList:
    items = []
    ends = set(data["last_item_ends"])
    for i, (_, m_end, _) in enumerate(run):
        nl = text.find("\n", m_end)
        if i + 1 < len(run):
            e = run[i + 1][0]
            if 0 <= nl < e and text[m_end:nl].strip():
                e = nl
        else:
            e = m_end
            while e < len(text) and text[e] not in ends:
                e += 1
            if e < len(text) and text[e] != "\n":
                e += 1
        items.append(_strip(text, m_end, e))
    return OrderedList(family, items, _intro(text, run[0][0]), markers=[r[0] for r in run])


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\u3000：:，,、":
        s += 1
    while e > s and text[e - 1] in " \t\u3000\n；;，,":
        e -= 1
    return s, e


def _intro(text: str, first: int) -> Optional[tuple[int, int]]:
    """The clause before a list: up to a colon on the same line, or the line before."""
    j = first
    while j > 0 and text[j - 1] in " \t\u3000":
        j -= 1
    if j > 0 and text[j - 1] in "：:":
        k = j - 1
        while k > 0 and text[k - 1] not in "。！？!?\n；;" and j - k < 80:
            k -= 1
        return (k, j - 1) if k < j - 1 else None
    if j > 0 and text[j - 1] == "\n":
        e = j - 1
        while e > 0 and text[e - 1] in "\n \t\u3000":
            e -= 1
        s = text.rfind("\n", 0, e) + 1
        if 0 < e - s <= 60:
            return s, e
    return None


def _is_action(text: str, s: int, e: int, data) -> bool:
    lex = lexicon()
    head = text[s : min(e, s + data["item_head_chars"])]
    return bool(lex.service_re.search(head)) and data["narrative"] not in head


def classify(text: str, lst: OrderedList, has_channel) -> str:
    data, _ = _config()
    lex = lexicon()
    intro = text[lst.intro[0] : lst.intro[1]] if lst.intro else ""
    if intro and lex.condition_intro_re.search(intro):
        return "condition"
    if intro and lex.non_procedure_cue_re.search(intro):
        return "none"
    n = len(lst.items)
    label_re = re.compile(data["label_item"])
    labels = sum(
        1 for s, e in lst.items
        if (m := label_re.match(text[s:e])) and not lex.service_re.search(m.group())
    )
    actions = sum(
        1 for s, e in lst.items
        if _is_action(text, s, e, data) or has_channel(s, e) or lex.arrow_re.search(text[s:e])
    )
    cue = bool(intro and lex.procedure_cue_re.search(intro))
    if cue and actions >= 1:
        return "procedure"
    if labels * 2 < n and actions >= max(2, math.ceil(0.6 * n)):
        return "procedure"
    return "none"


def find_lists(text: str, has_channel) -> list[OrderedList]:
    """All marker runs of two or more items, classified; `has_channel(s, e)` tells
    whether text[s:e] names a channel."""
    lists = _runs(text)
    for lst in lists:
        lst.kind = classify(text, lst, has_channel)
    return sorted(lists, key=lambda l: l.start)
