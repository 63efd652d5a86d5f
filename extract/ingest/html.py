"""HTML (full pages and fragments) -> article body lines with raw offsets.

Drops scripts, styles, comments and chrome (data: boilerplate.yaml), picks the
main content node by text density, and emits headings, paragraphs, captions, list
items and table cells as lines."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import Doctype, ProcessingInstruction, Declaration, CData

from ..offsets import Mapped
from . import datelines, tree
from .boilerplate import rules
from .html_stream import Locator, text_stream
from .meta_html import split_title

BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "br", "figcaption",
    "caption", "blockquote", "dd", "dt", "pre", "section", "article", "header", "ul", "ol",
    "table", "figure", "center", "main", "hr", "address", "dl", "tbody", "thead", "body", "html",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SKIP_STRINGS = (Comment, Doctype, ProcessingInstruction, Declaration, CData)


@dataclass
class HtmlResult:
    body: Mapped
    soup: BeautifulSoup
    title_line: Optional[str] = None
    page_text: str = ""  # the page's text by lines, chrome included (datelines, issuers, repost notices)
    after_title: int = 0  # where the headline ends in page_text (0: no headline found)
    dateline: Optional[datelines.Dateline] = None  # the one printed under the headline


def parse_html(raw: str, offset: int = 0) -> BeautifulSoup:
    return BeautifulSoup(raw, "lxml")


def extract_html(raw: str, offset: int, raw_len: int, soup: Optional[BeautifulSoup] = None) -> HtmlResult:
    soup = soup or parse_html(raw)
    stream, spos = text_stream(raw, offset)
    ptitle = split_title(page_title(soup))[0]
    _drop_tags(soup)
    page_text = _block_text(soup.body or soup)
    title_el = _title_element(soup, ptitle)
    title_pieces: list[Mapped] = []
    dateline_pieces: list[Mapped] = []
    after_title = 0
    dateline_el = None
    dateline = None
    if title_el is not None:
        loc = Locator(stream, spos)
        loc.cursor = _body_start(raw, offset, spos)  # not the <title> in <head>
        for el in [title_el] + _subtitles(title_el):
            if title_pieces:
                title_pieces.append(_newline(title_pieces))
            title_pieces.extend(_emit(el, loc))
        heading = _block_text(title_el).strip()
        k = page_text.find(heading) if heading else -1
        after_title = k + len(heading) if k >= 0 else 0
        dateline_el = _dateline_element(title_el)
        if dateline_el is not None:
            dateline_pieces = _dateline_lines(Mapped.join(_emit(dateline_el, loc), raw_len))
            dateline = datelines.find(_block_text(dateline_el).split("\n"))
    _drop_chrome(soup, keep=dateline_el)
    root = _main_node(soup) or soup.body or soup
    pieces: list[Mapped] = []
    title_line = None
    if title_pieces:
        title_line = "".join(p.text for p in title_pieces).strip().split("\n")[0].strip() or None
    title_added = bool(title_line) and not _inside(title_el, root)
    if title_added:
        pieces.extend(title_pieces)
        pieces.append(_newline(pieces))
    if dateline_pieces and title_added and not _inside(dateline_el, root):
        pieces.extend(dateline_pieces)  # the article's own dateline sits between headline and body
        pieces.append(_newline(pieces))
    pieces.extend(_emit(root, Locator(stream, spos)))
    body = Mapped.join(pieces, raw_len)
    return HtmlResult(body=body, soup=soup, title_line=title_line, page_text=page_text, after_title=after_title,
                      dateline=dateline)


def _body_start(raw: str, offset: int, spos: list[int]) -> int:
    """The index in the page's character stream where <body> begins (0 without one)."""
    k = raw.find("<body")
    if k < 0:
        k = raw.find("<BODY")
    return bisect.bisect_left(spos, offset + k) if k >= 0 else 0


def _dateline_element(title_el: Tag) -> Optional[Tag]:
    """The element holding the article's dateline (发布时间：… 来源：…, a timestamp over
    a source line): the first dateline among the short texts right after the headline,
    widened to its block's neighbours while they stay short (the date and the source
    printed in two <p>s of one <div>)."""
    seen = 0
    for node in title_el.next_elements:
        if not isinstance(node, NavigableString) or isinstance(node, _SKIP_STRINGS):
            continue
        if any(p is title_el for p in node.parents):
            continue
        text = str(node).strip()
        if not text:
            continue
        seen += len(text)
        if seen > 800:
            return None
        block = _block_of(node)
        line = re.sub(r"\s+", " ", block.get_text(" ")).strip() if block is not None else text
        if len(line) > 160:
            if len(_CJK.findall(line)) >= 60:
                return None  # the body has started
            line = text
        d = datelines.parse_line(line)
        if d is None or not d.published:
            continue
        el = block if block is not None and len(line) <= 160 else node.parent
        while el.parent is not None and el.parent.name not in ("body", "html", "[document]"):
            parent = el.parent
            ptext = re.sub(r"\s+", " ", parent.get_text(" ")).strip()
            if len(ptext) > 200 or any(p is parent for p in title_el.parents):
                break
            el = parent
        return el
    return None


def _dateline_lines(m: Mapped) -> list[Mapped]:
    """The dateline element's lines, up to the widgets printed after them (分享到：,
    字号：…): a date, a source line, the source's name on a line of its own."""
    out: list[Mapped] = []
    start = 0
    widget = rules()["dateline_tail_rx"]
    for line in m.text.split("\n"):
        end = start + len(line)
        t = line.strip()
        if t and widget.match(t) and not datelines.parse_line(t):
            break
        if t:
            if out:
                out.append(Mapped("\n", [m.pos[start]]))
            out.append(m[start:end])
        start = end + 1
    return out


def _block_of(node) -> Optional[Tag]:
    for p in node.parents:
        if p.name in BLOCK:
            return None if p.name in ("body", "html") else p
    return None
def _newline(pieces: list[Mapped]) -> Mapped:
    p = pieces[-1].pos[-1] + 1 if pieces and pieces[-1].pos else 0
    return Mapped("\n", [p])


def _emit(node: Tag, locator: Locator) -> Iterator[Mapped]:
    """Text of `node` in document order; block boundaries become newlines."""
    last = 0
    for kind, item in _walk(node):
        if kind == "text":
            s = str(item)
            if not s:
                continue
            positions = locator.locate(s)
            if positions:
                last = positions[-1] + 1
            # a line break in the markup is a space on the page (a <pre> keeps its lines)
            keep = any(p.name in ("pre", "textarea") for p in item.parents) if "\n" in s else True
            yield Mapped(s.replace("\r", " ") if keep else s.replace("\r", " ").replace("\n", " "), positions)
        else:
            yield Mapped("\n", [last])


def _block_text(node) -> str:
    """The text of `node` with a newline at every block boundary (no offsets)."""
    return "".join("\n" if kind == "break" else str(item) for kind, item in _walk(node))


def _walk(node) -> Iterator[tuple[str, object]]:
    """("text", string) and ("break", None) events in document order; iterative, so
    that deeply nested markup cannot exhaust the stack."""
    stack: list = [node]
    while stack:
        item = stack.pop()
        if item is _BREAK:
            yield "break", None
            continue
        if isinstance(item, NavigableString):
            if not isinstance(item, _SKIP_STRINGS):
                yield "text", item
            continue
        if not isinstance(item, Tag):
            continue
        name = item.name
        if name == "br":
            yield "break", None
            continue
        block = name in BLOCK
        if block:
            yield "break", None
        if name == "img":
            continue
        if block:
            stack.append(_BREAK)
        stack.extend(reversed(item.contents))


_BREAK = object()


def _classes(el: Tag) -> str:
    if el.attrs is None:
        return ""
    cls = el.get("class") or []
    if isinstance(cls, str):
        cls = [cls]
    return (" ".join(cls) + " " + str(el.get("id") or "")).lower()


def _is_chrome(el: Tag) -> bool:
    r = rules()
    names = _classes(el)
    if not names.strip():
        return False
    if any(s in names for s in r["drop_substrings"]):
        return True
    tokens = set(re.split(r"[\s_\-]+", names))
    return bool(tokens & r["drop_tokens"])


def _text_len(el) -> int:
    return len(_CJK.findall(el.get_text())) if isinstance(el, Tag) else 0


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _drop_tags(soup: BeautifulSoup) -> None:
    for c in tree.comments(soup):
        c.extract()
    for el in tree.tags(soup, rules()["drop_tags"]):
        el.decompose()
    # hidden copies: a text-to-speech copy of the article, a sticky duplicate header,
    # collapsed menus (unless the hidden element holds most of the page: shown by script)
    total = _text_len(soup) or 1
    for el in tree.tags(soup):
        if el.parent is None or el.attrs is None:
            continue
        if (_HIDDEN.search(str(el.get("style") or "")) or el.has_attr("hidden")) and _text_len(el) < 0.7 * total:
            el.decompose()


def _drop_chrome(soup: BeautifulSoup, keep: Optional[Tag] = None) -> None:
    r = rules()
    total = _text_len(soup) or 1
    for el in tree.tags(soup):
        if el.parent is None or el.attrs is None:
            continue  # already removed with an ancestor
        if el.name in ("html", "body"):
            continue
        if el is keep:
            continue  # the dateline is the article's, whatever its class says
        if _is_chrome(el) and _text_len(el) < 0.5 * total:
            el.decompose()


def _link_density(el: Tag) -> float:
    total = len(el.get_text()) or 1
    links = sum(len(a.get_text()) for a in tree.tags(el, ("a",)))
    return links / total


def _main_node(soup: BeautifulSoup) -> Optional[Tag]:
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for el in tree.tags(soup, ("p", "h1", "h2", "h3", "h4", "li", "td", "pre", "blockquote", "div", "span", "section", "font")):
        own = "".join(s for s in tree.own_strings(el) if not isinstance(s, _SKIP_STRINGS))
        n = len(_CJK.findall(own))
        if el.name in ("p", "pre", "blockquote", "td", "li"):
            n = len(_CJK.findall(el.get_text()))
        if n < 8:
            continue
        bonus = n + (n // 40) * 3 + own.count("，") + own.count("。") + own.count(",")
        for depth, anc in enumerate((el.parent, el.parent.parent if el.parent else None)):
            if anc is None or anc.name in ("[document]",):
                continue
            scores[id(anc)] = scores.get(id(anc), 0) + bonus / (1 + depth)
            nodes[id(anc)] = anc
        if el.name in ("div", "section", "span", "font") and n >= 20:
            scores[id(el)] = scores.get(id(el), 0) + bonus
            nodes[id(el)] = el
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k] * (1 - min(_link_density(nodes[k]), 0.9)))
    node = nodes[best]
    # climb while the parent adds substantial body text (content split over sibling divs)
    while node.parent is not None and node.parent.name not in ("body", "html", "[document]"):
        parent = node.parent
        mine, theirs = _text_len(node), _text_len(parent)
        if theirs > mine * 1.25 and _link_density(parent) < 0.25 and mine > 0 and theirs - mine > 60:
            node = parent
        else:
            break
    return node


def _inside(el: Tag, root: Tag) -> bool:
    if el is root:
        return True
    if getattr(el, "_decomposed", False) or not hasattr(el, "parent"):
        return False
    return any(p is root for p in el.parents)


def page_title(soup: BeautifulSoup) -> str:
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        return og["content"].strip()
    if soup.title and soup.title.string:
        return soup.title.string.strip()
    return ""


def _title_element(soup: BeautifulSoup, page_title: str) -> Optional[Tag]:
    """The on-page headline: the heading (or .title element) that best matches the
    page's <title>/og:title; failing that, a heading a dateline follows, else the
    first h1, h2 or h3."""
    if page_title:
        el = _title_matching(soup, page_title)
        if el is not None:
            return el
    # no <title>, or none that a heading repeats: a heading or a .title element that a
    # dateline follows, else the first h1-h3
    candidates = []
    for el in tree.tags(soup, ("h1", "h2", "h3", "div", "p", "span", "td")):
        if (el.name[0] == "h" or "title" in _classes(el)) and 4 <= len(el.get_text(strip=True)) <= 120 \
                and not tree.first(el, ("div", "p", "table", "ul")):
            candidates.append(el)
            if len(candidates) == 20:
                break
    for el in candidates:
        if _dateline_element(el) is not None:
            return el
    return next((el for el in candidates if el.name in ("h1", "h2", "h3")), None)


def _title_matching(soup: BeautifulSoup, page_title: str) -> Optional[Tag]:
    """The heading (or .title element) that best repeats the page's <title>/og:title."""
    best, best_score = None, 0.0
    for el in tree.tags(soup, ("h1", "h2", "h3", "div", "p", "span", "td", "strong")):
        if el.name in ("div", "p", "span", "td", "strong") and "title" not in _classes(el):
            continue
        text = re.sub(r"\s+", "", el.get_text())
        if not 4 <= len(text) <= 200:
            continue
        shared = _common_prefix(text, page_title)
        score = shared - 0.5 * (len(text) - shared) + (2 if el.name == "h1" else 0)
        if score > best_score:
            best, best_score = el, score
    return best if best_score >= 4 else None


def _subtitles(title_el: Tag) -> list[Tag]:
    """Headings right after the headline (a subtitle, a kicker) belong with it."""
    out = []
    for sib in title_el.find_next_siblings(limit=2):
        text = sib.get_text(strip=True)
        if not 4 <= len(text) <= 80 or datelines.parse_line(sib.get_text(" ")):
            break
        if sib.name in ("h2", "h3", "h4", "h5") or "sub" in _classes(sib):
            out.append(sib)
        else:
            break
    return out


def _common_prefix(a: str, b: str) -> int:
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    if a and a in b:
        return len(a)
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
