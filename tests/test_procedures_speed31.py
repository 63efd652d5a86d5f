"""Thirty-first performance round of the procedures stage: the article's sentences found where
the passes ask for them (clauses.Sentences) are those of the whole list, and action_start's one
pattern answers as its tests taken one by one did (random strings over the characters that
matter, and the throughput benchmark's texts)."""
from __future__ import annotations

import random
import re

from conftest import random_texts, throughput_texts
from extract.procedures import prose
from extract.procedures.channels import channel_spans, find_channels
from extract.procedures.clauses import SENTENCE_END, Sentences, WordHits, sentences, spans
from extract.procedures.lexicon import _alt, lexicon

ALPHABET = list("（）()“”「」【】《》\"' \t\u3000，,。；;：:、\u200b\n\n！？!?") + ["申请", "先", "文字", "ab", "12"]


def _random_texts(n: int, seed: int, longest: int = 40) -> list[str]:
    return random_texts(ALPHABET, n, seed, longest)


def _throughput_texts() -> list[str]:
    return throughput_texts()


def _walk(sents: Sentences, lo: int) -> list[tuple[int, int]]:
    out, t = [], sents.next(lo)
    while t is not None:
        out.append(t)
        t = sents.next(t[1])
    return out


def _check(text: str, lo: int, hi: int, rng: random.Random) -> None:
    whole = spans(text, lo, hi, SENTENCE_END)
    if (lo, hi) == (0, len(text)):
        assert sentences(text) == whole
    assert _walk(Sentences(text, lo, hi), lo) == whole
    assert list(Sentences(text, lo, hi).after(lo)) == whole
    assert Sentences(text, lo, hi).all() == whole
    places = range(lo, hi)
    for reach in (0, 1, 3):
        hits = sorted(rng.sample(places, min(len(places), rng.randint(0, 8))))
        want = [x for x in whole if any(x[0] - reach <= h < x[1] for h in hits)]
        assert Sentences(text, lo, hi).holding(hits, reach) == want
    ranges = sorted((a, min(hi, a + rng.randint(1, 12))) for a in rng.sample(places, min(len(places), rng.randint(0, 8))))
    assert Sentences(text, lo, hi).overlapping(ranges) == [x for x in whole if any(a < x[1] and x[0] < b for a, b in ranges)]


def test_sentences_found_where_asked_are_the_list_s():
    rng = random.Random(31)
    for text in _random_texts(30000, 31):
        _check(text, 0, len(text), rng)
        if text:
            lo = rng.randrange(len(text))
            _check(text, lo, rng.randint(lo, len(text)), rng)


def test_sentences_of_the_throughput_texts():
    rng = random.Random(311)
    for text in _throughput_texts():
        _check(text, 0, len(text), rng)
        whole = sentences(text)
        for rx in (re.compile("申请"), re.compile("先"), re.compile("办理")):
            hits = WordHits(text, (rx,))
            want = whole if hits.starts is None else [
                (a, b) for a, b in whole if any(a - hits.reach <= h < b for h in hits.starts)]
            assert hits.sentences(Sentences(text)) == want
        # the channel sentences: every sentence in which find_channels finds a channel is one
        # that a channel hit overlaps
        kept = set(Sentences(text).overlapping(channel_spans(text)))
        assert {(a, b) for a, b in whole if find_channels(text, a, b)} <= kept


def _action_start_by_steps(text: str, s: int, e: int) -> bool:
    """action_start as it was written before (each test a match of its own)."""
    d = lexicon().data
    verbs = _alt(d["action_verbs"] + d["service_verbs"])
    connector = re.compile(f"(?:{_alt(d['step_connectors'])})+")
    modal = re.compile(f"(?:{d['modal_pattern']})")
    subject_modal = re.compile(f"[^，,。；;：:]{{1,16}}?(?:{d['modal_pattern']})")
    verb = re.compile(f"(?:{verbs})(?![人者])")
    lead = re.compile(f"(?:{_alt(d['step_leads'])})")

    def skip(i: int) -> int:
        while i < e and text[i] in prose._OPENERS:
            i += 1
        return i

    i = skip(s)
    m = connector.match(text, i, e)
    if m:
        i = skip(m.end())
    if verb.match(text, i, e):
        return True
    m = modal.match(text, i, e) or subject_modal.match(text, i, e)
    if m:
        i = m.end()
        m = connector.match(text, i, e)
        if m:
            i = m.end()
    i = skip(i)
    if verb.match(text, i, e):
        return True
    m = lead.match(text, i, e)
    if m:
        return bool(verb.search(text, m.end(), min(e, m.end() + 25)))
    return False


def test_action_start_s_one_pattern_answers_as_its_steps():
    rng = random.Random(312)
    words = list("“【（(\"'「《") + ["接着", "然后", "可", "请", "需要", "应当", "申请人", "可以", "点击", "登录", "填写",
                                   "办理", "在", "通过", "人", "者", "，", "。", "再", "并", "首先", "直接", "的", "了"]
    for _ in range(100000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        s = rng.randrange(len(text))
        e = rng.randint(s, len(text))
        assert prose.action_start(text, s, e) == _action_start_by_steps(text, s, e), (text, s, e)
    for text in _throughput_texts()[:30]:
        for _ in range(300):
            s = rng.randrange(len(text))
            e = min(len(text), s + rng.randint(1, 60))
            assert prose.action_start(text, s, e) == _action_start_by_steps(text, s, e)
