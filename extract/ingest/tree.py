"""The element tree of an HTML page, built straight from lxml's parser events.

It is the tree BeautifulSoup's "lxml" builder makes of the same page (same parser, same
options, same events, and bs4's rules for turning them into nodes: adjacent text joined,
a string of ASCII whitespace outside <pre>/<textarea> squeezed to one space or newline,
strings inside <script>, <style>, <template>, <rt>, <rp> kept apart from the page's
text), without bs4's per-node Python objects and filter machinery, which were about
half of HTML ingest. tests/test_html_tree.py checks it against bs4 node for node.

Nodes sit in one list in document order; an element knows the index range of its
subtree (idx, end), so "the strings under this element" is a slice. Removing an element
only marks it `dropped`; every walk skips dropped subtrees. `TextIndex` sums text over
the live strings once, so an element's text, its length and its count of Chinese
characters cost a bisection, not a walk of its subtree.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from types import SimpleNamespace
from typing import Iterable, Iterator, Optional

TEXT, COMMENT, DOCTYPE, PI = "text", "comment", "doctype", "pi"
SKIP = frozenset({COMMENT, DOCTYPE, PI})  # never text: not walked, not in get_text
# strings inside these get the tag's name as their kind (bs4's Script, Stylesheet, ...)
CONTAINERS = frozenset({"rt", "rp", "style", "script", "template"})
PRESERVE = frozenset({"pre", "textarea"})  # whitespace-only strings kept as they are
_SPECIAL = CONTAINERS | PRESERVE
ROOT = "[document]"
_ASCII_SPACES = " \n\t\x0c\r"
_WORDS = re.compile(r"\S+")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_NO_ATTRS: dict = {}  # shared by every element without attributes: never written to


def cjk_count(s: str) -> int:
    """len(re.findall("[\u4e00-\u9fff]", s)), without a list of matches."""
    return 0 if s.isascii() else len(_NOT_CJK.sub("", s))


class Element:
    __slots__ = ("name", "attrs", "parent", "children", "idx", "end", "dropped")
    is_element = True

    def __init__(self, name: str, attrs: dict, parent: Optional["Element"], idx: int):
        self.name, self.attrs, self.parent, self.idx = name, attrs, parent, idx
        self.children: list = []
        self.end = idx + 1
        self.dropped = False

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)

    def tokens(self, key: str) -> list[str]:
        """A space-separated attribute's values (class, rel), as bs4 splits them."""
        v = self.attrs.get(key)
        return _WORDS.findall(v) if v else []

    def __repr__(self) -> str:
        return f"<{self.name} #{self.idx}>"


class String:
    __slots__ = ("text", "kind", "parent", "idx", "pre", "_cjk")
    is_element = False

    def __init__(self, text: str, kind: str, parent: Element, idx: int, pre: bool):
        self.text, self.kind, self.parent, self.idx, self.pre = text, kind, parent, idx, pre
        self._cjk = -1

    @property
    def cjk(self) -> int:
        """The number of Chinese characters (U+4E00-U+9FFF) in the string."""
        if self._cjk < 0:
            self._cjk = cjk_count(self.text)
        return self._cjk

    def __repr__(self) -> str:
        return f"<{self.kind} {self.text[:20]!r}>"


def text_kind(el: Element) -> str:
    """The kind of string el.get_text() reads: its own for a container tag, else page text."""
    return el.name if el.name in CONTAINERS else TEXT


class _Built:
    def __init__(self, root, nodes, elements, strings, by_name):
        self.root, self.nodes, self.elements, self.strings, self.by_name = root, nodes, elements, strings, by_name


def _target():
    """An lxml parser target doing what bs4's BeautifulSoup and LXMLTreeBuilder do with
    the parser's events, minus bs4; returns (target, result) where result() gives the
    tree once the parser is closed. Closures rather than methods: one call per event."""
    root = Element(ROOT, {}, None, 0)
    nodes: list = [root]
    elements: list[Element] = []
    strings: list[String] = []
    by_name: dict[str, list[Element]] = {}
    stack = [root]
    preserve: list[Element] = []  # open <pre>/<textarea>
    containers: list[str] = []  # open <script>, <style>, <template>, <rt>, <rp>
    buf: list[str] = []

    def flush(kind: Optional[str] = None) -> None:
        s = buf[0] if len(buf) == 1 else "".join(buf)
        buf.clear()
        if not preserve and not s.strip(_ASCII_SPACES):
            s = "\n" if "\n" in s else " "
        parent = stack[-1]
        node = String(s, kind or (containers[-1] if containers else TEXT), parent, len(nodes), bool(preserve))
        if s.isascii():
            node._cjk = 0
        nodes.append(node)
        strings.append(node)
        parent.children.append(node)

    def start(tag, attrib):
        if buf:
            flush()
        parent = stack[-1]
        # lxml hands a fresh dict (an empty read-only mapping for a tag without attributes)
        el = Element(tag, attrib if attrib.__class__ is dict else (dict(attrib) if attrib else _NO_ATTRS),
                     parent, len(nodes))
        nodes.append(el)
        elements.append(el)
        same = by_name.get(tag)
        if same is None:
            by_name[tag] = [el]
        else:
            same.append(el)
        parent.children.append(el)
        stack.append(el)
        if tag in _SPECIAL:
            if tag in PRESERVE:
                preserve.append(el)
            else:
                containers.append(tag)

    def pop() -> None:
        el = stack.pop()
        el.end = len(nodes)
        if el.name in _SPECIAL:
            if el.name in PRESERVE:
                preserve.pop()
            else:
                containers.pop()

    def end(tag):
        if buf:
            flush()
        if stack[-1].name != tag:
            # bs4 pops up to the most recent open tag of that name, nothing if none is open
            # (lxml nests its events, so this is for safety; its depth is bounded)
            if not any(el.name == tag for el in stack[1:]):
                return
            while stack[-1].name != tag:
                pop()
        pop()

    def special(kind: str, text: str) -> None:
        if buf:
            flush()
        buf.append(text)
        flush(kind)

    def comment(text):
        special(COMMENT, text)

    def doctype(name, pubid, system):
        value = name or ""
        if pubid is not None:
            value += f' PUBLIC "{pubid}"' + (f' "{system}"' if system is not None else "")
        elif system is not None:
            value += f' SYSTEM "{system}"'
        special(DOCTYPE, value)

    def pi(target, data):
        special(PI, target + " " + data)

    def close():
        if buf:
            flush()
        while len(stack) > 1:
            pop()
        root.end = len(nodes)

    target = SimpleNamespace(start=start, end=end, data=buf.append, comment=comment, doctype=doctype, pi=pi,
                             close=close)
    return target, lambda: _Built(root, nodes, elements, strings, by_name)


class ParserRejectedMarkup(Exception):
    """lxml could not parse the page, as text or as UTF-8 (bs4 raises the same)."""


def parse(markup: str) -> "Page":
    """The page's tree, from lxml's HTML parser as bs4 drives it (recover=True; the text
    as str first, then as UTF-8 bytes if lxml rejects it; a leading BOM dropped)."""
    from lxml import etree

    if markup[:1] == "\ufeff":
        markup = markup[1:]
    errors = []
    for data, encoding in ((markup, None), (None, "utf8")):
        if data is None:
            data = markup.encode("utf8")
        target, built = _target()
        try:
            parser = etree.HTMLParser(target=target, recover=True, huge_tree=False, encoding=encoding)
            parser.feed(data)
            parser.close()  # closes the target too
        except (UnicodeDecodeError, LookupError, etree.ParserError) as e:
            errors.append(str(e))
            continue
        return Page(built())
    raise ParserRejectedMarkup("The markup you provided was rejected by the parser. Trying a different parser or a "
                               "different encoding may help.\n\nOriginal exception(s) from parser:\n "
                               + "\n ".join(errors))


class Page:
    """The tree: `root` (the document), every node in document order (`nodes`), and the
    same split into `elements` and `strings`, with the elements of each tag name."""

    def __init__(self, built: _Built):
        self.root, self.nodes = built.root, built.nodes
        self.elements_all, self.strings_all, self.by_name = built.elements, built.strings, built.by_name
        self._dropped: list[Element] = []
        self._text_strings: Optional[list[String]] = None
        self._dead: Optional[tuple[list[int], list[int]]] = None

    # -- removal ----------------------------------------------------------------
    def drop(self, el: Element) -> None:
        """Remove el and its subtree (bs4: decompose)."""
        if not el.dropped:
            el.dropped = True
            self._dropped.append(el)
            self._dead = None

    @property
    def drops(self) -> int:
        """How many removals so far (a TextIndex made at the same count is current)."""
        return len(self._dropped)

    def _dead_ranges(self) -> tuple[list[int], list[int]]:
        """The removed index ranges, merged: starts and ends, ascending."""
        if self._dead is None:
            starts: list[int] = []
            ends: list[int] = []
            for el in sorted(self._dropped, key=lambda e: e.idx):
                if ends and el.idx < ends[-1]:
                    continue  # inside a removed subtree
                starts.append(el.idx)
                ends.append(el.end)
            self._dead = (starts, ends)
        return self._dead

    def alive(self, items: list) -> list:
        """The nodes of `items` (in document order) that are not inside a removed subtree."""
        starts, ends = self._dead_ranges()
        if not starts:
            return list(items)
        # the items between removed ranges are copied as slices (found by bisection)
        keys = [n.idx for n in items]
        out: list = []
        lo, n = 0, len(keys)
        for s, e in zip(starts, ends):
            if lo >= n:
                break
            a = bisect_left(keys, s, lo)
            if a > lo:
                out += items[lo:a]
            lo = bisect_left(keys, e, a)
        out += items[lo:]
        return out

    def text_strings(self) -> list[String]:
        """The page-text strings (not comments, scripts, styles), removed or not, in order."""
        if self._text_strings is None:
            self._text_strings = [n for n in self.strings_all if n.kind == TEXT]
        return self._text_strings

    def is_live(self, node) -> bool:
        """Neither node nor any of its ancestors removed."""
        starts, ends = self._dead_ranges()
        k = bisect_right(starts, node.idx) - 1
        return k < 0 or ends[k] <= node.idx

    # -- look-ups -------------------------------------------------------------------
    def elements(self, names: Optional[Iterable[str]] = None, el: Optional[Element] = None) -> list[Element]:
        """Live elements under `el` (default: the whole page; el itself excluded) in
        document order, all or those named `names` (bs4: find_all(True), find_all(list(names)))."""
        if names is None:
            pool = self.elements_all
        else:
            lists = [self.by_name[n] for n in set(names) if n in self.by_name]
            if not lists:
                return []
            pool = lists[0] if len(lists) == 1 else sorted((e for ls in lists for e in ls), key=lambda e: e.idx)
        if el is not None:
            keys = [e.idx for e in pool] if len(pool) > 64 else None
            if keys is not None:
                pool = pool[bisect_right(keys, el.idx):bisect_left(keys, el.end)]
            else:
                pool = [e for e in pool if el.idx < e.idx < el.end]
        return self.alive(pool)

    def iter_elements(self) -> Iterator[Element]:
        """Live elements in document order, for a pass that removes some: removing the
        element just yielded skips its subtree."""
        skip_to = -1
        for el in self.alive(self.elements_all):
            if el.idx < skip_to:
                continue
            yield el
            if el.dropped:
                skip_to = el.end

    def first(self, name: Optional[str] = None, where=None) -> Optional[Element]:
        """The first live element named `name` (any, if None) passing `where`."""
        pool = self.elements_all if name is None else self.by_name.get(name, [])
        for el in pool:
            if (where is None or where(el)) and self.is_live(el):
                return el
        return None

    def walk(self, el: Element) -> Iterator:
        """The live nodes of el's subtree (el included) in document order."""
        nodes = self.nodes
        i, stop = el.idx, el.end
        while i < stop:
            n = nodes[i]
            if n.is_element and n.dropped:
                i = n.end
                continue
            yield n
            i += 1

    def contains(self, anc: Element, node) -> bool:
        """anc is a proper ancestor of node."""
        return anc.idx < node.idx < anc.end

    # -- text -----------------------------------------------------------------------
    def strings(self, el: Element, kind: Optional[str] = None) -> list[str]:
        """The live strings of el's subtree of one kind (default: what el.get_text() reads)."""
        kind = kind or text_kind(el)
        if el is self.root and not self._dropped:
            return [n.text for n in self.strings_all if n.kind == kind]
        return [n.text for n in self.walk(el) if not n.is_element and n.kind == kind]

    def get_text(self, el: Element, sep: str = "", strip: bool = False) -> str:
        parts = self.strings(el)
        if strip:
            parts = [s for s in (p.strip() for p in parts) if s]
        return sep.join(parts)

    def string(self, el: Element) -> Optional[str]:
        """bs4's Tag.string: the one child string (any kind), through single children."""
        while True:
            kids = [c for c in el.children if not (c.is_element and c.dropped)]
            if len(kids) != 1:
                return None
            if not kids[0].is_element:
                return kids[0].text
            el = kids[0]

    def next_siblings(self, el: Element, limit: int) -> list[Element]:
        """The live elements after el under its parent (bs4: find_next_siblings(limit=))."""
        out = []
        sibs = el.parent.children if el.parent is not None else []
        k = next(i for i, c in enumerate(sibs) if c is el)
        for c in sibs[k + 1:]:
            if c.is_element and not c.dropped:
                out.append(c)
                if len(out) == limit:
                    break
        return out


class TextIndex:
    """The live page text (the strings get_text reads) at one moment, with running
    totals: an element's text, length and number of Chinese characters by bisection.
    Valid until the next element is dropped; what a removal changes is only the
    subtrees holding it, so a pass that drops elements in document order may keep using
    the index it started with for every element it has not yet passed."""

    def __init__(self, page: Page):
        self.page = page
        strings = page.alive(page.text_strings())
        a_idx = page.alive(page.by_name.get("a", []))
        self.idx, self.texts = [n.idx for n in strings], [n.text for n in strings]
        texts = self.texts
        self.lens = list(accumulate((len(t) for t in texts), initial=0))
        self.cjks = list(accumulate([n._cjk if n._cjk >= 0 else n.cjk for n in strings], initial=0))
        self.a_idx = [a.idx for a in a_idx]
        self.a_lens = list(accumulate((self.text_len(a) for a in a_idx), initial=0))

    def _range(self, el: Element) -> tuple[int, int]:
        return bisect_right(self.idx, el.idx), bisect_left(self.idx, el.end)

    def texts_of(self, el: Element) -> list[str]:
        if el.name in CONTAINERS:
            return self.page.strings(el)
        lo, hi = self._range(el)
        return self.texts[lo:hi]

    def text(self, el: Element, sep: str = "", strip: bool = False) -> str:
        """el.get_text(sep, strip=strip)"""
        parts = self.texts_of(el)
        if strip:
            parts = [s for s in (p.strip() for p in parts) if s]
        return sep.join(parts)

    def text_len(self, el: Element) -> int:
        if el.name in CONTAINERS:
            return sum(len(t) for t in self.page.strings(el))
        lo, hi = self._range(el)
        return self.lens[hi] - self.lens[lo]

    def cjk(self, el: Element) -> int:
        """The Chinese characters of el.get_text()."""
        if el.name in CONTAINERS:
            return sum(cjk_count(t) for t in self.page.strings(el))
        lo, hi = self._range(el)
        return self.cjks[hi] - self.cjks[lo]

    def link_len(self, el: Element) -> int:
        """The text length of the links under el (a link inside a link counts twice)."""
        lo, hi = bisect_right(self.a_idx, el.idx), bisect_left(self.a_idx, el.end)
        return self.a_lens[hi] - self.a_lens[lo]
