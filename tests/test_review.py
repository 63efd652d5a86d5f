"""Review pages without a browser: the markup is well-formed and escaped, the
CSP names the page's own style sheet and script, every mention gets one
highlight, large runs split into pages, bad records are reported and skipped.
(What the page does in a browser: tests/test_review_browser.py.)"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extract.cli import app
from extract.review.document import render_document
from extract.review.escape import esc
from extract.review.layers import Layer, render
from extract.review.page import shell
from extract.review.show import write_show
from extract.schema import Article, Deadline, Document, Meta, Mention

from conftest import SEEDS

HOSTILE = Path(__file__).parent / "fixtures" / "review" / "hostile.txt"
runner = CliRunner()


class Tree(HTMLParser):
    """Checks nesting and collects elements, attributes and text."""

    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    return t


def hostile_record() -> Document:
    """A record whose every string field carries markup and control codes."""
    text = ("参保居民请于2024年12月31日前<script>alert(1)</script>缴费，每人每年400元"
            "<img src=x onerror=alert(2)>。\x1b[31m红\x1b[0m<a href=\"javascript:alert(3)\">点我</a>")
    at = text.index("2024年12月31日")
    mt = text.index("每人每年400元")
    return Document(
        id="<b>id</b>", source='x"><script>alert(4)</script>.txt', text=text,
        meta=Meta(title="<script>alert(5)</script>标题", url="javascript:alert(6)", outlet="<i onmouseover=alert(7)>报</i>",
                  authors=["\x1b]0;pwned\x07作者"]),
        articles=[Article(index=0, title="<svg onload=alert(8)>", start=0, end=len(text))],
        mentions=[Mention(type="date", start=at, end=at + 11, text="2024年12月31日", value="2024-12-31",
                          rule='"><img src=x onerror=alert(9)>'),
                  Mention(type="money", start=mt, end=mt + 8, text="每人每年400元", value=400.0,
                          per=["<u>人</u>", "年"], rule="money")],
        deadlines=[Deadline(due="2024-12-31", date=0, date_text="2024年12月31日", action="<b>缴费</b>",
                            actor="javascript:alert(10)", start=0, end=at + 12)])


def assert_inert(page: str) -> None:
    tree = parse(page)
    assert tree.balanced
    scripts = [a for tag, a in tree.elements if tag == "script"]
    assert [a for a in scripts if a.get("type") != "application/json"] == [{}], "only the page's own script"
    assert not [tag for tag, _ in tree.elements if tag in ("img", "iframe", "svg", "a", "object", "embed", "b", "i", "u")]
    for tag, attrs in tree.elements:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not any("javascript:" in (v or "") for k, v in attrs.items() if k in ("href", "src", "action")), attrs
    assert "\x1b" not in page and "\x07" not in page and "\u202e" not in page


# -- layers ------------------------------------------------------------------

def test_crossing_spans_stay_well_formed():
    text = "abcdefghij<&"
    layers = [Layer(1, 4, 3, "mark", ' class="m" data-m="0"', ' class="mc" data-m="0"'),
              Layer(3, 7, 3, "mark", ' class="m" data-m="1"', ' class="mc" data-m="1"'),
              Layer(0, 9, 0, "span", ' data-t="d0"')]
    html = render(text, 0, len(text), layers)
    assert html == ('<span data-t="d0">a<mark class="m" data-m="0">bc<mark class="m" data-m="1">d</mark></mark>'
                    '<mark class="mc" data-m="1">efg</mark>hi</span>j&lt;&amp;')


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<&\n医保", min_size=0, max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.integers(0, 3)), max_size=8),
       st.integers(0, 40), st.integers(0, 45))
def test_any_spans_render_every_character_once_and_balanced(text, spans, lo, hi):
    lo, hi = min(lo, len(text)), max(min(hi, len(text)), min(lo, len(text)))
    layers = [Layer(min(s, e, len(text)), min(max(s, e), len(text)), r, "mark",
                    f' class="m" data-m="{i}"', f' class="mc" data-m="{i}"') for i, (s, e, r) in enumerate(spans)]
    html = render(text, lo, hi, layers)
    tree = parse(html)
    assert tree.balanced
    assert "".join(tree.text) == text[lo:hi]
    firsts = [a["data-m"] for t, a in tree.elements if a.get("class") == "m"]
    want = [str(i) for i, l in enumerate(layers) if lo <= l.start and (l.start < hi or (l.start == l.end and l.start < hi))]
    assert sorted(firsts) == sorted(want)


def test_escape_shows_control_codes():
    assert esc("a\x1b[31mb\x07<c>\u202e\"'") == "a\u241b[31mb\u2407&lt;c&gt;\u27e8U+202E\u27e9&quot;&#x27;"
    assert esc("\ud800") == "\ufffd"


# -- page shell and documents ------------------------------------------------

def test_csp_names_the_inline_style_and_script_by_hash():
    page = shell("t", "<p>x</p>")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)

    def h(s):
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    assert f"style-src {h(style)};" in csp and f"script-src {h(script)};" in csp
    assert "default-src 'none'" in csp and "unsafe" not in csp
    assert not re.search(r"""(?:src|href)\s*=|<link|@import|url\(""", page)   # nothing to fetch


def test_every_mention_has_one_highlight_on_a_real_article():
    from extract import parse_file

    doc = parse_file(SEEDS / "000_dc737b12f01e9169.txt")
    assert len(doc.mentions) > 5
    section, row = render_document(doc, 0)
    tree = parse(section)
    assert tree.balanced
    firsts = [a["data-m"] for t, a in tree.elements if t == "mark" and a.get("class", "").startswith("m ")]
    assert sorted(map(int, firsts)) == list(range(len(doc.mentions)))
    assert "".join(tree.text).count(doc.mentions[0].text) >= 1
    assert row["counts"]["date"] == sum(m.type == "date" for m in doc.mentions)


def test_hostile_record_is_inert():
    section, _ = render_document(hostile_record(), 0)
    page = shell("x", section)
    assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\u241b[31m" in page                    # ESC shown as a symbol, not obeyed


def test_index_data_cannot_close_its_element(tmp_path):
    write_show([hostile_record(), hostile_record()], tmp_path / "i.html")
    page = (tmp_path / "i.html").read_text(encoding="utf-8")
    assert_inert(page)
    block = re.search(r'id="index-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and "&" not in block
    assert json.loads(block)[0]["title"] == "<script>alert(5)</script>标题"


def test_hostile_article_through_the_pipeline_is_inert(tmp_path):
    out = tmp_path / "h.html"
    res = runner.invoke(app, ["show", str(HOSTILE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert_inert(page)
    assert "&lt;img src=&quot;x&quot; onerror=&quot;window.__pwned = &#x27;onerror&#x27;&quot;&gt;" in page


# -- runs, pages, records ----------------------------------------------------

def _docs(n: int) -> list[Document]:
    out = []
    for i in range(n):
        text = f"第{i}号通知：请于2024年12月{i + 1}日前缴费。"
        at = text.index("2024年")
        end = text.index("前")
        out.append(Document(id=str(i), source=f"n{i}.txt", text=text, meta=Meta(published=f"2024-0{1 + i % 9}-01"),
                            mentions=[Mention(type="date", start=at, end=end, text=text[at:end])]))
    return out


def test_large_runs_split_into_pages(tmp_path):
    res = write_show(iter(_docs(5)), tmp_path / "r.html", page_docs=2)
    assert [p.name for p in res.pages] == ["0001.html", "0002.html", "0003.html"]
    index = (tmp_path / "r.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="index-data">(.*?)</script>', index).group(1))
    assert [(r["n"], r["href"]) for r in data] == [(i, f"r_pages/{i // 2 + 1:04d}.html") for i in range(5)]
    last = res.pages[-1].read_text(encoding="utf-8")
    assert "next page" not in last and 'href="0002.html">previous page' in last and 'href="../r.html"' in last
    assert "next page" in res.pages[0].read_text(encoding="utf-8")
    res = write_show(iter(_docs(4)), tmp_path / "r.html", page_docs=2)    # ends on a full page
    assert len(res.pages) == 2 and "next page" not in res.pages[-1].read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "r_pages").iterdir()) == ["0001.html", "0002.html"]  # no stale page
    write_show(iter(_docs(1)), tmp_path / "r.html", page_docs=2)
    assert not (tmp_path / "r_pages").exists()


def test_small_run_is_one_page_with_an_index(tmp_path):
    res = write_show(iter(_docs(3)), tmp_path / "one.html")
    page = (tmp_path / "one.html").read_text(encoding="utf-8")
    assert res.pages == [] and page.count('<section class="doc"') == 3 and 'id="f-q"' in page
    data = json.loads(re.search(r'id="index-data">(.*?)</script>', page).group(1))
    assert [r["n"] for r in data] == [0, 1, 2] and not any("href" in r for r in data)
    assert not (tmp_path / "one_pages").exists()


def test_records_with_a_bad_line_show_the_rest(tmp_path):
    docs = _docs(2)
    rec = tmp_path / "r.jsonl"
    rec.write_text(docs[0].to_json() + "\n{broken\n" + json.dumps({"id": 3, "text": []}) + "\n" + docs[1].to_json() + "\n",
                   encoding="utf-8")
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["show", str(rec), "-o", str(out)])
    assert res.exit_code == 1
    assert "r.jsonl:2: not JSON" in res.output and "r.jsonl:3: not a Document" in res.output
    assert "2 documents" in res.output
    assert out.read_text(encoding="utf-8").count('<section class="doc"') == 2


def test_show_runs_the_pipeline_on_a_folder(tmp_path):
    out = tmp_path / "seeds.html"
    res = runner.invoke(app, ["show", str(SEEDS), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == len(list(SEEDS.glob("*.txt")))


@pytest.mark.parametrize("args,code", [(["show", "nope.txt", "-o", "x.html"], 2), (["show", "--help"], 0)],
                         ids=["missing", "help"])
def test_show_usage(args, code):
    assert runner.invoke(app, args).exit_code == code


def test_gold_view_marks_agree_with_the_scores(tmp_path):
    """Outcome marks on `hnx show --gold` are the scorer's own verdicts: as many
    missed gold marks as partial false negatives, spurious marks as false positives."""
    fix = Path(__file__).parent / "fixtures" / "eval"
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["show", str(fix), "--gold", "--pred", str(fix / "pred.jsonl"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    tree = parse(page)
    assert tree.balanced

    def marks(attr, kind):
        return sum(1 for t, a in tree.elements if t == "mark" and attr in a and a.get("data-kind") == kind
                   and a.get("class", "").startswith("m "))

    from extract.evaluation.gold import load_gold
    from extract.evaluation.run import run_eval
    from extract.evaluation.evaluate import summary

    golds, errors = load_gold([fix])
    overall = summary(run_eval(golds, errors, pred=fix / "pred.jsonl"))["mentions"]["overall"]["partial"]
    assert marks("data-g", "missed") == overall["fn"] > 0
    assert marks("data-m", "spurious") == overall["fp"]
    assert marks("data-g", "ok") + marks("data-g", "wrong_value") == overall["tp"] > 0
