"""The goal of a procedure, from a question (如何办理异地就医备案？) or a list intro
(异地就医三步法, 可按以下步骤办理异地就医备案：)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..datafiles import load_yaml

from .lexicon import HERE, lexicon

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern, re.Pattern]:
    data = load_yaml(HERE / "markers.yaml")
    return re.compile(data["goal_markers"]), re.compile(data["steps_rule"])


def goal_from(fragment: str) -> Optional[str]:
    """A short goal phrase, or None when nothing is left."""
    lex = lexicon()
    marker_re, steps_rule = _markers()
    g = _SPACE.sub("", fragment)
    g = lex.question_re.sub("", g)
    g = marker_re.sub("", g)
    m = steps_rule.search(g)
    if m and m.end() < len(g):
        g = g[m.end():]
    for _ in range(3):
        before = g
        for pat in lex.goal_strip:
            g = pat.sub("", g)
        if g == before:
            break
    if "，" in g or "," in g:
        clauses = [c for c in re.split(r"[，,]", g) if c]
        with_verb = [c for c in clauses if lex.service_re.search(c)]
        g = (with_verb or clauses or [""])[-1]
    g = g.strip("“”\"「」 ：:，,。")
    return g if len(g) >= 2 else None
