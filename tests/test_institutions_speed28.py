"""Round 28 (speed): the institutions' shortcuts give what the code they replaced gave
(docs/performance.md, "Twenty-eighth round: institutions")."""
from __future__ import annotations

import random
import re

import pytest

from extract.institutions import gazetteer, lexicon, listed, sectors, titled, wordlists
from extract.institutions.candidates import _rounded


def _texts(pieces: list[str], n: int, seed: int, most: int = 60) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def _old_list_runs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in listed._LIST_TAIL.finditer(text):
        i = m.start()
        while i and ("\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in listed._RUN_OTHER):
            i -= 1
        out.append((i, m.end()))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_list_runs_walk(seed):
    """The reversed-window walk back finds the run's start the character loop found, runs
    longer than the window included."""
    pieces = ["中", "国", "A", "b", "&", "-", "、", "，", "。", "\n", "1", " ", "药业", "中国医药集团" * 4]
    for t in _texts(pieces, 3000, seed):
        assert listed._list_runs(t) == _old_list_runs(t)
    long = "甲" * (3 * listed.RUN_WINDOW + 5) + "、乙、丙"
    assert listed._list_runs(long) == _old_list_runs(long) == [(0, len(long))]
    assert listed._list_runs("。" + long) == [(1, len(long) + 1)]


def _line_old(text: str, pos: int) -> tuple[int, int]:
    return text.rfind("\n", 0, pos), text.find("\n", pos)


@pytest.mark.parametrize("seed", range(3))
def test_region_context_line(seed):
    """_line gives rfind/find's line bounds, within the window and past it (a long line)."""
    rng = random.Random(seed)
    for _ in range(300):
        parts = [rng.choice(["", "\n", "甲" * rng.randint(1, 30), "乙" * rng.randint(900, 2600)]) for _ in range(rng.randint(0, 8))]
        text = "".join(parts)
        ctx = gazetteer.RegionContext([], frozenset({0}), text)
        for pos in sorted(rng.randint(0, len(text)) for _ in range(6)):
            assert ctx._line(pos) == _line_old(text, pos)


def test_rounded_is_round():
    for x in (0.5, 0.6, 0.75, 0.8, 0.85, 0.95, 0.12345, 0.9996, 1.0, 1, 0, 0.0, -0.0, 0.0004, 2):
        for _ in range(2):  # the second time from the table
            got = _rounded(x)
            assert got == round(x, 3) and type(got) is type(round(x, 3))
            assert str(got) == str(round(x, 3))  # -0.0 stays -0.0, an int an int


@pytest.mark.parametrize("seed", range(2))
def test_first_matches_is_finditer(seed):
    """first_matches (keyed tuples sorted) gives the alternation's finditer spans."""
    order = sectors._sectors()[0]
    words = sorted(order, key=order.get)
    rx = re.compile("|".join(map(re.escape, words)))
    for t in _texts(words[:40] + ["，", "市", "上海", "\n", "医保"], 800, seed, 30):
        assert wordlists.first_matches(t, "sector_words", order) == [m.span() for m in rx.finditer(t)]


def test_after_firsts():
    """Every place sectors' _AFTER matches at starts with a character of _AFTER_FIRSTS (or is the end)."""
    pieces = list(sectors._AFTER_ENDS) + list(sectors._AFTER_VERBS) + [" ", "\t", "\u3000", "\n", "甲", "A", "为", "提"]
    for t in _texts(pieces, 2000, 7, 8):
        for e in range(len(t) + 1):
            if sectors._AFTER.match(t, e):
                assert t[e:e + 1] in sectors._AFTER_FIRSTS


def test_titled_possessive():
    """The possessive name run gives the greedy one's matches."""
    data = lexicon._yaml("titled.yaml")
    blank = titled._BLANK
    greedy = re.compile(r"\n[" + blank + r"]*[\u4e00-\u9fff·•]{2,%d}[" % data["max_person"] + blank + "]+(?=[\u4e00-\u9fff])")
    after_break = titled._table()[3][1]
    assert after_break.pattern != greedy.pattern
    for t in _texts(["\n", " ", "\u3000", "张", "厚", "粲", "·", "•", "国务院参事", "、", "A"], 3000, 3, 40):
        assert [m.span() for m in after_break.finditer(t)] == [m.span() for m in greedy.finditer(t)]
