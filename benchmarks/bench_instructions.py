"""Instructions per warm pass (valgrind's cachegrind): the throughput benchmark's work counted
instead of timed, for A/B comparisons on a machine whose CPU time swings by 10-20% between runs.

    python benchmarks/bench_instructions.py                           # this checkout and JioNLP
    python benchmarks/bench_instructions.py --root . --root /tmp/base # A/B two checkouts (no JioNLP)
    python benchmarks/bench_instructions.py --sim                     # also cache misses, mispredicts

Each figure is (instructions of a process that warms up and makes one pass) minus (the same
process without the pass): one warm pass of `extract.parse` over the 74 plain texts of
bench_speed.py's throughput section, or of JioNLP's extract_time + extract_money over the same
texts, one paragraph per call. The hash seed is fixed so that the counts repeat exactly.
Instruction counts are not time: code that misses the caches more (hnx's regex scans over whole
texts) takes longer per instruction, so the ratio here reads higher than bench_speed's CPU-time
ratio; use it to compare versions of hnx, and bench_speed for the target. `--sim` has
cachegrind simulate the caches and branch predictors too (~3x slower) and prints, per pass,
the first-level instruction and data cache misses and the mispredicted branches, each per
1,000 instructions: what makes an instruction of one system dearer than one of the other
(docs/performance.md, "Seventeenth round"). Needs valgrind (`apt-get install valgrind`); it
takes about a minute per checkout on two cores."""
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


# what cachegrind prints, by the name shown here: (its label, which number on the line)
EVENTS = {"instructions": ("I\\s+refs", 0), "I1 misses": ("I1\\s+misses", 0), "D1 misses": ("D1\\s+misses", 0),
          "cond. mispredicts": ("Mispredicts", 1), "ind. mispredicts": ("Mispredicts", 2)}
SIM = False   # --sim: the cache and branch simulations too


def count(system: str, root: str, passes: int) -> dict[str, int]:
    sim = ["--cache-sim=yes", "--branch-sim=yes"] if SIM else ["--cache-sim=no"]
    cmd = ["valgrind", "--tool=cachegrind", *sim, "--cachegrind-out-file=/dev/null",
           os.path.realpath(sys.executable), __file__, "--child", system, root, str(passes)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=root).stderr
    found = {}
    for name, (label, k) in EVENTS.items():
        m = re.search(label + r":\s+([\d,]+)(?:\s+\(\s*([\d,]+) \w+\s+\+\s+([\d,]+))?", out)
        if m and m.group(k + 1):
            found[name] = int(m.group(k + 1).replace(",", ""))
    if "instructions" not in found:
        sys.exit(f"no instruction count from valgrind for {system} {root}:\n{out[-2000:]}")
    return found


def per_pass_all(system: str, root: str) -> dict[str, int]:
    with ThreadPoolExecutor(2) as pool:
        warm, one = pool.map(lambda p: count(system, root, p), (0, 1))
    return {k: one[k] - warm[k] for k in one if k in warm}


def per_pass(system: str, root: str) -> int:
    return per_pass_all(system, root)["instructions"]


def show_sim(name: str, ev: dict[str, int]) -> None:
    n = ev["instructions"]
    print(f"    {name}: " + ", ".join(f"{k} {v / 1e6:,.1f} M ({v / n * 1e3:.1f}/1,000)" for k, v in ev.items()
                                    if k != "instructions"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", action="append", help="a checkout to measure (repeatable; default: this one)")
    ap.add_argument("--no-jionlp", action="store_true", help="skip JioNLP (always skipped with several roots)")
    ap.add_argument("--sim", action="store_true", help="also simulate the caches and branch predictors")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    global SIM
    SIM = args.sim
    roots = [str(Path(r).resolve()) for r in (args.root or [str(ROOT)])]
    print("instructions per warm pass over the 74 plain texts (cachegrind, PYTHONHASHSEED=0)")
    events = {r: per_pass_all("hnx", r) for r in roots}
    figures = {r: ev["instructions"] for r, ev in events.items()}
    for r, n in figures.items():
        print(f"  hnx     {r:<30} {n / 1e6:>10,.0f} M")
        if SIM:
            show_sim("hnx", events[r])
    if len(roots) > 1:
        base = figures[roots[-1]]
        for r in roots[:-1]:
            print(f"  {r} / {roots[-1]}: {figures[r] / base:.3f}")
    elif not args.no_jionlp:
        if importlib.util.find_spec("jionlp") is None:
            print("  JioNLP not installed (pip install -e '.[bench]')")
            return
        jio_events = per_pass_all("jionlp", roots[0])
        jio = jio_events["instructions"]
        print(f"  JioNLP  {'extract_time + extract_money':<30} {jio / 1e6:>10,.0f} M")
        if SIM:
            show_sim("JioNLP", jio_events)
        print(f"  JioNLP / hnx: {jio / figures[roots[0]]:.2f}x the instructions")


if __name__ == "__main__":
    main()
