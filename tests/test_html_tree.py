"""extract/ingest/tree.py builds the tree BeautifulSoup's "lxml" builder builds, node for
node, and answers the questions the HTML front end asks of it (find_all, get_text,
.string, next siblings, the same after elements are removed) as bs4 does; the character
stream of extract/ingest/html_stream.py gives every character the raw offset a plain
per-character scan gives it."""
from __future__ import annotations

import bisect
import html as htmllib
import re

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.ingest import tree
from extract.ingest.html_stream import Locator, text_stream

from conftest import bulk_files

PAGE = """<!DOCTYPE html><html><head><title>市医保局关于调整门诊待遇的通知</title>
<meta name="author" content="市医保局"><script>var nickname = "健康某市";</script></head>
<body><div id="js_name" class="profile_nickname  top">健康某市</div><!-- 导航 -->
<nav><a href="/">首页</a><form><input></form></nav>
<div class="title main"><h1>关于调整门诊待遇的通知</h1></div>
<div class="content"><p>自2025年1月1日起，<span>门诊</span>报销比例提高至<b>60%</b>。</p>
<p>参保人可登录<ruby>医<rt>yī</rt></ruby>保服务平台查询 &amp; 办理。</p>
<pre>  第一步：登录
  第二步：申请  </pre><template><p>模板里的字</p></template>
<section><p class="rich_media_meta_text">记者 王某</p><font>附件</font></section></div>
<table><tr><td>联系电话</td><td><ul><li>12345</li></ul></td></tr></table>
<?php echo 1; ?><style>p {}</style></body></html>"""

KIND = {"NavigableString": "text", "Comment": "comment", "Doctype": "doctype", "ProcessingInstruction": "pi",
        "Script": "script", "Stylesheet": "style", "TemplateString": "template", "RubyTextString": "rt",
        "RubyParenthesisString": "rp", "CData": "text"}
NAMES = [("p", "h1", "h2", "h3", "h4", "li", "td", "pre", "blockquote", "div", "span", "section", "font"),
         ("h1", "h2", "h3", "div", "p", "span", "td"), ("meta",), ("script",), ("a",), ("div", "p", "table", "ul")]


def _bulk_pages():
    pages = sorted(bulk_files("*.html") + bulk_files("*.jsp") + bulk_files("*.php"))
    return [p.read_bytes().decode("utf-8", "replace") for p in pages[::max(1, len(pages) // 40)][:40]]


def _assert_same(raw: str, drop_every: int = 0, sample: int = 1) -> None:
    soup = BeautifulSoup(raw, "lxml")
    page = tree.parse(raw)
    theirs = [soup] + list(soup.descendants)
    where = {id(x): i for i, x in enumerate(theirs)}
    assert len(page.nodes) == len(theirs)
    for a, b in zip(page.nodes, theirs):
        if isinstance(b, Tag):
            assert a.is_element and a.name == b.name
            assert (a.parent.idx if a.parent else None) == (where[id(b.parent)] if b.parent else None)
            if b is not soup:
                assert {k: " ".join(tree._WORDS.findall(v)) if isinstance(b.attrs[k], list) else v
                        for k, v in a.attrs.items()} == {k: " ".join(v) if isinstance(v, list) else v
                                                          for k, v in b.attrs.items()}
        else:
            assert not a.is_element and a.text == str(b) and a.kind == KIND[type(b).__name__]
    if drop_every:  # remove some elements in both trees, as the front end does
        for a, b in list(zip(page.nodes, theirs))[1::drop_every]:
            if isinstance(b, Tag) and page.is_live(a):
                b.decompose()
                page.drop(a)
        theirs = [soup] + list(soup.descendants)
        assert [x.idx for x in page.walk(page.root)] == [where[id(x)] for x in theirs]
    ix = tree.TextIndex(page)
    for b in theirs[::sample]:  # bs4's get_text walks the subtree: a sample on deep pages
        if not isinstance(b, Tag):
            continue
        a = page.nodes[where[id(b)]]
        assert ix.text(a) == page.get_text(a) == b.get_text()
        assert ix.text(a, " ", strip=True) == page.get_text(a, " ", strip=True) == b.get_text(" ", strip=True)
        assert ix.text_len(a) == len(b.get_text())
        assert ix.cjk(a) == len(re.findall(r"[\u4e00-\u9fff]", b.get_text()))
        assert ix.link_len(a) == sum(len(x.get_text()) for x in b.find_all("a"))
        try:
            want = b.string
        except RecursionError:  # bs4 recurses through single children; ours loops
            continue
        assert page.string(a) == (None if want is None else str(want))
        if b is not soup:
            assert [where[id(x)] for x in b.find_next_siblings(limit=2)] == [x.idx for x in page.next_siblings(a, 2)]
    assert [where[id(x)] for x in soup.find_all(True)] == [x.idx for x in page.elements()]
    for names in NAMES:
        assert [where[id(x)] for x in soup.find_all(list(names))] == [x.idx for x in page.elements(names)]
        for b in soup.find_all(list(names))[:30]:
            got = page.elements(("div", "p", "table", "ul"), page.nodes[where[id(b)]])
            assert [where[id(x)] for x in b.find_all(["div", "p", "table", "ul"])] == [x.idx for x in got]


def test_written_page_node_for_node():
    _assert_same(PAGE)
    _assert_same(PAGE, drop_every=7)


def test_written_page_kinds():
    page = tree.parse(PAGE)
    kinds = {(n.kind, n.text.strip()) for n in page.strings_all}
    assert ("rt", "yī") in kinds and ("template", "模板里的字") in kinds and ("comment", "导航") in kinds
    assert ("script", 'var nickname = "健康某市";') in kinds and ("doctype", "html") in kinds
    pre = next(n for n in page.strings_all if "第一步" in n.text)
    assert pre.pre and pre.text.startswith("  第一步")
    body = page.first("body")
    assert "yī" not in page.get_text(body) and "模板" not in page.get_text(body)
    assert page.first(None, lambda e: e.attrs.get("id") == "js_name").tokens("class") == ["profile_nickname", "top"]


@pytest.mark.parametrize("k", range(40))
def test_bulk_page_node_for_node(k):
    pages = _bulk_pages()
    if k >= len(pages):
        pytest.skip("no such bulk page")
    _assert_same(pages[k], drop_every=11 + k)


HOSTILE = [
    "<div>" * 1500 + "深" + "</div>" * 1500,
    "<p>一<p>二<li>三<td>四</b></i></span>五" * 50,
    "</div></p>正文<b><i>粗斜</b>斜</i>",
    "<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby><rt><b>外</b></rt>",
    "<pre>\n\n  </pre><textarea>  </textarea>  \n  <p>  </p>\t\x0c",
    "\ufeff<html><body>有BOM</body></html>",
    "<a href='x' class=' a  b '>链</a><a><a>嵌</a></a>",
    "<table><p>表外</p><tr><td>格</td></tr></table>",
    "<script>if (a < b) { x = '</div>'; }</script><style>a{}</style><noscript><p>无</p></noscript>",
    "<!-- 注 --><?xml version='1.0'?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\">正",
    "<p>&amp;&lt;&#x4e2d;&#20013;&nbsp;&bogus;&#0;</p>",
    "<td nowrap class=x class=y id=a id=b>重复属性</td>",
    "文字<br/>换行<img src=x>图<hr>线",
    "<html><head><title> </title></head><body><title>二</title></body></html>",
    "<svg><title>图题</title><p>svg里</p></svg><math><mi>x</mi></math>",
    "<o:p>办公</o:p><x:y z:w='1'>命名</x:y>",
    "<template><rt>模</rt></template><rt><template>板</template></rt>",
]


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_markup_node_for_node(raw):
    sample = 1 + len(raw) // 2000
    _assert_same(raw, sample=sample)
    _assert_same(raw, drop_every=3, sample=sample)


_PIECES = ["<p>", "</p>", "<div class='a b'>", "</div>", "<span>", "</span>", "<br>", "<pre>", "</pre>", "<a>",
           "</a>", "<rt>", "</rt>", "<script>", "</script>", "<!--", "-->", "<table>", "<td>", "<li>", "<title>",
           " ", "\n", "\t", "\r\n", "医保", "报销", "&amp;", "&#x4e2d;", "<", ">", "'", '"', "=", "x", "<b/>"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_random_markup_node_for_node(pieces):
    raw = "".join(pieces)
    if not raw.strip():
        return
    _assert_same(raw)
    _assert_same(raw, drop_every=2)


# -- the character stream ------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def _reference_stream(raw: str, offset: int) -> tuple[str, list[int]]:
    """The stream by the plain per-character scan it was first written as."""
    chars: list[str] = []
    pos: list[int] = []

    def text(i: int, j: int) -> None:
        last = i
        for m in _ENTITY.finditer(raw, i, j):
            for c in range(last, m.start()):
                if raw[c] != "\r":
                    chars.append(raw[c])
                    pos.append(offset + c)
            for ch in htmllib.unescape(m.group(0)):
                chars.append(ch)
                pos.append(offset + m.start())
            last = m.end()
        for c in range(last, j):
            if raw[c] != "\r":
                chars.append(raw[c])
                pos.append(offset + c)

    n, i = len(raw), 0
    while i < n:
        j = raw.find("<", i)
        j = n if j < 0 else j
        text(i, j)
        if j >= n:
            break
        if raw.startswith("<!--", j):
            k = raw.find("-->", j + 4)
            i = n if k < 0 else k + 3
            continue
        if raw.startswith("<!", j) or raw.startswith("<?", j):
            k = raw.find(">", j + 2)
            i = n if k < 0 else k + 1
            continue
        m = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})").match(raw, j)
        if not m:
            text(j, j + 1)
            i = j + 1
            continue
        k, quote = m.end(), ""
        while k < n:
            c = raw[k]
            if quote:
                q = raw.find(quote, k)
                k, quote = (n, "") if q < 0 else (q + 1, "")
                continue
            if c in "\"'" and k and (raw[k - 1] == "=" or raw[k - 1].isspace()):
                quote = c
            elif c == ">":
                k += 1
                break
            elif c == "<" and k + 1 < n and (raw[k + 1] == "/" or raw[k + 1].isalpha()):
                break
            k += 1
        name = m.group(2).lower()
        i = k
        if not m.group(1) and name in ("script", "style", "textarea", "xmp", "noscript", "template") \
                and not raw[j:k].rstrip(">").endswith("/"):
            close = next((x.start() for x in re.finditer("</", raw[k:]) if raw[k + x.start():k + x.start() + len(name) + 2]
                          .lower() == "</" + name), None)
            i = n if close is None else k + close
    return "".join(chars), pos


def _assert_stream(raw: str, offset: int) -> None:
    want_text, want_pos = _reference_stream(raw, offset)
    stream = text_stream(raw, offset)
    assert stream.text == want_text
    assert [stream.pos_at(k) for k in range(len(want_text))] == want_pos
    if want_text:
        assert stream.mapped(0, len(want_text)).pos == want_pos
        a, b = len(want_text) // 3, max(len(want_text) // 3 + 1, 2 * len(want_text) // 3)
        assert stream.mapped(a, b).pos == want_pos[a:b]
    for x in range(offset - 1, offset + len(raw) + 2):
        assert stream.index_at(x) == bisect.bisect_left(want_pos, x)


@pytest.mark.parametrize("raw", [PAGE] + HOSTILE, ids=range(len(HOSTILE) + 1))
def test_stream_offsets_match_the_plain_scan(raw):
    _assert_stream(raw, 0)
    _assert_stream(raw, 5)


_STREAM_PIECES = ["<", ">", '"', "'", "=", " ", "a", "b", "/", "!", "-", "&", "amp;", "#12;", "\r", "\n", "中",
                  "script", "style", "?", "</", 'x="', "'y", "<!--", "-->", "&#x4e2d;", "p", "\t", "①",
                  "ScRipt", "TEXTAREA", "<p>", "</b>", "<br/>", "<a href='x>'>", "scripts"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STREAM_PIECES), max_size=40), st.integers(0, 3))
def test_random_stream_offsets_match_the_plain_scan(pieces, offset):
    _assert_stream("".join(pieces), offset)


def test_locator_finds_strings_in_order_and_falls_back():
    stream = text_stream("<p>甲&amp;乙</p><p>甲</p><p>丙  丁</p>")
    loc = Locator(stream)
    assert loc.locate("甲&乙").pos == [3, 4, 9]  # the entity's character at the entity
    assert loc.locate("甲").pos == [17]  # the second 甲: the cursor moved on
    assert loc.locate("丙 丁").pos == [25, 26, 28]  # whitespace squeezed: matched character by character
