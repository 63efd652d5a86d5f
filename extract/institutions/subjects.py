"""Companies named only by a short name the article never introduces with a full one
(翔宇医疗成立于2002年…; 翔宇医疗被…认定为…; 中国医商总经理…): a name standing at a clause's
start (or after a year) before a word only an organisation is the subject of (成立于, 是一家,
董事长: data/subjects.yaml `cues`), written at least twice in the article, is a company at
every occurrence where the segmenter cuts at both its ends. Recurrence keeps a clause's one
odd subject out; the cue keeps a recurring person, place or topic out.
Linear: one regex pass for the cue words, a look back of at most max_len characters from each,
one pass for the names' occurrences."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon, wordlists
from .automata import occurrences
from .boundaries import cut_at
from .candidates import Candidate
from .postag import tag

RULE = "subject.recurring"
COMPANY = "公司"  # 九间棚公司董事长: the name's own 公司 stands between it and the cue
_COMPANY = re.compile(COMPANY)


@cached("institutions.subjects")
def _table() -> tuple:
    d = lexicon._yaml("subjects.yaml")
    cues = "|".join(map(re.escape, sorted(d["cues"] + d["titles"], key=len, reverse=True)))
    return (re.compile(cues), d["min_count"], d["not_first"], frozenset(d["not_names"]), d["not_last"],
            tuple(d["not_tags"]), frozenset(d["titles"]), tuple(d["bad_first"]), tuple(d["other_ends"]),
            d["min_len"], d["max_len"])


_LEAD = set("\n，。！？；：、“”（）—-,.!?;:()")


def _lead(text: str, s: int) -> bool:
    """Whether a clause starts at `s`: the text's start, a mark or a digit year or month before it."""
    return s == 0 or text[s - 1] in _LEAD or (s >= 2 and text[s - 1] in "年月" and text[s - 2].isdigit())


def _cued(text: str, rx, min_len: int, max_len: int):
    """(name start, name end, cue) for each cue word with a name before it at a clause's start:
    the longest run of ideographs (min_len to max_len) ending at the cue (or at its 公司) that a
    clause starts. Found from the cues (rare), not tried at every position."""
    # the cues' starts from the word lists' scan (subject_cues: the same words): rx tried there
    # only, not over the whole text (an alternation re tries at every character; round 27)
    for m in wordlists.matches_at(rx, text, wordlists.starts(text, "subject_cues")):
        e = m.start() - 2 if text.startswith(COMPANY, m.start() - 2) else m.start()
        for s in range(max(0, e - max_len), e - min_len + 1):
            if _lead(text, s) and all("\u4e00" <= ch <= "\u9fff" for ch in text[s:e]):
                yield s, e, m.group()
                break


def _after_date(text: str, s: int) -> bool:
    """Whether a year or month written in digits ends right before `s` (2019年康达医疗: the
    segmenter may join 年 to the name's first character)."""
    return s >= 2 and text[s - 1] in "年月" and text[s - 2].isdigit()


def _person(name: str) -> bool:
    """Whether `name` reads as a person's name: a surname and one or two characters more."""
    from ..ingest.people import surnames

    single, compound = surnames()
    if name[:2] in compound:
        return len(name) <= 4
    return len(name) <= 3 and name[0] in single


def subject_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    rx, min_count, not_first, not_names, not_last, not_tags, titles, bad_first, other_ends, lo, hi = _table()
    names = set()
    for s, e, cue in _cued(text, rx, lo, hi):
        name = text[s:e]
        if name[0] in not_first or name[-1] in not_last or name in not_names:
            continue
        if cue in titles and _person(name):
            continue  # 贺惠山董事长: a person and the title
        words = tag(name)
        if words[0][1].startswith(bad_first) or (len(words) == 1 and words[0][1].startswith(not_tags)):
            continue  # 通过旗下…, 包括石药集团: a verb first; 王承德是一家…: a person; 平邑是一家…: a place
        if not ((cut_at(text, s) or _after_date(text, s)) and cut_at(text, e)):
            continue
        names.add(name)
    if not names:
        return []
    known = {text[c.start:c.end] for c in found}
    covered = bytearray(len(text) + 1)
    for c in found:
        covered[c.start:c.end] = b"\1" * (c.end - c.start)
    at = occurrences(text, names)
    out = []
    for name, starts in at.items():
        if name in known or len(starts) < min_count or any(covered.find(1, s, s + len(name)) >= 0 for s in starts):
            continue  # 包括石药集团 holds a name found: the found one is the mention
        kind = "other" if name.endswith(other_ends) else "company"
        for s in starts:
            e = s + len(name)
            if not ((cut_at(text, s) or _after_date(text, s)) and cut_at(text, e)):
                continue
            k = _COMPANY.match(text, e)
            out.append(Candidate(s, k.end() if k else e, name, kind, None, None, RULE, 0.6))
    return out
