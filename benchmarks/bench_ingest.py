"""Ingest throughput (decode, clean, split into articles, metadata) on the project's
corpora, and the whole pipeline for comparison.

    python benchmarks/bench_ingest.py [--repeat 20]

Reports MB/s of raw input on one core (a single process)."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from extract.options import Options
from extract.pipeline import build_document

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".html", ".htm", ".md"}


def corpus() -> list[tuple[str, bytes]]:
    files = [p for p in sorted((ROOT / "corpora").rglob("*")) if p.suffix in SUFFIXES and p.name != "README.md"]
    return [(str(p), p.read_bytes()) for p in files]


def run(docs, repeat: int, options: Options) -> tuple[float, int]:
    total = sum(len(d) for _, d in docs) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for name, data in docs:
            build_document(data, source=name, options=options)
    return time.perf_counter() - t0, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    docs = corpus()
    build_document(docs[0][1], options=Options())  # warm up: load the pipeline once
    print(f"corpus: {len(docs)} files, {sum(len(d) for _, d in docs) / 1e6:.3f} MB, x{args.repeat}")
    for label, options in (("ingest only", Options(components=())), ("full pipeline", Options())):
        secs, total = run(docs, args.repeat, options)
        print(f"{label:14s} {total / secs / 1e6:6.2f} MB/s  ({total / 1e6:.1f} MB in {secs:.2f} s)")


if __name__ == "__main__":
    main()
