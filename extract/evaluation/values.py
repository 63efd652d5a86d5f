"""Value accuracy: which fields of a matched mention are compared, and how."""
from __future__ import annotations

import math
from typing import Any

from .text import fold

# the fields whose agreement makes a mention's value right, per type
VALUE_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("value", "mod"),
    "money": ("value", "min", "max", "per", "currency"),
    "percent": ("value", "min", "max", "unit"),
    "institution": ("name", "kind"),
}
_EMPTY_UNIT = {None, "", "%"}


def _number(x: Any):
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x.strip())
        except ValueError:
            return None
    return None


def same(field: str, gold: Any, pred: Any) -> bool:
    """Whether a gold and a predicted field value agree."""
    if field == "per":
        return [fold(p) for p in gold or []] == [fold(p) for p in pred or []]
    if field == "unit" and gold in _EMPTY_UNIT and pred in _EMPTY_UNIT:
        return True
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = _number(gold), _number(pred)
    if g is not None and p is not None:
        return math.isclose(g, p, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(gold, str) and isinstance(pred, str):
        return fold(gold) == fold(pred)
    return False


def compare(typ: str, gold: Any, pred: Any) -> dict[str, bool]:
    """{field: agrees} for the value fields of `typ` (objects with attributes)."""
    return {f: same(f, getattr(gold, f, None), getattr(pred, f, None)) for f in VALUE_FIELDS.get(typ, ())}


def describe(typ: str, gold: Any, pred: Any, verdict: dict[str, bool]) -> str:
    """'value: gold 2024 / pred 2023; mod: gold END / pred None' for the wrong fields."""
    return "; ".join(
        f"{f}: gold {getattr(gold, f, None)!r} / pred {getattr(pred, f, None)!r}"
        for f, ok in verdict.items() if not ok
    )
