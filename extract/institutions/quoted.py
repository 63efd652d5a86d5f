"""A name an article introduces in quotation marks after a naming word (一家名为“康悦月子中心”
的机构, 一家叫“福寿养老院”的民营机构): the quoted name is the institution when it ends in an
institution suffix (patterns.yaml `suffixes`); its later occurrences, quoted or not, are then
found by document-level propagation (propagate.py). A quoted name without a naming word is
most often a concept or a title (打造“平民医院”, 获评“爱婴医院”, “以人民健康为中心”): left out.
Linear: one regular-expression scan for the naming words, a suffix look-up per quote."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon, wordlists
from .candidates import Candidate

RULE = "pattern.quoted"
MAX_QUOTED = 24


@cached("institutions.quoted.cues")
def _cues() -> "re.Pattern":
    words = "|".join(map(re.escape, sorted(lexicon.patterns()["naming_cues"], key=len, reverse=True)))
    return re.compile(rf"(?:{words})[“\"「『]([^”\"」』\n]{{2,{MAX_QUOTED}}})[”\"」』]")


@cached("institutions.quoted.suffixes")
def _suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, kind), the longest first."""
    items = {i["suffix"]: i["kind"] for i in lexicon.patterns()["suffixes"]}
    return tuple(sorted(items.items(), key=lambda kv: len(kv[0]), reverse=True))


def quoted_candidates(text: str) -> list[Candidate]:
    if not wordlists.hits(text, "naming_cues"):
        return []  # found by the word lists' scan: the cues' regex tried every position of a text
        # that holds none, a str.find a cue word took ~1.2 ms a pass
    out = []
    for m in _cues().finditer(text):
        name = m.group(1)
        kind = next((k for suffix, k in _suffixes() if name.endswith(suffix) and len(name) > len(suffix)), None)
        if kind is not None:
            out.append(Candidate(m.start(1), m.end(1), name, kind, None, None, RULE, 0.7))
    return out
