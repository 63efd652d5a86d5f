"""A crawler's or exporter's header above an article: `标题: …`, `日期: …`,
`链接: …` lines closed by a `=====` rule (WeChat post exports). Like front matter,
it describes the article and is not part of it: it is read into metadata and cut
from the text. Also the WeChat account a post names as its own."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Optional

from . import outlets
from .datelines import split_names, url_date
from .linescan import _lines_finding

_FIELD = re.compile(r"^[ \t]{0,3}(?P<key>标题|题目|日期|时间|发布时间|发布日期|链接|原文链接|来源URL|来源链接|URL|url|作者|公众号|来源|账号|"
                    r"Title|URL Source|Published Time)"
                    r"[ \t]{0,2}[:：][ \t]{0,3}(?P<value>[^\n]{0,2000})$")
# the line closing a header: a rule, or a reader-mode export's "Markdown Content:"
_RULE = re.compile(r"^[ \t]{0,3}(?:={5,}|＝{5,}|-{5,}|\*{5,}|Markdown Content:)[ \t]*$")
# a PHP CMS data file (Destoon, DedeCMS): an exit guard, the save time, then the HTML
_PHP_GUARD = re.compile(r"\A\s{0,10}<\?php\s{1,3}exit\s{0,2};?\s{0,2}\?>[ \t]{0,3}"
                        r"(?P<ts>(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)?")
_ACCOUNT = re.compile(r"(?=[关置搜来 \t“\"「扫长识])(?:"  # the characters a match opens with: no other position is tried
                      r"(?:关注|置顶|搜索|来自)?[ \t]{0,2}[“\"「](?P<name>[^”\"」\n]{2,20})[”\"」][ \t]{0,2}(?:官方)?(?:微信)?(?:公众号|服务号|订阅号)"
                      r"|(?:扫描|长按|识别)[^\n。]{0,12}关注[ \t]{0,2}[“\"「](?P<name2>[^”\"」\n]{2,20})[”\"」])")

_ACCOUNT_WORDS = ("公众号", "服务号", "订阅号", "关注")  # one of which every _ACCOUNT match holds


def split_header(text: str) -> tuple[dict[str, Any], int, Optional[tuple[int, int]], Optional[str]]:
    """(fields, offset where the article starts, span of the title's value, the body's
    format when the header tells it) for a header of at least two `key: value` lines
    (one of them a title or a date) closed by a rule, or a PHP CMS data file's guard;
    ({}, 0, None, None) otherwise. The title is the article's headline: the caller
    keeps it as the text's first line."""
    guard = _PHP_GUARD.match(text)
    if guard:
        from .meta import iso_date

        d = iso_date((guard.group("ts") or "")[:10])
        return ({"published": d} if d else {}), guard.end(), None, "html"  # the CMS stores HTML
    lines = text[:5000].split("\n", 12)  # (the first 12 lines are read)
    fields: dict[str, str] = {}
    title_span = None
    offset = 0
    for line in lines[:12]:
        end = offset + len(line) + 1
        if not line.strip():
            offset = end
            continue
        m = _FIELD.match(line.rstrip("\r"))
        if m:
            key = m.group("key")
            if key not in fields:
                fields[key] = m.group("value").strip()
                if key in ("标题", "题目", "Title") and fields[key]:
                    vs = offset + m.start("value")
                    title_span = (vs, vs + len(m.group("value").rstrip()))
            offset = end
            continue
        if _RULE.match(line.rstrip("\r")) and len(fields) >= 2 and ({"标题", "题目", "日期", "时间", "Title"} & fields.keys()):
            return _meta(fields), min(end, len(text)), title_span, None
        break
    return {}, 0, None, None


def _meta(fields: dict[str, str]) -> dict[str, Any]:
    from .meta import iso_date

    out: dict[str, Any] = {}
    title = fields.get("标题") or fields.get("题目") or fields.get("Title")
    if title:
        out["title"] = title
    for k in ("日期", "发布日期", "发布时间", "时间", "Published Time"):
        if fields.get(k) and iso_date(fields[k].split(" ")[0]):
            out["published"] = iso_date(fields[k].split(" ")[0])
            break
    for k in ("链接", "原文链接", "来源URL", "来源链接", "URL", "url", "URL Source"):
        if fields.get(k, "").startswith("http"):
            out["url"] = fields[k]
            break
    if "published" not in out and url_date(out.get("url")):
        out["published"] = url_date(out.get("url"))
    for k in ("公众号", "账号", "来源"):
        name = outlets.normalize(fields.get(k))
        if name:
            out["outlet"] = name
            break
    if fields.get("作者"):
        out["authors"] = split_names(fields["作者"], strict=False)
    return out


def wechat_account(text: str, lines: Optional[list[str]] = None) -> Optional[str]:
    """The account a WeChat post asks readers to follow (关注“海南惠琼保”微信公众号,
    扫描下方二维码，关注“岛城医保”): the one it names most often. `lines`: text.split("\n"),
    when the caller has it."""
    if not any(w in text for w in _ACCOUNT_WORDS):
        return None
    # a match holds no newline and one of the words: only the lines holding one are read
    # (in text order, so the matches and their order are those of the whole text)
    lines = text.split("\n") if lines is None else lines
    names = Counter(outlets.normalize(m.group("name") or m.group("name2"))
                    for k in sorted(_lines_finding(text, _ACCOUNT_WORDS)) for m in _ACCOUNT.finditer(lines[k]))
    names.pop(None, None)
    return names.most_common(1)[0][0] if names else None
