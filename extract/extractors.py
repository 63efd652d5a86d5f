"""The one code path from an article's text to its records: the pure extractors, run in
order on a plain string. `extract.parse()` calls `extract_all()` on each article; the spaCy
components (extract/components.py) call `run_step()` on `doc.text`, one step each. No
spaCy here, and each extractor is imported on its first use.

Steps (names are the spaCy component names, and `Options.components`):
    hnx_dates        extract_dates(text, ref)                       -> mentions
    hnx_money        extract_money(text, ref)                       -> mentions
                     extract_changes(text, money mentions)          -> changes
    hnx_institutions extract_institutions(text, ref)                -> mentions
    hnx_deadlines    extract_deadlines(text, mentions, ref)         -> deadlines
    hnx_procedures   extract_procedures(text, mentions, deadlines)  -> procedures
Mentions accumulate in step order; indices in deadlines (`date`), changes (`from`, `to`,
`by`) and procedures (`deadlines`) point into the lists of the same `Found`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from . import regexcache  # first: compiled patterns from extract/_cache when built (regexcache.py)

regexcache.install()

from .refdate import RefDate

DEFAULT_PIPELINE = ("hnx_dates", "hnx_money", "hnx_institutions", "hnx_deadlines", "hnx_procedures")


@dataclass
class Found:
    """What the extractors found in one text (offsets into that text)."""

    mentions: list = field(default_factory=list)     # extract.schema.Mention
    deadlines: list = field(default_factory=list)    # extract.schema.Deadline
    procedures: list = field(default_factory=list)   # extract.schema.Procedure
    changes: list = field(default_factory=list)      # extract.schema.Change


def _dates(text: str, ref: Optional[RefDate], found: Found) -> None:
    from .dates import extract_dates

    found.mentions.extend(extract_dates(text, ref))


def _money(text: str, ref: Optional[RefDate], found: Found) -> None:
    from .money import extract_changes, extract_money

    figures = extract_money(text, ref)
    base = len(found.mentions)
    found.mentions.extend(figures)
    for ch in extract_changes(text, figures):  # indices into `figures` -> into found.mentions
        for name in ("from_", "to", "by"):
            if getattr(ch, name) is not None:
                setattr(ch, name, getattr(ch, name) + base)
        found.changes.append(ch)


def _institutions(text: str, ref: Optional[RefDate], found: Found) -> None:
    from .institutions import extract_institutions

    found.mentions.extend(extract_institutions(text, ref))


def _deadlines(text: str, ref: Optional[RefDate], found: Found) -> None:
    from .deadlines import extract_deadlines

    found.deadlines.extend(extract_deadlines(text, found.mentions, ref))


def _procedures(text: str, ref: Optional[RefDate], found: Found) -> None:
    from .procedures import extract_procedures

    found.procedures.extend(extract_procedures(text, found.mentions, found.deadlines))


STEPS: dict[str, Callable[[str, Optional[RefDate], Found], None]] = {
    "hnx_dates": _dates,
    "hnx_money": _money,
    "hnx_institutions": _institutions,
    "hnx_deadlines": _deadlines,
    "hnx_procedures": _procedures,
}


def check_components(names: Iterable[str]) -> tuple[str, ...]:
    """`names` as a tuple; ValueError for a name that is not a step."""
    names = tuple(names)
    unknown = [n for n in names if n not in STEPS]
    if unknown:
        raise ValueError(f"unknown hnx components {unknown}: choose from {list(STEPS)}")
    return names


def run_step(name: str, text: str, ref: Optional[RefDate], found: Found) -> Found:
    """Run one step on `text`, adding to `found` (which it returns)."""
    STEPS[name](text, ref, found)
    return found


def extract_all(text: str, ref: Optional[RefDate] = None,
                components: Iterable[str] = DEFAULT_PIPELINE) -> Found:
    """Every record in `text` (one article), the steps run in the order given."""
    found = Found()
    for name in check_components(components):
        run_step(name, text, ref, found)
    return found
