"""What a run says on standard error: skipped files and failed files by name, a
progress line on a terminal, the summary. File names and error messages come from
untrusted input (names in a crawl, article text quoted in a message), so control
characters (ESC and the rest of C0/C1, DEL) and bidi overrides are shown as \\xNN /
\\uNNNN escapes, never passed to the terminal."""
from __future__ import annotations

import sys
import time
from collections import Counter
from typing import Optional, TextIO


def _table() -> dict[int, str]:
    table = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
    for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029):
        table[c] = f"\\u{c:04x}"
    for c in range(0xD800, 0xE000):
        table[c] = f"\\u{c:04x}"
    return table


_SAFE = _table()


def term_safe(text) -> str:
    """`text` with everything that could steer a terminal written as an escape."""
    return ("" if text is None else str(text)).translate(_SAFE)


class Reporter:
    """verbosity: -1 quiet (only fatal errors and how to resume), 0 normal, 1 verbose."""

    def __init__(self, verbosity: int = 0, stream: Optional[TextIO] = None):
        self.verbosity = verbosity
        self.stream = stream if stream is not None else sys.stderr
        self.progress = verbosity >= 0 and _isatty(self.stream)
        self._shown = False
        self._last = 0.0
        self.started = time.monotonic()
        self.skipped: Counter = Counter()
        self.unlisted: Counter = Counter()   # skipped and only counted (-v lists them): by reason

    def line(self, text: str, level: int = 0) -> None:
        """Print one line (already made safe) if the verbosity allows it."""
        if self.verbosity < level:
            return
        self._clear()
        print(text, file=self.stream, flush=True)

    def always(self, text: str) -> None:
        self._clear()
        print(text, file=self.stream, flush=True)

    def skip(self, source: str, reason: str, listed: bool) -> None:
        self.skipped[reason] += 1
        if not listed:
            self.unlisted[reason] += 1
        self.line(f"skipped: {term_safe(source)}: {term_safe(reason)}", 0 if listed else 1)

    def unlisted_summary(self) -> str:
        """' (38 JSON data, not an article; 1 the manifest: -v lists them)', or ''."""
        if not self.unlisted or self.verbosity >= 1:
            return ""
        return " (" + "; ".join(f"{n} {term_safe(r)}" for r, n in self.unlisted.most_common()) + ": -v lists them)"

    def failed(self, source: str, errors) -> None:
        what = "; ".join(f"{stage}: {message}" for stage, message in errors) or "error"
        self.line(f"error: {term_safe(source)}: {term_safe(what)}")

    def parsed(self, source: str, counts) -> None:
        if self.verbosity >= 1:
            n = sum(n for _, n in counts.mentions)
            self.line(f"ok: {term_safe(source)} ({counts.articles} articles, {n} mentions)", 1)

    def tick(self, done: int, failed: int) -> None:
        if not self.progress:
            return
        now = time.monotonic()
        if now - self._last < 0.2:
            return
        self._last = now
        rate = done / max(now - self.started, 1e-6)
        self.stream.write(f"\r\x1b[Kparsed {done} files ({failed} with errors), {rate:.1f} files/s")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def finish(self) -> None:
        self._clear()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
