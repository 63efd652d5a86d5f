"""Site chrome as data (boilerplate.yaml), compiled once. Read by the HTML front end
(elements to drop) and by the line stage (chrome lines, teaser and related lists), so
that cleaning plain text imports no HTML parser."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml


@lru_cache(maxsize=1)
def rules() -> dict:
    data = load_yaml(Path(__file__).with_name("boilerplate.yaml"))
    data["drop_tokens"] = frozenset(data["drop_tokens"])
    data["drop_lines_rx"] = re.compile("|".join(f"(?:{p})" for p in data["drop_lines"]), re.I)
    data["related_heads_rx"] = re.compile(data["related_heads"])
    data["teaser_meta_rx"] = re.compile(data["teaser_meta"])
    data["dateline_tail_rx"] = re.compile(data["dateline_tail"])
    return data
