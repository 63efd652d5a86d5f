"""Money extraction: hnx vs JioNLP on corpora/examples/money.yaml, in one run.

    python benchmarks/bench_money.py            # from the repository root
    python benchmarks/bench_money.py --repeat 5 --big-mb 2

Reports, for each extractor, on the money examples of the corpus:
  detected        gold money mentions overlapped by a reported money mention, whatever its value;
  value accuracy  gold money mentions found with the right numbers (value, or min/max) and an
                  overlapping span, over all gold money mentions (numbers as the annotation
                  guide writes them: 6000多亿元 is 6e11, not a range);
  precision       such correct mentions over all money mentions the extractor reported;
  false alarms    money mentions reported on the negative examples (`mentions: []`);
  throughput      MB/s (UTF-8) over the example texts, one call per text, per CPU second of
                  this process (process time, so that other load on the machine counts less).
The same scores on the money/percent mentions of corpora/gold/*.gold.json (text cleaned by
the hnx pipeline; skipped with --no-gold or when the pipeline is unavailable).
Also the throughput of both on one ~1 MB document built from the seeds (the hnx money and
percent stage must run at >= 1 MB/s on one core).
JioNLP is optional (`pip install jionlp`); without it only hnx is measured. JioNLP has no
percent extractor, so percentages are scored for hnx alone.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.money import extract_money  # noqa: E402
from extract.money.corpus import load_examples  # noqa: E402

JIO_CURRENCY = {"元": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
                "日元": "JPY", "英镑": "GBP", "澳元": "AUD"}


def _numbers(value, lo, hi):
    if value is not None:
        return (round(float(value), 6),)
    if lo is not None and hi is not None:
        return (round(float(lo), 6), round(float(hi), 6))
    return ()


def hnx_money(text):
    return [(m.start, m.end, _numbers(m.value, m.min, m.max), m.type)
            for m in extract_money(text, None)]


def load_jionlp():
    try:
        import jionlp
    except ImportError:
        return None
    jio_extract = jionlp.ner.extract_money

    def jio_money(text):
        out = []
        for item in jio_extract(text, with_parsing=True):
            num = item["detail"]["num"]
            nums = (num,) if isinstance(num, str) else tuple(num)
            start, end = item["offset"]
            out.append((start, end, tuple(round(float(n), 6) for n in nums), "money"))
        return out

    return jio_money


def example_cases(examples):
    """(id, text, [(start, end, type, numbers)], is_negative) for each corpus example."""
    cases = []
    for ex in examples:
        spans, pos = [], 0
        for g in ex.mentions:
            start = ex.text.find(g["text"], pos)
            pos = start + len(g["text"])
            spans.append((start, start + len(g["text"]), g["type"],
                          _numbers(g["value"], g["min"], g["max"])))
        cases.append((ex.id, ex.text, spans, not ex.mentions))
    return cases


def gold_cases():
    """The same for corpora/gold/*.gold.json, on the text the hnx pipeline cleans (needs
    extract.parse_file); optional mentions are left out."""
    import json
    import re

    import extract

    cases = []
    for gold_path in sorted((ROOT / "corpora" / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = extract.parse_file(str(gold_path)[: -len(".gold.json")]).text
        spans, pos = [], 0
        for g in gold.get("mentions", []):
            if g["type"] not in ("money", "percent") or g.get("optional"):
                continue
            pattern = r"\s*".join(re.escape(ch) for ch in g["text"])
            m = re.compile(pattern).search(text, pos)
            if m is None:
                continue
            pos = m.end()
            nums = _numbers(g.get("value"), g.get("min"), g.get("max"))
            spans.append((m.start(), m.end(), g["type"], nums))
        cases.append((gold_path.name, text, spans, False))
    return cases


def score(cases, extractor, kind="money"):
    gold_n = pred_n = correct = false_alarms = detected = 0
    misses = []
    for case_id, text, spans, negative in cases:
        spans = [sp for sp in spans if sp[2] == kind]
        try:
            pred = [p for p in extractor(text) if p[3] == kind]
        except Exception:  # an extractor that raises on a text scores nothing on it
            pred = []
        if negative:
            false_alarms += len(pred)
        gold_n += len(spans)
        pred_n += len(pred)
        used = set()
        for gs, ge, _, gnum in spans:
            detected += any(p[0] < ge and gs < p[1] for p in pred)
            hit = next((i for i, p in enumerate(pred) if i not in used and p[0] < ge and gs < p[1]
                        and p[2] == gnum), None)
            if hit is None:
                misses.append((case_id, text[gs:ge]))
            else:
                used.add(hit)
                correct += 1
    return {"detected": detected / gold_n if gold_n else 0.0, "gold": gold_n, "pred": pred_n,
            "correct": correct, "false_alarms": false_alarms,
            "accuracy": correct / gold_n if gold_n else 0.0,
            "precision": correct / pred_n if pred_n else 0.0, "misses": misses}


def throughput(texts, extractor, repeat):
    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    for t in texts[:5]:  # warm up (lazy dictionary loading is not throughput)
        try:
            extractor(t)
        except Exception:
            pass
    t0 = time.process_time()
    for _ in range(repeat):
        for t in texts:
            try:
                extractor(t)
            except Exception:
                pass
    return size / (time.process_time() - t0) / 1e6


def big_document(mb):
    seeds = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    base = "\n".join(p.read_text(encoding="utf-8") for p in seeds)
    n = max(1, int(mb * 1e6 / len(base.encode("utf-8"))) + 1)
    return "\n".join([base] * n)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the examples for throughput")
    ap.add_argument("--big-mb", type=float, default=1.0, help="size of the stage-throughput document")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--no-gold", action="store_true", help="skip the corpora/gold files")
    args = ap.parse_args(argv)

    examples = load_examples()
    texts = [ex.text for ex in examples]
    extractors = {"hnx": hnx_money}
    jio = load_jionlp()
    if jio is None:
        print("JioNLP not installed: measuring hnx only (install with `pip install jionlp`).\n")
    else:
        extractors["jionlp"] = jio

    n_money = sum(1 for ex in examples if any(m["type"] == "money" for m in ex.mentions))
    n_neg = sum(1 for ex in examples if not ex.mentions)
    print(f"examples: {len(examples)} ({n_money} with money, {n_neg} negatives), "
          f"{sum(len(t.encode()) for t in texts)} bytes")
    speeds = {name: throughput(texts, fn, args.repeat) for name, fn in extractors.items()}
    suites = [("examples", example_cases(examples))]
    if not args.no_gold:
        try:
            suites.append(("gold", gold_cases()))
        except Exception as exc:  # the pipeline is optional for this benchmark
            print(f"gold files skipped: {exc}")
    for suite, cases in suites:
        print(f"\n[{suite}] {len(cases)} texts")
        print(f"{'extractor':<10} {'kind':<8} {'gold':>5} {'found':>6} {'correct':>8} "
              f"{'detected':>9} {'accuracy':>9} {'precision':>10} {'false alarms':>13} {'MB/s':>7}")
        for name, fn in extractors.items():
            kinds = ("money", "percent") if name == "hnx" else ("money",)
            for kind in kinds:
                s = score(cases, fn, kind)
                speed = f"{speeds[name]:.3f}" if kind == "money" and suite == "examples" else "-"
                print(f"{name:<10} {kind:<8} {s['gold']:>5} {s['pred']:>6} {s['correct']:>8} "
                      f"{s['detected']:>9.3f} {s['accuracy']:>9.3f} {s['precision']:>10.3f} "
                      f"{s['false_alarms']:>13} {speed:>7}")
                if args.show_misses:
                    for case_id, miss in s["misses"]:
                        print(f"    missed {miss!r} in {case_id!r}")
    doc = big_document(args.big_mb)
    size = len(doc.encode("utf-8"))
    print(f"\nwhole-document throughput, {size / 1e6:.2f} MB built from the seeds (one call):")
    for name, fn in extractors.items():
        t0 = time.process_time()
        found = fn(doc)
        elapsed = time.process_time() - t0
        print(f"  {name:<8} {size / elapsed / 1e6:6.2f} MB/s ({len(found)} mentions, {elapsed:.2f} s)")


if __name__ == "__main__":
    main()
