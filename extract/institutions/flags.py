"""Flags over the positions of a text, as a bytearray (1: set): the patterns layer marks
where an anchor may end and where one does, then reads them with bytearray.find (in C)
instead of a look-up per position."""
from __future__ import annotations


def reach_of(size: int, starts: list[int], span: int) -> bytearray:
    """1 at (s - span, s] (clipped at 0) for each of `starts`, else 0, over size + 1 places:
    the runs the ranges make are set, one slice each (not a slice per start)."""
    reach = bytearray(size + 1)
    lo = hi = 0
    for s in sorted(starts):
        a = s - span if s > span else 0
        if a > hi:
            reach[lo + 1:hi + 1] = b"\1" * (hi - lo)
            lo = a
        hi = s
    reach[lo + 1:hi + 1] = b"\1" * (hi - lo)
    return reach


def marked(flags: bytearray, lo: int, hi: int) -> list[int]:
    """The positions in [lo, hi) where `flags` holds 1, ascending (a find per one, not a look-up
    per position)."""
    out = []
    k = flags.find(1, lo, hi)
    while k >= 0:
        out.append(k)
        k = flags.find(1, k + 1, hi)
    return out
