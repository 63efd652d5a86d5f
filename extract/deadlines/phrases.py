"""What is due and who must do it, read from the clauses around a deadline's date
(word lists in phrases.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..datafiles import load_yaml

from ..dates.roles import CLAUSE_BREAK, clause_start

_EDGE = " \t\n\u3000\u200b\"'、"
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"))
_LEFTS, _RIGHTS = "".join(left for left, _ in _PAIRS), "".join(right for _, right in _PAIRS)

Span = tuple[int, int]


@lru_cache(maxsize=None)
def _lists() -> dict:
    raw = load_yaml(Path(__file__).parent / "phrases.yaml")
    heads = raw["actor_heads"]
    out = {key: re.compile(raw[key]) for key in (
        "light_verbs", "modal_tail", "instrumental", "stop", "lead_in", "after_trigger",
        "actor_lead", "action_stop", "action_lead", "instrument_end", "continuation", "not_actor",
        "directive_end", "obligation", "forecast", "implementation", "time_noun", "incomplete", "forecast_frame", "validity", "lapse_subject",
        "case_lead", "case_clause", "recurring_before", "window_label", "window_duty", "window_tail",
        "call_topic", "submission", "window_no_action", "directed", "directed_passive",
        "directed_not", "thing_subject", "tender_action", "plan_before", "plan_after")}
    out["bidder_nouns"] = list(raw["bidder_nouns"])
    out["actor_end"] = re.compile(rf"{heads}$")
    # a whole clause that names who acts: 本市职工医保参保人, 各区、县（市）医疗保障分局
    out["actor_clause"] = re.compile(rf"^[^，。；：,;:]{{0,24}}?{heads}$")
    # a clause that starts with who acts: 省级医保部门参照…, 各地要在…
    out["subject"] = re.compile(rf"^(?:{raw['nation_subject']}|[^，。；：,;:]{{0,24}}?{heads}(?={raw['subject_end']}))")
    return out


def word_lists() -> dict:
    """The compiled word lists of phrases.yaml (windows.py and the extractor read them too)."""
    return _lists()


def clean(s: str) -> str:
    """Trim spaces and unbalanced quotes/brackets at both ends."""
    s = s.strip(_EDGE)
    if not s or (s[0] not in _LEFTS and s[-1] not in _RIGHTS):
        return s  # (most: no pair's mark at either end, nothing more to trim)
    changed = True
    while changed and s:
        changed = False
        for left, right in _PAIRS:
            if s.startswith(left) and right not in s:
                s, changed = s[1:].strip(_EDGE), True
            if s.endswith(right) and left not in s:
                s, changed = s[:-1].strip(_EDGE), True
            if s.startswith(left) and s.endswith(right) and s.count(left) == 1:
                s, changed = s[1:-1].strip(_EDGE), True
    return s


_OPEN, _CLOSE = "（(", "）)"
# what _breaks reads in order: a bracket or a clause break (CLAUSE_BREAK's characters)
_BRACKET_OR_BREAK = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]|{CLAUSE_BREAK.pattern}")


def _breaks(text: str, start: int, end: int) -> list[int]:
    """Where the clauses of text[start:end] break: a comma, colon or semicolon, not one
    inside brackets that close before `end` (…筹委会（广州市…2楼，邮编510060）; …公司（详细地址：…））.
    The brackets and breaks before the last closing bracket are read in one scan (not
    character by character)."""
    out = [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)]
    last_close = max(text.rfind(c, start, end) for c in _CLOSE)
    if last_close < 0 or not out:
        return out
    inside, depth = set(), 0
    for m in _BRACKET_OR_BREAK.finditer(text, start, last_close):
        c = m.group()
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            if depth:
                depth -= 1
        elif depth and c not in "\n。！？!?":
            inside.add(m.start())
    return [i for i in out if i not in inside] if inside else out


def _next_break(text: str, start: int, end: int) -> Optional[int]:
    found = _breaks(text, start, end)
    return found[0] if found else None


def _clauses(text: str, start: int, end: int) -> list[Span]:
    spans, s = [], start
    for i in _breaks(text, start, end):
        spans.append((s, i))
        s = i + 1
    spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]


def _strip_lead(key: str, s: str) -> str:
    return clean(_lists()[key].sub("", clean(s), count=1))


def _topic(text: str, clause_start: int, date_start: int) -> str:
    """The clause before the date without its modal/trigger tail: 方案申报需在 -> 方案申报."""
    topic = _lists()["modal_tail"].sub("", text[clause_start:date_start].rstrip())
    return _strip_lead("actor_lead", topic)


def _action(s: str) -> Optional[str]:
    lists = _lists()
    s = _strip_lead("action_lead", s)
    m = lists["action_stop"].search(s, 1)
    if m:
        s = s[: m.start()]
    s = clean(s)
    if s.endswith("的") and len(s) > 2:  # 完成缴费的，… (a condition on the rest)
        s = s[:-1]
    return s or None


def _following_action(text: str, clauses: list[Span]) -> Optional[str]:
    """The first clause after the trigger that says what to do; when only an
    instrument clause comes before the end, the verb phrase after the instrument."""
    lists = _lists()
    fallback = None
    for i, (a, b) in enumerate(clauses):
        clause = clean(text[a:b])
        if not clause:
            continue
        if lists["stop"].match(clause):
            break
        if lists["instrumental"].match(clause):
            m = lists["instrument_end"].match(clause)
            if fallback is None and m and len(clause) - m.end() >= 2:
                fallback = clean(clause[m.end():])
            continue
        return _join_incomplete(text, clause, b, clauses[i + 1 : i + 2])[0]
    return fallback


def _join_incomplete(text: str, clause: str, end: int, nxt: list[Span]) -> tuple[str, int]:
    """An action clause that does not hold the whole duty (将储存的党参，出售给…; 按…价格，将…)
    with the clause after it joined, and where the result ends."""
    lists = _lists()
    if not nxt or not lists["incomplete"].search(clause):
        return clause, end
    a, b = nxt[0]
    follow = clean(text[a:b])
    if text[end:a].strip(" \t\u200b") not in ("，", ",") or not follow or lists["stop"].match(follow):
        return clause, end
    return clause + "，" + follow, b


def _split_subject(action: str) -> tuple[Optional[str], str]:
    """全省所有统筹地区全部开展DRG/DIP付费 -> (全省所有统筹地区, 全部开展DRG/DIP付费)."""
    m = _lists()["subject"].match(action)
    if m and len(action) - m.end() >= 2 and _is_actor(m.group(0)):
        return _strip_lead("actor_lead", m.group(0)), action[m.end():]
    return None, action


def _is_actor(s: Optional[str]) -> bool:
    return bool(s) and not _lists()["not_actor"].search(s)


def _continued(text: str, clauses: list[Span], prev_end: int) -> str:
    """The clauses after the action's own that go on with the same duty, joined as
    written (…完成清算工作，报区民政部门审核)."""
    lists = _lists()
    out = ""
    for a, b in clauses:
        if text[prev_end:a].strip(" \t\u200b") not in ("，", ","):
            break  # only a comma joins a duty's clauses
        clause = clean(text[a:b])
        if not clause or not lists["continuation"].match(clause) or lists["stop"].match(clause):
            break
        out += "，" + clause
        prev_end = b
    return out


def read(text: str, sent: Span, date: Span, after_pos: int) -> tuple[Optional[str], Optional[str]]:
    """(action, actor) for a deadline whose date spans `date`, whose trigger ends at
    `after_pos`, in the sentence `sent`."""
    lists = _lists()
    skip = lists["after_trigger"].match(text, after_pos)
    if skip:
        after_pos = skip.end()
    clauses = _clauses(text, sent[0], sent[1])
    clause_start = max([a for a, _ in clauses if a <= date[0]], default=sent[0])
    before = [c for c in clauses if c[1] <= clause_start]
    brk = _next_break(text, after_pos, sent[1])
    rest = clean(text[after_pos:brk if brk is not None else sent[1]])
    following = [c for c in clauses if c[0] > after_pos]
    topic = _topic(text, clause_start, date[0])
    actor = _directed(topic) if topic else None
    if actor:  # 发改委责令药商 / 10户经营者被责令 (于X前…): who was ordered acts
        pass
    elif topic and lists["actor_clause"].match(topic):
        actor, topic = topic, ""
    elif topic:
        subject = lists["subject"].match(topic)
        if subject:
            actor, topic = subject.group(0), clean(topic[subject.end():])
    when_only = bool(topic) and bool(lists["time_noun"].search(topic))
    if when_only:  # 报名时间截止到X -> 报名
        topic = clean(lists["time_noun"].sub("", topic))
    if rest and not lists["light_verbs"].fullmatch(rest):
        rest_end = brk if brk is not None else sent[1]
        rest, rest_end = _join_incomplete(text, rest, rest_end, [c for c in following if c[0] >= rest_end][:1])
        action = rest + _continued(text, following, rest_end)
        if actor is None:
            actor, action = _split_subject(action)
        if actor is None and topic and lists["thing_subject"].match(topic) and not lists["actor_end"].search(topic):
            # 申请表请于X前寄筹委会: what is due keeps the thing; the action stays text as it
            # reads, so it runs from the thing (申请表请于X前寄筹委会)
            at, to = text.find(topic, clause_start, date[0]), text.find(action, date[1], sent[1])
            if at >= 0 and to >= 0:
                action = clean(text[at : to + len(action)])
    elif topic and not lists["directive_end"].search(topic):
        action = topic
        if actor is None:
            actor = _subject_of(text, following[:1])
    else:
        action = _following_action(text, following)
        if not action and when_only and before:
            # 有关单位可通过电子邮件反馈，时间截止至X: the duty is the clause before
            action = clean(text[before[-1][0]:before[-1][1]])
            before = before[:-1]
            if actor is None:
                actor, action = _split_subject(action)
            action = re.sub(r"^(?:可以|可)", "", action)
        if action and actor is None:
            actor, action = _split_subject(action)
    if actor is None:
        actor = _actor_before(text, before)
    return (_action(action) if action else None), actor


def about_bid(action: Optional[str]) -> bool:
    """Is the deadline's action about a bid (投标, 递交响应文件, 保证金)?"""
    return bool(action) and bool(_lists()["tender_action"].search(action))


def bidders(text: str) -> dict[str, int]:
    """How often the text uses each bidder noun (counted once per text)."""
    return {w: text.count(w) for w in _lists()["bidder_nouns"]}


def bidder(counts: dict[str, int], action: str) -> Optional[str]:
    """The notice's word for the bidder, for a deadline about a bid that names no actor: the
    bidder noun made of the action's own words when the notice uses it (投标截止时间：X ->
    投标人), else the one it uses most (投标人 on a tie)."""
    for w in _lists()["bidder_nouns"]:
        if counts.get(w) and w[:-1] in action and len(w) > 1:
            return w
    n, _, word = max((c, -i, w) for i, (w, c) in enumerate(counts.items()))
    return word if n else None


def _directed(topic: str) -> Optional[str]:
    """Who an order before the date names (责令药商, 要求各定点医疗机构; 10户经营者被责令)."""
    lists = _lists()
    m = lists["directed"].search(topic) or lists["directed_passive"].match(topic)
    if not m:
        return None
    who = _strip_lead("actor_lead", m.group("who"))
    if len(who) > 40 or not lists["actor_end"].search(who) or lists["directed_not"].match(who):
        return None
    return who


def _subject_of(text: str, clauses: list[Span]) -> Optional[str]:
    for a, b in clauses:
        m = _lists()["subject"].match(clean(text[a:b]))
        if m:
            return m.group(0)
    return None


def _is_actor_clause(clause: str) -> bool:
    return bool(_lists()["actor_clause"].match(clause))


def _actor_before(text: str, clauses: list[Span]) -> Optional[str]:
    """The nearest earlier clause of the sentence that names who acts: a noun
    phrase (本市职工医保参保人), a 的-phrase (需继续在异地居住的) unless it only
    qualifies the noun phrase right before it, or the subject of a clause."""
    lists = _lists()
    cleaned = [_strip_lead("actor_lead", text[a:b]) for a, b in clauses]
    for i in range(len(cleaned) - 1, -1, -1):
        clause = cleaned[i]
        if not clause or lists["lead_in"].match(clause):
            continue
        if _is_actor_clause(clause) and _is_actor(clause):
            return clause
        if clause.endswith("的") and len(clause) <= 30 and _is_actor(clause):
            if i > 0 and _is_actor_clause(cleaned[i - 1]) and _is_actor(cleaned[i - 1]):
                return cleaned[i - 1]
            return clause
        if lists["instrumental"].match(clause):
            continue
        m = lists["subject"].match(clause)
        if m and _is_actor(m.group(0)):
            return m.group(0)
    return None


def no_duty(text: str, start: int, end: int, date, ref, after_pos: Optional[int] = None,
            action: Optional[str] = None) -> bool:
    """Nothing must be done by the date. text[start:end] is the sentence up to the end of the
    action, `after_pos` where the trigger ends. No duty when:
    - the sentence is framed as a forecast (研究机构预测，到2040年费用要增长两倍), whatever its 要;
    - the date opens a case (2025年底前，…招用…的，可…; 3月31日前未申报的按…) and no obligation word
      follows in the sentence;
    - there is no obligation word and the date's clause and action say what will happen (a
      forecast, a plan figure, a consequence: 年底前将有200多家药企上马投产; not when the clause
      ends in X前(全部)完成, the guide's deadline form: 运输工作将于3月底前全部完成), or the action keeps a
      policy in force (年底前，延续实施…政策), or the date is before the publication date: history
      (2003年前，市场行情…; 80年代以前，…; 该院于5月31日前完成自查 in a June report)."""
    lists = _lists()
    cs = clause_start(text, date.start)
    frame = lists["forecast_frame"].match(text, start, cs)
    if frame:
        return True
    sent_end = _sentence_end(text, end)
    if after_pos is not None and _opens_case(text, after_pos, sent_end) and not lists["obligation"].search(text, cs, sent_end):
        return True
    if lists["obligation"].search(text, start, end):
        return False
    if lists["forecast"].search(text, max(start, cs), end) and not (action and lists["implementation"].match(action)) \
            and not lists["plan_after"].match(text, date.end):
        return True  # (运输工作将于3月底前全部完成: X前完成 ends the clause, the guide's deadline form)
    if action and lists["validity"].match(action):
        return True
    if action and _lapses(text, date.end, after_pos, action):
        return True
    return _before_publication(date, ref)


def _lapses(text: str, date_end: int, after_pos: Optional[int], action: str) -> bool:
    """X到期 said of a thing that lapses (相关补贴今年年底到期; 协议将于X到期): an expiry, nothing
    anyone must do by then (no obligation word is in the sentence: checked before)."""
    return (after_pos is not None and "到期" in text[date_end:after_pos]
            and bool(_lists()["lapse_subject"].search(action)))


def _sentence_end(text: str, end: int) -> int:
    m = _SENTENCE_END.search(text, end, end + 400)
    return m.end() if m else min(len(text), end + 400)


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _opens_case(text: str, after_pos: int, sent_end: int) -> bool:
    """The words right after the trigger (or the clause after it) are a case: …前未申报的, X前，…的，"""
    lists = _lists()
    pos = after_pos
    while pos < sent_end and text[pos] in " \t\u3000\u200b":
        pos += 1
    if lists["case_lead"].match(text, pos, sent_end):
        return True
    if pos < sent_end and text[pos] in "，,":
        m = CLAUSE_BREAK.search(text, pos + 1, sent_end)
        clause = clean(text[pos + 1:m.start() if m else sent_end])
        return bool(m) and text[m.start()] in "，," and bool(lists["case_clause"].match(clause))
    return False


def _before_publication(date, ref) -> bool:
    """The date (its last day, or its year, decade or century) ends before the publication date."""
    if ref is None or not ref.year:
        return False
    value = str(date.value or "")
    if date.grain in ("year", "decade", "century"):
        digits = value[:4] if date.grain == "year" else value
        if digits.isdigit():
            first = int(digits) * (10 ** (4 - len(digits)))
            return first + 10 ** (4 - len(digits)) - 1 < ref.year
        return False
    if ref.day is None or "/" in value:
        return False
    from .due import due_of

    due = due_of(value, date.mod) or ""
    return len(due) >= 10 and due[:10].replace("-", "").isdigit() and due[:10] < ref.iso()
