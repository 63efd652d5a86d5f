"""The seventh round's shortcuts in the institution stage find what the loops they replace
find: sentence_carried skips a region's body with no body after a cooperation word's last
character within reach (no regex scan there), the by-end tables are shared by the layers,
cut_at's edge test and the patterns' walk skip their regex calls on plain ideographs. Each is
checked against the plain loop or regex it stands for, on written texts with the edge cases
and on real bulk text (skipped where ../shared is absent)."""
from __future__ import annotations

import pytest

from extract.institutions import boundaries, candidates, gazetteer
from extract.institutions.gazetteer import (
    CARRY_REACH,
    CARRY_RULES,
    COOPERATE,
    SENTENCE_END,
    body_candidates,
    hits_by_end,
    implied_candidates,
    known_candidates,
    longest_by_end,
    region_hits,
    sentence_carried,
)
from extract.institutions.lexicon import region_named
from tests.conftest import bulk_texts

WRITTEN = [
    "上海市医疗保障局会同财政局、卫生健康委员会联合印发了通知。",
    "江苏省卫生健康委员会与医保局今天发布通知，要求各地落实。",
    "广州市人民政府和教育局联合召开会议。",
    # the cooperation word's body just inside and just outside CARRY_REACH after the region's body
    "杭州市医疗保障局" + "甲" * (CARRY_REACH - 5) + "会同财政局发文。",
    "杭州市医疗保障局" + "甲" * (CARRY_REACH - 1) + "会同财政局发文。",
    "湖北省武汉市江汉区卫生健康局和湖北省人民政府、武汉市教育局，同民政局。",
    "市医保局会同市财政局；区卫生健康委与民政局\n县人民政府及教育局",
    "",
]


@pytest.fixture(scope="module")
def texts():
    return WRITTEN + bulk_texts(every=7)


def _carried_by_scan(text: str, found: list) -> list:
    """sentence_carried as it was before the shortcut: the sentence's regex scans after every
    region's body."""
    out = []
    bodies = gazetteer._bodies_in(text)
    for c in found:
        r = region_named(c.region or "") if c.rule in CARRY_RULES else None
        if r is None:
            continue
        stop = SENTENCE_END.search(text, c.end, c.end + CARRY_REACH)
        for m in COOPERATE.finditer(text, c.end, stop.start() if stop else c.end + CARRY_REACH):
            found_body = bodies.get(m.end())
            if not found_body:
                continue
            form, body = found_body
            nxt = m.end() + len(form)
            if r.level not in body.get("levels", [r.level]) or text[nxt:nxt + 1] in ("长", "员", "级", "属"):
                continue
            if nxt < len(text) and not boundaries.cut_at(text, nxt):
                continue
            out.append((m.end(), nxt, gazetteer.canonical(r, body)))
    return out


def test_carried_after_cooperation_words():
    found = {(t[c.start:c.end], c.name, c.rule) for t in WRITTEN[:5] for c in candidates(t)}
    assert ("财政局", "上海市财政局", "gazetteer.carried") in found
    assert ("医保局", "江苏省医疗保障局", "gazetteer.carried") in found
    assert ("教育局", "广州市教育局", "gazetteer.carried") in found
    near = {c.name for c in candidates(WRITTEN[3])}
    far = {c.name for c in candidates(WRITTEN[4])}
    assert "杭州市财政局" in near and "杭州市财政局" not in far


def test_sentence_carried_is_the_scan(texts):
    seen = 0
    for text in texts:
        hits = region_hits(text)
        known = known_candidates(text) + body_candidates(text, hits)
        implied = implied_candidates(text, gazetteer.RegionContext(hits, frozenset(c.start for c in known), text))
        found = known + implied
        got = [(c.start, c.end, c.name) for c in sentence_carried(text, found)]
        assert got == _carried_by_scan(text, found)
        seen += len(got)
    assert seen >= 4  # the written texts carry some: the comparison is not over empty lists only


def test_by_end_tables(texts):
    for text in texts:
        hits = region_hits(text)
        ends: dict = {}
        for h in hits:
            ends.setdefault(h.end, []).append(h)
        assert hits_by_end(hits) == ends
        longest = {}
        for h in hits:  # the rule sectors.py applied: the smallest start at each end
            if h.end not in longest or longest[h.end].start > h.start:
                longest[h.end] = h
        assert longest_by_end(hits) == longest
    hits = region_hits("北京市东城区卫生健康委员会")  # 东城区 and 城区 (a district of 阳泉) end at 6
    assert [h.start for h in hits_by_end(hits)[6]] == [3, 4]
    assert longest_by_end(hits)[6].start == 3


def _edge_by_regex(text: str, pos: int) -> bool:
    if pos <= 0 or pos >= len(text):
        return True
    before, after = text[pos - 1], text[pos]
    word = boundaries._WORD_CHAR
    return (not word.match(before) or not word.match(after)) and not (before == "\r" and after == "\n")


def test_edge_is_the_regex(texts):
    for text in texts:
        for pos in range(0, len(text) + 1, 3):
            assert boundaries._edge(text, pos) == _edge_by_regex(text, pos), (text[pos - 2:pos + 2], pos)


def test_walk_keeps_stop_characters_inside_nouns():
    """The walk's shortcut skips only plain ideographs that are no stop character: a stop
    character still ends a name unless a noun holds it, punctuation still ends it."""
    text = "患者转入周口市第六人民医院，随后到马家堡社区卫生服务中心复查。"
    names = {c.name for c in candidates(text)}
    assert "周口市第六人民医院" in names
    assert not any(n.startswith("转入") for n in names)
