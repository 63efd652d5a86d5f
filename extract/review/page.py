"""The page shell every review page shares: a strict Content-Security-Policy
(the one inline style sheet and script allowed by their SHA-256, nothing
remote, no plugins, no forms, no base URL), the style sheet and script read
from view.css / view.js beside this file, the toolbar (legend, one toggle per
mention type, outcome filters on comparison pages) and the document index."""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .escape import esc
from .labels import KINDS, TYPES, kind_label, kind_sign, labels, type_label

HERE = Path(__file__).parent


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def sha256(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode() + "'"


def csp(style: str, script: str) -> str:
    return ("default-src 'none'; "
            f"style-src {sha256(style)}; script-src {sha256(script)}; "
            "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
            "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'")


def shell(title: str, body: str, *, lang: str = "en") -> str:
    style, script = asset("view.css"), asset("view.js")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp(style, script)}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{style}</style></head>\n"
            f'<body class="review">{body}\n<script>{script}</script></body></html>\n')


def toolbar(kinds: bool = False, types: Iterable[str] = TYPES) -> str:
    """Legend and toggles: each type shows its own underline (solid, double,
    dotted, wavy) beside its name; outcome filters on comparison pages."""
    items = []
    for t in types:
        items.append(f'<label class="tog"><input type="checkbox" checked data-toggle-type="{t}">'
                     f'<mark class="m t-{t} sample">{esc(type_label(t))}</mark></label>')
    row = f'<div class="legend" role="group" aria-label="mention types">{"".join(items)}'
    row += ('<label class="tog"><input type="checkbox" id="show-labels"> type labels</label></div>')
    if kinds:
        ks = []
        for k in KINDS:
            sign = kind_sign(k)
            ks.append(f'<label class="tog"><input type="checkbox" checked data-toggle-kind="{k}">'
                      f'<mark class="m t-sample k-{k} sample"'
                      + (f' data-sign="{esc(sign)}"' if sign else "")
                      + f'>{esc(kind_label(k))}</mark></label>')
        row += f'<div class="legend kinds" role="group" aria-label="outcomes">{"".join(ks)}</div>'
    keys = ('<p class="keys">Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous highlight, <kbd>Tab</kbd> to cards, '
            '<kbd>Enter</kbd> to jump.</p>')
    return f'<div class="toolbar" role="region" aria-label="legend and filters">{row}{keys}</div>' \
           '<div id="detail" class="detail" aria-live="polite"></div>'


def filters(rows: list[dict]) -> str:
    """Search box and filters (type, institution, publication date range) for an index."""
    freq: dict[str, int] = {}
    for r in rows:
        for name in r["institutions"]:
            freq[name] = freq.get(name, 0) + 1
    top = sorted(freq, key=lambda k: (-freq[k], k))[:500]
    opts = "".join(f'<option value="{esc(n)}"></option>' for n in top)
    types = "".join(f'<option value="{t}">{esc(type_label(t))}</option>' for t in TYPES)
    types += ('<option value="deadlines">deadlines 期限</option><option value="procedures">procedures 流程</option>'
              '<option value="errors">with errors</option>')
    return ('<div id="filters" class="filters" role="search">'
            '<label>search <input type="search" id="f-q" placeholder="title, file, outlet, institution"></label>'
            f'<label>has <select id="f-type"><option value="">any</option>{types}</select></label>'
            f'<label>institution <input id="f-inst" list="f-inst-list"></label><datalist id="f-inst-list">{opts}</datalist>'
            '<label>published from <input type="date" id="f-from"></label>'
            '<label>to <input type="date" id="f-to"></label>'
            f'<span id="f-shown" aria-live="polite">{len(rows)} shown</span></div>')


def index_table(rows: list[dict], href: Optional[dict] = None) -> str:
    """The index: one row per document. `href` maps a document number to the
    page it is on (multi-page runs); without it rows jump within the page."""
    from .document import row_attrs

    out = []
    for r in rows:
        title = esc(r["title"])
        if href:
            link = f'<a href="{esc(href[r["n"]])}#doc-{r["n"]}">{title}</a>'
        else:
            link = f'<button type="button" class="goto" data-goto="doc{r["n"]}">{title}</button>'
        counts = "".join(f'<td class="n">{r["counts"][t]}</td>' for t in TYPES)
        inst = esc("、".join(r["institutions"][:6]) + ("…" if len(r["institutions"]) > 6 else ""))
        out.append(f'<tr data-row{row_attrs(r)}><td class="n">{r["n"] + 1}</td><td lang="zh-CN">{link}'
                   f'<div class="src">{esc(r["source"])}</div></td><td>{esc(r["published"])}</td>'
                   f'<td lang="zh-CN">{esc(r["outlet"])}</td>{counts}<td class="n">{r["deadlines"]}</td>'
                   f'<td class="n">{r["procedures"]}</td><td lang="zh-CN" class="inst">{inst}</td></tr>')
    head = "".join(f"<th>{esc(labels()['types'][t]['zh'])}</th>" for t in TYPES)
    return ('<table class="index" id="index"><thead><tr><th>#</th><th>title / file</th><th>published</th>'
            f'<th>outlet</th>{head}<th>期限</th><th>流程</th><th>institutions</th></tr></thead>'
            f'<tbody>{"".join(out)}</tbody></table>')
