"""A self-contained HTML report (inline CSS, no script, no external asset).
Every string from an article or a gold file goes through html.escape."""
from __future__ import annotations

from html import escape

from .evaluate import Report, summary
from .score import TYPES

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.missed td:nth-child(2){color:#b00} tr.spurious td:nth-child(2){color:#a60}
tr.wrong_value td:nth-child(2){color:#06a} mark{background:#ffe58a}
.small{color:#666;font-size:.9em}
"""


def _num(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _row(cells, cls: str = "") -> str:
    attr = f' class="{escape(cls)}"' if cls else ""
    return f"<tr{attr}>" + "".join(cells) + "</tr>"


def _td(text, numeric: bool = False) -> str:
    return f'<td class="n">{escape(str(text))}</td>' if numeric else f"<td>{escape(str(text))}</td>"


def _head(*names) -> str:
    return "<tr>" + "".join(f"<th>{escape(n)}</th>" for n in names) + "</tr>"


def _prf(d: dict) -> list[str]:
    return [_td(_num(d[k]), True) for k in ("precision", "recall", "f1")]


def highlight(sentence: str, text: str) -> str:
    """The escaped sentence with the first occurrence of `text` marked."""
    at = sentence.find(text) if text else -1
    if at < 0:
        return escape(sentence)
    return (escape(sentence[:at]) + "<mark>" + escape(text) + "</mark>"
            + escape(sentence[at + len(text):]))


def render_html(report: Report, title: str = "hnx evaluation") -> str:
    s = summary(report)
    parts = [f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>",
             f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>",
             f"<p class=\"small\">{s['files']} files; predictions: {escape(str(s['settings'].get('predictions')))}; "
             f"publication date: {escape(str(s['settings'].get('published')))}</p>"]
    parts.append("<h2>Mentions</h2><table>" + _head("type", "strict P", "R", "F1", "partial P", "R", "F1"))
    for typ in TYPES + ("overall",):
        m = s["mentions"][typ]
        parts.append(_row([_td(typ)] + _prf(m["strict"]) + _prf(m["partial"])))
    parts.append("</table><h2>Values (over matched mentions)</h2><table>" + _head("type", "field", "accuracy", "right", "total"))
    for typ in TYPES:
        for name, t in s["values"][typ].items():
            parts.append(_row([_td(typ), _td(name), _td(_num(t["accuracy"]), True),
                               _td(t["correct"], True), _td(t["total"], True)]))
    parts.append("</table><h2>Deadlines and procedures</h2><table>" + _head("", "P", "R", "F1"))
    for name, d in (("deadlines", s["deadlines"]), ("procedure steps", s["procedures"]["steps"]),
                    ("procedure channels", s["procedures"]["channels"]),
                    ("procedure conditions", s["procedures"]["conditions"]), ("authors", s["authors"])):
        parts.append(_row([_td(name)] + _prf(d)))
    parts.append("</table><h2>Metadata and HTML cleaning</h2><table>" + _head("", "accuracy / pass rate", "right", "total"))
    for name, t in list(s["meta"].items()) + list(s["html"].items()):
        parts.append(_row([_td(name), _td(_num(t["accuracy"]), True), _td(t["correct"], True), _td(t["total"], True)]))
    parts.append("</table><h2>Files</h2><table>" + _head("file", "strict F1", "partial F1", "values", "errors"))
    for f, res in zip(s["per_file"], report.files):
        h = f["headline"]
        parts.append(_row([_td(f["file"]), _td(_num(h["overall.strict_f1"]), True), _td(_num(h["overall.partial_f1"]), True),
                           _td(_num(h["overall.value_accuracy"]), True), _td(len(res.issues), True)]))
    parts.append("</table>")
    if s["problems"]:
        parts.append("<h2>Problems</h2><ul>" + "".join(
            f"<li>{escape(p['file'])}: {escape(p['message'])}</li>" for p in s["problems"]) + "</ul>")
    errors = report.issues
    parts.append(f"<h2>Errors ({len(errors)})</h2><table>" + _head("file", "kind", "type", "text", "detail", "sentence"))
    for e in errors:
        parts.append(_row([_td(e.file), _td(e.kind), _td(e.type), _td(e.text), _td(e.detail),
                           f"<td>{highlight(e.sentence, e.text)}</td>"], e.kind))
    parts.append("</table></body></html>\n")
    return "\n".join(parts)
