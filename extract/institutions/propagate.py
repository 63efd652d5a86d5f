"""Document-level propagation: a name the layers found once in a document names the same
body at every later occurrence of the same surface there, where no other mention covers it
(强生 found in a list, then 强生是全世界最大…; a quoted 月子中心 named again unquoted; the part
after the dot of a dot-joined name, 医疗健康大数据研究中心).

The layers miss such repeats where the context a rule needs is absent the second time (no
list around a brand, no anchor before an open-world name, a name after a clause). A repeat
is a mention only where the first one's checks hold there too: a short or Latin surface
must start and end where the segmenter puts a word boundary (boundaries.py), a company's short form not a product's brand
(aliases.brand_use), and the surface neither the tail of a longer name of letters or
ideographs joined to it nor the head of one (the next characters an institution suffix).
Linear: one leftmost-longest Aho-Corasick automaton over the found surfaces per document."""
from __future__ import annotations

from ..prebuilt import cached
from . import lexicon
from .aliases import brand_use, not_company_after
from .boundaries import cut_at
from .candidates import Candidate

RULE = "references.propagated"
# the gazetteer looks every surface up wherever it stands: an occurrence it left out was left
# out on purpose (卫生部门, 欧盟市场, 各国卫生部), not for want of context
NOT_FROM = ("gazetteer.", RULE)
MIN_LEN = 2
# a body joined to its parent by a middle dot (清华大学数据科学研究院·医疗健康大数据研究中心) named
# later by its own part alone is that body
DOT, MIN_TAIL = "·", 4


def propagated(text: str, found: list[Candidate]) -> list[Candidate]:
    """Mentions of the surfaces of `found` at their later, uncovered occurrences."""
    first: dict[str, Candidate] = {}
    generic = _generic()
    for c in found:
        surface = text[c.start:c.end]
        if len(surface) >= MIN_LEN and not c.rule.startswith(NOT_FROM) and surface not in generic:
            first.setdefault(surface, c)
            if DOT in surface and len(tail := surface.rsplit(DOT, 1)[1]) >= MIN_TAIL:
                first.setdefault(tail, c)  # 医疗健康大数据研究中心 alone: the dot-joined body (round 9)
    if not first:
        return []
    surfaces = list(first)
    covered = bytearray(len(text) + 1)
    for c in found:
        covered[c.start:c.end] = b"\1" * (c.end - c.start)
    out: list[Candidate] = []
    for k, s, e in _leftmost_longest(text, surfaces):
        c = first[surfaces[k]]
        if s <= c.start or covered.find(1, s, e) >= 0:
            continue
        if not _stands_alone(text, s, e, c):
            continue
        out.append(c._replace(start=s, end=e, rule=RULE, confidence=min(c.confidence, 0.6)))
    return out


# up to this many surfaces, one str.find pass per surface (C's fast search) costs less than
# building an automaton (~20-100 us a document, most of them holding 1-3 surfaces)
MAX_FIND = 8


def _leftmost_longest(text: str, surfaces: list[str]) -> list[tuple[int, int, int]]:
    """(index of the surface, start, end) of the non-overlapping leftmost-longest matches of
    `surfaces` in `text`, in order (Aho-Corasick's MatchKind.LeftmostLongest): for a few
    surfaces every occurrence of each by str.find, then from the left the longest starting
    at or after the previous match's end; else one automaton pass (linear in the text)."""
    if len(surfaces) > MAX_FIND:
        import ahocorasick_rs

        # the noncontiguous NFA is the cheapest to build (the default picks a DFA for few
        # surfaces: ~2.5x the cost; the matches are the same)
        ac = ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                        implementation=ahocorasick_rs.Implementation.NoncontiguousNFA)
        return ac.find_matches_as_indexes(text, overlapping=False)
    occurrences = []
    find = text.find
    for k, w in enumerate(surfaces):
        n = len(w)
        s = find(w)
        while s >= 0:
            occurrences.append((s, -n, k))
            s = find(w, s + 1)
    occurrences.sort()
    out, end = [], 0
    for s, n, k in occurrences:
        if s >= end:
            end = s - n
            out.append((k, s, end))
    return out


@cached("institutions.propagate.generic")
def _generic() -> frozenset:
    """Short names designated as a bare generic word ((以下简称“中心”)): never propagated."""
    return frozenset(lexicon.patterns().get("designated_generic", ()))


def _stands_alone(text: str, s: int, e: int, c: Candidate) -> bool:
    if not (cut_at(text, s) and cut_at(text, e)):
        return False  # 集中办理 holds 中办; 天成医疗网 is a site
    if c.kind in ("company", "insurer") and (brand_use(text, s, e) or not_company_after(text, e)):
        return False  # 罗氏血糖仪: a product; 绿源地区, 康维人: a place, its people
    if s and text[s - 1].isascii() and text[s - 1].isalnum() and text[s].isascii():
        return False
    return True
