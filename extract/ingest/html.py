"""HTML (full pages and fragments) -> article body lines with raw offsets.

Drops scripts, styles, comments and chrome (data: boilerplate.yaml), picks the
main content node by text density, and emits headings, paragraphs, captions, list
items and table cells as lines."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from ..offsets import Builder, Mapped
from . import datelines, tree
from .boilerplate import rules
from .html_stream import Locator, Stream, text_stream
from .linklists import drop_link_tail
from .servicebox import drop_service_box
from .meta import notice_headline
from .meta_html import split_title
from .tree import Element, Page, TextIndex

BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "br", "figcaption",
    "caption", "blockquote", "dd", "dt", "pre", "section", "article", "header", "ul", "ol",
    "table", "figure", "center", "main", "hr", "address", "dl", "tbody", "thead", "body", "html",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SKIP = tree.SKIP


@dataclass
class HtmlResult:
    body: Mapped
    page: Page
    title_line: Optional[str] = None
    page_text: str = ""  # the page's text by lines, chrome included (datelines, issuers, repost notices)
    after_title: int = 0  # where the headline ends in page_text (0: no headline found)
    dateline: Optional[datelines.Dateline] = None  # the one printed under the headline


def parse_html(raw: str, offset: int = 0) -> Page:
    return tree.parse(raw)


def extract_html(raw: str, offset: int, raw_len: int, page: Optional[Page] = None) -> HtmlResult:
    page = page or parse_html(raw)
    stream = text_stream(raw, offset)
    ptitle = split_title(page_title(page))[0]
    ix, drops = _drop_tags(page)
    page_text = _block_text(page, page.first("body") or page.root)
    ix = ix if page.drops == drops else TextIndex(page)  # after the hidden copies went, before the chrome goes
    title_el = _title_element(page, ix, ptitle)
    title_pieces: list[Mapped] = []
    dateline_pieces: list[Mapped] = []
    after_title = 0
    dateline_el = None
    dateline = None
    if title_el is not None:
        loc = Locator(stream)
        loc.cursor = _body_start(raw, offset, stream)  # not the <title> in <head>
        for el in [title_el] + _subtitles(page, ix, title_el):
            if title_pieces:
                title_pieces.append(_newline(title_pieces))
            emitted = _emit(page, el, loc, raw_len)
            if emitted.text:
                title_pieces.append(emitted)
        heading = _block_text(page, title_el).strip()
        k = page_text.find(heading) if heading else -1
        after_title = k + len(heading) if k >= 0 else 0
        dateline_el = _dateline_element(page, ix, title_el)
        if dateline_el is not None:
            dateline_pieces = _dateline_lines(_emit(page, dateline_el, loc, raw_len))
            dateline = datelines.find(_block_text(page, dateline_el).split("\n"))
    drops = page.drops
    _drop_chrome(page, ix, keep=dateline_el)
    ix = ix if page.drops == drops else TextIndex(page)
    fragment = "<body" not in raw and "<BODY" not in raw  # a CMS fragment: the parser made the <body>
    root = _main_node(page, ix, fragment, title_el) or page.first("body") or page.root
    if drop_link_tail(page, ix, root):  # a promotion or related list closing the content
        ix = TextIndex(page)
    if drop_service_box(page, ix, root):  # a company's service box closing the content
        ix = TextIndex(page)
    pieces: list[Mapped] = []
    title_line = None
    if title_pieces:
        title_line = "".join(p.text for p in title_pieces).strip().split("\n")[0].strip() or None
    title_added = title_el is not None and bool(title_line) and not _inside(page, title_el, root)
    if title_added:
        pieces.extend(title_pieces)
        pieces.append(_newline(pieces))
    if dateline_pieces and title_added and not _inside(page, dateline_el, root):
        pieces.extend(dateline_pieces)  # the article's own dateline sits between headline and body
        pieces.append(_newline(pieces))
    pieces.append(_emit(page, root, Locator(stream), raw_len))
    body = Mapped.join(pieces, raw_len)
    if title_line is None and fragment:
        title_line = _labelled_title(body.text)
    return HtmlResult(body=body, page=page, title_line=title_line, page_text=page_text, after_title=after_title,
                      dateline=dateline)


def _labelled_title(text: str) -> Optional[str]:
    """A fragment's title printed as its first line's labelled field (项目名称：…): the name."""
    first = next((ln.strip() for ln in text.split("\n", 8)[:8] if ln.strip()), "")
    m = rules()["fragment_title_label_rx"].match(first)
    return m.group(1).strip() if m else None


def _body_start(raw: str, offset: int, stream: Stream) -> int:
    """The index in the page's character stream where <body> begins (0 without one)."""
    k = raw.find("<body")
    if k < 0:
        k = raw.find("<BODY")
    return stream.index_at(offset + k) if k >= 0 else 0


def _dateline_element(page: Page, ix: TextIndex, title_el: Element) -> Optional[Element]:
    """The element holding the article's dateline (发布时间：… 来源：…, a timestamp over
    a source line): the first dateline among the short texts right after the headline,
    widened to its block's neighbours while they stay short (the date and the source
    printed in two <p>s of one <div>)."""
    seen = 0
    nodes = page.nodes
    i, n = title_el.end, len(nodes)  # what follows the headline, not what is inside it
    while i < n:
        node = nodes[i]
        i += 1
        if node.is_element:
            if node.dropped:
                i = node.end
            continue
        if node.kind in _SKIP:
            continue
        text = node.text.strip()
        if not text:
            continue
        seen += len(text)
        if seen > 800:
            return None
        block = _block_of(node)
        line = re.sub(r"\s+", " ", ix.text(block, " ")).strip() if block is not None else text
        if len(line) > 160:
            if len(_CJK.findall(line)) >= 60:
                return None  # the body has started
            line = text
        d = datelines.parse_line(line)
        if d is None or not d.published:
            continue
        el = block if block is not None and len(line) <= 160 else node.parent
        while el.parent is not None and el.parent.name not in ("body", "html", tree.ROOT):
            parent = el.parent
            ptext = re.sub(r"\s+", " ", ix.text(parent, " ")).strip()
            if len(ptext) > 200 or page.contains(parent, title_el):
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
                out.append(Mapped.flat("\n", m.at(start)))
            out.append(m[start:end])
        start = end + 1
    return out


def _block_of(node) -> Optional[Element]:
    p = node.parent
    while p is not None:
        if p.name in BLOCK:
            return None if p.name in ("body", "html") else p
        p = p.parent
    return None


def _newline(pieces: list[Mapped]) -> Mapped:
    last = pieces[-1] if pieces else None
    p = last.at(len(last.text) - 1) + 1 if last is not None and last.text else 0
    return Mapped.flat("\n", p)


def _emit(page: Page, node: Element, locator: Locator, raw_len: int) -> Mapped:
    """Text of `node` in document order; block boundaries become newlines (each at the
    offset after the text before it). Strings that follow each other in the character
    stream (split only by inline tags) are copied from it as one range, newlines in a
    row as one."""
    stream = locator.stream
    smap, stext = stream.map, stream.text
    cursor = locator.cursor  # Locator.find, inlined: where the next string is looked for
    out = Builder()
    last = 0
    newlines = 0
    run_a = run_b = -1  # the stream range of the pending run of strings
    run: list[str] = []  # their text as output

    def close_run() -> None:
        nonlocal last
        t = run[0] if len(run) == 1 else "".join(run)
        # the output text may differ from the stream's (line breaks made spaces): same length, same offsets
        out.copy(smap, run_a, run_b, t)
        last = stream.pos_at(run_b - 1) + 1
        run.clear()

    for item in _walk(page, node):
        if item is None:
            if run:
                close_run()
            newlines += 1
            continue
        s = item.text
        if not s:
            continue
        if newlines:
            out.flat("\n" * newlines, last)
            newlines = 0
        # a line break in the markup is a space on the page (a <pre> keeps its lines)
        t = s.replace("\r", " ") if "\r" in s else s
        if "\n" in t and not item.pre:
            t = t.replace("\n", " ")
        k = stext.find(s, cursor)
        if k < 0:
            k = stext.find(s)  # lxml may have moved a node (e.g. out of a <table>)
        if k >= 0:
            if k + len(s) > cursor:
                cursor = k + len(s)
            if run and k == run_b:
                run.append(t)
                run_b = k + len(s)
                continue
            if run:
                close_run()
            run_a, run_b = k, k + len(s)
            run.append(t)
            continue
        if run:
            close_run()
        locator.cursor = cursor
        m = locator.fallback(s)
        cursor = locator.cursor
        out.copy(m, 0, len(s), t)
        last = m.at(len(s) - 1) + 1
    if run:
        close_run()
    if newlines:
        out.flat("\n" * newlines, last)
    locator.cursor = cursor
    return out.build(raw_len)


def _block_text(page: Page, node: Element) -> str:
    """The text of `node` with a newline at every block boundary (no offsets)."""
    return "".join("\n" if item is None else item.text for item in _walk(page, node))


def _walk(page: Page, node: Element) -> Iterator[Optional[tree.String]]:
    """The strings of `node` in document order, None at each block boundary; a loop
    over the node list, so that deeply nested markup cannot exhaust the stack."""
    nodes = page.nodes
    i, stop = node.idx, node.end
    ends: list[int] = []  # where the open block elements end
    while i < stop:
        while ends and ends[-1] <= i:
            ends.pop()
            yield None
        item = nodes[i]
        if not item.is_element:
            if item.kind not in _SKIP:
                yield item
            i += 1
            continue
        if item.dropped:
            i = item.end
            continue
        name = item.name
        if name == "br":
            yield None
            i = item.end
            continue
        block = name in BLOCK
        if block:
            yield None
        if name == "img":
            i = item.end
            continue
        if block:
            ends.append(item.end)
        i += 1
    while ends:
        ends.pop()
        yield None


def _classes(el: Element) -> str:
    return (" ".join(el.tokens("class")) + " " + (el.attrs.get("id") or "")).lower()


def _is_chrome(el: Element, ix: Optional[TextIndex] = None) -> bool:
    kind = _chrome_names(_classes(el))
    if kind == "links":  # named a list: chrome when mostly links (an editor's <ul class="list-…"> is text)
        return ix is not None and _link_density(ix, el) >= rules()["link_tokens_density"]
    return bool(kind)


@lru_cache(maxsize=4096)
def _chrome_names(names: str) -> str:
    """Whether an element's classes and id (as _classes gives them) mark it as chrome:
    "chrome", "links" (a list's name: chrome only when its text is mostly links) or ""."""
    r = rules()
    if not names.strip():
        return ""
    if any(s in names for s in r["drop_substrings"]):
        return "chrome"
    tokens = set(re.split(r"[\s_\-]+", names))
    if tokens & r["drop_tokens"]:
        return "chrome"
    return "links" if tokens & r["link_tokens"] else ""


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _drop_tags(page: Page) -> tuple[TextIndex, int]:
    """Takes out what is never text and the hidden copies; returns the text index it
    read (and the removals it was made after), still valid if nothing hidden went."""
    # comments are never text here (every walk skips them): nothing to take out
    for el in page.elements(rules()["drop_tags"]):
        page.drop(el)
    # hidden copies: a text-to-speech copy of the article, a sticky duplicate header,
    # collapsed menus (unless the hidden element holds most of the page: shown by script)
    ix = TextIndex(page)
    drops = page.drops
    total = ix.cjk(page.root) or 1
    for el in page.iter_elements():
        attrs = el.attrs
        if ("style" in attrs or "hidden" in attrs) and (_HIDDEN.search(attrs.get("style") or "") or "hidden" in attrs) \
                and ix.cjk(el) < 0.7 * total:
            page.drop(el)
    return ix, drops


def _drop_chrome(page: Page, ix: TextIndex, keep: Optional[Element] = None) -> None:
    total = ix.cjk(page.root) or 1
    for el in page.iter_elements():
        if el.name in ("html", "body"):
            continue
        if el is keep:
            continue  # the dateline is the article's, whatever its class says
        if ("class" in el.attrs or "id" in el.attrs) and _is_chrome(el, ix) and ix.cjk(el) < 0.5 * total:
            page.drop(el)


def _link_density(ix: TextIndex, el: Element) -> float:
    return ix.link_len(el) / (ix.text_len(el) or 1)


_MAIN_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "td", "pre", "blockquote", "div", "span", "section", "font")


def _main_node(page: Page, ix: TextIndex, fragment: bool = False,
               heading: Optional[Element] = None) -> Optional[Element]:
    scores: dict[int, float] = {}
    nodes: dict[int, Element] = {}
    for el in page.elements(_MAIN_TAGS):
        own = [s for s in el.children if not s.is_element and s.kind not in _SKIP]
        if el.name in ("p", "pre", "blockquote", "td", "li"):
            n = ix.cjk(el)
        else:
            n = sum(s.cjk for s in own)
        if n < 8:
            continue
        own = "".join([s.text for s in own])
        bonus = n + (n // 40) * 3 + own.count("，") + own.count("。") + own.count(",")
        for depth, anc in enumerate((el.parent, el.parent.parent if el.parent else None)):
            if anc is None or anc.name == tree.ROOT:
                continue
            scores[anc.idx] = scores.get(anc.idx, 0) + bonus / (1 + depth)
            nodes[anc.idx] = anc
        if el.name in ("div", "section", "span", "font") and n >= 20:
            scores[el.idx] = scores.get(el.idx, 0) + bonus
            nodes[el.idx] = el
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k] * (1 - min(_link_density(ix, nodes[k]), 0.9)))
    node = nodes[best]
    # climb while the parent adds substantial body text (content split over sibling divs)
    while node.parent is not None and node.parent.name not in ("body", "html", tree.ROOT):
        parent = node.parent
        mine, theirs = ix.cjk(node), ix.cjk(parent)
        if theirs == mine:      # a wrapper adding no text (<font> around a <span>): look past it
            node = parent
            continue
        if theirs > mine * 1.25 and _link_density(ix, parent) < 0.25 and mine > 0 and theirs - mine > 60:
            node = parent
        else:
            break
    if fragment:
        node = _fragment_root(page, ix, node, heading)
    return node


def _fragment_root(page: Page, ix: TextIndex, node: Element, heading: Optional[Element]) -> Element:
    """A CMS fragment (no <body>) holds one article's text: its top-level blocks are all
    content when they hold few links. One more block of prose after the first (a 总经理致辞
    table after the company profile) is the article's; so is whatever the fragment prints
    beside its main block and its headline with no link in it, however short or long, when it
    has words of its own (a bare first line typed before the first <div>, 项目名称：…; a
    notice's 文号 row between its headline and its text; a tender notice's opening lines and
    table before its prose block). A breadcrumb or a link list beside the block keeps it out,
    and so does a bare timestamp over the headline (2018.11.02: no ideograph of its own)."""
    body = node
    while body.parent is not None and body.name != "body":
        body = body.parent
    if body.name != "body" or body is node:
        return node
    mine, theirs = ix.cjk(node), ix.cjk(body)
    if mine <= 0 or theirs <= mine:
        return node
    own = theirs - mine
    if heading is not None and heading is not node and page.is_live(heading) and page.contains(body, heading) \
            and not page.contains(node, heading):
        own -= ix.cjk(heading)  # the headline is printed over the body whatever the root
    if own > 0 and ix.link_len(body) == ix.link_len(node):  # the rest holds no link
        return body
    if theirs - mine > 60 and theirs > mine * 1.25 and _link_density(ix, body) < 0.25:
        return body
    return node


def _inside(page: Page, el: Element, root: Element) -> bool:
    if el is root:
        return True
    return page.is_live(el) and page.contains(root, el)


def page_title(page: Page) -> str:
    og = page.first("meta", lambda m: m.attrs.get("property") == "og:title")
    if og is not None and og.attrs.get("content"):
        return og.attrs["content"].strip()
    title = page.first("title")
    if title is not None:
        s = page.string(title)
        if s:
            return s.strip()
    return ""


def _title_element(page: Page, ix: TextIndex, page_title: str) -> Optional[Element]:
    """The on-page headline: the heading (or .title element) that best matches the
    page's <title>/og:title; failing that, a heading a dateline follows, else the
    first h1, h2 or h3."""
    if page_title:
        el = _title_matching(page, ix, page_title)
        if el is not None:
            return el
    # no <title>, or none that a heading repeats: a heading or a .title element that a
    # dateline follows, else the first h1-h3
    candidates = []
    for el in page.elements(("h1", "h2", "h3", "div", "p", "span", "td")):
        if (el.name[0] == "h" or "title" in _classes(el)) and 4 <= len(ix.text(el, strip=True)) <= 120 \
                and not page.elements(("div", "p", "table", "ul"), el):
            candidates.append(el)
            if len(candidates) == 20:
                break
    for el in candidates:
        if _dateline_element(page, ix, el) is not None:
            return el
    first = next((el for el in candidates if el.name in ("h1", "h2", "h3")), None)
    if first is None:  # a fragment heading its notice with a plain line (<p align=center><b>…关于…的通知)
        first = _notice_headline(page, ix)
    if first is None and not page_title:  # a page of no <title> opening with a title-named block
        first = next((el for el in candidates if _opens(ix, el)), None)  # (<div id="right-title">)
    return None if first is None or _in_tail(ix, first) else first


def _notice_headline(page: Page, ix: TextIndex) -> Optional[Element]:
    """The innermost element printing an official notice's headline and nothing else
    (食品药品监管总局关于印发…的通知), among the first few short blocks of the page. Each
    element is turned down by its text's length (a lookup) before its text is read, and
    only the first 400 elements are asked (nested wrappers stay linear)."""
    seen = 0
    for k, el in enumerate(page.elements(("p", "td", "div", "center", "b", "strong", "font", "span"))):
        if k >= 400:
            return None
        if not 8 <= ix.text_len(el) <= 400:
            continue
        text = re.sub(r"\s+", "", ix.text(el))
        if not 8 <= len(text) <= 120:
            continue
        seen += 1
        if seen > 12:
            return None
        if notice_headline(text) and not page.elements(("div", "p", "table", "ul"), el):
            return el
    return None


def _opens(ix: TextIndex, el: Element) -> bool:
    """Whether no text comes before `el`: it opens the page."""
    return ix.lens[ix._range(el)[0]] == 0


def _in_tail(ix: TextIndex, el: Element) -> bool:
    """Whether `el` comes after most of the page's text (less follows it than precedes it):
    a heading closing a fragment (a signature block's 天成医疗-电子商务部) heads no article."""
    lo, hi = ix._range(el)
    before, after = ix.lens[lo], ix.lens[-1] - ix.lens[hi]
    return after < before


def _title_matching(page: Page, ix: TextIndex, page_title: str) -> Optional[Element]:
    """The heading (or .title element, or any element holding the title alone) that best
    repeats the page's <title>/og:title."""
    best, best_score = None, 0.0
    bare = re.sub(r"\s+", "", page_title)
    for el in page.elements(("h1", "h2", "h3", "div", "p", "span", "td", "strong")):
        if el.name in ("div", "p", "span", "td", "strong") and "title" not in _classes(el):
            # an element of no heading kind printing the whole title and nothing else
            # (<p class="pbt">…</p> over the dateline): the headline all the same
            n = ix.text_len(el)
            if not len(bare) <= n <= 2 * len(bare) + 8 or re.sub(r"\s+", "", ix.text(el)) != bare:
                continue
        text = re.sub(r"\s+", "", ix.text(el))
        if not 4 <= len(text) <= 200:
            continue
        shared = _common_prefix(text, page_title)
        score = shared - 0.5 * (len(text) - shared) + (2 if el.name == "h1" else 0)
        if score > best_score:
            best, best_score = el, score
    return best if best_score >= 4 else None


def _subtitles(page: Page, ix: TextIndex, title_el: Element) -> list[Element]:
    """Headings right after the headline (a subtitle, a kicker) belong with it."""
    out = []
    for sib in page.next_siblings(title_el, 2):
        text = ix.text(sib, strip=True)
        if not 4 <= len(text) <= 80 or datelines.parse_line(ix.text(sib, " ")):
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
