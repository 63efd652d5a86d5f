"""The orchestrator: a file (or text) -> a validated `Document`.

decode -> front matter -> sniff -> format (html | markdown | text) -> line cleaning
-> articles + metadata -> extractors (extract.extractors.extract_all on each article's
text: plain functions on a string, no spaCy)."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from . import regexcache  # first: compiled patterns from extract/_cache when built (regexcache.py)

regexcache.install()

from .ingest import articles as _articles
from .ingest import outlet_named as _named
from .ingest import meta as _meta
from .ingest.decode import DecodeError, decode, scrub_text
from .ingest.frontmatter import read_front_matter
from .ingest.datelines import closing_source, path_date, url_date
from .ingest.exports import split_header, wechat_account
from .ingest.meta_html import from_html
from .ingest.payload import read_payload
from .ingest.lines import clean, normalize_chars
from .ingest.markdown import strip_markdown
from .ingest.sniff import sniff
from .dates.periods import document_periods
from .extractors import Found, check_components, extract_all
from .offsets import Mapped
from .options import Options
from .refdate import RefDate
from .schema import Article, Document, Error, Meta

PathLike = Union[str, os.PathLike]


@dataclass
class Ingested:
    text: Mapped
    format: str
    encoding: Optional[str]
    found: dict = field(default_factory=dict)   # meta source -> partial fields
    articles: list = field(default_factory=list)
    problems: list = field(default_factory=list)   # (stage, message): what could not be read


def ingest_text(raw: str, encoding: Optional[str] = None) -> Ingested:
    found: dict = {}
    problems: list[tuple[str, str]] = []
    body, body_at, remap, headline, fmt = _split_header(raw, found, problems)
    fmt = fmt or sniff(body)
    headings: dict = {}
    if fmt == "html":
        from .ingest.html import extract_html, parse_html  # the HTML parser only for HTML

        soup = parse_html(body)
        found.update(from_html(soup))
        res = extract_html(body, body_at, len(raw), soup)
        mapped = res.body
        if res.title_line:
            found["html_meta"]["title"] = re.sub(r"\s+", " ", res.title_line)
        page = _squash(res.page_text)
        after = _squash(res.page_text[res.after_title:]) if res.after_title else page
        found["text"] = _meta.from_text(after, page)  # datelines sit in the chrome
        found["text:closing"] = {"outlet": closing_source(after.split("\n"))}
        if res.dateline:  # the dateline printed under the headline comes first
            d = res.dateline
            found["text"].update({k: v for k, v in (("published", d.published), ("outlet", d.outlet),
                                                    ("authors", d.authors)) if v})
        url = found["html_meta"].get("url") or found["json_ld"].get("url")
        found["html_meta:url"] = {"published": url_date(url)}
        found["text:site"] = {"outlet": _meta.notice_issuer(page, res.title_line or found["html_meta"].get("title"))
                              or _meta.site_owner(page)}
        saved = found.get("front_matter:saved", {}).get("published")
        printed = found["text"].get("published")
        if saved and printed and printed <= saved and res.title_line and _meta.notice_headline(res.title_line):
            found["front_matter:saved"] = {}  # a notice's own date (2015年08月17日 发布) before the CMS saved it
    else:
        mapped = Mapped.identity(body, body_at, len(raw))
        if fmt == "markdown":
            md = strip_markdown(mapped, (found.get("front_matter:header") or {}).get("title"))
            mapped, headings = md.text, md.headings
            if md.source_urls:
                found["text:url"] = {"url": md.source_urls[0], "published": url_date(md.source_urls[0])}
    if remap is not None:  # a decoded JSON string: positions into it -> positions in the file
        mapped = Mapped(mapped.text, [remap[p] if p < len(remap) else remap[-1] + 1 for p in mapped.pos], len(raw))
        headings = {remap[p]: lv for p, lv in headings.items() if p < len(remap)}
    if headline is not None and headline.text not in mapped.text[:3000]:
        # a headline printed only in a header is the article's: it opens the text
        nl = Mapped.flat("\n", headline.at(len(headline) - 1) + 1 if headline.text else 0)
        mapped = Mapped.join([headline, nl, mapped], len(raw))
    if fmt != "html":
        mapped = normalize_chars(mapped)  # clean's first step, done once for the probe and clean
        probe = _probe(mapped)
        probe_lines = probe.split("\n")  # (split once for the three readers)
        found["text"] = _meta.from_text(probe, lines=probe_lines)  # datelines often sit on lines cleaning drops
        found["text:closing"] = {"outlet": closing_source(probe_lines)}
        found["text:site"] = {"outlet": wechat_account(probe, probe_lines)}
    mapped, ocr = clean(mapped, fmt, headings, normalized=fmt != "html")
    head_starts = {i: headings[p] for i, p in mapped.where(headings)
                   if i == 0 or mapped.text[i - 1] == "\n"}
    if fmt == "html":
        title = res.title_line or next((found[k]["title"] for k in ("front_matter", "front_matter:header", "json_ld",
                                                                     "html_meta") if found.get(k, {}).get("title")), None)
        spans = _articles.single_article(mapped.text, title)
        if not title and spans and spans[0].title:
            # no headline element, <title> or meta: a CMS fragment's first line, when it reads as
            # a heading (百全毫米波治疗仪特点 over the body), is the headline as printed
            found["text"] = {"title": spans[0].title, **found["text"]}
    else:
        # a text without headings: its lines are split once for both (a heading changes what a line answers)
        lines = None if head_starts else _articles.split_lines(mapped.text)
        spans = _articles.split_articles(mapped.text, head_starts, ocr=ocr, lines=lines)
        lead = len(mapped.text) - len(mapped.text.lstrip())
        if lead in head_starts:  # a document opening with a Markdown heading: that is its headline
            title = mapped.text[lead:].split("\n", 1)[0].strip()
        else:
            title = _articles.first_title(mapped.text, ocr=ocr, lines=lines)
        if title:
            found["text"] = {"title": title, **found["text"]}
        if not found["text:site"].get("outlet"):
            found["text:site"]["outlet"] = _meta.notice_issuer(mapped.text, title)
    return Ingested(mapped, fmt, encoding, found, spans, problems)


def _split_header(raw: str, found: dict, problems: list) -> tuple[str, int, Optional[list[int]], Optional[Mapped],
                                                                   Optional[str]]:
    """What describes the article rather than being it: YAML front matter, an
    exporter's 标题:/日期: header, a JSON payload's fields. Returns (the text to parse,
    its offset in `raw`, the raw position of each of its characters when it had to be
    decoded, a headline printed only in the header, the text's format if known)."""
    fm = read_front_matter(raw)
    problems.extend(("front_matter", p) for p in fm.problems)
    if fm.data:
        found["front_matter"] = _meta.from_front_matter(fm.data)
        return raw[fm.body_at:], fm.body_at, None, None, None
    payload = read_payload(raw)
    if payload is not None:
        found["front_matter:header"] = payload.meta
        return payload.content.text, 0, payload.content.pos, payload.title, None
    header, body_at, span, fmt = split_header(raw)
    if fmt == "html":  # a PHP CMS data file: the time the portal saved it (weaker than a date the text prints)
        found["front_matter:saved"] = header
    elif header:
        found["front_matter:header"] = header
    headline = Mapped.identity(raw[span[0]:span[1]], span[0], len(raw)) if span else None
    return raw[body_at:], body_at, None, headline, fmt


def _probe(m: Mapped) -> str:
    """Text for dateline search from a normalized text (normalize_chars: full width folded):
    spaces inside dates removed."""
    text = m.text
    # the spaces found once (str.find): they tell whether two stand together, and are where
    # _drop_date_gaps tries its pattern (a text with a tab, or dense with spaces, as before)
    spaces = _spaces(text, len(text) // 40)
    if spaces is not None and "\t" not in text:
        if not any(b - a == 1 for a, b in zip(spaces, spaces[1:])):  # no run of two blanks
            return _drop_date_gaps(text, spaces)
    if "  " in text or "\t" in text:  # else no run of two blanks
        text = _BLANK_RUN.sub(" ", text)
    return _drop_date_gaps(text)


def _spaces(text: str, most: int) -> Optional[list[int]]:
    """Where `text`'s spaces stand, or None when it holds more than `most`."""
    out: list[int] = []
    find = text.find
    p = find(" ")
    while p >= 0:
        if len(out) == most:
            return None
        out.append(p)
        p = find(" ", p + 1)
    return out


def _drop_date_gaps(text: str, spaces: Optional[list[int]] = None) -> str:
    """_DATE_GAP.sub("", text), the pattern tried only where a match can open: at a blank or
    a tab (str.find, ~0.1 ns a character), or at a newline after 年/月 (a scan opening with
    the newline: the engine skips to each, ~0.7 ns a character). The engine's own search for
    a pattern opening with a class tests every character, ~12 ns each on Chinese text. A text
    dense with blanks (one in 40 characters or more: English) is left to the engine.
    `spaces`: where the text's spaces stand, when the caller found them in a text without a
    tab and not so dense."""
    if spaces is None:
        blanks = text.count(" ") + text.count("\t")
        if blanks * 40 > len(text):
            return _DATE_GAP.sub("", text)
        starts: list[int] = []
        for c in (" ", "\t"):
            p = text.find(c)
            while p >= 0:
                starts.append(p)
                p = text.find(c, p + 1)
    else:
        starts = list(spaces)
    starts += [m.start() for m in _YM_NEWLINE.finditer(text)]
    if not starts:
        return text
    starts.sort()
    parts: list[str] = []
    at, match = 0, _DATE_GAP.match
    for p in starts:
        if p < at:  # inside the gap just dropped (sub goes on after a match)
            continue
        m = match(text, p)   # the lookbehinds see the text before p
        if m:
            parts.append(text[at:p])
            at = m.end()
    if not parts:
        return text
    parts.append(text[at:])
    return "".join(parts)


_BLANK_RUN = re.compile(r"[ \t][ \t]+")  # [ \t]{2,}, opening with one blank: scanned faster
# spaces inside a date (2024 年, 6月 1日, a date broken over two lines): a run of blanks
# after a digit before 年/月/日, or of blanks and at most one newline after 年/月 before a
# digit. Each match opens with its first blank, taken by a class (the engine skips to
# blanks in C), the lookbehinds looking back over it: a digit then a blank, 年/月 then a
# newline (only blanks follow), 年/月 then a blank (blanks, a newline, blanks follow).
_YM_NEWLINE = re.compile(r"\n(?<=[年月]\n)")  # opening with a literal: the engine skips to each newline
_DATE_GAP = re.compile(r"[ \t\n](?:(?<=\d[ \t])[ \t]*(?=[年月日])|(?<=[年月]\n)[ \t]*(?=\d)"
                       r"|(?<=[年月][ \t])[ \t]*\n?[ \t]*(?=\d))")


def _squash(page_text: str) -> str:
    return _LINE_BREAK.sub("\n", page_text)


# a newline with the blanks around it, [ \t\u3000\xa0]*\n[\s\u3000\xa0]*: opening with a class
# (its first blank or the newline, looked back at), so the engine skips to those characters
_LINE_BREAK = re.compile(r"[ \t\u3000\xa0\n](?:(?<=\n)|[ \t\u3000\xa0]*\n)[\s\u3000\xa0]*")


_DATES: dict[str, RefDate] = {}  # a date string -> RefDate.parse's answer (a RefDate is frozen)


def _date(value) -> Optional[RefDate]:
    """RefDate.parse(value), memoized for strings (the run's date, each record's: a few
    dates over a batch): raises as it does."""
    if type(value) is not str:
        return RefDate.parse(value)
    got = _DATES.get(value)
    if got is None:
        got = RefDate.parse(value)
        if got is not None:
            if len(_DATES) >= 1024:
                _DATES.clear()
            _DATES[value] = got
    return got


def _try_date(value) -> Optional[RefDate]:
    """RefDate.try_parse(value), memoized as `_date`."""
    try:
        return _date(value)
    except (ValueError, OverflowError):
        return None


def _doc_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def _manifest_row(manifest: Optional[dict], source: Optional[str]) -> dict:
    if not manifest or not source:
        return {}
    for key in (source, str(Path(source)), os.path.abspath(source), Path(source).name):
        if key in manifest:
            return manifest[key]
    return {}


def build_document(
    data: bytes,
    source: Optional[str] = None,
    published=None,
    options: Optional[Options] = None,
    manifest: Optional[dict] = None,
    text: Optional[str] = None,
    _surrogates: bool = True,
) -> Document:
    """One Document for any bytes (or str): what could not be read is said in `errors`
    (stage, cause) and everything readable is kept. The decoded text (`decode(data).text`,
    or `text` with lone surrogates and NULs as U+FFFD) is what raw offsets index.
    `_surrogates` False: `text` is known to hold no lone surrogate (parse encoded it strictly)."""
    options = options or Options()
    doc = Document(id=_doc_id(data), source=source)
    if len(data) > options.max_bytes:
        doc.errors.append(Error(stage="read", message=f"file too large: {len(data)} bytes > {options.max_bytes}"))
        return doc
    if text is None:
        try:
            dec = decode(data)
        except DecodeError as e:
            doc.errors.append(Error(stage="decode", message=str(e)))
            return doc
        text, encoding, problems = dec.text, dec.encoding, dec.problems
    else:
        encoding = None
        text, problems = scrub_text(text, surrogates=_surrogates)
    doc.errors.extend(Error(stage="decode", message=p) for p in problems)
    if not text.strip():
        doc.encoding = encoding
        doc.errors.append(Error(stage="read", message="empty file: no text to parse"))
        return doc
    try:
        ing = ingest_text(text, encoding)
        doc.errors.extend(Error(stage=stage, message=msg) for stage, msg in ing.problems)
        doc.format, doc.encoding, doc.text = ing.format, ing.encoding, ing.text.text
        _fill_meta(doc, ing, published, _manifest_row(manifest or options.manifest, source), source)
    except Exception as e:  # a bug in a cleaning stage must not lose the text: keep it as it came
        doc.errors.append(Error(stage="ingest", message=f"{type(e).__name__}: {e}; the text is kept unprocessed"))
        ing = Ingested(Mapped.identity(text), "text", encoding)
        doc.format, doc.encoding, doc.text, doc.meta = ing.format, ing.encoding, text, Meta()
    ref = _try_date(doc.meta.published)
    # an article naming no outlet is the page's, unless the page gathers stories of several outlets
    shared = not any(a.outlet and a.outlet != doc.meta.outlet for a in ing.articles)
    for i, a in enumerate(ing.articles):
        doc.articles.append(Article(index=i, title=a.title, start=a.start, end=a.end, byline=a.byline,
                                    outlet=a.outlet or (doc.meta.outlet if shared else None),
                                    published=doc.meta.published))
    if not doc.articles and doc.text.strip():
        doc.articles.append(Article(index=0, title=doc.meta.title, start=0, end=len(doc.text), published=doc.meta.published))
    if options.components:
        _run_extractors(doc, ing.text, ref, options)
        if any(a.heads for a in ing.articles):
            _extract_heads(doc, ing, ref, options)
    return doc


def _extract_heads(doc: Document, ing: Ingested, ref: Optional[RefDate], options: Options) -> None:
    """A part of an article printed apart from its body (the headline block opening an
    OCR page) is that article's: inside another article's span, its mentions and
    deadlines are handed over; before every span, it is read with the body as context."""
    components = check_components(options.components)
    for i, a in enumerate(ing.articles):
        art = doc.articles[i]
        for s, e in a.heads:
            if any(o.start <= s and e <= o.end for o in doc.articles):
                for m in doc.mentions:
                    if s <= m.start and m.end <= e:
                        m.article = i
                for d in doc.deadlines:
                    if s <= d.start and d.end <= e + 1:
                        d.article = i
                continue
            head = doc.text[s:e]
            try:
                found = extract_all(head + "\n" + doc.text[art.start:art.end], ref, components)
            except Exception as ex:  # one extractor's bug must not lose the record
                doc.errors.append(Error(stage="extract", message=f"article {i} headline: {type(ex).__name__}: {ex}"))
                continue
            local: dict[int, int] = {}
            for k, m in enumerate(found.mentions):
                if m.end > len(head) or doc.text[s + m.start:s + m.end] != m.text:
                    continue  # the body's mentions were read with the article
                m.start, m.end = m.start + s, m.end + s
                m.raw_start, m.raw_end = ing.text.raw_span(m.start, m.end)
                m.article = i
                local[k] = len(doc.mentions)
                doc.mentions.append(m)
            for d in found.deadlines:
                if d.date in local and d.end <= len(head) + 1:
                    d.start, d.end, d.date, d.article = d.start + s, min(d.end, len(head)) + s, local[d.date], i
                    doc.deadlines.append(d)
    _in_text_order(doc)


def _in_text_order(doc: Document) -> None:
    """Mentions sorted by position, with the deadlines' and changes' references to them."""
    order = sorted(range(len(doc.mentions)), key=lambda i: (doc.mentions[i].start, -doc.mentions[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    doc.mentions = [doc.mentions[i] for i in order]
    for d in doc.deadlines:
        d.date = new_index.get(d.date) if d.date is not None else None
    for c in doc.changes:
        c.from_ = new_index.get(c.from_) if c.from_ is not None else None
        c.to = new_index.get(c.to) if c.to is not None else None
        c.by = new_index.get(c.by) if c.by is not None else None


def _lead_article(ing: Ingested):
    """The article a page's metadata describes: the one printed under the page's
    headline (an OCR page's first headline may announce its second article), else the first."""
    title = next((ing.found.get(k, {}).get("title") for k in ("front_matter", "front_matter:header", "html_meta", "text")
                  if ing.found.get(k, {}).get("title")), None)
    return next((a for a in ing.articles if title and a.title == title), ing.articles[0])


def _fill_meta(doc: Document, ing: Ingested, published, row: dict, source: Optional[str] = None) -> None:
    found = dict(ing.found)
    if isinstance(source, str):
        named = path_date(source)  # a date in the file's name: the weakest source
        if named:
            found["path"] = {"published": named}
    found["text"] = dict(found.get("text") or {})
    if ing.articles:  # a page's byline and outlet are those of its lead article
        lead = _lead_article(ing)
        named = lead.outlet or next((v["outlet"] for v in found.values() if v and v.get("outlet")), None)
        byline = _articles.page_byline(ing.articles, lead, named)
        if byline:
            found["text"].setdefault("authors", byline)
        if lead.outlet:
            found["text"].setdefault("outlet", lead.outlet)
        if not any((found.get(k) or {}).get("outlet") for k in _named.STRONGER):  # (the body read only then)
            found["text:named"] = {"outlet": _named.story_outlet((found.get("text:closing") or {}).get("outlet"),
                                                                 lead.named, ing.text.text[lead.start:lead.end])}
    if row:
        found["manifest"] = {k: (_meta.iso_date(v) if k == "published" else v) for k, v in row.items()
                             if k in _meta.FIELDS and v}
    if published is not None:
        ref = _date(published) if not isinstance(published, RefDate) else published
        found["argument"] = {"published": ref.iso()}
    fields, sources = _meta.merge(found)
    if fields.get("outlet"):  # a body written short: its full name (the region from the text)
        from .ingest.outlets import canonical

        fields["outlet"] = canonical(fields["outlet"], doc.text)
    doc.meta = Meta(**fields, sources=sources)


def _run_extractors(doc: Document, mapped: Mapped, ref: Optional[RefDate], options: Options) -> None:
    components = check_components(options.components)
    for art in doc.articles:
        sub = doc.text[art.start:art.end]
        try:
            found = extract_all(sub, ref, components)
        except Exception as e:  # one extractor's bug must not lose the record
            doc.errors.append(Error(stage="extract", message=f"article {art.index}: {type(e).__name__}: {e}"))
            continue
        _merge_article(doc, art, found, mapped)
    if "hnx_dates" in components:
        document_periods(doc.text, doc.mentions)  # a holiday period across items


def _assign(model, **values) -> None:
    """`model.name = value` for each field (records are plain dataclasses: extract/records.py)."""
    model.__dict__.update(values)


def _merge_article(doc: Document, art: Article, found: Found, mapped: Mapped) -> None:
    off, index, text = art.start, art.index, doc.text
    local = found.mentions
    keys = [(m.start, -m.end, m.type) for m in local]
    order = sorted(range(len(local)), key=keys.__getitem__)
    remap: dict[int, int] = {}
    for i in order:
        m = local[i]
        start, end = m.start + off, m.end + off
        if text[start:end] != m.text:
            doc.errors.append(Error(stage="extract", message=f"misaligned {m.type} mention {m.text!r} ({m.rule}) dropped"))
            continue
        fields = m.__dict__  # _assign's writes, spelled out: the one loop over every mention
        fields["start"], fields["end"], fields["article"] = start, end, index
        fields["raw_start"], fields["raw_end"] = mapped.raw_span(start, end)
        remap[i] = len(doc.mentions)
        doc.mentions.append(m)
    dl_base = len(doc.deadlines)
    for d in found.deadlines:
        _assign(d, start=d.start + off, end=d.end + off, date=remap.get(d.date) if d.date is not None else None,
                article=index)
        doc.deadlines.append(d)
    for p in found.procedures:
        for s in list(p.steps) + list(p.conditions):
            _assign(s, start=s.start + off, end=s.end + off)
        for c in p.channels:
            if c.start is not None:
                _assign(c, start=c.start + off, end=c.end + off)
        for t in p.time_limits:
            _assign(t, start=t.start + off, end=t.end + off, date=remap.get(t.date) if t.date is not None else None,
                    article=index)
        _assign(p, start=p.start + off, end=p.end + off, deadlines=[dl_base + k for k in p.deadlines], article=index)
        doc.procedures.append(p)
    for c in found.changes:
        _assign(c, start=c.start + off, end=c.end + off,
                from_=remap.get(c.from_) if c.from_ is not None else None,
                to=remap.get(c.to) if c.to is not None else None,
                by=remap.get(c.by) if c.by is not None else None, article=index)
        doc.changes.append(c)


# -- public API ------------------------------------------------------------

def parse(text: str, published=None, *, source: Optional[str] = None, options: Optional[Options] = None) -> Document:
    """Parse an article given as a string (any format: HTML, Markdown, text)."""
    # lone surrogates (a str can hold them; UTF-8 cannot) are hashed as they are and read as U+FFFD.
    # The strict encoder refuses them: a text it encodes holds none, and scrub_text need not
    # encode it again to tell (the same bytes as surrogatepass's for such a text)
    try:
        data, surrogates = text.encode("utf-8"), False
    except UnicodeEncodeError:
        data, surrogates = text.encode("utf-8", "surrogatepass"), True
    return build_document(data, source=source, published=published, options=options, text=text,
                          _surrogates=surrogates)


def parse_file(path: PathLike, published=None, options: Optional[Options] = None,
               manifest: Optional[dict] = None) -> Document:
    """Parse one file. Never raises for a bad file: problems go to `errors`.
    The size limit is checked before reading; FIFOs and devices are never read."""
    from .batch.reader import ReadError, read_input, source_string

    options = options or Options()
    source = source_string(path)
    try:
        data = read_input(path, options.max_bytes)
    except ReadError as e:
        return read_error_document(source, str(e))
    return parse_data(data, source, published=published, options=options, manifest=manifest)


def read_error_document(source: str, message: str) -> Document:
    """The record of a file that could not be read (its id: the hash of its source)."""
    doc = Document(id=_doc_id(source.encode("utf-8")), source=source)
    doc.errors.append(Error(stage="read", message=message))
    return doc


def parse_data(data: bytes, source: Optional[str], published=None, options: Optional[Options] = None,
               manifest: Optional[dict] = None) -> Document:
    """A file's bytes -> its Document; whatever goes wrong becomes an error record."""
    try:
        return build_document(data, source=source, published=published, options=options, manifest=manifest)
    except Exception as e:  # last line of defence for a batch
        doc = Document(id=_doc_id(data), source=source)
        doc.errors.append(Error(stage="parse", message=f"{type(e).__name__}: {e}"))
        return doc


def parse_files(paths: Iterable[PathLike], jobs: int = 1, published=None, options: Optional[Options] = None,
                manifest: Optional[dict] = None, *, timeout: Optional[float] = None,
                ordered: bool = True) -> Iterator[Document]:
    """Parse many files, in input order (or as they finish with `ordered=False`).

    With `jobs` > 1 the files go to worker processes forked from this one once it has
    loaded the pipeline (no per-worker reload); `timeout` (seconds) turns a file that
    takes longer into an error record by replacing its worker, and a worker that dies
    costs only the file it was parsing."""
    if jobs <= 1 and timeout is None:
        options = options or Options()
        for p in paths:
            yield parse_file(p, published=published, options=options, manifest=manifest)
        return
    from .batch.pool import parse_in_workers

    yield from parse_in_workers(paths, jobs=jobs, published=published, options=options,
                                manifest=manifest, timeout=timeout, ordered=ordered)
