"""Mentions and structure spans as `Layer`s, and the words shown about them
(hover text, side-table cells)."""
from __future__ import annotations

from typing import Any, Optional

from .escape import esc
from .labels import TYPES, fields, kind_label, kind_sign, type_label
from .layers import Layer, clip

RANK_PROCEDURE, RANK_DEADLINE, RANK_PART, RANK_MENTION = 0, 1, 2, 3


def safe_type(typ: Any) -> str:
    return typ if typ in TYPES else "other"


def fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (list, tuple)):
        return "/".join(fmt(x) for x in v)
    return str(v)


def describe(m: Any) -> str:
    """The normalized value of a mention as `field=value` pairs."""
    typ = getattr(m, "type", None)
    parts = []
    for f in fields(typ):
        v = getattr(m, f, None)
        if v is not None and v != []:
            parts.append(fmt(v) if f in ("value", "name") and not parts else f"{f}={fmt(v)}")
    return " · ".join(parts)


def hover(m: Any, kind: Optional[str] = None, note: str = "") -> str:
    rule = getattr(m, "rule", None)
    bits = [type_label(getattr(m, "type", "")), f"「{getattr(m, 'text', '')}」"]
    d = describe(m)
    if d:
        bits.append("→ " + d)
    if rule:
        bits.append(f"rule {rule}")
    if kind and kind != "ok":
        bits.append(kind_label(kind))
    if note:
        bits.append(note)
    return "  ".join(bits)


def mention_layer(key: str, i: int, m: Any, n: int, kind: Optional[str] = None, pair: Optional[int] = None,
                  note: str = "", span: Optional[tuple[int, int]] = None) -> Layer:
    """A mark for mention `i` of a text of length `n`; `key` names the
    attribute that carries its index (m: predicted, g: gold); `span` where
    the mention has no offsets of its own (a gold mention placed in the text)."""
    typ = safe_type(getattr(m, "type", None))
    start, end = span or (getattr(m, "start", 0), getattr(m, "end", 0))
    start, end = clip(start, end, n)
    cls = f"t-{typ}" + (f" k-{kind}" if kind else "")
    extra = f' data-type="{typ}"' + (f' data-kind="{kind}"' if kind else "") + (
        f' data-pair="{pair}"' if pair is not None else "")
    sign = kind_sign(kind) if kind else ""
    if sign:
        extra += f' data-sign="{esc(sign)}"'
    attrs = (f' class="m {cls}" data-{key}="{i}"{extra} tabindex="-1"'
             f' title="{esc(hover(m, kind, note))}"')
    return Layer(start, end, RANK_MENTION, "mark", attrs, f' class="mc {cls}" data-{key}="{i}"{extra}')


def target_layer(tid: str, start: Optional[int], end: Optional[int], n: int, rank: int, cls: str = "") -> Optional[Layer]:
    """A span a card scrolls to (deadline, procedure, step, condition, channel)."""
    if start is None or end is None:
        return None
    s, e = clip(start, end, n)
    attrs = f' class="tg{(" " + cls) if cls else ""}" data-t="{tid}"'
    return Layer(s, e, rank, "span", attrs, attrs)


def structure_layers(doc: Any, n: int) -> list[Layer]:
    """Scroll targets of a document's deadlines and procedures (with their
    steps, conditions and channels)."""
    out: list[Optional[Layer]] = []
    for i, d in enumerate(doc.deadlines):
        out.append(target_layer(f"d{i}", d.start, d.end, n, RANK_DEADLINE, "dl"))
    for i, p in enumerate(doc.procedures):
        out.append(target_layer(f"p{i}", p.start, p.end, n, RANK_PROCEDURE, "proc"))
        for j, s in enumerate(p.steps):
            out.append(target_layer(f"p{i}s{j}", s.start, s.end, n, RANK_PART, "step"))
        for j, c in enumerate(p.conditions):
            out.append(target_layer(f"p{i}c{j}", c.start, c.end, n, RANK_PART, "cond"))
        for j, c in enumerate(p.channels):
            out.append(target_layer(f"p{i}h{j}", c.start, c.end, n, RANK_PART, "chan"))
    return [l for l in out if l is not None]


def goto(tid: str, label: str, cls: str = "") -> str:
    """A button that scrolls to target `tid` (m12: mention, g3: gold mention,
    d0: deadline, p1s2: step...) inside its section."""
    return f'<button type="button" class="goto{(" " + cls) if cls else ""}" data-goto="{tid}">{label}</button>'
