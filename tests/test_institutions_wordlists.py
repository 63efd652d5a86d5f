"""The institution stage's look-up machinery: one Aho-Corasick scan over every word list
(wordlists.py), the pickled automaton the compiled cache stores, the boundaries decided
without the segmenter, and rjieba left out of a process until a rule needs it."""
from __future__ import annotations

import pickle
import re
import subprocess
import sys

import pytest

from extract.institutions import boundaries, gazetteer, sectors, wordlists
from extract.institutions.automata import Automaton
from extract.institutions.joined import MIN_WRAPPED_LINE, _breaks
from extract.prebuilt import builders
from tests.conftest import bulk_files

TEXTS = [
    "江苏省卫生健康委、财政厅、医保局联合印发通知，南京市第一医院和鼓楼医院参加试点。",
    "记者从上海市医疗保障局获悉，市卫健委会同市财政局，自治区人民政府和县医保局也已部署。",
    "（苏州吴中）\n据新华社北京5月3日电 国家卫生健康委员会有关负责人表示，\n各地医保局要落实。",
    "广西壮族自治区医疗保障局、内蒙古自治区卫生健康委员会，WHO和中国疾病预防控制中心都发布了提示。",
]


def _naive(text: str, surfaces) -> list[tuple[int, int, str]]:
    """Every occurrence of every surface, by end, the longest first at one end."""
    found = []
    for w in surfaces:
        i = text.find(w)
        while i >= 0:
            found.append((i, i + len(w), w))
            i = text.find(w, i + 1)
    return sorted(found, key=lambda m: (m[1], m[0]))


@pytest.mark.parametrize("name", list(wordlists.LISTS))
@pytest.mark.parametrize("text", TEXTS)
def test_one_scan_gives_each_list_its_own_matches_in_order(name, text):
    expected = _naive(text, wordlists.surfaces(name))
    got = [(s, e, text[s:e]) for s, e, _ in wordlists.hits(text, name)]
    assert got == expected


def test_region_hits_carry_their_regions_and_short_flag():
    text = TEXTS[0]
    hits = gazetteer.region_hits(text)
    first = [(text[h.start:h.end], h.short, h.regions[0].name) for h in hits[:2]]
    assert first == [("江苏", True, "江苏省"), ("江苏省", False, "江苏省")]
    assert "南京市" in {h.regions[0].name for h in hits}


def test_automaton_pickles_as_its_surfaces_and_matches_the_same():
    auto = wordlists.automaton()
    loaded = pickle.loads(pickle.dumps(auto))
    assert len(loaded) == len(auto) > 10000
    for text in TEXTS:
        assert loaded.matches(text) == auto.matches(text)


def test_institution_builders_are_declared_and_picklable():
    declared = {k: f for k, f in builders().items() if k.startswith("institutions.")}
    assert "institutions.word_lists" in declared
    for name, build in declared.items():
        obj = build()
        assert pickle.loads(pickle.dumps(obj)) is not None, name


def test_empty_automaton_finds_nothing():
    assert Automaton([]).matches("任何文字") == []
    assert Automaton([("医院", 1)]).matches("人民医院和医院") == [(2, 4, 1), (5, 7, 1)]


def test_boundaries_decided_without_the_segmenter_agree_with_it():
    import rjieba

    decided = 0
    for text in TEXTS:
        bounds = {0}
        for _, s, e in rjieba.tokenize(text):
            bounds.update((s, e))
        for pos in range(len(text) + 1):
            if boundaries._edge(text, pos):
                decided += 1
                assert pos in bounds, (text, pos)
    assert decided > 20
    assert not boundaries._edge("上海市医保局", 2)  # between two word characters: the segmenter decides


def test_a_line_break_pair_is_not_a_decided_boundary():
    assert not boundaries._edge("上\r\n海", 2)
    assert boundaries._edge("上\n海", 1) and boundaries._edge("上\n海", 2)


def test_implied_heads_are_the_regex_scan_before_a_body():
    rx = re.compile("自治区|[省市区县]")
    for text in TEXTS:
        starts = gazetteer._bodies_in(text)
        expected = [(m.start(), m.end()) for m in rx.finditer(text) if m.end() in starts]
        assert [(i, j) for i, j, _ in gazetteer._implied_heads(text)] == expected


def test_line_wraps_are_the_regex_matches():
    """The regex's matches whose break ends a line of MIN_WRAPPED_LINE characters or more (round
    29: the shorter lines' breaks, which _wrapped rejects, are left to the pattern)."""
    rx = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*\n[ \t]*(?=[\u4e00-\u9fff])")
    n = MIN_WRAPPED_LINE

    def long_line(text, m):
        k = text.index("\n", m.start())
        return k >= n and "\n" not in text[k - n:k]
    for text in TEXTS + ["河南省人力资 \n 源和社会保障厅", "河南省人力资源和社会保 \n 障厅", "上\n\n海", "a\n海", "上 \t\n",
                         "\n"]:
        assert list(_breaks(text)) == [m.span() for m in rx.finditer(text) if long_line(text, m)]
    assert list(_breaks("河南省人力资源和社会保 \n 障厅")) == [(11, 14)]


def test_sector_tags_are_the_lookbehind_regex_matches():
    rx = re.compile(r"(?m)(?:^|(?<=[。！？!?]))[ \t\u3000]*[（(](?P<tag>[\u4e00-\u9fff]{3,8})[）)][ \t\u3000]*$")
    for text in TEXTS + ["好。\u3000（上海普陀）\n（（北京朝阳）\na（杭州西湖）"]:
        new = []
        for m in sectors._TAG.finditer(text):
            k = m.start()
            while k and text[k - 1] in " \t\u3000":
                k -= 1
            if not k or text[k - 1] in sectors._TAG_AFTER:
                new.append(m.span("tag"))
        assert new == [m.span("tag") for m in rx.finditer(text)]


def test_the_stage_does_not_load_the_segmenter_until_a_rule_needs_it():
    code = ("import sys; import extract.institutions as I; "
            "n = len(I.extract_institutions('上海市医疗保障局发布通知。')); "
            "print(n, 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "False"]


FOREIGN = ["美国卫生与公众服务部、俄罗斯联邦卫生部和日本厚生劳动省先后表态，英国卫生部与国家卫生健康委员会会谈。",
           "据美国疾控中心消息，刚果（金）卫生部和刚果(金)卫生部确认疫情，委员会局厅",
           "乌克兰卫生部"]


@pytest.mark.parametrize("text", FOREIGN + TEXTS)
def test_foreign_bodies_found_at_country_names_as_by_one_automaton(text):
    """The foreign bodies are not in the automaton: looked up where a country's name is."""
    expected = _naive(text, wordlists.surfaces("known"))
    got = [(s, e, text[s:e]) for s, e, _ in wordlists.hits(text, "known")]
    assert got == expected
    values = {text[s:e]: v for s, e, v in wordlists.hits(text, "known")}
    assert all(values[w] == wordlists.lexicon.known()[w] for w in values)


def test_foreign_bodies_are_found_in_real_text():
    hits = wordlists.hits(FOREIGN[0], "known")
    names = [e.name for _, _, e in hits]
    assert "俄罗斯联邦卫生部" in names and "日本厚生劳动省" in names and "英国卫生部" in names


@pytest.mark.parametrize("text", FOREIGN + TEXTS + ["", "局", "厅委", "上海"])
def test_probing_finds_what_the_automaton_finds(text):
    lists = wordlists.automaton()
    found = lists._automaton().find_matches_as_indexes(text, overlapping=True) if text else []
    assert lists.probe(text) == [tuple(m) for m in found]


def test_probing_and_the_automaton_agree_on_real_articles():
    files = bulk_files("*")[:60]
    lists = wordlists.automaton()
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        assert lists.probe(text) == [tuple(m) for m in lists._automaton().find_matches_as_indexes(text, overlapping=True)]


def test_a_loaded_copy_makes_the_same_values():
    auto = wordlists.automaton()
    loaded = pickle.loads(pickle.dumps(auto))
    for text in FOREIGN + TEXTS:
        assert loaded.matches(text) == auto.matches(text)
        assert loaded.foreign_at(text, range(len(text))) == auto.foreign_at(text, range(len(text)))
