"""A magazine or paper in title marks followed by its house (《销售与市场》杂志社, 《X》编辑部):
kind media, the name without the marks (销售与市场杂志社). The same title in marks elsewhere
in the article is the outlet too (由…和《销售与市场》等联合主办): the title inside the marks,
named as written."""
from __future__ import annotations

import re

from .candidates import Candidate

_HOUSED = re.compile(r"《(?P<title>[\u4e00-\u9fffA-Za-z0-9·与和]{2,12})》(?P<house>杂志社|报社|编辑部)")


def housed_candidates(text: str) -> list[Candidate]:
    if "》" not in text:
        return []
    out, titles = [], set()
    for m in _HOUSED.finditer(text):
        out.append(Candidate(m.start(), m.end(), m.group("title") + m.group("house"), "media", None, None,
                             "media.housed", 0.7))
        titles.add(m.group("title"))
    taken = {c.start for c in out}
    for title in titles:
        mark = "《" + title + "》"
        at = text.find(mark)
        while at >= 0:
            if at not in taken:
                out.append(Candidate(at + 1, at + 1 + len(title), title, "media", None, None, "media.housed_title", 0.6))
            at = text.find(mark, at + len(mark))
    return out
