"""Batch throughput and memory of `hnx run`: -j 1 against -j 2 (A B A B), memory per worker,
memory against corpus size.

    python benchmarks/bench_batch.py                      # 1,000 files from ../shared/corpus-dev/bulk
    python benchmarks/bench_batch.py --jobs 1 2 --repeat 2 --sizes 250 1000 --json /tmp/batch.json

The corpus: the bulk folder's 880 files, then as many of them again (copied under new
names) as needed to reach --files. Each run is a fresh process (`python -m extract run
CORPUS -o OUT -j J -q`), so start-up (imports and warming the pipeline once in the parent)
is included in `wall`; `steady` counts the files written after the first record over the
time after it. Memory is measured in runs of its own, never in the timed ones: reading a
process's PSS (psutil's memory_full_info walks /proc/PID/smaps) every 0.1 s for three processes
costs a good part of a core, which on a 2-core machine slows -j 2 more than -j 1 (with the
sampler in the timed runs, -j 2 read 1.68x where the same commands timed bare read 1.93-2.03x).
In a memory run the process tree is sampled every 0.1 s: `rss` of the parent, and per worker
its PSS (proportional set size: shared copy-on-write pages split between the processes that
share them, so PSS adds up to real use). The machine is shared: the 1-minute load average is
printed beside every figure."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus-dev" / "bulk"


def build_corpus(n: int, where: Path, leave_out: frozenset = frozenset()) -> Path:
    files = sorted(p for p in BULK.iterdir() if p.is_file() and p.name not in leave_out)
    if not files:
        sys.exit(f"no files in {BULK}")
    folder = where / f"corpus{n}"
    folder.mkdir()
    for i in range(n):
        src = files[i % len(files)]
        name = src.name if i < len(files) else f"copy{i // len(files)}_{src.name}"
        shutil.copyfile(src, folder / name)
    return folder


def _tree_memory(proc: psutil.Process) -> tuple[int, list[int]]:
    try:
        parent = proc.memory_info().rss
        workers = []
        for c in proc.children(recursive=True):
            try:
                workers.append(c.memory_full_info().pss)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return parent, workers
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0, []


def _lines(out: Path) -> int:
    n = 0
    for p in out.parent.glob(f".{out.name}.*.part"):
        try:
            n += p.read_bytes().count(b"\n")
        except OSError:
            pass
    return n


def one_run(corpus: Path, jobs: int, extra: list[str], memory: bool = False, root: Path = ROOT) -> dict:
    out = Path(tempfile.mkdtemp(prefix="hnx-bench-")) / "out.jsonl"
    cmd = [sys.executable, "-m", "extract", "run", str(corpus), "-o", str(out), "-j", str(jobs), "-q", *extra]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=root)
    ps = psutil.Process(proc.pid)
    peak_parent, peak_workers, first, first_n = 0, [], None, 0
    rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)    # CPU time of the tree, workers included
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        if memory:
            parent, workers = _tree_memory(ps)
            peak_parent = max(peak_parent, parent)
            if sum(workers) > sum(peak_workers):
                peak_workers = workers
        if first is None:
            n = _lines(out)
            if n:
                first, first_n = time.perf_counter(), n
        if first is not None and not memory:      # nothing left to sample: wait for the end exactly
            pid, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        time.sleep(0.1 if memory else 0.01)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}")
    n = sum(1 for _ in open(out, "rb"))
    shutil.rmtree(out.parent)
    end = t0 + wall
    cpu = rusage.ru_utime + rusage.ru_stime
    steady = (n - first_n) / (end - first) if first and end > first else float("nan")
    return {"jobs": jobs, "files": n, "wall_s": round(wall, 2), "files_per_s": round(n / wall, 2),
            "steady_files_per_s": round(steady, 2), "startup_s": round((first or end) - t0, 2),
            "cpu_s": round(cpu, 2), "cpu_ms_per_file": round(1000 * cpu / max(n, 1), 1),
            "parent_rss_mb": round(peak_parent / 2**20, 1) if memory else None,
            "worker_pss_mb": [round(w / 2**20, 1) for w in peak_workers] if memory else None,
            "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2),
            "command": " ".join(cmd)}


def _summary(runs: list, jobs: list, quiet: bool = False) -> tuple:
    med = {j: statistics.median(r["wall_s"] for r in runs if r["jobs"] == j) for j in jobs}
    steady = {j: statistics.median(r["steady_files_per_s"] for r in runs if r["jobs"] == j) for j in jobs}
    cpu = {j: statistics.median(r["cpu_s"] for r in runs if r["jobs"] == j) for j in jobs}
    base = min(jobs)
    for j in ([] if quiet else jobs):
        print(f"-j {j}: median wall {med[j]:.2f} s, speed-up {med[base] / med[j]:.2f}x over -j {base} "
              f"(steady {steady[j]:.2f} files/s, {steady[j] / steady[base]:.2f}x); CPU {cpu[j]:.1f} s: on {j} idle "
              f"cores at most {j * cpu[base] / cpu[j]:.2f}x")
    return med, steady


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2, help="A B A B rounds")
    ap.add_argument("--sizes", type=int, nargs="*", default=[], help="also run -j max(jobs) on these corpus sizes (memory vs size)")
    ap.add_argument("--no-extract", action="store_true", help="ingest only")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--leave-out", type=Path, help="a file of bulk file names (one a line) never to parse: a held-out set")
    ap.add_argument("--root", type=Path, nargs="+", default=[ROOT],
                    help="checkouts to time, alternated within each round (their `python -m extract`)")
    ap.add_argument("--only-timed", action="store_true", help="skip the memory runs")
    args = ap.parse_args()
    leave_out = frozenset(args.leave_out.read_text(encoding="utf-8").split()) if args.leave_out else frozenset()
    extra = ["--no-extract"] if args.no_extract else []
    tmp = Path(tempfile.mkdtemp(prefix="hnx-bench-corpus-"))
    try:
        corpus = build_corpus(args.files, tmp, leave_out)
        print(f"corpus: {args.files} files from {BULK}" + (f" less {len(leave_out)} left out" if leave_out else "") + f" ({sum(p.stat().st_size for p in corpus.iterdir()) / 2**20:.1f} MB); "
              f"cores: {os.cpu_count()}; load average now {os.getloadavg()[0]:.2f}", flush=True)
        runs = []
        many = len(args.root) > 1
        for r in range(args.repeat):
            for root, j in [(root, j) for root in args.root for j in args.jobs]:
                res = one_run(corpus, j, extra, root=root)
                res["root"] = str(root)
                runs.append(res)
                print((f"{root}: " if many else "") + f"round {r + 1} -j {j}: {res['files']} files in {res['wall_s']} s = {res['files_per_s']} files/s "
                      f"(steady {res['steady_files_per_s']}/s after {res['startup_s']} s start-up; CPU {res['cpu_s']} s = "
                      f"{res['cpu_ms_per_file']} ms/file); load {res['load_before']} -> {res['load_after']}", flush=True)
        for root in args.root:
            mine = [r for r in runs if r["root"] == str(root)]
            if many:
                print(f"{root}:")
            _summary(mine, args.jobs)
        med, steady = _summary([r for r in runs if r["root"] == str(args.root[0])], args.jobs, quiet=True)
        memory = []
        for j in ([] if args.only_timed else args.jobs):      # memory in runs of its own (the sampler costs CPU)
            res = one_run(corpus, j, extra, memory=True)
            memory.append(res)
            print(f"memory -j {j}: parent RSS {res['parent_rss_mb']} MB, worker PSS {res['worker_pss_mb']} MB "
                  f"(untimed run: the sampler costs CPU)", flush=True)
        sizes = []
        for n in args.sizes:
            c = build_corpus(n, tmp, leave_out) if n != args.files else corpus
            res = one_run(c, max(args.jobs), extra, memory=True)
            sizes.append(res)
            print(f"size {n}: -j {res['jobs']} parent RSS {res['parent_rss_mb']} MB, worker PSS {res['worker_pss_mb']} MB, "
                  f"{res['files_per_s']} files/s; load {res['load_before']} -> {res['load_after']}", flush=True)
        if args.json:
            args.json.write_text(json.dumps({"runs": runs, "median_wall_s": med, "steady_files_per_s": steady,
                                             "memory": memory, "sizes": sizes}, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
