"""Bytes -> str. Order of evidence: a byte-order mark; valid UTF-8; an HTML
`<meta charset>` (or XML declaration); strict decodes of the legacy Chinese
encodings judged by how Chinese the result reads; charset-normalizer last."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
_LEGACY = ("gb18030", "big5hkscs")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can identify."""


@dataclass
class Decoded:
    text: str
    encoding: str
    declared: str | None = None


@lru_cache(maxsize=1)
def _frequent() -> frozenset:
    path = Path(__file__).with_name("frequent_hanzi.txt")
    return frozenset(path.read_text(encoding="utf-8").replace("\n", ""))


def chinese_score(text: str) -> float:
    """Share of CJK ideographs that are among the most frequent Chinese characters
    (simplified and traditional): high for real text, low for mojibake."""
    cjk = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    freq = _frequent()
    return sum(c in freq for c in cjk) / len(cjk)


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str) -> str | None:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"byte-order mark says {enc} but the bytes are not: {e}") from e
    declared = declared_charset(data)
    if b"\x00" in data[:8192]:
        raise DecodeError("binary content (NUL bytes) without a UTF-16/32 byte-order mark")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", declared)
    except UnicodeDecodeError:
        pass
    if declared:
        codec = _codec(declared)
        if codec and codec not in ("utf-8",):
            try:
                return Decoded(data.decode(codec), codec, declared)
            except UnicodeDecodeError:
                pass
    candidates = []
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((chinese_score(text), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score >= 0.5:
            return Decoded(text, enc, declared)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - the detector itself failing
        best = None
    if best is not None and best.encoding:
        text = str(best)
        if chinese_score(text) >= 0.5 or not any("\u4e00" <= c <= "\u9fff" for c in text[:2000]):
            return Decoded(text, best.encoding, declared)
    raise DecodeError(
        "cannot decode: not UTF-8"
        + (f", not the declared {declared}" if declared else "")
        + ", and no Chinese encoding (GB18030, Big5) gives readable text"
    )
