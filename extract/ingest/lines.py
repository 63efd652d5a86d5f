"""Line-level cleaning shared by every format, each step keeping the offset map:
full-width digits/letters to ASCII, spurious spaces around CJK removed, chrome
lines dropped, hard-wrapped lines (OCR pages, page breaks) joined."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..literals import needed, scanner
from ..offsets import Mapped
from . import datelines
from .boilerplate import rules
from .linescan import lines_holding
from .pasted import drop_pasted_headlines
from .meta import closes_article, is_page_meta_line, opening_lead

# one-to-one: full-width ASCII (digits, letters, %, +, -, ., :, /) and odd spaces
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0B: ord("+"), 0xFF0E: ord("."), 0xFF0F: ord("/")})
for _cp in (0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F, 0x2007, 0x0009, 0x000B, 0x000C):
    _FULLWIDTH[_cp] = ord(" ")
for _cp in (0x200B, 0x200C, 0x200D, 0xFEFF, 0x2028, 0x2029):
    _FULLWIDTH[_cp] = ord(" ") if _cp not in (0x2028, 0x2029) else ord("\n")

_CJK_CHAR = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3001-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
# (each opens with a plain character, not a repeat: the engine then skips to it at C speed)
_SPACES = re.compile(r" [ ]*")
_NEWLINES = re.compile(r"\n\n*")
_NEWLINE_RUNS = re.compile(r"\n\n+")  # the runs `\n+` -> "\n" changes
_BLANK_LINES = re.compile(r"\n\n\n+")
_EDGE_SPACES = re.compile(r"[ ]*\n[ ]*")
_TERMINAL = "。！？!?；;…：:"
_LIST_START = re.compile(
    r"^(?:\d{1,2}\s*[.．](?!\d)|\d{1,2}\s*[、)）]|[（(]\s*\d{1,2}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．]|"
    r"[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[步条章节部分]|问\s*[:：]|答\s*[:：]|"
    r"[■□●◆◇▲△★☆※•·]|#|>|[-*+]\s)"
)
_CLOSING_CHARS = "，。、；：！？）》」』”%,.;:!?)"
_CLOSING_START = re.compile(f"^[{re.escape(_CLOSING_CHARS)}]")


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


_CJK_PUNCT_RX = re.compile(f"[{_CJK_PUNCT}]")


def is_cjk_punct(ch: str) -> bool:
    return bool(ch) and bool(_CJK_PUNCT_RX.match(ch))


_FOLDABLE = re.compile("[" + "".join(map(chr, sorted(_FULLWIDTH))) + "]")


_FOLD_CHAR = {chr(k): chr(v) for k, v in _FULLWIDTH.items()}


def _fold_one(mt: re.Match) -> str:
    return _FOLD_CHAR[mt.group()]


def normalize_chars(m: Mapped) -> Mapped:
    # translate looks up every character of the text; where the characters to fold are few
    # (< 1 in 10), replacing just them is cheaper; none, nothing to do
    found = len(_FOLDABLE.findall(m.text))
    if found * 10 >= len(m.text):
        m = m.translate(_FULLWIDTH)
    elif found:
        m = m.with_text(_FOLDABLE.sub(_fold_one, m.text))
    return m.sub("\r", "") if "\r" in m.text else m


def clean_spaces(m: Mapped, aggressive: bool) -> Mapped:
    """Collapse space runs; drop them at line edges, next to CJK punctuation,
    between a digit and a CJK character, and (OCR, `aggressive`) between CJK characters."""

    def repl(mt: re.Match) -> str:
        s, e = mt.span()
        text = mt.string
        left = text[s - 1] if s else "\n"
        right = text[e] if e < len(text) else "\n"
        if left == "\n" or right == "\n":
            return ""
        if is_cjk_punct(left) or is_cjk_punct(right):
            return ""
        if (left.isdigit() and is_cjk(right)) or (is_cjk(left) and right.isdigit()):
            return ""
        if left.isdigit() and right in "%‰":
            return ""
        if aggressive and (is_cjk(left) or is_cjk(right)):
            if left.isascii() and left.isalpha() or right.isascii() and right.isalpha():
                return " "
            return ""
        return " "

    return m.sub(_SPACE_EDITS, repl) if " " in m.text else m


# The space runs `clean_spaces` may change (a superset; the others it keeps as they are): a
# run of two or more, or one space with a neighbour that is not a printable ASCII letter or
# mark (a line edge, the text's edge, a digit, a CJK character or mark, any non-ASCII). A
# single space between two ASCII words is kept without a call. A run is matched whole.
_KEPT_NEXT = "\x00-\x09\x0b-\x1f!-/:-\x7f"  # ASCII, not a newline, a space or a digit
_SPACE_EDITS = re.compile(f" (?: +|(?<![{_KEPT_NEXT}] )|(?![{_KEPT_NEXT}]))")


def drop_chrome_lines(m: Mapped, page: bool = False) -> Mapped:
    """Drop chrome lines, and a trailing list of links with the line that opens it
    (相关阅读, 往期推荐 …: the short lines after it, until body text resumes). On a web
    page (`page`), a run of menu words closing the text (手机版 / 粤商通 / 联系我们) too."""
    chrome, related = rules()["drop_lines_rx"], rules()["related_heads_rx"]
    text = m.text
    lines = text.split("\n")
    heads = lines_holding(text, _words(related))  # the lines that may open a list of links
    floating = lines_holding(text, chrome.floating_words)  # those a floating pattern may match
    tail = teaser_tail(lines, text)
    if page:
        menu = menu_tail(lines)
        tail = menu if tail is None or (menu is not None and menu < tail) else tail
    # the lines a dateline may stand on (one scan, not two searches per line)
    dated = datelines.maybe_lines(text)
    widget_words = _words(rules()["dateline_tail_rx"])  # the words widgets after a dateline need
    opening, closing_chars, closing, floating_rx = chrome.tests()
    keep: list[tuple[int, int]] = []  # character ranges of m kept
    n = len(text)
    stop = len(lines) if tail is None else min(tail, len(lines))
    start, in_list = 0, False
    kept = 0  # the start of the run of kept lines being built (a range is closed when a line goes)
    for k in range(stop):
        line = lines[k]
        end = start + len(line)
        t = line.strip().lstrip("↑↓▲▼☝👆👇•· ")
        if not t:  # a blank line goes only inside a list of links
            if in_list:
                keep.append((kept, start))
                kept = end + 1
            start = end + 1
            continue
        if in_list and _width(t) >= 45 and t[-1] in _TERMINAL:
            in_list = False
        if (heads is None or k in heads) and related.match(t):
            in_list = True
        if not in_list and k in dated and len(t) <= 160:
            # the article's dateline or source line is kept, without the widgets printed after
            # it: read only when that changes something (the line is chrome, or may hold widgets)
            drop = chrome.match(t, floating is None or k in floating)
            if (drop or widget_words is None or widget_words.search(line)) and datelines.parse_line(t):
                widgets = rules()["dateline_tail_rx"].search(line)
                if widgets and widgets.start() > 0:
                    keep.append((kept, start + widgets.start()))
                    kept = end
            elif drop:
                keep.append((kept, start))
                kept = end + 1
        elif in_list or (opening is not None and opening(t)) or (t[-1] in closing_chars and closing(t)) or (
                floating_rx is not None and (floating is None or k in floating) and floating_rx(t)):
            keep.append((kept, start))  # (chrome.match(t, …) inline: a call less for each line)
            kept = end + 1
        start = end + 1
    keep.append((kept, min(start, n)))
    out = m.pick(keep)
    return out if len(out) != len(m) else m


@lru_cache(maxsize=None)
def _words(rx: re.Pattern) -> Optional[re.Pattern]:
    """A scan for the words one of which every match of `rx` holds (None: no such words)."""
    return scanner(needed(rx))


def _width(line: str) -> float:
    """Printed width: a CJK character 1, an ASCII character 0.5."""
    line = line.strip()
    return len(line) - 0.5 * len(line.encode("ascii", "ignore"))


def looks_ocr(text: str) -> bool:
    if text.count("\n") < 19:  # fewer than 20 lines
        return False
    lines = [t for t in map(str.strip, text.split("\n")) if t]
    if len(lines) < 20:
        return False
    open_ends = sum(1 for ln in lines if ln[-1] not in _TERMINAL)
    if open_ends / len(lines) < 0.5:  # most lines close a sentence: no printed column
        return False
    widths = sorted(len(ln) - 0.5 * len(ln.encode("ascii", "ignore")) for ln in lines)  # _width
    half = len(widths) // 2
    med = widths[half] if len(widths) % 2 else (widths[half - 1] + widths[half]) / 2  # the median
    p75 = widths[int(len(widths) * 0.75)]
    column = sum(1 for w in widths if 0.7 * p75 <= w <= 1.15 * p75)  # a printed column's width
    return med <= 30 and column / len(lines) >= 0.6


def _paragraph_style(text: str) -> bool:
    """Do long lines normally end a sentence (so a long open line is a cut)?"""
    # (width <= length: a line shorter than 40 is not measured; _width inlined, one call a line less)
    long_lines = [t for t in (ln.strip() for ln in text.split("\n") if len(ln) >= 40)
                  if len(t) - 0.5 * len(t.encode("ascii", "ignore")) >= 40]
    if len(long_lines) < 3:
        return False
    closed = sum(1 for ln in long_lines if ln[-1] in _TERMINAL + "”\"）)")
    return closed / len(long_lines) >= 0.6


def join_wrapped(m: Mapped, ocr: bool, keep_blank: bool = True, headings: dict | frozenset = frozenset()) -> Mapped:
    text = m.text
    typical = 0
    if ocr:
        widths = sorted(_width(ln) for ln in text.split("\n") if ln.strip())
        typical = widths[int(len(widths) * 0.75)] if widths else 0
    # the paragraph style matters only to a blank run outside OCR: a text without one ("\n\n")
    # is not measured (both run patterns then match the same single newlines)
    paragraphs = not ocr and "\n\n" in text and _paragraph_style(text)
    # OCR pages open with headline lines: nothing is joined before the first sentence
    head_end = 0
    if ocr:
        k = re.search(r"[。？！]|^(?:问|答)\s*[:：]|^(?:本报|据)", text, re.M)
        head_end = text.rfind("\n", 0, k.start()) if k else 0

    def repl(mt: re.Match) -> str:
        s, e = mt.span()
        blank = e - s > 1
        if not ocr and not (blank and paragraphs) and (e >= len(text) or text[e] not in _CLOSING_CHARS):
            # outside OCR and blank-separated paragraphs only a closing mark opening the next line joins
            return "\n\n" if (blank and keep_blank) else "\n"
        prev_start = text.rfind("\n", 0, s) + 1
        prev = text[prev_start:s]
        nxt_end = text.find("\n", e)
        nxt = text[e:nxt_end if nxt_end >= 0 else len(text)]
        keep = "\n\n" if (blank and keep_blank) else "\n"
        if not prev.strip() or not nxt.strip() or headings and (m.at(prev_start) in headings or m.at(e) in headings):
            return keep
        if _CLOSING_START.match(nxt):
            return ""
        last = _last_meaningful(prev)
        if last in _TERMINAL or _LIST_START.match(nxt) or closes_article(prev) or opening_lead(nxt):
            return keep
        if ocr:
            tail = prev.rstrip()[-2:]
            if (tail[-1].isdigit() and (nxt[0].isdigit() or nxt[0] in "年月日元万亿%")) or (
                    nxt[0].isdigit() and (tail[-1] in "年月" or re.fullmatch(r"\d\.", tail))):
                return ""  # a number or a date broken over two lines (2.|36亿元, 2022年|6月)
            if s > head_end and _width(prev) >= 0.7 * typical and not nxt.rstrip().endswith(("：", ":")):
                return ""
            return keep
        sentence_like = _width(prev) >= 40 or (_width(prev) >= 20 and re.search(r"[。；]", prev))
        if blank and paragraphs and sentence_like and (is_cjk(nxt[0]) or nxt[0].isdigit()) and not is_page_meta_line(nxt):
            return ""
        return keep

    if ocr:
        runs = _NEWLINES
    elif paragraphs or not keep_blank:
        runs = _JOIN_RUNS_1  # a blank line may be joined or dropped
    else:
        runs = _JOIN_RUNS_2
    return m.sub(runs, repl)


# Outside OCR the runs of newlines that `join_wrapped` may change (any other run is kept as
# it is): a run before a closing mark, and a blank run (paragraph style, or blank lines
# dropped) or one of more than two newlines. A run is matched from its first newline.
_JOIN_RUNS_1 = re.compile(f"\\n(?:\\n+|(?=[{re.escape(_CLOSING_CHARS)}]))")  # \n{2,}|\n(?=[…])
_JOIN_RUNS_2 = re.compile(f"\\n(?:\\n\\n+|\\n*(?=[{re.escape(_CLOSING_CHARS)}]))")  # \n{3,}|\n+(?=[…])


def _last_meaningful(line: str) -> str:
    """The last character, looking through closing quotes and brackets (。” counts as 。)."""
    t = line.rstrip()
    stripped = t.rstrip("”’」』）)》\"'")
    return stripped[-1] if stripped and len(stripped) < len(t) and stripped[-1] in _TERMINAL else t[-1]


def teaser_tail(lines: list[str], text: Optional[str] = None) -> "int | None":
    """Index of the first line of a trailing list of teasers (title, summary,
    "0评论2025-06-1639") — the site's other articles, not this one."""
    rx = rules()["teaser_meta_rx"]
    words = lines_holding("\n".join(lines) if text is None else text, _words(rx))  # lines holding the words a teaser's line needs
    hits = [i for i in (range(len(lines)) if words is None else sorted(words)) if rx.match(lines[i].strip())]
    if len(hits) < 2:
        return None
    start = hits[0]
    for k in range(hits[0] - 1, max(hits[0] - 4, -1), -1):
        t = lines[k].strip()
        if not t:
            continue
        start = k
        if _width(t) <= 40 and t[-1] not in _TERMINAL:
            break  # the teaser's title
    return start


def menu_tail(lines: list[str]) -> "int | None":
    """Index of the first line of a run of at least four short words closing a page
    (a footer menu: 手机版 / 粤商通 / 穗好办 / 天河政府网), or None. Cells closing a
    table name bodies (…局, …处) or carry punctuation: they stay."""
    run_start, count = None, 0
    for i in range(len(lines) - 1, -1, -1):
        t = lines[i].strip()
        if not t:
            continue
        if _MENU_WORD.fullmatch(t) and not _ORG_END.search(t):
            run_start, count = i, count + 1
            continue
        break
    return run_start if count >= 4 else None


_MENU_WORD = re.compile(r"_?[\u4e00-\u9fffA-Za-z]{2,12}_?")  # no digits, no punctuation
_ORG_END = re.compile(r"(?:局|委|处|厅|院|中心|办公室|会|部|所|站|室|科|组)_?$")  # a table's last cells name bodies


def finish(m: Mapped) -> Mapped:
    """Trim, and at most one blank line between paragraphs."""
    if "\n\n\n" in m.text:
        m = m.sub(_BLANK_LINES, "\n\n")
    text = m.text
    lead, end = len(text) - len(text.lstrip("\n")), len(text.rstrip("\n"))
    return m[lead:max(end, lead)] if lead or end < len(text) else m


def clean(m: Mapped, fmt: str, headings: dict | frozenset = frozenset(),
          normalized: bool = False) -> tuple[Mapped, bool]:
    """The whole line stage; returns (cleaned, whether it was treated as OCR). `normalized`:
    `m` is normalize_chars' output already (a second pass would change nothing)."""
    if not normalized:
        m = normalize_chars(m)
    ocr = fmt == "text" and looks_ocr(m.text)
    if ocr:  # join first: the page width includes the spurious spaces
        if " \n" in m.text or "\n " in m.text:
            m = m.sub(_EDGE_SPACES, "\n")
        m = join_wrapped(m, ocr=True)
    # spaces at line edges go here too (a run touching a newline is dropped), and none is
    # left at a line's edge after it
    m = clean_spaces(m, aggressive=ocr)
    m = drop_chrome_lines(m, page=fmt in ("html", "markdown"))
    if not ocr:
        m = drop_pasted_headlines(m)
    if fmt == "html":
        m = m.sub(_NEWLINE_RUNS, "\n")
    elif not ocr:
        m = join_wrapped(m, ocr=False, headings=headings)
    return finish(m), ocr
