"""The page shell every review page shares: a strict Content-Security-Policy
(the one inline style sheet and script allowed by their SHA-256, nothing
remote, no plugins, no forms, no base URL), the style sheet and script read
from view.css / view.js beside this file, the toolbar (legend, one toggle per
mention type, outcome filters on comparison pages)."""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .escape import esc
from .labels import KINDS, TYPES, kind_label, kind_sign, type_label

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
