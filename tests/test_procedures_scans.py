"""The shortcuts of the procedures stage give what the plain scans they replace give: the
article-wide channel scan against a scan of each range, bare menu paths scanned around
separators, list markers and clause-opening eligibility patterns tried only where they can
start, sentences skipped by a word scan. Checked on written sentences and, when present,
on the development corpus's bulk files (their ingested text)."""
from __future__ import annotations

import pytest

from extract.procedures import condition_scans, lists, paths, prose
from extract.procedures.channels import _Scan, channel_spans, find_channels
from extract.procedures.clauses import Sentences, WordHits, sentences
from extract.procedures.lexicon import lexicon

from conftest import bulk_texts

WRITTEN = (
    "参保人可通过“随申办”APP、“上海医保”微信公众号或拨打12345热线咨询；也可前往社区事务受理服务中心办理。\n"
    "办理路径：我的＞社保卡＞申领进度，或者服务—医保查询—缴费记录。高原腹地的特高压工程——金沙江上游送湖北。\n"
    "1.登录网上服务大厅\n2.点击【个人中心】-【我要理赔】\n3、上传材料。\n（一）申请人向街道办事处提出申请。\n"
    "Step1 打开小程序；step2 先注册，再登录。电话：021-12345678\n"
    "凡是本市户籍的参保人员，均可申请。本市户籍老年人、残疾人和低保家庭，可以免费办理。"
)


# the written texts, and every 15th of the 880 bulk files where they are present
TEXTS = [t for t in [WRITTEN, WRITTEN[5:], "——" * 50 + "我的" + "＞" * 30, "1.\n2.\n" * 20] + bulk_texts(15) if t]


def _spans(ms) -> list[tuple[int, int]]:
    return [m.span() for m in ms]


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_channel_scan_agrees_with_range_scans(k):
    text = TEXTS[k]
    lex = lexicon()
    scan = _Scan(lex, text)
    ranges = sentences(text) + [(i, min(len(text), i + 37)) for i in range(0, len(text), 23)]
    for lo, hi in ranges:
        for j, rx in enumerate((lex.suffix_re, lex.office_re, lex.hotline_re)):
            inside = scan.inside(j, lo, hi)
            if inside is not None:
                assert _spans(inside) == _spans(rx.finditer(text, lo, hi))
        # every occurrence of a name (hotline numbers aside) in text[lo:hi], by end, the longest first
        piece = text[lo:hi]
        own = sorted(((lo + i, lo + i + len(w)) for w, g in lex.gazetteer.items() if g.kind != "hotline"
                      for i in range(len(piece)) if piece.startswith(w, i)), key=lambda t: (t[1], t[0]))
        assert [(g[0], g[1]) for g in scan.gazetteer(lo, hi)] == own
    # the sentences no channel hit overlaps (those _channel_sentences skips) name no channel
    maybe = set(Sentences(text).overlapping(channel_spans(text)))
    for lo, hi in sentences(text):
        if (lo, hi) not in maybe:
            assert find_channels(text, lo, hi) == []


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_bare_paths_agree_with_a_whole_scan(k):
    text = TEXTS[k]
    bare = paths._patterns()[5]
    assert _spans(paths._bare_paths(text, 0, len(text))) == _spans(bare.finditer(text))
    assert _spans(paths._bare_paths(text, 7, len(text) - 3)) == _spans(bare.finditer(text, 7, len(text) - 3))


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_list_markers_and_clause_starts_agree_with_finditer(k):
    text = TEXTS[k]
    _, fams = lists._config()
    starts = lists._starts(text)
    for fam in fams:
        for rx, where in zip(fam.patterns, fam.starts):
            if where:
                assert _spans(lists._anchored_finditer(text, rx, starts[where])) == _spans(rx.finditer(text))
    rx = condition_scans._rx()
    for key in ("subject", "people_list"):
        assert rx["clause_starts"][key] is not None
        assert _spans(condition_scans._clause_finditer(text, key)) == _spans(rx[key].finditer(text))


def test_people_list_tried_only_near_its_words():
    """The people-list pattern is tried only at clause starts near one of its needed words
    (均可, 都可以 …): its matches are still every match of a plain scan."""
    assert condition_scans._near_words("people_list") is not None
    text = ("通知如下。退休人员、在职职工和城乡居民，均可到社区服务中心办理；"
            "困难职工及其家庭成员，经审核后都可以申请补贴。" * 3 + "，" * 600 + "低保家庭或特困人员，均可享受。")
    rx = condition_scans._rx()["people_list"]
    found = _spans(condition_scans._clause_finditer(text, "people_list"))
    assert len(found) == 4 and found == _spans(rx.finditer(text))


@pytest.mark.parametrize("k", range(len(TEXTS)))
def test_word_hits_keep_every_sentence_that_matches(k):
    text = TEXTS[k]
    rx = prose._rx()
    sents = sentences(text)
    for pats in ((rx["application"],), (rx["first"],)):
        kept = set(WordHits(text, pats).sentences(Sentences(text)))
        assert {(s, e) for s, e in sents if pats[0].search(text, s, e)} <= kept
