"""jieba's segmenter (rjieba, Rust), imported on first use: importing rjieba loads jieba's
dictionary (0.16-0.2 s), which a fresh process should pay only when an article needs it."""
from __future__ import annotations

_MODULE = None


def rjieba():
    global _MODULE
    if _MODULE is None:
        import rjieba as module

        _MODULE = module
    return _MODULE
