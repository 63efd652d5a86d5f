"""Procedures: how a reader gets something done, as ordered steps with channels,
eligibility conditions and the deadlines that apply.

Sources, in order of precedence (a later source never overlaps an earlier one):
question-and-answer blocks (qa.py), ordered lists (lists.py), arrow paths and
首先…然后…最后 chains (sequences.py). Channel sentences (可通过一网通办、随申办…在线缴费)
and inline eligibility (申请条件为：…；…) join the procedure they stand next to; a channel
sentence on its own is a procedure only when it names two channels or more.
Channels come from channels.py, conditions from conditions.py; word lists and patterns
live in lexicon.yaml, markers.yaml and channels.tsv.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..schema import Deadline, Mention, Procedure, Span
from .channels import find_channels
from .clauses import SENTENCE_END, instruction_clauses, make_span, spans
from .conditions import inline_conditions, list_conditions
from .goal import goal_from
from .lexicon import lexicon
from .lists import OrderedList, find_lists
from .qa import asks_how, find_qa
from .sequences import arrow_parts, find_arrows, find_ordinal_chains

__all__ = ["extract_procedures", "find_channels"]

ATTACH_GAP = 120  # characters between a procedure and a channel sentence or eligibility list that joins it


@dataclass
class _Draft:
    start: int
    end: int
    goal: Optional[str]
    steps: list[Span]
    conditions: list[Span] = field(default_factory=list)


def _overlaps(s: int, e: int, taken) -> bool:
    return any(s < b and a < e for a, b in taken)


def _inside(s: int, e: int, lo: int, hi: int) -> bool:
    return lo <= s and e <= hi


def _near(d: _Draft, s: int, e: int) -> bool:
    return 0 <= s - d.end <= ATTACH_GAP or 0 <= d.start - e <= ATTACH_GAP


def _list_steps(text: str, lst: OrderedList) -> list[Span]:
    steps = []
    for s, e in lst.items:
        parts = arrow_parts(text, s, e)
        steps.extend(make_span(text, a, b) for a, b in (parts if len(parts) >= 2 else [(s, e)]))
    return steps


def _action_after_channels(text: str, lo: int, hi: int) -> Optional[str]:
    """What is left of text[lo:hi] after its last channel (可通过…缴纳医保费 -> 缴纳医保费)."""
    chans = find_channels(text, lo, hi)
    if not chans:
        return None
    return lexicon().goal_after_channel_re.sub("", text[chans[-1].end : hi])


def _drop_channel_statements(text: str, steps: list[Span]) -> list[Span]:
    """也可通过一网通办、随申办…在线缴费 says where, not what: it is no step when the
    procedure has steps that say what."""
    kept = [s for s in steps if (rest := _action_after_channels(text, s.start, s.end)) is None or len(rest) > 4]
    return kept or steps


def _goal(text: str, intro: Optional[tuple[int, int]]) -> Optional[str]:
    if not intro:
        return None
    rest = _action_after_channels(text, *intro)
    return goal_from(rest) if rest else goal_from(text[intro[0] : intro[1]])


def _cue_clause(text: str, intro: tuple[int, int]) -> tuple[int, int]:
    """The clause of an eligibility intro that holds its cue (同时满足以下条件的参保人可以申请)."""
    m = lexicon().condition_intro_re.search(text, *intro)
    if not m:
        return intro
    s = max([intro[0]] + [i + 1 for i in range(intro[0], m.start()) if text[i] in "，,；;"])
    e = min([intro[1]] + [i for i in range(m.end(), intro[1]) if text[i] in "，,；;"])
    return s, e


def _inquiry_only(steps: list[Span], allowed: frozenset) -> bool:
    """拨打12333热线咨询、登录门户网站查询: where to ask, not a procedure."""
    lex = lexicon()
    verbs = {v for s in steps for v in lex.service_re.findall(s.text)} - lex.access_verbs
    return bool(verbs) and verbs <= allowed


def _qa_drafts(text: str, lists: list[OrderedList], drafts: list[_Draft]) -> None:
    for qa in find_qa(text):
        inner = [l for l in lists if _inside(l.markers[0], l.end, qa.a_start, qa.a_end)]
        skip = [(l.markers[0], l.end) for l in inner if l.kind != "none"]
        skip += [_cue_clause(text, l.intro) for l in inner if l.kind == "condition" and l.intro]
        proc_lists = [l for l in inner if l.kind == "procedure"]
        if proc_lists:
            steps = [s for l in proc_lists for s in _list_steps(text, l)]
        else:
            steps = _drop_channel_statements(text, instruction_clauses(text, qa.a_start, qa.a_end, skip))
        conditions = [c for l in inner if l.kind == "condition" for c in list_conditions(text, l)]
        conditions += inline_conditions(text, qa.a_start, qa.a_end, skip)
        conditions.sort(key=lambda c: c.start)
        has_channels = bool(find_channels(text, qa.a_start, qa.a_end))
        lex = lexicon()
        if lex.inquiry_question_re.search(text[qa.q_start : qa.q_end]) and _inquiry_only(steps, lex.inquiry_verbs):
            continue
        if (steps or has_channels) and (asks_how(text[qa.q_start : qa.q_end]) or has_channels):
            drafts.append(_Draft(qa.start, qa.end, goal_from(text[qa.q_start : qa.q_end]), steps, conditions))
            for l in inner:
                l.kind = "used"


def _merge_channel_only(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """An answer that only names channels (有哪些缴费渠道？) joins the procedure next to it;
    alone it stays only when it names two channels or more."""
    out = [d for d in drafts if d.steps]
    for d in drafts:
        if d.steps:
            continue
        near = [o for o in out if _near(o, d.start, d.end)]
        if near:
            near[0].start, near[0].end = min(near[0].start, d.start), max(near[0].end, d.end)
            near[0].conditions.extend(d.conditions)
        elif len({c.name for c in find_channels(text, d.start, d.end)}) >= 2:
            out.append(d)
    return sorted(out, key=lambda d: d.start)


def _list_drafts(text: str, lists: list[OrderedList], drafts: list[_Draft]) -> None:
    taken = [(d.start, d.end) for d in drafts]
    for lst in lists:
        if lst.kind != "procedure" or _overlaps(lst.start, lst.end, taken):
            continue
        d = _Draft(lst.start, lst.end, _goal(text, lst.intro), _list_steps(text, lst))
        for c in lists:
            if c.kind == "condition" and _near(d, c.start, c.end):
                d.conditions.extend(list_conditions(text, c))
                d.start, d.end = min(d.start, c.start), max(d.end, c.end)
                c.kind = "used"
        drafts.append(d)
        taken.append((d.start, d.end))


def _sequence_drafts(text: str, has_channel, drafts: list[_Draft]) -> None:
    for seq in find_arrows(text, has_channel) + find_ordinal_chains(text):
        if not _overlaps(seq.start, seq.end, [(d.start, d.end) for d in drafts]):
            steps = [make_span(text, s, e) for s, e in seq.steps]
            drafts.append(_Draft(seq.start, seq.end, _goal(text, seq.intro), steps))


def _question_line(text: str, start: int) -> Optional[tuple[int, int]]:
    """如何办理异地就医备案？ on the line before: a question without 问/答 labels."""
    e = start
    while e > 0 and text[e - 1] in " \t\u3000":
        e -= 1
    if e == 0 or text[e - 1] != "\n":
        return None
    e -= 1
    while e > 0 and text[e - 1] == "\n":
        e -= 1
    s = text.rfind("\n", 0, e) + 1
    line = text[s:e]
    if 0 < len(line) <= 40 and line[-1] in "？?" and asks_how(line):
        return s, e
    return None


def _channel_sentences(text: str, drafts: list[_Draft]) -> None:
    """Sentences that name a channel and ask for an action: they join a procedure within
    ATTACH_GAP, or, naming two channels or more (hotlines aside), stand as one."""
    group: list[tuple[int, int, list[Span]]] = []

    def flush():
        if not group:
            return
        start, end = group[0][0], group[-1][1]
        steps = [s for g in group for s in g[2]]
        group.clear()
        near = [d for d in drafts if _near(d, start, end)]
        if near:
            d = near[0]
            d.start, d.end = min(d.start, start), max(d.end, end)
            return
        chans = {c.name for c in find_channels(text, start, end) if c.kind != "hotline"}
        if len(chans) >= 2 and not _inquiry_only(steps, lexicon().ask_verbs):
            q = _question_line(text, start)
            goal = goal_from(text[q[0] : q[1]]) if q else goal_from(_action_after_channels(text, steps[0].start, steps[0].end) or "")
            drafts.append(_Draft(q[0] if q else start, end, goal, steps))

    for s, e in spans(text, 0, len(text), SENTENCE_END):
        chans = find_channels(text, s, e)
        steps = instruction_clauses(text, s, e) if chans else []
        steps = [st for st in steps if any(st.start <= c.start < st.end for c in chans)]
        if not steps or _overlaps(s, e, [(d.start, d.end) for d in drafts]):
            flush()
            continue
        if group and "\n" in text[group[-1][1] : s]:
            flush()
        group.append((s, e, steps))
    flush()
    drafts.sort(key=lambda d: d.start)


def _contact_lines(text: str, drafts: list[_Draft]) -> None:
    """市医保局咨询电话：028-61881234 in the paragraph that ends a procedure joins it."""
    for m in lexicon().hotline_re.finditer(text):
        for d in drafts:
            if 0 <= m.start() - d.end <= ATTACH_GAP and "\n" not in text[d.end : m.start()]:
                d.end = max(d.end, m.end())
                break


def _inline_eligibility(text: str, drafts: list[_Draft]) -> None:
    """申请条件为：参加本市职工医保；… next to a procedure joins it."""
    taken = [(d.start, d.end) for d in drafts]
    for span in inline_conditions(text, 0, len(text)):
        if _overlaps(span.start, span.end, taken):
            continue
        for d in drafts:
            if _near(d, span.start, span.end):
                d.conditions.append(span)
                d.end = max(d.end, span.end)
                break


def _applies(x: Deadline, d: _Draft, mentions: Sequence[Mention]) -> bool:
    """A deadline applies when its span, or the span of its date mention, lies inside."""
    if _inside(x.start, x.end, d.start, d.end):
        return True
    date = mentions[x.date] if x.date is not None and 0 <= x.date < len(mentions) else None
    return date is not None and _inside(date.start, date.end, d.start, d.end)


def _finish(text: str, d: _Draft, deadlines: Sequence[Deadline], mentions: Sequence[Mention]) -> Procedure:
    links = [i for i, x in enumerate(deadlines) if _applies(x, d, mentions)]
    return Procedure(goal=d.goal, steps=d.steps, channels=find_channels(text, d.start, d.end),
                     conditions=sorted(d.conditions, key=lambda c: c.start), deadlines=links,
                     start=d.start, end=d.end)


def extract_procedures(text: str, mentions: Sequence[Mention], deadlines: Sequence[Deadline]) -> list[Procedure]:
    """Procedures in `text`, in document order; `deadlines` links are indices into
    the given list (those whose span, or whose date mention's span, lies inside the
    procedure's span)."""
    if not text:
        return []

    def has_channel(s: int, e: int) -> bool:
        return bool(find_channels(text, s, e))

    lists = find_lists(text, has_channel)
    drafts: list[_Draft] = []
    _qa_drafts(text, lists, drafts)
    _list_drafts(text, lists, drafts)
    _sequence_drafts(text, has_channel, drafts)
    drafts = _merge_channel_only(text, drafts)
    _channel_sentences(text, drafts)
    _inline_eligibility(text, drafts)
    _contact_lines(text, drafts)
    out = [_finish(text, d, deadlines, mentions) for d in drafts]
    return [p for p in out if p.steps or p.channels]
