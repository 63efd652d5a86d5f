"""Steps around a menu path: the action clauses before it (进入“海南惠琼保”公众号), its hops
(个人中心, 我要理赔), and what the clause asks for after it (…栏目拍摄或上传1张电子相片).
Two paths joined by 或 in one clause are two ways (two procedures sharing what follows)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..schema import Span
from .assemble import Draft
from .clauses import clause_spans, make_span, trim
from .goal import goal_from
from .lexicon import lexicon
from .paths import MenuPath, find_paths
from .prose import action_start

_SENTENCE_END = "。！？!?\n"
_CONTEXT = 300  # how far a path's sentence is looked for on each side


@lru_cache(maxsize=1)
def _rx():
    d = lexicon().data
    return {
        "ui_noun": re.compile(d["menu_tail_nouns"]),
        "paren": re.compile(r"[（(][^（）()]{0,60}[）)]"),
        "light": re.compile(d["menu_tail_light"]),
        "either": re.compile(r"^[^，,。；;]{0,30}?(?:或者|或)"),
    }


def sentence_around(text: str, s: int, e: int) -> tuple[int, int]:
    lo = s
    while lo > 0 and text[lo - 1] not in _SENTENCE_END and s - lo < _CONTEXT:
        lo -= 1
    hi = e
    while hi < len(text) and text[hi] not in _SENTENCE_END and hi - e < _CONTEXT:
        hi += 1
    return lo, hi


def path_only_item(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The hops of a list item that is nothing but a menu path (进入“我的”＞“社保卡”), else []."""
    paths = find_paths(text, s, e)
    if len(paths) != 1:
        return []
    p = paths[0]
    rest = (text[s : p.start] + text[p.end : e]).strip(" \t，,。；;：:")
    rest = _rx()["ui_noun"].sub("", rest)
    if len(rest) > 12 or any(c in rest for c in "，,；;"):
        return []
    return p.hops


def _tail(text: str, a: int, b: int) -> Optional[tuple[int, int]]:
    """What a clause asks for after a path: 栏目（…）拍摄或上传1张相片 -> 拍摄或上传1张相片;
    栏目办理 asks for nothing new."""
    rx = _rx()
    i = a
    while True:
        m = rx["ui_noun"].match(text, i, b) or rx["paren"].match(text, i, b)
        if not m or m.end() == i:
            break
        i = m.end()
    s, e = trim(text, i, b)
    if e <= s or rx["light"].fullmatch(rx["paren"].sub("", text[s:e])) or lexicon().result_clause_re.match(text, s, e):
        return None  # 栏目办理, …即可查看: nothing new to do
    return (s, e) if action_start(text, s, e) else None


def _groups(text: str, paths: list[MenuPath], clauses: list[tuple[int, int]]) -> list[list[MenuPath]]:
    """Paths of one clause joined by 或 are alternatives (a group each); other paths in
    the same sentence follow each other (one group)."""
    groups: list[list[MenuPath]] = [[paths[0]]]
    for prev, p in zip(paths, paths[1:]):
        between = text[prev.end : p.start]
        same_clause = any(a <= prev.start and p.end <= b for a, b in clauses)
        if same_clause and _rx()["either"].match(between):
            groups.append([p])
        else:
            groups[-1].append(p)
    return groups


def path_drafts(text: str, lo: int, hi: int, goal: Optional[str], whole_sentence: bool = False) -> list[Draft]:
    """Drafts for the menu paths in text[lo:hi] (the sentence around them when
    `whole_sentence`): one per way, each with the action clauses before its paths, its hops
    and the action that follows, and the text naming its channel."""
    if whole_sentence:
        lo, hi = sentence_around(text, lo, hi)
    paths = find_paths(text, lo, hi)
    if not paths:
        return []
    clauses = clause_spans(text, lo, hi, "，,；;")
    first_clause = next((k for k, (a, b) in enumerate(clauses) if a <= paths[0].start < b), 0)
    lead = [make_span(text, a, b) for a, b in clauses[:first_clause] if action_start(text, a, b)]
    last = paths[-1]
    k_last = next((k for k, (a, b) in enumerate(clauses) if a <= last.start < b), len(clauses) - 1)
    after: list[Span] = []
    tail = _tail(text, last.end, clauses[k_last][1]) if k_last < len(clauses) else None
    if tail:
        after.append(make_span(text, *tail))
    for a, b in clauses[k_last + 1 :]:
        if not action_start(text, a, b):
            break
        after.append(make_span(text, a, b))
    out = []
    prev_end = clauses[first_clause][0] if clauses else lo
    for group in _groups(text, paths, clauses):
        steps = [Span(text=s.text, start=s.start, end=s.end) for s in lead]
        for p in group:
            steps.extend(make_span(text, a, b) for a, b in p.hops)
        steps.extend(Span(text=s.text, start=s.start, end=s.end) for s in after)
        chan = [(prev_end, group[0].start)] + [(s.start, s.end) for s in lead]
        start = min([s.start for s in steps] + [prev_end])
        end = max(s.end for s in steps)
        g = goal or goal_from(after[0].text if after else text[group[-1].hops[-1][0] : group[-1].hops[-1][1]])
        out.append(Draft(start, end, g, steps, channel_ranges=chan))
        prev_end = group[-1].end
    return out
