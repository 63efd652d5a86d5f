"""A JSON payload holding an article (a CMS or app API response: {"data": {"title": …,
"content": "<p>…</p>", "pubDate": …}}): its fields become metadata, its content
string the text to parse, each character mapped back to its place in the raw JSON
(escapes included: "\\u4e00" is one character at the backslash)."""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..offsets import Mapped
from . import outlets
from .datelines import split_names, url_date

TITLE_KEYS = ("title", "headline", "articleTitle", "news_title", "subject")
CONTENT_KEYS = ("content", "body", "articleContent", "article", "text", "html", "news_content", "contentHtml")
DATE_KEYS = ("pubDate", "publishTime", "publish_time", "published", "publishedAt", "datePublished", "pubtime",
             "date", "time", "createTime", "ctime")
SOURCE_KEYS = ("source", "sourceName", "media", "mediaName", "outlet", "publisher", "site")
AUTHOR_KEYS = ("author", "authors", "reporter", "writer")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass
class Payload:
    meta: dict[str, Any] = field(default_factory=dict)
    content: Optional[Mapped] = None     # the content string, positions in the raw JSON
    title: Optional[Mapped] = None


def read_payload(raw: str) -> Optional[Payload]:
    """The article a JSON document holds, or None when `raw` is no such document."""
    head = raw.lstrip()[:1]
    if head not in ("{", "["):
        return None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
        return None
    art = _article(data)
    if art is None:
        return None
    ckey = next(k for k in CONTENT_KEYS if isinstance(art.get(k), str) and art[k].strip())
    tkey = next((k for k in TITLE_KEYS if isinstance(art.get(k), str) and art[k].strip()), None)
    out = Payload(meta=_meta(art))
    out.content = _locate(raw, ckey, art[ckey])
    if tkey:
        out.title = _locate(raw, tkey, art[tkey])
    return out if out.content is not None else None


def _article(data: Any, depth: int = 0) -> Optional[dict]:
    """The first object (breadth first, 4 levels deep) with a non-empty content string."""
    level = [data]
    for _ in range(4):
        nxt = []
        for item in level:
            if isinstance(item, dict):
                if any(isinstance(item.get(k), str) and len(item[k].strip()) >= 20 for k in CONTENT_KEYS):
                    return item
                nxt.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                nxt.extend(v for v in item[:50] if isinstance(v, (dict, list)))
        level = nxt
    return None


def _timestamp(v: Any) -> Optional[str]:
    """A Unix time in seconds or milliseconds (9 to 13 digits) as a Beijing date."""
    from datetime import datetime, timedelta, timezone

    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        return None
    if not 10**8 <= abs(int(v)) < 10**13:
        return None
    ts = int(v) / (1000 if abs(int(v)) > 10**11 else 1)  # seconds or milliseconds, Beijing time
    try:
        return datetime.fromtimestamp(ts, tz=timezone(timedelta(hours=8))).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _meta(art: dict) -> dict[str, Any]:
    from .meta import iso_date, name_strings, scalar, web_url

    out: dict[str, Any] = {}
    title = next((scalar(art[k]) for k in TITLE_KEYS if isinstance(art.get(k), str) and art[k].strip()), None)
    if title:
        out["title"] = re.sub(r"\s+", " ", title).strip()
    for k in DATE_KEYS:
        v = art.get(k)
        if _timestamp(v):
            out["published"] = _timestamp(v)
            break
        if isinstance(v, str) and iso_date(v.strip()[:10]):
            out["published"] = iso_date(v.strip()[:10])
            break
    for k in SOURCE_KEYS:
        name = outlets.normalize(scalar(art[k])) if isinstance(art.get(k), str) else None
        if name:
            out["outlet"] = name
            break
    for k in AUTHOR_KEYS:
        names = [n for x in name_strings(art.get(k)) for n in split_names(x)]
        if names:
            out["authors"] = names
            break
    url = next((web_url(art[k]) for k in ("url", "link", "shareUrl", "sourceUrl") if web_url(art.get(k))), None)
    if url:
        out["url"] = url
        if "published" not in out and url_date(url):
            out["published"] = url_date(url)
    return out


def _locate(raw: str, key: str, value: str) -> Optional[Mapped]:
    """The string `value` of `key` in the raw JSON, decoded, with raw positions."""
    value = _LONE_SURROGATE.sub("\ufffd", value)  # _decode reads an escaped lone surrogate as U+FFFD
    for m in re.finditer(r'"' + re.escape(key) + r'"\s*:\s*"', raw):
        decoded = _decode(raw, m.end())
        if decoded is not None and decoded.text == value:
            return decoded
    return None


def _decode(raw: str, i: int) -> Optional[Mapped]:
    """The JSON string starting at raw[i] (just after its opening quote)."""
    chars: list[str] = []
    pos: list[int] = []
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == '"':
            return Mapped("".join(chars), pos, n)
        if c != "\\":
            chars.append(c)
            pos.append(i)
            i += 1
            continue
        e = raw[i + 1:i + 2]
        if e in _ESCAPES:
            chars.append(_ESCAPES[e])
            pos.append(i)
            i += 2
        elif e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", raw[i + 2:i + 6]):
            code = int(raw[i + 2:i + 6], 16)
            step = 6
            if 0xD800 <= code < 0xDC00 and raw[i + 6:i + 8] == "\\u" and re.fullmatch(r"[0-9a-fA-F]{4}", raw[i + 8:i + 12]):
                low = int(raw[i + 8:i + 12], 16)
                if 0xDC00 <= low < 0xE000:
                    code, step = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 12
            chars.append("\ufffd" if 0xD800 <= code < 0xE000 else chr(code))  # a lone surrogate
            pos.append(i)
            i += step
        else:
            return None
    return None
