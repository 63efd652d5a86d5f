"""Page -> articles. A newspaper page holds several articles: they end at a
byline or source tag (■周程祥, （记者 X 整理）, （普陀医保）) and start at a
heading or at title lines above a lead (据解放日报 …, 本报讯 …). (A trailing
list of teasers was already dropped as chrome by the line stage.)"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from . import datelines, outlet_named, outlets
from .lines import _TERMINAL, _width
from .markdown import BOLD_LEVEL
from .linescan import Closing, _plain_words, line_scan, lines_holding, search_tail
from .meta import closes_article, end_lines, is_page_meta_line, lead_lines, opening_lead, patterns
from .people import ROLE_WORD, is_person_name, split_run
from ..literals import all_needed


_AGENCY_BYLINE = re.compile(r"■\s{0,3}([\u4e00-\u9fff]{2,6}社)记者")
_AGENCY_WORD = re.compile("社记者")
_NOT_NAMES = frozenset({"记者", "通讯员", "整理", "报道", "摄影", "供稿", "撰稿", "实习生", "本报", "手记", "来源",
                        "编辑", "采访", "采访整理", "观察", "调查", "视点", "述评", "札记"})


class _once:
    """A property computed on first use and then stored on the instance (functools'
    cached_property takes a lock on every first use: too dear for thousands of lines)."""

    def __init__(self, fn):
        self.fn, self.name = fn, fn.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass
class Line:
    start: int
    end: int
    text: str
    heading: int = 0  # Markdown heading level, 0 for none

    # what the splitter asks of a line, each computed once (lines are asked many times)
    @_once
    def blank(self) -> bool:
        return not self.text.strip()

    @_once
    def title(self) -> bool:
        return _is_title(self)

    @_once
    def ends(self) -> bool:
        return closes_article(self.text)

    @_once
    def lead(self) -> Optional[re.Match]:
        return opening_lead(self.text)

    @_once
    def meta(self) -> bool:
        return is_page_meta_line(self.text)

    @_once
    def prose(self) -> tuple[bool, int]:
        """(whether it holds 15 CJK characters or more, its length) for a body line; (False,
        0) for a blank or title line. (_has_body reads no more of the count: the match stops
        at the 15th, where a count reads the whole line and makes a string per run.)"""
        if self.blank or self.title:
            return (False, 0)
        return (_HAN_15.match(self.text) is not None, len(self.text))


_HAN_15 = re.compile(r"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){15}")  # (possessive: nothing to backtrack into)


@dataclass
class ArticleSpan:
    start: int
    end: int
    title: Optional[str] = None
    byline: list[str] = field(default_factory=list)
    outlet: Optional[str] = None
    # the outlet its byline names (南都记者 X) when nothing else does
    named: Optional[str] = None
    # parts printed apart from the body (an OCR page's headline block): inside another
    # article's span, or before every span
    heads: list[tuple[int, int]] = field(default_factory=list)


def split_lines(text: str, headings: Optional[dict] = None, limit: int = -1) -> list[Line]:
    """Lines with offsets; `headings` maps a line's start offset to its Markdown level.
    With `limit`, only the first `limit` lines."""
    headings = headings or {}
    out, i = [], 0
    parts = text.split("\n", limit)
    if 0 <= limit < len(parts):
        parts.pop()  # the rest of the text, unsplit
    for raw_line in parts:
        j = i + len(raw_line)
        line = Line(i, j, raw_line, headings.get(i, 0) if headings else 0)
        line.blank = not raw_line.strip()  # asked of every line: set now, not through the property
        out.append(line)
        i = j + 1
    return out


def is_title(line: Line) -> bool:
    return line.title


def _is_title(line: Line) -> bool:
    t = line.text.strip()
    if not t or line.heading:
        return bool(t)
    # the cheap tests first: a long line or one closing a sentence is no title, page meta or not
    return (_width(t) <= 40 and t[-1] not in _TERMINAL and not t.endswith(("。”", "！”", "？”"))
            and not line.meta)


def is_page_meta(lines: list[Line], i: int) -> bool:
    """A masthead, edition, dateline or source line — or an account name right above one."""
    p = patterns()
    t = lines[i].text.strip()
    if lines[i].meta or p["dateline_masthead"].match(t):
        return True
    if _width(t) > 12:
        return False
    for j in range(i + 1, len(lines)):  # the next non-blank line
        if not lines[j].blank:
            return lines[j].meta
    return False


def _is_end(line: Line) -> bool:
    return line.ends


def _lead(line: Line) -> Optional[re.Match]:
    return line.lead


def split_articles(text: str, headings: Optional[dict] = None, ocr: bool = False,
                   lines: Optional[list[Line]] = None) -> list[ArticleSpan]:
    """`lines`: split_lines(text, headings) when the caller has them."""
    lines = split_lines(text, headings) if lines is None else lines
    if not any(not ln.blank for ln in lines):
        return []
    asked, leading = _rule_out(lines, text)  # the lines that may be a lead or close an article (None: any)
    if asked is not None and headings:
        asked |= {i for i, ln in enumerate(lines) if ln.heading}
    # (without `headings` no line is one: not read off every line)
    top = min((ln.heading for ln in lines if 0 < ln.heading < BOLD_LEVEL), default=0) if headings else 0
    briefs = patterns()["briefs_heading"]
    # the first body line: title lines above it form the page's headline block
    first_body = next((i for i, ln in enumerate(lines)
                       if not ln.blank and not is_title(ln) and not is_page_meta(lines, i)), len(lines))
    cuts = {0}
    section: Optional[Line] = None  # the heading over the current lines
    for i in range(len(lines)) if asked is None else sorted(asked):  # no other line adds a cut
        ln = lines[i]
        if ln.ends and not ln.lead:
            cuts.add(i + 1)
        if ln.heading == BOLD_LEVEL:
            # a bold paragraph is a sub-heading; under a 快讯/简讯 heading each one opens a brief
            if section is not None and briefs.search(section.text):
                cuts.add(i)
            continue
        if ln.heading:
            section = ln
            k = i
            # a short kicker line right above a heading belongs to it
            j = _prev_nonblank(lines, i)
            kicker = j is not None and is_title(lines[j]) and _width(lines[j].text) <= 12 and not lines[j].heading
            if kicker:
                k = j
            # a sub-heading inside a story does not start an article: one does when it is
            # of the top level, has a kicker, follows a closed article or opens with a lead
            after = [ln2 for ln2 in lines[i + 1:i + 6] if not ln2.blank][:2]
            opens = any(_lead(a) or _byline_line(a) for a in after)
            closed = j is None or (j + 1) in cuts or _is_end(lines[j])
            if ln.heading == top or kicker or opens or closed:
                cuts.add(k)
        if _lead(ln):
            k = i
            j = _prev_nonblank(lines, k)
            steps = 0
            while j is not None and j > first_body and steps < 3 and is_title(lines[j]) and (j + 1) not in cuts:
                k, steps = j, steps + 1
                j = _prev_nonblank(lines, k)
            cuts.add(k)
    cuts = sorted(c for c in cuts if c < len(lines))
    segments = [lines[a:b] for a, b in zip(cuts, cuts[1:] + [len(lines)])]
    segments = [s for s in segments if any(not ln.blank for ln in s)]
    merged: list[list[Line]] = []
    for seg in segments:
        first = next(ln for ln in seg if not ln.blank)
        if merged and (first.text.strip().endswith(("：", ":")) or not _has_body(seg)) and not _lead(first):
            merged[-1].extend(seg)  # a sidebar or a contact block closing the article
        elif merged and not _has_body(merged[-1]):
            merged[-1].extend(seg)  # a title block with no body yet (headline groups)
        else:
            merged.append(list(seg))
    # the lines the lead scan found, by identity: each article's lines that may open with a lead
    # are among them (a Line's text is its line of `text`), not found by a scan of the article
    lead_ids = None if leading is None else {id(lines[i]) for i in leading}
    articles = [_article(seg, lead_ids) for seg in merged if _has_body(seg)]
    if ocr and len(articles) >= 2:
        _assign_headlines(lines, articles, text)
    return articles


def _rule_out(lines: list[Line], text: str) -> tuple[Optional[set[int]], Optional[set[int]]]:
    """Lines without any word a lead or a closing byline needs are neither: found by one
    scan of the whole text, not asked line by line. Returns (the other lines, those of
    them the lead scan found) (None: all). (A line not returned that is asked anyway
    answers for itself at once: the same scans come first in opening_lead and closes_article.)"""
    leading = lines_holding(text, lead_lines())
    ending = lines_holding(text, end_lines())
    if leading is None or ending is None:
        return None, leading
    return leading | ending, leading


def _byline_line(line: Line) -> bool:
    t = line.text.strip()
    return _width(t) <= 30 and any(rx.search(t) for rx in patterns()["bylines"])


def _prev_nonblank(lines: list[Line], i: int) -> Optional[int]:
    j = i - 1
    while j >= 0 and lines[j].blank:
        j -= 1
    return j if j >= 0 else None


def _has_body(seg: list[Line]) -> bool:
    total = 0
    for ln in seg:
        many, length = ln.prose
        if many:
            return True
        total += length
    return total >= 60


def _article(seg: list[Line], lead_ids: Optional[set[int]] = None) -> ArticleSpan:
    """`lead_ids`: the ids of the Lines the lead scan (lead_lines()) found in the whole text,
    when the caller has them (else the article's lines are scanned)."""
    body = [ln for ln in seg if not ln.blank]
    title = None
    heads = [ln for ln in body[:4] if ln.heading]
    if heads:
        # a list of briefs opens with its own heading: the first brief is titled by its headline
        first = heads[0]
        title = (heads[1] if len(heads) > 1 and patterns()["briefs_heading"].search(first.text) else first).text.strip()
    if title is None:
        k = 0
        while k < min(len(body) - 1, 3) and is_page_meta(body, k):
            k += 1
        if is_title(body[k]) and not is_page_meta(body, k) and not _no_headline(body[k].text):
            title = body[k].text.strip()
        elif k == 0 and patterns()["notice_opening"].match(body[0].text.strip()):
            title = body[0].text.strip()  # a notice printed without a headline: its opening names it
    art = ArticleSpan(start=body[0].start, end=body[-1].end, title=title)
    p = patterns()
    # each pattern is tried only on the lines holding a word it needs (one scan of the article)
    joined = "\n".join([ln.text for ln in body])
    plan = _byline_scans()
    found = _scan_lines(body, joined)
    bylines = [(rx, found[k]) for k, (rx, _) in enumerate(plan[:-1])]
    tried: dict[int, list] = {}  # line -> the byline patterns to try on it, in their order
    for rx, hits in bylines:
        for i in range(len(body)) if hits is None else hits:
            tried.setdefault(i, []).append(rx)
    tag_rx = p["source_tag"]
    tag_lines = found[-1]
    # only these lines can name anyone: the first four, those holding a word of a byline, a
    # source tag or an agency's byline, and leads
    look: Optional[set[int]] = set(range(min(4, len(body))))
    for hits in [h for _, h in bylines] + [tag_lines]:  # (a set's order is not used)
        if hits is None:
            look = None
            break
        look |= hits
    if look is not None:
        if "社记者" in joined:
            look |= lines_holding(joined, _AGENCY_WORD)
        if lead_ids is None:
            leads = lines_holding(joined, lead_lines())
        else:
            leads = {i for i, ln in enumerate(body) if id(ln) in lead_ids} if lead_ids else set()
        look |= {i for i in (range(len(body)) if leads is None else leads) if body[i].lead}
    else:
        leads = None
    # the lines that may name an outlet in a lead: only the first four are asked, each when it decides
    named = datelines.lead_scan()
    signed: Optional[str] = None  # the outlet a byline names
    for i in range(len(body)) if look is None else sorted(look):
        ln = body[i]
        t = ln.text.strip()
        for rx in tried.get(i, ()):
            for m in rx.finditer(t):
                # without a role word (■追访, ■周程祥) only a person's name is a byline
                weak = not ROLE_WORD.search(m.group(0))
                role = "通讯员" if "通讯员" in t[m.start():m.start("names")] else ""
                k = t.find("记者", m.start(), m.start("names"))
                if k > 0 and signed is None:  # 南都记者 杨章怀: the paper before the reporters' title
                    signed = outlet_named.byline_outlet(t[:k])
                for name, role in _names(m.group("names"), role):
                    if (2 <= len(name) <= 4 and name not in art.byline and name not in _NOT_NAMES
                            and not ((weak or role == "通讯员") and not is_person_name(name))):
                        art.byline.append(name)
        if i < 4 and ("：" in t or ":" in t or "|" in t or "｜" in t):
            # 作者：汪雪梅 姚有睿 加入时间：…, 来源 | X 作者 | Y: the dateline's authors sign the article
            dl = datelines.parse_line(t)
            for name in dl.authors if dl else ():
                if 2 <= len(name) <= 4 and name not in art.byline and name not in _NOT_NAMES:
                    art.byline.append(name)
        agency = "社记者" in t and _AGENCY_BYLINE.search(t)
        if agency and art.outlet is None:
            art.outlet = agency.group(1)
        lead = _lead(ln) if leads is None or i in leads else None  # (the others hold no lead)
        if lead and art.outlet is None and "outlet" in lead.groupdict() and lead.group("outlet"):
            art.outlet = outlets.normalize(lead.group("outlet"))
        if art.outlet is None and i < 4 and (named is None or named.search(ln.text) or t.startswith("据")):
            art.outlet = datelines.lead_outlet(t)  # 央视网消息（新闻联播）：, 中国网5月13日讯
        tag = search_tail(tag_rx, t) if tag_lines is None or i in tag_lines else None
        if tag and is_person_name(tag.group("outlet")):
            if tag.group("outlet") not in art.byline:  # （黄淑慧）: the reporter signs off
                art.byline.append(tag.group("outlet"))
        elif tag and art.outlet is None and (tag.start() or _closes_text(body, i)):
            art.outlet = outlets.normalize(tag.group("outlet"))  # （上海普陀） closing the story
    if art.outlet is None:  # the paper a byline names: weaker than what the page says of its source
        art.named = signed
    return art


@lru_cache(maxsize=1)
def _byline_scans() -> tuple:
    """For each byline pattern in order, then the source tag: (pattern, (key, line scan,
    wider key, words)). The key is the index of the first equal scan (patterns sharing a
    scan share its lines; an int, where a compiled pattern hashes its whole code at each
    lookup). A wider scan is an earlier plain-word scan among whose lines every line the
    patterns sharing this scan can match is (each word of its scan, or of another set of
    words each of those patterns needs, holds one of that scan's words: 记者 and 通讯员|记者
    within 实习生|通讯员|摄影|记者, and 整理 or 发自 after a role word): _article finds its
    lines by `in` tests on those few lines, not by a scan of its own over the article (None:
    scanned). (Narrowed so, a scan's lines still hold every line its patterns can match; a
    line _article reads only for them has nothing else to be read for.)"""
    p = patterns()
    rxs = [getattr(rx, "rx", rx) for rx in p["bylines"] + [p["source_tag"]]]
    needs = [line_scan(rx) for rx in p["bylines"] + [p["source_tag"]]]
    out, plain = [], []  # plain: the earlier plain-word scans' keys and words
    for j, (rx, need) in enumerate(zip(rxs, needs)):
        key = next(k for k, n in enumerate(needs) if n == need)
        words = _plain_words(need) if isinstance(need, re.Pattern) else None
        wider = None
        if words is not None and key == j:
            # its own words each holding a word of that scan, or, for every pattern sharing the
            # scan, another set of words the pattern needs (整理 after a role word)
            sharers = [r for r, n in zip(rxs, needs) if n == need]
            wider = next((k for k, ws in plain if _within(words, ws)
                          or all(any(_within(other, ws) for other in all_needed(r)) for r in sharers)), None)
            plain.append((key, words))
        out.append((rx, (key, need, wider, words or ())))
    return tuple(out)


def _within(words, scan_words) -> bool:
    """Whether each of `words` holds one of `scan_words` (a line holding one of `words` is
    among the lines holding one of `scan_words`)."""
    return all(any(v in w for v in scan_words) for w in words)


def _scan_lines(body: list[Line], joined: str) -> list[Optional[set[int]]]:
    """For each of _byline_scans() in order, the lines of `body` (`joined`: their texts
    joined by newlines) its scan finds: what lines_holding(joined, scan) returns, each
    scan found once (shared by the patterns needing it), a scan with a wider one among
    that one's lines, and a Closing scan off the lines' last characters (a closing
    character (）, 摄) is common inside lines, where the text scan checks every one)."""
    scanned: dict[int, Optional[set[int]]] = {}  # a scan's key -> its lines
    lasts: list[str] = []  # each line's last character but blanks ("" for none), when asked
    out = []
    for _, (key, need, wider, words) in _byline_scans():
        if key not in scanned:
            if wider is not None:
                scanned[key] = {i for i in scanned[wider] if any(w in body[i].text for w in words)}
            elif isinstance(need, Closing):
                if not lasts:
                    lasts.extend([ln.text.rstrip()[-1:] for ln in body])
                scanned[key] = {i for i, c in enumerate(lasts) if c in need.chars}
            else:
                scanned[key] = lines_holding(joined, need)
        out.append(scanned[key])
    return out


_NAME_SEP = re.compile(r"[\s、,，]+|(?:本报|特约|职工|见习|首席)?(记者|通讯员|实习生)")


def _names(group: str, role: str = "") -> list[tuple[str, str]]:
    """A byline's names, each with the role word before it (`role`: the one before the
    group): split at separators and role words, and where printed without a space between
    them (实习生赵剑云熊思: 赵剑云, 熊思). A correspondent's name (通讯员) must read as a person's:
    an office signs as one too (通讯员 粤卫信, 通讯员 嘉医宣)."""
    out = []
    for k, piece in enumerate(_NAME_SEP.split(group)):
        if k % 2:  # the captured role word (None at a separator)
            role = piece or role
        elif piece:
            out += [(n, role) for n in split_run(piece)]
    return out


def _closes_text(body: list[Line], i: int) -> bool:
    """Whether a line that is only a bracketed tag closes a passage of prose: the previous
    line ends a sentence (a table's unit or column note, 预算金额 / (万元), names nobody)."""
    return i > 0 and body[i - 1].text.rstrip().endswith(("。", "！", "？", "”", "」", "…", ".", "!", "?"))


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _assign_headlines(lines: list[Line], articles: list[ArticleSpan], text: str) -> None:
    """An OCR page opens with the headlines of all its articles: give each article
    the headline group whose words it shares most. The first article's span then
    starts at its own headline; a headline group of another article printed above
    it becomes that article's `heads` (a part of it away from its body), so that
    what the headline says is attributed to the article it announces."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for i, ln in enumerate(lines):
        if ln.start >= articles[0].end:
            break
        if ln.blank:
            if current:
                groups.append(current)
                current = []
            continue
        if is_page_meta(lines, i):
            continue
        if not is_title(ln):
            break
        current.append(ln)
    if current:
        groups.append(current)
    if len(groups) < 2:
        return
    head_end = groups[-1][-1].end
    owner: dict[int, int] = {}
    for ai, art in enumerate(articles):
        body = _bigrams(text[max(art.start, head_end):art.end])
        best, best_score = None, 0.0
        for gi, g in enumerate(groups):
            if gi in owner:
                continue
            bg = _bigrams("".join(ln.text for ln in g))
            score = len(bg & body) / (len(bg) or 1)
            if score > best_score:
                best, best_score = gi, score
        if best is not None and best_score >= 0.2:
            owner[best] = ai
            g = [ln.text.strip() for ln in groups[best]]
            art.title = _headline(g[0], g[1] if len(g) > 1 else None)
    first = articles[0]
    own = [gi for gi in range(len(groups)) if owner.get(gi, 0) == 0]
    before = [gi for gi in range(own[0] if own else len(groups)) if owner.get(gi, 0) != 0]
    for gi, g in enumerate(groups):  # another article's headline inside the first one's span
        if owner.get(gi, 0) != 0 and gi not in before:
            articles[owner[gi]].heads.append((g[0].start, g[-1].end))
    if not before:
        return
    # the page opens with another article's headline: the first article starts at its own
    new_start = groups[own[0]][0].start if own else next(
        (ln.start for ln in lines if ln.start >= head_end and not ln.blank), head_end)
    line_owner = {id(ln): owner[gi] for gi in before for ln in groups[gi]}
    ranges: list[tuple[int, int, int]] = []  # (owner, start, end) over the text before new_start
    for ln in lines:
        if ln.start >= new_start:
            break
        if ln.blank:
            continue
        who = line_owner.get(id(ln), 0)
        if ranges and ranges[-1][0] == who:
            ranges[-1] = (who, ranges[-1][1], ln.end)
        else:
            ranges.append((who, ln.start, ln.end))
    first.start = new_start
    for who, a, b in ranges:
        articles[who].heads.append((a, b))


def single_article(text: str, title: Optional[str]) -> list[ArticleSpan]:
    """An HTML page is one article: its body, with the page's title."""
    lines = [ln for ln in split_lines(text) if not ln.blank]
    if not lines:
        return []
    art = _article(lines)
    art.start, art.end = 0, len(text)
    art.title = title or art.title
    return [art]


def first_title(text: str, ocr: bool = False, lines: Optional[list[Line]] = None) -> Optional[str]:
    """The page's headline: an official notice's 关于…通知 line near the top, else the
    first line after mastheads, datelines and account names, if it reads as a title.
    `lines`: split_lines(text) (no headings) when the caller has them (split_articles'
    lines of a text without headings: what they answered there is not asked again)."""
    lines = [ln for ln in (split_lines(text, limit=60) if lines is None else lines[:60]) if not ln.blank]
    notice = patterns()["notice_title"]
    for ln in lines[:6]:
        if notice.match(ln.text.strip()):
            return ln.text.strip()
    for i, ln in enumerate(lines[:8]):
        if is_page_meta(lines, i):
            continue
        if not is_title(ln) or _no_headline(ln.text):
            return None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        second = nxt.text.strip() if nxt and is_title(nxt) and ocr else None
        return _headline(ln.text.strip(), second)
    return None


def _no_headline(line: str) -> bool:
    """A column label on its own (【市场分析】) or a field and its value (招标编号：0733-…,
    【展会时间】2015年…): a short first line that is still no headline."""
    return patterns()["not_headline"].match(line.strip()) is not None


def _headline(first: str, second: Optional[str]) -> str:
    """OCR breaks a headline over two lines at the column's width ("2025年度城乡居民医保" /
    "集中缴费进行中": the first line the longer one). A second line as long as the first or
    longer, or one that would make a long headline, is a subtitle; a dash line
    (——宁夏医保政策问答) always is. Guide v2: a subtitle is not part of the title."""
    if not second or second.startswith(("——", "—", "--")):
        return first
    if _width(first) + _width(second) <= 20 and _width(first) > _width(second) and first[-1] not in "”」』）)":
        return first + second
    return first


def page_byline(articles: list[ArticleSpan], lead: ArticleSpan, page_outlet: Optional[str]) -> list[str]:
    """A page's authors: its lead article's byline, then those of the other articles of a
    page of one named outlet (a newspaper page under its masthead signs each story: all are
    the page's reporters). A page naming no outlet, or whose articles name others than the
    lead's (据文汇报 …, ■新华社记者 …), keeps its lead's byline."""
    out = list(lead.byline)
    if not page_outlet or any(a.outlet not in (None, lead.outlet) for a in articles):
        return out
    for a in articles:
        out += [n for n in a.byline if n not in out]
    return out
