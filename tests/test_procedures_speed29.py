"""Twenty-ninth performance round of the procedures stage: the menu paths' quoted chains and
bare separators found over a whole text from their first characters' places (leading.py),
and a range's inner separator told by str.find, give what the scans give (random strings
over the characters that matter, and the throughput benchmark's texts)."""
from __future__ import annotations


from extract import literals
from conftest import random_texts, throughput_texts
from extract.procedures import leading, paths
from extract.procedures.lexicon import lexicon

ALPHABET = ["“", "”", "【", "】", "「", "」", '"', ">", "＞", "》", "《", "›", "»", "—", "－", "-", "→", "⇒", "->",
            "—>", "——", " ", "\t", "\n", "。", "，", "；", "、", "办事", "社保", "我的", "a", "1", "·", "依次点击"]


def _random_texts(n: int, seed: int, longest: int = 60) -> list[str]:
    return random_texts(ALPHABET, n, seed, longest)


def _throughput_texts() -> list[str]:
    return throughput_texts()


def _spans(ms) -> list[tuple]:
    return [(m.span(), m.groups()) for m in ms]


def test_leading_chars_are_told_for_the_paths_patterns():
    chain, _, _, inner_sep, _, _, bare_sep, _, _, _ = paths._patterns()
    assert set(leading.leading_chars(chain)) == set("“【「\"")
    assert set(leading.leading_chars(bare_sep)) == set("＞>》›»—－")
    assert leading.leading_chars(inner_sep) is None  # (it may open with blanks: any character)


def test_leading_finditer_and_search_are_the_scan_s():
    chain, listed, _, _, _, _, bare_sep, _, _, _ = paths._patterns()
    rxs = [chain, bare_sep, listed, lexicon().arrow_re]
    for text in _random_texts(20000, 29):
        for rx in rxs:
            lo = len(text) // 3
            assert _spans(leading.finditer(rx, text)) == _spans(rx.finditer(text))
            assert _spans(leading.finditer(rx, text, lo, len(text) - 1)) == _spans(rx.finditer(text, lo, len(text) - 1))
            got, want = leading.search(rx, text, lo), rx.search(text, lo)
            assert (got and got.span()) == (want and want.span())


def test_inner_separator_of_a_range_is_the_pattern_s():
    inner_sep = paths._patterns()[3]
    assert paths._words_match_alone()
    for text in _random_texts(20000, 291):
        for lo, hi in ((0, len(text) - 1), (len(text) // 2, len(text)), (1, len(text) // 2)):
            if lo <= hi:
                assert paths._has_inner_separator(text, lo, hi) == (inner_sep.search(text, lo, hi) is not None)


def test_throughput_texts_give_the_scans_results():
    chain, _, _, _, _, _, bare_sep, _, _, _ = paths._patterns()
    for text in _throughput_texts():
        assert _spans(leading.finditer(chain, text)) == _spans(chain.finditer(text))
        assert _spans(leading.finditer(bare_sep, text)) == _spans(bare_sep.finditer(text))
        assert literals.holds_word(text, paths.inner_separator_words()) == (paths._patterns()[3].search(text) is not None)
