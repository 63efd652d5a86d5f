"""Round 29 (speed): the institutions' shortcuts give what the code they replaced gave
(docs/performance.md, "Twenty-ninth round: institutions")."""
from __future__ import annotations

import random
import re
from collections import defaultdict

import pytest

from extract.institutions import joined, patterns, repeated, wordlists
from extract.institutions.cued import _region_before


def _texts(pieces: list[str], n: int, seed: int, most: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


# the break pattern before round 29: every break between ideographs, short lines too
_OLD_AFTER_BREAK = re.compile("\n(?:(?<=[\u4e00-\u9fff]\n)|(?<=[ \t]\n))[ \t]*(?=[\u4e00-\u9fff])")


def _old_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _OLD_AFTER_BREAK.finditer(text):
        a = m.start()
        while a and text[a - 1] in " \t":
            a -= 1
        if a and "\u4e00" <= text[a - 1] <= "\u9fff" and joined._wrapped(text, a):
            out.append((a, m.end()))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_short_lines_left_to_the_pattern(seed):
    """The look-behind drops only breaks _wrapped rejects: the same wraps joined."""
    pieces = ["\n", " ", "\t", "中", "国", "公司", "。", "a", "有限公司", "韩国", "来源：", "会长", "#", "医院"]
    for t in _texts(pieces, 4000, seed):
        spans = [(a, b) for a, b in joined._breaks(t) if joined._wrapped(t, a)]
        assert spans == _old_spans(t)
    line = "河南省人力资源和社会保" + "\n" + "障厅"  # a wrapped line (11 characters): joined
    assert joined.Joined(line).text == "河南省人力资源和社会保障厅"
    short = "基层卫生处、医政处" + "\n" + "紧密型医疗集团"  # 9 characters: a list item's line, kept
    assert joined.Joined(short).text == short


def _old_repeated(text: str):
    rx, flags, need = repeated._table()
    stop = patterns._tables()[1]
    seen = defaultdict(list)
    for m in wordlists.matches_at(rx, text, wordlists.starts(text, "repeated_trades"), repeated.BRAND):
        s = m.start() - repeated.BRAND
        brand = text[s:m.start()]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in brand) or any(ch in stop for ch in brand):
            continue
        r = _region_before(text, s)
        if s - r and not repeated._boundary(text[s - r - 1], stop):
            continue
        seen[brand + m.group()].append((s - r, m.end()))
    out = []
    for name, spans in seen.items():
        if len(spans) >= need and repeated._brand(name[:repeated.BRAND], flags):
            out += [(s, e, text[s:e]) for s, e in spans]
    return out


@pytest.mark.parametrize("seed", range(2))
def test_repeated_counts_before_tests(seed):
    """Counting a name's occurrences before the region and boundary tests keeps the same
    candidates, in the same order."""
    pieces = ["施强", "医疗", "科技", "投资", "器械", "，", "苏州", "基层", "。", "a", "药业", "的", "\n", "康美", "和"]
    hits = 0
    for t in _texts(pieces, 3000, seed, 30):
        got = [(c.start, c.end, c.name) for c in repeated.repeated_candidates(t)]
        assert got == _old_repeated(t)
        hits += bool(got)
    assert hits  # positives were tried too
    text = "苏州施强医疗成立于2001年。施强医疗的产品……基层医疗，施强医疗"
    assert [c.name for c in repeated.repeated_candidates(text)] == ["苏州施强医疗", "施强医疗", "施强医疗"]
    assert repeated.repeated_candidates("施强医疗成立于2001年。") == []  # once: no evidence
