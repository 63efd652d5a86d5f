"""Bodies attested by an acronym in brackets after them (data/patterns.yaml `acronym_bodies`,
round 11): 按医学成像和技术联盟（MITA）的数据 -> 医学成像和技术联盟; 美国制药研究和制造商协会（PhRMA）
-> the whole name, where the open walk stops at 和 (a conjunction elsewhere). The name is the run
of ideographs before the suffix back to punctuation, a non-ideograph or a stop character other than
和; the words the segmenter reads first that belong to the clause (按, 年: a preposition, a verb,
a number, a time word) are dropped. Added only where no body found ends at the suffix, or the
found one starts after a 和 the run holds. The brackets found, the pattern tried before each: linear."""
from __future__ import annotations

import re

from ..literals import find_all
from ..prebuilt import cached
from . import lexicon
from .candidates import Candidate
from . import intl, patterns
from .boundaries import cut_at
from .postag import BAD_FIRST_POS, tag

MAX_RUN = 20  # ideographs a name before its suffix may hold
MIN_OWN = 2   # and at least this many
HOME = frozenset({"中国", "我国", "中华", "国内"})  # China's name before 和 joins it to a second party


@cached("institutions.acronymed.table")
def _table():
    kinds = dict(lexicon.patterns()["acronym_bodies"])
    alt = "|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))
    rx = re.compile(rf"(?:{alt})(?=\s*[（(]\s*[A-Z](?:[a-z]?[A-Z&]){{1,7}}\s*[）)])")
    return rx, kinds, tuple(sorted({len(k) for k in kinds}, reverse=True))


# the bracket and acronym of rx's lookahead: what a match is followed by (after spaces)
_ACRONYM = re.compile(r"[（(]\s*[A-Z](?:[a-z]?[A-Z&]){1,7}\s*[）)]")


def _matches(text: str, rx: "re.Pattern", lengths: tuple):
    """`rx.finditer(text)` from the brackets: rx, opening with a suffix's first characters, was
    tried at each of those. A match ends where only spaces stand before a bracket holding an
    acronym, so it starts a suffix's length before such a place: rx is tried there alone,
    in order, from where the last match ended (as finditer goes on)."""
    starts = set()
    for b in sorted(find_all(text, "（") + find_all(text, "(")):
        if _ACRONYM.match(text, b) is None:
            continue
        e = b
        while True:  # every end from which the lookahead's spaces reach the bracket
            starts.update(e - n for n in lengths if e >= n)
            if not e or not text[e - 1].isspace():
                break
            e -= 1
    pos = 0
    for s in sorted(starts):
        if s >= pos:
            m = rx.match(text, s)
            if m is not None:
                yield m
                pos = m.end()


def acronym_bodies(text: str, found: list[Candidate]) -> list[Candidate]:
    if "（" not in text and "(" not in text:
        return []
    rx, kinds, lengths = _table()
    stop = patterns._tables()[1] - {"和"}
    ends = {}
    for c in found:
        ends.setdefault(c.end, c)
    out = []
    for m in _matches(text, rx, lengths):
        s = m.start()
        a = s
        while a > 0 and s - a < MAX_RUN and "\u4e00" <= text[a - 1] <= "\u9fff" and text[a - 1] not in stop:
            a -= 1
        a = _clause_dropped(text, _after_joined(text, a, s, ends), s)
        if s - a < MIN_OWN or text[a] == "和" or text[s - 1] == "和":
            continue
        have = ends.get(m.end())
        if have is not None and not (a < have.start and "和" in text[a:have.start]):
            continue  # found whole already (中国医师协会（CMDA）)
        out.append(Candidate(a, m.end(), text[a:m.end()], kinds[m.group()], None, None, "acronym.body", 0.6))
    return out


def _after_joined(text: str, a: int, s: int, ends: dict) -> int:
    """`a` moved past a 和 that joins two names rather than standing inside one: the part before
    it is a body found whole, a country's or a region's name (中华医学会和中国医师协会（CMDA）,
    中国和美国医师协会（AMA）)."""
    from .foreign import _countries

    countries = _countries()[0]
    k = text.find("和", a, s)
    while k >= 0:
        left = text[a:k]
        if (k in ends or left in countries or left in HOME or lexicon.region_named(left)
                or lexicon.region_named(left + "市")):
            a = k + 1
        k = text.find("和", k + 1, s)
    return a


def _clause_dropped(text: str, a: int, s: int) -> int:
    """`a` moved past the words the run opens with that belong to the clause before the name."""
    for w, f in tag(text[a:s]):
        if not f.startswith(BAD_FIRST_POS) or f == "a":
            break  # 先进 (a) may open a name: 美国先进医疗技术协会
        a += len(w)
    return a


# round 21: an organization named by its Latin acronym and 组织 (ITER组织, APS组织), with the
# descriptor an international head opens written right before it (国际热核聚变实验堆ITER组织)
_LATIN_ORG = re.compile(r"(?<![A-Za-z])[A-Z]{3,8}(?=组织)")
ORG_WORD = "组织"
VERB_AFTER = frozenset("了的着过")  # 组织 the verb: NBA组织了, ABC组织的活动
AGENT_BEFORE = frozenset("由被经将并")  # 由ABC组织: the verb's agent
DESCRIPTOR_REACH = 12  # ideographs of an international descriptor before the acronym


def latin_organizations(text: str, found: list[Candidate]) -> list[Candidate]:
    """`ACRONYM组织` at a word's end, kind other, named as written; not where a body found ends at
    the acronym (WHO组织: 世界卫生组织's acronym, its own name). Found from the literal 组织."""
    out: list[Candidate] = []
    p = text.find(ORG_WORD, 3)
    ends = None
    while p >= 0:
        if "A" <= text[p - 1] <= "Z":
            m = _LATIN_ORG.search(text, max(0, p - 8), p + len(ORG_WORD))
            e = p + len(ORG_WORD)
            if (m is not None and m.end() == p and cut_at(text, e) and text[e:e + 1] not in VERB_AFTER
                    and text[m.start() - 1:m.start()] not in AGENT_BEFORE):  # 由ABC组织的, NBA组织了: the verb
                if ends is None:
                    ends = {c.end for c in found}
                if p not in ends and e not in ends:
                    s = _descriptor(text, m.start())
                    out.append(Candidate(s, e, text[s:e], "other", None, None, "pattern.latin_org", 0.6))
        p = text.find(ORG_WORD, p + len(ORG_WORD))
    return out


def _descriptor(text: str, s: int) -> int:
    """The start of an international head's descriptor of ideographs right before `s` (国际热核聚变
    实验堆), else `s`."""
    i = s
    stop = patterns._tables()[1]
    while i > 0 and s - i < DESCRIPTOR_REACH and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in stop:
        i -= 1
    for h in intl.heads():
        k = text.find(h, i, s)
        if k >= 0:
            return k
    return s
