"""Element look-ups on a BeautifulSoup tree without bs4's filter machinery.

`find_all(names)` builds a filter object and matches every node through several layers
of Python calls; on the development pages it was about half of HTML ingest. These walk
`descendants` once with a set look-up and give the same elements in the same (document)
order; each returns a list, as find_all does, so callers may change the tree while they
go through it.
"""
from __future__ import annotations

from typing import Iterable, Optional

from bs4 import Comment, NavigableString, Tag


def tags(root: Tag, names: Optional[Iterable[str]] = None) -> list[Tag]:
    """root.find_all(True) (names None) or root.find_all(list(names))."""
    if names is None:
        return [el for el in root.descendants if isinstance(el, Tag)]
    wanted = frozenset(names)
    return [el for el in root.descendants if isinstance(el, Tag) and el.name in wanted]


def first(root: Tag, names: Iterable[str]) -> Optional[Tag]:
    """root.find(list(names))."""
    wanted = frozenset(names)
    return next((el for el in root.descendants if isinstance(el, Tag) and el.name in wanted), None)


def comments(root: Tag) -> list[Comment]:
    """root.find_all(string=lambda s: isinstance(s, Comment))."""
    return [s for s in root.descendants if isinstance(s, Comment)]


def own_strings(el: Tag) -> list[NavigableString]:
    """el.find_all(string=True, recursive=False): the strings directly under el."""
    return [s for s in el.contents if isinstance(s, NavigableString)]


def with_id(root: Tag, ids: Iterable[str]) -> Optional[Tag]:
    """root.find(id=ids): the first element whose id is one of `ids`."""
    wanted = frozenset(ids)
    return next((el for el in root.descendants if isinstance(el, Tag) and el.get("id") in wanted), None)


def with_class(root: Tag, name: str) -> list[Tag]:
    """root.find_all(class_=name): elements one of whose classes is `name` (bs4 matches a
    multi-valued class attribute by each value and by the whole string)."""
    out = []
    for el in root.descendants:
        if isinstance(el, Tag):
            c = el.get("class")
            if c is not None and (name in c if isinstance(c, list) else c == name or name in c.split()):
                out.append(el)
    return out
