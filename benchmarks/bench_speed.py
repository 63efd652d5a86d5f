"""Every speed figure of issue 13 in one run: throughput against JioNLP, HTML MB/s,
start-up, linearity, and (with --batch) hnx run -j 2 against -j 1.

    python benchmarks/bench_speed.py                       # all but the batch figure
    python benchmarks/bench_speed.py --batch               # also -j 1 vs -j 2 (bench_batch.py, ~3 min)
    python benchmarks/bench_speed.py --root . --root /tmp/base --only throughput html   # A/B two checkouts
    python benchmarks/bench_speed.py --json /tmp/speed.json

Sections (targets in brackets):
  throughput  extract.parse() on plain-text articles (the cleaned text of
              ../shared/corpus-dev/articles and corpora/{seeds,gold,heldout}) against JioNLP's
              extract_time + extract_money on the same texts, one paragraph at a time (the way
              it is built to be called), rounds A B A B in one process, medians of CPU time
              [hnx >= 5x JioNLP]; beside it the median of the rounds' own ratios (steadier
              when the machine's load drifts during the run). Needs the `bench` extra (jionlp); without it hnx alone.
  html        the whole pipeline on every HTML page of the development corpus (articles and
              bulk: raw government, portal and CMS pages), MB of raw HTML per CPU-second,
              median of rounds [>= 2 MB/s]; ingest alone beside it.
  startup     fresh processes (benchmarks/bench_startup.py): `python -c "import extract;
              extract.parse(<a real 3,000-character article>)"` [<= 0.5 s wall, <= 80 MB peak
              RSS] and `hnx --version` [<= 0.3 s]; medians, CPU time beside wall. The package
              is byte-compiled first, as pip install does (bench_startup.py says why).
  linear      per-character cost of one 1,000,000-character article against the same text
              parsed as ten 100,000-character articles, for real text (cleaned bulk files
              joined) and pathological runs (unbalanced brackets, quotes, digits, one line
              without a break, list markers) [ratio within 1.2]. Measured warm, in the order
              ten, one, ten, one, the faster of each side: the first parse of a text pays
              one-time costs (caches of the text's windows, the institution segmenter's
              switch to rjieba after 5,000 calls) that are not per-character work.
  batch       benchmarks/bench_batch.py on 1,000 files, -j 1 and -j 2, A B A B [>= 1.8x].

Each --root is a checkout whose `extract` is measured (in a child process whose path starts
with it). Times are CPU seconds of one process (process_time): steadier than wall time on a
shared machine; the 1-minute load average is printed beside every section.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "corpus-dev"
PUBLISHED = "2024-06-01"
SECTIONS = ("throughput", "html", "startup", "linear")


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


# ------------------------------------------------------------------ child side
def plain_texts() -> list[str]:
    """The cleaned text of every real and written article (ingest only)."""
    import extract

    if not (SHARED / "articles").is_dir():
        # a checkout copied elsewhere (git archive into /tmp) has no ../shared beside it: its
        # pass would hold the written articles only, and its figures would not compare
        print(f"bench_speed: {SHARED / 'articles'} absent: the pass holds the written articles only "
              "(link a `shared` folder beside the checkout to measure the usual 74 texts)", file=sys.stderr)
    files = []
    for folder in (SHARED / "articles", ROOT / "corpora" / "seeds", ROOT / "corpora" / "gold",
                   ROOT / "corpora" / "heldout"):
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith((".json", ".csv")))
    ingest = extract.Options(components=())
    return [t for t in (extract.parse_file(str(p), options=ingest).text for p in files) if t.strip()]


def html_pages() -> list[tuple[str, bytes]]:
    import extract

    files = []
    for folder in (SHARED / "articles", SHARED / "bulk"):
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".json"))
    ingest = extract.Options(components=())
    pages = [(str(p), p.read_bytes()) for p in files]
    return [(s, d) for s, d in pages if extract.parse_file(s, options=ingest).format == "html"]


class Jio:
    def __init__(self):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp
        self.jio = jionlp
        y, m, d = map(int, PUBLISHED.split("-"))
        self.base = {"year": y, "month": m, "day": d}

    def run(self, texts: list[str]) -> None:
        ner = self.jio.ner
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            for text in texts:
                for para in text.split("\n"):
                    if not para.strip():
                        continue
                    try:
                        ner.extract_time(para, time_base=self.base)
                    except Exception:  # JioNLP raises on some inputs: that paragraph counts as read
                        pass
                    try:
                        ner.extract_money(para)
                    except Exception:
                        pass


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def child_throughput(rounds: int) -> dict:
    import extract

    texts = plain_texts()
    chars = sum(map(len, texts))

    def hnx():
        for t in texts:
            extract.parse(t, published=PUBLISHED)

    try:
        jio = Jio()
    except ImportError:
        jio = None
    hnx()
    if jio:
        jio.run(texts)
    times: dict[str, list[float]] = {"hnx": [], "jionlp": []}
    for _ in range(rounds):  # A B A B
        if jio:
            times["jionlp"].append(_cpu(lambda: jio.run(texts)))
        times["hnx"].append(_cpu(hnx))
    out = {"texts": len(texts), "chars": chars, "hnx_s": statistics.median(times["hnx"]), "rounds": times}
    out["hnx_chars_per_s"] = chars / out["hnx_s"]
    if jio:
        out["jionlp_s"] = statistics.median(times["jionlp"])
        out["jionlp_chars_per_s"] = chars / out["jionlp_s"]
        out["speedup"] = out["jionlp_s"] / out["hnx_s"]
        # each round's own ratio (its JioNLP pass and the hnx pass right after it): a load that
        # drifts over the run moves both passes of a round, not one side's median
        ratios = sorted(j / h for j, h in zip(times["jionlp"], times["hnx"]))
        out["speedup_rounds"] = ratios
        out["speedup_paired"] = statistics.median(ratios)
    return out


def child_html(rounds: int) -> dict:
    import extract
    from extract.pipeline import parse_data

    pages = html_pages()
    size = sum(len(d) for _, d in pages)
    ingest = extract.Options(components=())
    full, only = [], []
    for s, d in pages:
        parse_data(d, s)
    for _ in range(rounds):
        full.append(_cpu(lambda: [parse_data(d, s) for s, d in pages]))
        only.append(_cpu(lambda: [parse_data(d, s, options=ingest) for s, d in pages]))
    return {"pages": len(pages), "bytes": size, "full_s": statistics.median(full), "ingest_s": statistics.median(only),
            "full_mb_per_s": size / statistics.median(full) / 1e6, "ingest_mb_per_s": size / statistics.median(only) / 1e6}


def _units() -> dict[str, str]:
    return {
        "brackets": "申请人（（（（“「（通过（随申办APP→（（点击“缴费”（（→（（（",
        "quotes": "“他说“请于“2025年“12月31日前”“办理“缴费”「「『“”“",
        "digits": "12345678901234567890.1234567890元1.2.3.4.5.6.7.8.9.10%20250101",
        "one_line": "1.登录随申办APP→点击医保→选择缴费，请于2025年12月31日前完成（详见附件）；",
        "markers": "\n1、打开APP\n2、点击“办事>社保>缴费”\n①关注公众号【个人中心】-【我要理赔】\n第一步：登录\n"
                   "问：如何办理？答：可通过随申办办理。",
    }


def real_text(size: int) -> str:
    """Cleaned bulk texts (a fixed mixed order of files) joined up to `size` characters."""
    import hashlib

    import extract

    files = sorted((p for p in (SHARED / "bulk").iterdir() if p.is_file()),
                   key=lambda p: hashlib.md5(p.name.encode("utf-8")).hexdigest()) if (SHARED / "bulk").is_dir() else []
    files = files or sorted((ROOT / "corpora" / "gold").glob("*.txt"))
    ingest = extract.Options(components=())
    texts = [extract.parse_file(str(p), options=ingest).text for p in files]
    texts = [t for t in texts if t.strip()]
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(texts[i % len(texts)])
        n += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def child_linear(size: int, kinds: list[str]) -> dict:
    import extract

    extract.parse("2024年1月1日起，每人每年补贴100元。", published=PUBLISHED)  # warm
    out = {}
    for kind in kinds:
        if kind == "real":
            text = real_text(size)
        else:
            unit = _units()[kind]
            text = (unit * (size // len(unit) + 1))[:size]
        k = size // 10
        pieces = [text[i:i + k] for i in range(0, size, k)]
        ten = one = float("inf")
        for _ in range(2):   # ten, one, ten, one: both sides see the same warm process
            ten = min(ten, _cpu(lambda: [extract.parse(p, published=PUBLISHED) for p in pieces]))
            one = min(one, _cpu(lambda: extract.parse(text, published=PUBLISHED)))
        out[kind] = {"chars": size, "one_s": one, "ten_s": ten, "ratio": one / ten}
    return out


def child(args) -> None:
    if args.child == "throughput":
        res = child_throughput(args.repeat)
    elif args.child == "html":
        res = child_html(args.repeat)
    else:
        res = child_linear(args.size, args.kinds)
    print("RESULT " + json.dumps(res))


# ------------------------------------------------------------------ parent side
def run_child(root: Path, section: str, args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", section, "--repeat", str(args.repeat),
           "--size", str(args.size), "--kinds", *args.kinds]
    env = dict(os.environ, PYTHONPATH=str(root))
    res = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    line = next((ln for ln in res.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if res.returncode or line is None:
        sys.exit(f"{section} in {root} failed:\n{res.stderr[-3000:]}")
    return json.loads(line[7:])


def show_throughput(root: Path, r: dict) -> None:
    line = (f"  {str(root)[-24:]:24s} {r['texts']} texts, {r['chars']:,} chars: hnx {r['hnx_s']:.3f} s "
            f"({r['hnx_chars_per_s'] / 1e3:,.0f} K chars/s)")
    if "jionlp_s" in r:
        line += (f"; JioNLP time+money {r['jionlp_s']:.3f} s ({r['jionlp_chars_per_s'] / 1e3:,.0f} K chars/s); "
                 f"hnx = {r['speedup']:.2f}x JioNLP  [target >= 5x]")
        if "speedup_paired" in r:
            lo, hi = r["speedup_rounds"][0], r["speedup_rounds"][-1]
            line += f"\n  {'':24s} round by round: median {r['speedup_paired']:.2f}x (rounds {lo:.2f}-{hi:.2f}x)"
    print(line)


def show_html(root: Path, r: dict) -> None:
    print(f"  {str(root)[-24:]:24s} {r['pages']} pages, {r['bytes'] / 1e6:.2f} MB: whole pipeline {r['full_s']:.2f} s = "
          f"{r['full_mb_per_s']:.2f} MB/s [target >= 2]; ingest alone {r['ingest_mb_per_s']:.2f} MB/s")


def show_linear(root: Path, r: dict) -> None:
    for kind, m in r.items():
        print(f"  {str(root)[-24:]:24s} {kind:9s} one {m['chars']:,}-char article {m['one_s']:.2f} s, ten of "
              f"{m['chars'] // 10:,} {m['ten_s']:.2f} s: per-char ratio {m['ratio']:.2f} [target 0.8-1.2]")


def startup(roots: list[Path], repeat: int) -> dict:
    sys.path.insert(0, str(HERE))
    from bench_startup import COMMANDS, default_article, measure, prepare

    article = default_article().resolve()
    for root in roots:
        print("  " + prepare(root))   # byte-compiled as an installed package is
    out: dict = {}
    for name in ("python", "parse", "version"):
        runs: dict[Path, list] = {r: [] for r in roots}
        for _ in range(repeat):
            for root in roots:
                runs[root].append(measure(COMMANDS[name], root, article))
        for root in roots:
            wall, cpu, rss = (statistics.median(x[i] for x in runs[root]) for i in range(3))
            out.setdefault(str(root), {})[name] = {"wall_s": wall, "cpu_s": cpu, "peak_mb": rss}
            target = {"parse": "<= 0.5 s, <= 80 MB", "version": "<= 0.3 s"}.get(name, "the interpreter alone: in every figure")
            print(f"  {str(root)[-24:]:24s} {name:8s} wall {wall:.2f} s  cpu {cpu:.2f} s  peak {rss:.0f} MB  [{target}]"
                  f"  modules: {runs[root][-1][3]}")
    print(f"  (article {article.name}, {len(article.read_text(encoding='utf-8')):,} characters)")
    return out


def batch(repeat: int) -> dict:
    with_json = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_batch_{os.getpid()}.json"
    cmd = [sys.executable, str(HERE / "bench_batch.py"), "--jobs", "1", "2", "--repeat", str(repeat), "--json", str(with_json)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    data = json.loads(with_json.read_text())
    with_json.unlink()
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, action="append", default=None, help="checkout to measure (repeat for A/B)")
    ap.add_argument("--only", nargs="*", choices=SECTIONS, default=list(SECTIONS))
    ap.add_argument("--batch", action="store_true", help="also hnx run -j 1 vs -j 2 (bench_batch.py)")
    ap.add_argument("--repeat", type=int, default=5, help="rounds (medians)")
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of the long article (linear)")
    ap.add_argument("--kinds", nargs="*", default=["real", "brackets", "quotes", "digits", "one_line", "markers"])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", choices=("throughput", "html", "linear"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    roots = [r.resolve() for r in (args.root or [ROOT])]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; CPU seconds, medians of {args.repeat} rounds")
    report: dict = {}
    shows = {"throughput": show_throughput, "html": show_html, "linear": show_linear}
    for section in args.only:
        print(f"\n{section} ({_load()})")
        if section == "startup":
            report["startup"] = startup(roots, args.repeat)
            continue
        for root in roots:
            r = run_child(root, section, args)
            report.setdefault(section, {})[str(root)] = r
            shows[section](root, r)
    if args.batch:
        print(f"\nbatch ({_load()}): benchmarks/bench_batch.py --jobs 1 2")
        report["batch"] = batch(max(2, args.repeat // 2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
