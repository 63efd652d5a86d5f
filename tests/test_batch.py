"""`hnx run` on hostile inputs and wrong usage (issues 14 and 18): every path accounted
for, a hung or crashed worker costs one error record, FIFOs and huge files are never
read, names that are not UTF-8 survive, output honours the umask, a full disk keeps the
records made, usage errors are one line and exit 2 before any work."""
from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from extract.cli import app

runner = CliRunner()


@contextlib.contextmanager
def _hang_guard(message: str, seconds: int = 60):
    """Fail with `message` instead of hanging the suite when the body blocks."""
    def hung(signum, frame):
        raise TimeoutError(message)

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
ARTICLE = "某市医疗保障局发布通知。\n\n参保人员应于2024年12月31日前完成缴费，逾期将影响待遇享受。\n"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _article(folder: Path, name: str, text: str = ARTICLE) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


# -- inputs: every path accounted for --------------------------------------------

def test_folders_are_sniffed_not_filtered_by_name_and_every_skip_has_a_reason(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / ".git").mkdir()
    _article(src, "README.txt")                               # an input now
    _article(src, "notice.aspx.bak")                          # any name: sniffed as text
    _article(src / "sub", "page.html", "<html><body><p>" + ARTICLE + "</p></body></html>")
    _article(src / ".git", "config")
    _article(src, ".hidden.txt")
    (src / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (src / "bundle.zip").write_bytes(b"PK\x03\x04" + bytes(200))
    (src / "records.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    (src / "stray_nul.txt").write_bytes(ARTICLE.encode("utf-8") + b"\x00" + ARTICLE.encode("utf-8"))
    os.mkfifo(src / "pipe")
    os.symlink(src / "nowhere.txt", src / "broken.txt")
    os.symlink(src / "sub", src / "loop")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["run", str(src), "-o", str(out), "--no-extract"])
    assert res.exit_code == 1, res.output                     # the broken link and the FIFO are error records
    recs = _records(out)
    names = [Path(r["source"]).name for r in recs]
    assert names == ["README.txt", "broken.txt", "notice.aspx.bak", "pipe", "stray_nul.txt", "page.html"]
    broken, pipe = recs[1], recs[3]
    assert broken["errors"][0]["stage"] == "read" and "broken symbolic link" in broken["errors"][0]["message"]
    assert pipe["errors"] == [{"stage": "read", "message": "not a regular file: a FIFO (named pipe)"}]
    err = res.stderr
    for name, reason in [(".git/", "hidden folder"), (".hidden.txt", "hidden file"), ("logo.png", "PNG image"),
                         ("bundle.zip", "ZIP archive"), ("loop", "symbolic link to a folder")]:
        assert any(line.startswith("skipped: ") and name in line and reason in line for line in err.splitlines()), (name, err)
    # JSON beside the articles (gold files, records) is expected: counted by reason, listed with -v
    assert not any("records.jsonl" in line for line in err.splitlines() if line.startswith("skipped: ")), err
    assert "6 skipped (1 JSON data, not an article: -v lists them)" in err
    verbose = runner.invoke(app, ["run", str(src), "-o", str(tmp_path / "v.jsonl"), "--no-extract", "-v"])
    assert f"skipped: {src / 'records.jsonl'}: JSON data, not an article" in verbose.stderr
    assert f"error: {src / 'broken.txt'}: read: broken symbolic link" in err
    assert f"error: {src / 'pipe'}: read: not a regular file: a FIFO (named pipe)" in err
    assert "6 files" in err and "6 skipped" in err


def test_a_fifo_below_a_folder_is_never_opened_and_left_out_by_exclude(tmp_path):
    """Nothing waits on a writer: the FIFO's record comes from stat() alone (an alarm
    would stop a hang); --exclude leaves it out like any file."""
    src = tmp_path / "in"
    src.mkdir()
    _article(src, "a.txt")
    os.mkfifo(src / "b.fifo")
    out = tmp_path / "out.jsonl"

    with _hang_guard("hnx run hung on a FIFO in a folder"):
        res = runner.invoke(app, ["run", str(src), "-o", str(out), "--no-extract", "-j", "1"])
        excluded = runner.invoke(app, ["run", str(src), "-o", str(tmp_path / "x.jsonl"), "--no-extract",
                                       "--exclude", "*.fifo"])
    assert res.exit_code == 1, res.output
    assert [(Path(r["source"]).name, [e["stage"] for e in r["errors"]]) for r in _records(out)] == \
        [("a.txt", []), ("b.fifo", ["read"])]
    assert excluded.exit_code == 0, excluded.output
    assert [Path(r["source"]).name for r in _records(tmp_path / "x.jsonl")] == ["a.txt"]


def test_include_and_exclude_globs(tmp_path):
    src = tmp_path / "in"
    (src / "2021").mkdir(parents=True)
    _article(src, "a.html")
    _article(src / "2021", "b.html")
    _article(src / "2021", "c.txt")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["run", str(src), "-o", str(out), "--no-extract", "--include", "*.html",
                              "--exclude", "2021/b.*", "-v"])
    assert res.exit_code == 0, res.output
    assert [Path(r["source"]).name for r in _records(out)] == ["a.html"]
    assert "matched by --exclude" in res.stderr and "not matched by --include" in res.stderr


def test_paths_from_stdin_and_records_to_stdout(tmp_path):
    a, b = _article(tmp_path, "a.txt"), _article(tmp_path, "b.txt", ARTICLE.replace("2024", "2025"))
    res = runner.invoke(app, ["run", "-", "-o", "-", "--no-extract", "-q"], input=f"{b}\n{a}\n\n")
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["source"] for r in recs] == [str(b), str(a)]
    res0 = runner.invoke(app, ["run", "-", "-0", "--no-extract", "-q"], input=f"{a}\0{b}\0")
    assert [json.loads(line)["source"] for line in res0.stdout.splitlines()] == [str(a), str(b)]


def test_a_file_name_that_is_not_utf8_gets_a_faithful_record(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    bad = os.fsencode(src) + b"/caf\xe9_\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    _article(src, "z_good.txt")
    out = tmp_path / "out.jsonl"
    # found in a folder, and named on the command line (as a shell passes the raw bytes)
    folder = runner.invoke(app, ["run", str(src), "-o", str(out), "--no-extract", "-j", "1"])
    assert folder.exit_code == 0, folder.output
    found = out.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "extract", "run", bad, str(src / "z_good.txt"), "-o", str(out),
                           "--no-extract", "-j", "1"], cwd=ROOT, capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert out.read_bytes() == found
    recs = _records(out)
    assert [r["source"].rsplit("/", 1)[-1] for r in recs] == ["caf\\xe9_\\xff.txt", "z_good.txt"]
    assert recs[0]["errors"] == [] and "2024年12月31日前" in recs[0]["text"]


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"

    with _hang_guard("hnx run hung on a FIFO"):
        res = runner.invoke(app, ["run", str(fifo), "-o", str(out), "--no-extract", "--timeout", "0"])
    assert res.exit_code == 1, res.output
    rec, = _records(out)
    assert rec["errors"][0] == {"stage": "read", "message": "not a regular file: a FIFO (named pipe)"}


def test_size_limit_is_checked_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:                      # 64 GiB, sparse: reading it would never end
        fh.truncate(64 * 1024 ** 3)
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["run", str(huge), "-o", str(out), "--no-extract"])
    assert res.exit_code == 1
    rec, = _records(out)
    assert rec["errors"][0]["message"] == f"file too large: {64 * 1024 ** 3} bytes > {20 * 1024 * 1024}"


# -- workers: time limit, crashes ------------------------------------------------

@pytest.fixture
def poisoned(monkeypatch, tmp_path):
    """build_document hangs on hang.txt and kills its process on crash.txt (workers are
    forked from this process, so they inherit the patch)."""
    import extract.pipeline as pipeline

    real = pipeline.build_document

    def poisoned_build(data, source=None, **kw):
        if source and source.endswith("hang.txt"):
            while True:                               # a pure-Python loop: no signal of its own stops it
                pass
        if source and source.endswith("crash.txt"):
            import faulthandler

            faulthandler.disable()                    # pytest's handler would print the worker's stack
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(data, source=source, **kw)

    monkeypatch.setattr(pipeline, "build_document", poisoned_build)
    for name in ("a.txt", "b_hang.txt", "c.txt", "d_crash.txt", "e.txt", "f.txt"):
        _article(tmp_path, name, ARTICLE.replace("2024", str(2000 + len(name))))
    return tmp_path


@pytest.mark.parametrize("jobs,chunk", [("1", "3"), ("2", "3"), ("2", "1")])
def test_a_hung_file_times_out_and_a_crashed_worker_costs_one_record(poisoned, jobs, chunk):
    """With --chunk 1 every worker also holds the next file (handed out before it finishes the
    current one): the file behind a hung or crashed one is handed out again, not lost."""
    out = poisoned / "out.jsonl"
    res = runner.invoke(app, ["run", *[str(poisoned / n) for n in sorted(os.listdir(poisoned)) if n.endswith(".txt")],
                              "-o", str(out), "--no-extract", "--timeout", "2", "-j", jobs, "--chunk", chunk])
    assert res.exit_code == 1, res.output
    recs = _records(out)
    assert [Path(r["source"]).name for r in recs] == ["a.txt", "b_hang.txt", "c.txt", "d_crash.txt", "e.txt", "f.txt"]
    by = {Path(r["source"]).name: r for r in recs}
    assert by["b_hang.txt"]["errors"][0]["stage"] == "timeout"
    assert "no result after 2 s" in by["b_hang.txt"]["errors"][0]["message"]
    assert by["d_crash.txt"]["errors"][0] == {"stage": "worker", "message":
        "the worker process parsing this file died (killed by SIGSEGV: a crash in native code)"}
    for name in ("a.txt", "c.txt", "e.txt", "f.txt"):
        assert by[name]["errors"] == [] and by[name]["text"]
    assert "1 timed out; 1 lost with a dead worker" in res.stderr
    assert f"error: {poisoned / 'b_hang.txt'}: timeout" in res.stderr


def test_parse_files_api_with_workers_and_a_timeout(poisoned):
    from extract import parse_files
    from extract.options import Options

    paths = [poisoned / n for n in ("a.txt", "b_hang.txt", "c.txt")]
    docs = list(parse_files(paths, jobs=2, timeout=2, options=Options(components=())))
    assert [Path(d.source).name for d in docs] == ["a.txt", "b_hang.txt", "c.txt"]
    assert [bool(d.errors) for d in docs] == [False, True, False]


# -- output ----------------------------------------------------------------------

@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_honours_the_umask(tmp_path, umask, mode):
    out = tmp_path / "out.jsonl"
    old = os.umask(umask)
    try:
        res = runner.invoke(app, ["run", str(_article(tmp_path, "a.txt")), "-o", str(out), "--no-extract"])
    finally:
        os.umask(old)
    assert res.exit_code == 0
    assert out.stat().st_mode & 0o777 == mode


def test_a_record_that_cannot_be_serialized_becomes_an_error_record(tmp_path, monkeypatch):
    from extract.schema import Document

    real = Document.to_json

    def fragile(self, **kw):
        if self.source and self.source.endswith("b.txt") and self.text:
            raise ValueError("surrogates not allowed")
        return real(self, **kw)

    monkeypatch.setattr(Document, "to_json", fragile)
    paths = [str(_article(tmp_path, n)) for n in ("a.txt", "b.txt", "c.txt")]
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["run", *paths, "-o", str(out), "--no-extract", "-j", "1"])
    assert res.exit_code == 1
    recs = _records(out)
    assert [r["errors"] for r in recs][0] == [] and recs[2]["errors"] == []
    assert recs[1]["errors"] == [{"stage": "serialize", "message":
                                  "record could not be serialized: ValueError: surrogates not allowed"}]


def test_a_full_disk_keeps_every_whole_record_and_resume_finishes(tmp_path):
    """RLIMIT_FSIZE makes writes past a size fail (EFBIG) as a full disk does."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        _article(src, f"{i:02d}.txt", ARTICLE * (i + 1))
    out = tmp_path / "out.jsonl"
    limit = 6000

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "extract", "run", str(src), "-o", str(out), "--no-extract", "-j", "1"],
                          cwd=ROOT, capture_output=True, preexec_fn=small_disk)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 3, err
    assert "error: the run failed: writing" in err and "--resume" in err and "Traceback" not in err
    journal, = tmp_path.glob(".out.jsonl.*.part")
    kept = journal.read_bytes()
    assert kept.endswith(b"\n") and 0 < len(kept) <= limit       # whole records only
    n = kept.count(b"\n")
    res = runner.invoke(app, ["run", str(src), "-o", str(out), "--no-extract", "--resume"])
    assert res.exit_code == 0, res.output
    assert f"({n} reused from the earlier output)" in res.stderr
    assert [Path(r["source"]).name for r in _records(out)] == [f"{i:02d}.txt" for i in range(12)]


# -- usage errors: one line, exit 2, before any work --------------------------------

@pytest.fixture
def no_parsing(monkeypatch):
    import extract.pipeline as pipeline

    def refuse(*a, **k):
        raise AssertionError("parsed although the command line was wrong")

    monkeypatch.setattr(pipeline, "build_document", refuse)


@pytest.mark.parametrize("case", ["file-as-folder", "folder-as-output", "unwritable", "missing-manifest",
                                  "manifest-is-folder", "resume-to-stdout", "resume-json"])
def test_output_and_manifest_checked_before_any_work(case, tmp_path, no_parsing):
    article = str(_article(tmp_path, "a.txt"))
    existing = _article(tmp_path, "existing.txt")
    args = {
        "file-as-folder": ["-o", str(existing / "out.jsonl")],
        "folder-as-output": ["-o", str(tmp_path)],
        "unwritable": ["-o", "/proc/hnx-test/out.jsonl"],
        "missing-manifest": ["-o", str(tmp_path / "o.jsonl"), "--manifest", str(tmp_path / "nope.csv")],
        "manifest-is-folder": ["-o", str(tmp_path / "o.jsonl"), "--manifest", str(tmp_path)],
        "resume-to-stdout": ["--resume"],
        "resume-json": ["-o", str(tmp_path / "o.json"), "--format", "json", "--resume"],
    }[case]
    res = runner.invoke(app, ["run", article, *args])
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    assert "Traceback" not in res.output
    assert not list(tmp_path.glob("*.jsonl")) and not list(tmp_path.glob(".*.part"))


# -- the console report ------------------------------------------------------------

def test_escape_sequences_never_reach_the_console(tmp_path, monkeypatch):
    import extract.pipeline as pipeline

    real = pipeline.build_document

    def quoting(data, source=None, **kw):
        if source and "quoting" in source:            # an error message that quotes article text
            raise ValueError(data.decode("utf-8"))
        return real(data, source=source, **kw)

    monkeypatch.setattr(pipeline, "build_document", quoting)
    evil = tmp_path / "evil\x1b]0;owned\x07\x1b[31m.txt"
    evil.write_bytes(b"\x00\x01\x02" * 50)                   # named: parsed, fails to decode
    quote = _article(tmp_path, "quoting.txt", "标题\x1b[2J\x1b[H\u202e正文")
    (tmp_path / "\x1b[1mskip.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    res = runner.invoke(app, ["run", str(evil), str(quote), str(tmp_path), "-o", str(tmp_path / "o.jsonl"),
                              "--no-extract"])
    assert res.exit_code == 1
    assert "\x1b" not in res.stderr and "\x07" not in res.stderr and "\u202e" not in res.stderr
    assert "evil\\x1b]0;owned\\x07\\x1b[31m.txt" in res.stderr
    assert "\\x1b[2J" in res.stderr and "\\u202e" in res.stderr


def test_quiet_and_verbose(tmp_path):
    a = str(_article(tmp_path, "a.txt"))
    missing = str(tmp_path / "missing.txt")
    quiet = runner.invoke(app, ["run", a, missing, "-o", str(tmp_path / "q.jsonl"), "--no-extract", "-q"])
    assert quiet.exit_code == 1 and quiet.stderr == ""
    normal = runner.invoke(app, ["run", a, missing, "-o", str(tmp_path / "n.jsonl"), "--no-extract"])
    assert f"error: {missing}: read: FileNotFoundError" in normal.stderr and f"ok: {a}" not in normal.stderr
    verbose = runner.invoke(app, ["run", a, missing, "-o", str(tmp_path / "v.jsonl"), "--no-extract", "-v"])
    assert f"ok: {a} (1 articles, 0 mentions)" in verbose.stderr


def test_manifest_rows_that_match_nothing_are_reported(tmp_path):
    _article(tmp_path, "a.txt")
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,2020-05-01\ngone.txt,2021\nold/b.txt,2019\n",
                                           encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["run", str(tmp_path), "-o", str(out), "--no-extract"])
    assert res.exit_code == 0, res.output
    rec, = _records(out)                                      # the manifest is not an input
    assert rec["meta"]["published"] == "2020-05-01" and rec["meta"]["sources"]["published"] == "manifest"
    assert "found beside the inputs" in res.stderr
    assert "manifest: 2 of 3 rows in" in res.stderr and "gone.txt (line 3), old/b.txt (line 4)" in res.stderr


def test_unordered_writes_the_same_records(tmp_path):
    a = tmp_path / "a.jsonl"
    u = tmp_path / "u.jsonl"
    assert runner.invoke(app, ["run", str(SEEDS), "-o", str(a), "-j", "2", "--no-extract"]).exit_code == 0
    assert runner.invoke(app, ["run", str(SEEDS), "-o", str(u), "-j", "2", "--no-extract", "--unordered"]).exit_code == 0
    assert sorted(a.read_text(encoding="utf-8").splitlines()) == sorted(u.read_text(encoding="utf-8").splitlines())


def test_jobs_default_to_the_cores(tmp_path, monkeypatch):
    import extract.batch.runner as batch_runner
    from extract.batch.pool import default_jobs

    seen = []
    monkeypatch.setattr(batch_runner, "run", lambda spec: seen.append(spec.jobs) or 0)
    assert runner.invoke(app, ["run", str(tmp_path)]).exit_code == 0
    assert seen == [default_jobs()] == [len(os.sched_getaffinity(0))]


def test_the_parent_warms_what_forked_workers_share():
    """`prepare` parses each format and writes a record before the workers fork: the JSON
    writer's serializers included (built on first dump, without pydantic's models), and the
    institution segmenter is rjieba, loaded once, so no worker builds or loads them again."""
    code = ("import sys; from extract.batch import work; from extract.records import _SERIALIZERS; "
            "from extract.schema import Document, Mention\n"
            "assert 'pydantic' not in sys.modules\n"
            "work.prepare(work.Config())\n"
            "assert Document in _SERIALIZERS, _SERIALIZERS\n"
            "assert 'pydantic.main' not in sys.modules\n"
            "from extract.institutions import segmenter\n"
            "assert 'rjieba' in sys.modules and type(segmenter.backend()) is segmenter._Rjieba\n"
            "print('warm', 'bs4' in sys.modules or 'lxml' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "warm True"


def test_binary_sniffing_counts_control_bytes_not_text_controls():
    from extract.batch.inputs import sniff_binary

    text = "国家医保局发布通知。\r\n\t参保人员应于2024年12月31日前完成缴费。\f\x1b[0m\n".encode("utf-8") * 50
    assert sniff_binary(text) is None
    assert sniff_binary(text[:600] + b"\x00\x00" + text[600:]) is None          # damaged text, not binary
    assert sniff_binary("医保通知 2024".encode("utf-16-le") * 100) is None        # NULs on one side only
    controls = bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0e, 0x0f, 0x10, 0x11]) * 40      # 480 control bytes
    assert sniff_binary(b"A" * 4000 + controls) is None        # past the first 4,096 bytes sniffed: 96 of 4,096
    assert sniff_binary(b"A" * 3000 + controls) == "binary data (control bytes)"  # 480 of 3,480 > a tenth
