"""Robustness at a larger budget than the test suite (docs/robustness.md).

    python benchmarks/fuzz.py                  # all three parts below, default sizes
    python benchmarks/fuzz.py --props 40       # property families at 40x the suite's examples
    python benchmarks/fuzz.py --growth 4       # growth families at 4x the suite's sizes
    python benchmarks/fuzz.py --processes 300  # 300 damaged real files, two interpreters
    python benchmarks/fuzz.py --trim           # clause trimming against the old trim() on real files

--props runs tests/test_props_pipeline.py with HNX_PROPS=long (randomized) and counts,
per family, the inputs tried and what became of them (clean; repaired with a
"decode"/"front_matter" error; an error record with no text) from HNX_PROPS_REPORT.
--growth times each pathological family of tests/test_robustness_growth.py at n and 4n
(CPU time, best of 3). --processes damages real files (flips, truncations, splices,
re-encodings) with a fixed seed and parses them in two interpreters with different hash
seeds: every line must be the same. --trim parses every real file (corpora/, the dev
articles and bulk) and checks each trim() call the procedures stage makes against the old
quadratic trim() (same span). Prints Markdown; exit status 1 if anything failed.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def props(scale: int) -> bool:
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as f:
        report = f.name
    env = dict(os.environ, HNX_PROPS="long", HNX_PROPS_SCALE=str(scale), HNX_PROPS_REPORT=report,
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.time()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_props_pipeline.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.time() - t0
    rows = [json.loads(line) for line in Path(report).read_text(encoding="utf-8").splitlines() if line.strip()]
    os.unlink(report)
    fams: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    notes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in rows:
        c = fams[r["family"]]
        c["inputs"] += 1
        stages = {s for s, _ in r["errors"]}
        if not r["errors"]:
            c["clean"] += 1
        elif r["chars"] == 0:
            c["error record, no text"] += 1
        else:
            c["repaired, said in errors"] += 1
        for s, msg in r["errors"]:
            notes[s][msg.split(":")[0].split("(")[0].strip()[:60]] += 1
        c["mentions"] += r["mentions"]
        c.update(f"stage {s}" for s in stages)
    print(f"## Property families (HNX_PROPS=long, scale {scale}, {took:.0f} s)\n")
    print("| family | inputs | clean | repaired, said in errors | error record, no text | mentions |")
    print("|---|---:|---:|---:|---:|---:|")
    for fam in sorted(fams):
        c = fams[fam]
        print(f"| {fam} | {c['inputs']} | {c['clean']} | {c['repaired, said in errors']} | "
              f"{c['error record, no text']} | {c['mentions']} |")
    total = sum(c["inputs"] for c in fams.values())
    print(f"| **all** | **{total}** | | | | |\n")
    print("Errors said, by stage and kind (digits as N):\n")
    for stage in sorted(notes):
        for msg, n in notes[stage].most_common(12):
            print(f"- {stage}: {msg} ({n})")
    tail = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-500:]
    print(f"\npytest: {tail}\n")
    if run.returncode:
        print("```\n" + run.stdout[-4000:] + "\n```")
    return run.returncode == 0


def growth(scale: int) -> bool:
    import test_robustness_growth as g

    fams = {**g.FAMILIES, **{f"bytes: {k}": v for k, v in g.BYTE_FAMILIES.items()}}
    print(f"## Growth (n = the suite's size x {scale}; CPU seconds, best of 3)\n")
    print("| family | n | t(n) | t(4n) | t(4n)/t(n) |")
    print("|---|---:|---:|---:|---:|")
    ok = True
    for name, (make, n) in fams.items():
        n *= scale
        g._cpu(make(max(1, n // 16)))
        base = min(g._cpu(make(n)) for _ in range(3))
        large = min(g._cpu(make(4 * n)) for _ in range(3))
        ratio = large / max(base, 1e-4)
        flag = "" if ratio <= g.LIMIT else " **super-linear**"
        ok &= ratio <= g.LIMIT
        print(f"| {name} | {n} | {base:.3f} | {large:.3f} | {ratio:.1f}{flag} |", flush=True)
    print()
    return ok


_CHILD = """
import sys, extract
from extract.options import Options
opts = Options() if sys.argv[1] == "full" else Options(components=())
for p in sys.argv[2:]:
    print(extract.parse_file(p, published="2024-06-30", options=opts).to_json(), flush=True)
"""


def processes(count: int, seed: int = 14, full: bool = False) -> bool:
    from test_props_pipeline import REAL

    rnd = random.Random(seed)
    kinds = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(count):
            data = rnd.choice(REAL).read_bytes()
            kind = rnd.choice(["flip", "truncate", "splice", "gbk", "big5", "utf-16", "mixed", "nul"])
            kinds[kind] += 1
            n = len(data)
            if kind == "flip":
                b = bytearray(data)
                for _ in range(rnd.randint(1, 8)):
                    if b:
                        b[rnd.randrange(len(b))] = rnd.randrange(256)
                data = bytes(b)
            elif kind == "truncate":
                data = data[:rnd.randint(0, n)]
            elif kind == "splice":
                other = rnd.choice(REAL).read_bytes()
                data = data[:rnd.randint(0, n)] + other[rnd.randint(0, len(other)):]
            elif kind == "nul":
                at = rnd.randint(0, n)
                data = data[:at] + b"\x00" * rnd.choice([1, 64]) + data[at:]
            else:
                text = data.decode("utf-8", "replace")
                if kind == "mixed":
                    a = rnd.randint(0, len(text))
                    b_ = rnd.randint(a, len(text))
                    data = text[:a].encode() + text[a:b_].encode("gbk", "replace") + text[b_:].encode()
                else:
                    data = text.encode(kind, "replace")
            path = Path(tmp) / f"{i:04d}"
            path.write_bytes(data)
            paths.append(str(path))
        outs = []
        t0 = time.time()
        for hash_seed in ("1", "2"):
            env = dict(os.environ, PYTHONHASHSEED=hash_seed,
                       PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
            outs.append(subprocess.run([sys.executable, "-c", _CHILD, "full" if full else "ingest", *paths],
                                       cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout)
        took = time.time() - t0
    a, b = outs[0].splitlines(), outs[1].splitlines()
    same = sum(x == y for x, y in zip(a, b))
    with_errors = sum(bool(json.loads(x)["errors"]) for x in a)
    print(f"## Determinism across processes ({'all extractors' if full else 'ingest'}, seed {seed}, {took:.0f} s)\n")
    print(f"{count} damaged real files ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}): "
          f"{len(a)} and {len(b)} lines, {same} identical under PYTHONHASHSEED=1 and 2; "
          f"{with_errors} with errors said.\n")
    return len(a) == len(b) == count and same == count


def trim_check() -> bool:
    import importlib

    import extract
    from test_props_pipeline import REAL
    from test_robustness_defects import _reference_trim

    from extract.procedures import clauses

    linear = clauses.trim
    calls, differ = 0, []

    def checked(text, s, e):
        nonlocal calls
        calls += 1
        got, want = linear(text, s, e), _reference_trim(text, s, e)
        if got != want:
            differ.append((text[s:e][:60], got, want))
        return got

    users = [m for m in ("clauses", "conditions", "prose", "sequences", "steps", "time_limits")
             if getattr(importlib.import_module(f"extract.procedures.{m}"), "trim", None) is linear]
    for m in users:
        setattr(importlib.import_module(f"extract.procedures.{m}"), "trim", checked)
    t0 = time.time()
    try:
        for path in REAL:
            extract.parse_file(path)
    finally:
        for m in users:
            setattr(importlib.import_module(f"extract.procedures.{m}"), "trim", linear)
    print(f"## Clause trimming against the old trim() ({time.time() - t0:.0f} s)\n")
    print(f"{len(REAL)} real files, {calls} trim() calls, {len(differ)} with a different span.\n")
    for d in differ[:10]:
        print(f"- {d!r}")
    return not differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--props", type=int, metavar="SCALE", help="property tests at SCALE x the suite's examples")
    ap.add_argument("--growth", type=int, metavar="SCALE", help="growth families at SCALE x the suite's sizes")
    ap.add_argument("--processes", type=int, metavar="N", help="N damaged real files in two interpreters")
    ap.add_argument("--full", action="store_true", help="--processes with all extractors (slower)")
    ap.add_argument("--trim", action="store_true", help="clause trimming against the old trim() on real files")
    args = ap.parse_args()
    if args.props is None and args.growth is None and args.processes is None and not args.trim:
        args.props, args.growth, args.processes = 40, 4, 300
    ok = True
    if args.props:
        ok &= props(args.props)
    if args.growth:
        ok &= growth(args.growth)
    if args.processes:
        ok &= processes(args.processes, full=args.full)
    if args.trim:
        ok &= trim_check()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
