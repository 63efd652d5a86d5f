"""The console report: score tables and the per-item error list, as plain text
(column widths count East-Asian wide characters as two)."""
from __future__ import annotations

import unicodedata
from typing import Optional, Sequence

from .evaluate import Report, summary
from .score import TYPES


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def clip(s: str, limit: int) -> str:
    s = " ".join(str(s).split())
    if width(s) <= limit:
        return s
    out, w = [], 0
    for c in s:
        cw = width(c)
        if w + cw > limit - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], limits: Optional[Sequence[int]] = None) -> str:
    """Left-aligned columns separated by two spaces."""
    rows = [[clip(c, limits[i]) if limits else str(c) for i, c in enumerate(r)] for r in rows]
    cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c + " " * (cols[i] - width(c)) for i, c in enumerate(cells)).rstrip()

    return "\n".join([line(header), line(["-" * c for c in cols])] + [line(r) for r in rows])


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _prf(d: dict) -> list[str]:
    return [_f(d["precision"]), _f(d["recall"]), _f(d["f1"])]


def _acc(d: dict) -> str:
    return f"{_f(d['accuracy'])} ({d['correct']}/{d['total']})"


def render(report: Report, max_errors: int = 100) -> str:
    s = summary(report)
    out = [f"hnx eval: {s['files']} files; predictions: {s['settings'].get('predictions')}; "
           f"publication date: {s['settings'].get('published')}", ""]
    rows = []
    for typ in TYPES + ("overall",):
        st, pa = s["mentions"][typ]["strict"], s["mentions"][typ]["partial"]
        rows.append([typ, *_prf(st), *_prf(pa), str(st["tp"] + st["fn"]), str(st["tp"] + st["fp"])])
    out += [table(["mentions", "strict P", "R", "F1", "partial P", "R", "F1", "gold", "pred"], rows), ""]
    rows = []
    for typ in TYPES:
        vals = s["values"][typ]
        if vals:
            fields = "  ".join(f"{k} {_f(v['accuracy'])}" for k, v in vals.items() if k != "all")
            rows.append([typ, _acc(vals["all"]), fields])
    out += [table(["values", "all fields right", "per field"], rows), ""]
    rows = [["deadlines", *_prf(s["deadlines"])],
            ["procedure steps", *_prf(s["procedures"]["steps"])],
            ["procedure channels", *_prf(s["procedures"]["channels"])],
            ["procedure conditions", *_prf(s["procedures"]["conditions"])],
            ["authors", *_prf(s["authors"])]]
    out += [table(["structure", "P", "R", "F1"], rows), ""]
    rows = [[k, _acc(v)] for k, v in list(s["meta"].items()) + list(s["html"].items())]
    if rows:
        out += [table(["meta / html", "accuracy / pass rate"], rows), ""]
    rows = [[f["file"], _f(f["headline"]["overall.strict_f1"]), _f(f["headline"]["overall.partial_f1"]),
             _f(f["headline"]["overall.value_accuracy"]), str(n)]
            for f, n in zip(s["per_file"], (len(r.issues) for r in report.files))]
    if rows:
        out += [table(["file", "strict F1", "partial F1", "values", "errors"], rows, [48, 9, 10, 6, 6]), ""]
    for p in s["problems"]:
        out.append(f"PROBLEM {p['file']}: {p['message']}")
    errors = report.issues
    out.append(f"errors: {len(errors)}" + (f" (first {max_errors} shown)" if len(errors) > max_errors else ""))
    if errors and max_errors:
        rows = [[e.file, e.kind, e.type, e.text, e.detail or e.sentence] for e in errors[:max_errors]]
        out.append(table(["file", "kind", "type", "text", "detail / sentence"], rows, [40, 11, 16, 30, 70]))
    return "\n".join(out)
