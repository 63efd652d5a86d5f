"""JioNLP against hnx on REAL text with independent gold: dates and money, the same
cleaned text, the same publication date, the same scoring rules for both.

    python benchmarks/bench_real_peer.py                       # ../shared/corpus-dev/articles + corpora/real-dev2
    python benchmarks/bench_real_peer.py corpora/real-heldout2 --json out.json
    python benchmarks/bench_real_peer.py --show 20             # also list each tool's first errors

Input: folders (or files) of *.gold.json, loaded with extract.evaluation.gold.load_gold, so
each gold's `file` is resolved relative to the gold file exactly as `hnx eval` does.

Text and reference date: each article is run through the hnx pipeline
(`extract.parse_file(path, published=<gold meta.published>)`, what `hnx eval` does); the
document's cleaned text (`doc.text`) is what both tools read and what the gold is aligned
to, and the gold's publication date is the reference date of both (JioNLP's `time_base`).
hnx's mentions are that document's mentions (so hnx's detection counts equal `hnx eval`'s).
JioNLP reads the same text one line at a time (`jionlp.ner.extract_time(line,
time_base=...)`, `jionlp.ner.extract_money(line)`; JioNLP raises on some inputs, and a line
that raises yields nothing), offsets shifted back to the whole text.

Scoring, identical for both tools (extract.evaluation.score.match_type, as `hnx eval`):
- gold texts are placed in the text in document order (extract.evaluation.align);
- strict: a prediction with the same folded text at an overlapping place; partial:
  overlapping spans, largest overlap first; one-to-one;
- optional gold items are matched last against the predictions nobody took: matched, they
  excuse that prediction; unmatched, they are not missed;
- value accuracy on the required gold items matched by the partial rule:
  dates: the calendar interval the value denotes (bench_dates.interval, plus seconds).
    JioNLP's `detail.time` [start, end] is read as that interval; hnx's ISO value likewise.
    Correct when the two intervals are equal at the gold's granularity: for a clock time
    (gold 2022-11-24T05:30) the start must agree to the gold's precision (minute or second);
    otherwise start and end must agree (JioNLP's day ends at 23:59:59, as bench_dates'
    intervals do), at the gold's grain: when the gold is a day or a run of days, a
    prediction's clock times are widened to their whole days (昨日上午 [07:00, 11:59:59] is
    that day). When the gold has a mod (2025年底 = 2025 END, 年初 START, 年中
    MID, APPROX) an interval lying inside the gold's is also correct (JioNLP narrows 年底 to
    a part of the year instead of naming a mod); the mod itself is not compared, for either
    tool. An open span (JioNLP reads 2019年7月1日起, 今年以来, 3月1日后 as [that day, the
    reference day or 'inf'], and 2026年底前 as [the reference day, 2026-12-31]: the gold marks
    the date without its trigger word 起/以来/前) is judged by its other endpoint: the start
    (or the end) must equal the gold interval's start (or end), or, for a gold with a mod, lie
    inside it. Such an endpoint has no grain of its own, so 2021年4月起 also gives 2021-04-01.
    Gold values with X (unknown year or day) cannot be compared as intervals and are
    left out of value accuracy for both (they are all optional in the real sets).
  money: the numbers (value, or min and max) and the currency (JioNLP's `case` 元 -> CNY,
    美元 -> USD...). A gold single value with a mod (6000多亿元: 6e11 MORE_THAN, 约3亿元) is
    also matched by a range that starts at it (JioNLP answers 多 with [6e11, 7e11]). `per`
    (每人每月) and `mod` are not compared: JioNLP has neither. hnx's own `hnx eval` value
    accuracy (every field: value and mod for dates; value, min, max, per, currency for money)
    is printed beside it for reference.
- JioNLP's `time_delta` (durations: 3天, 两个月) and `time_period` (recurring: 每天, 每月)
  results are dropped before scoring (the annotation guide's dates exclude durations and
  recurring schedules, and hnx does not report them as dates); `--keep-all-jio-types`
  keeps them. How many were dropped is reported.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import logging
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "benchmarks")):
    if p not in sys.path:
        sys.path.insert(0, p)

from bench_dates import interval as _interval  # noqa: E402
from extract.evaluation.align import place_in_order  # noqa: E402
from extract.evaluation.metrics import Counts, Tally  # noqa: E402
from extract.evaluation.score import match_type  # noqa: E402
from extract.evaluation.text import Folded  # noqa: E402
from extract.evaluation.values import compare  # noqa: E402

DEFAULT_GOLD = ["../shared/corpus-dev/articles", "corpora/real-dev2"]
TYPES = ("date", "money")
JIO_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
                "日元": "JPY", "英镑": "GBP", "澳元": "AUD", "韩元": "KRW", "卢布": "RUB"}
JIO_DROPPED = ("time_delta", "time_period")
MODS_NARROWING = {"START", "MID", "END", "APPROX"}           # a date mod: an interval inside is right
MONEY_MODS_FROM = {"MORE_THAN", "EQUAL_OR_MORE", "APPROX"}   # 6000多亿元: a range from the value is right


@dataclass
class Pred:
    """One predicted mention, in the shape match_type reads (text, start, end)."""

    type: str
    text: str
    start: int
    end: int
    interval: Optional[tuple] = None      # dates: (start, end) datetimes (None: unbounded)
    open_side: Optional[str] = None       # dates: "start"/"end" when that end is open (X前 / X起)
    numbers: tuple = ()                   # money: (value,) or (min, max)
    currency: Optional[str] = None
    raw: Optional[dict] = None            # hnx's Mention, for its own value fields


# ---------------------------------------------------------------- values
def interval(value: Optional[str]):
    """bench_dates.interval, plus clock times with seconds (2016-06-20T17:12:55)."""
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", value):
        t = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S")
        return t, t
    return _interval(value)


def _clock_precision(value: str) -> Optional[str]:
    if re.fullmatch(r".*T\d{2}:\d{2}:\d{2}", value or ""):
        return "second"
    if re.fullmatch(r".*T\d{2}:\d{2}", value or ""):
        return "minute"
    return None


def _whole_days(iv) -> bool:
    return iv[0].time() == dt.time(0, 0) and iv[1].time() == dt.time(23, 59, 59)


def date_value_ok(gold_value: Optional[str], gold_mod: Optional[str], pred_iv,
                  open_side: Optional[str] = None) -> Optional[bool]:
    """Whether a predicted interval gives the gold date (None: the gold cannot be judged).
    `open_side` ("start" or "end"): that endpoint of the prediction is the reference day or
    unbounded (a span X起 / X前), so only the other endpoint is compared."""
    giv = interval(gold_value)
    if giv is None:
        return None
    if pred_iv is None:
        return False
    if open_side in ("start", "end"):
        i = 0 if open_side == "end" else 1
        t = pred_iv[i]
        if t is None:
            return False
        return t == giv[i] or bool(gold_mod in MODS_NARROWING and giv[0] <= t <= giv[1])
    if pred_iv[0] is None or pred_iv[1] is None:
        return False
    if _whole_days(giv):  # a day-grain gold: a part of a day (上午, 夜间至凌晨) is read as its days
        pred_iv = (pred_iv[0].replace(hour=0, minute=0, second=0, microsecond=0),
                   pred_iv[1].replace(hour=23, minute=59, second=59, microsecond=0))
    clock = _clock_precision(gold_value)
    if clock:
        cut = (lambda t: t.replace(second=0, microsecond=0)) if clock == "minute" else (lambda t: t.replace(microsecond=0))
        return cut(pred_iv[0]) == giv[0]
    if tuple(pred_iv) == tuple(giv):
        return True
    return bool(gold_mod in MODS_NARROWING and giv[0] <= pred_iv[0] <= pred_iv[1] <= giv[1])


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def gold_numbers(m) -> tuple:
    if m.value is not None:
        return (float(m.value),)
    if m.min is not None or m.max is not None:
        return (None if m.min is None else float(m.min), None if m.max is None else float(m.max))
    return ()


def money_value_ok(gnums: tuple, gcur: Optional[str], gmod: Optional[str], pnums: tuple,
                   pcur: Optional[str]) -> bool:
    if (gcur or "CNY") != (pcur or "CNY"):
        return False
    if len(gnums) == len(pnums) and gnums and all(
            (g is None and p is None) or (g is not None and p is not None and _close(g, p))
            for g, p in zip(gnums, pnums)):
        return True
    return bool(len(gnums) == 1 and len(pnums) == 2 and gmod in MONEY_MODS_FROM
                and pnums[0] is not None and _close(gnums[0], pnums[0]))


# ---------------------------------------------------------------- the two tools
def hnx_preds(doc) -> list[Pred]:
    out = []
    for m in doc.mentions:
        if m.type == "date":
            out.append(Pred("date", m.text, m.start, m.end, interval=interval(m.value), raw=m))
        elif m.type == "money":
            if m.value is not None:
                nums = (float(m.value),)
            elif m.min is not None or m.max is not None:
                nums = (None if m.min is None else float(m.min), None if m.max is None else float(m.max))
            else:
                nums = ()
            out.append(Pred("money", m.text, m.start, m.end, numbers=nums, currency=m.currency, raw=m))
    return out


def _jio_time(s: str):
    try:
        return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return None


def jio_interval(times, kind: Optional[str], ref_day: dt.datetime):
    """(interval, open side) of JioNLP's detail.time: 'inf'/'-inf' is an unbounded end
    (None); a time_span that runs to (or from) the reference day is open on that side."""
    if not (isinstance(times, list) and len(times) == 2):
        return None, None
    a, b = _jio_time(times[0]), _jio_time(times[1])
    if a is None and b is None:
        return None, None
    ref_end = ref_day.replace(hour=23, minute=59, second=59)
    if b is None or (kind == "time_span" and b == ref_end and a != ref_day):
        return (a, b), "end"
    if a is None or (kind == "time_span" and a == ref_day and b != ref_end):
        return (a, b), "start"
    return (a, b), None


def _base(published: Optional[str]) -> dict:
    from extract.refdate import RefDate

    r = RefDate.parse(published) if published else None
    r = r or RefDate(2000, 1, 1)  # no date: a fixed base, never the clock
    return {"year": r.year, "month": r.month or 1, "day": r.day or 1}


class Jio:
    def __init__(self, keep_all: bool = False):
        import jionlp

        self.jio = jionlp
        self.keep_all = keep_all
        self.dropped: dict[str, int] = {}
        self.failed_lines = 0
        logging.getLogger().setLevel(logging.CRITICAL)  # JioNLP logs every parse it gives up on

    def _call(self, fn, *a, **kw):
        try:
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                return fn(*a, **kw)
        except Exception:  # JioNLP raises on some inputs: that line yields nothing
            self.failed_lines += 1
            return []

    def preds(self, text: str, published: Optional[str]) -> list[Pred]:
        base = _base(published)
        ref_day = dt.datetime(base["year"], base["month"], base["day"])
        out: list[Pred] = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                for f in self._call(self.jio.ner.extract_time, line, time_base=base, with_parsing=True):
                    kind = f.get("type")
                    if kind in JIO_DROPPED and not self.keep_all:
                        self.dropped[kind] = self.dropped.get(kind, 0) + 1
                        continue
                    s, e = f["offset"]
                    times = (f.get("detail") or {}).get("time")
                    iv, side = jio_interval(times, kind, ref_day)
                    out.append(Pred("date", text[pos + s:pos + e], pos + s, pos + e, interval=iv, open_side=side))
                for f in self._call(self.jio.ner.extract_money, line, with_parsing=True):
                    s, e = f["offset"]
                    detail = f.get("detail") or {}
                    num = detail.get("num")
                    nums = (num,) if isinstance(num, str) else tuple(num or ())
                    try:
                        nums = tuple(float(n) for n in nums)
                    except (TypeError, ValueError):
                        nums = ()
                    case = detail.get("case")
                    out.append(Pred("money", text[pos + s:pos + e], pos + s, pos + e, numbers=nums,
                                    currency=JIO_CURRENCY.get(case, case)))
            pos += len(line) + 1
        return out


# ---------------------------------------------------------------- scoring
def new_totals() -> dict:
    return {t: {"strict": Counts(), "partial": Counts(), "value": Tally(), "value_unjudged": 0,
                "hnx_eval_value": Tally()} for t in TYPES}


def score_file(text: str, gold_mentions, preds: list[Pred], totals: dict, errors: Optional[list] = None,
               label: str = "") -> dict:
    """Add one document's counts to `totals` (see new_totals) and return them."""
    gspans = place_in_order(Folded.of(text), [m.text for m in gold_mentions])
    for typ in TYPES:
        idx = [i for i, m in enumerate(gold_mentions) if m.type == typ]
        g = [gold_mentions[i] for i in idx]
        s = [gspans[i] for i in idx]
        p = [x for x in preds if x.type == typ]
        t = totals[typ]
        for mode in ("strict", "partial"):
            req, _opt, free = match_type(g, s, p, partial=mode == "partial")
            t[mode].add(Counts(tp=len(req), fp=len(free), fn=sum(not m.optional for m in g) - len(req)))
        for a, b in req:  # the partial pairs of required gold items
            gm, pm = g[a], p[b]
            if typ == "date":
                ok = date_value_ok(gm.value, gm.mod, pm.interval, pm.open_side)
            else:
                ok = money_value_ok(gold_numbers(gm), gm.currency, gm.mod, pm.numbers, pm.currency)
            if ok is None:
                t["value_unjudged"] += 1
                continue
            t["value"].record(ok)
            if pm.raw is not None:
                t["hnx_eval_value"].record(all(compare(typ, gm, pm.raw).values()))
            if errors is not None and not ok:
                errors.append({"file": label, "kind": "wrong_value", "type": typ, "gold": gm.text,
                               "gold_value": gm.value if typ == "date" else list(gold_numbers(gm)),
                               "pred": pm.text, "pred_value": _show(pm)})
        if errors is not None:
            matched = {a for a, _ in req}
            errors.extend({"file": label, "kind": "missed", "type": typ, "gold": g[a].text}
                          for a in range(len(g)) if not g[a].optional and a not in matched)
            errors.extend({"file": label, "kind": "spurious", "type": typ, "pred": p[b].text} for b in sorted(free))
    return totals


def _show(p: Pred):
    if p.type == "date":
        return None if p.interval is None else [t and t.isoformat() for t in p.interval] + [p.open_side]
    return [list(p.numbers), p.currency]


def as_json(totals: dict) -> dict:
    out = {}
    for typ, t in totals.items():
        out[typ] = {"strict": t["strict"].as_dict(), "partial": t["partial"].as_dict(),
                    "value": t["value"].as_dict(), "value_unjudged": t["value_unjudged"]}
        if t["hnx_eval_value"].total:
            out[typ]["hnx_eval_value"] = t["hnx_eval_value"].as_dict()
    return out


# ---------------------------------------------------------------- run
def _add(into: dict, totals: dict) -> None:
    for typ, t in totals.items():
        for key in ("strict", "partial", "value", "hnx_eval_value"):
            into[typ][key].add(t[key])
        into[typ]["value_unjudged"] += t["value_unjudged"]


def run(gold_dirs: list[str], keep_all: bool = False, show: int = 0) -> dict:
    """Both tools on every gold below each of `gold_dirs`: figures per folder and overall."""
    import extract
    from extract.evaluation.gold import load_gold

    jio = Jio(keep_all)
    overall = {"hnx": new_totals(), "jionlp": new_totals()}
    errors: dict = {"hnx": [], "jionlp": []}
    by_set, problems, n_files = {}, [], 0
    for folder in gold_dirs:
        golds, load_errors = load_gold([Path(folder)])
        problems += [{"file": str(e.path), "message": e.message} for e in load_errors]
        totals = {"hnx": new_totals(), "jionlp": new_totals()}
        n = 0
        for gold in golds:
            path = gold.article_path
            if not path.is_file():
                problems.append({"file": str(path), "message": "article not found"})
                continue
            doc = extract.parse_file(str(path), published=gold.published)
            jpreds = jio.preds(doc.text, gold.published)
            label = f"{gold.path.parent.name}/{Path(gold.file).name}"
            score_file(doc.text, gold.data.mentions, hnx_preds(doc), totals["hnx"], errors["hnx"], label)
            score_file(doc.text, gold.data.mentions, jpreds, totals["jionlp"], errors["jionlp"], label)
            n += 1
        for tool in totals:
            _add(overall[tool], totals[tool])
        by_set[_rel(folder)] = {"files": n, "results": {name: as_json(t) for name, t in totals.items()}}
        n_files += n
    return {"gold": [_rel(d) for d in gold_dirs], "files": n_files, "problems": problems,
            "jionlp_version": getattr(jio.jio, "__version__", "?"),
            "jionlp_dropped": jio.dropped if not keep_all else {}, "jionlp_failed_calls": jio.failed_lines,
            "results": {name: as_json(t) for name, t in overall.items()}, "by_set": by_set,
            "frequent": {tool: frequent(errs) for tool, errs in errors.items()},
            "errors": errors if show else {}}


def frequent(errors: list, n: int = 12) -> dict:
    """The most frequent missed and spurious texts, per type: where the conventions differ."""
    from collections import Counter

    out: dict = {}
    for typ in TYPES:
        for kind, key in (("missed", "gold"), ("spurious", "pred"), ("wrong_value", "gold")):
            c = Counter(e[key] for e in errors if e["kind"] == kind and e["type"] == typ)
            out[f"{typ} {kind}"] = c.most_common(n)
    return out


def _rel(folder: str) -> str:
    """A folder as the repository names it (../shared/corpus-dev/articles, corpora/real-dev2)."""
    import os

    return os.path.relpath(Path(folder).resolve(), ROOT.resolve())


def render_table(res: dict) -> str:
    def prf(c):
        return f"{c['precision']:.3f} {c['recall']:.3f} {c['f1']:.3f}"

    lines = [f"{'tool':8} {'type':6} {'gold':>5} {'strict P  R     F1':>19} {'partial P R     F1':>19} "
             f"{'value acc':>16} {'hnx-eval value':>16}"]
    for tool, per in res["results"].items():
        for typ, r in per.items():
            gold_n = r["partial"]["tp"] + r["partial"]["fn"]
            v = r["value"]
            val = f"{v['accuracy']:.3f} ({v['correct']}/{v['total']})" if v["total"] else "-"
            he = r.get("hnx_eval_value")
            hev = f"{he['accuracy']:.3f} ({he['correct']}/{he['total']})" if he else "-"
            lines.append(f"{tool:8} {typ:6} {gold_n:>5} {prf(r['strict']):>19} {prf(r['partial']):>19} "
                         f"{val:>16} {hev:>16}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", help=f"gold folders or files (default: {' '.join(DEFAULT_GOLD)})")
    ap.add_argument("--json", help="write the figures (and, with --show, the errors) here")
    ap.add_argument("--keep-all-jio-types", action="store_true",
                    help="keep JioNLP's time_delta and time_period results (dropped by default)")
    ap.add_argument("--show", type=int, default=0, help="list each tool's first N errors")
    args = ap.parse_args(argv)
    dirs = args.gold or [str(ROOT / d) for d in DEFAULT_GOLD]
    missing = [d for d in dirs if not Path(d).exists()]
    if missing:
        print(f"not found: {', '.join(missing)}", file=sys.stderr)
        dirs = [d for d in dirs if Path(d).exists()]
        if not dirs:
            return 2
    res = run(dirs, args.keep_all_jio_types, args.show)
    res["date"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    res["command"] = "python benchmarks/bench_real_peer.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(f"{res['files']} files from {', '.join(res['gold'])}; JioNLP {res['jionlp_version']}; "
          f"JioNLP results dropped: {res['jionlp_dropped'] or 'none'}; JioNLP calls that raised: "
          f"{res['jionlp_failed_calls']}")
    print(render_table(res))
    if len(res["by_set"]) > 1:
        for name, part in res["by_set"].items():
            print(f"\n{name} ({part['files']} files)")
            print(render_table(part))
    for p in res["problems"]:
        print(f"problem: {p['file']}: {p['message']}", file=sys.stderr)
    if args.show:
        for tool, errs in res["errors"].items():
            print(f"\n{tool}: {len(errs)} errors; the first {args.show}:")
            for e in errs[:args.show]:
                print("  " + json.dumps(e, ensure_ascii=False))  # JSON escapes control characters
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
