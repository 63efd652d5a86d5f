"""The in-article reference layers of the institution stage (short forms, aliases, filler
words, designated names) cost linear in the text and the names found, not their product:
a longer article names more bodies, and a scan of the whole text per body made a
1,000,000-character article cost ~1.5x per character what ten 100,000-character ones cost.

Work is counted, not timed: the text is a str whose reads (slices, indexing, find) are
counted with the characters they return, and names are strs whose operations are counted.
Each test builds an article of N bodies and one of 4N (the text 4x as long) and bounds the
ratio of the counts: ~4 when linear, ~16 when every body scans the text or every other name.
The one-pass rewrites must also find what the per-name scans found: the abbreviation
layer is checked against the text-driven search it replaced."""
from __future__ import annotations

import itertools

import pytest

from extract.institutions import candidates as resolved_candidates
from extract.institutions.abbreviations import (GENERIC_WORDS, MAX_SHORT, MIN_PIECE, MIN_SHORT, MIN_UNQUOTED,
                                                _QUOTES, CHANNEL_AFTER, KINDS, MIN_NAME, _quoted, _region_word,
                                                _words, abbreviation_candidates)
from extract.institutions.aliases import alias_candidates
from extract.institutions.boundaries import cut_at
from extract.institutions.candidates import Candidate
from extract.institutions.references import _fillers, reference_candidates

from conftest import bulk_files

LINEAR = 8  # bound on count(4N) / count(N): 4 when linear, 16 when quadratic

# invented names, one per pair of characters: 上海仁安大学附属肿瘤医院, 上海仁和大学附属肿瘤医院, ...
_CHARS = "仁安和康泰宁惠民华博德济明光长信福瑞祥嘉"
_PAIRS = ["".join(p) for p in itertools.permutations(_CHARS, 2)]


class CountingText(str):
    """A text that counts how many times, and over how many characters, it is read."""
    reads = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        CountingText.reads += 1 + len(piece)
        return piece

    def find(self, sub, *args):
        CountingText.reads += 1
        return super().find(sub, *args)


class CountingName(str):
    """A name that counts the string operations done on it."""
    ops = 0

    def __len__(self):
        CountingName.ops += 1
        return super().__len__()

    def __contains__(self, sub):
        CountingName.ops += 1
        return super().__contains__(sub)

    def replace(self, *args):
        CountingName.ops += 1
        return super().replace(*args)

    def __eq__(self, other):
        CountingName.ops += 1
        return super().__eq__(other)

    __hash__ = str.__hash__


def _hospital_article(n: int) -> tuple[str, list[Candidate]]:
    """n invented hospitals of one city, each named in full once, then by its short form in
    quotes (“上海仁安肿瘤”) and the city named again, as a long article would."""
    parts, found, pos = [], [], 0
    for pair in _PAIRS[:n]:
        name = f"上海{pair}大学附属肿瘤医院"
        sentence = f"{name}今天开诊。“上海{pair}肿瘤”的医生说，上海各区都在推进。"
        found.append(Candidate(pos, pos + len(name), name, "hospital", "municipal", "上海市", "pattern.anchored", 0.8))
        parts.append(sentence)
        pos += len(sentence)
    return "".join(parts), found


def _reads(fn, text: str, found) -> int:
    CountingText.reads = 0
    fn(CountingText(text), found)
    return CountingText.reads


def test_abbreviations_read_the_text_linearly_in_the_names():
    small, large = _hospital_article(20), _hospital_article(80)
    assert len(large[0]) == 4 * len(small[0])
    a, b = _reads(abbreviation_candidates, *small), _reads(abbreviation_candidates, *large)
    assert b / a < LINEAR, (a, b)


def test_abbreviations_still_found_in_the_long_article():
    text, found = _hospital_article(80)
    got = {(text[c.start:c.end], c.name) for c in abbreviation_candidates(text, found)}
    for pair in (_PAIRS[0], _PAIRS[79]):
        assert (f"上海{pair}肿瘤", f"上海{pair}大学附属肿瘤医院") in got
    assert len(got) == 80  # each short once, of its own hospital


def _company_article(n: int) -> tuple[str, list[Candidate]]:
    """One company named in full n times, each time followed by its short form."""
    name = "上海海每康智能医疗科技有限公司"
    sentence = f"{name}发布新品。海每康表示，产品已上市。"
    found = [Candidate(k * len(sentence), k * len(sentence) + len(name), name, "company", None, "上海市",
                       "pattern.anchored", 0.8) for k in range(n)]
    return sentence * n, found


def test_aliases_read_the_text_linearly_in_the_mentions():
    small, large = _company_article(20), _company_article(80)
    a, b = _reads(alias_candidates, *small), _reads(alias_candidates, *large)
    assert b / a < LINEAR, (a, b)


def test_aliases_give_each_later_short_form_once():
    text, found = _company_article(30)
    got = alias_candidates(text, found)
    assert [text[c.start:c.end] for c in got] == ["海每康"] * 30
    assert len({c.start for c in got}) == 30


def test_designated_names_are_taken_once_however_often_designated():
    sentence = "国家医疗保障局（以下简称“国家医保局”）发布通知，国家医保局表示将推进改革。"
    text = sentence * 40
    found = [Candidate(k * len(sentence), k * len(sentence) + 7, "国家医疗保障局", "government", "national", None,
                       "gazetteer.known", 0.9) for k in range(40)]
    got = [c for c in reference_candidates(text, found) if c.rule == "reference.designated"]
    assert len(got) == len({c.start for c in got}) == 80  # each 国家医保局 once, not once per designation


def _filler_names(n: int) -> list[Candidate]:
    out = []
    for k, pair in enumerate(_PAIRS[:n]):
        for name, rule in ((f"广州市{pair}残疾人辅助器具服务中心", "gazetteer.known"),
                           (f"广州市{pair}残疾人辅助器具中心", "pattern.anchored")):
            out.append(Candidate(2 * k, 2 * k + 1, CountingName(name), "public_health", "municipal", "广州市", rule, 0.8))
    return out


def test_fillers_look_names_up_instead_of_scanning_them():
    small, large = _filler_names(20), _filler_names(80)
    counts = []
    for found in (small, large):
        CountingName.ops = 0
        got = _fillers(found)
        counts.append(CountingName.ops)
        assert len(got) == len(found) // 2  # each 辅助器具中心 takes its 服务中心's name
        assert all(g.name == str(c.name).replace("中心", "服务中心") for g, c in zip(got, found[1::2]))
    assert counts[1] / counts[0] < LINEAR, counts


# --- the abbreviation layer against the text-driven search it replaced ----------------------

def _ends(text: str, p: int, words: tuple[str, ...]) -> list[tuple[int, int]]:
    name = "".join(words)
    out: list[tuple[int, int]] = []
    if words[0] in GENERIC_WORDS:
        return out
    stack = [(p, 0, 0, -1, False, MAX_SHORT)]
    while stack:
        k, i, pieces, last, cut, least = stack.pop()
        if (pieces >= 2 and cut and k - p >= MIN_SHORT and words[last] not in GENERIC_WORDS
                and not _region_word(words[last]) and text[p:k] not in name):
            out.append((k, least))
        for w in range(i, len(words)) if pieces else (0,):
            word = words[w]
            for n in range(1, len(word) + 1):
                if k + n - p > MAX_SHORT or text[k:k + n] != word[:n]:
                    break
                stack.append((k + n, w + 1, pieces + 1, w, cut or n < len(word), min(least, n) if n < len(word) else least))
    return out


def _scan_per_name(text: str, found: list[Candidate]) -> list[Candidate]:
    """The former abbreviation layer: for each name, every place its head occurs, extended
    along the text."""
    out, seen = [], set()
    quotes = any(q in text for q in _QUOTES)
    for c in found:
        if c.kind not in KINDS or len(c.name) < MIN_NAME or c.name in seen:
            continue
        seen.add(c.name)
        words = _words(c.name)
        if len(words) < 2:
            continue
        regional = _region_word(words[0])
        shorts: dict[str, list[int]] = {}
        least: dict[str, int] = {}
        head = words[0][:1] if quotes or len(words[0]) < MIN_PIECE else words[0][:MIN_PIECE]
        p = text.find(head)
        while p >= 0:
            for end, n in _ends(text, p, words):
                shorts.setdefault(text[p:end], []).append(p)
                least[text[p:end]] = n
            p = text.find(head, p + 1)
        for short, starts in shorts.items():
            quoted = any(_quoted(text, s, s + len(short)) for s in starts)
            if not quoted and (len(short) < MIN_UNQUOTED or least[short] < MIN_PIECE or regional):
                continue
            for s in starts:
                e = s + len(short)
                if (s and not cut_at(text, s) and not _quoted(text, s, e)) or (e < len(text) and not cut_at(text, e)):
                    continue
                if CHANNEL_AFTER.match(text, e):
                    continue
                out.append(c.with_(start=s, end=e, rule="reference.abbreviation", confidence=0.65))
    return out


WRITTEN = [
    "复旦大学附属肿瘤医院专家介绍，“复旦肿瘤”团队已完成多例手术。复旦肿瘤团队下一步将扩大门诊。",
    "广州医科大学附属肿瘤医院（“广医肿瘤”）与中山大学附属第一医院合作，广医肿瘤专家参与义诊。",
    "关注“广西疾控”微信公众号可查询。广西壮族自治区疾病预防控制中心提示，广西疾控将发布通告。",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_one_pass_finds_what_the_scan_per_name_found(text):
    found = [c for c in resolved_candidates(text) if c.rule != "reference.abbreviation"]
    assert abbreviation_candidates(text, found) == _scan_per_name(text, found)


@pytest.mark.parametrize("pattern", ["xwlb_2022122*", "xwlb_202602*"])
def test_one_pass_finds_what_the_scan_per_name_found_on_real_files(pattern):
    files = bulk_files(pattern)
    if not files:
        pytest.skip(f"no bulk file {pattern}")
    checked = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = resolved_candidates(text)
        expected = _scan_per_name(text, found)
        assert abbreviation_candidates(text, found) == expected, path.name
        checked += bool(expected)
    assert checked, "no file had a short form: the comparison proved nothing"


@pytest.mark.parametrize("literals", [["康康", "海每康"], ["康康", "海每康", "上海", "医院", "肿瘤", "仁安", "大学", "附属",
                                                           "专科", "每康"]])
def test_occurrences_are_every_start_and_chains_are_what_finditer_gives(literals):
    import re

    from extract.institutions.automata import FEW, chain, occurrences

    text = "上海海每康康康康医院，海每康公司与上海仁安大学附属肿瘤医院合作。康康康康康"
    at = occurrences(text, literals)
    assert (len(literals) <= FEW) == (len(literals) == 2)  # the two cases: str.find, then an automaton
    for w in literals:
        every = [k for k in range(len(text)) if text.startswith(w, k)]
        assert at.get(w, []) == every
        for pos in (0, 3, 9, 30):
            assert list(chain(every, len(w), pos)) == [pos + m.start() for m in re.finditer(re.escape(w), text[pos:])]


class ScanCountingText(str):
    """A text that counts the characters its find/rfind calls may scan."""
    scanned = 0

    def find(self, sub, start=0, end=None):
        ScanCountingText.scanned += (len(self) if end is None else end) - start
        return super().find(sub, start, end)

    def rfind(self, sub, start=0, end=None):
        ScanCountingText.scanned += (len(self) if end is None else end) - start
        return super().rfind(sub, start, end)


def _implied_lookups_scan(n: int) -> int:
    """An implied 市 resolved at every body of one long line (no line break): the paragraph
    of each position was found by scanning back to the line's start, n look-ups x n chars."""
    from extract.institutions.gazetteer import RegionContext, region_hits

    text = "标题\n\n" + "广州市卫生健康委员会、北京市医疗保障局、市人民医院、" * n
    hits = region_hits(text)
    ctx = RegionContext(hits, frozenset(h.start for h in hits), ScanCountingText(text))
    ScanCountingText.scanned = 0
    pos = text.find("市人民医院")
    while pos >= 0:
        assert ctx.resolve(pos, "municipal") is not None
        pos = text.find("市人民医院", pos + 1)
    return ScanCountingText.scanned


def test_implied_region_lookups_do_not_rescan_a_long_line():
    small, big = _implied_lookups_scan(200), _implied_lookups_scan(800)
    assert big <= LINEAR * max(small, 1), (small, big)
