"""Database load time against extraction time, on the 880 files of the bulk corpus.

    python benchmarks/bench_db.py [FILES_OR_FOLDERS ...] [--exclude LIST] [--repeat N]
                                  [--chunk 200] [--postgres URL]

Default input: ../shared/corpus-dev/bulk (a folder of symlinks works too); --exclude leaves
out the files a list names (one file name a line, e.g. a held-out set). One process on one
core, as `hnx run` and `hnx load` run by default:
  extract  parse every file and write its JSONL record (what `hnx run -o` does)
  load     read those JSONL lines into a new SQLite file (what `hnx load` does:
           JSON parsing, validation, rows, chunked transactions, views created)
  reload   the same lines again: every document unchanged, nothing written
and, with --postgres (a database URL whose database may be dropped and refilled: the
benchmark creates the hnx tables there), the same load into PostgreSQL.
The issue's bar: load < 1/4 of extract. Each figure is the best of --repeat runs (each load
into a new file), wall clock, with the process's CPU time beside it: on a shared machine the
CPU ratio is the steadier one."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.cli import collect  # noqa: E402
from extract.db import load_records, open_database  # noqa: E402
from extract.db.database import VERSION_TABLE  # noqa: E402
from extract.db.tables import TABLES, VIEWS  # noqa: E402

HNX_NAMES = {t.name for t in TABLES} | set(VIEWS) | {VERSION_TABLE}
from extract.pipeline import parse_files  # noqa: E402


def extract(files: list[Path]) -> tuple[float, float, list[str]]:
    t0, c0 = time.perf_counter(), time.process_time()
    lines = [doc.to_json() for doc in parse_files(files)]
    return time.perf_counter() - t0, time.process_time() - c0, lines


def load(url: str, lines: list[str], chunk: int):
    t0, c0 = time.perf_counter(), time.process_time()
    db = open_database(url)
    stats = load_records(db.engine, (json.loads(line) for line in lines), chunk_size=chunk)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    with db.engine.connect() as conn:
        rows = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() for t in TABLES}
    db.engine.dispose()
    return secs, cpu, stats, rows


def best(runs: list[tuple]) -> tuple:
    """The run with the least wall time, with the least CPU time of all runs in place of its own."""
    top = min(runs, key=lambda r: r[0])
    return (top[0], min(r[1] for r in runs), *top[2:])


def line(name: str, secs: float, cpu: float, e_secs: float, e_cpu: float, stats) -> str:
    return (f"{name:17}{secs:7.2f} s  = {secs / e_secs:.3f} x extract  [{stats.summary()}]  "
            f"CPU {cpu:.2f} s = {cpu / e_cpu:.3f} x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT.parent / "shared" / "corpus-dev" / "bulk"])
    ap.add_argument("--exclude", type=Path, help="a list of file names (one a line) to leave out")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each stage; the best is shown")
    ap.add_argument("--chunk", type=int, default=200)
    ap.add_argument("--postgres", help="also load into this PostgreSQL database (its hnx tables are replaced)")
    args = ap.parse_args()
    files = collect(args.paths)
    if args.exclude:
        left_out = {name.strip() for name in args.exclude.read_text(encoding="utf-8").splitlines() if name.strip()}
        files = [f for f in files if f.name not in left_out]
    if not files:
        sys.exit(f"no article files under {', '.join(map(str, args.paths))}")
    repeat = max(1, args.repeat)
    parse_files(files[:1])   # warm up: load the pipeline once
    e_secs, e_cpu, lines = best([extract(files) for _ in range(repeat)])
    print(f"input: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, "
          f"records {sum(map(len, lines)) / 1e6:.1f} MB")
    print(f"extract          {e_secs:7.2f} s  ({len(files) / e_secs:.1f} files/s)  CPU {e_cpu:.2f} s"
          + (f"  (best of {repeat})" if repeat > 1 else ""))
    with tempfile.TemporaryDirectory() as tmp:
        loads, reloads = [], []
        for i in range(repeat):
            url = f"sqlite:///{tmp}/bench{i}.db"
            loads.append(load(url, lines, args.chunk))
            reloads.append(load(url, lines, args.chunk))
        l_secs, l_cpu, stats, rows = best(loads)
        print(line("load   (SQLite)", l_secs, l_cpu, e_secs, e_cpu, stats))
        r_secs, r_cpu, stats, _ = best(reloads)
        print(line("reload (SQLite)", r_secs, r_cpu, e_secs, e_cpu, stats))
        print(f"SQLite file {Path(tmp, 'bench0.db').stat().st_size / 1e6:.1f} MB; rows: "
              + ", ".join(f"{k} {v}" for k, v in rows.items()))
    if args.postgres:
        engine = sa.create_engine(args.postgres.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:    # start from no hnx tables (other tables are left alone)
            meta = sa.MetaData()
            meta.reflect(conn, views=True, only=lambda name, _: name in HNX_NAMES)
            for name in VIEWS:
                if name in meta.tables:
                    conn.execute(sa.schema.DropView(meta.tables[name]))
                    meta.remove(meta.tables[name])
            meta.drop_all(conn)
        engine.dispose()
        p_secs, p_cpu, stats, _ = load(args.postgres, lines, args.chunk)
        print(line("load (PostgreSQL)", p_secs, p_cpu, e_secs, e_cpu, stats))


if __name__ == "__main__":
    main()
