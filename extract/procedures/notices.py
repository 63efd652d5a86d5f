"""Registration instructions of notices (issue 11, round 3: F2): a numbered list under
报名方法/参会须知/参展程序 whose items ask the reader to act (1、请及时填写出席确认表并交纳会费，
并将确认表发送至组委会…) is the registration procedure, even when its items are long; each item
is cut into steps at its sentences and at clauses that open a new action (并将/再/然后); asides
(以便…, 其中…, 额满为止) are left out. A list of who is invited (参会对象：1、…) gives the
conditions of the registration procedure that follows it; the organiser an instruction sends to
(发送至组委会) is its channel. A sentence asking the reader to send something to the organiser
(请…寄我会筹委会, 可通过电子邮件或信函反馈我司: F3) is a procedure of one step, with the labelled
lines after it (电子邮件：, 信函：) as channels. Patterns: notices.yaml."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..datafiles import load_yaml
from ..literals import needed_words
from .assemble import Draft, Taken
from .clauses import clause_spans, make_span
from .lexicon import HERE
from .lists import OrderedList
from .prose import action_start
from .words import article

_SENTENCE_STARTS = "。！？!?；;"


@lru_cache(maxsize=1)
def _data() -> dict:
    d = load_yaml(HERE / "notices.yaml")
    rx = {k: re.compile(d[k]) for k in ("instruction_heading", "new_step", "continue_step", "aside", "opener",
                                        "audience_heading", "notice_verb", "fronted", "destination",
                                        "send_sentence", "send_lines", "send_verb")}
    return {**d, "rx": rx}


def _item_steps(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The steps of one instruction item, in order."""
    rx = _data()["rx"]
    steps: list[list[int]] = []
    open_ = False
    for a, b in clause_spans(text, s, e, "，,；;。！？!?"):
        while a < b and text[a] in " \t\u3000\n":
            a += 1
        if a >= b:
            continue
        first = a == s or text[a - 1] in _SENTENCE_STARTS
        m = rx["opener"].match(text, a, b)
        if m and m.end() > a:
            a = m.end()
        if rx["aside"].match(text, a, b):
            open_ = False
            continue
        if not _acting(text, a, b):
            open_ = False
            continue
        n = rx["new_step"].match(text, a, b)
        c = rx["continue_step"].match(text, a, b)
        if open_ and c and not n and not first:
            steps[-1][1] = b  # …介绍，并提供照片: the same step goes on
            continue
        if n or c:
            a = (n or c).end()  # 并将… -> 将…, 并提供… -> 提供…
        steps.append([a, b])
        open_ = True
    return [(a, b) for a, b in steps]


def _acting(text: str, a: int, b: int) -> bool:
    """The clause opens with an action, after connectors (并将…发送, 再填写…), a fronted object
    included (将确认表发送至组委会)."""
    rx = _data()["rx"]
    if action_start(text, a, b):
        return True
    for name in ("new_step", "continue_step"):
        m = rx[name].match(text, a, b)
        if m:
            a = m.end()
            break
    if rx["fronted"].match(text, a, b):
        return bool(rx["notice_verb"].search(text, a, b)) or action_start(text, a + 1, b)
    return bool(rx["notice_verb"].match(text, a, b)) or action_start(text, a, b)


def _acts(text: str, s: int, e: int) -> bool:
    rx = _data()["rx"]
    m = rx["opener"].match(text, s, e)
    return bool(m and m.end() > s) or _acting(text, s, e)


def instruction_drafts(text: str, lists: list[OrderedList], taken: Taken, drafts: list[Draft]) -> None:
    """Registration procedures from instruction lists under a 报名方法-like heading."""
    rx = _data()["rx"]
    made: list[Draft] = []
    for lst in lists:
        if lst.kind != "none" or not lst.intro or not rx["instruction_heading"].search(text, *lst.intro):
            continue
        if sum(1 for s, e in lst.items if _acts(text, s, e)) * 2 < len(lst.items):
            continue
        # each item runs to the next marker (a line wrapped mid-word: 发送至组委\n会), the last
        # one to its line's end (…。并提供照片。 after the sentence the list found)
        items = [(s, lst.region_end(k)) for k, (s, e) in enumerate(lst.items)]
        s, e = items[-1]
        nl = text.find("\n", e)
        items[-1] = (s, len(text) if nl < 0 else nl)
        steps = [make_span(text, a, b) for s, e in items for a, b in _item_steps(text, s, e)]
        steps = [st for st in steps if st.end > st.start]
        if not steps or any(taken.overlaps(st.start, st.end) for st in steps):
            continue
        dest = [m.span("dest") for st in steps for m in rx["destination"].finditer(text, st.start, st.end)]
        d = Draft(lst.start, lst.end, _data()["goal"], steps, destinations=dest)
        made.append(d)
        lst.kind = "used"
        taken.add(lst.start, lst.end)
    if made:
        _audience_conditions(text, lists, made)
        drafts.extend(made)


def _audience_conditions(text: str, lists: list[OrderedList], made: list[Draft]) -> None:
    """参会对象：1、…5、… : the items are the conditions of the first registration procedure
    after the list (within audience_reach characters)."""
    from .conditions import list_conditions

    rx, reach = _data()["rx"], int(_data()["audience_reach"])
    starts = [d.start for d in made]
    for lst in lists:
        if lst.kind not in ("none", "condition") or not lst.intro or not rx["audience_heading"].search(text, *lst.intro):
            continue
        last = lst.items[-1][0]
        nl = text.find("\n", last, lst.end)
        k = bisect_left(starts, lst.end if nl < 0 else nl)  # (a last item may run into the next heading)
        if k == len(made) or made[k].start - lst.end > reach or made[k].conditions:
            continue
        for c in list_conditions(text, lst, lists):
            nl = c.text.find("\n")
            if nl > 0:
                c = make_span(text, c.start, c.start + nl)  # (a last item that ran into the next heading)
            if c.end > c.start:
                made[k].conditions.append(c)
        lst.kind = "used"


@lru_cache(maxsize=1)
def send_words() -> tuple[str, ...]:
    """The organiser words one of which every sending sentence holds (for words.py's vocabulary)."""
    return needed_words(_data()["rx"]["send_sentence"])


def sending_drafts(text: str, taken: Taken, drafts: list[Draft]) -> None:
    """F3: 请…于X前寄我会筹委会（地址）, 可通过电子邮件或信函反馈我司 — a sentence that asks the reader
    to send something to the organiser, outside any procedure, is a procedure of one step; the
    labelled lines right after it (电子邮件：…, 信函：…) add channels, a 请… sentence among them a step."""
    from .goal import goal_from
    d, rx = _data(), _data()["rx"]
    # (scanned around the organiser words the article's word pass found: none, no scan)
    for m in article(text).finditer(rx["send_sentence"], send_words()):
        sent = max(text.rfind(c, max(0, m.start() - 200), m.start()) for c in "。！？\n") + 1
        s = max([sent] + [text.rfind(c, sent, m.start()) + 1 for c in "，,；;"])  # the clause that asks
        e = min([i for i in (text.find(c, m.end(), m.end() + 200) for c in "。！？\n") if i >= 0] or [min(len(text), m.end() + 200)])
        ce = min([i for i in (text.find(c, m.end(), e) for c in "，,；;") if i >= 0] or [e])
        if taken.overlaps(s, e):
            continue
        steps = [make_span(text, s, e)]
        chan = [(s, e)]
        pos = e
        for _ in range(int(d["send_reach"])):
            nl = text.find("\n", pos)
            if nl < 0:
                break
            ls, le = nl + 1, text.find("\n", nl + 1)
            le = len(text) if le < 0 else le
            if not rx["send_lines"].match(text, ls, le):
                if ls < le:
                    break
                pos = le
                continue
            chan.append((ls, le))
            q = text.find("请", ls, le)
            if q >= 0:
                qe = min([i for i in (text.find(c, q) for c in "。！？") if 0 <= i < le] or [le])
                qs = max(ls, max(text.rfind(c, ls, q) for c in "。，,") + 1)
                steps.append(make_span(text, qs, qe))
            pos = le
        end = max(b for _, b in chan)
        verbs = list(rx["send_verb"].finditer(text, m.start(), m.end()))
        goal = text[verbs[-1].start() : m.end()] if verbs else goal_from(text[s:ce])
        drafts.append(Draft(s, end, goal, steps, channel_ranges=chan))
        taken.add(s, end)
