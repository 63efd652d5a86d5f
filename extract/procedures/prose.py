"""Steps written as prose: the action clauses or sentences of a block of running text
(在浏览器找到【平台】，在【首页】找到【我要投诉】，…), 先…再… orders, and application
chains of regulations (申请人向街道提出申请。街道应在5个工作日内审核。区民政部门审批。:
each sentence an office handles the application in is a step). Linear in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .. import literals
from ..lastcall import for_last_call
from .clauses import SENTENCE_END, Sentences, WordHits, article_sentences, clause_spans, not_the_readers, spans, trim
from .lexicon import _alt, lexicon
from .words import article

_SENTENCE = re.compile(r"[。！？!?；;\n]")
_SENTENCE_HARD = re.compile(r"[。！？!?\n]")
_OPENERS = "【“「《（(\"'"


@dataclass
class Chain:
    steps: list[tuple[int, int]]
    start: int
    end: int
    intro: Optional[tuple[int, int]] = None
    goal: Optional[str] = None
    conditions: list[tuple[int, int]] = field(default_factory=list)
    single: bool = False  # one step is enough (a regulation's benefit application)
    closed_after: Optional[int] = None  # no eligibility stated from here on is its own (see Draft)
    destinations: list[tuple[int, int]] = field(default_factory=list)  # offices a step is done at (Draft.destinations)


@lru_cache(maxsize=1)
def _rx():
    lex = lexicon()
    d = lex.data
    verbs = _alt(d["action_verbs"] + d["service_verbs"])
    return {
        "modal": re.compile(f"(?:{d['modal_pattern']})"),
        "verb": re.compile(f"(?:{verbs})(?![人者])"),
        "ui_verb": re.compile(f"(?:{_alt(d['action_verbs'] + d['service_verbs'])})"),
        "lead": re.compile(f"(?:{_alt(d['step_leads'])})"),
        "lead_clause": re.compile(d["lead_clause"]),
        "continuation": re.compile(d["continuation_clause"]),
        "application": re.compile(d["application_sentence"]),
        "processing": re.compile(_alt(d["processing_verbs"])),
        "negated": re.compile(d["negated_processing"]),
        "branch": re.compile(d["branch_sentence"]),
        "branch_follow": re.compile(d["branch_follow"]),
        "side_duty": re.compile(d["side_duty"]),
        "transitional": re.compile(d["transitional_sentence"]),
        "requirement": re.compile(d["requirement_sentence"]),
        "benefit": re.compile(d["benefit_application"]),
        "article": re.compile(d["article_start"]),
        "topic": re.compile(d["application_topic"]),
        "duty": re.compile(d["duty_statement"]),
        "list_marker": re.compile(d["list_marker_start"]),
        "first": re.compile(d["first_marker"]),
        "then": re.compile(d["then_marker"]),
        "stage_lead": re.compile(d["stage_lead"]),
        "stage_head": re.compile(d["stage_head"]),
        "stage_count": re.compile(d["stage_count"]),
        "stage_item_lead": re.compile(d["stage_item_lead"]),
        "stage_office": re.compile(d["stage_office"]),
        "authority": lex.authority_re,
        "opening": _opening(d, verbs),
    }


def _opening(d: dict, verbs: str) -> re.Pattern:
    """action_start's first two tests as one pattern (one match instead of up to eight, and no
    Python between them): openers, a connector, openers, then a verb (group v), or else a modal
    (or a subject and its modal), a connector, openers and a verb (group w). Atomic groups and
    possessive runs take what each step's own match would take and never give it back, as the
    steps taken one by one do; with neither verb the match ends where the lead is tried."""
    openers = "[" + re.escape(_OPENERS) + "]*+"
    conn = f"(?>(?:(?:{_alt(d['step_connectors'])})+)?)"
    modal = f"(?:{d['modal_pattern']})"
    subject = f"[^，,。；;：:]{{1,16}}?{modal}"
    verb = f"(?:{verbs})(?![人者])"
    return re.compile(f"{openers}{conn}{openers}(?:(?P<v>{verb})|(?>(?:(?>{modal}|{subject}){conn})?){openers}(?P<w>{verb})?)")


def action_start(text: str, s: int, e: int) -> bool:
    """Does text[s:e] (a clause) open with an action: a verb after optional connectors,
    a subject with a modal, a place or an instrument (接着点击【支付】, 申请人可向…提出,
    在浏览器找到…, 根据提示填写…)?"""
    rx = _rx()
    m = rx["opening"].match(text, s, e)  # (always matches: every part of it may be empty)
    if m.lastgroup:
        return True  # a verb, after the connectors or after a modal
    m = rx["lead"].match(text, m.end(), e)
    if m:
        return bool(rx["verb"].search(text, m.end(), min(e, m.end() + 25)))
    return False


def _is_lead(text: str, s: int, e: int) -> bool:
    return bool(_rx()["lead_clause"].search(text[s:e])) and e - s <= 40


def _is_continuation(text: str, s: int, e: int) -> bool:
    return bool(_rx()["continuation"].match(text, s, e))


def action_steps(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The steps of a block of instructions: in a sentence with two action clauses or
    more, each action clause (a time or case clause before it and a continuation after
    it joined to it); else the sentence, when it opens with an action (after its time or
    case clause). A sentence whose first real clause is no action gives nothing."""
    out: list[tuple[int, int]] = []
    for s_lo, s_hi in spans(text, lo, hi, _SENTENCE_HARD):
        clauses = clause_spans(text, s_lo, s_hi, "，,；;")
        kinds = []
        real = dead = False  # a clause past the leads seen; the first of them is no action
        for a, b in clauses:
            if _is_lead(text, a, b):
                kinds.append("lead")
                continue
            if _is_continuation(text, a, b):
                kinds.append("cont")
            elif action_start(text, a, b) and not not_the_readers(text[a:b]):
                kinds.append("action")
            elif real:
                kinds.append("other")
            else:
                dead = True  # both rules below take nothing from such a sentence (the
                break        # loop over two actions stops at it): its other clauses go untried
            real = True
        if dead:
            continue
        if kinds.count("action") >= 2:
            pending = None
            for (a, b), k in zip(clauses, kinds):
                if k == "lead":
                    pending = a if pending is None else pending
                elif k == "action":
                    out.append((pending if pending is not None else a, b))
                    pending = None
                elif k == "cont" and out and out[-1][1] <= a:
                    out[-1] = (out[-1][0], b)
                elif k == "other":
                    break
            continue
        first = next((i for i, k in enumerate(kinds) if k != "lead"), None)
        if first is not None and kinds[first] == "action":
            out.append((clauses[0][0], clauses[-1][1]))
    return [t for t in (trim(text, a, b) for a, b in out) if t[1] > t[0]]


def _sentences(text: str, lo: int, hi: int) -> Sentences:
    """The sentences of text[lo:hi] (spans(text, lo, hi, _SENTENCE)), found as they are asked for."""
    assert _SENTENCE.pattern == SENTENCE_END.pattern
    return article_sentences(text) if lo == 0 and hi == len(text) else Sentences(text, lo, hi)


def _processing(text: str, s: int, e: int) -> bool:
    """An office handles the application in this sentence (镇人民政府应在5个工作日内完成初核)."""
    rx = _rx()
    if rx["negated"].match(text, s, e) or rx["duty"].search(text, s, e):
        return False
    return bool(rx["processing"].search(text, s, e))


def _topic(text: str, s: int, e: int) -> Optional[str]:
    m = _rx()["topic"].search(text, s, e)
    if not m:
        return None
    return m.group("t") or m.group("t2")


_APPLY = "申请"
_APPLY_START = re.compile(_APPLY)


def _applying(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences of text[lo:hi] that may hold 申请, the one word every match of the
    application pattern and of _APPLY_START needs (WordHits of either picks the same ones:
    tests/test_procedures_speed32.py): for the whole text, found once for application_chains
    and benefit_applications."""
    if lo == 0 and hi == len(text):
        return _applying_whole(text)
    return WordHits(text, (_rx()["application"], _APPLY_START), lo, hi).sentences(_sentences(text, lo, hi))


@for_last_call
def _applying_whole(text: str) -> list[tuple[int, int]]:
    """_applying over the whole text, kept for the last text (the list is shared: not changed)."""
    return WordHits(text, (_rx()["application"], _APPLY_START)).sentences(article_sentences(text))


def word_hit_patterns() -> list[re.Pattern]:
    """The patterns whose needed words pick the sentences to look at (for words.py's vocabulary)."""
    rx = _rx()
    return [rx["application"], _APPLY_START, rx["first"]]


def application_chains(text: str, lo: int = 0, hi: Optional[int] = None) -> list[Chain]:
    """Application chains: a sentence in which someone applies (可向…提出申请), then the
    sentences in which offices handle it (审核, 核实, 审批, 公示 …), to the first sentence
    that does neither (one sentence that does neither may stand between two that do:
    材料主要包括…). Another application sentence on the way (线上申请困难的，可以到…提出申请)
    is an alternative: in the chain's span, not a step. A chain stops at a blank line, at
    a list marker, and at the next article of a regulation unless that article's first
    sentence names the application's topic (申请急难型临时救助 … 第九条 急难型临时救助…)."""
    rx = _rx()
    hi = len(text) if hi is None else hi
    out: list[Chain] = []
    sents = _sentences(text, lo, hi)
    cands = _applying(text, lo, hi)  # the sentences holding 申请: the others neither apply nor start with it
    k = 0
    pos = lo  # where the next sentence to try may start: past the last one tried, or where a chain stopped
    last_apply: Optional[tuple[int, int, list, int]] = None
    while True:
        while k < len(cands) and cands[k][0] < pos:
            k += 1
        if k == len(cands):
            break
        s, e = cands[k]
        starts = (rx["application"].search(text, s, e) and rx["modal"].search(text, s, e)
                  and not _authority_first(text, s, e) and not lexicon().narrative_re.search(text, s, e))
        art = rx["article"].match(text, s, e)
        s0 = _skip_blanks(text, art.end() if art else s, e)
        topical = text.startswith(_APPLY, s0) and not text.startswith("申请人", s0) and _processing(text, s0, e)
        if not (starts or topical):
            pos = e
            continue
        topic = _topic(text, s, e)
        steps = [(s0, e)]
        reqs: list[tuple[int, int]] = []
        nxt = sents.next(e)  # the sentence looked at
        last = e  # where the one before it ends
        end = e
        gap = False
        after_branch = False
        while nxt is not None:
            a, b = nxt
            between = text[last:a]
            if "\n\n" in between or rx["list_marker"].match(text, a, b):
                break
            art = rx["article"].match(text, a, b)
            if art:
                a = _skip_blanks(text, art.end(), b)
                if not (topic and topic in text[a : a + len(topic) + 8] and _processing(text, a, b)):
                    break
            if rx["negated"].match(text, a, b) or rx["transitional"].search(text, a, b):
                last, nxt = b, sents.next(b)  # 不予受理…; 本通知印发前已享受…仍按原…执行 (those already in): no step, no end
                continue
            if rx["application"].search(text, a, b) and not _processing(text, a, b):
                end = b  # another way to apply: its channels belong here, it is no step
                if rx["requirement"].search(text, a, b):
                    reqs.append((a, b))  # …提出申请的,应…提供…: what the applicant must hand in
                last, nxt = b, sents.next(b)
                continue
            if rx["branch"].match(text, a, b) or rx["side_duty"].match(text, a, b) or (
                    after_branch and rx["branch_follow"].match(text, a, b)):
                # a refusal, objection or emergency branch (核实不同意的，…), what follows it
                # (开展先行急难救助后,应当…), a duty that goes with the last step (…的,应当同时确定…):
                # no step, no end
                after_branch = not rx["side_duty"].match(text, a, b)
                last, nxt = b, sents.next(b)
                continue
            after_branch = False
            if not _processing(text, a, b):
                if gap or (after := sents.next(b)) is None or not _processing(text, *after):
                    break
                gap = True  # one sentence that only says more (材料主要包括…) may stand in between
                last, nxt = b, sents.next(b)
                continue
            steps.append((a, b))
            end = b
            last, nxt = b, sents.next(b)
        if len(steps) >= 2:
            chain = Chain(steps, s, max(end, steps[-1][1]), goal=_goal_of(topic), conditions=reqs)
            if not starts and last_apply and _prepend_application(text, chain, last_apply, topic):
                last_apply = None
            out.append(chain)
            pos = nxt[0] if nxt is not None else hi  # (the sentence it stopped at may start another)
        else:
            if starts and not (last_apply and s < last_apply[3]):
                # an application whose processing may come in a later article (not one of the
                # other ways to apply the last one's attempt walked over)
                last_apply = (s0, e, reqs, end)
            pos = e
    return out


def benefit_applications(text: str, lo: int = 0, hi: Optional[int] = None) -> list[Chain]:
    """参保人员申请享受长护险待遇，应按规定进行长护险评估 (a regulation's application for a benefit
    and what it takes): a procedure whose first step is that sentence, and whose next is the
    first later sentence, within benefit_lookahead, that registers somewhere after which the same
    benefit is paid (在定点护理机构办理登记入住或建床手续后，…可按规定享受长护险待遇)."""
    rx = _rx()
    d = lexicon().data
    hi = len(text) if hi is None else hi
    out: list[Chain] = []
    for s, e in _applying(text, lo, hi):  # (those application_chains looked at: both need 申请)
        m = rx["benefit"].search(text, s, e)
        if not m:
            continue
        art = rx["article"].match(text, s, e)
        s0 = _skip_blanks(text, art.end() if art else s, e)
        steps = [(s0, e)]
        nxt = re.compile(d["benefit_next_step"].format(benefit=re.escape(m.group("b"))))
        n = nxt.search(text, e, min(hi, e + d["benefit_lookahead"]))
        closed = None
        if n:
            a = max(max(text.rfind(c, e, n.start()) for c in "。；;：:\n") + 1, e)
            art = rx["article"].match(text, a, n.start())
            b0 = _skip_blanks(text, art.end() if art else a, n.start())  # (第八条 is no part of the step)
            steps.append((b0, n.end()))
            # the article of the last step and what follows it say which group then gets what
            arts = [x.start() for x in rx["article"].finditer(text, e, b0)]
            closed = arts[-1] if arts else a
        out.append(Chain(steps, s, e, goal=f"申请享受{m.group('b')}", single=True, closed_after=closed))
    return out


def _skip_blanks(text: str, i: int, e: int) -> int:
    """The first position from i (before e) that is no blank: where a clause's words start after
    its article number (第八条　…)."""
    while i < e and text[i] in " \t\u3000":
        i += 1
    return i


def _goal_of(topic: Optional[str]) -> Optional[str]:
    """申请急难型临时救助 from the topic 急难型临时救助; none from 特困人员救助供养条件."""
    if not topic or re.search(lexicon().data["topic_not_goal"], topic):
        return None
    return f"申请{topic}"


def _prepend_application(text: str, chain: Chain, apply: tuple[int, int, list, int], topic: Optional[str]) -> bool:
    """申请急难型临时救助,…应当场受理 (a chain that opens on the processing) after 凡…可向…提出申请
    (an application sentence that made no chain of its own, at most application_lookback characters
    before, naming the topic's head: 临时救助): that sentence is the chain's first step, and the
    requirements stated with it and with the topic before it (申请急难型临时救助的事由应…) its conditions."""
    a, b, reqs, _ = apply
    d = lexicon().data
    if not topic or chain.start - b > d["application_lookback"] or topic[-4:] not in text[a:b]:
        return False
    chain.steps.insert(0, (a, b))
    chain.conditions = reqs + chain.conditions
    lo = max(0, chain.start - d["application_lookback"])
    rx = re.compile(d["topic_requirement"].format(topic=re.escape(topic)))
    found = []
    for m in rx.finditer(text, lo, chain.start):
        s = max(text.rfind(c, lo, m.start()) for c in "。；;\n") + 1
        s = max(s, lo)
        art = _rx()["article"].match(text, s, m.start())
        if art:  # 第四条 申请…的事由应…: the article's number is no part of the condition
            s = _skip_blanks(text, art.end(), m.start())
        e = min((k for k in (text.find(c, m.end(), chain.start) for c in "，,。；;\n") if k >= 0), default=chain.start)
        found.append((s, e))
    chain.conditions = found + chain.conditions
    chain.start = min(chain.start, a, *(x for x, _ in found))
    return True


def _authority_first(text: str, s: int, e: int) -> bool:
    """The sentence's subject (before its first modal) is an office: it handles, it does not apply."""
    rx = _rx()
    m = rx["modal"].search(text, s, min(e, s + 30))
    return bool(m and rx["authority"].search(text, s, m.start()))


def first_then(text: str, lo: int = 0, hi: Optional[int] = None) -> list[Chain]:
    """先…再…/先…后方可…: the 先 clause and the clauses up to the 再 clause are steps,
    when one of them names a service action."""
    rx = _rx()
    lex = lexicon()
    hi = len(text) if hi is None else hi
    out: list[Chain] = []
    for s, e in WordHits(text, (rx["first"],), lo, hi).sentences(_sentences(text, lo, hi)):  # the sentences holding 先
        m = rx["first"].search(text, s, e)
        if not m:
            continue
        clauses = clause_spans(text, s, e, "，,")
        k = next((n for n, (a, b) in enumerate(clauses) if a <= m.start() < b), None)
        if k is None:
            continue
        then = next((n for n in range(k, len(clauses)) if rx["then"].search(text, max(clauses[n][0], m.end()), clauses[n][1])), None)
        if then is None:
            continue
        first_start = m.start()
        mm = rx["modal"].search(text, clauses[k][0], m.start())
        if mm:
            first_start = mm.start()
        steps = [(first_start, clauses[k][1])]
        if then > k:
            steps.append((clauses[k + 1][0], clauses[then][1]))
        if len(steps) < 2 or not any(lex.service_re.search(text, a, b) for a, b in steps):
            continue
        out.append(Chain(steps, s, e))
    return out


_NUMERALS = {c: k for k, c in enumerate("一二三四五六七八九十", 1)}
_NUMERALS["两"] = 2
_STAGE_SEPARATORS = re.compile(r"[、，,]")
_STAGE_LAST = re.compile(r"以及|和|及|与")
_STAGE_ITEM = re.compile(r"[\u4e00-\u9fff“”《》（）()]+")


def _stage_items(text: str, a: int, b: int, commas: bool) -> Optional[list[tuple[int, int]]]:
    """The stages listed in text[a:b] (A、B、C和D), or None when it is no such list: three
    or more short items of Chinese words, separated by 、 (or commas when `commas`)."""
    rx = _rx()
    limit = lexicon().data["stage_item_max"]
    if not commas and ("，" in text[a:b] or "," in text[a:b]):
        return None
    bounds, s = [], a
    for m in _STAGE_SEPARATORS.finditer(text, a, b):
        bounds.append((s, m.start()))
        s = m.end()
    last = _STAGE_LAST.search(text, s, b)
    if last:
        bounds += [(s, last.start()), (last.end(), b)]
    else:
        bounds.append((s, b))
    out = []
    for s, e in bounds:
        m = rx["stage_item_lead"].match(text, s, e)
        s = m.end() if m else s
        while e > s and text[e - 1] == "的":
            e -= 1
        if not (2 <= e - s <= limit) or not _STAGE_ITEM.fullmatch(text, s, e) or "了" in text[s:e] or text[e - 1] == "等":
            return None
        out.append((s, e))
    return out if len(out) >= 3 else None


@lru_cache(maxsize=1)
def stage_words() -> tuple[str, ...]:
    """The words one of which every stage sentence holds (lexicon.yaml stage_words; words.py scans for them)."""
    return tuple(lexicon().data["stage_words"])


def stage_chains(text: str, lo: int = 0, hi: Optional[int] = None) -> list[Chain]:
    """经历注册检验、临床实验、注册评审、生产许可的核发的过程; 这个程序包括审批，备案，实施和总结，
    四个步骤缺一不可: a procedure named by its stages in one sentence, each stage a step."""
    rx = _rx()
    hi = len(text) if hi is None else hi
    words = stage_words()
    starts = article(text).starts(words) if (lo, hi) == (0, len(text)) else \
        sorted(i for w in words for i in literals.find_all(text, w, lo, hi))
    if not starts:
        return []  # (most texts)
    out: list[Chain] = []
    for s, e in _sentences(text, lo, hi).holding(starts, max(map(len, words)) - 1):
        for name in ("stage_lead", "stage_head"):
            m = rx[name].search(text, s, e)
            if not m:
                continue
            a, b = m.span("items")
            commas = False
            if name == "stage_head":
                n = rx["stage_count"].search(text, a, b)
                if n:
                    b, commas = n.start(), True
            items = _stage_items(text, a, b, commas)
            if items is None:
                continue
            if commas and len(items) != _NUMERALS.get(n.group("n"), int(n.group("n")) if n.group("n").isdigit() else 0):
                continue
            # the goal: what the stages are of, in the clause before them (医疗器械产品上市要经过…, 申领流程包括…)
            head = max(s, max(text.rfind(c, s, m.start()) for c in "，,：:") + 1)
            upto = m.start() if name == "stage_lead" else m.start("items")
            goal = _goal_of_stages(text[head:upto])
            offices = [o.span(1) for a, b in items for o in rx["stage_office"].finditer(text, a, b)]
            out.append(Chain(items, s, e, goal=goal, destinations=offices))
            break
    return out


_STAGE_GOAL_TAIL = re.compile(r"(?:的)?(?:这个|整个|该)?(?:过程|程序|流程|步骤)?(?:包括|分为|包含)?[：:]?$")
_STAGE_GOAL_HEAD = re.compile(r"^(?:按照|根据|依照)?(?:这个|整个|该|这项|此)?")


def _goal_of_stages(fragment: str) -> Optional[str]:
    """申领流程包括 -> 申领; 医疗器械产品上市要 -> 医疗器械产品上市 (None when too little is left)."""
    g = _STAGE_GOAL_TAIL.sub("", fragment.strip())
    for w in ("需要", "必须", "需", "须", "要"):
        if g.endswith(w):
            g = g[: -len(w)]
            break
    g = _STAGE_GOAL_HEAD.sub("", g).rstrip("的")
    return g if len(g) >= 2 else None
