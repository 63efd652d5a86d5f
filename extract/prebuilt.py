"""Objects built once per process from the data files (Aho-Corasick automata, lookup tables).

A builder is declared with `@cached("dimension.what")`: it takes no arguments and its result
is kept for the life of the process, like `functools.lru_cache(maxsize=1)`. Declaring it here,
by name, lets the compiled-pattern cache (`python -m extract.cachebuild`, extract/regexcache.py)
store the built object so that a fresh process loads it instead of building it. A builder's
result must depend only on the bundled data files and the code (never on the text parsed).

`builders()` lists the declared builders by name (for the cache build and its tests).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, TypeVar

T = TypeVar("T")

_BUILDERS: dict[str, Callable[[], object]] = {}


def cached(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Declare a no-argument builder under `name`; its result is built (or loaded) once."""
    def declare(fn: Callable[[], T]) -> Callable[[], T]:
        if name in _BUILDERS and _BUILDERS[name] is not fn:
            raise ValueError(f"prebuilt object {name!r} declared twice")
        _BUILDERS[name] = fn
        return lru_cache(maxsize=1)(fn)
    return declare


def builders() -> dict[str, Callable[[], object]]:
    """Declared builders by name (the undecorated functions)."""
    return dict(_BUILDERS)
