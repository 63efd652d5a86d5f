"""Round 32 (speed): the institutions' shortcuts give what the code they replaced gave
(docs/performance.md, "Thirty-second round: institutions")."""
from __future__ import annotations

import random

import pytest

from extract.institutions import lexicon, patterns, wordlists
from extract.institutions.boundaries import cut_at


def _suffix_items() -> list[dict]:
    seen = {}
    for text in ("人民医院有限公司研究院委员会学会集团药业制药中心局厅委办公室联合会大学学院",):
        for _, _, item in wordlists.hits(text, "suffixes"):
            seen[id(item)] = item
    return list(seen.values())


def _old_rejected(text: str, s: int, e: int, item: dict, ends: bytearray) -> bool:
    """The loop's first tests as written before round 32 (dict look-ups per hit)."""
    party, not_after = patterns._tables()[6], patterns._tables()[7]
    lo = s - patterns.MAX_NAME if s > patterns.MAX_NAME else 0
    return bool(
        (item["kind"] not in patterns.IMPLIED_KINDS and not item.get("open")
         and ends.find(1, max(0, lo - patterns.BRACKET_REACH), s + 1) < 0)
        or ((len(item["suffix"]) == 1 and s and text[s - 1] in party)
            or (text[e:e + 1] in not_after and not item["suffix"].endswith(patterns.STAFFED)))
        or (len(item["suffix"]) == 1 and e < len(text) and not cut_at(text, e))
        or (text[e:e + 1] and text[e] in item.get("not_before", ""))
        or (item.get("word_end") and e < len(text) and not cut_at(text, e)
            and not text.startswith(patterns._titles(), e))
        or (s and text[s - 1] in item.get("not_after_char", "") and not patterns._place_end(text, s, item))
        or (item.get("before_only") and e < len(text) and text[e] not in item["before_only"]))


def _new_rejected(text: str, s: int, e: int, item: dict, ends: bytearray) -> bool:
    """The same tests as the loop now makes them, from _item_tests."""
    party, not_after = patterns._tables()[6], patterns._tables()[7]
    lo = s - patterns.MAX_NAME if s > patterns.MAX_NAME else 0
    _, closed, one, staffed, not_before, word_end, not_after_char, before_only, _, _ = patterns._item_tests(item)
    after = text[e:e + 1]
    return bool(
        (closed and ends.find(1, max(0, lo - patterns.BRACKET_REACH), s + 1) < 0)
        or (one and s and text[s - 1] in party) or (after in not_after and not staffed)
        or (one and after and not cut_at(text, e))
        or (after and after in not_before)
        or (word_end and after and not cut_at(text, e) and not text.startswith(patterns._titles(), e))
        or (s and not_after_char and text[s - 1] in not_after_char and not patterns._place_end(text, s, item))
        or (before_only and after and after not in before_only))


def test_item_tests_read_the_entry():
    items = _suffix_items()
    assert len(items) > 10
    for item in items:
        t = patterns._item_tests(item)
        assert t[0] is item
        assert t[1] == (item["kind"] not in patterns.IMPLIED_KINDS and not item.get("open"))
        assert t[2] == (len(item["suffix"]) == 1)
        assert t[8] == item.get("intl_only") and t[9] == item.get("bare_not", ())


@pytest.mark.parametrize("seed", range(3))
def test_first_tests_as_before(seed):
    """On random texts of suffixes, party and office characters, places and breaks: every
    suffix hit is turned down by the new tests exactly where the old ones turned it down."""
    rng = random.Random(seed)
    pieces = ["医院", "党委", "局", "局长", "公司", "员工", "学会", "了", "大学", "生", "教授", "制药", "中",
              "蜀", "过程", "委员会", "委", "北京市", "，", "\n", "有限公司", "科技", "研究院", "a", "纪委", "集团"]
    checked = 0
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        ends = bytearray(len(text) + 1)
        for k in range(len(ends)):
            ends[k] = rng.random() < 0.05
        for s, e, item in patterns._suffix_hits(text):
            assert _new_rejected(text, s, e, item, ends) == _old_rejected(text, s, e, item, ends), (text, s, e)
            checked += 1
    assert checked > 1000


def test_region_named_keeps_regions_only():
    names = {r.name for r in lexicon.regions()}
    for name in list(names)[:500]:
        i = lexicon._region_names()[name]
        assert lexicon.region_named(name) is lexicon.region(i)
        assert lexicon.region_named(name) is lexicon.region(i)  # kept
    before = len(lexicon._NAMED)
    for junk in ("不是地名", "医院", "", "市市"):
        assert lexicon.region_named(junk) is None
    assert len(lexicon._NAMED) == before  # a miss is not kept


@pytest.mark.parametrize("seed", range(2))
def test_closed_suffix_takes_no_anchorless_name(seed):
    """A closed suffix (no implied kind, not open) gets None from _implied, _numbered_bare and
    _open wherever its walk stops: the loop no longer asks them."""
    from extract.institutions.gazetteer import RegionContext, region_hits

    rng = random.Random(seed)
    pieces = ["市", "省", "第一", "人民", "国际", "世界", "北京", "委员会", "公司", "协会", "大学", "局", "医院",
              "研究院", "康美", "药业", "“", "”", "联合会", "中国", "，"]
    closed = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        ctx = RegionContext(region_hits(text))
        for s, e, item in patterns._suffix_hits(text):
            if not patterns._item_tests(item)[1]:
                continue
            closed += 1
            for i in range(max(0, s - patterns.MAX_NAME), s + 1):
                assert patterns._implied(text, i, s, e, item, ctx) is None
                assert patterns._numbered_bare(text, i, e, item, ctx) is None
                assert patterns._open(text, i, s, e, item) is None
    assert closed > 50


def test_first_matches_lists_hold_their_words():
    """first_matches reads the word from the hit's value: the lists it serves store each word as
    its own value (and find what the texts hold, as before)."""
    for name in ("sector_words", "national_heads"):
        table = wordlists.LISTS[name]()
        assert table and all(k == v for k, v in table.items())
    text = "国家卫生健康委员会、中国疾控中心、全国人大和普陀医保"
    for s, e, w in wordlists.hits(text, "national_heads"):
        assert text[s:e] == w
    assert wordlists.first_matches(text, "national_heads", {"中国": 0, "中华": 1, "全国": 2, "国家": 3}) == [
        (0, 2), (10, 12), (17, 19)]
