"""Deadlines: for each date whose role is `deadline` (务必于X前, 需在X前完成,
截止日期为X, 最迟X, 不晚于X, X到期 ...), a record of what is due (`action`), who
must do it (`actor`) and by when (`due`, the last day or instant that meets it).
Statuses (截至X…已…), effective dates (自X起), expectations (预计将于X) and
periods (X至Y为…阶段) are not deadlines: the date's role says so."""
from __future__ import annotations

import re
from typing import Optional

from ..dates.roles import classify, sentence_bounds
from ..refdate import RefDate
from ..schema import Deadline, Mention
from .due import due_of
from .phrases import about_bid, bidder, bidders, no_duty, read, word_lists
from .windows import call_submission, is_call, window

__all__ = ["extract_deadlines", "due_of"]

# a line break inside a sentence (an OCR wrap ingest left) is not a sentence end;
# one before or after a list item or heading (四、重要提醒 / 1.计划…) is
# nor one before a form field (投标文件接收截止时间：X\n投标文件接收地点：…), nor one after a closing
# bracket (…寄我会筹委会（地址，邮编510060）\n新的段落)
# (led by the \n itself, its lookbehind checking the character before it: the engine finds
# the breaks by their literal instead of testing the lookbehind at every character)
_SOFT_BREAK = re.compile(
    r"\n(?<=[^\n。！？；!?;：:）)]\n)(?![\n\s]|[0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(①-⑩]|[^，。；：:\n]{1,14}[：:])"
)
_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、．]|[（(][一二三四五六七八九十0-9]{1,2}[)）])[^\n]{0,20}$")
_JOINER = "\u200b"
_LINE_MAX = 400  # how far a line is measured on each side of a break


def _join_wraps(text: str) -> str:
    """The text with soft line breaks replaced by a zero-width joiner (same offsets). A
    line much shorter than the one after it is a headline, not a wrapped line
    (今年底前所有统筹地区均需开展即时结算\n国家医保局今天印发通知，…): its break stays."""
    def sub(m: re.Match) -> str:
        line_start = text.rfind("\n", max(0, m.start() - _LINE_MAX), m.start()) + 1
        # a numbered heading line (一、总体要求) keeps its break: the line, matched from its start
        # to the break (the pattern opened with (?:^|\n) and had no MULTILINE, so it held on the
        # text's first line only)
        if _HEADING.match(text, line_start, m.start()):
            return m.group(0)
        nl = text.find("\n", m.end(), m.end() + _LINE_MAX)
        after = (nl if nl >= 0 else min(len(text), m.end() + _LINE_MAX)) - m.end()
        before = m.start() - line_start
        return m.group(0) if after > 1.5 * before + 10 else _JOINER

    return _SOFT_BREAK.sub(sub, text) if "\n" in text else text


_LABEL_START = re.compile(r"[，,。；;：:！？!?\n、]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]")


def _label_topic(text: str, trigger: int) -> tuple[Optional[int], Optional[str]]:
    """What a form label is about: the words before 截止 in its line (七、投标截止时间： -> 投标),
    and where they start."""
    lo = max(0, trigger - 16)
    s = lo
    for m in _LABEL_START.finditer(text, lo, trigger):
        s = m.end()
    while s < trigger and text[s] in " \t\u3000":
        s += 1
    topic = text[s:trigger].rstrip(" \t\u3000")
    if topic.endswith("的"):  # 投标文件递交的截止时间 -> 投标文件递交
        topic = topic[:-1]
    return (s, topic) if topic else (None, None)


def _bracketed(action: str, text: str, end: int) -> bool:
    """The action read after the date is only a bracketed note (…9：30（北京时间）)."""
    rest = text[end : end + len(action) + 3].lstrip(" \t")
    return rest[:1] in "（(" and action in rest[: len(action) + 2]


def _scope_end(text: str, sent: tuple[int, int], action: Optional[str], date_end: int) -> int:
    """Where the words that can make a duty of the date end: the end of its action, the
    occurrence after the date, else the last one before it (a topic: 方案申报需在X前完成)."""
    if not action:
        return sent[1]
    at = text.find(action, date_end, sent[1])
    if at < 0:
        at = text.rfind(action, sent[0], date_end)
    return at + len(action) if at >= 0 else sent[1]


def _restore(s: Optional[str]) -> Optional[str]:
    return s.replace(_JOINER, "\n") if s else s


def extract_deadlines(text: str, mentions: list[Mention], ref: Optional[RefDate] = None) -> list[Deadline]:
    if ref is not None and not isinstance(ref, RefDate):
        ref = RefDate.try_parse(ref)
    out: list[Deadline] = []
    work = None  # the text with soft line breaks neutralized (same offsets), made on demand
    word = None  # the notice's word for the bidder, counted on demand
    for index, m in enumerate(mentions):
        if m.type != "date":
            continue
        value = m.value if isinstance(m.value, str) else None
        role = classify(text, m.start, m.end, is_range="/" in str(m.value or ""))
        win = None
        plan = None
        if role.role != "deadline":
            # 报名时间为X至Y, 须在X至Y期间…: its end is due (window reads ranges only: most dates are none)
            win = window(text, m.start, m.end, value) if value and "/" in value else None
            plan = _plan_target(text, m.start, m.end) if win is None and role.rule == "expected" else None
            if win is None and plan is None:
                continue
        elif _recurring(text, m.start):
            continue  # 次年6月底前, 每年3月底前: a recurring deadline, optional in the guide
        after_pos = m.end
        if win is not None:
            after_pos = win[1]
        elif plan is not None:
            after_pos = plan
        elif role.trigger_start is not None and role.trigger_start >= m.end:
            after_pos = role.trigger_end
        if work is None:
            work = _join_wraps(text)
        sent = sentence_bounds(work, m.start, m.end)
        label_start = None
        end = sent[1]
        if win is not None and win[0] == "label":
            action, actor = win[2], None
            if is_call(action):  # 征集时间：即日起至X … 报名方式：…将报名表提交至邮箱
                action = call_submission(work, m.end, len(work)) or action
                at = work.find(action, m.end)
                end = max(end, at + len(action)) if at >= 0 else end
        else:
            action, actor = read(work, sent, (m.start, m.end), after_pos)
            if plan is not None:  # 计划于6月底前完成: what the plan says is done by then (完成), never 计划
                action = _plan_action(work, plan, sent[1]) or action
            if win is not None and (not action or word_lists()["window_no_action"].match(action)):
                continue  # 请…于X至Y上午9时至12时…: hours of each day, no action read
            if no_duty(work, sent[0], _scope_end(work, sent, action, m.end), m, ref, after_pos, action):
                if m.role == "deadline":  # the date mention agrees: a forecast or history, nothing due
                    m.role = "event"
                continue
        if win is not None or plan is not None:
            m.role = "deadline"
        if role.rule == "due_label" and role.trigger_start is not None and (not action or _bracketed(action, text, m.end)):
            label_start, action = _label_topic(text, role.trigger_start)  # 投标截止时间：X -> 投标
        while end > sent[0] and text[end - 1] in "\n\r \t":
            end -= 1
        if actor is None and about_bid(action):
            if word is None:
                word = bidders(text)  # (counted once per text)
            actor = bidder(word, action)
        out.append(
            Deadline(
                due=due_of(value, m.mod),
                date=index,
                date_text=m.text,
                action=_restore(action),
                actor=_restore(actor),
                start=min(sent[0], label_start) if label_start is not None else sent[0],
                end=end,
            )
        )
    return out


def _plan_target(text: str, start: int, end: int) -> Optional[int]:
    """Where the 前 after a plan's own date ends (计划于6月底前完成: a plan target, phrases.yaml), or None."""
    lists = word_lists()
    if not lists["plan_before"].search(text, max(0, start - 4), start):
        return None
    m = lists["plan_after"].match(text, end)
    return m.end() if m else None


_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")


def _plan_action(text: str, pos: int, sent_end: int) -> Optional[str]:
    m = _CLAUSE_END.search(text, pos, sent_end)
    return text[pos : m.start() if m else sent_end].strip(" \t\u3000") or None


def _recurring(text: str, start: int) -> bool:
    """The date follows a word that makes it recurring in its clause (次年6月底前, 每年的3月底前)."""
    return bool(word_lists()["recurring_before"].search(text, max(0, start - 6), start))
