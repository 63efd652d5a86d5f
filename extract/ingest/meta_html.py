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


def from_html(soup) -> dict[str, dict]:
    """{source: partial fields} from the page's own statements about itself."""
    from . import tree  # imports bs4: only for HTML (plain text never loads it)

    metas: dict[str, str] = {}
    for m in tree.tags(soup, ("meta",)):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    page: dict[str, Any] = {}
    site: dict[str, Any] = {}
    scripts = tree.tags(soup, ("script",))
    for fld, keys in _META_KEYS.items():
        for k in keys:
            if k not in metas:
                continue
            val = metas[k]
            if fld == "published":
                val = iso_date(val)
            elif fld == "authors":
                editors = _editors(soup)
                val = [n for n in split_names(val) if not is_outlet(n) and not any(e in n for e in editors)]
            elif fld == "outlet":
                val = outlets.normalize(val)
            elif fld == "title":
                val = split_title(val)[0]
            elif fld == "url":
                val = web_url(val)
            if val:
                page[fld] = val
                break
    if "published" not in page:
        t = soup.find("time", attrs={"datetime": True})
        if t and iso_date(t["datetime"]):
            page["published"] = iso_date(t["datetime"])
    if "published" not in page:
        page.update(_wechat_time(scripts))
    raw_title = soup.title.get_text() if soup.title else ""
    head, site_name = split_title(raw_title)
    if "title" not in page and head:
        page["title"] = head
    for k in _SITE_KEYS:
        name = outlets.normalize(metas.get(k))
        if name:
            site["outlet"] = name
            break
    account = _wechat_account(soup, scripts)
    if "authors" not in page and account:  # a WeChat post's author field
        el = soup.find(id="js_author_name") or next(
            (e for e in soup.find_all(class_="rich_media_meta_text") if e.get_text(strip=True) not in _NOT_AUTHOR), None)
        names = split_names(el.get_text(" ", strip=True)) if el else []
        if names and not outlets.normalize(names[0]) == account:
            page["authors"] = names
    if account:
        site["outlet"] = account
    elif "outlet" not in site and site_name and outlets.normalize(site_name):
        site["outlet"] = outlets.normalize(site_name)
    if "url" not in page:
        link = soup.find("link", rel="canonical")
        if link and web_url(link.get("href")):
            page["url"] = web_url(link.get("href"))
    return {"html_meta": page, "html_meta:site": site, "json_ld": _json_ld(scripts)}


_EDITOR = re.compile(r"(?:责任编辑|责编|编辑|校对|审核)\s{0,2}[:：/]\s{0,2}(?P<names>[^\n\]】)）<>]{2,30})")


def _editors(soup) -> set[str]:
    """Names on the page's editor lines (【责任编辑：刘峻凌】): a <meta name=author> holding
    one of them names the editor, not an author."""
    out: set[str] = set()
    for m in _EDITOR.finditer(soup.get_text("\n")):
        out.update(n for n in split_names(m.group("names")) if len(n) >= 2)
    return out


def _wechat_account(soup, scripts: list) -> Optional[str]:
    """A WeChat post's account: the profile name on the page, or `var nickname`."""
    from . import tree

    el = tree.with_id(soup, ("js_name", "profile_nickname")) or next(iter(tree.with_class(soup, "profile_nickname")), None)
    if el and el.get_text(strip=True):
        return outlets.normalize(el.get_text(strip=True))
    for s in scripts:
        m = _WECHAT_NAME.search(s.string or "")
        if m:
            return outlets.normalize(m.group(1))
    return None


def _wechat_time(scripts: list) -> dict:
    """WeChat pages keep the publication time in script variables."""
    p = patterns()
    for s in scripts:
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


def _json_ld(scripts: list) -> dict:
    """Title, date, publisher, authors and URL from the page's JSON-LD. Any shape is
    read without fail: a list, {"@graph": …} (null, a number, a mapping, a list), names
    that are numbers or lists, nesting past the parser's depth (skipped)."""
    out: dict[str, Any] = {}
    for s in (s for s in scripts if (s.get("type") or "").lower() == "application/ld+json"):
        try:
            data = json.loads(s.string or "")
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
            names = [n for n in name_strings(item.get("author")) if not is_outlet(n)]
            if names:
                out.setdefault("authors", names)
            if "url" not in out and web_url(item.get("url")):
                out["url"] = web_url(item.get("url"))
    return out


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
