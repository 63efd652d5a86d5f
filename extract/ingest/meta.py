"""Article metadata from front matter, HTML <meta>/JSON-LD/<time>, and datelines
in the text. Each finder returns a partial dict; `merge` applies priorities and
records where each field came from."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from ..refdate import RefDate

FIELDS = ("title", "published", "outlet", "authors", "url")
# later sources override earlier ones
PRIORITY = ("text", "json_ld", "html_meta", "front_matter", "manifest", "argument")


@lru_cache(maxsize=1)
def patterns() -> dict:
    data = yaml.safe_load(Path(__file__).with_name("patterns.yaml").read_text(encoding="utf-8"))
    frag = data.pop("fragments")

    names = re.compile("|".join(sorted(frag, key=len, reverse=True)))

    def expand(p: str) -> str:
        return names.sub(lambda m: frag[m.group(0)], p)

    out: dict[str, Any] = {}
    for key, val in data.items():
        if isinstance(val, list):
            out[key] = [re.compile(expand(v), re.M) for v in val]
        else:
            out[key] = re.compile(expand(val), re.M)
    return out


def closes_article(line: str) -> bool:
    """A byline or source tag that ends an article (■周程祥, （记者 X 整理）, （普陀医保）)."""
    t = line.strip()
    return any(rx.search(t) for rx in patterns()["article_end"])


def opening_lead(line: str) -> Optional[re.Match]:
    """The lead that opens an article (据解放日报 …, 本报讯 …), if the line starts with one."""
    t = line.strip()
    for rx in patterns()["article_lead"]:
        m = rx.match(t)
        if m:
            return m
    return None


def is_page_meta_line(line: str) -> bool:
    """A masthead, edition, dateline or source line: never a headline."""
    return bool(patterns()["not_title"].search(line.strip()))


def iso_date(value: Any) -> Optional[str]:
    """A publication value as ISO at its own precision ('2018-10' stays a month)."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    value = re.sub(r"\s+", "", value) if re.match(r"^\s*\d{4}\s*[年-]", value) else value.strip()
    ref = RefDate.try_parse(value)
    return ref.iso() if ref else None


def is_outlet(name: str) -> bool:
    return bool(patterns()["outlet_words"].search(name.strip()))


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        items = re.split(r"[,，、;；/]|\s{1,}", str(value))
    return [i.strip() for i in items if i.strip()]


def from_front_matter(fm: dict) -> dict:
    out: dict[str, Any] = {}
    for key in ("title", "headline"):
        if fm.get(key):
            out["title"] = str(fm[key]).strip()
            break
    for key in ("published", "date", "pubdate", "publish_date", "published_at", "datepublished", "time"):
        if fm.get(key):
            d = iso_date(fm[key])
            if d:
                out["published"] = d
                break
    for key in ("outlet", "source", "publisher", "media", "site", "site_name"):
        if fm.get(key) and isinstance(fm[key], str) and not fm[key].startswith("http"):
            out["outlet"] = fm[key].strip()
            break
    authors = []
    for key in ("authors", "author", "reporter", "byline"):
        for name in _names(fm.get(key)):
            if is_outlet(name):
                out.setdefault("outlet", name)
            else:
                authors.append(name)
    if authors:
        out["authors"] = authors
    for key in ("url", "source_url", "link", "canonical", "permalink"):
        if isinstance(fm.get(key), str) and fm[key].startswith("http"):
            out["url"] = fm[key].strip()
            break
    return out


_META_KEYS = {
    "title": ("og:title", "twitter:title", "articletitle", "title", "headline"),
    "published": ("article:published_time", "og:release_date", "pubdate", "publishdate",
                  "publish_date", "publication_date", "datepublished", "dc.date", "dc.date.issued",
                  "firstpublishedtime", "publishtime", "sailthru.date", "parsely-pub-date", "date"),
    "outlet": ("og:site_name", "contentsource", "source", "publisher", "sitename", "site"),
    "authors": ("author", "article:author", "dc.creator", "byl"),
    "url": ("og:url",),
}


def from_html(soup) -> tuple[dict, dict]:
    """(fields from <meta>/<time>/<title>, fields from JSON-LD)."""
    metas: dict[str, str] = {}
    for m in soup.find_all("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    out: dict[str, Any] = {}
    for field, keys in _META_KEYS.items():
        for k in keys:
            if k in metas:
                if field == "published":
                    d = iso_date(metas[k])
                    if not d:
                        continue
                    out[field] = d
                elif field == "authors":
                    names = [n for n in _names(metas[k]) if not is_outlet(n)]
                    if names:
                        out[field] = names
                else:
                    out[field] = metas[k]
                break
    if "published" not in out:
        t = soup.find("time", attrs={"datetime": True})
        if t and iso_date(t["datetime"]):
            out["published"] = iso_date(t["datetime"])
    if "published" not in out:
        out.update(_wechat_time(soup))
    if "title" not in out and soup.title and soup.title.string:
        out["title"] = re.split(r"_|\s[-|–—]\s|\||-{2,}", soup.title.string.strip())[0].strip()
    if "url" not in out:
        link = soup.find("link", rel="canonical")
        if link and link.get("href", "").startswith("http"):
            out["url"] = link["href"]
    return out, _json_ld(soup)


def _wechat_time(soup) -> dict:
    """WeChat pages keep the publication time in script variables."""
    p = patterns()
    for s in soup.find_all("script"):
        code = s.string or ""
        if "publish_time" not in code and "createTime" not in code and "var ct" not in code:
            continue
        m = p["wechat_time"].search(code)
        if m and iso_date(m.group("date")):
            return {"published": iso_date(m.group("date"))}
        m = p["wechat_ct"].search(code)
        if m:
            from datetime import datetime, timedelta, timezone

            # a Unix timestamp; WeChat dates are Beijing time (UTC+8), never the local clock
            dt = datetime.fromtimestamp(int(m.group("ts")), tz=timezone(timedelta(hours=8)))
            return {"published": dt.date().isoformat()}
    return {}


def _json_ld(soup) -> dict:
    out: dict[str, Any] = {}
    for s in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(s.string or "")
        except (ValueError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            if item.get("headline") and "title" not in out:
                out["title"] = str(item["headline"]).strip()
            if item.get("datePublished") and "published" not in out and iso_date(item["datePublished"]):
                out["published"] = iso_date(item["datePublished"])
            pub = item.get("publisher")
            if isinstance(pub, dict) and pub.get("name"):
                out.setdefault("outlet", str(pub["name"]))
            author = item.get("author")
            if author:
                authors = author if isinstance(author, list) else [author]
                names = [a.get("name") if isinstance(a, dict) else str(a) for a in authors]
                names = [n for n in names if n and not is_outlet(n)]
                if names:
                    out.setdefault("authors", names)
            if item.get("url") and "url" not in out:
                out["url"] = str(item["url"])
    return out


def from_text(text: str, title: Optional[str] = None) -> dict:
    """Datelines: a labelled date (发布时间：…), a newspaper edition line, a
    timestamp near the top, or a signature date closing a notice."""
    p = patterns()
    out: dict[str, Any] = {}
    for key in ("dateline_edition", "dateline_masthead"):
        m = p[key].search(text)
        if m and iso_date(m.group("date")):
            out["published"] = iso_date(m.group("date"))
            out["outlet"] = m.group("outlet").strip()
            return out
    for key in ("dateline_labelled", "dateline_source"):
        m = p[key].search(text)
        if m and iso_date(m.group("date")):
            out["published"] = iso_date(m.group("date"))
            return out
    sigs = list(p["dateline_signature"].finditer(text))
    if sigs:
        out["published"] = iso_date(sigs[-1].group("date"))
        return out
    m = p["dateline_timestamp"].search(text)
    if m and iso_date(m.group("date")):
        out["published"] = iso_date(m.group("date"))
    return out


def merge(found: dict[str, dict]) -> tuple[dict, dict]:
    """`found` maps a source name to its partial fields; returns (fields, sources)."""
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for src in PRIORITY:
        for k, v in (found.get(src) or {}).items():
            if k in FIELDS and v not in (None, "", []):
                fields[k] = v
                sources[k] = src
    return fields, sources
