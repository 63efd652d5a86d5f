"""YAML front matter (`---` … `---` at the top of any format)."""
from __future__ import annotations

import re

import yaml

_FM = re.compile(r"\A\s{0,200}---[ \t]*\r?\n")
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def split_front_matter(text: str) -> tuple[dict, int]:
    """Return (front matter as a dict, offset where the body starts).
    No front matter, or a block that is not a YAML mapping: ({}, 0)."""
    m = _FM.match(text)
    if not m:
        return {}, 0
    end = _END.search(text, m.end())
    if not end or end.start() - m.end() > 20000:
        return {}, 0
    block = text[m.end():end.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        data = _loose(block)
    if not isinstance(data, dict):
        return {}, 0
    body = end.end()
    if text[body:body + 1] == "\n":
        body += 1
    return {str(k).lower(): v for k, v in data.items()}, body


def _loose(block: str) -> dict:
    out = {}
    for line in block.splitlines():
        k, sep, v = line.partition(":")
        if sep and k.strip() and not k.startswith((" ", "\t", "-")):
            out[k.strip()] = v.strip().strip("'\"")
    return out
