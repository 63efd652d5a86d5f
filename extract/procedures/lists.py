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

        def close(limit: int):
            if len(run) >= 2:
                out.append(_build(text, name, run, data, limit))

        for m in rx.finditer(text):
            n = _number(m.group(1))
            start = m.start()
            while text[start] in " \t\u3000":
                start += 1
            if run and n == run[-1][2] + 1 and start - run[-1][1] <= data["max_gap"]:
                run.append((start, m.end(), n))
            else:
                close(start)
                run = [(start, m.end(), n)] if n == 1 else []
        close(len(text))
    return out


def _build(text: str, family: str, run, data, limit: int) -> OrderedList:
    """Items of one run; the last one ends at its sentence end, and never after `limit`
    (the next marker of the family, which starts another list)."""
    items = []
    ends = set(data["last_item_ends"])
    for i, (_, m_end, _) in enumerate(run):
        nl = text.find("\n", m_end)
        if i + 1 < len(run):
            e = run[i + 1][0]
            if 0 <= nl < e and text[m_end:nl].strip():
                e = nl
        else:
            e = min(limit, _last_item_end(text, m_end, ends, data["label_sentence_max"]))
        items.append(_strip(text, m_end, e))
    return OrderedList(family, items, _intro(text, run[0][0]), markers=[r[0] for r in run])


def _last_item_end(text: str, s: int, ends: set, label_max: int) -> int:
    """The last item ends at its sentence end, or the next one if the first sentence is
    only a label (享受待遇。公示无异议的，…)."""
    e = s
    for _ in range(4):
        while e < len(text) and text[e] not in ends:
            e += 1
        if e < len(text) and text[e] == "\n" and _wrapped(text, e):
            e += 1  # an OCR line wrap inside the item
            continue
        if e >= len(text) or text[e] == "\n":
            return e
        e += 1
        if e - s > label_max + 1:
            return e
    return e


def _wrapped(text: str, nl: int) -> bool:
    """A newline inside a sentence: no sentence end before it, text right after it."""
    return (nl > 0 and text[nl - 1] not in "。！？!?；;：:" and nl + 1 < len(text)
            and text[nl + 1] not in "\n①②③④⑤⑥⑦⑧⑨⑩" and not text[nl + 1].isdigit())


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
    gaps = [lst.markers[i + 1] - lst.items[i][1] for i in range(n - 1)]
    if n > 1 and sum(1 for g in gaps if g > data["outline_gap"]) * 2 >= n - 1:
        return "none"  # an outline: headings with body text in between
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
