"""Start-up cost of a fresh process (issue 13): each command below runs in a new Python
process, `--repeat` times; the script prints the median wall time, the median CPU time
(user + sys: steadier than wall on a shared machine) and the median peak RSS.

    python benchmarks/bench_startup.py [--repeat 5] [--article PATH] [--root CHECKOUT ...]

    python     python -c "pass"   (the interpreter and this environment's site hooks alone: part
               of every figure below; here ~0.1 s, most of it .pth files of other packages)
    import     python -c "import extract"
    version    hnx --version   (run as python -c "...; from extract.cli import main; main()")
    parse      python -c "import extract; extract.parse(<article>)"
    load       python -c "import extract; extract.load()(<article>)"   (the spaCy pipeline)

Before measuring, each checkout runs `python -m extract.cachebuild` (the compiled-pattern
cache, the prebuilt objects, the segmenter's dictionary index, and the package byte-compiled
as `pip install` of a wheel does), so the figures are those of an installed, built package:
this environment sets PYTHONDONTWRITEBYTECODE=1 and an editable install would otherwise compile
~70 modules from source in every process (~0.15 s), and a prebuilt object made stale by any
edit of the package would be rebuilt inside the measured parse. `--as-found` measures the
checkout as it is instead (nothing built; missing bytecode or cache is said).

The article defaults to a real ~3,000-character one (../shared/corpus-dev/articles/117_*,
else corpora/seeds/000_*). Each --root is a checkout whose `extract` is measured (its
folder becomes the working directory, so `import extract` finds it first): pass two for an
A/B run, e.g. `--root . --root /tmp/base` (runs alternate A B A B). The last lines name the
heavy modules each command imported, and `python -X importtime -c "import extract"`'s total.
Targets (issue 13): parse <= 0.5 s and <= 80 MB, version <= 0.3 s.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [ROOT.parent / "shared" / "corpus-dev" / "articles", ROOT / "corpora" / "seeds"]
HEAVY = ("spacy", "thinc", "jieba", "rjieba", "pydantic", "typer", "bs4", "lxml", "sqlalchemy", "alembic",
         "yaml", "ahocorasick", "numpy")
_REPORT = ("import sys; print('MODULES', ' '.join(sorted(m for m in %r if m in sys.modules)))" % (HEAVY,))

COMMANDS = {
    "python": "pass",
    "import": "import extract",
    "version": "import sys; sys.argv = ['hnx', '--version']\nfrom extract.cli import main\ntry: main()\n"
               "except SystemExit: pass",
    "parse": "import sys, extract; extract.parse(open(sys.argv[1], encoding='utf-8').read())",
    "load": "import sys, extract; extract.load()(open(sys.argv[1], encoding='utf-8').read())",
}


def default_article() -> Path:
    for folder in ARTICLES:
        found = sorted(folder.glob("117_*.md")) or sorted(folder.glob("000_*.txt"))
        if found:
            return found[0]
    raise SystemExit("no article found: pass --article")


def measure(code: str, cwd: Path, article: Path) -> tuple[float, float, float, str]:
    """(wall s, cpu s, peak RSS MB, heavy modules imported) of one fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code + "\n" + _REPORT, str(article)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)   # reap it here: its own rusage, not all children's
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode:
        raise SystemExit(f"{code!r} failed in {cwd} (exit {proc.returncode}): run it by hand to see why")
    mods = next((ln[8:] for ln in out.decode(errors="replace").splitlines() if ln.startswith("MODULES ")), "")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, mods


def prepare(root: Path, compile_: bool = True) -> str:
    """Build `root`'s caches and bytecode (unless told not to); one line saying what is measured."""
    package = root / "extract"
    if compile_:
        subprocess.run([sys.executable, "-m", "extract.cachebuild"], cwd=root, check=True,
                       stdout=subprocess.DEVNULL)
    stale = [p for p in package.rglob("*.py") if "_cache" not in p.parts and not _fresh_pyc(p)]
    caches = sorted(p.name for p in (package / "_cache").glob("regex-*.bin"))
    return (f"{root}: " + ("cachebuild run first (as installed); " if compile_ else "as found; ")
            + (f"{len(stale)} modules without current bytecode (compiled from source in every process); "
               if stale else "bytecode current; ")
            + (f"compiled cache {', '.join(caches)} and {_objects(package)} prebuilt objects" if caches
               else "NO compiled cache (python -m extract.cachebuild)"))


def _objects(package: Path) -> int:
    return sum(1 for _ in (package / "_cache").glob("regex-*.objects/*.pickle"))


def _fresh_pyc(py: Path) -> bool:
    import importlib.util

    pyc = Path(importlib.util.cache_from_source(str(py)))
    try:
        head, st = pyc.read_bytes()[:16], py.stat()
    except OSError:
        return False
    return (head[:4] == importlib.util.MAGIC_NUMBER and int.from_bytes(head[4:8], "little") & 1 == 0
            and int.from_bytes(head[8:12], "little") == int(st.st_mtime) & 0xFFFFFFFF
            and int.from_bytes(head[12:16], "little") == st.st_size & 0xFFFFFFFF)


def importtime_total(cwd: Path) -> float:
    res = subprocess.run([sys.executable, "-X", "importtime", "-c", "import extract"], cwd=cwd,
                         capture_output=True, text=True, check=True)
    last = [ln for ln in res.stderr.splitlines() if re.search(r"\|\s*extract$", ln)]
    return int(last[-1].split("|")[1]) / 1e6 if last else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--article", type=Path, default=None)
    ap.add_argument("--root", type=Path, action="append", default=None,
                    help="checkout to measure (repeat for A/B; default: this one)")
    ap.add_argument("--only", nargs="*", choices=list(COMMANDS), default=list(COMMANDS))
    ap.add_argument("--as-found", action="store_true",
                    help="do not byte-compile the checkouts first (measure them as they are)")
    args = ap.parse_args()
    article = (args.article or default_article()).resolve()
    roots = [r.resolve() for r in (args.root or [ROOT])]
    text = article.read_text(encoding="utf-8")
    print(f"article: {article.name} ({len(text)} characters); python {sys.version.split()[0]}; "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {args.repeat} runs each, medians")
    for root in roots:
        print(prepare(root, not args.as_found))
    results: dict[tuple[str, Path], list] = {}
    for name in args.only:
        for _ in range(args.repeat):
            for root in roots:  # alternate A B A B
                results.setdefault((name, root), []).append(measure(COMMANDS[name], root, article))
    print(f"\n{'command':8s} {'checkout':28s} {'wall s':>7s} {'cpu s':>7s} {'peak MB':>8s}  heavy modules imported")
    for (name, root), runs in results.items():
        wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"{name:8s} {str(root)[-28:]:28s} {wall:7.2f} {cpu:7.2f} {rss:8.1f}  {runs[-1][3] or '-'}")
    print()
    for root in roots:
        print(f"python -X importtime -c 'import extract' ({root}): {importtime_total(root):.3f} s cumulative")


if __name__ == "__main__":
    main()
