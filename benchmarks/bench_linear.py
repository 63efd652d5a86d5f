"""Growth of the procedures and deadlines stages with article length.

    python benchmarks/bench_linear.py [--size 1000000] [--json]

Builds, at run time, one long article of real text by joining the cleaned text of the
files of ../shared/corpus-dev/bulk (never stored in the repository) up to `--size`
characters, plus adversarial texts (runs of unbalanced brackets, a single line without a
break, thousands of list markers and arrows). For each text it times extract_deadlines
and extract_procedures on each of its four quarters alone and on the whole (best of 3, process
time; the quarters' mean is the 1x figure, so both sides hold the same content)
and counts the Python calls each makes (sys.setprofile), then prints the 4x ratios.
Linear stages give ratios near 4; the script exits 1 when a time ratio exceeds 8 or a
call ratio exceeds 5 (a quadratic step gives ~16).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BULK = ROOT.parent / "shared" / "corpus-dev" / "bulk"

MAX_TIME_RATIO = 8.0
MAX_CALL_RATIO = 5.0


def real_text(size: int) -> str:
    """Cleaned bulk texts joined (paragraph breaks between files) up to `size` characters."""
    import extract
    from extract.options import Options

    # files in a fixed mixed order (by a hash of the name), so that the first quarter of
    # the article holds the same mixture of sources as the whole
    files = sorted((p for p in BULK.iterdir() if p.is_file()),
                   key=lambda p: hashlib.md5(p.name.encode("utf-8")).hexdigest())
    if not files:
        raise SystemExit(f"no bulk files under {BULK}")
    parts, n, i = [], 0, 0
    ingest = Options(components=())
    cache: dict[int, str] = {}
    while n < size:
        k = i % len(files)
        if k not in cache:
            try:
                cache[k] = extract.parse_file(str(files[k]), options=ingest).text
            except Exception:  # an unreadable bulk file is skipped, the others make the text
                cache[k] = ""
        parts.append(cache[k])
        n += len(cache[k]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def adversarial(size: int) -> dict[str, str]:
    unit_brackets = "申请人（（（（“「（通过（随申办APP→（（点击“缴费”（（→（（（"
    unit_line = "1.登录随申办APP→点击医保→选择缴费，请于2025年12月31日前完成（详见附件）；"
    unit_lists = "\n1、打开APP\n2、点击“办事>社保>缴费”\n①关注公众号【个人中心】-【我要理赔】\n第一步：登录\n问：如何办理？答：可通过随申办办理。"
    return {
        "brackets": (unit_brackets * (size // len(unit_brackets) + 1))[:size],
        "one_line": (unit_line * (size // len(unit_line) + 1))[:size],
        "markers": (unit_lists * (size // len(unit_lists) + 1))[:size],
    }


def _stages(text: str):
    from extract.dates import extract_dates
    from extract.deadlines import extract_deadlines
    from extract.procedures import extract_procedures
    from extract.refdate import RefDate

    ref = RefDate.parse("2025-06-01")
    mentions = extract_dates(text, ref)
    deadlines = extract_deadlines(text, mentions, ref)
    return [
        ("deadlines", lambda: extract_deadlines(text, mentions, ref)),
        ("procedures", lambda: extract_procedures(text, mentions, deadlines)),
    ]


def _best_time(fn, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _calls(fn) -> int:
    n = 0

    def prof(frame, event, arg):
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return n


def measure(text: str) -> dict:
    """The whole text against its four quarters, each parsed alone: the quarters' mean is the
    "1x" figure, so both sides hold the same content (on real text the work is driven by
    what the sentences say, and one quarter alone can hold less of it than the rest)."""
    k = len(text) // 4
    quarters = [text[i * k:(i + 1) * k] for i in range(4)]
    out = {}
    smalls, big = [dict(_stages(q)) for q in quarters], dict(_stages(text))
    for name in big:
        # each piece timed and then counted at once, so the stages' one-text caches (the
        # roles of the last text classified, its sentences) are warm alike for every piece
        pairs = [(_best_time(s[name]), _calls(s[name])) for s in smalls]
        ts, cs = sum(p[0] for p in pairs) / 4, sum(p[1] for p in pairs) / 4
        tb = _best_time(big[name])
        cb = _calls(big[name])
        out[name] = {"chars": [k, len(text)], "seconds": [round(ts, 4), round(tb, 4)],
                     "time_ratio": round(tb / max(ts, 1e-4), 2), "calls": [round(cs), cb],
                     "call_ratio": round(cb / max(cs, 1), 2)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of the real-text article")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    texts = {"real": real_text(args.size), **adversarial(args.size // 4)}
    report = {name: measure(t) for name, t in texts.items()}
    failed = [(name, stage) for name, r in report.items() for stage, m in r.items()
              if m["time_ratio"] > MAX_TIME_RATIO or m["call_ratio"] > MAX_CALL_RATIO]
    if args.json:
        print(json.dumps({"report": report, "failed": failed}, ensure_ascii=False, indent=1))
    else:
        for name, r in report.items():
            for stage, m in r.items():
                print(f"{name:9s} {stage:10s} chars {m['chars'][0]:>8d} -> {m['chars'][1]:>8d}  "
                      f"time {m['seconds'][0]:8.3f}s -> {m['seconds'][1]:8.3f}s (x{m['time_ratio']:<5})  "
                      f"calls {m['calls'][0]:>9d} -> {m['calls'][1]:>9d} (x{m['call_ratio']})")
        print("FAIL: " + ", ".join(f"{a}/{b}" for a, b in failed) if failed else "all stages linear (4x input: time <= x8, calls <= x5)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
