"""Dates benchmark: hnx's date stage against JioNLP on the same examples, in one run.

    python benchmarks/bench_dates.py            # from the repository root
    python benchmarks/bench_dates.py --repeat 5 --json out.json

JioNLP is optional (`pip install jionlp`, or `pip install -e .[bench]`); without
it only hnx's figures are printed.

What is measured
- value accuracy on every example of corpora/examples/dates.yaml that has an
  expected value (forms, in-context mentions, sentences) and on the seeds'
  hand-annotated dates: hnx strictly (the value string, at its grain), and both
  systems leniently as the calendar interval the value denotes (JioNLP answers
  with intervals; a mod like 底/末 is accepted when JioNLP's interval lies inside
  the unit). Values with X (unknown publication date) are left out of the
  interval comparison: JioNLP always fills them from a base time.
- false positives on the negatives (what must not become a date).
- throughput (chars/s and MB/s of UTF-8 text per CPU-second of one core) on the
  text of the seeds and gold articles (cleaned by ingest) and all example
  sentences, each once, repeated to >= 1 MB.
  hnx reads the whole text at once; JioNLP is given one paragraph at a time
  (what it is built for), the fastest way it accepts.
"""
from __future__ import annotations

import argparse
import calendar
import contextlib
import datetime as dt
import io
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.dates import extract_dates  # noqa: E402
from extract.dates.examples import load_examples  # noqa: E402
from extract.refdate import RefDate  # noqa: E402

SEEDS = ROOT / "corpora" / "seeds"


def _s(v):
    return None if v is None else str(v)


# ---------------------------------------------------------------- examples
_CONTINUES = set("0123456789月日号年度底末初季半世代:：")


def locate(text: str, mention: str, after: int = 0) -> int:
    """The next occurrence of `mention` that is not the start of a longer date."""
    has_digit_end = mention[-1:].isdigit() or not any(ch.isdigit() for ch in mention)
    stops = _CONTINUES - set("0123456789") if has_digit_end else _CONTINUES
    if mention.endswith("度"):  # 上一年度年满19周岁
        stops = stops - {"年"}
    pos = text.find(mention, after)
    while pos >= 0 and pos + len(mention) < len(text) and text[pos + len(mention)] in stops:
        pos = text.find(mention, pos + 1)
    return pos


def cases():
    """(ref, text, mention text, expected value, mention start) for every example
    with a value."""
    data = load_examples("dates")
    for g in data["forms"]:
        for item in g["items"]:
            yield _s(g["ref"]), _s(item[0]), _s(item[0]), _s(item[1]), 0
    for g in data["in_context"]:
        for sentence, mention, value in g["items"]:
            yield _s(g["ref"]), sentence, _s(mention), _s(value), locate(sentence, _s(mention))
    for c in data["sentences"]:
        for mention, value, _role in c["expect"]:
            yield _s(c["ref"]), c["text"], _s(mention), _s(value), locate(c["text"], _s(mention))
    for prefix, seed in data["seeds"].items():
        text = seed_text(prefix)
        pos = 0
        for item in seed["mentions"]:
            if len(item) < 3:
                start = locate(text, _s(item[0]), pos)
                pos = start + 1
                yield _s(seed["ref"]), text, _s(item[0]), _s(item[1]), start


def _locate_loose(text: str, mention: str, after: int) -> int:
    """Where `mention` (written without whitespace) occurs in `text` from `after`,
    allowing whitespace between its characters (OCR breaks ingest left)."""
    pattern = r"\s{0,2}".join(re.escape(ch) for ch in mention)
    m = re.compile(pattern).search(text, after)
    return m.start() if m else -1


def gold_cases():
    """(ref, text, mention, value, start) for every required date of the gold files
    (corpora/gold and the seeds' *.gold.json), on the text ingest makes of them."""
    try:
        import extract
        from extract.options import Options
    except ImportError:
        return
    for gold_path in sorted(ROOT.glob("corpora/**/*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold_path.with_name(gold_path.name[: -len(".gold.json")])
        if not source.exists():
            continue
        text = extract.parse_file(source, options=Options(components=())).text
        ref = (gold.get("meta") or {}).get("published")
        pos = 0
        for m in gold.get("mentions", []):
            if m.get("type") != "date" or m.get("optional"):
                continue
            start = _locate_loose(text, m["text"], pos)
            if start >= 0:
                pos = start + 1
            yield ref, text, m["text"], m["value"], start


def negatives():
    return load_examples("dates")["negatives"]


_SEED_CACHE: dict = {}


def seed_text(prefix: str) -> str:
    if prefix not in _SEED_CACHE:
        path = sorted(SEEDS.glob(f"{prefix}_*.txt"))[0]
        try:
            import extract
            from extract.options import Options

            _SEED_CACHE[prefix] = extract.parse_file(path, options=Options(components=())).text
        except Exception:  # ingest not available: the raw file, whitespace-joined
            _SEED_CACHE[prefix] = re.sub(r"[ \t]*\n[ \t]*(?=\S)", "", path.read_text(encoding="utf-8"))
    return _SEED_CACHE[prefix]


# ---------------------------------------------------------------- intervals
def _month_end(y, m):
    return calendar.monthrange(y, m)[1]


def interval(value: str):
    """The [start, end] datetimes a value denotes (None if it has X or is unknown)."""
    if value is None or "X" in value:
        return None
    if "/" in value:
        a, b = value.split("/")
        ia, ib = interval(a), interval(b)
        return (ia[0], ib[1]) if ia and ib else None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})", value)
    if m:
        y, mo, d, h, mi = map(int, m.groups())
        t = dt.datetime(y, mo, d, h % 24, mi)
        return t, t
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d)|-H(\d)|-W(\d{2}))?", value)
    if m:
        y = int(m.group(1))
        if m.group(3):
            d0 = dt.datetime(y, int(m.group(2)), int(m.group(3)))
            return d0, d0.replace(hour=23, minute=59, second=59)
        if m.group(2):
            mo = int(m.group(2))
            return dt.datetime(y, mo, 1), dt.datetime(y, mo, _month_end(y, mo), 23, 59, 59)
        if m.group(4):
            q = int(m.group(4))
            return dt.datetime(y, 3 * q - 2, 1), dt.datetime(y, 3 * q, _month_end(y, 3 * q), 23, 59, 59)
        if m.group(5):
            h = int(m.group(5))
            return dt.datetime(y, 6 * h - 5, 1), dt.datetime(y, 6 * h, _month_end(y, 6 * h), 23, 59, 59)
        if m.group(6):
            mon = dt.datetime.combine(dt.date.fromisocalendar(y, int(m.group(6)), 1), dt.time())
            return mon, mon + dt.timedelta(days=6, hours=23, minutes=59, seconds=59)
        return dt.datetime(y, 1, 1), dt.datetime(y, 12, 31, 23, 59, 59)
    if re.fullmatch(r"\d{3}", value):  # decade
        y = int(value) * 10
        return dt.datetime(y, 1, 1), dt.datetime(y + 9, 12, 31, 23, 59, 59)
    if re.fullmatch(r"\d{2}", value):  # century
        y = int(value) * 100
        return dt.datetime(y, 1, 1), dt.datetime(y + 99, 12, 31, 23, 59, 59)
    return None


def same_interval(pred, gold, fuzzy: bool) -> bool:
    if pred is None or gold is None:
        return False
    if gold[0] == gold[1]:  # a clock time: the start must agree
        return pred[0] == gold[0]
    if pred == gold:
        return True
    return fuzzy and gold[0] <= pred[0] <= pred[1] <= gold[1]


def _overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


# ---------------------------------------------------------------- systems
class Hnx:
    name = "hnx"

    def run(self, text, ref):
        """[(start, end, value-string, interval, mod)]"""
        out = []
        for m in extract_dates(text, RefDate.parse(ref) if ref else None):
            out.append((m.start, m.end, m.value, interval(m.value), m.mod))
        return out

    def throughput_run(self, text):
        extract_dates(text, RefDate(2021, 11, 25))


class Jio:
    name = "jionlp"

    def __init__(self):
        import jionlp  # noqa: F401

        self.jio = jionlp

    @staticmethod
    def _base(ref):
        r = RefDate.parse(ref) if ref else RefDate(2000, 1, 1)
        return {"year": r.year, "month": r.month or 1, "day": r.day or 1}

    def run(self, text, ref):
        out = []
        try:
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                found = self.jio.ner.extract_time(text, time_base=self._base(ref), with_parsing=True)
        except Exception:
            return out
        for f in found:
            start, end = f["offset"]
            times = (f.get("detail") or {}).get("time")
            iv = None
            if isinstance(times, list) and len(times) == 2 and all(isinstance(t, str) for t in times):
                try:
                    iv = tuple(dt.datetime.strptime(t, "%Y-%m-%d %H:%M:%S") for t in times)
                except ValueError:
                    iv = None
            out.append((start, end, None, iv, None))
        return out

    def throughput_run(self, text):
        base = self._base("2021-11-25")
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            for para in text.split("\n"):
                if para.strip():
                    try:
                        self.jio.ner.extract_time(para, time_base=base, with_parsing=True)
                    except Exception:  # JioNLP raises on some inputs; that paragraph counts as read
                        pass


# ---------------------------------------------------------------- scoring
def score(system, all_cases, negs):
    """Found / value accuracy on the expected mentions; false dates on negatives."""
    strict = lenient = n_strict = n_lenient = found = 0
    cache = {}
    for ref, text, mention, value, lo in all_cases:
        key = (ref, text)
        if key not in cache:
            cache[key] = system.run(text, ref)
        preds = cache[key]
        if lo < 0:  # the gold text is not in the cleaned text: counts as missed
            lo = hi = -1
        else:
            hi = lo + len(mention)
        best = max(preds, key=lambda p: _overlap(p[0], p[1], lo, hi), default=None)
        if best is None or _overlap(best[0], best[1], lo, hi) == 0:
            best = None
        else:
            found += 1
        n_strict += 1
        if best is not None and best[2] == value:
            strict += 1
        gold_iv = interval(value)
        if gold_iv is not None:
            n_lenient += 1
            if best is not None and same_interval(best[3], gold_iv, fuzzy=True):
                lenient += 1
    false_pos = 0
    for text, trap in negs:
        lo, hi = (0, len(text)) if trap == "*" else (text.find(trap), text.find(trap) + len(trap))
        if any(_overlap(p[0], p[1], lo, hi) for p in system.run(text, "2021-11-25")):
            false_pos += 1
    return {
        "mentions": n_strict,
        "found": found,
        "value_accuracy_strict": strict / n_strict if system.name == "hnx" else None,
        "interval_cases": n_lenient,
        "interval_accuracy": lenient / max(1, n_lenient),
        "negatives": len(negs),
        "negatives_with_a_false_date": false_pos,
    }


def family_scores(system):
    """Per group of corpora/examples/dates.yaml `forms` (holidays, lunar dates, weekdays,
    clock times, numeric and ordinal forms...): found and value accuracy."""
    out = {}
    for g in load_examples("dates")["forms"]:
        cases = [(_s(g["ref"]), _s(item[0]), _s(item[0]), _s(item[1]), 0) for item in g["items"]]
        r = score(system, cases, [])
        out[g["group"]] = (len(cases), r["found"], r["value_accuracy_strict"], r["interval_accuracy"], r["interval_cases"])
    return out


def corpus_text(all_cases, min_bytes):
    """The texts of the cases (example sentences, seeds, gold articles), once each,
    repeated to at least min_bytes."""
    texts = list(dict.fromkeys(c[1] for c in all_cases))
    base = "\n".join(texts)
    reps = max(1, -(-min_bytes // len(base.encode("utf-8"))))
    return "\n".join([base] * reps)


def throughput(system, text, repeat):
    # CPU time of this process: on a shared machine wall time measures the neighbours.
    # One untimed call on the first paragraphs first: lazy loading (automata, the lunar
    # table, JioNLP's dictionaries) is start-up, measured by bench_startup.py, not throughput.
    system.throughput_run(text[:2000])
    best = None
    for _ in range(repeat):
        t0 = time.process_time()
        system.throughput_run(text)
        elapsed = time.process_time() - t0
        best = elapsed if best is None else min(best, elapsed)
    return {"chars": len(text), "bytes": len(text.encode("utf-8")), "seconds": best,
            "chars_per_s": len(text) / best, "mb_per_s": len(text.encode("utf-8")) / best / 1e6}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="throughput runs (best is kept)")
    ap.add_argument("--min-mb", type=float, default=1.0, help="throughput text size for hnx (MB)")
    ap.add_argument("--jio-mb", type=float, default=0.1, help="throughput text size for JioNLP (MB)")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args(argv)

    datasets = {"examples": (list(cases()), negatives()), "gold": (list(gold_cases()), [])}
    systems = [Hnx()]
    try:
        systems.append(Jio())
    except ImportError:
        print("JioNLP is not installed: `pip install jionlp` (or `pip install -e .[bench]`) "
              "to compare with it. Showing hnx only.\n")
    results = {}
    for system in systems:
        res = {name: score(system, data[0], data[1]) for name, data in datasets.items()}
        size = args.min_mb if system.name == "hnx" else args.jio_mb
        every_case = datasets["examples"][0] + datasets["gold"][0]
        res["throughput"] = throughput(system, corpus_text(every_case, int(size * 1e6)), args.repeat)
        results[system.name] = res

    families = {system.name: family_scores(system) for system in systems}
    print("forms by family (value: hnx strict; interval: both, cases with a known year)")
    print(f"{'family':42} {'n':>4} " + " ".join(f"{n + ' found':>12} {n + ' interval':>15}" for n in families))
    for fam in families["hnx"]:
        cells = []
        for n, res in families.items():
            count, found, _strict, iv, n_iv = res[fam]
            cells.append(f"{found:>12} {(f'{iv:.0%}' if n_iv else '-'):>15}")
        print(f"{fam:42} {families['hnx'][fam][0]:>4} " + " ".join(cells))
    for name, res in families.items():
        results[name]["families"] = res

    for name, (data, negs) in datasets.items():
        print(f"\n{name}: {len(data)} expected date mentions" + (f", {len(negs)} negatives" if negs else ""))
        print(f"{'system':8} {'found':>7} {'value(strict)':>14} {'interval acc':>13} {'neg. FP':>8}")
        for sys_name, r in results.items():
            d = r[name]
            strict = "-" if d["value_accuracy_strict"] is None else f"{d['value_accuracy_strict']:.1%}"
            fp = f"{d['negatives_with_a_false_date']}/{d['negatives']}" if negs else "-"
            print(f"{sys_name:8} {d['found']:>7} {strict:>14} {d['interval_accuracy']:>13.1%} {fp:>8}")
    print("\nthroughput (one core, best of --repeat)")
    print(f"{'system':8} {'MB':>6} {'chars/s':>10} {'MB/s':>7}")
    for sys_name, r in results.items():
        t = r["throughput"]
        print(f"{sys_name:8} {t['bytes'] / 1e6:>6.2f} {t['chars_per_s']:>10.0f} {t['mb_per_s']:>7.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
