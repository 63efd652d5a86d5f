"""Untrusted text -> HTML text. Article text, file names and record fields are
all escaped here: markup characters become entities, and characters that could
steer a terminal or the reading order (C0/C1 controls such as ESC, DEL, bidi
overrides, lone surrogates) are shown as visible stand-ins instead of passed on."""
from __future__ import annotations

import json
from html import escape as _html_escape
from typing import Any

_KEEP = {"\n", "\t"}


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for c in range(0x20):
        if chr(c) not in _KEEP:
            table[c] = chr(0x2400 + c)          # U+241B SYMBOL FOR ESCAPE, ...
    table[0x7F] = "\u2421"                      # SYMBOL FOR DELETE
    for c in range(0x80, 0xA0):
        table[c] = f"\u27e8U+{c:04X}\u27e9"
    for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C):
        table[c] = f"\u27e8U+{c:04X}\u27e9"     # bidi controls: shown, not obeyed
    for c in range(0xD800, 0xE000):
        table[c] = "\ufffd"                     # lone surrogates cannot be written as UTF-8
    return table


_VISIBLE = _table()


def visible(text: Any) -> str:
    """`text` as a string with control characters replaced by visible stand-ins."""
    return ("" if text is None else str(text)).translate(_VISIBLE)


def esc(text: Any) -> str:
    """HTML-escaped (quotes included, so safe in attribute values) and made visible."""
    return _html_escape(visible(text), quote=True)


def json_attr(data: Any) -> str:
    """JSON for an HTML attribute value (escaped as any other attribute text)."""
    return esc(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
