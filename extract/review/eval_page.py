"""The `hnx eval --html` page: score tables, then each file's gold and
prediction side by side (full articles when the documents are at hand,
otherwise the sentences of its errors), then every error in a table; marks,
cards and rows all filterable by outcome. Every string from an article, a gold
file or a prediction is escaped (escape.esc)."""
from __future__ import annotations

from typing import Any, Optional, Sequence

from ..evaluation.evaluate import Report, summary
from ..evaluation.score import TYPES
from .compare import render_comparison, render_issue_sentences
from .escape import esc
from .page import shell, toolbar


def _num(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _row(cells, cls: str = "") -> str:
    attr = f' class="{esc(cls)}"' if cls else ""
    return f"<tr{attr}>" + "".join(cells) + "</tr>"


def _td(text, numeric: bool = False) -> str:
    return f'<td class="n">{esc(text)}</td>' if numeric else f"<td>{esc(text)}</td>"


def _head(*names) -> str:
    return "<thead><tr>" + "".join(f"<th>{esc(n)}</th>" for n in names) + "</tr></thead>"


def _prf(d: dict) -> list[str]:
    return [_td(_num(d[k]), True) for k in ("precision", "recall", "f1")]


def highlight(sentence: str, text: str) -> str:
    """The escaped sentence with the first occurrence of `text` marked."""
    at = sentence.find(text) if text else -1
    if at < 0:
        return esc(sentence)
    return esc(sentence[:at]) + "<mark>" + esc(text) + "</mark>" + esc(sentence[at + len(text):])


def score_tables(s: dict, report: Report) -> str:
    parts = ["<h2>Mentions</h2><table>" + _head("type", "strict P", "R", "F1", "partial P", "R", "F1")]
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
    for n, (f, res) in enumerate(zip(s["per_file"], report.files)):
        h = f["headline"]
        name = f'<td><button type="button" class="goto" data-goto="doc{n}">{esc(f["file"])}</button></td>'
        parts.append(_row([name, _td(_num(h["overall.strict_f1"]), True), _td(_num(h["overall.partial_f1"]), True),
                           _td(_num(h["overall.value_accuracy"]), True), _td(len(res.issues), True)]))
    parts.append("</table>")
    return "".join(parts)


def error_table(report: Report) -> str:
    errors = report.issues
    rows = [f"<h2>Errors ({len(errors)})</h2><table class=\"errors\">"
            + _head("file", "kind", "type", "text", "detail", "sentence") + "<tbody>"]
    for e in errors:
        rows.append(_row([_td(e.file), _td(e.kind), _td(e.type), _td(e.text), _td(e.detail),
                          f'<td lang="zh-CN">{highlight(e.sentence, e.text)}</td>'], f"{e.kind} k-{e.kind}"))
    rows.append("</tbody></table>")
    return "".join(rows)


def render_html(report: Report, title: str = "hnx evaluation",
                sources: Optional[Sequence[tuple[Any, Any]]] = None) -> str:
    """The evaluation page. `sources`, one (gold file, document) per file of
    the report in the same order, gives full side-by-side articles; without it
    each file shows the sentences of its mention errors."""
    s = summary(report)
    parts = [f"<h1>{esc(title)}</h1>",
             f'<p class="src">{s["files"]} files; predictions: {esc(s["settings"].get("predictions"))}; '
             f'publication date: {esc(s["settings"].get("published"))}</p>',
             toolbar(kinds=True), score_tables(s, report)]
    if s["problems"]:
        parts.append("<h2>Problems</h2><ul>" + "".join(
            f"<li>{esc(p['file'])}: {esc(p['message'])}</li>" for p in s["problems"]) + "</ul>")
    parts.append("<h2>Gold and prediction, file by file</h2>")
    for n, res in enumerate(report.files):
        if sources is not None:
            gold, doc = sources[n]
            parts.append(render_comparison(n, res.file, gold, doc, res.issues))
        else:
            parts.append(render_issue_sentences(n, res.file, res.issues)
                         or f'<section class="doc cmp" id="doc-{n}"><h2>{esc(res.file)}</h2><p>no mention errors</p></section>')
    parts.append(error_table(report))
    return shell(title, "".join(parts))
