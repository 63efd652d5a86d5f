"""Gold texts -> spans of a document's text. The gold has no offsets: each gold
text is searched, folded (whitespace removed, NFKC), among all its occurrences,
and the placement keeps as many gold items as possible in document order (a
longest chain of non-overlapping occurrences, so one stray or extra gold
item cannot push the others off). An item left out of that order takes its
first occurrence that overlaps no placed item; one that does not occur, or
occurs only inside placed items, stays unplaced (None)."""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional, Sequence

from .text import Folded

Span = tuple[int, int]


def occurrences(folded: Folded, text: str) -> list[Span]:
    """Folded (start, end) of every occurrence of `text`."""
    out: list[Span] = []
    hit = folded.find(text, 0)
    while hit is not None:
        out.append(hit)
        hit = folded.find(text, hit[0] + 1)
    return out


def _in_order(cands: list[list[Span]]) -> dict[int, Span]:
    """Item -> occurrence for a longest chain of items whose occurrences follow
    each other without overlapping (patience method: tails[k] is the smallest
    end of a chain of k+1 items)."""
    tails: list[int] = []
    tail_node: list[int] = []
    nodes: list[tuple[int, Span, int]] = []  # (item, occurrence, parent node or -1)
    for item, occ in enumerate(cands):
        for span in sorted(occ, reverse=True):  # descending: an item never chains onto itself
            k = bisect_right(tails, span[0])
            nodes.append((item, span, tail_node[k - 1] if k else -1))
            if k == len(tails):
                tails.append(span[1])
                tail_node.append(len(nodes) - 1)
            elif span[1] < tails[k]:
                tails[k] = span[1]
                tail_node[k] = len(nodes) - 1
    chosen: dict[int, Span] = {}
    node = tail_node[-1] if tail_node else -1
    while node >= 0:
        item, span, node = nodes[node]
        chosen[item] = span
    return chosen


def place_in_order(folded: Folded, texts: Sequence[str]) -> list[Optional[Span]]:
    """Original-text spans for `texts`, listed in document order."""
    cands = [occurrences(folded, t) for t in texts]
    chosen = _in_order(cands)
    placed = list(chosen.values())
    for item, occ in enumerate(cands):
        if item not in chosen:
            free = next((s for s in occ if all(s[1] <= p[0] or s[0] >= p[1] for p in placed)), None)
            if free is not None:
                chosen[item] = free
                placed.append(free)
    return [folded.span(*chosen[i]) if i in chosen else None for i in range(len(texts))]


def locate(folded: Folded, text: Optional[str], near: int = 0) -> Optional[Span]:
    """Original span of the first occurrence of `text` at or after original
    position `near` (else anywhere), or None."""
    if not text:
        return None
    hit = folded.find(text, folded.folded_pos(near)) or folded.find(text, 0)
    return folded.span(*hit) if hit else None


def overlap(a: Optional[Span], b: Optional[Span]) -> int:
    """Number of characters two spans share (0 when either is None)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
