"""A real `hnx run` killed, interrupted and resumed (issue 15): SIGKILL midway loses only
the files in flight and --resume ends with every record exactly once, equal to an
uninterrupted run; SIGINT/SIGTERM keep what was written, say how to resume, exit
128+N; no worker process survives the parent, whatever signal it got.

The runs are ingest-only (--no-extract): what is tested is the batch machinery, and
the whole pipeline would only make each run slower."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from extract.cli import app

runner = CliRunner()
FAST = ("--no-extract",)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The project's own written articles, four times under different names."""
    folder = tmp_path_factory.mktemp("corpus")
    files = [p for d in ("seeds", "gold", "heldout") for p in sorted((ROOT / "corpora" / d).iterdir())
             if p.is_file() and not p.name.endswith(".json") and not p.name.startswith("manifest")]
    assert len(files) >= 20
    for copy in range(4):
        for f in files:
            shutil.copyfile(f, folder / f"{copy}_{f.name}")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "ref.jsonl"
    res = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-j", "1", "-q", *FAST])
    assert res.exit_code == 0, res.output
    return out.read_bytes()


def _start(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extract", "run", str(corpus), "-o", str(out), "-j", "2",
                             *FAST, *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _journal_lines(out: Path) -> int:
    return sum(p.read_bytes().count(b"\n") for p in out.parent.glob(f".{out.name}.*.part"))


def _wait_for_records(proc: subprocess.Popen, out: Path, n: int, limit: float = 120) -> None:
    end = time.monotonic() + limit
    while _journal_lines(out) < n:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < end, "no records written in time"
        time.sleep(0.02)


def _workers(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def _alive(procs: list[psutil.Process]) -> list[int]:
    alive = []
    for p in procs:
        try:
            if p.status() != psutil.STATUS_ZOMBIE:
                alive.append(p.pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def _gone(procs: list[psutil.Process], limit: float = 10) -> list[int]:
    end = time.monotonic() + limit
    while _alive(procs) and time.monotonic() < end:
        time.sleep(0.05)
    return _alive(procs)


def _complete_lines(data: bytes) -> list[bytes]:
    lines = data.split(b"\n")
    assert lines[-1] == b"", "output ends with a partial line"
    for line in lines[:-1]:
        json.loads(line)
    return lines[:-1]


def test_sigkill_midway_then_resume_equals_an_uninterrupted_run(corpus, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = _start(corpus, out)
    _wait_for_records(proc, out, 12)
    workers = _workers(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.wait(30)
    assert not _gone(workers), "worker processes outlived a SIGKILLed parent"
    assert not out.exists()                                  # the output only ever holds complete runs
    kept = _journal_lines(out)
    assert kept >= 12
    res = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-j", "2", "--resume", *FAST])
    assert res.exit_code == 0, res.output
    assert f"({kept} reused from the earlier output)" in res.stderr
    data = out.read_bytes()
    lines = _complete_lines(data)
    sources = [json.loads(line)["source"] for line in lines]
    assert len(sources) == len(set(sources)) == len(list(corpus.iterdir()))          # every record exactly once
    assert data == reference                                 # byte for byte, in input order
    assert not list(tmp_path.glob(".*.part")), "journals left behind after the resumed run"


def test_a_partial_last_line_is_dropped_and_its_file_parsed_again(corpus, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    ref_lines = reference.split(b"\n")
    journal = tmp_path / f".{out.name}.hnx-deadbeef.part"
    journal.write_bytes(b"\n".join(ref_lines[:5]) + b"\n" + ref_lines[5][: len(ref_lines[5]) // 2])
    res = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-j", "2", "--resume", *FAST])
    assert res.exit_code == 0, res.output
    assert "1 incomplete line(s) ignored" in res.stderr and "(5 reused from the earlier output)" in res.stderr
    assert out.read_bytes() == reference
    assert not journal.exists()


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_sigint_and_sigterm_keep_records_and_leave_no_worker(corpus, reference, tmp_path, sig, code):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"an":"older complete output"}\n')
    proc = _start(corpus, out)
    _wait_for_records(proc, out, 8)
    workers = _workers(proc.pid)
    assert len(workers) == 2
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    err = err.decode("utf-8")
    assert proc.returncode == code, err
    assert not _gone(workers), "a worker survived the interrupted run"
    assert f"interrupted ({sig.name})" in err and "--resume" in err
    assert out.read_bytes() == b'{"an":"older complete output"}\n'   # an interrupted run replaces nothing
    journal, = tmp_path.glob(f".{out.name}.*.part")
    lines = _complete_lines(journal.read_bytes())
    assert 8 <= len(lines) < len(list(corpus.iterdir()))
    assert set(lines) <= set(reference.split(b"\n"))          # whole records, as an uninterrupted run makes them
    res = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-j", "2", "--resume", *FAST])
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == reference
    assert not list(tmp_path.glob(".*.part"))


def test_a_second_run_without_resume_starts_over_and_cleans_up(corpus, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    stale = tmp_path / f".{out.name}.hnx-0badf00d.part"
    stale.write_bytes(reference.split(b"\n")[0] + b"\n")
    res = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-j", "2", *FAST])
    assert res.exit_code == 0, res.output
    assert "starts over" in res.stderr
    assert out.read_bytes() == reference and not stale.exists()


def test_a_live_run_holds_its_output(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = _start(corpus, out)
    try:
        _wait_for_records(proc, out, 1)
        res = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--resume", *FAST])
        assert res.exit_code == 2 and "another hnx run is writing it" in res.stderr
    finally:
        proc.kill()
        proc.wait(30)


def test_workers_are_killed_by_the_kernel_when_the_parent_dies(tmp_path):
    """The PR_SET_PDEATHSIG path alone: a parent killed while its worker is stuck in a
    file (a loop that never reads its pipe) still leaves no worker."""
    script = tmp_path / "stuck.py"
    script.write_text(
        "import sys, time\n"
        "sys.path.insert(0, %r)\n"
        "import extract.pipeline as p\n"
        "from extract.batch.pool import WorkerPool, Feed\n"
        "from extract.batch.work import Config, Task\n"
        "from extract.options import Options\n"
        "real = p.build_document\n"
        "def stuck(data, source=None, **k):\n"
        "    while source in ('x', 'y'): pass\n"
        "    return real(data, source=source, **k)\n"
        "p.build_document = stuck\n"
        "pool = WorkerPool(2, Config(options=Options(components=())))\n"
        "print(*pool.pids(), flush=True)\n"
        "for r in pool.run(Feed([Task(0, __file__, 'x'), Task(1, __file__, 'y')])): pass\n" % str(ROOT),
        encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, cwd=tmp_path)
    pids = [int(x) for x in proc.stdout.readline().split()]
    workers = [psutil.Process(p) for p in pids]
    time.sleep(0.5)
    assert len(_alive(workers)) == 2
    proc.kill()
    proc.wait(30)
    assert not _gone(workers)
