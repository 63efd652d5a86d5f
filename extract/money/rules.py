"""Loads rules.yaml (word lists of the money extractor) once."""
from __future__ import annotations

import re
from pathlib import Path

from ..datafiles import load_yaml

RULES: dict = load_yaml(Path(__file__).with_name("rules.yaml"))


def alternation(words) -> str:
    """Regex alternation of literal words, longest first so 不超过 wins over 超过."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
