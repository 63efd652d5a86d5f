"""YAML front matter (`---` … `---` at the top of any format).

The block is untrusted: it is loaded with a safe loader that never expands aliases
(a 365-byte block of nested aliases would otherwise become gigabytes once printed),
keeps dates as the strings they are written as (2023-02-29 is no date, and no reason
to lose the file), and is at most 20,000 characters. What could not be read is said
in `FrontMatter.problems`."""
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
    body = end.end()
    if text[body:body + 1] == "\n":
        body += 1
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
