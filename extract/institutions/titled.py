"""Guest lists (round 8): a line of a person's name, blanks, then the offices the person
holds, 、-separated, each a body's name and a title (张厚粲 国务院参事、国际心理学联盟副主席;
萨姆索诺夫 乌克兰东方医药协会会长). The body before a title (data/titled.yaml) is a mention where
it is a name that ends in a head word there; 原/前 (a former office) before the title is none of
it. One regex match a line, the offices looked at once each: linear."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon
from .candidates import Candidate, covered

_BLANK = " \t\u3000\u00a0"
_OWN = re.compile(r"[\u4e00-\u9fff]+")


@cached("institutions.titled.table")
def _table():
    data = lexicon._yaml("titled.yaml")
    heads = tuple(sorted(data["heads"].items(), key=lambda kv: -len(kv[0])))
    titles = tuple(sorted(data["titles"], key=len, reverse=True))
    line = re.compile(r"(?m)^[" + _BLANK + r"]*[\u4e00-\u9fff·•]{2,%d}+[" % data["max_person"] + _BLANK + "]+(?=[\u4e00-\u9fff])")
    after_break = re.compile(line.pattern.replace("(?m)^", "\n", 1))  # the same from a line break
    # (the name's run possessive: no blank is a name's character, so giving characters back never
    # lets the blanks match; a paragraph's line gave back up to six before failing)
    return heads, titles, tuple(data["former"]), (line, after_break), data["min_own"]


def _person_ends(text: str, person: tuple):
    """The ends of `line`'s matches (a line opening with a person's name): at the text's start,
    then from each line break, by a pattern opening with the break, which the engine skips to
    (one opening with (?m)^ was tried at every character). No match holds a line break: the
    same matches."""
    line, after_break = person
    m = line.match(text)
    if m is not None:
        yield m.end()
    for m in after_break.finditer(text):
        yield m.end()


def titled_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    heads, titles, former, person, min_own = _table()
    taken = None  # made at the first name to test: most texts have no guest-list line
    out = []
    for start in _person_ends(text, person):  # the lines that open with a person's name, one scan
        end = text.find("\n", start)
        line_end = len(text) if end < 0 else end
        i = start
        for part in text[start:line_end].rstrip(_BLANK).split("、"):
            a, b = i, i + len(part)
            i = b + 1
            if not part.endswith(titles):  # one C call; most parts end in no title
                continue
            title = next(t for t in titles if part.endswith(t))
            b -= len(title)
            while b > a and text[b - 1] in former:
                b -= 1  # 中央保健局原局长
            name = text[a:b]
            if not _OWN.fullmatch(name):
                continue
            if taken is None:
                taken = covered(len(text), found)
            if taken.find(1, a, b) >= 0:
                continue
            kind = next((k for h, k in heads if name.endswith(h) and len(name) - len(h) >= min_own), None)
            if kind is not None:
                out.append(Candidate(a, b, name, kind, None, None, "titled", 0.6))
    return out
