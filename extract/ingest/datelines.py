"""An article's own dateline and source line, read field by field.

Portals print them as `label：value` runs ("发布时间：2023-05-12 09:41:07 来源：人民网
字号：大 中 小"), as a name beside a timestamp ("华夏人文2020-03-09 18:14:21",
"原创：39健康网2024-04-23 12:27:25"), or as a date alone over a source line. A line
is a dateline only when, once its fields are read, little else is left: a sentence
that happens to hold a date and a time ("务必于2023年12月25日17:30前…") is not one.
Labels and lead patterns are data (datelines.yaml)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import unquote

from ..datafiles import load_yaml
from ..literals import any_of, guard

from . import outlets
from .linescan import lines_holding

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0xFF1A: ord("：")})


@lru_cache(maxsize=1)
def rules() -> dict:
    data = load_yaml(Path(__file__).with_name("datelines.yaml"))
    frag = data.pop("fragments")
    names = re.compile("|".join(sorted(frag, key=len, reverse=True)))

    def expand(p: str) -> str:
        return names.sub(lambda m: frag[m.group(0)], p)

    out: dict = {"labels": {}}
    for kind, words in data.pop("labels").items():
        for w in words:
            out["labels"][w] = kind
    alt = "|".join(sorted(map(re.escape, out["labels"]), key=len, reverse=True))
    out["label_rx"] = re.compile(rf"(?P<label>{alt})\s{{0,2}}[:：]")
    # 来源 | 中国医疗器械 作者 | 小员: a pipe after the label, on a line that is no table row
    out["pipe_label_rx"] = re.compile(rf"(?P<label>{alt})\s{{0,3}}[|｜]")
    for key, val in data.items():  # each behind the words it needs (extract/literals.py)
        out[key] = [guard(re.compile(expand(v))) for v in val] if isinstance(val, list) else guard(re.compile(expand(val)))
    return out


@dataclass
class Dateline:
    published: Optional[str] = None      # ISO date
    time: Optional[str] = None           # HH:MM[:SS] when printed
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    text: str = ""

    def merge(self, other: "Dateline") -> None:
        self.published = self.published or other.published
        self.time = self.time or other.time
        self.outlet = self.outlet or other.outlet
        self.authors += [a for a in other.authors if a not in self.authors]


# the characters folding changes (the full-width colon is kept: a line with one is left as it is)
_FOLDED = re.compile("[" + "".join(chr(k) for k, v in _FOLD.items() if k != v) + "]")
_SENTENCE_MARKS = "。！？；，"
_SENTENCE_PUNCT = re.compile(f"[{_SENTENCE_MARKS}]")
_BLANKS = re.compile(r"[ \t]+")
# a dateline holds a label (来源：) or a year (19xx, 20xx): a line without a colon, a 1 and a
# 2 (ASCII or full width, before folding) is none
_DATELINE_MARKS = ":\uff1a12\uff11\uff12|\uff5c"
_MAYBE_DATELINE = re.compile(f"[{_DATELINE_MARKS}]")


def fold(text: str) -> str:
    if _FOLDED.search(text):
        text = text.translate(_FOLD)
    if "  " in text or "\t" in text:  # else no run of blanks to squeeze
        text = _BLANKS.sub(" ", text)
    return text.strip()


def iso(m: re.Match) -> Optional[str]:
    """ISO date from a match with groups y, m, d."""
    from .meta import iso_date

    return iso_date(f"{int(m.group('y')):04d}-{int(m.group('mo')):02d}-{int(m.group('d')):02d}")


# a line holding one of those marks and no sentence mark, in the text behind one more newline
# (each run taken whole: one pass over a line, nothing to backtrack into)
_MAYBE_LINE = re.compile(f"\\n[^\\n{_DATELINE_MARKS}{_SENTENCE_MARKS}]*+[{_DATELINE_MARKS}][^\\n{_SENTENCE_MARKS}]*+(?=\\n|\\Z)")


def maybe_lines(text: str) -> set[int]:
    """The lines of `text` (split on "\\n") parse_line may read as a dateline (those of the
    others it turns down at once), found by one scan instead of two searches per line."""
    out: set[int] = set()
    t = "\n" + text
    k = at = 0
    for m in _MAYBE_LINE.finditer(t):
        s = m.start()
        k += t.count("\n", at, s)
        at = s
        out.add(k)
    return out


# what a label (a colon) or a date (a year) needs, before folding: a line without is none
# (opening with a class, so the engine skips to its characters)
_LABEL_OR_YEAR = re.compile(r"[:\uff1a|\uff5c1\uff112\uff12](?:(?<=[:\uff1a|\uff5c])|(?<=[1\uff11])[9\uff19]\d\d|(?<=[2\uff12])[0\uff10]\d\d)")


def parse_line(line: str) -> Optional[Dateline]:
    """The fields of a dateline or source line, or None when `line` is not one."""
    if not _MAYBE_DATELINE.search(line) or _SENTENCE_PUNCT.search(line) or not _LABEL_OR_YEAR.search(line):
        return None  # (folding keeps these marks, and makes a year's digits ASCII)
    fields = _read_line(line)
    return None if fields is None else Dateline(fields[0], fields[1], fields[2], list(fields[3]), fields[4])


@lru_cache(maxsize=128)
def _read_line(line: str) -> Optional[tuple]:
    """parse_line's fields as a tuple. An article's datelines are read twice (metadata on
    the raw text, the line stage on the cleaned one): the last lines read are kept."""
    d = _parse_line(line)
    return None if d is None else (d.published, d.time, d.outlet, tuple(d.authors), d.text)


def _parse_line(line: str) -> Optional[Dateline]:
    r = rules()
    t = fold(line)
    if not t or len(t) > 160:
        return None
    labelled = list(r["label_rx"].finditer(t))
    if not labelled and ("|" in t or "｜" in t) and t[0] not in "|｜":
        labelled = list(r["pipe_label_rx"].finditer(t))
    if not labelled and not r["date"].search(t):  # no field to read: no date, no label
        return None
    out = Dateline(text=t)
    residue = t[:labelled[0].start()] if labelled else t
    pieces = [(None, residue)]
    for i, lb in enumerate(labelled):
        end = labelled[i + 1].start() if i + 1 < len(labelled) else len(t)
        pieces.append((r["labels"][lb.group("label")], t[lb.end():end].strip()))
    leftover = 0
    any_label = False
    pieces.sort(key=lambda kv: kv[0] is None)  # a labelled source before a name beside the date
    for kind, value in pieces:
        if kind is None:
            leftover += _unlabelled(value, out)
        elif kind == "date":
            any_label = True
            d = r["date"].search(value)
            if d:
                _set_date(out, d)
        elif kind == "source":
            any_label = True
            _source(value, out)
        elif kind == "publisher":
            any_label = True
            name = value.split("  ")[0].strip(" -—")
            if r["publisher_outlet"].search(name):  # 发布人：-新浪财经, a society: not an uploader
                _source(name, out)
        elif kind == "author":
            any_label = True
            out.authors += [n for n in split_names(value.split("  ")[0]) if n not in out.authors]
        else:
            any_label = True  # editor, counters, font size: read and discarded
    if out.published is None and out.outlet is None:
        return None
    if not any_label and out.time is None and leftover > 0:
        return None  # a bare date with words around it: a sentence, not a dateline
    if leftover > 14:
        return None
    return out


def _set_date(out: Dateline, d: re.Match) -> None:
    if out.published is None:
        out.published = iso(d)
        if d.group("time"):
            out.time = d.group("time").replace("：", ":")


def _unlabelled(value: str, out: Dateline) -> int:
    """Text outside any label: a timestamp, and a name before or after it (the
    account or site: "华夏人文2020-03-09 18:14:21", "2021-01-20 04:29:44 39健康网").
    Returns how many characters are left unexplained."""
    r = rules()
    value = value.strip()
    if not value:
        return 0
    d = r["date"].search(value)
    if not d:
        return len(value)
    before, after = value[:d.start()].strip(), r["weekday"].sub("", value[d.end():]).strip()
    if r["trigger_before"].search(before) or r["trigger_after"].match(after):
        return len(value)  # 于2023年12月25日17:30前: a deadline, not a dateline
    _set_date(out, d)
    left = 0
    words = before.split(" ")
    if 1 < len(words) <= 3 and words[0] == "原创" and all(r["name"].fullmatch(w) for w in words):
        # a WeChat post's meta row: 原创 金陵医保君 金陵医保服务 2023-07-03 18:00 (the mark,
        # the writer, the account): the account is the name beside the date
        before = words[-1]
    for side in (before, after):
        if not side or r["not_name"].match(side):
            continue
        name = outlets.normalize(side) if r["name"].fullmatch(side) else None
        if name:
            out.outlet = out.outlet or name
        else:
            left += len(side)
    return left


def _source(value: str, out: Dateline) -> None:
    r = rules()
    d = r["date"].search(value)
    if d:  # 来源：宁夏回族自治区医疗保障局 2026年1月12日 / 原创：39健康网2024-04-23 12:27:25
        _set_date(out, d)
        value = value[:d.start()]
    name = re.split(r"\s{2,}|\s(?=\S{0,6}[:：])", value.strip())[0] if value.strip() else ""
    name = outlets.normalize(name)
    if name and out.outlet is None:
        out.outlet = name


def split_names(value: str, strict: bool = True) -> list[str]:
    """Names from a byline value: separators , 、 / and spaces; single characters
    spaced apart are one name (施  钰), as papers print two-character names."""
    parts = [p for p in re.split(r"[,，、;；/|]+", value or "") for p in [p.strip()] if p]
    out: list[str] = []
    for part in parts:
        words = part.split()
        run = ""
        for w in words + [""]:
            if len(w) == 1 and re.match(r"[\u4e00-\u9fff]", w):
                run += w
                continue
            if run:
                out.append(run)
                run = ""
            if w:
                out.append(w)
    return [n for n in out if not strict or rules()["person"].fullmatch(n)]


def find(lines: Iterable[str], limit: int = 12) -> Optional[Dateline]:
    """The first dateline among the first `limit` non-blank lines, with the fields of
    the dateline lines right after it (a date over a source line)."""
    found: Optional[Dateline] = None
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > limit:
            break
        d = parse_line(line)
        if found is None:
            if d is not None and d.published:
                found = d
                gap = 0
            continue
        if d is None:
            gap += 1
            if gap > 1:
                break
            continue
        if d.published and found.published and d.published != found.published:
            break
        found.merge(d)
    return found


def source_lines(lines: Iterable[str], text: Optional[str] = None) -> Optional[str]:
    """The outlet of a repost notice or source line anywhere on the page
    (本文来自…, 本文转载自…, 来源：…) — the first one. `text`: the lines joined by
    newlines, when the caller has it (not joined again)."""
    r = rules()
    for line in _holding(list(lines), _repost_words(), text):
        t = fold(line)
        if not t or len(t) > 160:
            continue
        for rx in r["repost"]:
            m = rx.search(t)
            if m:
                name = outlets.normalize(m.group("outlet"))
                if name:
                    return name
    return None


def closing_source(lines: list[str]) -> Optional[str]:
    """The outlet of the first short line opening with a source field and holding no date
    (来源：新京报 after the last paragraph, 来源 | 某刊 作者 | 某人 above the first)."""
    for line in lines:
        if "来源" not in line or len(line) > 40:
            continue
        t = fold(line)
        if rules()["source_only"].match(t):
            d = parse_line(t)
            if d is not None and d.outlet and not d.published:
                return d.outlet
    return None


@lru_cache(maxsize=1)
def _repost_words() -> Optional[re.Pattern]:
    """One scan for the words a repost notice needs (None: a pattern needs none). They hold
    no digit and no blank, so folding a line neither makes nor breaks one."""
    scan = any_of([getattr(rx, "rx", rx) for rx in rules()["repost"]])
    return None if scan is None or re.search(r"[\d\s]", scan.pattern) else scan


@lru_cache(maxsize=1)
def _lead_words() -> Optional[re.Pattern]:
    return any_of([getattr(rx, "rx", rx) for rx in rules()["lead"]])


def _holding(lines: list[str], scan: Optional[re.Pattern], text: Optional[str] = None) -> Iterable[str]:
    """The lines in which `scan` finds a word (all lines when `scan` is None), in order.
    `text`: the lines joined by newlines, when the caller has it."""
    text = "\n".join(lines) if text is None else text
    if scan is None or text.count("\n") != len(lines) - 1:  # no scan, or lines holding newlines
        return lines
    return [lines[k] for k in sorted(lines_holding(text, scan))]


# fold(line)[:80] is fold(line[:k])[:80] when that is 80 characters long (folding works
# character by character, blank runs squeezed and the edges stripped)
_LEAD_PREFIX = 200


@lru_cache(maxsize=1)
def lead_scan() -> Optional[re.Pattern]:
    """The scan lead_lines runs, for one line (holding no newline): a line it finds nothing
    on (`search`) holds none of the words a lead needs, so lead_outlet names no outlet on it
    unless it opens with 据 (None: any line may). (A search of a few short lines one by one
    costs less than a scan of them joined.)"""
    scan = _lead_words()
    return None if scan is None or re.search(r"[\d\s]", scan.pattern) else scan


def first_lead_outlet(lines: list[str]) -> Optional[str]:
    """lead_outlet of the first of `lines` that names one, asking only the lines holding
    a word a lead needs (one scan; the words hold no digit or blank, so folding a line
    neither makes nor breaks one). The lines opening with 据 are looked for only when
    the lines hold one."""
    text = "\n".join(lines)
    for line in _holding(lines, lead_scan(), text):
        name = lead_outlet(line)
        if name:
            return name
    if "据" not in text:
        return None
    for line in lines:  # 据中国证券报，… (holding none of the scanned words)
        if line.lstrip().startswith("据"):
            name = lead_outlet(line)
            if name:
                return name
    return None


def lead_outlet(line: str) -> Optional[str]:
    """The outlet named by an article's lead: 央视网消息（新闻联播）：, 中国网5月13日讯,
    新华社北京3月5日电, 据解放日报报道 (never 本报讯: that is the page's own paper)."""
    t = fold(line[:_LEAD_PREFIX])  # a long line: only its start is folded
    if len(t) < 80 and len(line) > _LEAD_PREFIX:  # (else fold(line) is t)
        t = fold(line)
    t = t[:80]
    if t.startswith("据"):
        m = rules()["lead_comma"].match(t)
        name = outlets.normalize(m.group("outlet")) if m else None
        if name:
            return name
    if not rules()["lead_head"].match(t):  # no lead opens it
        return None
    scan = _lead_words()
    if scan is not None and not scan.search(t):  # none of the words a lead needs
        return None
    for rx in rules()["lead"]:
        m = rx.match(t)
        if m:
            name = outlets.normalize(m.group("outlet"))
            if name:
                return name
    return None


def path_date(path: Optional[str]) -> Optional[str]:
    """The date a crawled file's own name carries (xwlb_20220924_12_item.md,
    notice-2023-05-12.html, t20240513_123.html); None when it holds none. Only the name:
    a folder is often named for the day of the crawl, not of the story."""
    if not path:
        return None
    name = os.path.basename(path)
    return url_date("/" + name) or _first_date(rules()["path_date"], name)


def url_date(url: Optional[str]) -> Optional[str]:
    """The publication date a news URL carries (/2025/06/21/, /2024-05/13/, /202606/02/,
    t20240513_, /20240513/)."""
    return _first_date(rules()["url_date"], unquote(url)) if url else None


def _first_date(patterns, s: str) -> Optional[str]:
    """The ISO date of the first of `patterns` (groups y, mo, d) that finds a real day in `s`."""
    for rx in patterns:
        m = rx.search(s)
        if m:
            d = iso(m)
            if d:
                return d
    return None
