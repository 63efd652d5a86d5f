"""A run of link-only paragraphs closing an article's content element: a portal's
promotion list (1、2011（第三届）中国…优秀供应商评价推介, each item a link to another
site's page) or a list of related stories. Its items are links and nothing else but a
list number; a list linking to documents (附件：….pdf, .doc) is the article's attachments
and stays. Patterns are data (boilerplate.yaml: link_list)."""
from __future__ import annotations

import re
from functools import lru_cache

from .boilerplate import rules
from .tree import Element, Page, TextIndex

_LISTS = ("ul", "ol")


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern, re.Pattern, int]:
    r = rules()["link_list"]
    return re.compile(r["number"]), re.compile(r["document"], re.I), int(r["min_items"]), int(r["min_story"])


def drop_link_tail(page: Page, ix: TextIndex, root: Element) -> int:
    """Drops the closing run of link-only items under `root` (its children, or the items of
    a closing list); returns how many went. `ix` must be valid for the page as it is."""
    number, document, least, story = _rx()
    while True:   # past wrappers that hold nothing but the one element (the paragraphs' parent)
        kids = [c for c in root.children if c.is_element and not c.dropped]
        if len(kids) != 1 or ix.cjk(kids[0]) != ix.cjk(root) or kids[0].name in _LISTS:
            break
        root = kids[0]
    run: list[Element] = []
    items = 0
    for child in reversed([c for c in root.children if c.is_element and not c.dropped]):
        if not ix.text(child).strip():
            run.append(child)  # a blank paragraph (&nbsp;) inside or after the list
            continue
        parts = [c for c in child.children if c.is_element and not c.dropped and c.name == "li"] \
            if child.name in _LISTS else [child]
        if not parts or not all(_link_only(page, ix, p, number, document) for p in parts):
            break
        run.append(child)
        items += len(parts)
    listed = sum(ix.cjk(el) for el in run)
    if items < least or (ix.cjk(root) <= 2 * listed and ix.cjk(root) - listed < story):
        return 0  # too short a list, or most of an element holding no story of its own: not a tail
    for el in run:
        page.drop(el)
    return items


def _link_only(page: Page, ix: TextIndex, el: Element, number: re.Pattern, document: re.Pattern) -> bool:
    links = page.elements(("a",), el)
    if not links or ix.cjk(el) < 2:
        return False
    if any(document.search(a.attrs.get("href") or "") for a in links):
        return False
    rest = ix.text(el)
    for a in links:
        rest = rest.replace(ix.text(a), "", 1)
    return number.fullmatch(rest.strip()) is not None
