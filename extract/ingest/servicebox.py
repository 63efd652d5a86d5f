"""A company's service box closing a page's content: a block naming a department and
what it offers, a hotline with names and phone numbers, a call to visit the site or follow
its account (天成医疗-科技服务部 … 服务热线：… 更多服务内容请登录 … 微信公众号：…). It is
the portal's advertisement, not the article: the closing block holding both a hotline and
such a call goes. Patterns are data (boilerplate.yaml: service_box)."""
from __future__ import annotations

import re
from functools import lru_cache

from .boilerplate import rules
from .tree import SKIP, Element, Page, TextIndex


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern, re.Pattern, int]:
    r = rules()["service_box"]
    return re.compile(r["hotline"]), re.compile(r["call"]), int(r["max_chars"])


def drop_service_box(page: Page, ix: TextIndex, root: Element) -> bool:
    """Drops the last non-blank block under `root` when it is a service box (and not most of
    `root`'s text); returns whether one went. `ix` must be valid for the page as it is."""
    hotline, call, most = _rx()
    text = ix.text(root)
    if not hotline.search(text) or not call.search(text):  # (most pages: turned down here)
        return False
    while True:   # past wrappers that hold nothing but the one element
        kids = [c for c in root.children if c.is_element and not c.dropped]
        if len(kids) != 1 or ix.cjk(kids[0]) != ix.cjk(root):
            break
        root = kids[0]
    for child in reversed([c for c in root.children if not (c.is_element and c.dropped)]):
        if not child.is_element:
            if child.kind not in SKIP and child.text.strip():
                return False  # text after the last block: the box does not close the content
            continue
        box = ix.text(child)
        if not box.strip():
            continue
        if len(box.strip()) > most or 2 * ix.cjk(child) > ix.cjk(root):
            return False
        if hotline.search(box) and call.search(box):
            page.drop(child)
            return True
        return False
    return False
