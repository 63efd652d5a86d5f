"""A window whose end is a deadline: a range the text gives for a call or a submission
(网上报名时间为X至Y; 投标文件递交起止时间：X至Y; 征集时间\\n一\\n即日起至X) or a range someone must
act within (用人单位须在X至Y期间完成年度申报). The date's role (dates/roles.yaml) calls such a
range an event or a period; what makes it a deadline is read here (word lists in phrases.yaml).
A window one may use (居民可在X至Y期间缴费) or a stage of a plan (X至Y为试点阶段) stays a period."""
from __future__ import annotations

from typing import Optional

from ..dates.roles import CLAUSE_BREAK, after_last
from .phrases import clean, word_lists

_LABEL_REACH = 40  # how far before the range its label is looked for
_CALL_REACH = 600  # how far after a call's window its submission is looked for


def window(text: str, start: int, end: int, value: Optional[str]) -> Optional[tuple[str, int, Optional[str]]]:
    """("label" | "duty", where the words due start to be read, the label's topic) for a range
    mention at [start, end) that is a window ending in a deadline; None otherwise."""
    if not value or "/" not in value:
        return None
    lists = word_lists()
    lo = max(0, start - _LABEL_REACH)
    m = lists["window_label"].search(text, lo, start)
    if m:
        return "label", end, clean(m.group("topic"))
    m = lists["window_duty"].search(text, lo, start)
    if m and m.end() == start:
        tail = lists["window_tail"].match(text, end)
        return "duty", tail.end() if tail else end, None
    return None


def call_submission(text: str, end: int, limit: int) -> Optional[str]:
    """For a call (征集, 招募), the first clause after it, within reach and before `limit`,
    that submits something (将报名表提交至邮箱): what the respondents must do by its end."""
    lists = word_lists()
    hi = min(limit, end + _CALL_REACH)
    m = lists["submission"].search(text, end, hi)
    if not m:
        return None
    a = after_last(CLAUSE_BREAK, text, end, m.start())  # the submission's clause
    b = CLAUSE_BREAK.search(text, m.end(), hi)
    clause = clean(text[a:b.start() if b else hi])
    return clause or None


def is_call(topic: Optional[str]) -> bool:
    return bool(topic) and bool(word_lists()["call_topic"].search(topic))


__all__ = ["call_submission", "is_call", "window"]
