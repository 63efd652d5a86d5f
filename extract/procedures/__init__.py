"""Procedures: how a reader gets something done, as ordered steps with channels,
eligibility conditions and the deadlines that apply.

Sources, in order of precedence (a later source never takes a step an earlier one took):
question-and-answer blocks (qa.py), ordered lists and lists of ways (lists.py), menu paths
(paths.py), application chains of regulations and 先…再… orders (prose.py), arrow paths
and 首先…然后…最后 chains (sequences.py), how-to questions answered in prose (qa.py). Channel
sentences (可通过一网通办、随申办…在线缴费) and contact lines join the procedure they stand
next to; a channel sentence on its own is a procedure only when it names two channels or
more. Channels come from channels.py, conditions from conditions.py; the procedures and
deadlines are matched by position (bisect), so the stage stays linear in the text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Optional, Sequence

from ..schema import Channel, Deadline, Mention, Procedure, Span
from .assemble import Draft, DraftIndex, Taken
from .channels import channel_spans, find_channels, hotline_matches, nothing_in
from .clauses import article_sentences, instruction_clauses, make_span, may_hold_steps
from .conditions import attach_conditions, inline_conditions
from .goal import goal_from
from .lexicon import lexicon
from .lists import OrderedList, find_lists, sorted_items, title_of
from .notices import instruction_drafts, sending_drafts
from .paths import find_paths
from .tenders import buyer_owns, tender_drafts
from .prose import action_steps, application_chains, benefit_applications, first_then, stage_chains
from .regulation import follow_up_scopes, regulation_chains
from .qa import QA, asks_how, find_qa, is_howto_line
from .sequences import arrow_parts, find_arrows, find_ordinal_chains
from .steps import path_drafts, path_only_item
from .time_limits import time_limits
from .words import article

__all__ = ["extract_procedures", "find_channels"]

ATTACH_GAP = 120  # characters between a procedure and a channel sentence or eligibility list that joins it
CONTACT_SECTION = 120  # how far after a 报名渠道 heading its contact is looked for
WHERE_GAP = 300   # characters between a procedure and the question of a where-answer that gives it channels
WHERE_REST = 4    # what may be left after a step's channels when it only says where (办理, 进行参保 -> 参保)
SHORT_LINE = 20   # lines this short between a procedure and a contact line (入口：\n理赔须知\n…) do not part them


def _list_steps(text: str, lst: OrderedList, items: Optional[list[tuple[int, int]]] = None) -> list[Span]:
    steps = []
    for s, e in lst.items if items is None else items:
        hops = path_only_item(text, s, e)
        if hops:
            steps.extend(make_span(text, a, b) for a, b in hops)
            continue
        parts = arrow_parts(text, s, e)
        steps.extend(make_span(text, a, b) for a, b in (parts if len(parts) >= 2 else [(s, e)]))
    return steps


def _action_after_channels(text: str, lo: int, hi: int) -> Optional[str]:
    """What is left of text[lo:hi] after its last channel (可通过…缴纳医保费 -> 缴纳医保费)."""
    chans = find_channels(text, lo, hi)
    if not chans:
        return None
    return lexicon().goal_after_channel_re.sub("", text[chans[-1].end : hi])


def _says_where(text: str, s: Span) -> bool:
    """可到…网点办理, 可通过A、B等渠道进行参保: the step names channels (offices named after a
    preposition included) and no action of its own."""
    chans = find_channels(text, s.start, s.end, broad=True)
    if not chans:
        return False
    rest = lexicon().goal_after_channel_re.sub("", text[max(c.end for c in chans) : s.end])
    return len(rest) <= WHERE_REST


def _drop_channel_statements(text: str, steps: list[Span]) -> list[Span]:
    """也可通过一网通办、随申办…在线缴费 says where, not what: it is no step when the
    procedure has steps that say what."""
    kept = [s for s in steps if not _says_where(text, s)]
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


def _inside(s: int, e: int, lo: int, hi: int) -> bool:
    return lo <= s and e <= hi


def _lists_inside(lists: list[OrderedList], starts: list[int], lo: int, hi: int) -> list[OrderedList]:
    i = bisect_left(starts, lo - 100)  # a list's intro may start before the block (答：以…为例：第一步…)
    out = []
    while i < len(lists) and lists[i].start < hi:
        if lists[i].markers[0] >= lo and lists[i].items[-1][0] < hi:
            out.append(lists[i])
        i += 1
    return out


def _qa_drafts(text: str, qas: list[QA], lists: list[OrderedList], taken: Taken, drafts: list[Draft]) -> None:
    starts = [l.start for l in lists]
    lex = lexicon()
    for qa in qas:
        if is_howto_line(qa):
            continue  # prose answers to how-to questions come last (_howto_drafts)
        if taken.overlaps(qa.start, qa.end):
            continue
        inner = _lists_inside(lists, starts, qa.a_start, qa.a_end)
        skip = [(l.markers[0], l.end) for l in inner if l.kind != "none"]
        skip += [_cue_clause(text, l.intro) for l in inner if l.kind == "condition" and l.intro]
        proc_lists = [l for l in inner if l.kind in ("procedure", "alternatives")]
        has_channels = bool(find_channels(text, qa.a_start, qa.a_end))
        question = text[qa.question[0] : qa.q_end]
        if not has_channels and (not asks_how(question) or (lex.yes_no_question_re.search(question)
                                                            and not lex.how_word_re.search(question))):
            # dropped below whatever its steps (asks neither how nor where, or 可以报销吗？
            # answered without a channel): only its condition lists' side effect is kept
            # (list_conditions marks a condition list's sub-lists used)
            for l in inner:
                if l.kind == "condition":
                    _list_conditions(text, l, lists)
            continue
        if proc_lists:
            steps = [s for l in proc_lists for s in _list_steps(text, l)]
        else:
            steps = _drop_channel_statements(text, instruction_clauses(text, qa.a_start, qa.a_end, skip))
            if not steps and not skip and lex.how_word_re.search(text, qa.q_start, qa.q_end):
                # 如何查询？答：关注“沪医保”公众号后，点击…查询: imperatives without a modal
                steps = [make_span(text, a, b) for a, b in action_steps(text, qa.a_start, qa.a_end)]
        conditions = [c for l in inner if l.kind == "condition" for c in _list_conditions(text, l, lists)]
        conditions += inline_conditions(text, qa.a_start, qa.a_end, skip)
        conditions.sort(key=lambda c: c.start)
        if lex.inquiry_question_re.search(question) and _inquiry_only(steps, lex.inquiry_verbs):
            continue
        if lex.yes_no_question_re.search(question) and not lex.how_word_re.search(question) and not has_channels:
            continue  # 可以报销吗？ answered without saying where: a rule, not a procedure
        if (steps or has_channels) and (asks_how(question) or has_channels):
            drafts.append(Draft(qa.start, qa.end, goal_from(question), steps, conditions))
            taken.add(qa.start, qa.end)
            for l in inner:
                l.kind = "used"


def _list_conditions(text: str, lst: OrderedList, lists: list[OrderedList]) -> list[Span]:
    from .conditions import list_conditions

    return list_conditions(text, lst, lists)


def _list_drafts(text: str, lists: list[OrderedList], taken: Taken, drafts: list[Draft]) -> None:
    for lst in lists:
        if lst.kind == "procedure":
            items, reqs = sorted_items(text, lst)
            steps = _list_steps(text, lst, items)
            if not steps or any(taken.overlaps(s.start, s.end) for s in steps):
                continue
            chan = ([lst.intro] if lst.intro else []) + items
            drafts.append(Draft(lst.start, lst.end, _goal(text, lst.intro), steps,
                                [make_span(text, a, b) for a, b in reqs], channel_ranges=chan,
                                container=not lst.line_items,
                                not_own=[it for it in lst.items if it not in items and it not in reqs]))
            for s in steps:
                taken.add(s.start, s.end)
        elif lst.kind == "alternatives":
            _alternative_drafts(text, lst, taken, drafts)


def _alternative_drafts(text: str, lst: OrderedList, taken: Taken, drafts: list[Draft]) -> None:
    """方法1：在“穗好办”APP的“办事>社保>申领”栏目办理。方法2：… : each item a procedure;
    a titled item (致电便民热线进行投诉。拨打【12345】…) gives the steps of its body."""
    for k, (s, e) in enumerate(lst.items):
        if taken.overlaps(s, e):
            continue
        title = title_of(text, s, e)
        body_start = title[1] + 1 if title else s
        goal = goal_from(text[title[0] : title[1]]) if title else _goal(text, lst.intro)
        made = path_drafts(text, body_start, e, goal)
        if made:
            for d in made:
                d.start, d.end = min(d.start, s), max(d.end, e)
            drafts.extend(made)
        else:
            steps = [make_span(text, a, b) for a, b in action_steps(text, body_start, e)]
            if not steps:
                continue
            drafts.append(Draft(s, e, goal, steps))
        taken.add(s, e)


def _path_drafts(text: str, taken: Taken, drafts: list[Draft]) -> None:
    for path in find_paths(text):
        if taken.overlaps(path.start, path.end):
            continue
        made = path_drafts(text, path.start, path.end, None, whole_sentence=True)
        made = [d for d in made if not any(taken.overlaps(s.start, s.end) for s in d.steps)]
        for d in made:
            drafts.append(d)
        for d in made:
            for s in d.steps:
                taken.add(s.start, s.end)


def _chain_drafts(text: str, taken: Taken, drafts: list[Draft]) -> None:
    chains = (application_chains(text) + first_then(text) + benefit_applications(text) + regulation_chains(text)
              + stage_chains(text))
    for ch in sorted(chains, key=lambda c: c.start):
        pieces: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(ch.steps):
            parts = action_steps(text, a, b) if k == 0 else []
            pieces.extend(parts if len(parts) >= 2 else [(a, b)])
        steps = [make_span(text, a, b) for a, b in pieces]
        steps = [s for s in steps if s.end > s.start]
        if len(steps) < (1 if ch.single else 2) or any(taken.overlaps(s.start, s.end) for s in steps):
            continue
        conditions = [make_span(text, a, b) for a, b in ch.conditions]
        drafts.append(Draft(ch.start, ch.end, ch.goal or goal_from(steps[0].text), steps,
                            [c for c in conditions if c.end > c.start],
                            channel_ranges=[(s.start, s.end) for s in steps] if ch.single else [],
                            closed_after=ch.closed_after, destinations=ch.destinations))
        for s in steps:
            taken.add(s.start, s.end)


def _sequence_drafts(text: str, has_channel, taken: Taken, drafts: list[Draft]) -> None:
    for seq in find_arrows(text, has_channel) + find_ordinal_chains(text):
        if taken.overlaps(seq.start, seq.end):
            continue
        steps = [make_span(text, s, e) for s, e in seq.steps]
        drafts.append(Draft(seq.start, seq.end, _goal(text, seq.intro), steps))
        taken.add(seq.start, seq.end)


def _howto_drafts(text: str, qas: list[QA], taken: Taken, drafts: list[Draft]) -> None:
    """如果遇到身边人突然倒地，要怎么办？ answered by a paragraph of instructions."""
    for qa in qas:
        if not is_howto_line(qa) or taken.overlaps(qa.a_start, qa.a_end):
            continue
        steps = [make_span(text, a, b) for a, b in action_steps(text, qa.a_start, qa.a_end)]
        if len(steps) >= 2 or (steps and find_channels(text, steps[0].start, steps[0].end)):
            where = bool(lexicon().where_word_re.search(text, qa.q_start, qa.q_end)) and all(_says_where(text, s) for s in steps)
            drafts.append(Draft(qa.q_start, qa.a_end, goal_from(text[qa.q_start : qa.q_end]), steps, where=where))
            taken.add(qa.q_start, qa.a_end)


def _where_answers(drafts: list[Draft]) -> list[Draft]:
    """续期到哪里办理？可到…网点办理: an answer that only names places gives channels to the
    procedure with steps that ends at most WHERE_GAP characters before its question (the one it
    asks about); with none there, it stays a procedure of its own."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.start):
        # (the last few drafts only: a run of where-answers costs no more than its length)
        prev = next((p for p in reversed(out[-4:]) if p.steps and not p.where), None) if d.where else None
        if prev is not None and 0 <= d.start - prev.end <= WHERE_GAP:
            if prev.channel_ranges:
                prev.channel_ranges.append((d.start, d.end))
            else:
                prev.channel_ranges = [(prev.start, prev.end), (d.start, d.end)]
            prev.end = max(prev.end, d.end)
            continue
        out.append(d)
    return out


def _merge_channel_only(text: str, drafts: list[Draft]) -> list[Draft]:
    """An answer that only names channels (有哪些缴费渠道？) joins the procedure next to it;
    alone it stays only when it names two channels or more."""
    out = sorted((d for d in drafts if d.steps), key=lambda d: d.start)
    index = DraftIndex(out)
    for d in drafts:
        if d.steps:
            continue
        near = index.near(d.start, d.end, ATTACH_GAP)
        if near:
            near[0].start, near[0].end = min(near[0].start, d.start), max(near[0].end, d.end)
            near[0].conditions.extend(d.conditions)
        elif len({c.name for c in find_channels(text, d.start, d.end)}) >= 2:
            out.append(d)
    return sorted(out, key=lambda d: d.start)


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
    s = text.rfind("\n", max(0, e - 200), e) + 1
    line = text[s:e]
    if 0 < len(line) <= 40 and line[-1] in "？?" and asks_how(line):
        return s, e
    return None


def _channel_sentences(text: str, drafts: list[Draft], taken: Taken) -> list[Draft]:
    """Sentences that name a channel and ask for an action: they join a procedure within
    ATTACH_GAP, or, naming two channels or more (hotlines aside), stand as one."""
    group: list[tuple[int, int, list[Span], list]] = []  # (start, end, steps, channels) of each sentence
    index = DraftIndex([d for d in drafts if not d.where])  # (a where-answer joins the procedure it asks about)
    new: list[Draft] = []

    def flush():
        if not group:
            return
        start, end = group[0][0], group[-1][1]
        steps = [s for g in group for s in g[2]]
        found = group[0][3] if len(group) == 1 else find_channels(text, start, end)  # (one sentence: its own)
        group.clear()
        chans = {c.name for c in found if c.kind != "hotline"}
        near = index.near(start, end, ATTACH_GAP)
        alternative = bool(lexicon().alternative_re.match(steps[0].text)) if steps else True
        if near and (alternative or len(chans) < 2 or chans & _draft_channels(text, near[0])
                     or _inquiry_only(steps, lexicon().inquiry_verbs)):
            d = near[0]
            if d.channel_ranges:
                d.channel_ranges.append((start, end))  # its channels join; its span stays its own
            else:
                d.start, d.end = min(d.start, start), max(d.end, end)
            return
        if len(chans) >= 2 and not _inquiry_only(steps, lexicon().ask_verbs):
            q = _question_line(text, start)
            goal = goal_from(text[q[0] : q[1]]) if q else goal_from(_action_after_channels(text, steps[0].start, steps[0].end) or "")
            new.append(Draft(q[0] if q else start, end, goal, steps))

    sents = article_sentences(text)
    prev = None  # the end of the last sentence looked at
    for s, e in sents.overlapping(channel_spans(text)):  # the others name no channel: no step
        if prev is not None and sents.next(prev) != (s, e):
            flush()  # a sentence without a channel between parts the group
        prev = e
        if taken.overlaps(s, e):  # (the cheap test first: a taken sentence gives nothing, steps or not)
            flush()
            continue
        if not may_hold_steps(text, s, e):  # (two scans: cheaper than the channels, and most fail)
            flush()
            continue
        chans = find_channels(text, s, e)
        steps = instruction_clauses(text, s, e, sentences=[(s, e)]) if chans else []
        steps = [st for st in steps if any(st.start <= c.start < st.end for c in chans)]
        if not steps:
            flush()
            continue
        if group and "\n" in text[group[-1][1] : s]:
            flush()
        group.append((s, e, steps, chans))
    flush()
    return sorted(drafts + new, key=lambda d: d.start)


def _draft_channels(text: str, d: Draft) -> set[str]:
    return {c.name for lo, hi in (d.channel_ranges or [(d.start, d.end)]) for c in find_channels(text, lo, hi)}


def _contact_lines(text: str, drafts: list[Draft]) -> None:
    """市医保局咨询电话：028-61881234 in the paragraph that ends a procedure joins it."""
    ends = sorted(range(len(drafts)), key=lambda i: drafts[i].end)
    end_pos = [drafts[i].end for i in ends]
    for m in hotline_matches(text):
        k = bisect_right(end_pos, m.start()) - 1
        while k >= 0 and m.start() - end_pos[k] <= ATTACH_GAP:
            d = drafts[ends[k]]
            between = text[d.end : m.start()]
            if ("\n" not in between or all(len(x) <= SHORT_LINE for x in between.split("\n"))) \
                    and not ("\n" in between and buyer_owns(text, d.end, m.start())):  # (a notice's buyer's contact)
                if d.channel_ranges:
                    d.channel_ranges.append((m.start(), m.end()))
                d.end = max(d.end, m.end())
                break
            k -= 1


def _contact_sections(text: str, drafts: list[Draft], taken: Taken) -> list[Draft]:
    """报名渠道\n报名表提交邮箱：a@b.cn — a section that says where to apply and gives only an
    address, a number or an e-mail: a procedure without steps, named by its heading."""
    lex = lexicon()
    new = []
    if not article(text).holds_any(lex.guards["contact_heading_re"]):
        return sorted(drafts, key=lambda d: d.start)  # no 渠道/方式/途径/地址: no heading (a scan for the words, not a try at every line)
    for m in article(text).finditer(lex.contact_heading_re, lex.guards["contact_heading_re"]):  # (tried at the lines holding them)
        end = min(len(text), m.end() + CONTACT_SECTION)
        found = [c for c in find_channels(text, m.end(), end, broad=True) if c.kind in ("email", "address", "hotline")]
        if not found or taken.overlaps(m.start(), found[-1].end):
            continue
        d = Draft(m.start(), found[-1].end, goal_from(m.group("what")), [], channel_ranges=[(m.end(), found[-1].end)])
        new.append(d)
        taken.add(d.start, d.end)
    return sorted(drafts + new, key=lambda d: d.start)


def _inline_eligibility(text: str, drafts: list[Draft], taken: Taken) -> None:
    """申请条件为：参加本市职工医保；… next to a procedure joins it."""
    index = DraftIndex(drafts)
    for span in inline_conditions(text, 0, len(text)):
        if taken.overlaps(span.start, span.end):
            continue
        near = index.around(span.start, span.end) or index.near(span.start, span.end, ATTACH_GAP)
        if near and (near[0].closed_after is None or span.start < near[0].closed_after):
            near[0].conditions.append(span)
            near[0].end = max(near[0].end, span.end)


def _link_deadlines(drafts: list[Draft], deadlines: Sequence[Deadline], mentions: Sequence[Mention]) -> list[list[int]]:
    """For each draft, the deadlines whose span, or whose date mention's span, lies inside
    it: the deadline anchors are sorted once and each draft looks up its own range."""
    anchors: list[tuple[int, int, int]] = []  # (start, end, deadline index)
    for i, x in enumerate(deadlines):
        anchors.append((x.start, x.end, i))
        if x.date is not None and 0 <= x.date < len(mentions):
            m = mentions[x.date]
            anchors.append((m.start, m.end, i))
    anchors.sort()
    keys = [a[0] for a in anchors]
    out = []
    for d in drafts:
        lo = bisect_left(keys, d.start)
        hi = bisect_right(keys, d.end)
        links = sorted({i for s, e, i in anchors[lo:hi] if e <= d.end})
        out.append(links)
    return out


def _finish(text: str, d: Draft, links: list[int]) -> Procedure:
    channels = []
    seen = set()
    for lo, hi in d.channel_ranges or [(d.start, d.end)]:
        for c in find_channels(text, lo, hi, broad=True):
            key = c.name.replace("微信公众号", "公众号")
            if key not in seen:
                seen.add(key)
                channels.append(c)
    for a, b in d.destinations:  # 发送至组委会: the organiser, a channel no pattern names
        if text[a:b] not in seen:
            seen.add(text[a:b])
            channels.append(Channel(name=text[a:b], kind="office", text=text[a:b], start=a, end=b))
    start = min([d.start] + [c.start for c in d.conditions])
    end = max([d.end] + [c.end for c in d.conditions] + [s.end for s in d.steps])
    return Procedure(goal=d.goal, steps=[Span(text=s.text, start=s.start, end=s.end) for s in d.steps],
                     channels=channels, conditions=sorted(d.conditions, key=lambda c: c.start), deadlines=links,
                     start=start, end=end, time_limits=time_limits(text, d.steps))


def extract_procedures(text: str, mentions: Sequence[Mention], deadlines: Sequence[Deadline]) -> list[Procedure]:
    """Procedures in `text`, in document order; `deadlines` links are indices into
    the given list (those whose span, or whose date mention's span, lies inside the
    procedure's span)."""
    if not text:
        return []

    empty = nothing_in(text)

    def has_channel(s: int, e: int) -> bool:
        return not empty(s, e) and bool(find_channels(text, s, e))

    lists = find_lists(text, has_channel)
    taken = Taken()
    drafts: list[Draft] = []
    tender_drafts(text, lists, taken, drafts)
    qas = find_qa(text)
    _qa_drafts(text, qas, lists, taken, drafts)
    _list_drafts(text, lists, taken, drafts)
    instruction_drafts(text, lists, taken, drafts)
    _path_drafts(text, taken, drafts)
    _chain_drafts(text, taken, drafts)
    _sequence_drafts(text, has_channel, taken, drafts)
    _howto_drafts(text, qas, taken, drafts)
    sending_drafts(text, taken, drafts)
    drafts = _merge_channel_only(text, drafts)
    drafts = _channel_sentences(text, drafts, taken)
    drafts = _contact_sections(text, drafts, taken)
    if not drafts:
        return []  # (what follows only joins eligibility, scopes and contacts to drafts: none here)
    drafts = _where_answers(drafts)
    _inline_eligibility(text, drafts, taken)
    attach_conditions(text, lists, drafts, ATTACH_GAP)
    follow_up_scopes(text, drafts)
    _contact_lines(text, drafts)
    drafts.sort(key=lambda d: d.start)
    for d in drafts:
        if d.channel_ranges:
            d.channel_ranges.sort()
    out = [_finish(text, d, links) for d, links in zip(drafts, _link_deadlines(drafts, deadlines, mentions))]
    return [p for p in out if p.steps or p.channels]
