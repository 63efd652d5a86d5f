"""Ordered lists (1. 2. 3., ①②③, （1）, 一、二、, 第一步…第二步, 步骤1, Step1, 方法1, a number on
its own line) found by marker runs, each classified from its intro and items as a procedure
(ordered steps), alternatives (方法1/方法2, 以下途径: each item a way of its own), an
eligibility list, or neither."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .. import literals
from ..datafiles import load_yaml

from ..literals import needed_words
from .lexicon import HERE, lexicon
from .clauses import SENTENCE_MARKS, clause_spans, sentence_lines
from .prose import action_start
from .words import article

_CN = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}
_SPACE = " \t\u3000"
_BLANK = _SPACE + "\n"
_TITLE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_STOPS = "。！？!?\n；;"  # where the clause before a colon starts (after the last of them)


@dataclass
class OrderedList:
    family: str
    items: list[tuple[int, int]]            # item text spans (markers excluded)
    intro: Optional[tuple[int, int]] = None
    kind: str = "none"                       # procedure | alternatives | condition | none | used
    markers: list[int] = field(default_factory=list)
    role: str = "none"                       # what the marker family says: steps | alternatives | none
    line_items: bool = False                 # every item is a line of its own

    @property
    def start(self) -> int:
        return self.intro[0] if self.intro else self.markers[0]

    @property
    def end(self) -> int:
        return self.items[-1][1]

    def region_end(self, k: int) -> int:
        """Where item k's stretch of text ends: the next marker (the item's own end for the last)."""
        return self.markers[k + 1] if k + 1 < len(self.markers) else self.items[k][1]


@dataclass(frozen=True)
class _Family:
    name: str
    patterns: tuple[re.Pattern, ...]
    role: str
    max_gap: int
    starts: tuple[Optional[str], ...] = ()  # where pattern k can start: "anchor", "line" (see _starts) or anywhere
    # what pattern k's first character can be: a set, _DECIMAL (\\d) or None (unknown);
    # for a pattern scanned anywhere, the words one of its matches needs (needed_words)
    firsts: tuple = ()


_DECIMAL = "decimal"  # a first character that \\d matches: str.isdecimal (re's own test)


def _first_test(body: str):
    """What a marker pattern (its body after the anchor) can start with: its first
    characters, _DECIMAL for a leading (\\d…), or None (anything; a pattern that may match
    empty or start with a space, which the anchor's own spaces would let move)."""
    found = literals.starts(body)
    if found is None or found.min_width == 0:
        return None
    if found.chars is not None:
        return None if found.chars & set(_SPACE) else found.chars
    return _DECIMAL if body.startswith("(\\d") else None


@lru_cache(maxsize=1)
def _config():
    data = load_yaml(HERE / "markers.yaml")
    before = re.escape(data["anchor_before"])
    fams = []
    bodies: dict[str, list[str]] = {"anchor": [], "line": []}  # what follows the anchor or line start
    keys: list[tuple[str, int]] = []  # (family, pattern) of each anchored body
    for f in data["families"]:
        pats, starts, firsts = [], [], []
        for body in f["re"]:
            line = next((body[len(a):] for a in ("^", "(?<![^\\n])") if body.startswith(a)), None)
            if line is not None:
                starts.append("line")
                bodies["line"].append(line)
                firsts.append(None)
            elif f["anchored"]:
                starts.append("anchor")
                bodies["anchor"].append(body)
                keys.append((f["name"], len(pats)))
                firsts.append(_first_test(body))
                body = f"(?:^|(?<=[{before}]))[ \\t\\u3000]{{0,3}}" + body
            else:
                starts.append(None)
                firsts.append(_scanned_words(re.compile(body, re.M)))
            pats.append(re.compile(body, re.M))
        fams.append(_Family(f["name"], tuple(pats), f.get("role", "none"), int(f.get("max_gap", data["max_gap"])),
                            tuple(starts), tuple(firsts)))
    # an anchor character (a line break) followed by the start of some marker: scanned for
    # the character first (fast), so the patterns are tried only where one may match
    def after(bs: list[str]) -> str:
        return "(?=" + "|".join(f"(?:{b})" for b in bs) + ")"

    first_class = _first_class(bodies["anchor"])
    data["start_res"] = {"anchor": re.compile(f"[{before}][ \\t\\u3000]{{0,3}}" + first_class
                                              + after(bodies["anchor"]), re.M),
                         "line": re.compile("\n" + after(bodies["line"]), re.M)}
    # the anchor characters as line breaks (sentence_lines, and the others replaced), and the
    # scan of that string for a line break followed by a marker's first character
    data["anchor_extra"] = "".join(sorted(set(data["anchor_before"]) - set(SENTENCE_MARKS + "\n")))
    data["anchor_line_re"] = re.compile("\n[ \\t\\u3000]{0,3}" + first_class)
    data["marks_res"] = _marks_res(first_class, bodies["anchor"], keys)
    data["last_item_end_re"] = re.compile(f"[{re.escape(data['last_item_ends'])}]")
    data["lone_numeral_re"] = re.compile(data["lone_numeral_line"], re.M)
    data["label_item_re"] = re.compile(data["label_item"])
    return data, fams


def _marks_res(first_class: str, bodies: list[str], keys: list[tuple[str, int]]):
    """The anchored marker bodies, each compiled alone, by the first characters they admit
    (filled in per character as met: `heads`), as (family, pattern) key, body and first
    test; None when a body's first character cannot be told (then a body could open on a
    space, and where it starts after an anchor would not be known)."""
    if not first_class:
        return None
    return tuple((key, re.compile(body, re.M), _first_test(body)) for body, key in zip(bodies, keys)), {}


def _scanned_words(rx: re.Pattern) -> Optional[tuple[str, ...]]:
    """The words one of which every match of a marker pattern scanned anywhere holds: its
    needed words, or else its first characters (①…⑳: a class too large for needed_words,
    but every match opens with one of them)."""
    words = needed_words(rx)
    if words is None:
        found = literals.starts(rx)
        if found is not None and found.min_width > 0 and found.chars:
            words = tuple(sorted(found.chars))
    return words


def _first_class(bodies: list[str]) -> str:
    """A look-ahead for the characters one of `bodies` can start with ((?=[\\d（(一二…]): tried
    before the bodies themselves, it turns most anchor characters away with one test; empty
    when a body's first character cannot be told."""
    tests = [_first_test(b) for b in bodies]
    if not tests or any(t is None for t in tests):
        return ""
    chars = sorted({c for t in tests if t is not _DECIMAL for c in t})
    return "(?=[" + ("\\d" if _DECIMAL in tests else "") + re.escape("".join(chars)) + "])"


def scanned_words() -> list[Optional[tuple[str, ...]]]:
    """The needed words of the marker patterns scanned anywhere (for words.py's vocabulary)."""
    _, fams = _config()
    return [first for fam in fams for where, first in zip(fam.starts, fam.firsts) if where is None]


def _number(tok: str) -> int:
    if tok.isascii() and tok.isdigit():
        return int(tok)
    if tok in _CN:
        return _CN[tok]
    return ord(tok) - ord("①") + 1


def _starts(text: str) -> dict:
    """Where the markers that must open a line or follow an anchor character (。；：…) may
    start: the text's start, and after each line break or anchor character that some such
    marker follows (after at most three spaces); and the anchored markers found there
    ("marks": (family, pattern) -> (start, end, number) of each, see _anchor_marks)."""
    data, _ = _config()
    res = data["start_res"]
    anchors, marks = _anchor_marks(text, data)
    return {"anchor": anchors, "marks": marks, "line": [0] + [m.start() + 1 for m in res["line"].finditer(text)]}


def _anchor_starts(text: str, data: dict) -> list[int]:
    """[0] + the starts after each match of start_res["anchor"] in text (_anchor_marks)."""
    return _anchor_marks(text, data)[0]


def _anchor_marks(text: str, data: dict) -> tuple[list[int], Optional[dict]]:
    """([0] + the starts after each match of start_res["anchor"] in text, the anchored
    markers). That pattern opens with a class of anchor characters, which re tests at every
    character of the text (~100 instructions each: most of the cost); here the anchor
    characters are line breaks of a copy (sentence_lines, made once for the article, the
    other anchors replaced), scanned for a line break (re skips to it) followed, after at most
    three spaces, by a character that can open a marker. A match of the pattern is an anchor
    character and its spaces (the look-aheads take nothing), so its matches do not hide one
    another and each is one of these places.

    Where the bodies' first characters are known (marks_res), the bodies that admit the
    character after the spaces are matched there instead of the pattern: the place is an
    anchor when one of them matches (what the pattern's look-ahead asks), and what each
    matches is what its marker pattern (prefix, spaces, body) matches at the anchor:
    `_anchored_finditer(text, rx, anchors)`'s matches, their start after the spaces (as
    _matches strips them: a body never opens on a space, so the pattern takes all of them,
    at most three), a place inside the pattern's last match skipped as there. Each place's
    anchor test and its markers are then one or two matches of a body, not the pattern's
    look-ahead over every body and then each family's pattern again."""
    lines = sentence_lines(text)
    for c in data["anchor_extra"]:
        lines = lines.replace(c, "\n")
    out = [0]
    found = data["marks_res"]
    if found is None:
        match = data["start_res"]["anchor"].match
        for m in data["anchor_line_re"].finditer(lines):
            p = m.start()
            if match(text, p):
                out.append(p + 1)
        return out, None
    bodies, heads = found
    marks: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    ends: dict[tuple[str, int], int] = {}  # where each pattern's last match ended

    def take(q: int, place: int) -> bool:
        """The bodies matching at q (after the spaces that follow the place)."""
        c = text[q]
        tried = heads.get(c)
        if tried is None:
            tried = heads[c] = tuple(b for b in bodies if (c.isdecimal() if b[2] is _DECIMAL else c in b[2]))
        hit = False
        for key, rx, _ in tried:
            m = rx.match(text, q)
            if m is not None:
                hit = True
                if place >= ends.get(key, 0):
                    ends[key] = e = m.end()
                    marks.setdefault(key, []).append((q, e, _number(m.group(1))))
        return hit

    q = 0
    while q < len(text) and q < 3 and text[q] in _SPACE:
        q += 1
    if q < len(text):
        take(q, 0)
    for hit in data["anchor_line_re"].finditer(lines):
        if take(hit.end(), hit.start() + 1):  # (the look-ahead for a first character ends the hit)
            out.append(hit.start() + 1)
    return out, marks


def _anchored_finditer(text: str, rx: re.Pattern, anchors: list[int]):
    """rx.finditer(text) for a pattern that can only start at one of `anchors` (after its
    anchor prefix or at a line start): those are the only positions tried."""
    end = 0
    for p in anchors:
        if p < end:
            continue
        m = rx.match(text, p)
        if m:
            yield m
            end = m.end()


def _matches(text: str, fam: _Family, starts: dict, art) -> list[tuple[int, int, int]]:
    """(start, end, number) of the family's markers, in order, one per position (the first
    pattern's where two of the family's patterns match at one place)."""
    found: list[tuple[int, int, int]] = []
    for k, (rx, where, first) in enumerate(zip(fam.patterns, fam.starts, fam.firsts)):
        if where == "anchor" and starts["marks"] is not None:
            found.extend(starts["marks"].get((fam.name, k), ()))  # (read at the anchors: _anchor_marks)
            continue
        if where == "anchor":
            ms = _anchored_finditer(text, rx, starts["anchor"])
        elif where:
            ms = _anchored_finditer(text, rx, starts[where])
        else:  # (first: the words a match needs; scanned around their occurrences)
            ms = art.finditer(rx, first)
        for m in ms:
            start, end = m.span()
            while start < end and text[start] in _BLANK:
                start += 1
            found.append((start, end, _number(m.group(1))))
    if len(fam.patterns) == 1:
        return found  # one pattern's matches: in order, none overlapping
    first_at: dict[int, tuple[int, int, int]] = {}
    for f in found:
        first_at.setdefault(f[0], f)
    return [first_at[k] for k in sorted(first_at)]


def _runs(text: str) -> list[OrderedList]:
    data, fams = _config()
    out = []
    starts = _starts(text)
    art = article(text)  # the article's word pass (words.py)
    for fam in fams:
        marks = _matches(text, fam, starts, art)
        if len(marks) < 2:
            continue  # no run of two
        run: list[tuple[int, int, int]] = []  # (marker start, marker end, number)

        def close(limit: int):
            if len(run) >= 2:
                out.append(_build(text, fam, run, data, limit))

        for start, end, n in marks:
            if run and n == run[-1][2] + 1 and start - run[-1][1] <= fam.max_gap:
                run.append((start, end, n))
            else:
                close(start)
                run = [(start, end, n)] if n == 1 else []
        close(len(text))
    return out


def _line_end(text: str, i: int, limit: int) -> int:
    nl = text.find("\n", i, limit)
    return nl if nl >= 0 else limit


def _item_start(text: str, m_end: int, limit: int) -> int:
    """Where an item's text starts: after the marker, or on the next non-empty line when
    the marker stands alone on its line (1\\n申请理赔)."""
    i = m_end
    while i < limit and text[i] in _SPACE:
        i += 1
    while i < limit and text[i] == "\n":
        i += 1
        while i < limit and text[i] in _SPACE:
            i += 1
    return i


def _build(text: str, fam: _Family, run, data, limit: int) -> OrderedList:
    """Items of one run: an item is the rest of its marker's line (or the next line when
    the marker stands alone); the last one ends at its line end when all items are lines,
    else at its sentence end, and never after `limit` (the next marker of the family)."""
    items = []
    ends = data["last_item_end_re"]
    line_items = True
    for i, (_, m_end, _) in enumerate(run):
        nxt = run[i + 1][0] if i + 1 < len(run) else limit
        s = _item_start(text, m_end, nxt)
        if i + 1 < len(run):
            e = _line_end(text, s, nxt)
            if e == nxt or text[e:nxt].strip(_SPACE + "\n"):
                line_items = False  # items run into each other, or a body under the item
        elif (line_items and len(run) > 1 and title_of(text, s, _line_end(text, s, min(limit, s + 600)))) \
                or "\n" in text[m_end:s]:
            e = _line_end(text, s, min(limit, s + 600))  # a titled line (通过…进行举报。在搜索引擎…), or a label under its number
        else:
            e = min(limit, _last_item_end(text, s, ends, data["label_sentence_max"]))
        items.append(_strip(text, s, e))
    lst = OrderedList(fam.name, items, _intro(text, run[0][0]), markers=[r[0] for r in run], role=fam.role)
    lst.line_items = line_items
    return lst


def _last_item_end(text: str, s: int, ends: re.Pattern, label_max: int) -> int:
    """The last item ends at its sentence end, or the next one if the first sentence is
    only a label (享受待遇。公示无异议的，…)."""
    e = s
    limit = min(len(text), s + 2000)
    for _ in range(4):
        if e < limit:  # to the next sentence end, at most 2000 characters from s
            m = ends.search(text, e, limit)
            e = m.start() if m else limit
        if e < len(text) and text[e] == "\n" and _wrapped(text, e):
            e += 1  # an OCR line wrap inside the item
            continue
        if e >= len(text) or text[e] == "\n" or e - s >= 2000:
            return e
        e += 1
        if e - s > label_max + 1:
            return e
    return e


def _wrapped(text: str, nl: int) -> bool:
    """A newline inside a sentence: no sentence end before it, text right after it."""
    return (nl > 0 and text[nl - 1] not in "。！？!?；;：:" and nl + 1 < len(text)
            and text[nl + 1] not in "\n①②③④⑤⑥⑦⑧⑨⑩（(【第" and not text[nl + 1].isdigit())


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\u3000：:，,、\n":
        s += 1
    while e > s and text[e - 1] in " \t\u3000\n；;，,":
        e -= 1
    return s, e


def _prev_line(text: str, j: int) -> Optional[tuple[int, int]]:
    """The last non-empty line ending before position j (a line start)."""
    e = j - 1
    while e > 0 and text[e - 1] in "\n" + _SPACE:
        e -= 1
    if e <= 0:
        return None
    s = text.rfind("\n", max(0, e - 2000), e) + 1
    return s, e


def _colon_clause(text: str, colon: int) -> Optional[tuple[int, int]]:
    """The clause that ends at a colon (up to 80 characters back, within its sentence)."""
    lo = max(0, colon - 80)
    k = max(lo, 1 + max(text.rfind(c, lo, colon) for c in _CLAUSE_STOPS))
    return (k, colon) if k < colon else None


def _intro(text: str, first: int) -> Optional[tuple[int, int]]:
    """The clause before a list: up to a colon on the same line, the clause before a
    colon ending the line before, or the line before (a lone numeral line between a
    heading and its list is skipped: 报名条件\\n四\\n1、…)."""
    data, _ = _config()
    j = first
    while j > 0 and text[j - 1] in _SPACE:
        j -= 1
    if j > 0 and text[j - 1] in "：:":
        return _colon_clause(text, j - 1)
    if j > 0 and text[j - 1] == "\n":
        line = _prev_line(text, j)
        if line and data["lone_numeral_re"].match(text, *line) and line[0] > 0:
            line = _prev_line(text, line[0])
        if not line:
            return None
        s, e = line
        if text[e - 1] in "：:":
            return _colon_clause(text, e - 1)
        if 0 < e - s <= 60:
            return s, e
    return None


def title_of(text: str, s: int, e: int) -> Optional[tuple[int, int]]:
    """The item's title: a short first sentence followed by more text (致电便民热线进行投诉。拨打…)."""
    data, _ = _config()
    most = data["title_sentence_max"]
    limit = min(e, s + most + 1)  # a sentence end further on makes no title
    m = _TITLE_END.search(text, s, limit)
    end = m.start() if m else limit
    if end < e and 0 < end - s <= most and text[end + 1 : e].strip():
        return s, end
    return None


def _is_action(text: str, s: int, e: int, data) -> bool:
    """The item asks for an action: it opens with one (打开…, 到…缴纳, 申请人可向…), or names
    a service action in its first few characters (评估通过后选择…)."""
    lex = lexicon()
    head = text[s : min(e, s + data["item_head_chars"])]
    if lex.non_action_head_re.match(head) or data["narrative"] in head:
        return False
    return action_start(text, s, e)


def classify(text: str, lst: OrderedList, has_channel) -> str:
    data, _ = _config()
    lex = lexicon()
    intro = text[lst.intro[0] : lst.intro[1]] if lst.intro else ""
    if intro and lex.condition_intro_re.search(intro):
        return "condition"
    if lst.role == "steps":
        return "procedure"
    if intro and (lex.non_procedure_cue_re.search(intro) or lex.materials_heading_re.search(intro)):
        return "none"
    n = len(lst.items)
    policy = sum(1 for s, e in lst.items if lex.policy_head_re.match(text, s, e))
    if policy * 2 >= n:
        return "none"  # tasks of a plan (推广弹性签约服务。…), not steps for a reader
    if lst.role == "alternatives":
        return "alternatives"
    label_re = data["label_item_re"]

    def acting(s: int, e: int) -> bool:
        return bool(_is_action(text, s, e, data) or has_channel(s, e) or lex.arrow_re.search(text[s:e]))

    def labels() -> int:  # (items counted only when a rule below needs them)
        return sum(1 for s, e in lst.items
                   if (m := label_re.match(text[s:e])) and not lex.service_re.search(m.group()))

    cases = sum(1 for s, e in lst.items if lex.case_item_re.match(text, s, e))
    if cases * 2 > n:
        return "none"  # cases (选择到银行网点领卡的，…；选择邮寄的，…), not an order of steps
    if intro and lex.strong_procedure_cue_re.search(intro):
        return "procedure"
    gaps = [lst.markers[i + 1] - lst.items[i][1] for i in range(n - 1)]
    if n > 1 and sum(1 for g in gaps if g > data["outline_gap"]) * 2 >= n - 1:
        return "none"  # an outline: headings with body text in between
    titled = sum(1 for s, e in lst.items if title_of(text, s, e))
    if intro and lex.alternatives_cue_re.search(intro) and titled * 2 >= n and any(acting(s, e) for s, e in lst.items):
        return "alternatives"
    if titled * 2 >= n and not (intro and lex.procedure_cue_re.search(intro)):
        return "none"  # sections under headings (参保范围。…；申请流程。…): an outline
    cue = bool(intro and lex.procedure_cue_re.search(intro))
    if cue and any(acting(s, e) for s, e in lst.items):
        return "procedure"
    if sum(e - s for s, e in lst.items) > data["long_item_chars"] * n:
        return "none"  # paragraphs of a notice (一、…十、), not steps
    if intro and len(intro) <= data["heading_max"] and lex.heading_action_re.search(intro) and labels() < n:
        # 线下理赔申请\n1.将材料邮寄至…\n2.收件人：…: one acting item makes it a procedure (and
        # without one, none: the rule below needs more)
        return "procedure" if any(acting(s, e) for s, e in lst.items) else "none"
    # most lists ending here have no acting item: the count stops as soon as its bar is
    # reached or out of reach (acting has no side effect but the channel scan's caches)
    need, left = max(2, math.ceil(0.6 * n)), n
    for s, e in lst.items:
        if acting(s, e):
            need -= 1
            if not need:
                return "procedure" if labels() * 2 < n else "none"
        left -= 1
        if left < need:
            return "none"
    return "none"


def sorted_items(text: str, lst: OrderedList) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(steps, conditions) of a procedure list: its items, less those that are no step when
    another item acts (markers.yaml: an item that opens on a purpose and acts nowhere after
    it, a rule under a label), a requirement on who applies (…应具备…) going to the conditions."""
    data, _ = _config()
    rx = data.get("item_res")
    if rx is None:
        rx = data["item_res"] = tuple(re.compile(data[k]) for k in ("purpose_item", "rule_label_item", "requirement_item"))
    purpose, rule_label, requirement = rx
    lex = lexicon()
    processing = data.get("processing_re")
    if processing is None:
        processing = data["processing_re"] = re.compile("|".join(map(re.escape, lex.data["processing_verbs"])))

    def serves(a: int, b: int) -> bool:  # 为申请人办理登记，…: an office's step, not a purpose
        return bool(lex.service_re.search(text, a, b) or processing.search(text, a, b))

    acts = [_is_action(text, s, e, data) or any(action_start(text, a, b) for a, b in clause_spans(text, s, e))
            for s, e in lst.items]
    if not any(acts):
        return list(lst.items), []
    steps, conds = [], []
    for (s, e), act in zip(lst.items, acts):
        if act:
            steps.append((s, e))
        elif (m := purpose.match(text, s, e)) and not serves(m.start(), m.end()) and not any(
                action_start(text, a, b) for a, b in clause_spans(text, m.end(), e)):
            continue
        elif rule_label.match(text, s, e):
            continue
        elif requirement.match(text, s, e):
            conds.append((s, e))
        else:
            steps.append((s, e))
    return steps, conds


def find_lists(text: str, has_channel) -> list[OrderedList]:
    """All marker runs of two or more items, classified; `has_channel(s, e)` tells
    whether text[s:e] names a channel."""
    lists = _runs(text)
    for lst in lists:
        lst.kind = classify(text, lst, has_channel)
    return sorted(lists, key=lambda l: l.start)
