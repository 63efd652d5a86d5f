"""Database load time against extraction time, on the 880 files of the bulk corpus.

    python benchmarks/bench_db.py [FILES_OR_FOLDERS ...] [--chunk 200] [--postgres URL]

Default input: ../shared/corpus-dev/bulk. One process on one core, as `hnx run` and
`hnx load` run by default:
  extract  parse every file and write its JSONL record (what `hnx run -o` does)
  load     read those JSONL lines into a new SQLite file (what `hnx load` does:
           JSON parsing, validation, rows, chunked transactions, views created)
  reload   the same lines again: every document unchanged, nothing written
and, with --postgres (a database URL whose database may be dropped and refilled: the
benchmark creates the hnx tables there), the same load into PostgreSQL.
The issue's bar: load < 1/4 of extract."""
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


def extract(files: list[Path]) -> tuple[float, list[str]]:
    t0 = time.perf_counter()
    lines = [doc.to_json() for doc in parse_files(files)]
    return time.perf_counter() - t0, lines


def load(url: str, lines: list[str], chunk: int):
    t0 = time.perf_counter()
    db = open_database(url)
    stats = load_records(db.engine, (json.loads(line) for line in lines), chunk_size=chunk)
    secs = time.perf_counter() - t0
    with db.engine.connect() as conn:
        rows = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() for t in TABLES}
    db.engine.dispose()
    return secs, stats, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT.parent / "shared" / "corpus-dev" / "bulk"])
    ap.add_argument("--chunk", type=int, default=200)
    ap.add_argument("--postgres", help="also load into this PostgreSQL database (its hnx tables are replaced)")
    args = ap.parse_args()
    files = collect(args.paths)
    if not files:
        sys.exit(f"no article files under {', '.join(map(str, args.paths))}")
    parse_files(files[:1])   # warm up: load the pipeline once
    e_secs, lines = extract(files)
    print(f"input: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, "
          f"records {sum(map(len, lines)) / 1e6:.1f} MB")
    print(f"extract          {e_secs:7.2f} s  ({len(files) / e_secs:.1f} files/s)")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        l_secs, stats, rows = load(url, lines, args.chunk)
        print(f"load   (SQLite)  {l_secs:7.2f} s  = {l_secs / e_secs:.3f} x extract  [{stats.summary()}]")
        r_secs, stats, _ = load(url, lines, args.chunk)
        print(f"reload (SQLite)  {r_secs:7.2f} s  = {r_secs / e_secs:.3f} x extract  [{stats.summary()}]")
        print(f"SQLite file {Path(tmp, 'bench.db').stat().st_size / 1e6:.1f} MB; rows: "
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
        p_secs, stats, _ = load(args.postgres, lines, args.chunk)
        print(f"load (PostgreSQL){p_secs:7.2f} s  = {p_secs / e_secs:.3f} x extract  [{stats.summary()}]")


if __name__ == "__main__":
    main()
