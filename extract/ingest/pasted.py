"""Another site's headlines pasted into a paragraph as plain text (a portal's related-news
box flattened into the story: 商务部：个别地区部分蔬菜滞销 重庆公租房租满5年可购买 …
和讯网新闻中心诚聘编辑 湖南省卫生厅医政处处长…表示，…). A line opening with a run of
space-separated headlines and going on with prose loses the run; a line holding only
headlines right above it goes too. Patterns are data (boilerplate.yaml: pasted_headlines)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..offsets import Mapped
from .boilerplate import rules


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern, re.Pattern, int]:
    r = rules()["pasted_headlines"]
    seg, n = r["segment"], int(r["min_run"])
    run = re.compile(f"^(?:{seg} ){{{n},}}(?={r['prose']})", re.M)  # the run, prose after it
    alone = re.compile(f"(?:{seg} )+{seg}")   # a line of headlines only (two or more)
    return run, alone, n


def _runs(text: str, run: re.Pattern, n: int):
    """run.finditer(text), tried only at the starts of the lines holding `n` spaces or more
    (a run's segments hold no blank, so a match lies within one line and needs `n` of
    them): from one space to the next line holding one, by str.find (a `^` under re.M is
    tried at every position of the text, a loop over the lines reads every line)."""
    find, rfind, count, end = text.find, text.rfind, text.count, len(text)
    s = find(" ")
    while s >= 0:
        e = find("\n", s)
        if e < 0:
            e = end
        if count(" ", s, e) >= n:
            mt = run.match(text, rfind("\n", 0, s) + 1)
            if mt is not None:
                yield mt
        s = find(" ", e)


def drop_pasted_headlines(m: Mapped) -> Mapped:
    text = m.text
    if " " not in text:
        return m
    run, alone, n = _rx()
    cuts: list[tuple[int, int]] = []
    for mt in _runs(text, run, n):
        a, b = mt.span()
        if a == 0:  # the first line is the headline's
            continue
        prev = text.rfind("\n", 0, a - 1) + 1  # the line above
        if prev > 0 and alone.fullmatch(text, prev, a - 1):
            a = prev
        cuts.append((a, b))
    if not cuts:
        return m
    keep, at = [], 0
    for a, b in cuts:
        keep.append((at, a))
        at = b
    keep.append((at, len(text)))
    return m.pick(keep)
