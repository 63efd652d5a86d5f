"""Metadata an HTML page states about itself: <meta> tags, JSON-LD, <time>, the
<title> (its site suffix split off), WeChat's script variables and account name.

Returns partial dicts keyed by source (see meta.merge): "html_meta" for what the
page says of this article (its title, date, a CMS "source" field), "html_meta:site"
for what it says of the site that shows it (og:site_name, the <title> suffix, a
WeChat account): the outlet only when nothing names the story's own source, and
"json_ld"."""
from __future__ import annotations

import json
import re
from typing import Any, Optional

from . import outlets
from .datelines import split_names
from .meta import is_outlet, iso_date, name_strings, patterns, scalar, web_url

_META_KEYS = {
    "title": ("og:title", "twitter:title", "articletitle", "title", "headline"),
    "published": ("article:published_time", "og:release_date", "pubdate", "publishdate",
                  "publish_date", "publication_date", "datepublished", "dc.date", "dc.date.issued",
                  "firstpublishedtime", "publishtime", "sailthru.date", "parsely-pub-date", "date"),
    "outlet": ("contentsource", "source", "article:source", "media", "og:article:source"),
    "authors": ("author", "article:author", "dc.creator", "byl"),
    "url": ("og:url", "url"),
}
_SITE_KEYS = ("og:site_name", "application-name", "sitename", "site", "publisher", "copyright")
# "标题 - 站点", "标题_栏目_站点", "标题|站点", "标题--站点"
_TITLE_SPLIT = re.compile(r"\s{0,3}(?:_|\||｜|-{2,}|\s[-—–]\s|-(?=\s{0,3}(?:[^-\s]{1,20}(?:网|站|报|台|院|局|委|会|中心|社|频道|新闻|在线)"
                          r"|【[^】]{1,20}】)$))\s{0,3}")
_NOT_AUTHOR = frozenset({"原创", "转载", "作者", "来源", ""})
_WECHAT_NAME = re.compile(r"""var\s{1,3}nickname\s{0,3}=\s{0,3}["']([^"'\n]{2,30})["']""")


def split_title(page_title: str) -> tuple[str, Optional[str]]:
    """(headline, site) from a <title>: the last part is the site when the title has
    several; a title that is only "-铜雀历史网" has no headline."""
    t = re.sub(r"\s+", " ", page_title or "").strip()
    parts = [p.strip() for p in _TITLE_SPLIT.split(t)]
    if len(parts) == 1:
        return t, None
    if not parts[0]:  # "-铜雀历史网": the site alone
        return "", parts[-1] or None
    return parts[0], (parts[-1] or None)


def from_html(page) -> dict[str, dict]:
    """{source: partial fields} from the page's own statements about itself (`page`:
    the tree of extract.ingest.tree)."""
    metas: dict[str, str] = {}
    for m in page.by_name.get("meta", ()):
        a = m.attrs
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        content = (a.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    page_fields: dict[str, Any] = {}
    site: dict[str, Any] = {}
    scripts = page.by_name.get("script", [])
    for fld, keys in _META_KEYS.items():
        for k in keys:
            if k not in metas:
                continue
            val = metas[k]
            if fld == "published":
                val = iso_date(val)
            elif fld == "authors":
                editors = _editors(page)
                val = [n for n in split_names(val) if not is_outlet(n) and not any(e in n for e in editors)]
            elif fld == "outlet":
                val = outlets.normalize(val)
            elif fld == "title":
                val = split_title(val)[0]
            elif fld == "url":
                val = web_url(val)
            if val:
                page_fields[fld] = val
                break
    if "published" not in page_fields:
        t = page.first("time", lambda e: "datetime" in e.attrs)
        if t is not None and iso_date(t.attrs["datetime"]):
            page_fields["published"] = iso_date(t.attrs["datetime"])
    if "published" not in page_fields:
        page_fields.update(_wechat_time(page, scripts))
    title = page.first("title")
    raw_title = page.get_text(title) if title is not None else ""
    head, site_name = split_title(raw_title)
    if "title" not in page_fields and head:
        page_fields["title"] = head
    for k in _SITE_KEYS:
        name = outlets.normalize(metas.get(k))
        if name:
            site["outlet"] = name
            break
    account = _wechat_account(page, scripts)
    if "authors" not in page_fields and account:  # a WeChat post's author field
        el = page.first(None, lambda e: e.attrs.get("id") == "js_author_name") or next(
            (e for e in _with_class(page, "rich_media_meta_text") if page.get_text(e, strip=True) not in _NOT_AUTHOR),
            None)
        names = split_names(page.get_text(el, " ", strip=True)) if el else []
        if names and not outlets.normalize(names[0]) == account:
            page_fields["authors"] = names
    if account:
        site["outlet"] = account
    elif "outlet" not in site and site_name and outlets.normalize(site_name):
        site["outlet"] = outlets.normalize(site_name)
    if "url" not in page_fields:
        link = page.first("link", lambda e: "canonical" in e.tokens("rel"))
        if link is not None and web_url(link.attrs.get("href")):
            page_fields["url"] = web_url(link.attrs.get("href"))
    return {"html_meta": page_fields, "html_meta:site": site, "json_ld": _json_ld(page, scripts)}


_EDITOR = re.compile(r"(?:责任编辑|责编|编辑|校对|审核)\s{0,2}[:：/]\s{0,2}(?P<names>[^\n\]】)）<>]{2,30})")


def _editors(page) -> set[str]:
    """Names on the page's editor lines (【责任编辑：刘峻凌】): a <meta name=author> holding
    one of them names the editor, not an author."""
    out: set[str] = set()
    for m in _EDITOR.finditer(page.get_text(page.root, "\n")):
        out.update(n for n in split_names(m.group("names")) if len(n) >= 2)
    return out


def _with_class(page, name: str) -> list:
    """bs4's find_all(class_=name): the elements one of whose classes is `name`."""
    return [e for e in page.alive(page.elements_all) if "class" in e.attrs and name in e.tokens("class")]


def _wechat_account(page, scripts: list) -> Optional[str]:
    """A WeChat post's account: the profile name on the page, or `var nickname`."""
    el = page.first(None, lambda e: e.attrs.get("id") in ("js_name", "profile_nickname")) \
        or next(iter(_with_class(page, "profile_nickname")), None)
    if el and page.get_text(el, strip=True):
        return outlets.normalize(page.get_text(el, strip=True))
    for s in scripts:
        m = _WECHAT_NAME.search(page.string(s) or "")
        if m:
            return outlets.normalize(m.group(1))
    return None


def _wechat_time(page, scripts: list) -> dict:
    """WeChat pages keep the publication time in script variables."""
    p = patterns()
    for s in scripts:
        code = page.string(s) or ""
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


def _json_ld(page, scripts: list) -> dict:
    """Title, date, publisher, authors and URL from the page's JSON-LD. Any shape is
    read without fail: a list, {"@graph": …} (null, a number, a mapping, a list), names
    that are numbers or lists, nesting past the parser's depth (skipped)."""
    out: dict[str, Any] = {}
    for s in (s for s in scripts if (s.attrs.get("type") or "").lower() == "application/ld+json"):
        try:
            data = json.loads(page.string(s) or "")
        except (ValueError, TypeError, RecursionError):  # not JSON, or nested past the parser's depth
            continue
        for item in _ld_items(data):
            title = scalar(item.get("headline"))
            if title and title.strip() and "title" not in out:
                out["title"] = title.strip()
            if "published" not in out and iso_date(item.get("datePublished")):
                out["published"] = iso_date(item.get("datePublished"))
            pub = item.get("publisher")
            for name in name_strings(pub if isinstance(pub, dict) else None):
                if outlets.normalize(name):
                    out.setdefault("outlet", outlets.normalize(name))
                    break
            names = [n for n in name_strings(_people(item.get("author"))) if not is_outlet(n)]
            if names:
                out.setdefault("authors", names)
            if "url" not in out and web_url(item.get("url")):
                out["url"] = web_url(item.get("url"))
    return out


def _people(author: Any) -> Any:
    """A JSON-LD author without the organisations ("@type": "Organization": the body that
    published the page is no byline)."""
    def org(a: Any) -> bool:
        kind = a.get("@type") if isinstance(a, dict) else None
        return isinstance(kind, str) and kind.endswith("Organization")

    if isinstance(author, list):
        return [a for a in author if not org(a)]
    return None if org(author) else author


def _ld_items(data: Any) -> list[dict]:
    """The objects of a JSON-LD document: itself, the members of a top-level list and
    of "@graph" (one level: JSON-LD puts the article there)."""
    items = data if isinstance(data, list) else [data]
    out: list[dict] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        graph = item.get("@graph")
        if isinstance(graph, list):
            out.extend(g for g in graph if isinstance(g, dict))
        elif isinstance(graph, dict):
            out.append(graph)
        else:
            out.append(item)
    return out
