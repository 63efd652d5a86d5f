"""The literal prefilter (extract/literals.py): the words it reads from a pattern occur in
every match, so a text without them has no match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.literals import Guarded, all_needed, any_of, find_words, first_chars, first_pairs, guard, holds_word, needed, scanner


def test_words_read_from_patterns():
    assert needed(r"(?:本报|本刊)?记者\s{0,3}(?P<n>\w+)") == {"记者"}
    assert needed(r"^(?P<o>[\u4e00-\u9fff]{1,12}?(?:社|网|报))(?:综合)?讯") == {"讯"}
    assert needed(r"据\s?(?:消息|报道)") in ({"消息", "报道"}, {"据"})
    assert needed(r"[电讯]") == {"电", "讯"}
    assert needed(r"(?:abc|de)+x?") == {"abc", "de"}
    assert needed(r"a|\d") is None            # an alternative without a literal
    assert needed(r"(?:abc)?\d+") is None     # optional
    assert needed(r"abc", re.I) is None       # case folding: no prefilter
    assert needed(r"[^x]+") is None


ALPHABET = "ab报讯记者 \n1"
PIECES = st.sampled_from(["a", "b", "报", "讯", "记者", r"\d", ".", r"\s", "[ab]", "[^a]", r"\b", "^", "$",
                          "(?=a)", "(?!b)", "(?<=a)"])


@st.composite
def regexes(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["piece", "piece", "group", "alt", "rep"] if depth < 3 else ["piece"]))
        if kind == "piece":
            parts.append(draw(PIECES))
        elif kind == "group":
            parts.append(f"(?:{draw(regexes(depth + 1))})")
        elif kind == "alt":
            parts.append(f"(?:{draw(regexes(depth + 1))}|{draw(regexes(depth + 1))})")
        else:
            lo = draw(st.integers(0, 2))
            parts.append(f"(?:{draw(regexes(depth + 1))}){{{lo},{lo + draw(st.integers(0, 2))}}}")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(regexes(), st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=5))
def test_a_text_without_the_words_has_no_match(pattern, texts):
    rx = re.compile(pattern, re.M)
    g = Guarded(rx)
    for t in texts:
        assert g.search(t) == rx.search(t) or (g.search(t) and rx.search(t) and g.search(t).span() == rx.search(t).span())
        assert [m.span() for m in g.finditer(t)] == [m.span() for m in rx.finditer(t)]
        assert bool(g.match(t)) == bool(rx.match(t))
        assert bool(g.fullmatch(t)) == bool(rx.fullmatch(t))
        for pos in range(len(t)):
            assert bool(g.search(t, pos, len(t) - 1)) == bool(rx.search(t, pos, len(t) - 1))
    words = needed(rx)
    if words is not None:
        for t in texts:
            if rx.search(t):
                assert any(w in rx.search(t).group() for w in words)


@settings(max_examples=300, deadline=None)
@given(regexes(), st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=5))
def test_every_requirement_is_held_by_every_match(pattern, texts):
    """all_needed: each set it gives has a word in every match (needed's choice among them)."""
    rx = re.compile(pattern, re.M)
    needs = all_needed(rx)
    if needed(rx) is not None:
        assert needed(rx) in needs
    for t in texts:
        for m in rx.finditer(t):
            for need in needs:
                assert any(w in m.group() for w in need), (pattern, t, need)


def test_all_needed_reads_required_groups():
    needs = all_needed(r"^[\u4e00-\u9fff·]{0,8}?(?:记者|通讯员)\s{0,3}(?P<names>\w{2,4})\s{0,3}发自")
    assert frozenset({"记者", "通讯员"}) in needs and frozenset({"发自"}) in needs
    assert all_needed(r"(?:记者)?\s{0,3}整理") == (frozenset({"整理"}),)  # an optional group is none
    assert all_needed(r"(?:记者){1,2}a") == (frozenset({"记者"}), frozenset({"a"}))
    assert all_needed(r"\d+") == () and all_needed("(?i)abc") == ()


@settings(max_examples=300, deadline=None)
@given(regexes(), st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=5))
def test_words_found_by_their_pivot_as_the_scanner_finds_them(pattern, texts):
    """holds_word (each word's least frequent character by str.find, the word checked at each
    hit) answers what the need scanner's search answers, over any pos/endpos window; and a
    Guarded pattern taking that path on every text gives the pattern's own results."""
    rx = re.compile(pattern, re.M)
    words = needed(rx)
    if not find_words(words):
        return
    scan = scanner(words)
    g = Guarded(rx)
    g.short = -1  # the word path whatever the text's length
    for t in texts:
        for pos in range(len(t) + 1):
            for endpos in (len(t), len(t) - 1, pos + 2, 10 ** 9):
                assert holds_word(t, find_words(words), pos, endpos) == bool(scan.search(t, pos, endpos))
        assert [m.span() for m in g.finditer(t)] == [m.span() for m in rx.finditer(t)]
        assert (g.search(t, 1) or None) is None if rx.search(t, 1) is None else g.search(t, 1).span() == rx.search(t, 1).span()


def test_holds_word_cases():
    assert holds_word("相关阅读\n", ("阅读", "记者"))
    assert not holds_word("阅 读记\n者", ("阅读", "记者"))
    assert holds_word("xx记者", ("记者",), 2) and not holds_word("xx记者", ("记者",), 3)
    assert not holds_word("xx记者", ("记者",), 0, 3) and holds_word("xx记者", ("记者",), 0, 4)
    assert find_words(frozenset({"摄影记者", "记者"})) == ("记者",)


def test_guard_and_any_of():
    rx = re.compile(r"(?:责任编辑|编辑)\s*[:：]")
    assert isinstance(guard(rx), Guarded) and guard(re.compile(r"\d+")).pattern == r"\d+"
    scan = any_of([rx, re.compile("记者")])
    assert scan.search("本报记者") and not scan.search("正文一段")
    assert any_of([rx, re.compile(r"\d")]) is None


def test_first_characters_read_from_patterns():
    assert first_chars(r"(?<![每])(?:ab|c?d)") == {"a", "c", "d"}
    assert first_chars(r"[0-2]x") == {"0", "1", "2"}
    assert first_chars(r"\d") is None and first_chars(r"[^a]") is None and first_chars(r".b") is None
    assert first_pairs(r"(?<![每])(?:ab|c?d)") == {"a": {"b"}, "c": {"d"}, "d": {""}}
    assert first_pairs(r"a{3}") == {"a": {"a"}}
    assert first_pairs(r"a(?:b|)") == {"a": {"b", ""}}   # "": the match may end after a
    assert first_pairs(r"a.") == {"a": {""}}             # "": any character
    assert first_pairs(r"(?:a?){3,5}b") == {"a": {"a", "b"}, "b": {""}}


@settings(max_examples=400, deadline=None)
@given(regexes(), st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=5))
def test_every_match_starts_with_its_first_characters(pattern, texts):
    """first_chars / first_pairs (the date scanner's dispatch) never leave out a match:
    every non-empty match, at every position, starts with a character (and a second one)
    they allow."""
    rx = re.compile(pattern, re.M)
    chars, pairs = first_chars(rx), first_pairs(rx)
    for t in texts:
        for pos in range(len(t)):
            m = rx.match(t, pos)
            if not m or m.end() == pos:
                continue
            if chars is not None:
                assert t[pos] in chars
            if pairs is not None:
                seconds = pairs[t[pos]]
                assert "" in seconds or (m.end() > pos + 1 and t[pos + 1] in seconds)
