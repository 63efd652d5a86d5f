"""Text with an offset map: every character of `text` knows the offset of the
character of the decoded raw file it came from.

Each cleaning stage takes a `Mapped` and returns a new one; positions are carried
through slices, so maps compose without any extra bookkeeping. Characters a stage
inserts (a newline between two HTML blocks) take the position of their neighbour.

The map is kept as runs, not one integer per character: run k covers text[o[k]:o[k+1]]
and maps its character i to r[k] + (i - o[k]) * d[k], d = 1 for characters copied from
the raw text, 0 for characters that all come from one raw position (an entity, an
inserted newline). A cleaning stage costs in proportion to its edits, not to the text,
and a raw offset is computed only for the spans that are output (`raw_span`); `pos`
gives the per-character list when a caller wants it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Optional, Union


class Mapped:
    __slots__ = ("text", "raw_len", "_o", "_r", "_d")

    def __init__(self, text: str, pos: Optional[list[int]] = None, raw_len: Optional[int] = None):
        self.text = text
        if pos is None:
            self._o, self._r, self._d = ([0], [0], [1]) if text else ([], [], [])
        else:
            if len(pos) != len(text):
                raise ValueError("offset map length does not match text length")
            self._o, self._r, self._d = _compress(pos)
        self.raw_len = len(text) if raw_len is None else raw_len

    @classmethod
    def _of(cls, text: str, runs: "_Runs", raw_len: int) -> "Mapped":
        m = cls.__new__(cls)
        m.text, m.raw_len = text, raw_len
        m._o, m._r, m._d = runs.o, runs.r, runs.d
        return m

    # -- construction -----------------------------------------------------
    @classmethod
    def identity(cls, text: str, offset: int = 0, raw_len: Optional[int] = None) -> "Mapped":
        return cls._one_run(text, offset, 1, raw_len)

    @classmethod
    def from_runs(cls, text: str, o: list[int], r: list[int], d: list[int], raw_len: int) -> "Mapped":
        """A map given as runs (see the module's docstring): run k covers text[o[k]:o[k + 1]]
        from raw offset r[k], stepping with the text (d[k] = 1) or not (0)."""
        m = cls.__new__(cls)
        m.text, m.raw_len, m._o, m._r, m._d = text, raw_len, o, r, d
        return m

    @classmethod
    def flat(cls, text: str, position: int, raw_len: Optional[int] = None) -> "Mapped":
        """Characters that all come from one raw position (an inserted newline, an entity)."""
        return cls._one_run(text, position, 0, raw_len)

    @classmethod
    def _one_run(cls, text: str, raw: int, step: int, raw_len: Optional[int]) -> "Mapped":
        m = cls.__new__(cls)
        m.text = text
        m._o, m._r, m._d = ([0], [raw], [step]) if text else ([], [], [])
        m.raw_len = len(text) if raw_len is None else raw_len
        return m

    @classmethod
    def join(cls, parts: Iterable["Mapped"], raw_len: int) -> "Mapped":
        texts: list[str] = []
        runs = _Runs()
        n = 0
        for p in parts:
            if p.text:
                texts.append(p.text)
                runs.copy(p, 0, len(p.text), n)
                n += len(p.text)
        return cls._of("".join(texts), runs, raw_len)

    def pick(self, ranges: Iterable[tuple[int, int]]) -> "Mapped":
        """text[a:b] for each (a, b) of `ranges` (ascending, not overlapping), joined."""
        texts: list[str] = []
        runs = _Runs()
        n = 0
        pa = pb = -1
        for a, b in ranges:
            if b <= a:
                continue
            if a == pb:  # adjacent ranges are copied as one
                pb = b
                continue
            if pb > pa:
                texts.append(self.text[pa:pb])
                runs.copy(self, pa, pb, n)
                n += pb - pa
            pa, pb = a, b
        if pb > pa:
            texts.append(self.text[pa:pb])
            runs.copy(self, pa, pb, n)
        return Mapped._of("".join(texts), runs, self.raw_len)

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, s: slice) -> "Mapped":
        start, stop, step = s.indices(len(self.text))
        if step != 1:
            raise ValueError("a Mapped slice takes no step")
        runs = _Runs()
        if stop > start:
            runs.copy(self, start, stop, 0)
        return Mapped._of(self.text[start:stop], runs, self.raw_len)

    # -- positions --------------------------------------------------------
    def at(self, i: int) -> int:
        """The raw offset of text[i] (0 <= i < len(text))."""
        k = bisect_right(self._o, i) - 1
        return self._r[k] + (i - self._o[k]) * self._d[k]

    @property
    def pos(self) -> list[int]:
        """The raw offset of every character (built on demand)."""
        out: list[int] = []
        o, r, d = self._o, self._r, self._d
        n = len(self.text)
        for k in range(len(o)):
            length = (o[k + 1] if k + 1 < len(o) else n) - o[k]
            out.extend(range(r[k], r[k] + length) if d[k] else [r[k]] * length)
        return out

    def base(self, i: int) -> int:
        """The raw offset a character inserted before text[i] takes."""
        if i < len(self.text):
            return self.at(i)
        return self.at(len(self.text) - 1) + 1 if self.text else 0

    # -- transformation ---------------------------------------------------
    def translate(self, table: dict) -> "Mapped":
        """A one-to-one character mapping (positions are unchanged)."""
        out = self.text.translate(table)
        if len(out) != len(self.text):
            raise ValueError("translate must map one character to one character")
        m = Mapped.__new__(Mapped)
        m.text, m.raw_len, m._o, m._r, m._d = out, self.raw_len, self._o, self._r, self._d
        return m

    def with_text(self, text: str) -> "Mapped":
        """The same map over another text of the same length (a one-to-one rewrite)."""
        if len(text) != len(self.text):
            raise ValueError("with_text needs a text of the same length")
        m = Mapped.__new__(Mapped)
        m.text, m.raw_len, m._o, m._r, m._d = text, self.raw_len, self._o, self._r, self._d
        return m

    def sub(self, pattern: Union[str, "re.Pattern"], repl: Union[str, Callable[["re.Match"], str]]) -> "Mapped":
        """Like re.sub. A replacement of the same length as the match maps 1:1; a
        shorter one that is a subsequence of the match keeps the positions of the
        characters it keeps; anything else maps to the start of the match."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        text = self.text
        literal = isinstance(repl, str) and "\\" not in repl
        if literal and rx.sub(repl, text) == text:
            return self  # no edit: one scan in C, not a loop over the matches
        fn = None if literal else (repl if callable(repl) else (lambda m: m.expand(repl)))
        out_t: list[str] = []
        runs = _Runs()
        n = last = 0
        changed = False
        for m in rx.finditer(text):
            s, e = m.span()
            r = repl if fn is None else fn(m)
            if r == text[s:e]:
                continue  # nothing to change here: the text before the next edit is copied at once
            changed = True
            if text.startswith(r, s):
                # the replacement opens the match (or is empty): its characters keep their
                # positions, copied with the text before them
                keep = s + len(r)
                if keep > last:
                    out_t.append(text[last:keep])
                    runs.copy(self, last, keep, n)
                    n += keep - last
                last = e
                continue
            if s > last:
                out_t.append(text[last:s])
                runs.copy(self, last, s, n)
                n += s - last
            out_t.append(r)
            self._align(runs, s, e, r, n)
            n += len(r)
            last = e
        if not changed:
            return self
        out_t.append(text[last:])
        runs.copy(self, last, len(text), n)
        return Mapped._of("".join(out_t), runs, self.raw_len)

    def _align(self, runs: "_Runs", s: int, e: int, r: str, n: int) -> None:
        """The positions of replacement `r` of text[s:e], written at output offset n."""
        if len(r) == e - s:
            runs.copy(self, s, e, n)
            return
        if s < e:  # a subsequence keeps the positions of the characters it keeps
            text, j, kept = self.text, s, []
            for ch in r:
                while j < e and text[j] != ch:
                    j += 1
                if j >= e:
                    break
                kept.append(j)
                j += 1
            else:
                for k, j in enumerate(kept):
                    runs.copy(self, j, j + 1, n + k)
                return
        runs.push(n, self.base(s), 0, len(r))

    # -- lookup -----------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the raw file that text[start:end] came from."""
        o = self._o
        if len(o) == 1 and start < end:  # one run (a plain text's map): no search
            r0, d0 = self._r[0], self._d[0]
            return (r0 + (start - o[0]) * d0, r0 + (end - 1 - o[0]) * d0 + 1)
        n = len(self.text)
        if not n:
            return (0, 0)
        if end <= start:
            p = self.at(min(start, n - 1)) if start < n else self.raw_len
            return (p, p)
        return (self.at(start), self.at(end - 1) + 1)

    def where(self, raw_offsets) -> list[tuple[int, int]]:
        """(i, raw offset) for every character i mapped to one of `raw_offsets`, in text order."""
        out: list[tuple[int, int]] = []
        o, r, d = self._o, self._r, self._d
        n = len(self.text)
        targets = sorted(set(raw_offsets))
        if not targets:
            return out
        for k in range(len(o)):
            length = (o[k + 1] if k + 1 < len(o) else n) - o[k]
            if d[k]:
                i = bisect_left(targets, r[k])
                while i < len(targets) and targets[i] < r[k] + length:
                    out.append((o[k] + targets[i] - r[k], targets[i]))
                    i += 1
            elif r[k] in targets:
                out.extend((o[k] + j, r[k]) for j in range(length))
        return out


class Builder:
    """A Mapped put together piece by piece: one run list and one join of the texts at
    the end, with no Mapped per piece (an HTML page is built from thousands of them)."""

    __slots__ = ("texts", "runs", "n")

    def __init__(self):
        self.texts: list[str] = []
        self.runs = _Runs()
        self.n = 0  # the length of the text so far

    def copy(self, src: Mapped, a: int, b: int, text: Optional[str] = None) -> None:
        """Append src.text[a:b] with its positions (or `text`, of the same length, under them)."""
        if b > a:
            self.texts.append(src.text[a:b] if text is None else text)
            self.runs.copy(src, a, b, self.n)
            self.n += b - a

    def flat(self, text: str, position: int) -> None:
        """Append characters that all come from one raw position."""
        if text:
            self.texts.append(text)
            self.runs.push(self.n, position, 0, len(text))
            self.n += len(text)

    def last_position(self) -> Optional[int]:
        """The raw offset of the last character appended (None before any)."""
        runs = self.runs
        if not self.n:
            return None
        return runs.r[-1] + (self.n - 1 - runs.o[-1]) * runs.d[-1]

    def build(self, raw_len: int) -> Mapped:
        return Mapped._of("".join(self.texts), self.runs, raw_len)


class _Runs:
    """A growing run list; a run that continues the previous one is merged into it."""

    __slots__ = ("o", "r", "d", "end")

    def __init__(self):
        self.o: list[int] = []
        self.r: list[int] = []
        self.d: list[int] = []
        self.end = 0  # output offset after the last run

    def push(self, out: int, raw: int, step: int, length: int) -> None:
        if length <= 0:
            return
        o, r, d = self.o, self.r, self.d
        self.end = out + length
        if o:
            last_len = out - o[-1]
            if (d[-1] or last_len == 1) and raw == r[-1] + last_len and (step or length == 1):
                d[-1] = 1  # continues the last run
                return
            if (not d[-1] or last_len == 1) and raw == r[-1] and (not step or length == 1):
                d[-1] = 0
                return
        o.append(out)
        r.append(raw)
        d.append(step if length > 1 else 1)

    def copy(self, src: Mapped, a: int, b: int, out: int) -> None:
        """Append the runs of src.text[a:b], written at output offset `out`."""
        if b <= a:
            return
        so, sr, sd = src._o, src._r, src._d
        k = bisect_right(so, a) - 1
        run_end = so[k + 1] if k + 1 < len(so) else len(src.text)
        if b <= run_end:
            self.push(out, sr[k] + (a - so[k]) * sd[k], sd[k], b - a)
            return
        self.push(out, sr[k] + (a - so[k]) * sd[k], sd[k], run_end - a)
        last = bisect_left(so, b) - 1  # the run holding text[b - 1]
        shift = out - a
        k += 1
        if k < last:  # the first whole run may continue the one pushed; the others are copied at once
            self.push(so[k] + shift, sr[k], sd[k], so[k + 1] - so[k])
            if k + 1 < last:
                self.o.extend([x + shift for x in so[k + 1:last]])
                self.r.extend(sr[k + 1:last])
                self.d.extend(sd[k + 1:last])
            k = last
        self.push(so[k] + shift, sr[k], sd[k], b - so[k])


def _compress(pos: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Runs from a per-character list."""
    o: list[int] = []
    r: list[int] = []
    d: list[int] = []
    n = len(pos)
    i = 0
    while i < n:
        p = pos[i]
        j = i + 1
        if j < n and pos[j] == p:
            while j < n and pos[j] == p:
                j += 1
            step = 0
        else:
            while j < n and pos[j] == p + (j - i):
                j += 1
            step = 1
        o.append(i)
        r.append(p)
        d.append(step)
        i = j
    return o, r, d
