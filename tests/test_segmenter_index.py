"""The institution stage's segmenter without rjieba: jieba-rs's algorithm in Python
(extract/institutions/jiebacut.py) over the on-disk index of jieba's dictionary
(jiebaindex.py) gives rjieba's answers word for word: tokenize (default mode, HMM on), cut and
tag without HMM, on windows of every bundled text and of the real development texts, on
edge cases, and on every CJK character alone; a missing or stale index falls back to rjieba."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS_DEV, ROOT
from extract.institutions import jiebaindex, segmenter
from extract.institutions.jiebacut import Segmenter

rjieba = pytest.importorskip("rjieba")

EDGE_CASES = [
    "", "a", "1", "中", "。", " ", "\n", "\r\n", "\r", "\t\r\n\r\n", "上\r\n海", "x\r\n\ty",
    "abc网球拍卖会def！！？\r\n\t", "我们中出了一个叛徒", "他来到了网易杭研大厦",
    "小明硕士毕业于中国科学院计算所，后在日本京都大学深造", "2023年度城乡居民医保", "COVID-19疫苗第3剂",
    "ab12.5%好", "WES-5.4.5", "1.2.3%", "ab%%", "a--b", "ab-", "C++和C#", "x#y", "A&B", "丄丅+#丄",
    "丄丅鿖鿗ab-c.d_e%f", "𠀀𠀁中国", "\U0002a6e0\U0002a6e1", "䶵䶶", "豈更車賈", "ａｂ１２医院",
    "语语语語語", "糧三壺", "中国人民abc123", "IgG4相关性疾病", "H7N9型禽流感", "上海市第六人民医院",
    "国家卫健委", "北京协和医院", "年轻人大展身手", "集中办理", "WHOLE WHO", "🏥医院👪", "医" * 40,
]


def _texts(folder: Path, step: int = 1) -> list[str]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".json"))[::step]
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def _windows(texts: list[str], width: int, step: int):
    for text in texts:
        for i in range(0, max(1, len(text) - width + 1), step):
            yield text[i:i + width]


def _varied_windows(texts: list[str], step: int):
    """Windows of 1 to 37 characters, the width changing with the position."""
    for text in texts:
        for i in range(0, len(text), step):
            yield text[i:i + 1 + i % 37]


def _disagreements(seg: Segmenter, windows) -> tuple[int, list]:
    n, off = 0, []
    for w in windows:
        n += 1
        mine = (seg.tokenize(w), seg.cut(w, False), seg.tag(w))
        theirs = (rjieba.tokenize(w), rjieba.cut(w, False), rjieba.tag(w, False))
        if mine != theirs:
            off.append((w, mine, theirs))
    return n, off[:5]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    path, words = jiebaindex.build(tmp_path_factory.mktemp("jieba") / "jieba-words.idx")
    assert words > 300_000
    return path


@pytest.fixture(scope="module")
def seg(built) -> Segmenter:
    index = jiebaindex.open_index(built)
    assert index is not None
    return Segmenter(index)


def test_edge_cases_agree_with_rjieba(seg):
    n, off = _disagreements(seg, EDGE_CASES)
    assert n == len(EDGE_CASES) and off == []
    assert seg.cut("我们中出了一个叛徒", True) == ["我们", "中出", "了", "一个", "叛徒"]   # HMM joins 中出
    assert seg.tag("中国人民abc123") == [("中国", "ns"), ("人民", "n"), ("abc123", "eng")]


def test_bundled_texts_agree_with_rjieba(seg):
    texts = [t for name in ("seeds", "gold", "heldout") for t in _texts(ROOT / "corpora" / name)]
    n, off = _disagreements(seg, _windows(texts, 12, 4))
    assert n > 25_000 and off == []


def test_real_texts_agree_with_rjieba(seg):
    if not (CORPUS_DEV / "articles").is_dir() or not (CORPUS_DEV / "bulk").is_dir():
        pytest.skip("../shared/corpus-dev is not present (third-party files are not in the repository)")
    texts = _texts(CORPUS_DEV / "articles") + _texts(CORPUS_DEV / "bulk")
    n, off = _disagreements(seg, _windows(texts, 12, 151))
    assert n > 20_000 and off == []
    n, off = _disagreements(seg, _varied_windows(texts, 257))
    assert n > 10_000 and off == []


def test_every_cjk_character_alone_agrees_with_rjieba(seg):
    """A character outside the dictionary: its tag is posseg's guess or x; HMM runs of them."""
    ranges = [(0x4E00, 0xA000), (0x3400, 0x4DC0), (0xF900, 0xFB00), (0x3000, 0x3100), (0xFF00, 0xFFF0),
              (0x20000, 0x20400), (0x2A6D0, 0x2A710), (0x2EBE0, 0x2EC00), (0x2F800, 0x2FA30)]
    chars = [chr(o) for a, b in ranges for o in range(a, b)]
    n, off = _disagreements(seg, chars + [c + c for c in chars[::7]] + [c + "a" for c in chars[::11]])
    assert n > 30_000 and off == []


def test_a_stale_or_missing_index_is_not_used(built, tmp_path, monkeypatch):
    path = tmp_path / "copy.idx"
    path.write_bytes(built.read_bytes())
    assert jiebaindex.open_index(path) is not None
    monkeypatch.setattr(jiebaindex, "source_key", lambda: (("dict.txt", 1, 2),))   # another jieba
    assert jiebaindex.open_index(path) is None
    assert jiebaindex.open_index(tmp_path / "absent.idx") is None
    path.write_bytes(b"not an index")
    assert jiebaindex.open_index(path) is None


def test_without_an_index_the_segmenter_is_rjieba():
    code = ("import sys; from extract.institutions import segmenter as s; "
            "print(type(s.backend()).__name__, s.tokenize('年轻人大展身手'), 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "HNX_JIEBA_INDEX": "0"}).stdout.split(" ", 1)
    assert out[0] == "_Rjieba" and out[1].strip().endswith("True")


def test_with_the_built_index_a_parse_does_not_import_rjieba():
    if jiebaindex.open_index() is None:
        pytest.skip("no current index in extract/_cache (python -m extract.cachebuild builds it)")
    code = ("import sys, extract; from extract.institutions import segmenter as s; "
            "extract.parse('年轻人大展身手，集中办理。北大医院和中行都在WHO的名单上。'); "
            "print(type(s.backend()).__name__, 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["Segmenter", "False"]
    assert segmenter.tokenize("年轻人大展身手") == rjieba.tokenize("年轻人大展身手")


def test_a_long_run_goes_on_with_rjieba_and_the_same_answers(seg, monkeypatch):
    monkeypatch.setattr(segmenter, "_BACKEND", seg)
    monkeypatch.setattr(segmenter, "_CALLS", 0)
    monkeypatch.setattr(segmenter, "SWITCH_AFTER", 3)
    texts = ["年轻人大展身手", "集中办理中办文件", "北大医院", "WHO和EMS", "上海市第六人民医院"]
    got = [(segmenter.tokenize(t), segmenter.cut(t), segmenter.tag(t)) for t in texts]
    assert type(segmenter.backend()).__name__ == "_Rjieba"
    assert got == [(rjieba.tokenize(t), rjieba.cut(t, False), rjieba.tag(t, False)) for t in texts]


def test_the_build_check_finds_a_disagreement(built, monkeypatch):
    n, off = jiebaindex.check(built, step=60)
    assert n > 1_000 and off == []
    monkeypatch.setattr(Segmenter, "tag", lambda self, text: [(text, "x")])
    n, off = jiebaindex.check(built, step=60)
    assert len(off) > n // 2
