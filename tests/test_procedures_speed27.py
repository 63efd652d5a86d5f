"""Twenty-seventh performance round of the procedures stage: the article's sentences and the
list markers' anchors found from sentence_lines (the sentence ends written as line breaks),
and the patterns led by their words matched only at the words' occurrences, give what the
plain scans give (random strings over the characters that matter, and the development bulk
files)."""
from __future__ import annotations

import random

from extract.procedures import clauses, condition_scans, lists, words
from extract.procedures.lexicon import lexicon

from conftest import bulk_texts

SENTENCE_ALPHABET = ["。", "！", "？", "!", "?", "；", ";", "\n", "，", ",", "：", ":", "（", "）", "(", ")", "“", "”",
                     "「", "」", "【", "】", " ", "\t", "\u3000", "a", "中", "文", "字"]
ANCHOR_ALPHABET = ["\n", "。", "；", ";", "：", ":", "！", "？", "!", "?", " ", "\t", "\u3000", "（", "(", "1", "2",
                   "3", "12", "一", "二", "十", "方法", "方式", "途径", "渠道", "是", "、", ".", "．", "）", ")", "第",
                   "步", "中文"]


def _random_texts(alphabet: list[str], n: int, seed: int, longest: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def _led_patterns() -> list[tuple]:
    """(pattern, its words) of the stage's patterns scanned through Article.finditer and led by
    their words."""
    found = []
    _, fams = lists._config()
    for fam in fams:
        found += [(rx, first) for rx, where, first in zip(fam.patterns, fam.starts, fam.firsts) if where is None]
    found += [(condition_scans._rx()[k], condition_scans._guards()[k]) for k in ("statement", "only", "all_who", "if")]
    lex = lexicon()
    found += [(getattr(lex, k), w) for k, w in lex.guards.items() if hasattr(lex, k)]
    voc = words.vocabulary()
    return [(rx, w) for rx, w in found if w and words._led_by(rx, w) and voc.ids(w) is not None]


def test_sentences_are_the_trimmed_runs_between_sentence_ends():
    for text in _random_texts(SENTENCE_ALPHABET, 20000, 27):
        assert clauses.sentences(text) == clauses.spans(text, 0, len(text), clauses.SENTENCE_END), text


def test_sentence_lines_keep_length_and_other_characters():
    text = "第一句。第二句！三？4?五；6;七\n八，九：十"
    lines = clauses.sentence_lines(text)
    assert len(lines) == len(text)
    assert lines == "第一句\n第二句\n三\n4\n五\n6\n七\n八，九：十"


def test_anchor_starts_are_the_anchor_pattern_s():
    data, _ = lists._config()
    scan = data["start_res"]["anchor"]
    for text in _random_texts(ANCHOR_ALPHABET, 30000, 2027):
        assert lists._anchor_starts(text, data) == [0] + [m.start() + 1 for m in scan.finditer(text)], text


def test_some_patterns_are_led_by_their_words():
    led = {rx.pattern for rx, _ in _led_patterns()}
    assert any(p.startswith("第(") for p in led)  # the step marker 第…步
    assert any(p.startswith("符合") for p in led)  # eligibility intros
    # a pattern whose matches may open with something else is not
    assert not words._led_by(condition_scans._rx()["if"], ("可以", "可"))


def test_led_matches_are_the_scan_s():
    rng = random.Random(72)
    for rx, ws in _led_patterns():
        pieces = list(ws) + list("第一二步1 2：:，,。\n仅限本人办理申请凡是均可以符合以下条件满足之一①②→>-？") + ["Step", "步骤", "依次点击"]
        for _ in range(1500):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
            art = words.Article(text)
            if not art.holds_any(ws):
                continue
            got = art._led_matches(rx, ws)
            want = list(rx.finditer(text))
            assert [(m.span(), m.groups()) for m in got] == [(m.span(), m.groups()) for m in want], (rx.pattern, text)


def test_bulk_texts_give_the_scans_results():
    data, _ = lists._config()
    scan = data["start_res"]["anchor"]
    led = _led_patterns()
    for text in bulk_texts(40):
        assert clauses.sentences(text) == clauses.spans(text, 0, len(text), clauses.SENTENCE_END)
        assert lists._anchor_starts(text, data) == [0] + [m.start() + 1 for m in scan.finditer(text)]
        art = words.Article(text)
        for rx, ws in led:
            if art.holds_any(ws):
                assert [m.span() for m in art._led_matches(rx, ws)] == [m.span() for m in rx.finditer(text)]
