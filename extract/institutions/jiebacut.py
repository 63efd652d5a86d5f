"""jieba's segmentation in Python over the on-disk index (jiebaindex.py), giving rjieba's
answers word for word on the short strings the institution stage segments, without loading
jieba's dictionary into the process.

It follows jieba-rs (the Rust jieba behind rjieba 0.2.2): a text is split into blocks of
word characters (CJK ideographs of the main block and its extensions, ASCII letters and
digits, `+#&._%-`); each other character is a word of its own ("\\r\\n" one word). In a
block every dictionary word starting at each character is an edge of a DAG (a character
that starts none is an edge of its own, frequency 1), and the route is the one of highest
total log(frequency / total), walked from the block's end; of equal routes the longer word
wins. Without HMM, consecutive single ASCII letters or digits of the route are joined into
one word. With HMM, a run of single characters that is not itself a word goes through
jieba's character HMM (finalseg: Viterbi over B/E/M/S on each run of U+4E00..U+9FD5; in
between, an ASCII letter/digit run with `.`/`_`/`-` joining further runs and an optional
`%` is one word, and anything else between two such is one word). `tag` gives each word of
the no-HMM cut its dictionary tag, else `m` (ASCII digits only), `eng` (other ASCII
letters/digits), for a CJK character the tag jieba's posseg HMM guesses (jiebaindex.py) or
`x`. tests/test_segmenter_index.py compares all three with rjieba."""
from __future__ import annotations

import math
import re

from .jiebaindex import EMIT, GUESS, MIN_FLOAT, PREFIX, WORD, Index

_BLOCK = re.compile("[\u4e00-\u9fffa-zA-Z0-9+#&._%\\-\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002a6df"
                    "\U0002a700-\U0002b73f\U0002b740-\U0002b81f\U0002b820-\U0002ceaf\U0002ceb0-\U0002ebef"
                    "\U0002f800-\U0002fa1f]+")
_OTHER = re.compile(r"\r\n|.", re.S)
_HMM_HAN = re.compile("[\u4e00-\u9fd5]+")
_HMM_SKIP = re.compile(r"[A-Za-z0-9]+(?:[._\-][A-Za-z0-9]+)*%?")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_DIGITS = frozenset("0123456789")
B, E, M, S = range(4)   # jieba-rs's state order: ties go to the later state
_PREV = ((B, (E, S)), (M, (M, B)), (E, (B, M)), (S, (S, E)))
_NO_EMIT = (MIN_FLOAT,) * 4
_MEMO_MAX = 30_000   # entries of each memo (~5 MB at most); cleared when full
_MISSING = object()


class Segmenter:
    """rjieba's tokenize, cut and tag (no HMM) over an open index (jiebaindex.open_index)."""

    def __init__(self, index: Index):
        self.index = index
        self.log_total = math.log(index.total)
        self._memo: dict = {}
        self._edges: dict = {}

    def _look(self, key: str):
        """Index.get(key): (flags, frequency, tag, emission) or None, memoised per process
        (for tags and the HMM; the route keeps smaller records of its own, `_edge`)."""
        memo = self._memo
        if key in memo:
            return memo[key]
        rec = self.index.get(key)
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[key] = rec
        return rec

    def cut(self, text: str, hmm: bool) -> list[str]:
        words: list[str] = []
        pos = 0
        for m in _BLOCK.finditer(text):
            s, e = m.span()
            if s > pos:
                words += _OTHER.findall(text, pos, s)
            if hmm:
                self._block_hmm(m.group(), words)
            else:
                self._block_plain(m.group(), words)
            pos = e
        if pos < len(text):
            words += _OTHER.findall(text, pos)
        return words

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """rjieba.tokenize(text): (word, start, end) of the HMM cut."""
        out, at = [], 0
        for w in self.cut(text, True):
            out.append((w, at, at + len(w)))
            at += len(w)
        return out

    def tag(self, text: str) -> list[tuple[str, str]]:
        """rjieba.tag(text, False)."""
        out = []
        for w in self.cut(text, False):
            rec = self._look(w)
            if rec is not None and rec[0] & (WORD | GUESS):
                out.append((w, rec[2]))
                continue
            eng = sum(1 for c in w if c in _ALNUM)
            out.append((w, "x" if not eng else "m" if eng == sum(1 for c in w if c in _DIGITS) else "eng"))
        return out

    def _edge(self, key: str):
        """For the route: (log(frequency) - log(total) if `key` is a word else None, whether a
        longer word starts with it), or None when neither; memoised per process."""
        rec = self.index.get(key)
        edge = None if rec is None else (math.log(rec[1]) - self.log_total if rec[0] & WORD else None,
                                         rec[0] & PREFIX)
        if len(self._edges) >= _MEMO_MAX:
            self._edges.clear()
        self._edges[key] = edge
        return edge

    def _route(self, block: str) -> list[int]:
        """Where the best route's word starting at each character ends: each edge scores
        log(freq) - log(total) + the score of the rest, and a character that starts no
        word is an edge of its own scoring log(1) - log(total) (computed in jieba-rs's order
        of operations, so the scores are the same floats); of equal scores the longer word."""
        get, fetch, alone = self._edges.get, self._edge, 0.0 - self.log_total
        n = len(block)
        prob = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = None
            j = k
            while j < n:
                j += 1
                key = block[k:j]
                edge = get(key, _MISSING)
                if edge is _MISSING:
                    edge = fetch(key)
                if edge is None:
                    break
                if edge[0] is not None:
                    p = edge[0] + prob[j]
                    if best is None or p >= best:   # j grows: a tie goes to the longer word
                        best, end = p, j
                if not edge[1]:
                    break
            if best is None:
                best, end = alone + prob[k + 1], k + 1
            prob[k], nxt[k] = best, end
        return nxt

    def _block_plain(self, block: str, words: list[str]) -> None:
        """The route's words, single ASCII letters and digits joined (HMM off)."""
        nxt = self._route(block)
        x, left, n = 0, None, len(block)
        while x < n:
            y = nxt[x]
            if y - x == 1 and block[x] in _ALNUM:
                if left is None:
                    left = x
            else:
                if left is not None:
                    words.append(block[left:x])
                    left = None
                words.append(block[x:y])
            x = y
        if left is not None:
            words.append(block[left:])

    def _block_hmm(self, block: str, words: list[str]) -> None:
        """The route's words, each run of single characters through `_unjoined` (HMM on)."""
        nxt = self._route(block)
        x, left, n = 0, None, len(block)
        while x < n:
            y = nxt[x]
            if y - x == 1:
                if left is None:
                    left = x
            else:
                if left is not None:
                    self._unjoined(block[left:x], words)
                    left = None
                words.append(block[x:y])
            x = y
        if left is not None:
            self._unjoined(block[left:], words)

    def _unjoined(self, run: str, words: list[str]) -> None:
        """A run of single characters of the route: one word if the dictionary has it whole
        (then character by character), else through the HMM."""
        if len(run) == 1:
            words.append(run)
            return
        rec = self._look(run)
        if rec is not None and rec[0] & WORD:
            words.extend(run)
            return
        pos = 0
        for m in _HMM_HAN.finditer(run):
            s, e = m.span()
            if s > pos:
                _skip_split(run[pos:s], words)
            if e - s > 1:
                self._viterbi_cut(m.group(), words)
            else:
                words.append(m.group())
            pos = e
        if pos < len(run):
            _skip_split(run[pos:], words)

    def _emit(self, char: str):
        rec = self._look(char)
        return rec[3] if rec is not None and rec[0] & EMIT else _NO_EMIT

    def _viterbi_cut(self, run: str, words: list[str]) -> None:
        """finalseg's Viterbi over B/E/M/S (jieba-rs's tie-breaking), its words appended."""
        start, trans = self.index.start, self.index.trans
        em = self._emit(run[0])
        v = [start[y] + em[y] for y in range(4)]
        back = []
        for ch in run[1:]:
            em = self._emit(ch)
            nv = [0.0] * 4
            prev = [0] * 4
            for y, (a, b) in _PREV:
                pa = v[a] + trans[a][y] + em[y]
                pb = v[b] + trans[b][y] + em[y]
                # the larger (probability, state): on a tie the later state
                if pb > pa or (pb == pa and b > a):
                    nv[y], prev[y] = pb, b
                else:
                    nv[y], prev[y] = pa, a
            v = nv
            back.append(prev)
        state = S if v[S] >= v[E] else E
        path = [state]
        for prev in reversed(back):
            state = prev[state]
            path.append(state)
        path.reverse()
        begin = nexti = 0
        for i, st in enumerate(path):
            if st == B:
                begin = i
            elif st == E:
                words.append(run[begin:i + 1])
                nexti = i + 1
            elif st == S:
                words.append(run[i])
                nexti = i + 1
        if nexti < len(run):
            words.append(run[nexti:])


def _skip_split(gap: str, words: list[str]) -> None:
    """jieba-rs's HMM skip splitter: ASCII runs joined by connectors, what lies between whole."""
    pos = 0
    for m in _HMM_SKIP.finditer(gap):
        if m.start() > pos:
            words.append(gap[pos:m.start()])
        words.append(m.group())
        pos = m.end()
    if pos < len(gap):
        words.append(gap[pos:])
