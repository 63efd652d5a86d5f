"""Thirty-third performance round of the procedures stage: the benefit-intro search started at
the first word every match ends with, and the eligibility patterns led by a few characters
scanned whole; each answers as the former search or scan does, on random strings over the
characters that matter and on the throughput benchmark's texts."""
from __future__ import annotations

import random
import re

import pytest

from conftest import random_texts, throughput_texts
from extract.procedures import condition_scans
from extract.procedures.condition_scans import _CHAR_LED, _rx, _scan, _search_from_word, _tail
from extract.procedures.words import article

PIECES = list("，,。；：:\n的人员") + [
    "可", "可以", "均可", "按规定", "申请", "享受", "申领", "以下", "下列", "补贴", "老年人", "职工", "若", "如果",
    "只要", "就", "即可", "进行", "办理", "仅", "仅限", "本人", "使用", "凡", "是", "均", "都", "能", "哪些人", "？",
    "居民", "公民", "享受以下", "申请下列"]


def _random_texts(n: int, seed: int, longest: int = 40) -> list[str]:
    return random_texts(PIECES, n, seed, longest)


def _throughput_texts() -> list[str]:
    return throughput_texts()


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span()
                                         and a.groups() == b.groups())


def test_search_from_word_equals_the_search():
    g = _rx()["benefit_intro"]
    rng = random.Random(33)
    found = 0
    texts = _random_texts(20000, 33)
    for text in texts:
        for _ in range(3):
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text))
            want = g.search(text, lo, hi)
            found += want is not None
            assert _same(_search_from_word(g, text, lo, hi), want), (text, lo, hi)
    assert found > 100  # (the strings reach matches)
    for text in _throughput_texts():
        for m in re.finditer(r"[^\n]+", text):
            assert _same(_search_from_word(g, text, *m.span()), g.search(text, *m.span()))


def test_tail_words_end_every_match():
    scanner, shortest, width = _tail(_rx()["benefit_intro"].pattern)
    assert scanner.pattern.count("|") == 5 and shortest == 4 and width == 49
    for text in _random_texts(5000, 34):
        for m in _rx()["benefit_intro"].rx.finditer(text):
            assert scanner.fullmatch(text, m.end() - 4, m.end())
    s, _, _ = _tail("x[ab]{2}(?:c|de)f")
    assert sorted(s.pattern.split("|")) == ["cf", "def"]


@pytest.mark.parametrize("pattern", [r"(?<=a)b", r"^ab", r"a\bc", r"(?:x|(?<!y)z)", r"a*b", r"(?:a|b)[cd]"])
def test_tail_refuses_what_the_bound_does_not_hold_for(pattern):
    with pytest.raises(ValueError):
        _tail(pattern)


def test_char_led_scans_equal_the_whole_scan():
    rx = _rx()
    for key in _CHAR_LED:
        assert condition_scans._char_led(key)
    assert not condition_scans._char_led("statement") and not condition_scans._char_led("heading")
    for text in _random_texts(3000, 35) + _throughput_texts():
        article(text)
        for key in _CHAR_LED + ("statement", "heading"):
            got = [m.span() for m in _scan(text, key)]
            assert got == [m.span() for m in rx[key].finditer(text)], (key, text[:80])
