"""YAML front matter (`---` … `---` at the top of any format).

The block is untrusted: it is loaded with a safe loader that never expands aliases
(a 365-byte block of nested aliases would otherwise become gigabytes once printed),
keeps dates as the strings they are written as (2023-02-29 is no date, and no reason
to lose the file), and is at most 20,000 characters. What could not be read is said
in `FrontMatter.problems`.

Most blocks are a few `key: value` lines (quoted or plain strings, dates, whole numbers,
`[a, b]` lists, `- item` lists): `_simple` reads those directly, to the same values PyYAML
gives, and hands anything else to PyYAML (importing it costs a fresh process ~0.03 s, about
as much as the rest of the ingest stage)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_FM = re.compile(r"\A\s{0,200}---[ \t]*\r?\n")
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
MAX_BLOCK = 20000


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)   # keys lower-cased
    body_at: int = 0                            # where the body starts
    problems: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _loader():
    """The loader class (PyYAML is imported only for a text that has a front matter block)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        """SafeLoader that reads an alias as null (nothing is expanded, so nothing can
        blow up) and every timestamp as its string."""

        def __init__(self, stream):
            super().__init__(stream)
            self.aliases = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.get_event()
                self.aliases += 1
                return yaml.ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
            return super().compose_node(parent, index)

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return _Loader


# -- the common shape, read without PyYAML -----------------------------------------------
# Only what is certain to mean the same to PyYAML is read here; any other line, character
# or value (comments, anchors, tags, escapes, block scalars, nesting, continued lines,
# words YAML reads as booleans or null, numbers other than plain whole ones) sends the
# whole block to PyYAML. tests/test_frontmatter_simple.py compares the two.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?")
_ITEM_LINE = re.compile(r"( *)- +(.*)")
_QUOTED = re.compile(r'"([^"\\]*)"|\'([^\']*)\'')
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"0|[1-9][0-9]{0,17}")   # longer: left to PyYAML (and Python's int limits)
# YAML's special characters and the first characters of its implicit types (booleans,
# null, numbers, dates, merge and value keys): a plain value opening with one is left to PyYAML
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`+.~<=0123456789yYnNtTfFoO")
_SPECIAL_KEYS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
# printable for YAML's reader, no line breaks but \n (YAML also breaks at \x85 \u2028 \u2029),
# no tab, no byte-order mark
_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _scalar(value: str, in_list: bool):
    """The value of one scalar as PyYAML reads it, or None when not certain."""
    if not value:
        return None                       # null
    m = _QUOTED.fullmatch(value)
    if m:
        return m.group(1) if m.group(1) is not None else m.group(2)
    if _DATE.fullmatch(value):
        return value                      # a timestamp: kept as written (see _loader)
    if _WHOLE.fullmatch(value):
        return int(value)
    if value[0] in _NOT_PLAIN_FIRST or value.endswith(":") or ": " in value or "#" in value:
        return None
    if in_list and any(c in value for c in ",[]{}:"):
        return None
    return value


def _simple(block: str):
    """`block` read as PyYAML would, when it has the common shape; else None."""
    if not block or _UNSAFE.search(block):
        return None
    data: dict = {}
    lines = block.split("\n")
    i = 0
    while i < len(lines):
        m = _KEY_LINE.fullmatch(lines[i])
        if not m or m.group(1).lower() in _SPECIAL_KEYS:
            return None
        key, rest = m.group(1), (m.group(2) or "").rstrip(" ")
        i += 1
        if not rest:                      # a `- item` list on the lines below
            items, indent = [], None
            while i < len(lines) and (item := _ITEM_LINE.fullmatch(lines[i])):
                if indent is None:
                    indent = item.group(1)
                value = _scalar(item.group(2).rstrip(" "), False) if item.group(1) == indent else None
                if value is None:
                    return None
                items.append(value)
                i += 1
            if not items:
                return None               # null, or something else below
            data[key] = items
        elif rest[0] == "[":
            if rest[-1] != "]":
                return None
            inner = rest[1:-1].strip(" ")
            items = [_scalar(x.strip(" "), True) if x.strip(" ") else None for x in inner.split(",")] if inner else []
            if any(x is None for x in items):
                return None
            data[key] = items
        else:
            value = _scalar(rest, False)
            if value is None:
                return None
            data[key] = value
    return data


def read_front_matter(text: str) -> FrontMatter:
    """The front matter of `text` (empty when there is none, or the block is not a
    YAML mapping), the offset where the body starts, and what could not be read."""
    m = _FM.match(text)
    if not m:
        return FrontMatter()
    end = _END.search(text, m.end())
    if not end or end.start() - m.end() > MAX_BLOCK:
        return FrontMatter()
    block = text[m.end():end.start()]
    body = end.end()
    if text[body:body + 1] == "\n":
        body += 1
    data = _simple(block[:-1] if block.endswith("\n") else block)
    if data is not None:
        return FrontMatter({k.lower(): v for k, v in data.items()}, body, [])
    problems: list[str] = []
    import yaml

    Loader = _loader()
    loader = None
    try:
        loader = Loader(block)  # the reader refuses control characters right away
        data = loader.get_single_data()
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as e:  # ValueError: a 5000-digit number
        data = _loose(block)
        problems.append(f"front matter is not valid YAML ({_first_line(e)}): read line by line as key: value")
    except RecursionError:
        data = _loose(block)
        problems.append("front matter nested too deep to load: read line by line as key: value")
    finally:
        if loader is not None:
            loader.dispose()
    if loader is not None and loader.aliases:
        problems.append(f"front matter uses {loader.aliases} YAML alias{'es' if loader.aliases > 1 else ''}: "
                        "not expanded (read as empty values)")
    if not isinstance(data, dict):
        return FrontMatter()
    return FrontMatter({str(k).lower(): v for k, v in data.items()}, body, problems)


def split_front_matter(text: str) -> tuple[dict, int]:
    """Return (front matter as a dict, offset where the body starts).
    No front matter, or a block that is not a YAML mapping: ({}, 0)."""
    fm = read_front_matter(text)
    return fm.data, fm.body_at


def _first_line(e: Exception) -> str:
    return str(getattr(e, "problem", None) or e).split("\n")[0][:120]


def _loose(block: str) -> dict:
    out = {}
    for line in block.splitlines():
        k, sep, v = line.partition(":")
        if sep and k.strip() and not k.startswith((" ", "\t", "-")):
            out[k.strip()] = v.strip().strip("'\"")
    return out
