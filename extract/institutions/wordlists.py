"""Every word list the institution layers look up, scanned in one pass per article: one
Aho-Corasick automaton over all their surfaces, each surface's value the (list, value)
pairs of the lists that hold it. `hits(text, list)` gives one list's matches, in the order a
separate automaton over that list would (by end, the longest first at one end).

One scan instead of seven: each pass converts the whole text for the Rust matcher, so on
the 150k characters of the throughput benchmark seven scans took ~0.03 s, one ~0.006 s.

What a fresh process loads is kept small (the compiled cache stores it, extract/prebuilt.py):
the surfaces as one string, each surface's (list, reference) pairs as integers, and compact
tables the references point into (a region by its index in lexicon's table, an institution as
a row of strings); a value is made when a scan first finds its surface. Stored as objects, the
values of the 14k surfaces took ~0.09 s to unpickle and ~6 MB; now ~5 ms and ~1 MB.

The foreign governments' bodies (7,186 of the known surfaces: every country's name x every
ministry's form, ~3/4 of the characters of all the lists) are not in the automaton: each
starts with a country's name, which the automaton holds, so they are looked up by a dict
probe per length where the scan found one. The automaton over the other 7k surfaces builds in
~0.02 s (all 14k: ~0.035 s), and a process builds it only once it has scanned PROBE_CHARS
characters: before, the surfaces are found by dict probes (WordLists.probe)."""
from __future__ import annotations

from array import array
from functools import lru_cache
from typing import Any, Iterable, Optional

from ..prebuilt import cached
from . import lexicon
from .automata import compile_surfaces
from .lexicon import Entry

COUNTY_ENDINGS = ("县", "市", "旗")
TIERS = ("provincial", "municipal", "district", "county")


def _regions() -> dict[str, tuple]:
    """Region names and the short forms of provinces and prefecture-level cities ->
    (regions, is_short); county shorts (会同, 市中, 城关) are ordinary words too often."""
    table: dict[str, list] = {}
    for r in lexicon.regions():
        table.setdefault(r.name, [[], False])[0].append(r)
        if _short_listed(r):
            table.setdefault(r.short, [[], True])[0].append(r)
        if _autonomous(r):
            table.setdefault(r.short + "县", [[], False])[0].append(r)
    # prefer the higher tier for a shared surface (吉林 the province before the city)
    return {surface: (tuple(sorted(regs, key=lambda r: TIERS.index(r.level))), short)
            for surface, (regs, short) in table.items()}


def _short_listed(r) -> bool:
    return r.level in ("provincial", "municipal") and len(r.short) >= 2 and r.short != r.name


def _autonomous(r) -> bool:
    """An autonomous county, written as its short name + 县 as often as in full (三都县 for
    三都水族自治县, 长阳县 for 长阳土家族自治县): that form names it like its full name."""
    return r.level == "county" and r.name.endswith("自治县") and len(r.short) >= 2 and not r.short.endswith("县")


def region_surfaces() -> Iterable[str]:
    """The surfaces of the regions list (its keys), without making its values."""
    for r in lexicon.regions():
        yield r.name
        if _short_listed(r):
            yield r.short
        if _autonomous(r):
            yield r.short + "县"


def _bodies() -> dict[str, dict]:
    forms: dict[str, dict] = {}
    for body in lexicon.bodies():
        for f in body["forms"]:
            forms.setdefault(f, body)
    return forms


def _county_short(r) -> bool:
    return r.level == "county" and len(r.short) >= 2 and r.name.endswith(COUNTY_ENDINGS)


def _stop_words() -> dict[str, None]:
    """Region names and short names (the regions list's surfaces) and county short names
    that hold a stop character (开化, 和平): the patterns' walk does not stop inside them
    where the segmenter keeps them whole (a list of its own: no look-up per region hit)."""
    stop = frozenset(lexicon.patterns()["stop_chars"])
    words = dict.fromkeys(w for w in region_surfaces() if any(c in stop for c in w))
    words.update((r.short, None) for r in lexicon.regions() if _county_short(r) and any(c in stop for c in r.short))
    return words


LISTS = {
    "regions": _regions,
    "known": lambda: lexicon.known(),
    "bodies": _bodies,
    "suffixes": lambda: {item["suffix"]: item for item in lexicon.patterns()["suffixes"]},
    "county_shorts": lambda: {r.short: r for r in lexicon.regions() if _county_short(r)},
    "stop_words": _stop_words,
    "inner_words": lambda: dict.fromkeys(lexicon.patterns().get("inner_words", ())),
    # words a layer scanned the text for with a regex of its own (~1.5 ms each on the 150k
    # characters of the throughput benchmark); here they ride on the one scan
    "hospital_shorts": lambda: dict.fromkeys(lexicon.hospital_shorts()),
    # (each word its own value: first_matches looks the word up by it, no slice of the text: round 32)
    "sector_words": lambda: {b["sector"]: b["sector"] for b in lexicon.bodies() if b.get("sector")},
    "national_heads": lambda: {w: w for w in lexicon.patterns()["national_heads"]},
    # the media layer's cue words (讯, 记者, 来源): an absent one cost a substring scan of the
    # text and a present one a regex scan for it (~4 ms on the throughput benchmark, ~0.2 ms here)
    "media_cues": lambda: _media_cues(),
    # words a layer looked for with `in` before its regex scan (a substring scan each, ~0.13 ms
    # a word on the throughput benchmark): whether the text holds one, from the one scan
    "sentence_forms": lambda: dict.fromkeys(f for b in lexicon._yaml("foreign.yaml").get("sentence_country", ())
                                            for f in b["forms"]),
    "naming_cues": lambda: dict.fromkeys(lexicon.patterns()["naming_cues"]),
    "event_words": lambda: dict.fromkeys(lexicon._yaml("events.yaml")["event_words"]),
    # words every match of a layer's whole-text regex starts with (subjects' cues) or holds
    # (cued's titles): the regex is tried only where one stands (round 27)
    "subject_cues": lambda: dict.fromkeys(lexicon._yaml("subjects.yaml")["cues"] + lexicon._yaml("subjects.yaml")["titles"]),
    "cued_titles": lambda: dict.fromkeys(lexicon._yaml("cued.yaml")["titles"]),
    "repeated_trades": lambda: dict.fromkeys(lexicon._yaml("cued.yaml")["repeated"]["trades"]),
    # the list layers' words, looked for on the text as written (starts(), from the joined
    # text's scan): the head words a listed body ends in, the organisers' labels, and the
    # cues of an included list (企业包括, 公司有: listed.INCLUDE_CUES)
    "listed_heads": lambda: dict.fromkeys(lexicon._yaml("listed.yaml")["heads"]),
    "listed_labels": lambda: dict.fromkeys(lexicon._yaml("listed.yaml")["labels"]),
    "included_cues": lambda: _included_cues(),
}


def _included_cues() -> dict[str, None]:
    from .listed import INCLUDE_CUES  # listed looks its cues up here

    return dict.fromkeys(INCLUDE_CUES)


def _media_cues() -> dict[str, str]:
    from .media import CUE_WORDS  # media looks its cues up here

    return {w: w for w in CUE_WORDS}
_INDEX = {name: k for k, name in enumerate(LISTS)}
KNOWN, REGIONS, COUNTY_SHORTS = _INDEX["known"], _INDEX["regions"], _INDEX["county_shorts"]
HEADS = len(LISTS)         # the countries' names, found for the foreign bodies' look-up only
CODES = HEADS + 1          # a pair is stored as reference * CODES + list
SEP = "\n"

# How a list's values are stored (build) and made again (load). A value is first encoded
# (a Region as its index in lexicon's table, an Entry as its row of strings), then a list's
# table of encoded values is packed: the regions' groups as integer arrays, the entries as
# one string (lexicon.pack_rows); other lists' tables stay tuples.
NONE = "\x00"   # an entry's field that is None


def _encoders() -> dict:
    index = {r: i for i, r in enumerate(lexicon.regions())}
    return {
        "regions": lambda v: (tuple(index[r] for r in v[0]), v[1]),
        "known": lambda e: (e.name, e.kind, e.level, e.region),
        "county_shorts": lambda r: index[r],
    }


def _pack(name: str, items: list):
    if name == "regions":   # (region indices, is_short) -> starts, indices, shorts
        starts, flat = array("l", [0]), array("l")
        for found, _ in items:
            flat.extend(found)
            starts.append(len(flat))
        return starts, flat, bytes(bool(short) for _, short in items)
    if name == "known":
        fields = [v for row in items for v in row if v is not None]
        if any(NONE in v for v in fields):
            raise ValueError("an entry's field holds NUL")
        return lexicon.pack_rows([tuple(NONE if v is None else v for v in row) for row in items])
    return tuple(items)


def _country_heads() -> set[str]:
    return {h for short, full in lexicon.countries() for h in lexicon.country_heads(short, full)}


class WordLists:
    """The surfaces of the one automaton and what they stand for, compactly (see above)."""

    PROBE_CHARS = 30_000   # characters scanned by dict probes before the automaton is built

    def __init__(self, surfaces: str, starts: array, codes: array, tables: tuple,
                 foreign: str, foreign_refs: array, prefixes: dict):
        self._state = (surfaces, starts, codes, tables, foreign, foreign_refs, prefixes)
        self._ac: Any = None
        self._probe: Optional[dict] = None      # surface -> its index, while probing
        self._probed = 0                        # characters scanned by probes so far
        self._pairs: dict[int, tuple] = {}      # surface index -> its (list, value) pairs, made
        self._made: dict[tuple, Any] = {}       # (list, reference) -> value, made
        self._foreign: Optional[tuple[dict, tuple]] = None

    @classmethod
    def build(cls) -> "WordLists":
        encoders = _encoders()
        tables: list[list] = [[] for _ in range(HEADS + 1)]
        refs: list[dict] = [{} for _ in range(HEADS + 1)]

        def ref(k: int, name: str, value) -> int:
            stored = encoders[name](value) if name in encoders else value
            seen = refs[k].setdefault(id(value) if isinstance(value, dict) else stored, len(tables[k]))
            if seen == len(tables[k]):
                tables[k].append(stored)
            return seen

        named = lexicon.named()
        heads = _country_heads()
        foreign: dict[str, int] = {}
        merged: dict[str, list[int]] = {}
        for k, (name, build) in enumerate(LISTS.items()):
            for surface, value in build().items():
                code = ref(k, name, value) * CODES + k
                if k == KNOWN and surface not in named:
                    if not any(surface.startswith(h) for h in heads):
                        raise ValueError(f"foreign body {surface!r} does not start with a country's name")
                    foreign[surface] = code // CODES
                else:
                    merged.setdefault(surface, []).append(code)
        for h in sorted(heads):
            merged.setdefault(h, []).append(ref(HEADS, "", None) * CODES + HEADS)
        if any(SEP in s for s in [*merged, *foreign]):
            raise ValueError("a surface holds a line break")
        starts, codes = array("l", [0]), array("l")
        for found in merged.values():
            codes.extend(found)
            starts.append(len(codes))
        prefixes: dict[str, set] = {"": set()}   # two first characters -> lengths; "": one-character surfaces
        for surface in merged:
            if len(surface) == 1:
                prefixes[""].add(surface)
            else:
                prefixes.setdefault(surface[:2], set()).add(len(surface))
        names = [*LISTS, ""]
        same: dict[tuple, tuple] = {}   # one tuple object per set of lengths: pickled once
        return cls(SEP.join(merged), starts, codes, tuple(_pack(names[k], t) for k, t in enumerate(tables)),
                   SEP.join(foreign), array("l", foreign.values()),
                   {p: frozenset(n) if not p else same.setdefault(tuple(sorted(n)), tuple(sorted(n)))
                    for p, n in prefixes.items()})

    def __getstate__(self):
        return self._state

    def __setstate__(self, state) -> None:
        self.__init__(*state)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WordLists):
            return NotImplemented
        return self._state == other._state

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        """The number of surfaces looked for (in the automaton or at a country's name)."""
        return len(self._state[1]) - 1 + len(self._state[5])

    def _automaton(self):
        if self._ac is None:
            self._ac = compile_surfaces(self._state[0].split(SEP)) or False
            self._probe = None
        return self._ac

    def _found(self, text: str) -> list[tuple[int, int, int]]:
        """(surface index, start, end) of every occurrence, by end, the longest first at one
        end. The automaton takes ~0.02 s to build (7k surfaces): the first PROBE_CHARS
        characters a process scans are looked up by dict probes instead (at each position, the
        lengths of the surfaces that start with its two characters: ~0.6 us a character, the
        automaton's scan ~0.07 us, so past ~35k characters building it pays)."""
        if self._ac is None and self._probed + len(text) <= self.PROBE_CHARS:
            self._probed += len(text)
            return self.probe(text)
        ac = self._automaton()
        return ac.find_matches_as_indexes(text, overlapping=True) if ac else []

    def probe(self, text: str) -> list[tuple[int, int, int]]:
        """What the automaton finds (_found), by dict probes."""
        if self._probe is None:
            surfaces = self._state[0].split(SEP) if self._state[0] else []
            self._probe = dict(zip(surfaces, range(len(surfaces))))
        lookup, prefixes, size = self._probe, self._state[6], len(text)
        singles = prefixes.get("")   # the one-character surfaces
        found = []
        for i in range(size):
            if singles and text[i] in singles:
                found.append((i + 1, i, lookup[text[i]]))
            lengths = prefixes.get(text[i:i + 2]) if i + 1 < size else None
            if lengths is None:
                continue
            for n in lengths:
                if i + n > size:
                    break
                k = lookup.get(text[i:i + n])
                if k is not None:
                    found.append((i + n, i, k))
        found.sort()   # by end, then start: the longest first at one end
        return [(k, i, e) for e, i, k in found]

    def value(self, k: int, ref: int):
        """The value of list `k` stored under `ref`, made once."""
        try:
            return self._made[k, ref]
        except KeyError:
            value = self._made[k, ref] = self._unpack(k, ref)
            return value

    def _unpack(self, k: int, ref: int):
        table = self._state[3][k]
        if k == REGIONS:
            starts, flat, shorts = table
            return tuple(map(lexicon.region, flat[starts[ref]:starts[ref + 1]])), bool(shorts[ref])
        if k == KNOWN:
            return Entry(*(None if v == NONE else v for v in lexicon.unpack_row(table, ref)))
        if k == COUNTY_SHORTS:
            return lexicon.region(table[ref])
        return table[ref]

    def pairs(self, i: int) -> tuple:
        """The (list, value) pairs of surface `i` of the automaton."""
        found = self._pairs.get(i)
        if found is None:
            _, starts, codes, *_ = self._state
            found = self._pairs[i] = tuple((c % CODES, self.value(c % CODES, c // CODES))
                                           for c in codes[starts[i]:starts[i + 1]])
        return found

    def matches(self, text: str) -> list[tuple[int, int, tuple]]:
        """(start, end, pairs) of every occurrence of a surface of the automaton, by end, the
        longest first at one end."""
        pairs, made = self.pairs, self._pairs
        return [(s, e, made.get(i) or pairs(i)) for i, s, e in self._found(text)]

    def foreign_at(self, text: str, starts: Iterable[int]) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every foreign body's surface that starts at one of `starts`
        (where the scan found a country's name), by start then length."""
        if self._foreign is None:
            table = dict(zip(self._state[4].split(SEP), self._state[5])) if self._state[4] else {}
            self._foreign = table, tuple(sorted({len(s) for s in table}))
        table, lengths = self._foreign
        out = []
        for s in starts:
            for n in lengths:
                if s + n > len(text):
                    break
                ref = table.get(text[s:s + n])
                if ref is not None:
                    out.append((s, s + n, self.value(KNOWN, ref)))
        return out


@cached("institutions.word_lists")
def automaton() -> WordLists:
    return WordLists.build()


@lru_cache(maxsize=2)
def _scan(text: str) -> tuple[list, ...]:
    out: tuple[list, ...] = tuple([] for _ in LISTS) + ([],)   # the last: the countries' names
    heads = out[HEADS]
    lists = automaton()
    made, pairs = lists._pairs, lists.pairs
    for i, s, e in lists._found(text):   # what matches() gives, without its list of triples
        try:
            found = made[i]
        except KeyError:
            found = pairs(i)
        for k, value in found:
            out[k].append((s, e, value))   # a country's name: its surface put in below (9 hits a pass)
    if heads:
        heads[:] = [(s, e, text[s:e]) for s, e, _ in heads]
        foreign = lists.foreign_at(text, dict.fromkeys(s for s, _, _ in heads))
        if foreign:
            known = out[KNOWN]
            known += foreign
            known.sort(key=lambda m: (m[1], m[0]))   # by end, the longest first at one end
    return out


def hits(text: str, name: str) -> list[tuple[int, int, Any]]:
    """(start, end, value) of every occurrence in `text` of a surface of list `name`."""
    return _scan(text)[_INDEX[name]]


def country_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of every country's name (countries.tsv's short and official
    names) in `text`, by end."""
    return _scan(text)[HEADS]


# the text as written and its Joined (joined.py) of the article institutions.candidates is at:
# the list layers run on the text as written, the scan on the joined text (one tuple, replaced
# whole and read once: a thread reading it gets one article's pair)
_WRITTEN: tuple = (None, None)


def written_as(text: str, joined) -> None:
    """Say that `joined` (a joined.Joined) is `text` joined: starts(text, ...) then reads the
    scan of joined.text (made already) instead of scanning `text` again."""
    global _WRITTEN
    _WRITTEN = (text, joined)


def starts(text: str, name: str) -> list[int]:
    """The positions where a surface of list `name` starts in `text`, ascending, each once.
    On a text written_as() a joined one whose joined text differs: the joined text's hits
    that no cut splits, at their offsets as written (a surface holds no blank, and a joined
    text lacks only blanks around line breaks and stock quotes in brackets: the same
    occurrences)."""
    written, joined = _WRITTEN
    if text is written and joined.text is not text:
        pos, at = joined.pos, set()
        for s, e, _ in _scan(joined.text)[_INDEX[name]]:
            a = pos(s)
            if pos(e, True) - a == e - s:
                at.add(a)
        return sorted(at)
    return sorted({s for s, _, _ in _scan(text)[_INDEX[name]]})


def matches_at(rx, text: str, at: Iterable[int], pos: int = 0):
    """What `rx.finditer(text, pos)` gives, for a pattern every match of which starts at one
    of the positions `at` (ascending): rx tried there only (a match at a position is the one
    finditer's scan would try there; the next is looked for from its end). For patterns that
    match no empty string."""
    for s in at:
        if s >= pos:
            m = rx.match(text, s)
            if m is not None:
                yield m
                pos = m.end()


def first_matches(text: str, name: str, order: dict, ok=None) -> list[tuple[int, int]]:
    """The spans re.finditer(ALTERNATION, text) gives, ALTERNATION the words of list `name`
    in the order of `order` (word -> its place): from left to right, at each start the first
    word in that order that is there and passes `ok(end)` (a lookahead after the words),
    then on from its end. From the list's hits: no scan of its own; the list's values are its
    words (a word stored once, its hash kept: not a slice of the text hashed a hit)."""
    keyed = [(s, order[w], e) for s, e, w in hits(text, name)]   # (one word a place: e follows)
    keyed.sort()   # by start, then the word's place: tuples, no key function called a hit
    out, pos = [], 0
    for s, _, e in keyed:
        if s >= pos and (ok is None or ok(e)):
            out.append((s, e))
            pos = e
    return out


def surfaces(name: str) -> Iterable[str]:
    return LISTS[name]().keys()
