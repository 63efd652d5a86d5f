"""The character data of raw HTML, with the raw offset of every character.

BeautifulSoup/lxml give no source positions for text, so we scan the raw markup
once ourselves (str.find only: linear, no regex backtracking), decode entities,
and later locate each text node of the parsed tree in this stream, in order."""
from __future__ import annotations

import html
import re

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_TAGNAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})")
_RAWTEXT = ("script", "style", "textarea", "xmp", "noscript", "template")


def text_stream(raw: str, offset: int = 0) -> tuple[str, list[int]]:
    chars: list[str] = []
    pos: list[int] = []
    n, i = len(raw), 0
    while i < n:
        j = raw.find("<", i)
        if j < 0:
            j = n
        if j > i:
            _decode_into(raw, i, j, offset, chars, pos)
        if j >= n:
            break
        if raw.startswith("<!--", j):
            k = raw.find("-->", j + 4)
            i = n if k < 0 else k + 3
            continue
        if raw.startswith("<!", j) or raw.startswith("<?", j):
            k = raw.find(">", j + 2)
            i = n if k < 0 else k + 1
            continue
        m = _TAGNAME.match(raw, j)
        if not m:  # a lone '<' is text
            _decode_into(raw, j, j + 1, offset, chars, pos)
            i = j + 1
            continue
        k = _tag_end(raw, m.end())
        name = m.group(2).lower()
        i = k
        if not m.group(1) and name in _RAWTEXT and not raw[j:k].rstrip(">").endswith("/"):
            close = _find_ci(raw, "</" + name, k)
            i = n if close < 0 else close
    return "".join(chars), pos


def _tag_end(raw: str, i: int) -> int:
    """Index after the '>' closing a tag, skipping quoted attribute values."""
    n = len(raw)
    quote = ""
    while i < n:
        c = raw[i]
        if quote:
            k = raw.find(quote, i)
            if k < 0:
                return n
            i, quote = k + 1, ""
            continue
        if c in "\"'":
            prev = raw[i - 1] if i else ""
            if prev == "=" or prev.isspace():
                quote = c
        elif c == ">":
            return i + 1
        elif c == "<" and i + 1 < n and (raw[i + 1] == "/" or raw[i + 1].isalpha()):
            return i  # unterminated tag: stop before the next one
        i += 1
    return n


def _find_ci(raw: str, needle: str, start: int) -> int:
    lowered = needle.lower()
    i = start
    while True:
        k = raw.find("</", i)
        if k < 0:
            return -1
        if raw[k:k + len(needle)].lower() == lowered:
            return k
        i = k + 2


def _decode_into(raw: str, i: int, j: int, offset: int, chars: list, pos: list) -> None:
    seg = raw[i:j]
    if "&" not in seg:
        for c_i, c in enumerate(seg):
            if c != "\r":
                chars.append(c)
                pos.append(offset + i + c_i)
        return
    last = 0
    for m in _ENTITY.finditer(seg):
        for c_i in range(last, m.start()):
            if seg[c_i] != "\r":
                chars.append(seg[c_i])
                pos.append(offset + i + c_i)
        decoded = html.unescape(m.group(0))
        for c in decoded:
            chars.append(c)
            pos.append(offset + i + m.start())
        last = m.end()
    for c_i in range(last, len(seg)):
        if seg[c_i] != "\r":
            chars.append(seg[c_i])
            pos.append(offset + i + c_i)


class Locator:
    """Finds successive text-node strings in the stream, moving forward."""

    def __init__(self, stream: str, pos: list[int]):
        self.stream, self.pos, self.cursor = stream, pos, 0

    def locate(self, s: str) -> list[int]:
        if not s:
            return []
        k = self.stream.find(s, self.cursor)
        if k < 0:
            k = self.stream.find(s)  # lxml may have moved a node (e.g. out of a <table>)
        if k >= 0:
            self.cursor = max(self.cursor, k + len(s))
            return self.pos[k:k + len(s)]
        # fall back character by character (normalised whitespace, odd entities)
        out, c = [], self.cursor
        for ch in s:
            k = self.stream.find(ch, c, c + 64) if not ch.isspace() else -1
            if k >= 0:
                out.append(self.pos[k])
                c = k + 1
            else:
                out.append(self.pos[min(c, len(self.pos) - 1)] if self.pos else 0)
        self.cursor = c
        return out
