"""Text with an offset map: every character of `text` knows the offset of the
character of the decoded raw file it came from.

Each cleaning stage takes a `Mapped` and returns a new one; positions are carried
through slices, so maps compose without any extra bookkeeping. Characters a stage
inserts (a newline between two HTML blocks) take the position of their neighbour.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Optional, Union


class Mapped:
    __slots__ = ("text", "pos", "raw_len")

    def __init__(self, text: str, pos: Optional[list[int]] = None, raw_len: Optional[int] = None):
        self.text = text
        self.pos = list(range(len(text))) if pos is None else pos
        if len(self.pos) != len(self.text):
            raise ValueError("offset map length does not match text length")
        self.raw_len = len(text) if raw_len is None else raw_len

    # -- construction -----------------------------------------------------
    @classmethod
    def identity(cls, text: str, offset: int = 0, raw_len: Optional[int] = None) -> "Mapped":
        return cls(text, list(range(offset, offset + len(text))), raw_len)

    @classmethod
    def join(cls, parts: Iterable["Mapped"], raw_len: int) -> "Mapped":
        text, pos = [], []
        for p in parts:
            text.append(p.text)
            pos.extend(p.pos)
        return cls("".join(text), pos, raw_len)

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, s: slice) -> "Mapped":
        return Mapped(self.text[s], self.pos[s], self.raw_len)

    # -- transformation ---------------------------------------------------
    def translate(self, table: dict) -> "Mapped":
        """A one-to-one character mapping (positions are unchanged)."""
        out = self.text.translate(table)
        if len(out) != len(self.text):
            raise ValueError("translate must map one character to one character")
        return Mapped(out, self.pos, self.raw_len)

    def sub(self, pattern: Union[str, "re.Pattern"], repl: Union[str, Callable[["re.Match"], str]]) -> "Mapped":
        """Like re.sub. A replacement of the same length as the match maps 1:1; a
        shorter one that is a subsequence of the match keeps the positions of the
        characters it keeps; anything else maps to the start of the match."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        text, pos = self.text, self.pos
        out_t: list[str] = []
        out_p: list[int] = []
        last = 0
        for m in rx.finditer(text):
            s, e = m.span()
            out_t.append(text[last:s])
            out_p.extend(pos[last:s])
            r = repl(m) if callable(repl) else m.expand(repl)
            out_t.append(r)
            out_p.extend(_align(text, pos, s, e, r))
            last = e
        if last == 0 and not out_t:
            return self
        out_t.append(text[last:])
        out_p.extend(pos[last:])
        return Mapped("".join(out_t), out_p, self.raw_len)

    # -- lookup -----------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the raw file that text[start:end] came from."""
        if not self.pos:
            return (0, 0)
        if end <= start:
            p = self.pos[min(start, len(self.pos) - 1)] if start < len(self.pos) else self.raw_len
            return (p, p)
        return (self.pos[start], self.pos[end - 1] + 1)


def _align(text: str, pos: list[int], s: int, e: int, r: str) -> list[int]:
    if not r:
        return []
    if len(r) == e - s:
        return pos[s:e]
    if s == e:
        return [_base(pos, s)] * len(r)
    # subsequence: keep the positions of kept characters
    out, j = [], s
    for ch in r:
        while j < e and text[j] != ch:
            j += 1
        if j >= e:
            return [_base(pos, s)] * len(r)
        out.append(pos[j])
        j += 1
    return out


def _base(pos: list[int], i: int) -> int:
    if i < len(pos):
        return pos[i]
    return pos[-1] + 1 if pos else 0
