"""Property tests through the whole per-document path: bytes -> `parse_file` -> JSON
line, on random Unicode (lone surrogates included), random bytes, random HTML with
JSON-LD and <meta> of any shape, front matter with wrong types, and byte flips,
truncations, splices, insertions and re-encodings (GBK, Big5, UTF-16, UTF-32) of the
real files in corpora/ and ../shared/corpus-dev (skipped when absent).

Whatever the input: one Document, no exception, a JSON line valid against the schema,
no error but "decode", "front_matter" or "read" ones (an "ingest", "extract" or
"parse" error is a bug caught by a last line of defence), offsets exact in the text
(doc.text[m.start:m.end] == m.text) and in the decoded raw text (within it, holding
the mention's ideographs where the text was not transformed), and the same bytes give
the same JSON.

The default budget keeps the suite fast and is derandomized (the same examples every
run). `HNX_PROPS=long` runs each test at 40x the examples, randomized (HNX_PROPS_SCALE
sets the factor); `HNX_PROPS_REPORT=<file>` appends one JSON line per example (family,
error stages and messages) for benchmarks/fuzz.py to count."""
from __future__ import annotations

import codecs
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import extract
from tests.conftest import budget, schema_validator
from extract.ingest.decode import DecodeError, decode, scrub_text
from extract.options import Options

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DEV = ROOT.parent / "shared" / "corpus-dev"
REPORT = os.environ.get("HNX_PROPS_REPORT")
ALLOWED_STAGES = {"decode", "front_matter", "read"}
FULL = Options()
INGEST = Options(components=())


# -- invariants -------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def check(doc, raw: str | None, family: str) -> str:
    """Every invariant of one Document; returns its JSON line."""
    line = doc.to_json()
    assert "\n" not in line
    data = json.loads(line)
    schema_validator().validate(data)
    stages = {e.stage for e in doc.errors}
    assert stages <= ALLOWED_STAGES, [(e.stage, e.message) for e in doc.errors]
    n = len(doc.text)
    for a in doc.articles:
        assert 0 <= a.start <= a.end <= n
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text, (m.start, m.end, m.text)
        if raw is not None and m.raw_start is not None:
            assert 0 <= m.raw_start <= m.raw_end <= len(raw), (m.raw_start, m.raw_end, len(raw))
            span = raw[m.raw_start:m.raw_end]
            if "&" not in span and "\\" not in span:  # no entity or JSON escape: the same ideographs
                assert _subsequence("".join(_CJK.findall(m.text)), span), (m.text, span)
    for d in doc.deadlines:
        assert 0 <= d.start <= d.end <= n
        assert d.date is None or 0 <= d.date < len(doc.mentions)
    for p in doc.procedures:
        assert 0 <= p.start <= p.end <= n
        for s in list(p.steps) + list(p.conditions):
            assert doc.text[s.start:s.end] == s.text
    if REPORT:
        with open(REPORT, "a", encoding="utf-8") as f:
            f.write(json.dumps({"family": family, "chars": n, "mentions": len(doc.mentions),
                                "errors": [[e.stage, re.sub(r"\d+", "N", e.message)[:90]] for e in doc.errors]},
                               ensure_ascii=False) + "\n")
    return line


def _raw_of(data: bytes) -> str | None:
    try:
        return decode(data).text
    except DecodeError:
        return None


def run_bytes(data: bytes, family: str, options: Options = FULL, twice: bool = True) -> None:
    """bytes -> a file -> parse_file -> JSON line, twice: the same line."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input"
        path.write_bytes(data)
        doc = extract.parse_file(path, published="2024-06-30", options=options)
        line = check(doc, _raw_of(data), family)
        if twice:
            again = extract.parse_file(path, published="2024-06-30", options=options)
            assert again.to_json() == line
    raw = _raw_of(data)
    if raw is None:
        assert [e.stage for e in doc.errors] == ["decode"] and doc.text == ""


def run_text(text: str, family: str, options: Options = FULL) -> None:
    doc = extract.parse(text, published="2024-06-30", options=options)
    line = check(doc, scrub_text(text)[0], family)
    assert extract.parse(text, published="2024-06-30", options=options).to_json() == line


# -- strategies: text, HTML, front matter ------------------------------------------

WORDS = ["国家医保局", "医保", "2024年", "12月31日", "前", "缴费", "380元", "3万元", "70%", "（", "）", "“", "”",
         "《通知》", "年", "万", "一、", "1.", "（一）", "问：", "答：", "第一步", "记者 张三", "来源：人民日报",
         "\n", "\n\n", " ", "\u3000", "■", "#", "**", "[x](javascript:alert(1))", "&amp;", "&#xd800;", "\x00",
         "\ud800", "\udfff", "\ufffd", "\x1b[31m", "<", ">", "---\n", "：", "，", "。"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map("".join)
ANY_TEXT = st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=300)

JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                      st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
                      st.sampled_from(["2023-02-29", "2024-06-01", "javascript:alert(1)", "https://a.example/x",
                                       "张三", "人民日报", "Thu, 25 Nov 99999999999999999999 06:20:36 GMT"]))
JSON_VALUE = st.recursive(JSON_LEAF, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(st.sampled_from(
        ["@graph", "@type", "headline", "author", "name", "datePublished", "publisher", "url", "title",
         "content", "pubDate", "source", "data"]), kids, max_size=5)), max_leaves=20)
FM_KEYS = ["title", "headline", "date", "published", "pubdate", "time", "author", "authors", "reporter",
           "source", "outlet", "url", "link", "tags", "x"]


@st.composite
def html_pages(draw) -> str:
    parts = ["<html><head>"]
    if draw(st.booleans()):
        parts.append(f"<title>{draw(TEXTS)}</title>")
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(["og:url", "og:title", "author", "article:published_time", "og:site_name",
                                    "source", "description"]))
        val = draw(st.one_of(TEXTS, st.sampled_from(["javascript:alert(1)", "data:text/html,x", "2023-02-29"])))
        parts.append(f'<meta property="{key}" content="{val.replace(chr(34), "")}">')
    for _ in range(draw(st.integers(0, 2))):
        ld = json.dumps(draw(JSON_VALUE)) if draw(st.booleans()) else draw(st.sampled_from(
            ["[" * 3000 + "]" * 3000, '{"@graph": null}', "{", '{"author": {"name": 5}}']))
        parts.append(f'<script type="application/ld+json">{ld}</script>')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(["p", "div", "span", "h1", "li", "table", "td", "script", "style", "a", "br"]))
        body = draw(TEXTS).replace("<", "&lt;") if draw(st.booleans()) else draw(TEXTS)
        close = draw(st.booleans())
        parts.append(f"<{tag}>{body}" + (f"</{tag}>" if close else ""))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


@st.composite
def front_matter_docs(draw) -> str:
    fm = draw(st.dictionaries(st.sampled_from(FM_KEYS), JSON_VALUE, max_size=6))
    try:
        block = yaml.safe_dump(fm, allow_unicode=True)
    except (yaml.YAMLError, UnicodeEncodeError, ValueError):
        block = "title: x\n"
    extra = draw(st.sampled_from(["", "date: 2023-02-29\n", "a: &a [1, 2]\nb: [*a, *a]\ntitle: *a\n",
                                  "title: [unclosed\n", "time: 25:99:99\n", "date: 2024-06-01 10:00:00\n",
                                  "? [a, b]\n: c\n", "x: !!python/object:os.system ls\n", "<<: *nope\n"]))
    return "---\n" + block + extra + "---\n" + draw(TEXTS)


# -- strategies: mutations of real files -------------------------------------------

def _real_files() -> list[Path]:
    files = [p for sub in ("seeds", "gold", "heldout") for p in sorted((ROOT / "corpora" / sub).glob("*"))
             if p.is_file() and not p.name.endswith((".json", ".csv", ".tsv", ".jsonl")) and p.name != "README.md"]
    for sub in ("articles", "bulk"):
        folder = CORPUS_DEV / sub
        if folder.is_dir():
            files += [p for p in sorted(folder.glob("*")) if p.is_file() and not p.name.endswith(".json")]
    return files


REAL = _real_files()
ENCODINGS = ["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"]


@st.composite
def mutated_real_files(draw, max_bytes: int = 12000) -> tuple[str, bytes]:
    path = draw(st.sampled_from(REAL))
    data = path.read_bytes()
    if len(data) > max_bytes:  # a window of a long file: the pipeline's cost is linear, the budget is not
        start = draw(st.integers(0, len(data) - max_bytes))
        data = data[start:start + max_bytes]
    kind = draw(st.sampled_from(["flip", "truncate", "splice", "insert", "reencode", "reencode-part", "duplicate"]))
    n = len(data)
    if kind == "flip":
        data = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        data = bytes(data)
    elif kind == "truncate":
        data = data[:draw(st.integers(0, n))]
    elif kind == "splice":
        other = draw(st.sampled_from(REAL)).read_bytes()[:max_bytes]
        data = data[:draw(st.integers(0, n))] + other[draw(st.integers(0, len(other))):]
    elif kind == "insert":
        at = draw(st.integers(0, n))
        data = data[:at] + draw(st.sampled_from([b"\x00", b"\xff", b"\x81", b"\xe4\xb8", b"\x00" * 64])) + data[at:]
    elif kind == "duplicate":
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 2000)))
        at = draw(st.integers(0, n))
        data = data[:at] + data[a:b] + data[at:]
    else:
        text = data.decode("utf-8", "replace")
        enc = draw(st.sampled_from(ENCODINGS))
        if kind == "reencode":
            data = text.encode(enc, "replace")
        else:  # one region in another encoding: a page mixing two
            a = draw(st.integers(0, len(text)))
            b = draw(st.integers(a, len(text)))
            data = text[:a].encode("utf-8") + text[a:b].encode(draw(st.sampled_from(["gbk", "big5"])), "replace") \
                + text[b:].encode("utf-8")
            kind = "mixed"
    return kind, data


# -- the properties -----------------------------------------------------------------

@budget(30)
@given(ANY_TEXT)
def test_any_unicode_string(text):
    run_text(text, "unicode", INGEST)


@budget(20)
@given(TEXTS)
def test_health_news_like_strings(text):
    run_text(text, "words")


@budget(25)
@given(st.binary(max_size=600))
def test_any_bytes(data):
    run_bytes(data, "bytes", INGEST)


@budget(25)
@given(html_pages())
def test_random_html(page):
    run_bytes(page.encode("utf-8", "surrogatepass"), "html")


@budget(25)
@given(front_matter_docs())
def test_front_matter_with_wrong_types(text):
    run_bytes(text.encode("utf-8", "surrogatepass"), "front_matter", INGEST)


@budget(25)
@given(st.dictionaries(st.sampled_from(["data", "result", "article"]), JSON_VALUE, min_size=1, max_size=2),
       st.sampled_from(["content", "body", "html"]), TEXTS)
def test_json_payloads_of_any_shape(payload, key, text):
    payload.setdefault("data", {})
    if isinstance(payload["data"], dict):
        payload["data"][key] = "正文：" + text + "国家医保局发布通知，请于2024年12月31日前缴费。"
    run_bytes(json.dumps(payload, ensure_ascii=bool(len(text) % 2)).encode("utf-8", "surrogatepass"), "payload")


@pytest.mark.skipif(not REAL, reason="no real files")
@budget(30)
@given(mutated_real_files())
def test_damaged_real_files(mutation):
    kind, data = mutation
    run_bytes(data, "real:" + kind, FULL if kind in ("flip", "mixed", "reencode") else INGEST)


def test_real_files_reencoded_read_the_same():
    """A real file re-encoded in GBK, Big5 (traditional text only), UTF-16 with or
    without a byte-order mark reads as the same text."""
    files = [p for p in REAL if p.suffix in (".txt", ".md")][:6]
    for path in files:
        text = decode(path.read_bytes()).text
        for enc in ("gb18030", "utf-16", "utf-16-le", "utf-32", "utf-8-sig"):
            data = text.encode(enc)
            dec = decode(data)
            assert dec.text == text and not dec.problems, (path.name, enc, dec.encoding)


def test_same_bytes_same_json_across_processes():
    """Output does not depend on the process (its hash seed): this one and another."""
    import subprocess
    import sys

    files = [p for p in REAL if p.stat().st_size < 20000][:4]
    if not files:
        pytest.skip("no real files")
    code = ("import sys, extract\nfrom extract.options import Options\n"
            "for p in sys.argv[1:]:\n    print(extract.parse_file(p, options=Options(components=())).to_json())\n")
    here = "".join(extract.parse_file(p, options=INGEST).to_json() + "\n" for p in files)
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    there = subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True,
                           env=env, cwd=ROOT, check=True).stdout
    assert there == here and here.count("\n") == len(files)


# codecs the mutations use exist on this interpreter
assert all(codecs.lookup(e) for e in ENCODINGS)
