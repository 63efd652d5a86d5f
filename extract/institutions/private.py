"""A private hospital keeps its name as written (kinds.yaml private_hospital_words): the
pattern layer writes a city's short out in front of a hospital's own name (武汉金银潭医院 ->
武汉市金银潭医院, a public hospital's official name), but a hospital the article calls
民营/民办/私立 in apposition (中国首家民营医院--广州益寿医院; 像广州益寿医院这样规模比较大的民营医院)
is named by its registered name, as written (广州益寿医院). Every mention written so takes it.
One scan for the private-hospital words; where one is, one scan per such name's occurrences
(a few names an article)."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon
from .candidates import Candidate

BEFORE = 6    # characters before an occurrence: the private-hospital word, then dashes or a colon
AFTER = 24    # characters after it: 这样…的民营医院 within the clause
_LINKS = re.compile(r"[\s\-—–－:：,，、]*$")


@cached("institutions.private.rx")
def _rx():
    words = "|".join(map(re.escape, lexicon._yaml("kinds.yaml")["private_hospital_words"]))
    return re.compile(f"(?:{words})$"), re.compile(f"(?:这样|一样|等)[^。！？；\n]{{0,{AFTER}}}?(?:{words})"), re.compile(words)


def _private(text: str, written: str) -> bool:
    before, after, _ = _rx()
    for m in re.finditer(re.escape(written), text):
        head = text[max(0, m.start() - BEFORE - 4):m.start()]
        head = head[:len(head) - len(_LINKS.search(head).group())]
        if before.search(head) or after.match(text, m.end()):
            return True
    return False


def as_written(found: list[Candidate], text: str) -> list[Candidate]:
    """Hospitals whose name only adds 市 to what is written, named as written where the
    article calls them private."""
    cands = {text[c.start:c.end] for c in found
             if c.kind == "hospital" and c.name != text[c.start:c.end] and c.name.replace("市", "", 1) == text[c.start:c.end]}
    if not cands or not _rx()[2].search(text):
        return found  # no private-hospital word in the article: nothing to read (one scan)
    private = {w for w in cands if _private(text, w)}
    if not private:
        return found
    return [c.with_(name=text[c.start:c.end]) if text[c.start:c.end] in private and c.kind == "hospital" else c
            for c in found]
