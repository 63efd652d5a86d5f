"""Instructions per warm pass (valgrind's cachegrind): the throughput benchmark's work counted
instead of timed, for A/B comparisons on a machine whose CPU time swings by 10-20% between runs.

    python benchmarks/bench_instructions.py                           # this checkout and JioNLP
    python benchmarks/bench_instructions.py --root . --root /tmp/base # A/B two checkouts (no JioNLP)

Each figure is (instructions of a process that warms up and makes one pass) minus (the same
process without the pass): one warm pass of `extract.parse` over the 74 plain texts of
bench_speed.py's throughput section, or of JioNLP's extract_time + extract_money over the same
texts, one paragraph per call. The hash seed is fixed so that the counts repeat exactly.
Instruction counts are not time: code that misses the caches more (hnx's regex scans over whole
texts) takes longer per instruction, so the ratio here reads higher than bench_speed's CPU-time
ratio; use it to compare versions of hnx, and bench_speed for the target. Needs valgrind
(`apt-get install valgrind`); it takes about a minute per checkout on two cores."""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2024-06-01"


def child(system: str, root: str, passes: int) -> None:
    sys.path[:0] = [root, str(Path(root) / "benchmarks")]
    import bench_speed

    texts = bench_speed.plain_texts()
    if system == "jionlp":
        jio = bench_speed.Jio()
        run = lambda: jio.run(texts)  # noqa: E731
    else:
        import extract

        def run():
            for t in texts:
                extract.parse(t, published=PUBLISHED)
    run()
    for _ in range(passes):
        run()


def count(system: str, root: str, passes: int) -> int:
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           os.path.realpath(sys.executable), __file__, "--child", system, root, str(passes)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=root).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if not m:
        sys.exit(f"no instruction count from valgrind for {system} {root}:\n{out[-2000:]}")
    return int(m.group(1).replace(",", ""))


def per_pass(system: str, root: str) -> int:
    with ThreadPoolExecutor(2) as pool:
        warm, one = pool.map(lambda p: count(system, root, p), (0, 1))
    return one - warm


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", action="append", help="a checkout to measure (repeatable; default: this one)")
    ap.add_argument("--no-jionlp", action="store_true", help="skip JioNLP (always skipped with several roots)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    roots = [str(Path(r).resolve()) for r in (args.root or [str(ROOT)])]
    print("instructions per warm pass over the 74 plain texts (cachegrind, PYTHONHASHSEED=0)")
    figures = {r: per_pass("hnx", r) for r in roots}
    for r, n in figures.items():
        print(f"  hnx     {r:<30} {n / 1e6:>10,.0f} M")
    if len(roots) > 1:
        base = figures[roots[-1]]
        for r in roots[:-1]:
            print(f"  {r} / {roots[-1]}: {figures[r] / base:.3f}")
    elif not args.no_jionlp:
        if importlib.util.find_spec("jionlp") is None:
            print("  JioNLP not installed (pip install -e '.[bench]')")
            return
        jio = per_pass("jionlp", roots[0])
        print(f"  JioNLP  {'extract_time + extract_money':<30} {jio / 1e6:>10,.0f} M")
        print(f"  JioNLP / hnx: {jio / figures[roots[0]]:.2f}x the instructions")


if __name__ == "__main__":
    main()
