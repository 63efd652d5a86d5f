"""Ingest throughput (decode, clean, split into articles, metadata) on the project's
corpora, and the whole pipeline for comparison.

    python benchmarks/bench_ingest.py [--repeat 20]
    python benchmarks/bench_ingest.py --real [--repeat 3]   # ../shared/corpus-dev (articles + bulk)

Reports MB/s of raw input on one core (a single process). `--real` reads the real
development corpus (36 annotated articles and 880 bulk files: portal pages, WeChat
exports, 新闻联播 Markdown, CMS fragments) instead of the project's own corpora."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from extract.options import Options
from extract.pipeline import build_document

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".html", ".htm", ".md"}


def corpus(real: bool = False) -> list[tuple[str, bytes]]:
    if real:
        base = ROOT.parent / "shared" / "corpus-dev"
        if not base.is_dir():
            raise SystemExit(f"{base} is not present")
        files = [p for p in sorted(base.rglob("*")) if p.is_file() and not p.name.endswith((".json", ".tsv"))
                 and p.name != "README.md"]
    else:
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
    ap.add_argument("--real", action="store_true", help="the real development corpus (../shared/corpus-dev)")
    ap.add_argument("--ingest-only", action="store_true", help="skip the full-pipeline pass")
    args = ap.parse_args()
    docs = corpus(args.real)
    build_document(docs[0][1], options=Options())  # warm up: load the pipeline once
    print(f"corpus: {len(docs)} files, {sum(len(d) for _, d in docs) / 1e6:.3f} MB, x{args.repeat}")
    runs = [("ingest only", Options(components=()))] + ([] if args.ingest_only else [("full pipeline", Options())])
    for label, options in runs:
        secs, total = run(docs, args.repeat, options)
        print(f"{label:14s} {total / secs / 1e6:6.2f} MB/s  ({total / 1e6:.1f} MB in {secs:.2f} s)")


if __name__ == "__main__":
    main()
