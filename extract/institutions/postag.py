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


# an anchor-less name cannot start with a verb, pronoun, preposition, adverb, conjunction,
# numeral, time or place word, nor hold a verb: 提高医院, 咱们区医院, 比三级医院, 网上医院 are
# not names
BAD_FIRST_POS = ("v", "r", "p", "d", "c", "u", "m", "q", "t", "f", "z", "a", "s")
NOMINAL_POS = ("vn", "an")


@lru_cache(maxsize=4096)
def pos_ok(prefix: str) -> bool:
    words = tag(prefix)
    if not words or words[0][1].startswith(BAD_FIRST_POS):
        return False
    return not any(f == "v" and len(w) > 1 for w, f in words)  # 微信搜索医院


@lru_cache(maxsize=4096)
def pos_first_ok(prefix: str, nominal: bool = False) -> bool:
    """The first word is not a verb, pronoun, preposition, time word…: 近日发布中心 is not a name.
    With `nominal`, a verbal or adjectival noun may start it (a department: 卫生检疫司, 综合业务司)."""
    words = tag(prefix)
    if not words:
        return False
    first = words[0][1]
    return (nominal and first in NOMINAL_POS) or not first.startswith(BAD_FIRST_POS)


NOUN_WINDOW = 4


def inside_noun(text: str, p: int) -> bool:
    """Whether the character at `p` is inside a noun of two or more characters (行为, 马家堡)."""
    lo = max(0, p - NOUN_WINDOW)
    return noun_at(text[lo:p + NOUN_WINDOW + 1], p - lo)


@lru_cache(maxsize=8192)
def noun_at(window: str, k: int) -> bool:
    pos = 0
    for w, f in tag(window):
        if pos <= k < pos + len(w):
            return len(w) > 1 and f.startswith("n")
        pos += len(w)
    return False


@lru_cache(maxsize=4096)
def no_verb(gap: str) -> bool:
    """No word of `gap` is a verb (a gap between two anchors, a name's middle)."""
    return not any(f == "v" for _, f in tag(gap))
