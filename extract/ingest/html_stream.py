"""The character data of raw HTML, with the raw offset of every character.

The parser gives no source positions for text, so we scan the raw markup once
ourselves (str.find and short regex searches only: linear, no backtracking), decode
entities, and later locate each text node of the parsed tree in this stream, in order.
Offsets are kept as segments (a run copied from the raw text, or an entity's decoded
characters, all at the entity's offset), never one integer per character."""
from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..offsets import Builder, Mapped

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_TAGNAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})")
_TAG_STOP = re.compile(r"[>\"'<]")
_RAWTEXT = ("script", "style", "textarea", "xmp", "noscript", "template")
_REST = r"""(?:[^<>"']++|(?<=[=\s])"[^"]*+"|(?<=[=\s])'[^']*+'|(?<![=\s])["'])*+>"""
_NOT_RAWTEXT = "(?!(?:" + "|".join("".join(f"[{c}{c.upper()}]" for c in n) for n in _RAWTEXT) + ")(?![A-Za-z0-9:-]))"
_TAG = f"{_NOT_RAWTEXT}/?[A-Za-z][A-Za-z0-9:-]{{0,30}}+{_REST}"
# where markup starts: (1) a run of whole tags that follow each other with no text between
# (none opening a raw-text element: they are skipped at once), a comment (2), a declaration
# or processing instruction, a tag (3: "/", 4: name, 5: the rest up to its '>' when it holds
# no '<' and every quoted value is closed, a run of plain characters or one quoted value per
# step; else _tag_end finds the end). Each step has one way to match, so every repeat is
# possessive (nothing to backtrack into, no state kept per step: ~16% of the scan's
# instructions). A tag in the run is matched as the single-tag branch would match it (the
# name taken whole, then the same rest).
_MARKUP = re.compile(f"<(?:({_TAG}(?:<{_TAG})*+)|(!--)|[!?]|(/?)([A-Za-z][A-Za-z0-9:-]{{0,30}})({_REST})?)")


class Stream:
    """The page's text characters in order (`text`), each with its raw offset: segment
    s starts at text[o[s]] and raw offset r[s]; a copied segment steps with the raw
    text, an entity's (flat[s]) keeps one offset."""

    def __init__(self, text: str, o: list[int], r: list[int], flat: list[bool]):
        self.text, self.o, self.r, self.flat = text, o, r, flat
        # the same segments as an offset map, to copy ranges of the stream from
        self.map = Mapped.from_runs(text, o, r, [0 if f else 1 for f in flat], 0)

    def pos_at(self, k: int) -> int:
        """The raw offset of text[k]."""
        s = bisect_right(self.o, k) - 1
        return self.r[s] if self.flat[s] else self.r[s] + k - self.o[s]

    def index_at(self, raw_offset: int) -> int:
        """The first index whose raw offset is at least `raw_offset` (len(text) if none)."""
        s = bisect_left(self.r, raw_offset)
        if s > 0 and not self.flat[s - 1]:
            end = self.o[s] if s < len(self.o) else len(self.text)
            if self.r[s - 1] + (end - self.o[s - 1]) > raw_offset:
                return self.o[s - 1] + raw_offset - self.r[s - 1]
        return self.o[s] if s < len(self.o) else len(self.text)

    def mapped(self, a: int, b: int) -> Mapped:
        """text[a:b] with its raw offsets (a < b)."""
        out = Builder()
        out.copy(self.map, a, b)
        return out.build(0)


def text_stream(raw: str, offset: int = 0) -> Stream:
    texts: list[str] = []  # the stream's segments
    r: list[int] = []  # the raw offset of each
    flat: list[int] = []  # the indices of the segments that are an entity's characters

    def plain(a: int, b: int) -> None:  # raw[a:b] as it is, carriage returns left out
        while a < b:
            k = raw.find("\r", a, b)
            if k < 0:
                k = b
            if k > a:
                texts.append(raw[a:k])
                r.append(offset + a)
            a = k + 1

    def decode(a: int, b: int) -> None:
        last = a
        for m in _ENTITY.finditer(raw, a, b):
            plain(last, m.start())
            decoded = html.unescape(m.group(0))
            if decoded:
                flat.append(len(texts))
                texts.append(decoded)
                r.append(offset + m.start())
            last = m.end()
        plain(last, b)

    n, i = len(raw), 0
    search = _MARKUP.search
    carriage = "\r" in raw
    while i < n:
        m = search(raw, i)
        j = m.start() if m else n
        if j > i:  # text (a '<' that opens no markup is text too)
            if raw.find("&", i, j) >= 0:
                decode(i, j)
            elif carriage and raw.find("\r", i, j) >= 0:
                plain(i, j)
            else:
                texts.append(raw[i:j])
                r.append(offset + i)
        if m is None:
            break
        group = m.lastindex  # the last group matched tells the branch: 1 a run of whole tags,
        if group == 1:  # 2 a comment, none a declaration, 4 or 5 a tag (3 always opens one)
            i = m.end()
            continue
        if group is None or group == 2:
            if group == 2:  # <!-- comment -->
                k = raw.find("-->", j + 4)
                i = n if k < 0 else k + 3
            else:  # <!DOCTYPE …>, <?xml …?>
                k = raw.find(">", j + 2)
                i = n if k < 0 else k + 1
            continue
        name = m.group(4)
        k = m.end() if group == 5 else _tag_end(raw, m.end())
        i = k
        if not m.group(3) and name.lower() in _RAWTEXT and not raw[j:k].rstrip(">").endswith("/"):
            close = _find_ci(raw, "</" + name.lower(), k)
            i = n if close < 0 else close
    o = list(accumulate(map(len, texts), initial=0))
    o.pop()
    is_flat = [False] * len(texts)
    for s in flat:
        is_flat[s] = True
    return Stream("".join(texts), o, r, is_flat)


def _tag_end(raw: str, i: int) -> int:
    """Index after the '>' closing a tag, skipping quoted attribute values (a quote
    opens a value only after '=' or a space)."""
    n = len(raw)
    while True:
        m = _TAG_STOP.search(raw, i)
        if m is None:
            return n
        i = m.start()
        c = raw[i]
        if c == ">":
            return i + 1
        if c == "<":
            if i + 1 < n and (raw[i + 1] == "/" or raw[i + 1].isalpha()):
                return i  # unterminated tag: stop before the next one
            i += 1
            continue
        prev = raw[i - 1] if i else ""
        if prev == "=" or prev.isspace():
            k = raw.find(c, i + 1)
            if k < 0:
                return n
            i = k + 1
        else:
            i += 1


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


class Locator:
    """Finds successive text-node strings in the stream, moving forward."""

    def __init__(self, stream: Stream):
        self.stream, self.cursor = stream, 0

    def find(self, s: str) -> int:
        """Where s (non-empty) stands in the stream from the cursor on (else anywhere,
        else -1: then `fallback`); moves the cursor past it."""
        text = self.stream.text
        k = text.find(s, self.cursor)
        if k < 0:
            k = text.find(s)  # lxml may have moved a node (e.g. out of a <table>)
        if k >= 0:
            self.cursor = max(self.cursor, k + len(s))
        return k

    def locate(self, s: str) -> Mapped:
        """s (non-empty) with the raw offsets of where it stands in the stream."""
        k = self.find(s)
        return self.stream.mapped(k, k + len(s)) if k >= 0 else self.fallback(s)

    def fallback(self, s: str) -> Mapped:
        """s matched character by character (normalised whitespace, odd entities)."""
        text = self.stream.text
        out, c = [], self.cursor
        pos_at = self.stream.pos_at
        for ch in s:
            k = text.find(ch, c, c + 64) if not ch.isspace() else -1
            if k >= 0:
                out.append(pos_at(k))
                c = k + 1
            else:
                out.append(pos_at(min(c, len(text) - 1)) if text else 0)
        self.cursor = c
        return Mapped(s, out)
