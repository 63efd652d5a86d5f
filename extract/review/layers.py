"""Overlapping spans over a text -> well-formed nested HTML.

Each `Layer` is a span of the text to wrap in an element. Spans that nest
become nested elements; a span that crosses another is closed and reopened as
a continuation fragment (same attributes but `cont_attrs`), so the markup stays
well-formed and every span keeps exactly one first fragment. Work is linear in
the number of boundaries times the nesting depth (small: a few layers)."""
from __future__ import annotations

from dataclasses import dataclass

from .escape import esc


@dataclass(frozen=True)
class Layer:
    start: int
    end: int
    rank: int                 # nesting preference: smaller opens outside larger
    tag: str                  # element name ("mark", "span")
    attrs: str                # attribute string of the first fragment (already escaped)
    cont_attrs: str = ""      # attribute string of continuation fragments


def clip(start: int, end: int, n: int) -> tuple[int, int]:
    """(start, end) forced inside [0, n] with start <= end."""
    s = max(0, min(int(start), n))
    return s, max(s, min(int(end), n))


def render(text: str, lo: int, hi: int, layers: list[Layer]) -> str:
    """Escaped text[lo:hi] with the layers that touch it as elements."""
    items = [l for l in layers if (l.start < hi and l.end > lo) or (l.start == l.end and lo <= l.start < hi)]
    items.sort(key=lambda l: (max(l.start, lo), l.rank, -l.end))
    bounds = sorted({lo, hi, *(max(l.start, lo) for l in items), *(min(l.end, hi) for l in items)})
    out: list[str] = []
    stack: list[Layer] = []
    k = 0   # next item to open
    pos = lo
    for b in bounds:
        if b > pos:
            out.append(esc(text[pos:b]))
            pos = b
        reopen: list[Layer] = []
        deepest = next((i for i, l in enumerate(stack) if min(l.end, hi) <= b), None)
        if deepest is not None:
            while len(stack) > deepest:
                top = stack.pop()
                out.append(f"</{top.tag}>")
                if min(top.end, hi) > b:
                    reopen.append(top)
        new: list[Layer] = []
        while k < len(items) and max(items[k].start, lo) == b:
            new.append(items[k])
            k += 1
        fresh = {id(l) for l in new}
        for l in sorted(reopen + new, key=lambda l: (l.rank, -l.end)):
            first = id(l) in fresh and l.start >= lo
            attrs = l.attrs if first else (l.cont_attrs or l.attrs)
            out.append(f"<{l.tag}{attrs}>")
            if l.end <= b:              # empty span: a point
                out.append(f"</{l.tag}>")
            else:
                stack.append(l)
    for top in reversed(stack):
        out.append(f"</{top.tag}>")
    return "".join(out)
