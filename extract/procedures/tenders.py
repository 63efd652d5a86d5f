"""Tender and registration notices (issue 11, round 3: F1): a notice whose opening invites
bids (现对…进行公开招标，欢迎…投标) is read as numbered sections. The sections whose label
names a reader's action (发售/购买招标文件, 报名, 保证金, 投标截止/递交, 开标) are the steps, in
document order (neighbouring sections of one action are one step: 发售时间 then 发售地点); the
items of the 资格要求 section are the conditions (sub-items rather than their header); the
action sections and the contact sections (电话, 传真, 网址, 邮箱, 地址) give the channels.
Sections that state facts (项目编号, 预算, 评标方法) are no steps. Linear: one pass over the
lines. Patterns: tenders.yaml."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional

from ..datafiles import load_yaml
from ..schema import Span
from .assemble import Draft, Taken
from .clauses import make_span
from .lexicon import HERE
from .lists import OrderedList

_CN = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}


@lru_cache(maxsize=1)
def _data() -> dict:
    d = load_yaml(HERE / "tenders.yaml")
    rx = {k: re.compile(d[k]) for k in ("notice_open", "top_marker", "sub_marker", "qualification", "contact",
                                        "pointer", "sub_intro", "goal_name", "inline_sub", "step_action",
                                        "step_when", "fact_label", "note_label", "consequence", "unit_split", "unit_imperative",
                                        "note_section", "buyer", "party", "party_name")}
    rx["actions"] = [(k, re.compile(v)) for k, v in d["actions"].items()]
    return {**d, "rx": rx}


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN.get(s[1:], 0)
    if "十" in s:
        a, _, b = s.partition("十")
        return _CN.get(a, 0) * 10 + (_CN.get(b, 0) if b else 0)
    return _CN.get(s, 0)


def _lines(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in re.finditer("\n", text):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, len(text)))
    return out


def _numbered(text: str, lines) -> tuple[list[int], set[int]]:
    """(indices of the lines that open a numbered section, the families that number them: 1
    for 一、, 2 for 1、). A family numbers sections when it runs 1, 2, 3 … (or 2, 3 … after a
    一; sub-items that restart at 1 left out) over at least min_sections lines, min_known of
    which name an action, a qualification or a contact. Both may (a notice given twice: once
    as 2. 3. …, once as 二、三、…)."""
    data = _data()
    rx = data["rx"]["top_marker"]
    lines_out: list[int] = []
    fams: set[int] = set()
    for fam in (1, 2):
        run, expected, known = [], None, 0
        for k, (s, e) in enumerate(lines):
            m = rx.match(text, s, e)
            if not m or not m.group(fam):
                continue
            n = _cn_number(m.group(1)) if fam == 1 else int(m.group(2))
            if expected is None and n in (1, 2) or n == expected:
                run.append(k)
                expected = n + 1
                known += bool(_kind(text, m.end(), e, lines, k))
        if len(run) >= int(data["min_sections"]) and known >= int(data["min_known"]):
            lines_out.extend(run)
            fams.add(fam)
    return sorted(lines_out), fams


def _label(text: str, s: int, e: int) -> Optional[tuple[int, int]]:
    lim = int(_data()["label_max"])
    seg = text[s : min(e, s + lim + 1)]
    for c in "：:":
        i = seg.find(c)
        if 0 < i <= lim:
            return s, s + i
    return (s, e) if 0 < e - s <= lim else None


def _colon_label(text: str, s: int, e: int) -> bool:
    lab = _label(text, s, e)
    return bool(lab) and text[lab[1] : lab[1] + 1] in "：:"


def _first_sentence_kind(text: str, s: int, e: int) -> Optional[str]:
    end = text.find("。", s, e)
    end = e if end < 0 else end
    for key, arx in _data()["rx"]["actions"]:
        if arx.search(text, s, end):
            return key
    return None


def _kind(text: str, s: int, e: int, lines=None, k: int = -1) -> Optional[str]:
    """contact, qualification, an action key, or None, from the section's label; a numbered
    section whose label names none of them (四、招标文件) is read by its first sentence, on
    its line or the next (本项目的招标文件自…将报名函…)."""
    rx = _data()["rx"]
    lab = _label(text, s, e)
    if lab:
        if rx["contact"].search(text, *lab):
            return "contact"
        if rx["qualification"].search(text, *lab):
            return "qualification"
        for key, arx in rx["actions"]:
            if arx.search(text, *lab):
                return key
        if lines is None:
            return None
        if lab[1] < e - 1:
            return _first_sentence_kind(text, lab[1] + 1, e)
        if 0 <= k < len(lines) - 1:
            ns, ne = lines[k + 1]
            if not rx["sub_marker"].match(text, ns, ne) and not rx["top_marker"].match(text, ns, ne) \
                    and not _colon_label(text, ns, ne):
                return _first_sentence_kind(text, ns, ne)
        return None
    return _first_sentence_kind(text, s, e)


def _conditions(text: str, lines, lo: int, hi: int, head: tuple[int, int]) -> list[Span]:
    """The items of a qualification section (lines lo..hi-1 after its heading line)."""
    rx = _data()["rx"]
    out: list[Span] = []
    marked: list[tuple[int, int]] = []
    for s, e in lines[lo:hi]:  # the marked lines that follow the heading (a plain line after them ends the list)
        if rx["sub_marker"].match(text, s, e) or rx["top_marker"].match(text, s, e):
            marked.append((s, e))
        elif marked and e > s:
            break
    rows = marked or [(s, e) for s, e in lines[lo:hi] if e > s]
    lab = _label(text, *head)
    if lab and lab[1] < head[1] - 1 and not marked:
        rows = [(lab[1] + 1, head[1])] + rows  # 投标人资格要求：具有…的供应商
    cut = []
    for s, e in rows:
        for m in rx["inline_sub"].finditer(text, s, e):
            cut.append((s, m.start()))
            s = m.end()
        cut.append((s, e))
    for s, e in cut:
        m = rx["sub_marker"].match(text, s, e) or rx["top_marker"].match(text, s, e)
        a = m.end() if m else s
        if rx["pointer"].search(text, a, e):
            continue
        intro = rx["sub_intro"].search(text, a, e)
        if intro:
            e = intro.start()
        elif text[a:e].rstrip(" \t\u3000")[-1:] in ("：", ":"):
            continue  # an item that only leads into sub-items (符合…法第二十二条的规定：), round 4
        while e > a and text[e - 1] in "；;。，,：: \t\u3000":
            e -= 1
        if e - a >= 4 and not (_label(text, a, e) == (a, e) and e - a <= 12 and text[e:e + 1] in "：:"):
            out.append(make_span(text, a, e))
    return out


_BRACKETS = re.compile(r"[（(][^（()）\n]*[）)]")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _field_label(text: str, s: int, e: int) -> Optional[str]:
    """The label of a field unit (投标截止时间：X; 投标截止时间和开标时间为X), if it has one."""
    lim = int(_data()["label_max"])
    seg = text[s : min(e, s + lim + 1)]
    cut = [i for i in (seg.find("："), seg.find(":"), seg.find("为")) if 0 < i <= lim]
    return seg[: min(cut)] if cut else None


def _unit_acts(text: str, s: int, e: int) -> bool:
    return bool(_data()["rx"]["step_action"].search(_BRACKETS.sub(lambda m: "\u3000" * len(m.group(0)), text[s:e])))


def _unit_is_step(text: str, s: int, e: int, kind: str) -> bool:
    """Whether one unit (an item or a sentence) of a section is a step: it asks the reader to
    act (a modal before a bidder's verb, brackets aside), or it is a when/where/how field of an
    obtain, bond or submit section. A list's intro (…需提供：) is none."""
    rx = _data()["rx"]
    if text[e - 1 : e] in "：:" or rx["sub_intro"].search(text, s, e):
        return False
    if _unit_acts(text, s, e):
        return True
    if kind in ("opening", "note"):
        return False
    lab = _field_label(text, s, e)
    return bool(lab) and bool(rx["step_when"].search(lab)) and not rx["fact_label"].search(lab)


def _plain(text: str, s: int, e: int) -> bool:
    """A line that is neither marked nor labelled: the value of a label on the line before."""
    rx = _data()["rx"]
    return e > s and not rx["sub_marker"].match(text, s, e) and not rx["top_marker"].match(text, s, e) \
        and not _colon_label(text, s, e)


def _names(text: str, u: tuple[int, int], kind: str) -> bool:
    """Whether unit u names the section's own action (购买招标文件 in an obtain section)."""
    return any(key == kind and arx.search(text, *u) for key, arx in _data()["rx"]["actions"])


def _step_units(text: str, a: int, b: int, kind: str) -> list[tuple[int, int]]:
    """The steps of an action section text[a:b] (tenders.yaml, round 4): its units (item lines
    less their marker and a 备注： label, cut at sentence ends) that ask to act, each less a
    trailing consequence clause (，逾期不予受理) and cut where a clause opens on its own time lead
    and modal (，报名时需提交…), and its when/where/how fields unless a unit that asks names the
    section's own action; where none is either, the whole section (an opening or notes section: nothing)."""
    rx = _data()["rx"]
    acts: list[tuple[int, int]] = []
    fields: list[tuple[int, int]] = []
    lines = [(a + ls, a + le) for ls, le in _lines(text[a:b])]
    k = 0
    while k < len(lines):
        ls, le = lines[k]
        k += 1
        m = rx["sub_marker"].match(text, ls, le) or rx["top_marker"].match(text, ls, le)
        if m:
            ls = m.end()
        lab = _label(text, ls, le)
        if lab and text[lab[1] : lab[1] + 1] in "：:":
            if rx["note_label"].search(text[lab[0] : lab[1]].strip()):
                ls = lab[1] + 1
            elif not text[lab[1] + 1 : le].strip() and k < len(lines) and _plain(text, *lines[k]) \
                    and not _unit_acts(text, *lines[k]):
                if _unit_is_step(text, ls, lines[k][1], kind):  # 发售时间：\n2030-03-01至03-05
                    fields.append((ls, lines[k][1]))
                k += 1
                continue
        s = ls
        for end in [x.start() for x in _SENTENCE_END.finditer(text, ls, le)] + [le]:
            us, ue = s, end
            s = end + 1
            while us < ue and text[us] in " \t\u3000":
                us += 1
            if ue - us < 4 or not _unit_is_step(text, us, ue, kind):
                continue
            c = rx["consequence"].search(text, us, ue)
            ue = c.start() if c else ue
            if not _unit_acts(text, us, ue):
                fields.append((us, ue))
                continue
            for m in rx["unit_split"].finditer(text, us, ue):
                if rx["unit_imperative"].search(text, us, m.start()) or _unit_acts(text, us, m.start()):
                    acts.append((us, m.start()))
                us = m.end()
            acts.append((us, ue))
    if any(_names(text, u, kind) for u in acts):
        return acts  # (its fields say when and where of that action: 购买招标文件时请携带… over 发售时间：…)
    if acts or fields:
        return sorted(acts + fields)
    return [] if kind in ("opening", "note") else [(a, b)]


def _note_sections(text: str, lines, numbered: list[int]) -> list[list]:
    """[\"note\", start, end] of each notes section (备注：…) up to the next numbered section: only its
    units that ask to act are steps (round 4)."""
    rx = _data()["rx"]
    out: list[list] = []
    i = 0
    for k, (s, e) in enumerate(lines):
        m = rx["top_marker"].match(text, s, e)
        lab = _label(text, m.end() if m else s, e)
        if not lab or not rx["note_section"].search(text[lab[0] : lab[1]].strip(" \t\u3000")):
            continue
        while i < len(numbered) and numbered[i] <= k:
            i += 1
        end = lines[numbered[i] - 1][1] if i < len(numbered) else len(text)
        a = lab[1] + 1 if text[lab[1] : lab[1] + 1] in "：:" else e
        if end > a and not (out and out[-1][2] > a):
            out.append(["note", a, end])
    return out


def buyer_owns(text: str, a: int, b: int) -> bool:
    """Whether the last line of text[a:b] that names a party of a notice names the buyer
    (招标人：X\n联系人：…\n联系电话：): what follows it is the buyer's contact (tenders.yaml buyer)."""
    rx = _data()["rx"]
    owner = False
    for s, e in _lines(text[a:b]):
        lab = _label(text, a + s, a + e)
        if lab and rx["party"].match(text, *lab):
            if not rx["buyer"].match(text, *lab):
                owner = False
            elif rx["party_name"].fullmatch(text, *lab):
                owner = True
    return owner


def tender_drafts(text: str, lists: list[OrderedList], taken: Taken, drafts: list[Draft]) -> None:
    """The procedure of a tender or registration notice (module doc), if the text is one."""
    data = _data()
    rx = data["rx"]
    if not rx["notice_open"].search(text, 0, min(len(text), int(data["notice_head"]))):
        return
    lines = _lines(text)
    numbered, fams = _numbered(text, lines)
    top = rx["top_marker"]
    hard, soft = set(numbered), set()
    for k, (s, e) in enumerate(lines):
        m = top.match(text, s, e)
        if k in hard or rx["sub_marker"].match(text, s, e) and not (m and m.group(1)):
            continue
        if fams == {2} and m and m.group(1):
            hard.add(k)  # 一、 stands above a 1、 numbering
        elif not m and _colon_label(text, s, e):
            (hard if _kind(text, s, e) else soft).add(k)
    bounds = sorted(hard | soft)
    last_numbered = max(numbered, default=-1)
    sections = []  # (kind, first line, end line (exclusive), where the body starts)
    numbered_set = set(numbered)
    next_hard = len(lines)
    ends: dict[int, int] = {}
    for i in range(len(bounds) - 1, -1, -1):  # where each section ends, from the last (one pass)
        k = bounds[i]
        soft_next = bounds[i + 1] if i + 1 < len(bounds) else len(lines)
        ends[k] = soft_next if (k not in numbered_set or k == last_numbered) else next_hard
        if k in hard:
            next_hard = k
    buyers: set[int] = set()  # the contact sections that are the buyer's (tenders.yaml buyer)
    owner = None  # the party the last party line names (buyer, agent), until a section that is no contact
    for k in bounds:
        s, e = lines[k]
        m = top.match(text, s, e)
        body = m.end() if m else s
        lab = _label(text, body, e)
        by_buyer = bool(lab) and bool(rx["buyer"].match(text, *lab))
        if lab and rx["party"].match(text, *lab):
            if not by_buyer:
                owner = "agent"
            elif rx["party_name"].fullmatch(text, *lab):
                owner = "buyer"  # 招标人：X (not 采购人联系人：, a contact label)
        if k not in hard:
            continue
        kind = _kind(text, body, e, lines, k)
        if kind != "contact":
            owner = None
        elif by_buyer or owner == "buyer":
            buyers.add(k)
        sections.append((kind, k, ends[k], body))
    steps: list[list] = []  # [key, start, end]
    conditions: list[Span] = []
    chan: list[tuple[int, int]] = []
    for kind, k, nxt, body in sections:
        s, e = lines[k][0], lines[nxt - 1][1]
        while e > s and text[e - 1] in " \t\u3000\n？?":
            e -= 1  # (and a line of lost characters: ？？？)
        if kind == "qualification":
            conditions.extend(_conditions(text, lines, k + 1, nxt, (body, lines[k][1])))
        elif kind == "contact":
            if k not in buyers:
                chan.append((s, e))
        elif kind:
            chan.append((s, e))
            if steps and steps[-1][0] == kind and steps[-1][2] == s - 1:
                steps[-1][2] = e
            else:
                steps.append([kind, body, e])
    starts = [st[1] for st in steps]  # (in document order, none overlapping)
    for n in _note_sections(text, lines, numbered):
        i = bisect_left(starts, n[2]) - 1
        if i < 0 or steps[i][2] <= n[1]:  # (a 备注 inside a section is read there)
            steps.append(n)
    steps.sort(key=lambda st: st[1])
    if not steps or taken.overlaps(steps[0][1], steps[-1][2]):
        return
    spans = [make_span(text, a, b) for kind, a, b in steps for a, b in _step_units(text, a, b, kind)]
    if not spans:
        return
    start = min([steps[0][1]] + [c.start for c in conditions])
    end = max(steps[-1][2], max((c.end for c in conditions), default=0))
    g = rx["goal_name"].search(text)
    name = g.group(1).strip(" \t\u3000；;。，,") if g else ""
    goal = f"参加{name}投标" if name else "投标"
    # (its conditions are its qualification items: no eligibility statement nearby joins it)
    drafts.append(Draft(start, end, goal, spans, conditions, channel_ranges=sorted(chan), closed_after=start))
    taken.add(start, end)
    for lst in lists:
        if start <= lst.start and lst.end <= end:
            lst.kind = "used"
