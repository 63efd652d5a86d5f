"""Changes stated between figures of one quantity:
    报销上限从8000元提至1.6万元   from=8000元, to=1.6万元, direction up
    起付线降低50%                 by=50%, direction down
Indices are into the mention list the caller passes in."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import yaml

from ..schema import Change, Mention
from .rules import alternation as alt

_RULES = yaml.safe_load(Path(__file__).with_name("changes.yaml").read_text(encoding="utf-8"))
TO_VERBS: dict[str, str] = _RULES["to_verbs"]
BY_VERBS: dict[str, str] = _RULES["by_verbs"]
_FILL = alt(_RULES["fillers"])
_GAP_TO = re.compile(rf"(?P<verb>{alt(TO_VERBS)})(?:{_FILL}){{0,2}}")
_BEFORE_TO = re.compile(rf"(?P<verb>{alt(k for k in TO_VERBS if len(k) > 1)})(?:{_FILL})?\Z")
_BEFORE_BY = re.compile(rf"(?P<verb>{alt(BY_VERBS)})(?:{_FILL})?\Z")
_FROM = re.compile(rf"(?:{alt(_RULES['from_markers'])})\Z")
_CLAUSE = re.compile(f"[{re.escape(_RULES['clause_delimiters'])}]")
TRIM = _RULES["quantity_trim"]
NEEDS_FROM = set(_RULES["needs_from"])
WINDOW, MAX_QUANTITY = 8, 12


def _number(m: Mention) -> Optional[float]:
    v = m.value if m.value is not None else m.min
    return float(v) if isinstance(v, (int, float)) else None


def _quantity(text: str, end: int, floor: int) -> Optional[str]:
    """The noun phrase naming the quantity, ending at `end` (上限 in 报销上限从…)."""
    seg = text[max(floor, end - 40):end]
    parts = _CLAUSE.split(seg)
    phrase = parts[-1].rstrip(TRIM)[-MAX_QUANTITY:]
    return phrase or None


def _direction(word: str, old: Optional[Mention], new: Mention) -> Optional[str]:
    if word != "neutral":
        return word
    a, b = (_number(old) if old else None), _number(new)
    if a is None or b is None or a == b:
        return None
    return "up" if b > a else "down"


def _same_kind(a: Mention, b: Mention) -> bool:
    return a.type == b.type and (a.unit == b.unit or a.type == "money")


def extract_changes(text: str, mentions: list[Mention]) -> list[Change]:
    order = sorted((i for i, m in enumerate(mentions) if m.type in ("money", "percent")),
                   key=lambda i: mentions[i].start)
    changes: list[Change] = []
    used: set[int] = set()
    for pos, j in enumerate(order):
        new, prev_end = mentions[j], mentions[order[pos - 1]].end if pos else 0
        if pos and order[pos - 1] not in used and _same_kind(mentions[order[pos - 1]], new):
            i = order[pos - 1]
            old = mentions[i]
            gap = text[old.end:new.start]
            g = _GAP_TO.fullmatch(gap)
            marker = _FROM.search(text, max(0, old.start - 1), old.start)
            if g and (marker or g.group("verb") not in NEEDS_FROM):
                start = marker.start() if marker else old.start
                changes.append(Change(
                    quantity=_quantity(text, start, mentions[order[pos - 2]].end if pos > 1 else 0),
                    from_=i, to=j, direction=_direction(TO_VERBS[g.group("verb")], old, new),
                    start=start, end=new.end))
                used.update((i, j))
                continue
        window = text[max(prev_end, new.start - WINDOW):new.start]
        for pattern, field, table in ((_BEFORE_TO, "to", TO_VERBS), (_BEFORE_BY, "by", BY_VERBS)):
            m = pattern.search(window)
            if not m:
                continue
            start = new.start - len(window) + m.start()
            direction = _direction(table[m.group("verb")], None, new)
            changes.append(Change(quantity=_quantity(text, start, prev_end), direction=direction,
                                  start=start, end=new.end, **{field: j}))
            used.add(j)
            break
    return changes
