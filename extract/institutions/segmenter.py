"""jieba's segmentation of the short strings the institution stage checks (a window around
an ambiguous name, a name's prefix, an institution name), chosen on first use:

- the prebuilt on-disk index (jiebaindex.py, built by `python -m extract.cachebuild`) read by
  a Python implementation of jieba-rs's algorithm (jiebacut.py): a process looks up only the
  substrings of its windows (~1 ms for an article's few dozen windows, ~1 MB);
- else rjieba (jieba-rs, Rust), the same answers: importing it loads jieba's whole dictionary
  (0.17-0.24 s and ~33 MB of a fresh process).

A call through the index costs ~30-50 us against rjieba's ~4 us, so a process that has made
SWITCH_AFTER calls (a batch of ~500 articles; one article makes 5-30) pays rjieba's import
once and goes on with it: a long batch runs at rjieba's speed, a short one never imports it.
A process that has imported rjieba already (the spaCy pipeline's tokenizer) uses it from the
start. tests/test_segmenter_index.py checks the two agree word for word."""
from __future__ import annotations

import sys

SWITCH_AFTER = 5000
_MODULE = None
_BACKEND = None
_CALLS = 0


def rjieba():
    global _MODULE
    if _MODULE is None:
        import rjieba as module

        _MODULE = module
    return _MODULE


class _Rjieba:
    """rjieba behind the same three calls as jiebacut.Segmenter."""

    @staticmethod
    def tokenize(text: str) -> list[tuple[str, int, int]]:
        return rjieba().tokenize(text)

    @staticmethod
    def cut(text: str, hmm: bool) -> list[str]:
        return rjieba().cut(text, hmm)

    @staticmethod
    def tag(text: str) -> list[tuple[str, str]]:
        return rjieba().tag(text, False)


def backend():
    """The index-backed segmenter when its index is built and current, else rjieba (and
    rjieba after SWITCH_AFTER calls)."""
    global _BACKEND, _CALLS
    if _BACKEND is not None and type(_BACKEND) is not _Rjieba:
        _CALLS += 1
        if _CALLS > SWITCH_AFTER:
            _BACKEND = _Rjieba()
    if _BACKEND is None:
        from .jiebaindex import open_index

        index = None if "rjieba" in sys.modules else open_index()
        if index is None:
            _BACKEND = _Rjieba()
        else:
            from .jiebacut import Segmenter

            _BACKEND = Segmenter(index)
    return _BACKEND


def for_long_runs() -> None:
    """rjieba from the start, loaded now: for a batch's parent before it forks its workers
    (they share the loaded dictionary instead of each importing it after SWITCH_AFTER calls)."""
    global _BACKEND
    rjieba()
    _BACKEND = _Rjieba()


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of jieba's default cut (HMM on): rjieba.tokenize(text)."""
    return backend().tokenize(text)


def cut(text: str) -> list[str]:
    """jieba's words without HMM: rjieba.cut(text, False)."""
    return backend().cut(text, False)


def tag(text: str) -> list[tuple[str, str]]:
    """(word, flag) without HMM: rjieba.tag(text, False)."""
    return backend().tag(text)
