"""Instructions per warm pass by component (valgrind's cachegrind), for deciding where speed
work can pay: the throughput benchmark's pass over the 74 plain texts (bench_instructions.py)
run with the components added one at a time, in pipeline order (each needs the ones before
it: deadlines read the dates, procedures the deadlines), so each figure's increase is that
component's cost.

    python benchmarks/bench_components.py                 # this checkout
    python benchmarks/bench_components.py --root /tmp/b   # another one

Twelve valgrind runs, two at a time: ~8 minutes on two cores."""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2024-06-01"
ORDER = ("hnx_dates", "hnx_money", "hnx_institutions", "hnx_deadlines", "hnx_procedures")


def child(root: str, upto: int, passes: int) -> None:
    sys.path[:0] = [root, str(Path(root) / "benchmarks")]
    import bench_speed
    import extract

    texts = bench_speed.plain_texts()
    options = extract.Options(components=ORDER[:upto])
    for _ in range(passes + 1):  # (the first pass warms up)
        for t in texts:
            extract.parse(t, published=PUBLISHED, options=options)


def count(root: str, upto: int, passes: int) -> int:
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           os.path.realpath(sys.executable), __file__, "--child", root, str(upto), str(passes)]
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
                         cwd=root).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if not m:
        sys.exit(f"no instruction count from valgrind:\n{out[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=str(ROOT), help="the checkout to measure (default: this one)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    root = str(Path(args.root).resolve())
    jobs = [(k, p) for k in range(len(ORDER) + 1) for p in (0, 1)]
    with ThreadPoolExecutor(2) as pool:
        got = dict(zip(jobs, pool.map(lambda j: count(root, *j), jobs)))
    per_pass = [got[(k, 1)] - got[(k, 0)] for k in range(len(ORDER) + 1)]
    print(f"instructions per warm pass over the 74 plain texts, by component ({root})")
    print(f"  {'ingest and pipeline':<20} {per_pass[0] / 1e6:7,.0f} M")
    for k, name in enumerate(ORDER, 1):
        print(f"  {name:<20} {(per_pass[k] - per_pass[k - 1]) / 1e6:7,.0f} M")
    print(f"  {'total':<20} {per_pass[-1] / 1e6:7,.0f} M")


if __name__ == "__main__":
    main()
