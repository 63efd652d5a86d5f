"""Bytes -> str, repairing what can be repaired and saying what was damaged.

Order of evidence: a byte-order mark (or the NUL pattern of UTF-16/32 without one);
valid UTF-8; an HTML `<meta charset>` (or XML declaration), checked against how the
text reads; strict decodes of the legacy Chinese encodings judged by how Chinese the
result reads; charset-normalizer for text in other languages. Bytes that none of
these decode whole are repaired: the encoding (or, for a page mixing UTF-8 and GBK,
the encoding of each region) that leaves the fewest undecodable bytes and reads most
like Chinese wins, and every byte it cannot decode becomes one U+FFFD.

`Decoded.text` is the *decoded raw text*: the `raw_start`/`raw_end` offsets of a
Document index it (characters, not bytes). It is what `decode(data).text` returns:
one character per decoded character, one U+FFFD per undecodable byte or NUL byte,
trailing NUL padding dropped, a byte-order mark dropped. `Decoded.problems` says,
for `Document.errors` (stage "decode"), what was repaired, with counts and positions.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# declared names -> the codec that decodes every document so labelled
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
    "gb18030": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-big5": "big5hkscs",
    "utf8": "utf-8", "unicode": "utf-16",
}
# codecs that are not a character encoding of a page: they transform text (escapes,
# IDNA) or can produce lone surrogates; a page declaring one is decoded as undeclared
_NOT_PAGE_CODECS = frozenset({"unicode_escape", "raw_unicode_escape", "idna", "punycode", "utf-7", "undefined",
                              "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_LEGACY = ("gb18030", "big5hkscs")
_BINARY_NUL_SHARE = 0.01      # more NUL bytes than this (no UTF-16/32 pattern): binary
_BINARY_CTRL_SHARE = 0.05     # NUL bytes among this many other control bytes: binary
_MAX_DAMAGE_SHARE = 0.3       # a repair leaving more bytes undecodable than this is no text
_SHOWN = 8                    # positions listed in a problem message

# An undecodable byte b is carried through decoding as the lone surrogate U+DC00+b
# (what Python's "surrogateescape" does for bytes >= 0x80), then replaced by U+FFFD.
_MARK = re.compile(r"[\ud800-\udfff]")


def _mark_bytes(err: UnicodeError):
    if isinstance(err, UnicodeDecodeError):
        return "".join(chr(0xDC00 + b) for b in err.object[err.start:err.end]), err.end
    if isinstance(err, UnicodeEncodeError):  # back to the bytes a mark stands for
        chunk = err.object[err.start:err.end]
        if all(0xDC00 <= ord(c) <= 0xDCFF for c in chunk):
            return bytes(ord(c) - 0xDC00 for c in chunk), err.end
    raise err


codecs.register_error("hnx-mark", _mark_bytes)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can identify."""


@dataclass
class Decoded:
    text: str
    encoding: str
    declared: Optional[str] = None
    problems: list[str] = field(default_factory=list)   # what was repaired (stage "decode")


@lru_cache(maxsize=1)
def frequent_hanzi() -> str:
    """frequent_hanzi.txt's characters, the commonest first (linescan ranks words by it)."""
    return Path(__file__).with_name("frequent_hanzi.txt").read_text(encoding="utf-8").replace("\n", "")


@lru_cache(maxsize=1)
def _frequent() -> frozenset:
    return frozenset(frequent_hanzi())


@lru_cache(maxsize=1)
def _freq_re() -> re.Pattern:
    return re.compile("[" + "".join(sorted(_frequent())) + "]")


_CJK = re.compile(r"[\u4e00-\u9fff]")
# characters no Chinese page is made of: C1 controls, Latin-1 letters up to Arabic (what
# GBK pairs read as UTF-8 become), private use, half-width katakana, Hangul syllables
_ODD = re.compile(r"[\x80-\x9f\xc0-\u07ff\ue000-\uf8ff\uff61-\uff9f\uac00-\ud7a3]")


def _count(rx: re.Pattern, text: str) -> int:
    return len(text) - len(rx.sub("", text))


def chinese_score(text: str) -> float:
    """Share of CJK ideographs that are among the most frequent Chinese characters
    (simplified and traditional): high for real text, low for mojibake."""
    sample = text[:20000]
    cjk = _count(_CJK, sample)
    if not cjk:
        return 0.0
    return _count(_freq_re(), sample) / cjk


def _plausible(text: str) -> bool:
    """Text rather than bytes read in the wrong encoding (UTF-8 read as UTF-16 is rare
    ideographs and Hangul): Chinese, or few rare ideographs and odd characters."""
    sample = text[:20000]
    rare = _count(_CJK, sample) - _count(_freq_re(), sample)
    return _reads_chinese(sample) or rare + _count(_ODD, sample) <= 0.2 * len(sample)


def _reads_chinese(text: str) -> bool:
    sample = text[:20000]
    return _count(_CJK, sample) >= 4 and chinese_score(sample) >= 0.5


def declared_charset(data: bytes) -> Optional[str]:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str) -> Optional[str]:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return info.name


def _strict(data: bytes, codec: str) -> Optional[str]:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


# -- repair -----------------------------------------------------------------

@dataclass
class _Candidate:
    text: str                 # with marks for undecodable bytes
    encoding: str
    regions: list[tuple[int, int, str]] = field(default_factory=list)   # (start, end, codec) of islands

    @property
    def damaged(self) -> int:
        return _count(_MARK, self.text)

    def badness(self) -> int:
        """Undecodable bytes weigh most; then rare ideographs and characters no Chinese
        page is made of (what the wrong encoding turns text into)."""
        t = self.text
        rare = _count(_CJK, t) - _count(_freq_re(), t)
        return 4 * self.damaged + rare + 2 * _count(_ODD, t)


def _with_marks(data: bytes, codec: str) -> str:
    """`data` decoded, each undecodable byte as its mark. The built-in surrogateescape
    makes the same marks in C (fast on megabytes of garbage) but cannot mark a byte
    below 0x80: then the Python handler does."""
    try:
        return data.decode(codec, "surrogateescape")
    except UnicodeDecodeError:
        return data.decode(codec, "hnx-mark")


def _marked(data: bytes, codec: str) -> _Candidate:
    return _Candidate(_with_marks(data, codec), codec)


# a run of undecodable bytes in UTF-8, with what lies between them on the same line
# unless it is a frequent ideograph (valid UTF-8 text): a region in another encoding
_ISLAND = None


def _island_re() -> re.Pattern:
    global _ISLAND
    if _ISLAND is None:
        freq = "".join(sorted(_frequent()))
        # a GBK pair can be a valid 2-byte UTF-8 sequence by accident (D4 B1 reads as Ա):
        # one such character next to the region belongs to it
        _ISLAND = re.compile(r"[\u0080-\u07ff]?[\udc80-\udcff](?:[^\n" + freq + r"]{0,8}?[\udc80-\udcff])*"
                             r"[\u0080-\u07ff]{0,3}")
    return _ISLAND


def _mixed(data: bytes, legacy: str) -> _Candidate:
    """UTF-8 text with islands in a legacy encoding: each run of bytes that is not
    UTF-8 is decoded as `legacy` when that reads better than leaving it undecoded."""
    s = data.decode("utf-8", "surrogateescape")
    out: list[str] = []
    regions: list[tuple[int, int, str]] = []
    last = 0
    length = 0
    for m in _island_re().finditer(s):
        a, b = m.span()
        if a < last:
            continue
        as_utf8 = s[a:b]
        raw = as_utf8.encode("utf-8", "surrogateescape")
        dec = _with_marks(raw, legacy)
        # a lead byte whose trail byte is ASCII (GBK 0x40-0x7E, GB18030 4-byte digits)
        for _ in range(3):
            if not (dec and _MARK.match(dec[-1]) and b < len(s) and "\x30" <= s[b] <= "\x7e"):
                break
            b += 1
            as_utf8 = s[a:b]
            raw = as_utf8.encode("utf-8", "surrogateescape")
            dec = _with_marks(raw, legacy)
        out.append(s[last:a])
        length += a - last
        if _island_reads(dec) and _Candidate(dec, legacy).badness() < _Candidate(as_utf8, "utf-8").badness():
            out.append(dec)
            regions.append((length, length + len(dec), legacy))
            length += len(dec)
        else:
            out.append(as_utf8)
            length += len(as_utf8)
        last = b
    out.append(s[last:])
    return _Candidate("".join(out), f"utf-8+{legacy}" if regions else "utf-8", regions)


def _island_reads(dec: str) -> bool:
    """A region decodes in the other encoding when that reads as Chinese: two frequent
    ideographs at least (the last bytes of a truncated UTF-8 file are no GBK character)."""
    freq = _count(_freq_re(), dec)
    return freq >= 2 and freq >= 0.5 * _count(_CJK, dec)


def _repair(data: bytes, declared_codec: Optional[str]) -> _Candidate:
    cands = [_marked(data, c) for c in dict.fromkeys(("utf-8", *_LEGACY, declared_codec)) if c]
    for legacy in _LEGACY:
        mixed = _mixed(data, legacy)
        if mixed.regions:
            cands.append(mixed)
    # fewest undecodable bytes and best reading; a single encoding on a tie
    return min(cands, key=lambda c: (c.badness(), len(c.regions)))


# -- problems -----------------------------------------------------------------

def _marks(text: str) -> tuple[int, list[int]]:
    """_positions(text, _MARK): the count and first places of lone surrogates. A text without
    any (nearly every one) is told by UTF-8's strict encoder, which refuses them: ~2.5 ns a
    character of Chinese text against ~7 ns for the engine's scan of a class (74 texts of
    the throughput benchmark: 0.37 against 1.05 ms)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _positions(text, _MARK)
    return 0, []


def _positions(text: str, rx: re.Pattern) -> tuple[int, list[int]]:
    n, first = 0, []
    for m in rx.finditer(text):
        n += 1
        if len(first) < _SHOWN:
            first.append(m.start())
    return n, first


def _byte_at(text: str, i: int, codec: str) -> Optional[int]:
    if "+" in codec:
        return None
    try:
        return len(text[:i].encode(codec, "hnx-mark"))
    except (UnicodeError, LookupError):
        return None


def _where(n: int, first: list[int], text: str, codec: str) -> str:
    chars = ", ".join(map(str, first)) + (", …" if n > len(first) else "")
    offs = [_byte_at(text, i, codec) for i in first[:3]]
    where = f"at character{'s' if n > 1 else ''} {chars}"
    if all(o is not None for o in offs):
        where += f" (byte{'s' if len(offs) > 1 else ''} {', '.join(map(str, offs))}{', …' if n > 3 else ''})"
    return where


def _finish(text: str, encoding: str, declared: Optional[str], problems: list[str],
            regions: tuple = ()) -> Decoded:
    """Marks and NUL characters -> U+FFFD, each reported with its positions."""
    if regions:
        spans = ", ".join(f"{a}-{b}" for a, b, _ in regions[:_SHOWN]) + (", …" if len(regions) > _SHOWN else "")
        codecs_used = sorted({c for _, _, c in regions})
        problems.append(f"mixed encodings: {len(regions)} region{'s' if len(regions) > 1 else ''} of "
                        f"{sum(b - a for a, b, _ in regions)} characters decoded as {'/'.join(codecs_used)} "
                        f"inside UTF-8 text (characters {spans})")
    n, first = _marks(text)
    if n:
        tail = re.search(r"[\udc00-\udcff]{1,3}\Z", text)
        if tail and n == len(tail.group()):
            problems.append(f"the file ends inside a character (truncated?): {n} byte{'s' if n > 1 else ''} of an "
                            f"incomplete {encoding} sequence replaced by U+FFFD at character {tail.start()}")
        else:
            problems.append(f"{n} undecodable byte{'s' if n > 1 else ''} ({encoding}) replaced by U+FFFD "
                            + _where(n, first, text, encoding))
        text = _MARK.sub("\ufffd", text)
    n, first = _positions(text, re.compile("\x00"))
    if n:
        problems.append(f"{n} NUL byte{'s' if n > 1 else ''} replaced by U+FFFD " + _where(n, first, text, encoding))
        text = text.replace("\x00", "\ufffd")
    return Decoded(text, encoding, declared, problems)


def scrub_text(text: str, surrogates: bool = True) -> tuple[str, list[str]]:
    """A str given to the API: lone surrogates (not Unicode text, unencodable) and NUL
    characters become U+FFFD, one for one, so offsets hold. `surrogates` False: the caller
    knows the text holds none (it encoded it strictly)."""
    problems: list[str] = []
    n, first = _marks(text) if surrogates else (0, [])
    if n:
        problems.append(f"{n} lone surrogate{'s' if n > 1 else ''} replaced by U+FFFD at character"
                        f"{'s' if n > 1 else ''} " + ", ".join(map(str, first)) + (", …" if n > len(first) else ""))
        text = _MARK.sub("\ufffd", text)
    n, first = _positions(text, re.compile("\x00"))
    if n:
        problems.append(f"{n} NUL character{'s' if n > 1 else ''} replaced by U+FFFD at character"
                        f"{'s' if n > 1 else ''} " + ", ".join(map(str, first)) + (", …" if n > len(first) else ""))
        text = text.replace("\x00", "\ufffd")
    return text, problems


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """UTF-16/32 without a byte-order mark: text in the Latin range has a NUL in every
    other (or three of four) byte position."""
    head = data[:4096]
    if len(head) < 8:
        return None
    n = len(head) // 4 * 4
    by_pos = [head[i:n:4].count(0) for i in range(4)]
    quarter = n // 4
    if by_pos[1] > 0.7 * quarter and by_pos[2] > 0.7 * quarter and by_pos[3] > 0.7 * quarter \
            and by_pos[0] < 0.1 * quarter:
        return "utf-32-le"
    if by_pos[0] > 0.7 * quarter and by_pos[1] > 0.7 * quarter and by_pos[2] > 0.7 * quarter \
            and by_pos[3] < 0.1 * quarter:
        return "utf-32-be"
    odd, even = by_pos[1] + by_pos[3], by_pos[0] + by_pos[2]
    if odd > 0.6 * 2 * quarter and even < 0.1 * 2 * quarter:
        return "utf-16-le"
    if even > 0.6 * 2 * quarter and odd < 0.1 * 2 * quarter:
        return "utf-16-be"
    return None


def _utf16_chinese(data: bytes) -> Optional[str]:
    """Chinese text in UTF-16 without a byte-order mark: NUL bytes only where it holds ASCII."""
    if b"\x00" not in data[:65536]:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        text = data[:65536 - 65536 % 2].decode(enc, "hnx-mark")
        if _reads_chinese(text) and _count(_MARK, text) <= 2:
            return enc
    return None


_NUL_RUN = re.compile(rb"\x00+")


def _binary(data: bytes) -> Optional[str]:
    """Binary data has NUL bytes all over (text damaged by a zeroed block has one run)."""
    head = data[:65536]
    if b"\x00" not in head:
        return None
    runs = len(_NUL_RUN.findall(head))
    ctrl = sum(head.count(b) for b in (*range(1, 9), *range(14, 27), *range(28, 32)))
    if runs > max(4, _BINARY_NUL_SHARE * len(head)):
        return f"binary content: {runs} runs of NUL bytes in the first {len(head)} bytes (no UTF-16/32 pattern)"
    if runs > 1 and runs + ctrl > _BINARY_CTRL_SHARE * len(head):
        return f"binary content: {runs} runs of NUL bytes and {ctrl} other control bytes in the first {len(head)}"
    return None


def decode(data: bytes) -> Decoded:
    problems: list[str] = []
    stripped = data.rstrip(b"\x00")
    if len(data) - len(stripped) >= 8 and not _utf16_without_bom(stripped) and not data.startswith(
            tuple(b for b, _ in _BOMS)):
        problems.append(f"{len(data) - len(stripped)} NUL bytes of padding at the end of the file dropped")
        data = stripped
    for bom, enc in _BOMS:
        if data.startswith(bom):
            cand = _marked(data, enc)
            if cand.damaged <= _MAX_DAMAGE_SHARE * max(1, len(data) // 2) and _plausible(cand.text):
                return _finish(cand.text, enc, None, problems)
            # two damaged bytes can look like a mark (FF FE): read the bytes as if there were none
            problems.append(f"the file starts with a {enc} byte-order mark but its bytes do not read as {enc}: "
                            "the mark is ignored")
            break
    wide = _utf16_without_bom(data) or _utf16_chinese(data)
    if wide:
        cand = _marked(data, wide)
        if cand.damaged <= _MAX_DAMAGE_SHARE * max(1, len(data) // 2):
            return _finish(cand.text, wide, None, problems)
    binary = _binary(data)
    if binary:
        raise DecodeError(binary + " without a UTF-16/32 byte-order mark")
    declared = declared_charset(data)
    text = _strict(data, "utf-8")
    if text is not None:
        return _finish(text, "utf-8", declared, problems)
    codec = _codec(declared) if declared else None
    strict = []  # (score, codec, text) of the Chinese encodings that decode every byte
    for enc in (*_LEGACY, *(("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ())):
        t = _strict(data, enc)
        if t is not None:
            strict.append((chinese_score(t), enc, t))
    best = max(strict, default=None)
    if codec and codec != "utf-8":
        text = _strict(data, codec)
        if text is not None and _reads_chinese(text):
            return _finish(text, codec, declared, problems)
        # checked against how the text reads: a GBK page declaring iso-8859-1 is GBK
        if best and best[1] != codec and _reads_chinese(best[2]):
            problems.append(_mismatch(declared, best[1], best[2], text))
            return _finish(best[2], best[1], declared, problems)
        fixed = _repair(data, codec)
        if _reads_chinese(fixed.text) and fixed.damaged <= _MAX_DAMAGE_SHARE * len(data):
            if fixed.encoding != codec:
                problems.append(_mismatch(declared, fixed.encoding, fixed.text, text))
            return _finish(fixed.text, fixed.encoding, declared, problems, tuple(fixed.regions))
        if text is not None:
            return _finish(text, codec, declared, problems)
    if best and best[0] >= 0.5 and _CJK.search(best[2][:20000]):
        return _finish(best[2], best[1], declared, problems)
    fixed = None if _hopeless(data, codec) else _repair(data, codec)
    if fixed and _reads_chinese(fixed.text) and fixed.damaged <= _MAX_DAMAGE_SHARE * len(data):
        return _finish(fixed.text, fixed.encoding, declared, problems, tuple(fixed.regions))
    other = _other_language(data)
    if other is not None:
        if not other[2]:
            problems.append(f"no encoding reads as text: decoded as {other[1]} by charset detection; "
                            "the text may be garbled")
        return _finish(other[0], other[1], declared, problems)
    if fixed and fixed.damaged <= _MAX_DAMAGE_SHARE * len(data):
        problems.append(f"no encoding reads as Chinese text: decoded as {fixed.encoding} "
                        f"(Chinese score {chinese_score(fixed.text):.2f}); the text may be garbled")
        return _finish(fixed.text, fixed.encoding, declared, problems, tuple(fixed.regions))
    raise DecodeError(
        "cannot decode: not UTF-8"
        + (f", not the declared {declared}" if declared else "")
        + f", and every encoding leaves more than {_MAX_DAMAGE_SHARE:.0%} of the bytes undecodable"
    )


def _hopeless(data: bytes, codec: Optional[str]) -> bool:
    """A large file whose first 64 KB no repair makes text: not worth repairing whole."""
    if len(data) <= 4 * 65536:
        return False
    sample = _repair(data[:65536], codec)
    return sample.damaged > _MAX_DAMAGE_SHARE * 65536 and not _reads_chinese(sample.text)


def _mismatch(declared: str, used: str, text: str, declared_text: Optional[str]) -> str:
    against = f"{chinese_score(declared_text):.2f}" if declared_text is not None else "undecodable"
    return (f"declared charset {declared} does not match the text: it reads as {used} "
            f"(Chinese score {chinese_score(_MARK.sub('', text)):.2f} against {against}); decoded as {used}")


def _other_language(data: bytes) -> Optional[tuple[str, str, bool]]:
    """Text in a non-Chinese legacy encoding (a Latin-1 page), by charset-normalizer:
    accepted when it reads as Chinese or holds no ideographs at all. The flag: whether
    it reads as text at all (letters and digits are most of what is not space)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - the detector itself failing
        best = None
    if best is None or not best.encoding:
        return None
    text = str(best)
    if _reads_chinese(text) or not _CJK.search(text[:2000]):
        sample = text[:20000]
        visible = len(_SPACE.sub("", sample))
        words = len(_NOT_WORD.sub("", sample))
        return text, best.encoding, visible > 0 and words >= 0.5 * visible
    return None


_SPACE = re.compile(r"\s")
_NOT_WORD = re.compile(r"[\W_]")
