"""The institution stage's faster scans find what the plain scans they replace find: each
rewrite (a regex tried only where a cue word or a literal puts a match, two literal-led
scans for one class-led one, a probe skipped where no name can end) is checked against the
pattern or loop it stands for, on written texts with the edge cases and on real bulk text."""
from __future__ import annotations

import re

import pytest

from extract.institutions import foreign, media, references, sectors, wordlists
from tests.conftest import bulk_texts

WRITTEN = [
    "来源：南国健康网\n信息来源：江城日报 2024年5月3日\n转载自：健康时报网。文章出处：某某报",
    "（苏州吴中）\n据新华社北京5月3日电 记者从上海市医疗保障局获悉，通讯员王某、本报记者李某报道。",
    "大河网消息 红网5月3日讯 央视新闻客户端5月3日电：电话、电子、消息称，南粤健康报记者",
    "市七医院、县十二医院、区三医院和省一医院，市医院，医院医院，市二十医院，县一二医院。",
    "好。\u3000（上海普陀）\n（（北京朝阳）\na（杭州西湖）\n(上海普陀)  \n。(杭州西湖)\n（上海普陀",
    "俄国防部、美国务院、意大利国家统计局、沙特阿拉伯外交部、加沙地带卫生部和国家卫生健康委员会",
    "来源",
    "",
]


@pytest.fixture(scope="module")
def texts():
    return WRITTEN + bulk_texts(every=9)


def _cues(text: str) -> dict:
    cues: dict = {}
    for s, e, word in wordlists.hits(text, "media_cues"):
        cues.setdefault(word, []).append((s, e))
    return cues


def _after_break(breaks: str, body: str) -> re.Pattern:
    """The pattern an _AfterBreak stands for: BODY at the start or right after a break."""
    return re.compile(f"(?:^|(?<=[{breaks}])){body}")


def test_media_cue_words_are_what_a_scan_for_each_finds(texts):
    for text in texts:
        got = {w: [s for s, _ in spans] for w, spans in _cues(text).items()}
        want = {w: [m.start() for m in re.finditer(f"(?={re.escape(w)})", text)] for w in media.CUE_WORDS}
        assert got == {w: at for w, at in want.items() if at}


def test_source_lines_are_the_whole_text_regex_matches(texts):
    for text in texts:
        got = [m.span("name") for m in media._sources(text, _cues(text))]
        assert got == [m.span("name") for m in media._SOURCE.finditer(text)]


@pytest.mark.parametrize("finder,breaks,body,cues", [
    (media._DATELINES, r"\s】」”\"：:，。", media._DATELINE, media.DATELINE_CUES),
    (media._REPORTERS, r"\s、，。：:（(", media._REPORTER, media.REPORTER_CUES),
])
def test_dateline_and_reporter_windows_find_the_whole_text_matches(texts, finder, breaks, body, cues):
    whole = _after_break(breaks, body)
    for text in texts:
        spans = media._spans(_cues(text), cues)
        got = [m.span("name") for m in finder.finditer(text, spans)] if spans else []
        assert got == [m.span("name") for m in whole.finditer(text)]


def test_numbered_city_hospitals_are_the_class_led_regex_matches(texts):
    for text in texts:
        got = [m.span() for m in references._city_shorts(text)]
        assert got == [m.span() for m in references._CITY_SHORT.finditer(text)]


def test_sector_tags_from_the_two_bracket_scans_are_the_class_led_matches(texts):
    for text in texts:
        merged = sorted((m for rx in sectors._TAGS for m in rx.finditer(text)), key=lambda m: m.start())
        assert [m.span("tag") for m in merged] == [m.span("tag") for m in sectors._TAG.finditer(text)]


def test_country_before_a_body_is_the_longest_name_ending_there(texts):
    names, longest, *_ = foreign._countries()
    for text in texts:
        for pos in range(len(text) + 1):
            want = next((text[pos - n:pos] for n in range(min(longest, pos), 1, -1) if text[pos - n:pos] in names), None)
            assert foreign._head_before(text, pos, names, longest) == want


def test_designations_and_english_names_are_tried_wherever_they_could_match(texts):
    extra = ["国家医疗保障局（以下简称“国家医保局”）", "帝国理工学院 （Imperial College London）", "某院\u3000(The Lancet)"]
    for text in texts + extra:
        for pos in range(len(text) + 1):
            if not references._bracket_may_follow(text, pos):
                assert references._DESIGNATED.match(text, pos) is None
                assert references._SECOND.match(text, pos) is None


@pytest.mark.parametrize("groups", [
    [["复旦肿瘤", "复旦肿", "复肿瘤"], ["复旦大", "旦肿瘤医"]],
    [["ab", "abc"]],                                    # few: str.find each
    [["上海中医", "上海中", "上中医", "上海医", "上医院"], ["上海仁济", "上仁济", "海仁济", "上海仁"], ["院院"]],
    [[w + x for w in "上海" for x in ("肿瘤", "医院", "中医", "儿童", "仁济")]],
])
def test_occurrences_of_prebuilt_sets_are_occurrences_of_their_union(texts, groups):
    from extract.institutions.automata import literals_of, occurrences, occurrences_of

    sets = [literals_of(g) for g in groups]
    union = {w for g in groups for w in g}
    for text in texts + ["上海中医上海仁济院院院", "ab", "复旦肿瘤复旦大"]:
        assert occurrences_of(text, sets) == occurrences(text, union)


def test_reach_runs_are_the_ranges_set_one_by_one():
    import random

    from extract.institutions.flags import reach_of

    rng = random.Random(6)
    for _ in range(3000):
        size = rng.randint(0, 120)
        starts = [rng.randint(0, size) for _ in range(rng.randint(0, 9))]
        span = rng.choice([1, 3, 34])
        want = bytearray(size + 1)
        for s in starts:
            lo = max(0, s - span)
            want[lo + 1:s + 1] = b"\1" * (s - lo)
        assert reach_of(size, starts, span) == want
