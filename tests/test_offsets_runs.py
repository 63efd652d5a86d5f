"""The run-length offset map (extract/offsets.py) against a per-character reference: any
chain of slices, joins, translations and substitutions gives every character the same raw
offset as the plain list of offsets would."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.offsets import Mapped


class Ref:
    """The per-character map the runs replace (the former implementation)."""

    def __init__(self, text, pos, raw_len):
        self.text, self.pos, self.raw_len = text, pos, raw_len

    def __getitem__(self, s):
        return Ref(self.text[s], self.pos[s], self.raw_len)

    @staticmethod
    def join(parts, raw_len):
        return Ref("".join(p.text for p in parts), [x for p in parts for x in p.pos], raw_len)

    def sub(self, rx, repl):
        text, pos = self.text, self.pos
        out_t, out_p, last = [], [], 0
        for m in rx.finditer(text):
            s, e = m.span()
            out_t.append(text[last:s])
            out_p.extend(pos[last:s])
            r = repl(m) if callable(repl) else m.expand(repl)
            out_t.append(r)
            out_p.extend(self._align(s, e, r))
            last = e
        out_t.append(text[last:])
        out_p.extend(pos[last:])
        return Ref("".join(out_t), out_p, self.raw_len)

    def _base(self, i):
        if i < len(self.pos):
            return self.pos[i]
        return self.pos[-1] + 1 if self.pos else 0

    def _align(self, s, e, r):
        text, pos = self.text, self.pos
        if not r:
            return []
        if len(r) == e - s:
            return pos[s:e]
        if s == e:
            return [self._base(s)] * len(r)
        out, j = [], s
        for ch in r:
            while j < e and text[j] != ch:
                j += 1
            if j >= e:
                return [self._base(s)] * len(r)
            out.append(pos[j])
            j += 1
        return out

    def raw_span(self, start, end):
        if not self.pos:
            return (0, 0)
        if end <= start:
            p = self.pos[min(start, len(self.pos) - 1)] if start < len(self.pos) else self.raw_len
            return (p, p)
        return (self.pos[start], self.pos[end - 1] + 1)


PATTERNS = [
    (re.compile(r" +"), ""),                       # deletion
    (re.compile(r" +"), " "),                      # shortening (a subsequence)
    (re.compile(r"\n+"), lambda m: "\n" if len(m.group()) > 2 else m.group()),
    (re.compile(r"ab"), "ba"),                     # same length, reordered
    (re.compile(r"a"), "xyz"),                     # longer: all at the match's start
    (re.compile(r"(?=b)"), "\n"),                  # insertion at an empty match
    (re.compile(r"c(d)"), r"\1"),                  # a template
    (re.compile(r"\A\n+|\n+\Z"), ""),
    (re.compile(r"[ ]*\n[ ]*"), "\n"),
    (re.compile(r"d+"), "q"),                      # not a subsequence
]
TEXT = st.text(alphabet="abcd \n", max_size=60)


@st.composite
def programs(draw):
    return draw(st.lists(st.tuples(st.sampled_from(["sub", "slice", "join", "translate", "flat"]),
                                   st.integers(0, len(PATTERNS) - 1), st.integers(0, 80), st.integers(0, 80),
                                   TEXT), max_size=8))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(0, 50), programs())
def test_runs_match_the_per_character_map(text, offset, program):
    raw_len = offset + len(text) + 10
    m = Mapped.identity(text, offset, raw_len)
    ref = Ref(text, list(range(offset, offset + len(text))), raw_len)
    for op, k, a, b, other in program:
        if op == "sub":
            rx, repl = PATTERNS[k]
            m, ref = m.sub(rx, repl), ref.sub(rx, repl)
        elif op == "slice":
            m, ref = m[a:b], ref[a:b]
        elif op == "join":
            extra = Mapped.identity(other, a, raw_len)
            m = Mapped.join([m, Mapped.flat("\n", b), extra, m], raw_len)
            ref = Ref.join([ref, Ref("\n", [b], raw_len), Ref(other, list(range(a, a + len(other))), raw_len), ref],
                           raw_len)
        elif op == "translate":
            table = {ord("a"): "b", ord(" "): "_"}
            m, ref = m.translate(table), Ref(ref.text.translate(table), ref.pos, raw_len)
        else:
            m = Mapped.join([m, Mapped.flat(other, a)], raw_len)
            ref = Ref.join([ref, Ref(other, [a] * len(other), raw_len)], raw_len)
        assert m.text == ref.text
        assert m.pos == ref.pos
    for i in range(len(m.text)):
        assert m.at(i) == ref.pos[i]
    for s in range(0, len(m.text) + 2, 3):
        for e in (x for x in (s - 1, s, s + 1, s + 4) if x <= len(m.text)):
            assert m.raw_span(s, e) == ref.raw_span(s, e)
    assert Mapped(m.text, ref.pos, raw_len).pos == ref.pos
    wanted = set(ref.pos[::2]) | {-1, 10_000}
    assert m.where(wanted) == [(i, p) for i, p in enumerate(ref.pos) if p in wanted]
