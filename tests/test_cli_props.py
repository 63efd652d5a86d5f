"""Property tests through `hnx run` (issue 14): a folder of generated hostile files -> the
command line -> JSON lines. test_props_pipeline.py stops at `parse_file`; these drive the
whole batch path (walking, sniffing, the worker pool, the journal, the report).

A tree is drawn from: articles made of health-news words, the same bytes damaged (byte
flips, NULs, truncation in the middle of a character, a GBK region in a UTF-8 file), random
bytes, one huge line without a newline (runs of digits, 年, brackets, quotes, list markers),
empty files, a sparse file over the 20 MB limit, FIFOs, broken and looping symbolic links,
links to a file and to a folder, hidden files, JSON data, and sub-folders; with names that
are not UTF-8, hold ESC, newlines, tabs, bidi overrides, start with "-", are 200 bytes long
or carry a misleading extension (.png, .json, .exe).

Whatever the tree:
- every entry is accounted for exactly once: a record (`source` = the path, undecodable
  bytes as \\xNN) or a "skipped: <path>: <reason>" line (-v), and the summary's counts agree;
- what each kind gets is what docs/scale.md promises (FIFO, broken link, empty, over-size:
  an error record at stage "read"; hidden file, link to a folder: skipped and named; JSON:
  skipped; an article, damaged or not: a record with no error but "decode"/"front_matter");
- every line is one JSON record valid against the schema; a record of a regular file is the
  line `extract.parse_file` gives for that path;
- the exit code is the documented one: 1 when some record has errors, else 0;
- nothing that steers a terminal reaches standard error;
- the output does not depend on the number of workers (-j 1 and -j 2 give the same bytes,
  --unordered the same lines) and the same tree gives the same output twice.

No file of ../shared is read: the inputs are generated. Derandomized and small by default
(the whole module runs in well under 30 s on 2 cores); HNX_PROPS=long runs 40x the examples,
randomized (HNX_PROPS_SCALE sets the factor), as in test_props_pipeline.py."""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import extract
from tests.conftest import budget, schema_validator
from extract.batch.reader import source_string
from extract.batch.report import term_safe
from extract.cli import app

runner = CliRunner()

RECORD, ERROR, SKIPPED, COUNTED, ANY = "record", "error", "skipped", "counted", "any"
ARTICLE_STAGES = {"decode", "front_matter"}
_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


# -- strategies -------------------------------------------------------------------

WORDS = ["国家医保局", "医保", "2024年", "12月31日", "前", "缴费", "380元", "3万元", "70%", "（", "）", "“", "”",
         "《通知》", "年", "万", "一、", "1.", "（一）", "问：", "答：", "记者 张三", "来源：人民日报", "\n", "\n\n",
         " ", "\u3000", "■", "#", "**", "&amp;", "\ufffd", "<p>", "</p>", "：", "，", "。"]
ARTICLE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(lambda ws: "某市医疗保障局通知。" + "".join(ws))
HUGE_UNITS = ["0123456789", "年", "（", "“", "一、", "2024年1月1日", "3万元", "<b>", "。"]

NAME_STYLES = {
    "plain": b"notice",
    "cjk": "医保通知".encode("utf-8"),
    "not-utf8": b"caf\xe9_\xff\xfe",
    "escape": b"\x1b[31mred\x1b[0m",
    "newline": b"two\nlines\ttab",
    "bidi": "txt.\u202eexe".encode("utf-8"),
    "dash": b"-rf --help",
    "space": b"  a b  ",
    "long": b"x" * 200,
}
EXTENSIONS = [b"", b".txt", b".html", b".md", b".png", b".json", b".exe", b".aspx.bak"]
KINDS = ["article", "article", "damaged", "escapes", "bytes", "huge", "empty", "oversize", "fifo", "broken-link",
         "loop-link", "file-link", "folder-link", "hidden", "json", "subfolder"]


@st.composite
def damaged(draw) -> bytes:
    data = bytearray(draw(ARTICLE).encode("utf-8"))
    how = draw(st.sampled_from(["flip", "nul", "cut", "gbk"]))
    if how == "flip":
        for _ in range(draw(st.integers(1, 4))):
            data[draw(st.integers(1, len(data) - 1))] = draw(st.integers(0x80, 0xFF))
    elif how == "nul":
        data[draw(st.integers(1, len(data) - 1))] = 0
    elif how == "cut":
        data = data[:max(draw(st.integers(4, len(data))), 4)]
        if len(data) > 4 and data[-1] < 0x80:
            data = data[:-1] + "医".encode("utf-8")[:2]       # ends in the middle of a character
    else:
        data += "，请于2024年12月31日前缴费。".encode("gbk")
    return bytes(data)


@st.composite
def entries(draw) -> list[tuple[str, bytes, object]]:
    """[(kind, name, payload)], names unique (an index keeps them apart)."""
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=9))
    if kinds.count("huge") > 1:                            # one long line per tree keeps the budget
        kinds = [k for k in kinds if k != "huge"] + ["huge"]
    out = []
    for i, kind in enumerate(kinds):
        style = draw(st.sampled_from(sorted(NAME_STYLES)))
        ext = draw(st.sampled_from(EXTENSIONS))
        name = NAME_STYLES[style] + b"~" + str(i).encode() + ext
        if kind == "hidden":
            name = b"." + name
        payload: object = None
        if kind == "article":
            payload = draw(ARTICLE).encode("utf-8")
        elif kind == "damaged":
            payload = draw(damaged())
        elif kind == "bytes":
            payload = draw(st.binary(min_size=1, max_size=400))
        elif kind == "escapes":                            # text, or binary when control bytes are >10%
            payload = "\x1b[31m".join(draw(st.lists(ARTICLE, min_size=1, max_size=4))).encode("utf-8")
        elif kind == "huge":
            payload = (draw(st.sampled_from(HUGE_UNITS)) * draw(st.integers(2000, 6000))).encode("utf-8")
        elif kind in ("hidden",):
            payload = draw(ARTICLE).encode("utf-8")
        elif kind == "json":
            payload = json.dumps({"id": i, "text": "国家医保局"}, ensure_ascii=False).encode("utf-8")
        elif kind == "subfolder":
            payload = draw(ARTICLE).encode("utf-8")
        out.append((kind, name, payload))
    return out


def build(root: bytes, items) -> dict[bytes, str]:
    """Write the tree; returns {path (bytes): what it must get}."""
    os.mkdir(root)
    outside = root + b".target"
    with open(outside, "wb") as fh:
        fh.write("某市医疗保障局通知：2024年12月31日前缴费。".encode("utf-8"))
    expect: dict[bytes, str] = {}
    for kind, name, payload in items:
        path = os.path.join(root, name)
        if kind in ("article", "damaged", "huge"):
            _write(path, payload)
            expect[path] = RECORD
        elif kind in ("bytes", "escapes"):
            _write(path, payload)
            expect[path] = ANY                             # text or binary: sniffed from content
        elif kind == "empty":
            _write(path, b"")
            expect[path] = ERROR
        elif kind == "oversize":
            with open(path, "wb") as fh:
                fh.truncate(21 * 1024 * 1024)               # sparse: nothing is written
            expect[path] = ERROR
        elif kind == "fifo":
            os.mkfifo(path)
            expect[path] = ERROR
        elif kind == "broken-link":
            os.symlink(b"nowhere", path)
            expect[path] = ERROR
        elif kind == "loop-link":
            os.symlink(name, path)                          # points at itself
            expect[path] = ERROR
        elif kind == "file-link":
            os.symlink(outside, path)
            expect[path] = RECORD
        elif kind == "folder-link":
            os.symlink(root, path)                          # a cycle if it were followed
            expect[path] = SKIPPED
        elif kind == "hidden":
            _write(path, payload)
            expect[path] = SKIPPED
        elif kind == "json":
            _write(path, payload)
            expect[path] = COUNTED
        elif kind == "subfolder":
            os.mkdir(path)
            inner = os.path.join(path, b"inner\xff.txt")
            _write(inner, payload)
            expect[inner] = RECORD
    return expect


def _write(path: bytes, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


# -- running and checking ---------------------------------------------------------

def run(args: list[str], stdin=None):
    res = runner.invoke(app, ["run", *args], input=stdin)
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


def check_run(folder: bytes, expect: dict[bytes, str], out: Path) -> tuple[bytes, list[dict]]:
    res = run([os.fsdecode(folder), "-o", str(out), "-v", "-j", "1"])
    err = res.stderr
    assert not _TERMINAL.search(err.replace("\n", "")), "a control character reached the console"
    data = out.read_bytes()
    lines = data.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for rec in records:
        schema_validator().validate(rec)
    sources = [r["source"] for r in records]
    assert len(sources) == len(set(sources)), "a file got two records"
    by_source = dict(zip(sources, records))
    skipped = [line for line in err.splitlines() if line.startswith("skipped: ")]

    for path, what in expect.items():
        src = source_string(path)
        shown = f"skipped: {term_safe(src)}: "
        is_skipped = [line for line in skipped if line.startswith(shown)]
        if what == ANY:
            assert (src in by_source) != bool(is_skipped), (src, what)
            continue
        if what in (SKIPPED, COUNTED):
            assert src not in by_source and len(is_skipped) == 1, (src, what, err)
            continue
        assert src in by_source and not is_skipped, (src, what, sorted(by_source), err)
        stages = {e["stage"] for e in by_source[src]["errors"]}
        if what == ERROR:
            assert stages == {"read"}, (src, by_source[src]["errors"])
            assert f"error: {term_safe(src)}: read: " in err
        else:
            assert stages <= ARTICLE_STAGES, (src, by_source[src]["errors"])
            if os.path.isfile(path) and not os.path.islink(path):
                assert lines[sources.index(src)] == extract.parse_file(path).to_json()

    # nothing else got a record or a skip line, and the summary agrees
    expected_sources = {source_string(p) for p in expect}
    assert set(sources) <= expected_sources
    assert len(records) + len(skipped) == len(expect)
    summary = err.strip().splitlines()[-1]
    assert summary.startswith(f"{len(records)} files, ") and summary.endswith(f", {len(skipped)} skipped"), summary
    failed = sum(1 for r in records if r["errors"])
    assert res.exit_code == (1 if failed else 0), (res.exit_code, failed, err)
    return data, records


@budget(8)
@given(entries())
def test_every_file_of_a_hostile_folder_is_accounted_for_once(items):
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.fsencode(tmp) + b"/in"
        expect = build(folder, items)
        data, records = check_run(folder, expect, Path(tmp) / "a.jsonl")
        two = run([os.fsdecode(folder), "-o", f"{tmp}/b.jsonl", "-q", "-j", "2"])
        assert two.exit_code == (1 if any(r["errors"] for r in records) else 0)
        assert Path(tmp, "b.jsonl").read_bytes() == data, "-j 2 wrote other bytes than -j 1"
        loose = run([os.fsdecode(folder), "-o", f"{tmp}/c.jsonl", "-q", "-j", "2", "--unordered"])
        assert loose.exit_code == two.exit_code
        assert sorted(Path(tmp, "c.jsonl").read_bytes().splitlines()) == sorted(data.splitlines())


@budget(6)
@given(entries(), st.data())
def test_paths_named_on_standard_input_get_one_record_each_in_order(items, data):
    """`-0` carries any name (not UTF-8, newlines); a path named is always an input
    (hidden or JSON too); a path named twice gets one record; order is the order given."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.fsencode(tmp) + b"/in"
        expect = build(folder, items)
        named = [p for p in expect if not os.path.isdir(p)]
        if not named:
            return
        order = data.draw(st.lists(st.sampled_from(named), min_size=1, max_size=2 * len(named)))
        res = run(["-", "-0", "-o", "-", "-j", "2"], stdin=b"\0".join(order) + b"\0")
        records = [json.loads(line) for line in res.stdout.splitlines()]
        firsts = list(dict.fromkeys(order))
        assert [r["source"] for r in records] == [source_string(p) for p in firsts]
        for rec in records:
            schema_validator().validate(rec)
        assert res.exit_code == (1 if any(r["errors"] for r in records) else 0)
        if len(firsts) < len(order):
            assert "named twice: parsed once" in res.stderr


def test_two_files_whose_names_escape_alike_both_get_a_record(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    _write(folder + b"/a\xff.txt", "某市医疗保障局通知：2024年1月1日起施行。".encode("utf-8"))
    _write(folder + b"/a\\xff.txt", "某市医疗保障局通知：2024年1月2日起施行。".encode("utf-8"))
    out = tmp_path / "out.jsonl"
    res = run([os.fsdecode(folder), "-o", str(out), "-j", "1"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2, res.stderr
    assert len({r["source"] for r in records}) == 2
