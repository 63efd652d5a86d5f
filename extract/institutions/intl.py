"""International heads of open names (patterns.yaml international_heads: 国际, 世界, 非洲 ...)
and the categories they make with a word naming a sort of body (international_categories:
国际组织, 国际非政府组织): the tables patterns.py's open walk asks on every candidate, built once."""
from __future__ import annotations

from functools import lru_cache

from . import lexicon


@lru_cache(maxsize=1)
def heads() -> tuple[str, ...]:
    return tuple(lexicon.patterns().get("international_heads", ()))


@lru_cache(maxsize=1)
def _categories() -> tuple[str, ...]:
    return tuple(lexicon.patterns().get("international_categories", ()))


def is_category(prefix: str) -> bool:
    """The head alone (国际组织) or with a word naming a sort of body (国际非政府组织, 国际恐怖组织)."""
    head = next((h for h in heads() if prefix.startswith(h)), "")
    rest = prefix[len(head):]
    return len(rest) < 2 or rest.startswith(_categories())
