"""Front matter of the common shape is read without PyYAML (extract/ingest/frontmatter.py
`_simple`): whatever it reads must be exactly what the PyYAML loader gives, and anything it is
not sure of is left to PyYAML (None)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from extract.ingest import frontmatter as fm
from conftest import CORPUS_DEV, bulk_files

# blocks of the shape written by exporters of newspaper pages, blogs and static sites
COMMON = [
    'title: "长期护理保险制度全面推开（政策解读）"\ndate: 2025-11-04\nsection: "第06版"\n'
    "keywords: [长护险, 失能, 照护]\nword_count: 1830\nsource_url: \"https://example.org/a/1.html\"\n"
    'related:\n  - "[[医保目录调整（观察）]]"\n  - "[[异地就医直接结算]]"',
    "title: 市医保局关于做好2025年度参保缴费工作的通知\nauthor: 张明\ntags:\n- 医保\n- 缴费",
    "title: '单引号标题'\nurl: https://www.example.gov.cn/art/2025/3/1/art_1.html\nlist: []",
    "标题: 不是英文键",
]
# each needs PyYAML (or means something else to it): must be left to it
NOT_SIMPLE = [
    "title: yes", "title: No", "on: 1", "title: null", "title: ~", "count: 012", "count: 1_000",
    "count: 1.5", "count: -3", "count: +3", "date: 2025-1-4", "date: 2025-01-04 10:00:00",
    "title: a # comment", "title: &a x", "title: *a", "title: !!str 1", "title: |\n  line",
    "title: >\n  line", 'title: "esc\\"aped"', "title: 'it''s'", "title: a: b", "title: a:",
    "title: first\n  continued", "title:\n  nested: map", "title:", "title: [a, [b]]",
    "title: [a, b", "title: [a, ]", "title: [a: b]", "title: x\n\nauthor: y", "\ttitle: x",
    "title: x\r\nauthor: y", "title: \u2028x", "title: \x85x", "title: \ufeffx", "title: \x7fx",
    "title: x\n- item", "list:\n  - a\n    - b", "list:\n  - a\n - b", "list:\n  -", "- a\n- b",
    "title: " + "9" * 40, "<<: x", "title: %x", "title: @x", "title: `x`", "title: ?x", "title: -x",
    'title: "a"b', "Title: .inf", "key-with-dash: x", "title: {a: b}",
]


def _yaml(block: str):
    loader = fm._loader()(block)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _check(block: str):
    simple = fm._simple(block)
    if simple is not None:
        assert simple == _yaml(block), block
        assert [type(v) for v in simple.values()] == [type(v) for v in _yaml(block).values()], block
    return simple


@pytest.mark.parametrize("block", COMMON)
def test_common_blocks_read_as_pyyaml_reads_them(block):
    if block.startswith("标题"):
        assert fm._simple(block) is None
        return
    assert _check(block) is not None


@pytest.mark.parametrize("block", NOT_SIMPLE)
def test_other_blocks_are_left_to_pyyaml(block):
    assert fm._simple(block) is None


def test_whole_front_matter_same_either_way(monkeypatch):
    text = "---\n" + COMMON[0] + "\n---\n\n正文第一段。"
    fast = fm.read_front_matter(text)
    monkeypatch.setattr(fm, "_simple", lambda block: None)
    slow = fm.read_front_matter(text)
    assert fast == slow and fast.data["word_count"] == 1830 and text[fast.body_at:] == "\n正文第一段。"


def test_real_front_matter_same_either_way(monkeypatch):
    files = bulk_files("*.md") + sorted((CORPUS_DEV / "articles").glob("*.md"))
    texts = [t for t in (p.read_text(encoding="utf-8", errors="replace") for p in files) if t.lstrip().startswith("---")]
    if not texts:
        pytest.skip("no corpus with front matter")
    fast = [fm.read_front_matter(t) for t in texts]
    monkeypatch.setattr(fm, "_simple", lambda block: None)
    assert fast == [fm.read_front_matter(t) for t in texts]
    assert sum(bool(f.data) for f in fast) >= 1


def test_plain_text_needs_no_yaml():
    code = ("import sys; from extract.ingest.frontmatter import read_front_matter as r; "
            "r('正文，没有前置元数据。'); r('---\\ntitle: \"医保新规\"\\ndate: 2025-06-01\\n---\\n正文');"
            "print('yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


_WORD = st.text(st.sampled_from("医保局a1-: #'\"[],{}.~yYnN_\\ 　x"), min_size=0, max_size=8)
_KEY = st.sampled_from(["title", "date", "on", "n", "Null", "tags", "x_1", "a-b"])
_VALUE = st.one_of(
    _WORD, st.builds(lambda w: f'"{w}"', _WORD), st.builds(lambda w: f"'{w}'", _WORD),
    st.builds(lambda ws: "[" + ", ".join(ws) + "]", st.lists(_WORD, max_size=4)),
    st.builds(lambda ws: "".join(f"\n{i}- {w}" for i, w in ws),
              st.lists(st.tuples(st.sampled_from(["", "  ", " "]), _WORD), min_size=1, max_size=3)),
    st.sampled_from(["2025-06-01", "0", "17", "007", "2025-6-1", "1.0", "true", "~", ""]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_KEY, _VALUE), min_size=1, max_size=5))
def test_generated_blocks_agree_with_pyyaml(pairs):
    block = "\n".join(f"{k}:{'' if v.startswith(chr(10)) or not v else ' '}{v}" for k, v in pairs)
    try:
        _yaml(block)
    except Exception:                   # not YAML at all: must not be read as simple either
        assert fm._simple(block) is None, block
        return
    _check(block)


@settings(max_examples=600, deadline=None)
@given(_KEY, _VALUE)
def test_generated_lines_agree_with_pyyaml(key, value):
    """One key at a time: most of these are of the simple shape, so most are compared."""
    test_generated_blocks_agree_with_pyyaml.hypothesis.inner_test([(key, value)])
