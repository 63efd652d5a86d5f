"""Compiles patterns.yaml once into one scanning regex (the cores) and a few
anchored suffix regexes, and reads matches into plain dicts of parts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from .lexicon import load_yaml, words

_REF = re.compile(r"\{(@?)([A-Za-z_][A-Za-z0-9_]*)(?::([a-z0-9_]+))?\}")


def _expand(pattern: str, fragments: dict, prefix: str, depth: int = 0) -> str:
    if depth > 8:
        raise ValueError(f"fragment nesting too deep in {pattern!r}")

    def sub(m: re.Match) -> str:
        is_list, name, part = m.group(1), m.group(2), m.group(3)
        if is_list:
            body = "|".join(re.escape(w) for w in words(name))
        else:
            body = _expand(fragments[name], fragments, prefix, depth + 1)
        if part:
            return f"(?P<{prefix}{part}>{body})"
        return f"(?:{body})"

    return _REF.sub(sub, pattern)


@dataclass
class Grammar:
    scanner: re.Pattern
    suffixes: dict[str, re.Pattern]
    # rule name -> [(group name, part name)]
    parts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


@lru_cache(maxsize=None)
def grammar() -> Grammar:
    spec = load_yaml("patterns.yaml")
    fragments = spec["fragments"]
    alternatives, parts = [], {}
    for rule, pattern in spec["cores"].items():
        body = _expand(pattern, fragments, prefix=f"{rule}__")
        alternatives.append(f"(?P<{rule}>{body})")
    # a lookahead on the first character lets the scanner skip most positions fast
    scanner = re.compile(f"(?=[{spec['start_chars']}])(?:{'|'.join(alternatives)})")
    for name in scanner.groupindex:
        if "__" in name:
            rule, part = name.split("__", 1)
            parts.setdefault(rule, []).append((name, part))
    suffixes = {
        name: re.compile(_expand(pattern, fragments, prefix=""))
        for name, pattern in spec["suffixes"].items()
    }
    return Grammar(scanner, suffixes, parts)


@dataclass
class Core:
    """One core match, extended by suffixes; `parts` holds the raw strings."""

    rule: str
    start: int
    end: int
    parts: dict[str, str]


def scan(text: str) -> Iterator[Core]:
    g = grammar()
    for m in g.scanner.finditer(text):
        rule = m.lastgroup
        parts = {}
        for group, part in g.parts.get(rule, ()):
            value = m.group(group)
            if value is not None:
                parts[part] = value
        yield Core(rule, m.start(), m.end(), parts)


def match_suffix(name: str, text: str, pos: int) -> re.Match | None:
    m = grammar().suffixes[name].match(text, pos)
    return m if m and m.end() > pos else None
