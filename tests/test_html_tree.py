"""extract/ingest/tree.py gives the elements bs4's find_all/find give, in the same order."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Comment

from extract.ingest import tree

from conftest import bulk_files

PAGE = """<!DOCTYPE html><html><head><title>市医保局关于调整门诊待遇的通知</title>
<meta name="author" content="市医保局"><script>var nickname = "健康某市";</script></head>
<body><div id="js_name" class="profile_nickname  top">健康某市</div><!-- 导航 -->
<nav><a href="/">首页</a><form><input></form></nav>
<div class="title main"><h1>关于调整门诊待遇的通知</h1></div>
<div class="content"><p>自2025年1月1日起，<span>门诊</span>报销比例提高至<b>60%</b>。</p>
<section><p class="rich_media_meta_text">记者 王某</p><font>附件</font></section></div>
<table><tr><td>联系电话</td><td><ul><li>12345</li></ul></td></tr></table></body></html>"""

NAMES = [("p", "h1", "h2", "h3", "h4", "li", "td", "pre", "blockquote", "div", "span", "section", "font"),
         ("h1", "h2", "h3", "div", "p", "span", "td"), ("meta",), ("script",), ("a",), ("div", "p", "table", "ul")]


def _pages():
    yield PAGE
    pages = sorted(bulk_files("*.html") + bulk_files("*.jsp") + bulk_files("*.php"))
    for p in pages[::max(1, len(pages) // 40)][:40]:
        yield p.read_bytes().decode("utf-8", "replace")


@pytest.mark.parametrize("k", range(41))
def test_same_elements_as_bs4(k):
    pages = list(_pages())
    if k >= len(pages):
        pytest.skip("no such bulk page")
    soup = BeautifulSoup(pages[k], "lxml")
    assert tree.tags(soup) == list(soup.find_all(True))
    assert all(a is b for a, b in zip(tree.tags(soup), soup.find_all(True)))
    for names in NAMES:
        got, want = tree.tags(soup, names), soup.find_all(list(names))
        assert len(got) == len(want) and all(a is b for a, b in zip(got, want))
        for el in want[:30]:
            assert tree.first(el, names) is el.find(list(names))
            assert tree.own_strings(el) == el.find_all(string=True, recursive=False)
    assert tree.comments(soup) == soup.find_all(string=lambda s: isinstance(s, Comment))
    assert tree.with_id(soup, ("js_name", "profile_nickname")) is soup.find(id=("js_name", "profile_nickname"))
    for cls in ("profile_nickname", "rich_media_meta_text", "title", "content"):
        got, want = tree.with_class(soup, cls), soup.find_all(class_=cls)
        assert len(got) == len(want) and all(a is b for a, b in zip(got, want))


def test_written_page_finds_what_it_holds():
    soup = BeautifulSoup(PAGE, "lxml")
    assert tree.with_id(soup, ("js_name",)).get_text() == "健康某市"
    assert [el.name for el in tree.with_class(soup, "profile_nickname")] == ["div"]
    assert [str(c).strip() for c in tree.comments(soup)] == ["导航"]
    assert tree.first(soup, ("ul", "li")).name == "ul"
