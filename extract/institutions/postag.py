"""Part-of-speech tags of short strings (a name's prefix, a gap between two anchors, a
window around a stop character), from jieba's dictionary (segmenter.py: jieba-rs's tagging
over an on-disk index, else rjieba itself).

rjieba.tag gives jieba.posseg's words and tags without loading jieba's Python dictionary
(1.5-2.5 s and ~125 MB on first use) and ~30x faster per call. On every string the
institution stage tags in the development corpus (2,779 windows: the bulk files, both gold
sets and the examples) the two agree word for word and tag for tag except one convention:
jieba's no-HMM mode tags a run of ASCII letters or digits `eng` where rjieba tags digits
`m`; `tag` follows jieba there, so no rule sees a difference."""
from __future__ import annotations

import re
from functools import lru_cache

from . import segmenter

_ASCII_RUN = re.compile(r"[A-Za-z0-9]+")


@lru_cache(maxsize=16384)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """(word, flag) pairs of `text`, dictionary words only (no HMM), as jieba.posseg.cut
    with HMM=False gives them."""
    if not text:
        return ()
    return tuple((w, "eng" if _ASCII_RUN.fullmatch(w) else f) for w, f in segmenter.tag(text))
