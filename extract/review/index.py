"""The document index: search and filters (type, institution, publication
date range) over one row per document. The rows travel as a JSON data block
(not executed; `<`, `>`, `&` escaped so it cannot close its element) and
view.js draws the matching ones with textContent, a few hundred at a time, so
an index of 10,000 files opens as fast as one of ten."""
from __future__ import annotations

import json
import re
from typing import Optional

from .escape import esc, visible
from .labels import TYPES, labels, type_label

_SAFE_HREF = re.compile(r"^[\w.-]+(?:/[\w.-]+)*$")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def filters(rows: list[dict]) -> str:
    """Search box and filters; the institution box suggests the most frequent names."""
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


def types_of(row: dict) -> list[str]:
    """What a document has, as the type filter names it."""
    out = [t for t in TYPES if row["counts"].get(t)]
    out += [k for k in ("deadlines", "procedures") if row[k]]
    if row["errors"]:
        out.append("errors")
    return out


def search_text(row: dict) -> str:
    return " ".join([row["title"], row["source"], row["outlet"], *row["authors"], *row["institutions"]]).lower()


def record(row: dict, href: Optional[str]) -> dict:
    """One index row as the script reads it (all strings made visible)."""
    rec = {"n": row["n"], "title": visible(row["title"]), "source": visible(row["source"]),
           "pub": visible(row["published"]), "outlet": visible(row["outlet"]),
           "c": [row["counts"][t] for t in TYPES], "dl": row["deadlines"], "pr": row["procedures"],
           "inst": [visible(i) for i in row["institutions"]], "types": " ".join(types_of(row)),
           "by": [visible(a) for a in row["authors"]]}
    if href and _SAFE_HREF.match(href):
        rec["href"] = href
    return rec


def data_block(records: list[dict]) -> str:
    text = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    text = re.sub(r"[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)
    return f'<script type="application/json" id="index-data">{text}</script>'


def index_table(rows: list[dict], href: Optional[dict] = None) -> str:
    """The index table (drawn by view.js) and its data. `href` maps a document
    number to the page it is on (multi-page runs); without it rows jump within the page."""
    head = "".join(f'<th title="{t}">{esc(labels()["types"][t]["zh"])}</th>' for t in TYPES)
    table = ('<table class="index" id="index"><thead><tr><th>#</th><th>title / file</th><th>published</th>'
             f'<th>outlet</th>{head}<th>期限</th><th>流程</th><th>institutions</th></tr></thead><tbody></tbody></table>'
             '<p><button type="button" id="f-more" hidden>show more</button></p>')
    return table + data_block([record(r, (href or {}).get(r["n"])) for r in rows])
