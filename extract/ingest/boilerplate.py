"""Site chrome as data (boilerplate.yaml), compiled once. Read by the HTML front end
(elements to drop) and by the line stage (chrome lines, teaser and related lists), so
that cleaning plain text imports no HTML parser."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

try:  # Python 3.11+
    import re._constants as _C
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C
    import sre_parse as _parser
from _sre import unicode_iscased as _iscased

from ..datafiles import load_yaml
from ..literals import scanner, starts


@lru_cache(maxsize=1)
def rules() -> dict:
    data = load_yaml(Path(__file__).with_name("boilerplate.yaml"))
    data["drop_tokens"] = frozenset(data["drop_tokens"])
    data["link_tokens"] = frozenset(data["link_tokens"])
    data["drop_lines_rx"] = ChromeLines(data["drop_lines"], re.I)
    data["related_heads_rx"] = re.compile(data["related_heads"])
    data["teaser_meta_rx"] = re.compile(data["teaser_meta"])
    data["dateline_tail_rx"] = re.compile(data["dateline_tail"])
    data["fragment_title_label_rx"] = re.compile(data["fragment_title_label"])
    return data


class ChromeLines:
    """The chrome-line patterns, each matched at the start of a stripped line
    (`match(t)` is true when one of them matches, as one alternation of them all would),
    sorted by what a line they match must show, so that most lines are turned down
    without trying them one by one:
      - `opening`: the patterns whose matches open with one of a few characters, in one
        alternation behind a lookahead on those characters (the engine turns down any
        other line at its first character);
      - `closing`: patterns ending with `$` whose matches close with one of a few
        characters, tried only on a line ending with one (a stripped line ends with no blank);
      - `floating` (`.{0,40}ICP…`): the others, tried only on the lines of a text in which
        `floating_words` (the words, each matched as it is even under case folding, one of
        which every match holds) finds one: `lines_holding(text, floating_words)`."""

    __slots__ = ("opening", "closing", "closing_chars", "floating", "floating_words")

    def __init__(self, patterns: list[str], flags: int = 0):
        from ..literals import inner_words
        from .linescan import _edge  # the closing characters of a `…$` pattern

        opening: list[str] = []
        first: set[str] = set()
        closing: list[str] = []
        last: set[str] = set()
        floating: list[str] = []
        words: Optional[set[str]] = set()
        for p in patterns:
            # read case-sensitively; under case folding the lookahead's class folds as the
            # pattern's literals do, and the characters of the closing set must not fold
            found = starts(p, 0)
            edge = _edge(p, 0)
            if found is not None and found.chars and found.min_width > 0:
                opening.append(p)
                first |= found.chars
            elif edge is not None and edge[0] == "close" and edge[1] and not any(map(_cased, edge[1])):
                closing.append(p)
                last.update(edge[1])
            else:
                floating.append(p)
                need = _uncased_words(list(_parser.parse(p, flags & ~re.I))) if words is not None else None
                words = None if need is None else words | need
        self.opening = _alternation(opening, flags, "(?=[" + "".join(map(re.escape, sorted(first))) + "])")
        self.closing, self.closing_chars = _alternation(closing, flags), frozenset(last)
        self.floating = _alternation(floating, flags)
        self.floating_words = None if not words else scanner(frozenset(inner_words(words)))

    def tests(self) -> tuple:
        """What `match` tries, for a caller testing many lines inline: (the opening
        alternation's match or None, the closing characters, the closing alternation's
        match, the floating alternation's match or None)."""
        return (None if self.opening is None else self.opening.match, self.closing_chars,
                None if self.closing is None else self.closing.match,
                None if self.floating is None else self.floating.match)

    def match(self, t: str, floating: bool = True) -> bool:
        """Whether a pattern matches at the start of the stripped line `t`; `floating`
        False: the line holds none of `floating_words`. (drop_chrome_lines asks this of
        most lines inline, through `tests()`: keep the two in step.)"""
        if self.opening is not None and self.opening.match(t):
            return True
        if t and t[-1] in self.closing_chars and self.closing.match(t):
            return True
        return floating and self.floating is not None and self.floating.match(t) is not None


def _alternation(patterns: list[str], flags: int, head: str = "") -> Optional[re.Pattern]:
    return re.compile(head + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", flags) if patterns else None


def _cased(ch: str) -> bool:
    return _iscased(ord(ch))


def _uncased_words(items: list) -> Optional[set[str]]:
    """Words one of which every match of the parsed sequence `items` holds, made of
    characters no case folding changes (so found as they are), the longest choice; None
    when there are none."""
    best: Optional[set[str]] = None
    run = ""
    for op, av in items + [(None, None)]:
        if op is _C.LITERAL and not _iscased(av):
            run += chr(av)
            continue
        if run:
            best = _longer(best, {run})
            run = ""
        if op is _C.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flag
            best = _longer(best, _uncased_words(list(av[-1])))
        elif op is _C.BRANCH:
            alts = [_uncased_words(list(a)) for a in av[1]]
            if all(a is not None for a in alts):
                best = _longer(best, set().union(*alts))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            best = _longer(best, _uncased_words(list(av[2])))
    return best


def _longer(a: Optional[set[str]], b: Optional[set[str]]) -> Optional[set[str]]:
    """The more selective of two word sets (longer shortest word, then fewer words)."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b
