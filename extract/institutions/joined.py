"""Line wraps and inserted stock quotes inside a name: OCR pages break lines mid-word (河南省人力资\\n源和社会保障厅).
The matchers run on the text with each single line break between two Chinese
characters removed; offsets are mapped back, so a mention's text keeps the break (the
guide compares texts without whitespace)."""
from __future__ import annotations

import re
from bisect import bisect_right

from .candidates import Candidate
from .foreign import country_at

# a break is a wrap only after a line at least this long: shorter lines are headings,
# list items and captions (基层处、医政处 / 紧密型医疗集团), whose names end at the break
MIN_WRAPPED_LINE = 10


# a portal's stock quote after a listed company's short name, between two ideographs (price,
# change, 股吧 link): no part of the name it interrupts
_TICKER = re.compile(r"(?<=[\u4e00-\u9fff])\[\s*-?\d+(?:\.\d+)?(?:\s+[-+]?\d+(?:\.\d+)?%)?\s*(?:元)?\s*(?:股吧)?\s*\](?=[\u4e00-\u9fff])")


# round 16: a portal's link tag after a name it links to a microblog (《第一财经（微博)日报》, Sina's
# pages): no part of the name it interrupts
_LINK_TAG = re.compile(r"(?<=[\u4e00-\u9fff])[（(]微博[)）](?=[\u4e00-\u9fff])")


class Joined:
    def __init__(self, text: str):
        self.original = text
        parts, self.cuts, self.shift = [], [], []  # cuts: joined offsets; shift: chars removed so far
        last, removed = 0, 0
        spans = [(a, b) for a, b in _breaks(text) if _wrapped(text, a)]
        if "[" in text:  # a stock quote a portal inserts after a listed company's name: 中国医药[23.59 1.33% 股吧]生物技术协会
            spans = sorted(spans + [m.span() for m in _TICKER.finditer(text)])
        if "微博" in text:  # 第一财经（微博)日报
            spans = sorted(spans + [m.span() for m in _LINK_TAG.finditer(text)])
        for a, b in spans:
            parts.append(text[last:a])
            removed += b - a
            self.cuts.append(a - (removed - (b - a)))
            self.shift.append(removed)
            last = b
        parts.append(text[last:])
        self.text = "".join(parts) if self.cuts else text

    def pos(self, j: int, end: bool = False) -> int:
        """Original offset of joined offset `j` (an end offset stays before a cut)."""
        k = bisect_right(self.cuts, j - 1 if end else j)
        return j + (self.shift[k - 1] if k else 0)

    def back(self, c: Candidate, level: str | None) -> Candidate:
        """`c` at its original offsets, its level `level`: one tuple made (not a _replace per
        change: ~700 a pass over the throughput benchmark's texts, most of them on texts with
        a wrap)."""
        if not self.cuts:
            return c if c.level == level else Candidate(c.start, c.end, c.name, c.kind, level, *c[5:])
        return Candidate(self.pos(c.start), self.pos(c.end, end=True), c.name, c.kind, level, *c[5:])


# a line break after a Chinese character, or after a space or tab (more of them may stand
# between the break and a Chinese character), and before a Chinese character: the break is
# the pattern's first character, so the engine skips to each one; the lookbehinds drop the
# breaks after punctuation (most paragraphs end in 。) before Python sees them, and (round 29)
# those after a line shorter than MIN_WRAPPED_LINE characters, blanks counted: _wrapped
# rejects them (its length test counts only what stands before the blanks), ~60% of the breaks
_AFTER_BREAK = re.compile("\n(?:(?<=[\u4e00-\u9fff]\n)|(?<=[ \t]\n))(?<=[^\n]{%d}\n)[ \t]*(?=[\u4e00-\u9fff])"
                          % MIN_WRAPPED_LINE)


def _breaks(text: str):
    """(start, end) of each line break between two Chinese characters with the spaces and
    tabs around it, after a line of MIN_WRAPPED_LINE characters or more: the matches of (?<=[\u4e00-\u9fff])[ \t]*\n[ \t]*(?=[\u4e00-\u9fff]), found
    from the line breaks that a Chinese character follows and a Chinese character, a space or
    a tab precedes (a pattern that starts with the break is searched for by the engine; one
    that starts with [ \t]* is tried everywhere)."""
    for m in _AFTER_BREAK.finditer(text):
        a = m.start()
        while a and text[a - 1] in " \t":
            a -= 1
        if a and "\u4e00" <= text[a - 1] <= "\u9fff":  # a Chinese character before
            yield a, m.end()


# a line that ends in a whole name or a title is whole (…有限公司 / 北京国贸…有限公司, …副会长 /
# …常委); a line that starts with a field's label (开户银行：, 网址：) starts a field, and one
# that starts with 中国/中华/全国/国家 a name
_WHOLE_END = ("有限公司", "支行", "分行", "会长", "院长", "局长", "主任", "书记", "常委", "委员", "理事")
_LABEL = re.compile(r"[ \t]*\n[ \t]*[\u4e00-\u9fff]{1,6}[：:]")
# a line that starts with a national name's head starts a name of its own (a list of
# organizers: …总后勤部卫生部 / 中国国际贸易中心股份有限公司): no name runs on into it
_NAME_HEAD = re.compile(r"[ \t]*\n[ \t]*(?:中国|中华|全国|国家)")
# a line that ends in a byline field's value (发布时间：2011-05-05发布人：-国际旅游岛商报, 来源：…)
# is whole: the value ends at the break (searched in the line's last characters only)
_FIELD_END = re.compile(r"(?:来源|稿源|出处|发布人|发布者|作者|编辑|责编)[：:][^：:]{1,20}$")


def _country_head(text: str, at: int) -> bool:
    """The line after the break at `at` starts with a foreign country's name (a list of
    organizers: 韩国国际展览公司 / 日本保健福祉协会): a name of its own."""
    nl = text.find("\n", at)
    k = nl + 1
    while 0 < k < len(text) and text[k] in " \t":
        k += 1
    return nl >= 0 and country_at(text, k)


def _wrapped(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    if at - line_start < MIN_WRAPPED_LINE:
        return False  # shorter than a wrapped line even with its whitespace (the test below)
    line = "".join(text[line_start:at].split())  # whitespace removed (str.split's whitespace is re's \s)
    if line.endswith(_WHOLE_END) or _FIELD_END.search(line[-26:]) or _LABEL.match(text, at) or _NAME_HEAD.match(text, at) or _country_head(text, at):
        return False
    return len(line) >= MIN_WRAPPED_LINE and not line.startswith(("#", "【"))  # a heading ends at its line
