"""Well-known hospitals by their bare short names (仁济, 瑞金, 华西, 湘雅, 协和: data/hospitals.yaml
`short`). A bare short is also a city (瑞金), a mountain (华山), a rocket (长征) or a word, so
it counts only where the text makes it a hospital:

    list      an item of a list that ends in a hospital category: 在仁济、瑞金等试点医院,
              华山、瑞金两家医院, 北京协和医院、天坛等医院
    staff     its doctors, wards or campus: 湘雅专家, 协和的医生, 华西团队, 天坛院区
    treated   being treated there: 在华西就诊, 转到湘雅治疗, 送往协和抢救

`name` is the hospital's official name; a short several hospitals share (协和) goes to the
one in a region the article names (武汉 -> 华中科技大学同济医学院附属协和医院), else the
first listed. One regex pass per rule over the text: linear."""
from __future__ import annotations

import re
from functools import lru_cache

from ..literals import find_all
from ..prebuilt import cached
from . import lexicon, wordlists
from .boundaries import cut_at
from .candidates import Candidate

_SEP = "[、，,和及与/]"
_STAFF = "(?:医院)?的?(?:专家|医生|医师|教授|院长|团队|院区|分院|医护|护士|门诊|急诊|病房|专科)"
_TO = "(?:在|到|去|赴|转至|转到|转往|转诊至|转诊到|住进|送往|送到|送至|来到)"
_CARE = "(?:就诊|看病|住院|治疗|手术|挂号|求医|复查|就医|抢救|救治|确诊)"
_SEP_RX = re.compile(_SEP)
_TAIL_RX = re.compile(r"等|[两三四五六七八九十几多数]家")


@cached("institutions.famous.rules")
def _rules():
    shorts = lexicon.hospital_shorts()
    s = "|".join(map(re.escape, sorted(shorts, key=len, reverse=True)))
    item = rf"(?:{s}|[\u4e00-\u9fff]{{2,16}}?医院)"
    tail = r"(?:等[\u4e00-\u9fff]{0,8}?(?:医院|医疗机构)|[两三四五六七八九十几多数]家[\u4e00-\u9fff]{0,6}?医院)"
    return (re.compile(rf"{item}(?:{_SEP}{item})*{tail}"), re.compile(rf"(?:{s})"),
            re.compile(rf"(?P<s>{s}){_STAFF}"), re.compile(rf"{_TO}(?P<s>{s}){_CARE}"))


def famous_candidates(text: str, region_names: set[str]) -> list[Candidate]:
    shorts = lexicon.hospital_shorts()
    if not shorts:
        return []
    listed, short, staff, treated = _rules()
    if not wordlists.hits(text, "hospital_shorts"):
        return []  # no short name at all: nothing to look at (from the word lists' scan)
    spans = []
    for m in _listed(text, listed):
        spans += [(k.start(), k.end()) for k in short.finditer(text, m.start(), m.end()) if _item(text, k, m)]
    for rx in (staff, treated):
        spans += [m.span("s") for m in rx.finditer(text)]
    out = []
    for s, e in dict.fromkeys(spans):
        if s and "\u4e00" <= text[s - 1] <= "\u9fff" and not cut_at(text, s) and not text[s - 1] in "在到去赴往至、和及与":
            continue  # 九华山: the tail of another word
        entry = _pick(shorts[text[s:e]], region_names)
        out.append(Candidate(s, e, entry.name, "hospital", entry.level, entry.region, "famous.short", 0.7))
    return out


# the tails of _rules' list pattern, tried at each 等 and 家: a run that holds none holds no list
_COUNTS = "两三四五六七八九十几多数"
_DENG_TAIL = re.compile(r"等[\u4e00-\u9fff]{0,8}?(?:医院|医疗机构)")
_JIA_TAIL = re.compile(r"家[\u4e00-\u9fff]{0,6}?医院")


def _listed(text: str, listed: re.Pattern):
    """listed.finditer(text), run only over the runs of characters a list can hold (ideographs,
    the separators, a short's own characters) that hold a tail (等…医院, 两家…医院): every match is
    such a run's and ends in one. The pattern opens with a class (an item of 2-16 ideographs
    before 医院), tried at every character: ~90 ns a character of a text that holds a short."""
    extra = _run_chars()
    marks = sorted(find_all(text, "等") + find_all(text, "家"))
    end = -1
    for q in marks:
        if q < end:
            continue  # in the run just scanned
        if not (_DENG_TAIL.match(text, q) if text[q] == "等" else
                (q and text[q - 1] in _COUNTS and _JIA_TAIL.match(text, q))):
            continue  # no tail here (most 等 and 家)
        a = q
        while a and ("\u4e00" <= text[a - 1] <= "\u9fff" or text[a - 1] in extra):
            a -= 1
        end = q + 1
        while end < len(text) and ("\u4e00" <= text[end] <= "\u9fff" or text[end] in extra):
            end += 1
        yield from listed.finditer(text, a, end)


@lru_cache(maxsize=1)
def _run_chars() -> frozenset:
    """The characters other than ideographs a listed match may hold: the separators, any in a short."""
    chars = set(_SEP[1:-1]) | {ch for w in lexicon.hospital_shorts() for ch in w}
    return frozenset(ch for ch in chars if not "\u4e00" <= ch <= "\u9fff")


def _item(text: str, k: re.Match, m: re.Match) -> bool:
    """A short that is a whole item of the list: bounded by the list's separators, its start
    or its tail (瑞金 of 瑞金人民医院 is a city in a hospital's name, not an item)."""
    before_ok = k.start() == m.start() or _SEP_RX.match(text, k.start() - 1)
    return bool(before_ok) and (_SEP_RX.match(text, k.end()) is not None or _TAIL_RX.match(text, k.end()) is not None)


def _pick(entries, region_names: set[str]):
    """The hospital whose region the article names, else the first."""
    return next((e for e in entries if e.region in region_names), entries[0])
