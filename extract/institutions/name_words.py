"""Word-shape tests on a name's prefix or gap, by the segmenter's words and tags: a split
two-character name (大|涧), nouns only, a clause's verb (成立, 组建), a descriptive ending
(智慧型), a category word inside (相关, 定点), a county's or region's head. Used by the open-world
walk (patterns.py) and the layers that check a gap the same way (compounds, foreign, media)."""
from __future__ import annotations

from functools import lru_cache

from ..prebuilt import cached
from . import lexicon
from .postag import tag
from .references import region_prefix


def _tables():
    from .patterns import _tables  # (the patterns' tables: stop characters, generic words)

    return _tables()


BOUND = ("ng", "zg", "vg", "ag", "tg", "dg", "g")  # the segmenter's bound morphemes: no word by themselves


@lru_cache(maxsize=4096)
def _split_name(prefix: str) -> bool:
    """Whether `prefix` starts with a one-character word and then a bound morpheme that is a
    word of its own (大|涧 of 大涧学校, 八|冶 of 八冶职工医院): a two-character proper name the
    segmenter split, not a generic head (大医院) or a count (八家医院)."""
    words = tag(prefix)
    return (len(words) >= 2 and len(words[0][0]) == 1 and len(words[1][0]) == 1
            and words[1][1] in BOUND and words[0][0] not in _tables()[1]
            and not words[0][1].startswith(("u", "p", "c", "r", "d")))  # 地|县医院: a particle, not a name


SPLIT_HEAD_NOT = ("r", "m", "q", "u", "c", "f", "t", "x")  # a pronoun, a count, a particle, a time: no name's head
SPLIT_TAIL_NOT = ("r", "m", "q", "u", "c", "p", "v", "x")   # nor a clause's verb or a particle after it


@lru_cache(maxsize=4096)
def _split_head(prefix: str) -> bool:
    """Whether `prefix` is a two- or three-character proper name the segmenter split into a
    one-character word and one more word, none of them a dictionary word with it (明|州医院,
    爱|自然托育中心, 顺|天堂大学; round 22): the first character no stop character or region
    level (省|市医院, 县|乡卫生院 are sorts), neither word a function word. The caller asks
    for a boundary before it (的明州医院, 日本顺天堂大学)."""
    if not 2 <= len(prefix) <= 3:
        return False
    words = tag(prefix)
    stops, heads = _tables()[1], _tables()[2]
    return (len(words) == 2 and len(words[0][0]) == 1 and prefix[0] not in stops
            and prefix[0] not in LEVEL_CHARS and prefix[-1] not in LEVEL_CHARS[:4]
            and not words[0][1].startswith(SPLIT_HEAD_NOT) and not words[1][1].startswith(SPLIT_TAIL_NOT)
            and not prefix.startswith(heads) and not words[1][0].startswith(heads))  # 占|全国医院数: a sort after a verb


LEVEL_CHARS = "省市县区乡镇村"


def _named_first(prefix: str) -> bool:
    """A prefix led by a direction word that starts names (南方医药经济研究所, 东方医疗集团:
    patterns.yaml name_first_words), the rest nouns only."""
    head = next((w for w in lexicon.patterns().get("name_first_words", ()) if prefix.startswith(w)), None)
    return head is not None and len(prefix) > len(head) and _nouns(prefix[len(head):])


@lru_cache(maxsize=4096)
def _nouns(s: str) -> bool:
    """Whether `s` is nouns only (职工 of 八冶职工医院; 学校有 of 大涧学校有小学 is a clause)."""
    return all(f.startswith("n") for _, f in tag(s)) if s else True


@lru_cache(maxsize=4096)
def _clause_gap(gap: str) -> bool:
    """A gap between an anchor and a suffix that holds a verb no name holds (gap_verbs: 成立,
    组建, 加快, 推出, 持有) is a clause, not a name's middle (广东加快方舱医院, 山西大宁县组建…
    工作专班). Other verbs stay: names hold them (卫星发射中心, 中西医结合医院, 养生文化协会)."""
    verbs = frozenset(lexicon.patterns()["gap_verbs"])
    return any(w in verbs for w, _ in tag(gap))


def _place_head(prefix: str) -> int:
    """Length of a county's short name or a region's name `prefix` starts with (0: none)."""
    n = region_prefix(prefix)
    if n:
        return n
    return max((k for k in (2, 3) if prefix[:k] in _county_short_names()), default=0)


@cached("institutions.patterns.county_short_names")
def _county_short_names() -> frozenset:
    return frozenset(r.short for r in lexicon.regions()
                     if r.level == "county" and len(r.short) >= 2 and r.name.endswith(("县", "市", "旗")))


def _after_clause(text: str, i: int, s: int) -> int:
    """Where an open name starts after a clause or an appositive head in front of it: the end
    of the last such word (联系, 巨头, 供应商: clause_words; 成立, 推出: gap_verbs; 于, 自 tagged a
    preposition: clause_preps; as the
    segmenter's words, so 药企 inside 制药企业 is none) before the suffix, else `i`."""
    words, preps = _clause_words(), _clause_preps()
    pos, last = i, None
    for w, f in tag(text[i:s]):
        if pos > i and f == "nr" and w[0] in preps:
            last = pos + 1  # 毕业|于海军|工程: the preposition read into a person's name after a verb
        pos += len(w)
        if w in words or (f == "p" and w in preps):
            last = pos
    return i if last is None else last


@lru_cache(maxsize=1)
def _clause_words() -> frozenset:
    """clause_words and gap_verbs, one set (made once, not a call)."""
    return frozenset(lexicon.patterns()["clause_words"] + lexicon.patterns()["gap_verbs"])


@lru_cache(maxsize=1)
def _clause_preps() -> frozenset:
    """Prepositions after a clause's verb (毕业于, 就职于, 来自: clause_preps, round 22): the name
    follows them where the segmenter tags them a preposition (not 于都, 自贡 inside a name)."""
    return frozenset(lexicon.patterns()["clause_preps"])


def _descriptive(prefix: str) -> bool:
    """A prefix ending in a descriptive word (智慧型, 全球性, 智慧化) makes a kind of
    institution, not one; so does an idiom anywhere in it (完全符合)."""
    words = tag(prefix)
    return words[-1][0].endswith(("型", "性", "化", "式")) or any(f == "i" or (f == "l" and _verb_phrase(w)) for w, f in words)


def _verb_phrase(w: str) -> bool:
    """A set phrase that ends in a verb (量身定做 of 为用户量身定做医院信息系统) is a clause; one that
    ends in a noun (生命科学 of 天能生命科学研究院) may name a field."""
    tail = tag(w[-2:])
    return len(tail) == 1 and tail[0][1] == "v"


@lru_cache(maxsize=4096)
def generic_inside(s: str) -> bool:
    """Whether `s` holds a word that makes a name a category (相关, 定点, 三级)."""
    return bool(_tables()[3].search(s))
