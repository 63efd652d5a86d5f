"""Measure the quality gate's sets and (with --raise) move floors up to today's scores.

    python benchmarks/gate.py                 # print measured scores and floors, per set
    python benchmarks/gate.py --raise         # raise floors to (measured - margin); never lowers
    python benchmarks/gate.py --set real      # one set only

Sets (corpora/floors.json): `written` = corpora/seeds + corpora/gold (articles the team
wrote: regression only), `real` = ../shared/corpus-dev/articles (36 real published
articles, independent gold: the yardstick), `real-heldout` = corpora/real-heldout (gold for 24
files of ../shared/corpus-dev/bulk, annotated blind on 2026-12-04 and never tuned on: the
test set; measured only where ../shared/corpus-dev/bulk, which holds its articles, exists). Every score is measured as a user meets it:
the extractors get the gold publication date (as a crawler's manifest would give it), but
`meta.published_accuracy` judges the date ingest found by itself (blind).

A floor sits `margin` below the measured score: 0.01 for mention and value scores, 0.02
for the structure and metadata scores, rounded down to 0.005 - close enough that losing a
rule family fails the gate. A partial-F1 floor is only set where the partial score differs
from the strict one (where they are equal the strict floor already says it all); the
listing marks such redundant floors.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "corpora" / "floors.json"
# Run as a script, Python puts benchmarks/ first on sys.path, and `extract` would then come
# from whatever is installed (the global editable install of another checkout): measure the
# code of the repository this script sits in.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def margin(name: str) -> float:
    return 0.01 if name.split(".")[0] in ("date", "money", "percent", "institution", "overall") else 0.02


def redundant(key: str, got: dict) -> bool:
    """A partial F1 equal to its strict F1: a floor on it adds nothing."""
    return key.endswith(".partial_f1") and got.get(key) == got.get(key.replace(".partial_f1", ".strict_f1"))


def measure(paths: list[str]) -> dict:
    from extract.evaluation.evaluate import headline
    from extract.evaluation.gold import load_gold
    from extract.evaluation.run import run_eval

    golds, errors = load_gold([ROOT / p for p in paths])
    if errors:
        raise SystemExit("unreadable gold: " + "; ".join(f"{e.path}: {e.message}" for e in errors))
    report = run_eval(golds, errors)
    return {k: round(v, 4) for k, v in headline(report.totals).items() if v is not None}, len(golds)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raise", dest="raise_", action="store_true", help="raise floors to measured - margin")
    ap.add_argument("--set", action="append", help="only these sets")
    args = ap.parse_args(argv)
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    import extract
    print(f"code measured: {Path(extract.__file__).resolve().parent}")
    for name, s in data["sets"].items():
        if args.set and name not in args.set:
            continue
        if not all((ROOT / p).is_dir() for p in s["paths"] + s.get("requires", [])):
            print(f"{name}: {s['paths'] + s.get('requires', [])} absent, skipped")
            continue
        got, n = measure(s["paths"])
        print(f"{name} ({n} files)")
        for key in sorted(got):
            floor = s["floors"].get(key)
            new = math.floor((got[key] - margin(key)) * 200) / 200
            flag = "" if floor is None or got[key] >= floor else "  BELOW FLOOR"
            if redundant(key, got):
                flag += "  (= strict: floor redundant)" if floor is not None else "  (= strict: no floor)"
            print(f"  {key:32s} {got[key]:.4f}  floor {'-' if floor is None else f'{floor:.3f}'}{flag}")
            if args.raise_ and (floor is None or new > floor) and not redundant(key, got):
                s["floors"][key] = round(max(new, 0.0), 3)
        if args.raise_:
            s["measured"] = got
            s["measured_on"] = f"{n} files, {date.today().isoformat()}"
    if args.raise_:
        FLOORS.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
