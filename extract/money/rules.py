"""Loads rules.yaml (word lists of the money extractor) once."""
from __future__ import annotations

import re
from pathlib import Path

from ..datafiles import load_yaml

RULES: dict = load_yaml(Path(__file__).with_name("rules.yaml"))


def alternation(words) -> str:
    """Regex alternation of literal words, longest first so 不超过 wins over 超过."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The scale words split by an approximation word (4千余万元), each with the scale it splits:
# {"千余万": "千万", "百多亿": "百亿", ...} from split_scale_heads and _tails.
SPLIT_SCALES: dict[str, str] = {h + a + t: h + t for h in RULES["split_scale_heads"] for a in RULES["approx_infix"]
                                for t in RULES["split_scale_tails"] if h + t in RULES["scales"]}
