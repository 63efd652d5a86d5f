"""Procedures written as articles of a regulation (第X条 …) or clauses of a notice (一、…) rather
than as steps (round 7): the beneficiary's application for a named card or allowance and where it
is made (符合本办法规定的残疾人可以通过社区服务中心、网上办事平台申领残疾人乘车卡), the office's handling
of it in the next sentences (区残联受理后，报市残联统一审核制发), a later service on the same thing
(有效期届满前三十日内，持卡人可以通过…办理换领), who the regulation is for (年满16周岁，具有本市户籍…的持证
残疾人，享受本办法规定的乘车优惠: its clauses are conditions) and what the applicant must do when applying
(个人在申领、换领…时，应当提供本人有效证件…: a condition). Patterns in regulation.yaml.
Linear: one pass over the sentences; every look-ahead is bounded."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional

from ..datafiles import load_yaml
from .clauses import Sentences, article_sentences, clause_spans, make_span
from .lexicon import HERE, _alt, lexicon
from .prose import Chain

_BREAK = "，,"


@lru_cache(maxsize=1)
def _rx() -> dict:
    d = load_yaml(HERE / "regulation.yaml")
    return {
        "data": d,
        "article_line": re.compile(d["article_line"]),
        # the same after a line break: a literal first character, which re finds fast
        "article_after_break": re.compile("\n" + d["article_line"].removeprefix("(?m)^")),
        "article_head": re.compile(d["article_head"]),
        "apply": re.compile(d["apply"]),
        "processing": re.compile(_alt(d["processing"])),
        "follow_up": re.compile(d["follow_up"]),
        "beneficiary": re.compile(d["beneficiary"]),
        "beneficiary_defined": re.compile(d["beneficiary_defined"]),
        "requirement": re.compile(d["requirement"]),
        "office": re.compile(d["office_subject"]),
        "duty": re.compile(lexicon().data["duty_statement"]),
        "negated": re.compile(lexicon().data["negated_processing"]),
        "clause_list_intro": re.compile(d["clause_list_intro"]),
        "clause_item": re.compile(d["clause_item"]),
        "clause_item_duty": re.compile(d["clause_item_duty"]),
        "clause_item_who": re.compile(d["clause_item_who"]),
        "follow_up_step": re.compile(d["follow_up_step"]),
        "follow_up_scope": re.compile(d["follow_up_scope"]),
        # the verbs an application or a follow-up needs (their groups' words): the sentences
        # that hold one are found by str.find, the others are not searched
        "verbs": tuple(dict.fromkeys(_group_words(d["apply"], "verb") + _group_words(d["follow_up"], "act"))),
    }


def _group_words(pattern: str, group: str) -> list[str]:
    """The words of a group that is a plain alternation of words ((?P<verb>申领|申办|…))."""
    m = re.search(r"\(\?P<" + group + r">([^()\[\]\\?*+{}]+)\)", pattern)
    if not m:
        raise ValueError(f"regulation.yaml: the group {group} is no plain list of words")
    return m.group(1).split("|")


def _touched(text: str, sents: Sentences, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The sentences that an occurrence of one of `words` overlaps, in order (str.find over the
    text per word: a fixed number of scans, faster than re's alternation)."""
    found: list[tuple[int, int]] = []
    for w in words:
        k = text.find(w)
        while k >= 0:
            found.append((k, k + len(w)))
            k = text.find(w, k + 1)
    found.sort()
    return sents.overlapping(found)


def _article_lines(text: str) -> int:
    """How many lines start with an article number: len(article_line.findall(text)) without
    re trying its line-start anchor at every character."""
    rx = _rx()
    return len(rx["article_after_break"].findall(text)) + bool(rx["article_line"].match(text))


def _lines_holding(text: str, word: str):
    """The starts of the lines that hold `word`, in order, each once (str.find)."""
    k = text.find(word)
    while k >= 0:
        start = text.rfind("\n", 0, k) + 1
        yield start
        end = text.find("\n", k)
        if end < 0:
            return
        k = text.find(word, end)


def _body(text: str, s: int, e: int) -> int:
    """Where a sentence's words start after its article number (第三条　…, 二、…)."""
    m = _rx()["article_head"].match(text, s, e)
    return m.end() if m else s


def _office_first(text: str, s: int, modal: int) -> bool:
    """The subject (before the modal) is an office: its duty, not the applicant's step."""
    return bool(_rx()["office"].search(text, s, modal))


def _handles(text: str, s: int, e: int) -> bool:
    """An office handles the application in text[s:e] (区残联受理后，报市残联统一审核制发)."""
    rx = _rx()
    return bool(rx["processing"].search(text, s, e)) and not rx["duty"].search(text, s, e) \
        and not rx["negated"].match(text, s, e)


def _thing(m: re.Match) -> str:
    return m.group("obj").strip("《》")


def _split_processing(text: str, s: int, e: int, after: int) -> list[tuple[int, int]]:
    """An application sentence that goes on with the office's handling after a comma
    (…申领残疾人乘车卡，由区残联初核后报市残联核准): two steps."""
    for a, _ in clause_spans(text, after, e, _BREAK):
        if a > after and _handles(text, a, e):
            return [(s, text.rfind("，", s, a) if "，" in text[s:a] else a), (a, e)]
    return [(s, e)]


def regulation_chains(text: str) -> list[Chain]:
    """The procedures of a regulation's articles (see the module's doc); nothing in a text with
    fewer than min_articles articles or numbered clauses at line starts."""
    rx = _rx()
    d = rx["data"]
    if _article_lines(text) < d["min_articles"]:
        return []
    sents = article_sentences(text)
    applications: list[tuple[Chain, str, str]] = []  # (chain, verb, thing)
    follow_ups: list[tuple[Chain, str]] = []
    used_until = -1
    last_thing: Optional[str] = None
    for s, e in _touched(text, sents, rx["verbs"]):  # (a sentence without a verb of either pattern holds neither)
        if s < used_until:
            continue
        s0 = _body(text, s, e)
        m = rx["apply"].search(text, s0, e)
        if m and not _office_first(text, s0, m.start()):
            steps = _split_processing(text, s0, e, m.end())
            end = _processing_steps(text, sents, e, steps)
            used_until = end
            thing = _thing(m)
            verb = "申领" if m.group("verb") in ("申请办理", "申请领取") else m.group("verb")
            applications.append((Chain(steps, steps[0][0], end, goal=f"{verb}{thing}", single=True), m.group("verb"), thing))
            last_thing = thing
            continue
        f = rx["follow_up"].search(text, s0, e)
        if f and not _office_first(text, s0, f.start()):
            scope = rx["follow_up_scope"].search(text, s0, f.start())
            if scope:  # 自…申领的乘车卡均设置3年有效期，…: which cards (a condition, below), no part of the step
                cut = min((k for k in (text.find(c, scope.end(), f.start()) for c in "，,") if k >= 0), default=s0 - 1)
                s0 = max(s0, cut + 1)
            act = f.group("act")
            goal = f"{last_thing}{act}" if last_thing else f"办理{act}"
            follow_ups.append((Chain([(s0, e)], s0, e, goal=goal, single=True), act))
    clause_lists = _clause_lists(text)
    if not applications and not follow_ups:
        return clause_lists
    _conditions(text, sents.all(), applications, follow_ups)
    return [c for c, _, _ in applications] + [c for c, _ in follow_ups] + clause_lists


def _clause_lists(text: str) -> list[Chain]:
    """二、…应当按以下规定办理确认手续，并到…就医：（一）…须经…确诊。（二）…须在…选定1家…。 (a clause of a
    notice with its items on the lines below): the first sentence of each item that states a duty or a
    way, then the action after 并; who an item is for (符合…的参保人员) is a condition."""
    rx = _rx()
    out: list[Chain] = []
    intro = rx["clause_list_intro"]  # (?m)^…$ on one line that holds 规定: matched at those lines only
    for m in filter(None, (intro.match(text, a) for a in _lines_holding(text, "规定"))):
        steps: list[tuple[int, int]] = []
        conditions: list[tuple[int, int]] = []
        i = m.end() + 1
        limit = min(len(text), i + rx["data"]["clause_list_lookahead"])
        while i < limit:
            item = rx["clause_item"].match(text, i)
            line_end = text.find("\n", i, limit)
            line_end = limit if line_end < 0 else line_end
            if item:
                a = item.end()
                b = min((k for k in (text.find(c, a, line_end) for c in "。；;") if k >= 0), default=line_end)
                if not rx["clause_item_duty"].search(text, a, b):
                    break
                steps.append((a, b))
                who = rx["clause_item_who"].search(text, a, b)
                if who:
                    conditions.append(who.span())
            elif rx["article_line"].match(text, i) or len(steps) >= 9:
                break  # the next clause of the notice
            i = line_end + 1
        if len(steps) < 2:
            continue
        if m.group("then"):
            steps.append(m.span("then"))
        out.append(Chain(steps, m.start("who"), max(b for _, b in steps), goal=m.group("goal"), conditions=conditions))
    return out


def _processing_steps(text: str, sents: Sentences, e: int, steps: list[tuple[int, int]]) -> int:
    """Append to `steps` the sentences after the one ending at e in which an office handles the
    application: up to two other sentences may stand before the first (within processing_lookahead,
    the next article at most), none after it. Returns where the chain ends."""
    rx = _rx()
    limit = e + rx["data"]["processing_lookahead"]
    end = e
    handled = len(steps) > 1
    skipped = articles = 0
    for a, b in sents.after(e):
        if a > limit:
            break
        head = rx["article_head"].match(text, a, b)
        if head:
            articles += 1
            if articles > 1:
                break
        a0 = head.end() if head else a
        if _handles(text, a0, b) and not rx["apply"].search(text, a0, b) and not rx["requirement"].search(text, a0, b):
            steps.append((a0, b))
            end = b
            handled = True
            continue
        if handled:
            break
        skipped += 1
        if skipped > 2:
            break
    return end


def _near(chains: list, starts: list[int], pos: int, n: int, window: int) -> list:
    """The (at most n) chains whose start is nearest pos, within window characters (bisect)."""
    i = bisect_left(starts, pos)
    cands = chains[max(0, i - n) : i + n]
    return sorted((c for c in cands if abs(c[0].start - pos) <= window), key=lambda c: abs(c[0].start - pos))[:n]


def _conditions(text: str, sents: list[tuple[int, int]], applications, follow_ups) -> None:
    """Who the regulation is for joins its applications; what the applicant must do when
    applying joins the procedures whose verb it names (在申领、换领…时: both). Each statement joins
    at most attach_max procedures, the nearest within attach_window characters."""
    rx = _rx()
    d = rx["data"]
    n, window = d["attach_max"], d["attach_window"]
    app_starts = [c.start for c, _, _ in applications]
    fu_starts = [c.start for c, _ in follow_ups]
    for s, e in sents:
        s0 = _body(text, s, e)
        m = rx["beneficiary"].match(text, s0, e) or rx["beneficiary_defined"].match(text, s0, e)
        if m:
            who = [(a, b) for a, b in clause_spans(text, m.start("who"), m.end("who"), _BREAK)]
            for chain, _, _ in _near(applications, app_starts, s0, n, window):
                chain.conditions.extend(who)
            continue
        r = rx["requirement"].match(text, s0, e)
        if r and not _office_first(text, s0, r.start("acts") + r.group("acts").find("在") + 1):
            acts = r.group("acts")
            for chain, verb, _ in _near(applications, app_starts, s0, n, window):
                if verb in acts or verb[:2] in acts:
                    chain.conditions.append((s0, e))
            for chain, act in _near(follow_ups, fu_starts, s0, n, window):
                if act in acts:
                    chain.conditions.append((s0, e))


def follow_up_scopes(text: str, drafts: list) -> None:
    """自2021年4月起申领、补办的老年人优待卡均设置2年有效期，…，持卡老年人可…办理续期手续: the cards a
    follow-up step is for, in its sentence before it, join its procedure as a condition (any text;
    one bounded look back per procedure)."""
    rx = _rx()
    back = rx["data"]["follow_up_scope_lookback"]
    for d in drafts:
        if not d.steps or not rx["follow_up_step"].search(d.steps[0].text):
            continue
        start = d.steps[0].start
        lo = max(0, start - back)
        lo = max([lo] + [text.rfind(c, lo, start) + 1 for c in "。！？!?\n"])
        m = rx["follow_up_scope"].search(text, lo, start)
        if m and not any(c.start == m.start("who") for c in d.conditions):
            d.conditions.append(make_span(text, m.start("who"), m.end("who")))
