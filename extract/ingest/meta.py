"""Article metadata from front matter, HTML <meta>/JSON-LD/<time>, and datelines
in the text. Each finder returns a partial dict; `merge` applies priorities and
records where each field came from."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..datafiles import load_yaml
from ..literals import Guarded, guard

from ..refdate import RefDate
from . import outlets

FIELDS = ("title", "published", "outlet", "authors", "url")
# later sources override earlier ones
PRIORITY = ("text", "json_ld", "html_meta", "front_matter", "manifest", "argument")


@lru_cache(maxsize=1)
def patterns() -> dict:
    data = load_yaml(Path(__file__).with_name("patterns.yaml"))
    frag = data.pop("fragments")

    names = re.compile("|".join(sorted(frag, key=len, reverse=True)))

    def expand(p: str) -> str:
        return names.sub(lambda m: frag[m.group(0)], p)

    out: dict[str, Any] = {}
    for key, val in data.items():  # each behind the words it needs (extract/literals.py)
        if isinstance(val, list):
            out[key] = [guard(re.compile(expand(v), re.M)) for v in val]
        else:
            out[key] = guard(re.compile(expand(val), re.M))
    return out


@lru_cache(maxsize=None)
def after_newline(key: str):
    """patterns()[key], a multiline pattern opening with `^`, as one opening with a newline,
    to search "\n" + text with: the same matches (each one character further on), found
    by the engine skipping to newlines in C instead of trying the pattern at every
    position. The words the pattern needs still guard it."""
    rx = patterns()[key]
    plain = getattr(rx, "rx", rx)
    if not plain.pattern.startswith("^") or not plain.flags & re.M:
        raise ValueError(f"{key} does not open with a multiline ^")
    new = re.compile("\n" + plain.pattern[1:], plain.flags)
    if not isinstance(rx, Guarded):
        return new
    out = Guarded(new)
    out.need, out.words = rx.need, rx.words  # (a match's words, found in "\n" + text as in text)
    return out


def closes_article(line: str) -> bool:
    """A byline or source tag that ends an article (■周程祥, （记者 X 整理）, （普陀医保）)."""
    t = line.strip()
    scan = end_lines()
    if scan is not None and not scan.search(t):  # none of the words a closing line needs
        return False
    for rx in patterns()["article_end"]:
        m = rx.search(t)
        if m and (not m.group(0).startswith("■") or _signs_off(m.group(0)[1:])):
            return True
    return False


@lru_cache(maxsize=1)
def end_lines() -> Optional[re.Pattern]:
    """One scan (extract/ingest/linescan.py) finding every line that may close an article:
    one holding ■, or ending with ）or 摄 (sharper than the words)."""
    from .linescan import any_line_scan

    return any_line_scan(patterns()["article_end"])


@lru_cache(maxsize=1)
def lead_lines() -> Optional[re.Pattern]:
    """One scan finding every line that may open with a lead (据…, 本报讯, 新华社…)."""
    from .linescan import any_line_scan

    return any_line_scan(patterns()["article_lead"])


_CREDIT = frozenset({"摄", "文", "报道", "整理", "采写", "供稿", "撰稿"})


def _signs_off(rest: str) -> bool:
    """After ■: a byline (新华社记者 韩赫 摄, 周程祥, 张晓鸣 王笛), not a column label or
    a section heading (■ 追访, ■ 相关链接)."""
    from .people import ROLE_WORD, is_person_name

    if ROLE_WORD.search(rest):
        return True
    tokens = [x for x in re.split(r"[\s、,，]+", rest.strip()) if x]
    return bool(tokens) and all(x in _CREDIT or is_person_name(x) for x in tokens)


def opening_lead(line: str) -> Optional[re.Match]:
    """The lead that opens an article (据解放日报 …, 本报讯 …), if the line starts with one."""
    t = line.strip()
    scan = lead_lines()
    if getattr(scan, "chars", None) is not None and t[:1] not in scan.chars:  # an Opening
        return None
    for rx in patterns()["article_lead"]:
        m = rx.match(t)
        if m:
            return m
    return None


def is_page_meta_line(line: str) -> bool:
    """A masthead, edition, dateline or source line (one line): never a headline."""
    t = line.strip()
    p = patterns()
    return bool(p["not_title_start"].match(t) or p["not_title_anywhere"].search(t))


def iso_date(value: Any) -> Optional[str]:
    """A publication value as ISO at its own precision ('2018-10' stays a month); None
    for anything that is no date (a list, a mapping, 2023-02-29, year 99999999999)."""
    value = scalar(value)
    if value is None:
        return None
    value = re.sub(r"\s+", "", value[:200]) if re.match(r"^\s*\d{4}\s*[年-]", value) else value[:200].strip()
    try:
        ref = RefDate.try_parse(value)
    except (OverflowError, ValueError):  # RFC 2822 with a year too large for the clock
        return None
    return ref.iso() if ref else None


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f]+\Z", re.I)


def scalar(value: Any) -> Optional[str]:
    """A value of front matter, JSON-LD or a JSON payload as text: a string (its lone
    surrogates, which JSON and YAML escapes can produce, as U+FFFD), a number, a date;
    None for a list, a mapping, a boolean or null."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            return str(value)
        except ValueError:  # an integer of more than 4300 digits
            return None
    if hasattr(value, "isoformat") and not isinstance(value, type):
        return value.isoformat()
    return None


def web_url(value: Any) -> Optional[str]:
    """An http(s) address, or None: a javascript:, data: or vbscript: URL (or any
    other scheme) is no address of the article."""
    text = scalar(value)
    if text is None:
        return None
    text = text.strip()
    return text if _WEB_URL.match(text) else None


def is_outlet(name: str) -> bool:
    return bool(patterns()["outlet_words"].search(name.strip()))


def name_strings(value: Any) -> list[str]:
    """The strings naming people or bodies in a value of front matter, JSON-LD or a JSON
    payload: a string, {"name": …}, or a list of these (a name that is itself a list
    gives its strings); numbers, booleans, deeper nesting name no one."""
    out: list[str] = []
    for v in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(v, dict):
            v = v.get("name")
        for x in v if isinstance(v, (list, tuple)) else [v]:
            if isinstance(x, str) and x.strip():
                out.append(_SURROGATE.sub("\ufffd", x).strip())
    return out


def _names(value: Any) -> list[str]:
    from .datelines import split_names

    return [n for t in name_strings(value) for n in split_names(t, strict=False)]


def from_front_matter(fm: dict) -> dict:
    out: dict[str, Any] = {}
    for key in ("title", "headline"):
        title = scalar(fm.get(key))
        if title and title.strip():
            out["title"] = title.strip()
            break
    for key in ("published", "date", "pubdate", "publish_date", "published_at", "datepublished", "time"):
        if fm.get(key):
            d = iso_date(fm[key])
            if d:
                out["published"] = d
                break
    for key in ("outlet", "source", "publisher", "media", "site", "site_name"):
        name = scalar(fm.get(key)) if isinstance(fm.get(key), str) else None
        if name and outlets.normalize(name):
            out["outlet"] = outlets.normalize(name)
            break
    authors = []
    for key in ("authors", "author", "reporter", "byline"):
        for name in _names(fm.get(key)):
            if is_outlet(name):
                out.setdefault("outlet", outlets.normalize(name) or name)
            else:
                authors.append(name)
    if authors:
        out["authors"] = authors
    for key in ("url", "source_url", "link", "canonical", "permalink"):
        if web_url(fm.get(key)):
            out["url"] = web_url(fm[key])
            break
    return out


def from_text(text: str, whole: Optional[str] = None, lines: Optional[list[str]] = None) -> dict:
    """Publication date, outlet and authors an article prints: an edition line
    (《人民日报》（2026年03月27日第03版）), a masthead, its dateline and source line near
    the top (发布时间：… 来源：…), a lead (央视网消息, 中国网5月13日讯, 据…报道), a repost
    notice (本文转载自…), the issuing body (发布机关：…), a signature date closing a
    notice, or a timestamp near the top. `whole`: the whole page, when `text` is what
    follows its headline (repost notices and the issuer are searched there). `lines`:
    text.split("\n"), when the caller has it."""
    from . import datelines

    p = patterns()
    out: dict[str, Any] = {}
    lines = text.split("\n") if lines is None else lines
    nl_text = "\n" + text  # for the patterns anchored at a line's start (after_newline)
    head = [ln for ln in lines[:80] if ln.strip()][:20]
    for key in ("dateline_edition", "dateline_masthead"):
        m = p[key].search(text) if key == "dateline_edition" else after_newline(key).search(nl_text)
        if m and iso_date(m.group("date")):
            out["published"] = iso_date(m.group("date"))
            name = outlets.normalize(m.group("outlet"))
            if name:
                out["outlet"] = name
            break
    dl = datelines.find(head, limit=20)
    if dl:
        out.setdefault("published", dl.published)
        if dl.outlet:
            out.setdefault("outlet", dl.outlet)
        if dl.authors:
            out["authors"] = list(dl.authors)
    name = datelines.first_lead_outlet(head)
    if name:
        out.setdefault("outlet", name)
    repost = datelines.source_lines(whole.split("\n"), whole) if whole else datelines.source_lines(lines, text)
    if repost:
        out["outlet"] = repost
    issuer = p["issuer"].search(whole or text)
    if issuer:
        name = outlets.normalize(re.split(r"[,，、;；\s]+", issuer.group("org").strip())[0])
        if name:
            out.setdefault("outlet", name)
    if "published" not in out or out["published"] is None:
        out.pop("published", None)
        for key in ("dateline_labelled", "dateline_source"):
            m = p[key].search(text) if key == "dateline_labelled" else after_newline(key).search(nl_text)
            if m and iso_date(m.group("date")):
                out["published"] = iso_date(m.group("date"))
                break
    if "published" not in out:
        sigs = list(after_newline("dateline_signature").finditer(nl_text))
        if sigs and iso_date(sigs[-1].group("date")):
            out["published"] = iso_date(sigs[-1].group("date"))
    if "published" not in out:
        m = p["dateline_timestamp"].search(text)
        if m and iso_date(m.group("date")):
            out["published"] = iso_date(m.group("date"))
    return out


# Per field, the sources from weakest to strongest: a later one overrides. A key
# "src:detail" is reported as "src" (the schema's names): "html_meta:site" is what a
# page says of the site showing it (og:site_name, the <title> suffix), weaker for the
# outlet than the story's own source line; "text:url" is a date read from a URL; "text:closing"
# a bare source line (来源：新京报) below the head, the weakest (a WeChat post's 来源：某局 names
# where its facts came from, the account is the outlet); "text:named" the paper a byline or the
# body names (南都记者 X, 接受羊城晚报记者采访): over the reposting site, under a source field;
# "path" a date in the file's own name (xwlb_20220924_12_item.md), the weakest of all.
PRIORITY = {
    "title": ("text", "json_ld", "html_meta", "front_matter:header", "front_matter", "manifest", "argument"),
    "published": ("path", "text:url", "html_meta:url", "text", "json_ld", "html_meta", "front_matter:saved",
                  "front_matter:header", "front_matter", "manifest", "argument"),
    "outlet": ("text:closing", "text:site", "html_meta:site", "json_ld", "text:named", "html_meta", "text",
               "front_matter:header", "front_matter", "manifest", "argument"),
    "authors": ("html_meta", "json_ld", "text", "front_matter:header", "front_matter", "manifest", "argument"),
    "url": ("text", "json_ld", "html_meta", "front_matter:header", "front_matter", "manifest", "argument"),
}
# authors printed in the article join those its front matter or header names
_AUTHOR_UNION = ("text",)


def merge(found: dict[str, dict]) -> tuple[dict, dict]:
    """`found` maps a source name to its partial fields; returns (fields, sources)."""
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for fld in FIELDS:
        for src in PRIORITY[fld]:
            part = found.get(src)
            if not part:  # (a source found nothing: no empty dict made to ask it)
                continue
            v = part.get(fld)
            if not v and (v is None or v == "" or v == []):
                continue
            if fld == "authors" and sources.get(fld, "").split(":")[0] in _AUTHOR_UNION and src.startswith(
                    ("front_matter", "manifest")):
                v = list(dict.fromkeys(list(v) + [a for a in fields[fld] if a not in v]))
            fields[fld] = v
            sources[fld] = _SOURCE_NAME[src]
    return fields, sources


# "src:detail" -> "src", for each source name PRIORITY holds
_SOURCE_NAME = {src: src.split(":")[0] for srcs in PRIORITY.values() for src in srcs}


def notice_headline(line: str) -> bool:
    """Whether `line` is an official notice's headline: 关于…的通知, or the issuing bodies
    then 关于… (食品药品监管总局关于印发…的通知, 某省卫生健康委 某省财政厅关于…)."""
    t = line.strip()
    if "关于" not in t:
        return False
    p = patterns()
    rx = p["issuer_org"]
    for _ in range(4):  # up to four issuing bodies, each as issuer_org reads one
        if p["notice_title"].match(t):
            return True
        m = rx.match(t)
        if not m:
            return False
        t = t[m.end("org"):].lstrip(" 　、")
    return False


def notice_issuer(text: str, title: Optional[str]) -> Optional[str]:
    """The first body issuing an official notice: named at the start of its title, or
    on the line right above a 关于… title."""
    if not title:
        return None
    rx = patterns()["issuer_org"]
    m = rx.match(title)
    if m and "关于" in title:
        return outlets.normalize(m.group("org"))
    if not title.startswith("关于"):
        return None
    lines = [ln.strip() for ln in text.split("\n")[:12] if ln.strip()]
    if title in lines and lines.index(title) > 0:
        above = lines[lines.index(title) - 1]
        m = rx.match(above)
        if m and m.group("org") == above.split()[0]:
            return outlets.normalize(m.group("org"))
    return None


def site_owner(text: str) -> Optional[str]:
    """The body a site's footer names as its owner (主办单位：…, else 某某版权所有): the site's outlet."""
    m = patterns()["site_owner"].search(text)
    if m:
        return outlets.normalize(m.group("org"))
    for m in patterns()["site_copyright"].finditer(text):  # else the copyright holder
        org = m.group("org") or m.group("org2")
        if not org.endswith("公司"):
            return outlets.normalize(org)
    return service_box_portal(text) or own_site(text)


def service_box_portal(text: str) -> Optional[str]:
    """The portal a page's closing service box names with its address (天成医疗网：www.tecenet.com
    under 服务热线：… and 微信公众号：…): the site the page was published on. Only in the page's
    last stretch, only where the box's hotline and call are printed too, and never over a
    source line the story prints (that source is the outlet, the portal reposted it)."""
    from .boilerplate import rules  # (the service box's own patterns: boilerplate.yaml)

    tail = text[-1500:]
    m = patterns()["service_box_portal"].search(tail)
    if m is None:
        return None
    box = rules()["service_box"]
    if not re.search(box["hotline"], tail) or not re.search(box["call"], tail):
        return None
    from .datelines import closing_source
    if "来源" in text and closing_source(text.split("\n")):
        return None  # the story names the paper it came from (来源：中国医疗器械): the portal only reposted it
    return outlets.normalize(m.group("org"))


_IDEOGRAPHS_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,30}$")


def own_site(text: str) -> Optional[str]:
    """The site a company's own page names as the company's (广州某某医疗技术有限公司 … 依托某某医疗网的
    平台 …, in the company's voice: 我们, 您): the site the page was published on. The company is
    named near the top (`own_site.head` characters); the site's name is the company's own name
    (某某医疗, at least `own_site.min_name` characters, read inside the company's full name) and 网;
    a site cited as another story's source (据某某网报道) names none; one site only; never over a
    source line the story prints. Each 公司 and 网 is found by str.find: no pattern tried at
    every position of the text."""
    cfg = patterns()
    rules = _own_site_rules()
    head = text[: rules["head"]]
    if "公司" not in head or "网" not in text or not cfg["own_site_voice"].search(text):
        return None
    companies = [m.group(0) for m in _around_word(head, rules["company_word"], 30)]
    companies = [c for c in companies if len(c) >= rules["min_name"]]
    if not companies:
        return None
    cited_before, cited_after = cfg["own_site_cited_before"], cfg["own_site_cited_after"]
    found = set()
    for run, k in _runs_before(text, "网", 12):
        for size in range(len(run), rules["min_name"] - 1, -1):
            name = run[-size:]
            if any(name in c for c in companies):
                if not (cited_before.search(text, max(0, k - size - 8), k - size)
                        or cited_after.match(text, k + 1, k + 5)):
                    found.add(name + "网")
                break
    if len(found) != 1:
        return None
    from .datelines import closing_source
    if "来源" in text and closing_source(text.split("\n")):
        return None  # the story names the paper it came from: the company's site only reposted it
    return outlets.normalize(found.pop())


def _own_site_rules() -> dict:
    """own_site's limits: how far down the page the company is named, the shortest own name
    (某某医疗: four characters; 医疗网, 中国网 are never a company's own), the word closing a
    company's full name."""
    return {"head": 600, "min_name": 4, "company_word": "有限公司"}


def _matches_before(text: str, word: str, reach: int, limit: int):
    """(the run of ideographs, at most `reach`, right before `word`; the word's index) for each
    `word` of the text, at most `limit` of them."""
    k = text.find(word)
    for _ in range(limit):
        if k < 0:
            return
        m = _IDEOGRAPHS_BEFORE.search(text, max(0, k - reach), k)
        if m:
            yield m, k
        k = text.find(word, k + len(word))


def _around_word(text: str, word: str, reach: int):
    """The run of ideographs (at most `reach`) right before each `word` of the text (at most 50)."""
    return (m for m, _ in _matches_before(text, word, reach, 50))


def _runs_before(text: str, word: str, reach: int):
    """(the run of ideographs right before `word`, the word's index) for each `word` of the text (at most 200)."""
    return ((m.group(0), k) for m, k in _matches_before(text, word, reach, 200))
