"""Canonical names by publication date for bodies renamed in place (data/renamed.yaml):
国务院联防联控机制 in a 2022 article is 国务院应对新型冠状病毒肺炎疫情联防联控机制, in a 2023 one
…感染疫情…; an attached body's name (…联防联控机制春运工作专班) follows its parent's. A former
full name written out keeps itself. Without a publication date the current name stands."""
from __future__ import annotations

from typing import Optional

from ..prebuilt import cached
from .candidates import Candidate
from .lexicon import _yaml


@cached("institutions.renamed.table")
def _table() -> tuple[tuple[str, tuple[tuple[tuple[int, int, int], str], ...], tuple[str, ...]], ...]:
    """(current name, ((until as (y, m, d), former name), ... by date), the written forms it is
    limited to (none: all)), the longest name first."""
    out = []
    for item in _yaml("renamed.yaml") + _dated_entries():
        if "suffix" in item:
            continue  # a region's body by its suffix: _suffixed
        former = tuple(sorted((tuple(int(x) for x in str(f["until"]).split("-")), f["name"]) for f in item["former"]))
        out.append((item["name"], former, tuple(item.get("forms", ()))))
    return tuple(sorted(out, key=lambda kv: -len(kv[0])))


HEAD = 2  # every current name is this long or longer: the table is looked up by a name's head


@cached("institutions.renamed.by_head")
def _by_head() -> dict:
    """_table's entries by their names' first HEAD characters (in _table's order): a candidate
    is tried against the few whose names start as its name does, not every entry."""
    out: dict = {}
    for entry in _table():
        out.setdefault(entry[0][:HEAD], []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


DATED_TABLES = ("brands.yaml", "named.yaml")


def _dated_entries() -> list:
    """The entries of the company tables (DATED_TABLES) that carry their own former names with the
    date each was valid until (round 14: `former: [{until: 2011-12-31, name: 北京双鹤药业股份有限公司}]`
    beside the company's name and aliases): a company renamed is named as it was at the article's
    date, from the one table that names it."""
    out = []
    for table in DATED_TABLES:
        for group in _yaml(table).values():
            out += [e for e in (group if isinstance(group, list) else ()) if isinstance(e, dict) and e.get("former")]
    return out


def _latest_day(ref) -> Optional[tuple[int, int, int]]:
    """The last day `ref` may stand for (2022-12 -> 2022-12-31): before a date only if all of it is."""
    if ref is None:
        return None
    return (ref.year, ref.month or 12, ref.day or 31)


@cached("institutions.renamed.suffixed")
def _suffixed() -> tuple:
    """(suffix, prefixes it is not after, ((until, former suffix), ... by date)) of the
    entries that rename every region's body by its suffix."""
    return tuple((item["suffix"], tuple(item.get("not_prefix", ())),
                  tuple(sorted((tuple(int(x) for x in str(f["until"]).split("-")), f["name"]) for f in item["former"])))
                 for item in _yaml("renamed.yaml") if "suffix" in item)


def _by_suffix(text: str, c: Candidate, day) -> Candidate:
    """A region's body written short (省药监) named as its suffix was then."""
    for suffix, not_prefix, former in _suffixed():
        if (not c.name.endswith(suffix) or c.name.startswith(not_prefix) or suffix in text[c.start:c.end]
                or any(c.name.endswith(n) for _, n in former)):
            continue
        named = next((n for until, n in former if day < until), None)
        if named is not None:
            return c.with_(name=c.name[:-len(suffix)] + named)
    return c


def as_named_then(text: str, found: list[Candidate], ref) -> list[Candidate]:
    day = _latest_day(ref)
    if day is not None and _suffixed():
        found = [_by_suffix(text, c, day) if c.kind == "government" else c for c in found]
    table = _by_head()
    if not table:
        return found
    out = []
    for c in found:
        for current, former, forms in table.get(c.name[:HEAD], ()):
            if not c.name.startswith(current):
                continue
            written = text[c.start:c.end]
            if forms and not any(f in written for f in forms):
                break  # a merged body: only the forms of the one it was (央视, not 中国国际广播电台)
            named = next((n for _, n in former if n in written), None)
            if named is None and day is not None:
                named = next((n for until, n in former if day < until), None)
            if named is not None:
                c = c.with_(name=named + c.name[len(current):])
            break
        out.append(c)
    return out
