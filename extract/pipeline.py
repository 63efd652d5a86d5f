"""The orchestrator: a file (or text) -> a validated `Document`.

decode -> front matter -> sniff -> format (html | markdown | text) -> line cleaning
-> articles + metadata -> extractors (spaCy components over each article)."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .ingest import articles as _articles
from .ingest import meta as _meta
from .ingest.decode import DecodeError, decode
from .ingest.frontmatter import split_front_matter
from .ingest.html import extract_html, parse_html
from .ingest.lines import clean, normalize_chars
from .ingest.markdown import strip_markdown
from .ingest.sniff import sniff
from .nlp import annotate, cached
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


def ingest_text(raw: str, encoding: Optional[str] = None) -> Ingested:
    fm, body_at = split_front_matter(raw)
    body = raw[body_at:]
    fmt = sniff(body)
    found: dict = {}
    if fm:
        found["front_matter"] = _meta.from_front_matter(fm)
    headings: dict = {}
    if fmt == "html":
        soup = parse_html(body)
        found["html_meta"], found["json_ld"] = _meta.from_html(soup)
        res = extract_html(body, body_at, len(raw), soup)
        mapped = res.body
        if res.title_line:
            found["html_meta"]["title"] = re.sub(r"\s+", " ", res.title_line)
        found["text"] = _meta.from_text(_squash(res.page_text))  # datelines sit in the chrome
    else:
        mapped = Mapped.identity(body, body_at, len(raw))
        if fmt == "markdown":
            mapped, heads = strip_markdown(mapped)
            headings = heads
    if fmt != "html":  # datelines often sit on lines that cleaning drops as chrome
        found["text"] = _meta.from_text(_probe(mapped))
    mapped, ocr = clean(mapped, fmt, headings)
    head_starts = {i: headings[p] for i, p in enumerate(mapped.pos)
                   if p in headings and (i == 0 or mapped.text[i - 1] == "\n")}
    if fmt == "html":
        title = res.title_line or next((found[k]["title"] for k in ("front_matter", "json_ld", "html_meta")
                                        if found.get(k, {}).get("title")), None)
        spans = _articles.single_article(mapped.text, title)
    else:
        spans = _articles.split_articles(mapped.text, head_starts, ocr=ocr)
        title = _articles.first_title(mapped.text, ocr=ocr)
        if title:
            found["text"] = {"title": title, **found["text"]}
    return Ingested(mapped, fmt, encoding, found, spans)


def _probe(m: Mapped) -> str:
    """Text for dateline search: full-width folded, spaces inside dates removed."""
    text = re.sub(r"[ \t]{2,}", " ", normalize_chars(m).text)
    return re.sub(r"(?<=\d)[ \t]+(?=[年月日])|(?<=[年月])[ \t]*\n?[ \t]*(?=\d)", "", text)


def _squash(page_text: str) -> str:
    return re.sub(r"[ \t\u3000\xa0]*\n[\s\u3000\xa0]*", "\n", page_text)


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
) -> Document:
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
        text, encoding = dec.text, dec.encoding
    else:
        encoding = None
    if not text.strip():
        doc.encoding = encoding
        doc.errors.append(Error(stage="read", message="empty file: no text to parse"))
        return doc
    ing = ingest_text(text, encoding)
    doc.format, doc.encoding, doc.text = ing.format, ing.encoding, ing.text.text
    _fill_meta(doc, ing, published, _manifest_row(manifest or options.manifest, source))
    ref = RefDate.try_parse(doc.meta.published)
    for i, a in enumerate(ing.articles):
        doc.articles.append(Article(index=i, title=a.title, start=a.start, end=a.end, byline=a.byline,
                                    outlet=a.outlet or (doc.meta.outlet if len(ing.articles) == 1 else None),
                                    published=doc.meta.published))
    if not doc.articles and doc.text.strip():
        doc.articles.append(Article(index=0, title=doc.meta.title, start=0, end=len(doc.text), published=doc.meta.published))
    if options.components:
        _run_extractors(doc, ing.text, ref, options)
    return doc


def _fill_meta(doc: Document, ing: Ingested, published, row: dict) -> None:
    found = dict(ing.found)
    if ing.articles:  # a page's byline and outlet are those of its first article
        first = ing.articles[0]
        if first.byline:
            found["text"].setdefault("authors", list(first.byline))
        if first.outlet:
            found["text"].setdefault("outlet", first.outlet)
    if row:
        found["manifest"] = {k: (_meta.iso_date(v) if k == "published" else v) for k, v in row.items()
                             if k in _meta.FIELDS and v}
    if published is not None:
        ref = RefDate.parse(published) if not isinstance(published, RefDate) else published
        found["argument"] = {"published": ref.iso()}
    fields, sources = _meta.merge(found)
    doc.meta = Meta(**fields, sources=sources)


def _run_extractors(doc: Document, mapped: Mapped, ref: Optional[RefDate], options: Options) -> None:
    nlp = cached(tuple(options.components))
    for art in doc.articles:
        sub = doc.text[art.start:art.end]
        try:
            sdoc = annotate(nlp, sub, ref)
        except Exception as e:  # one extractor's bug must not lose the record
            doc.errors.append(Error(stage="extract", message=f"article {art.index}: {type(e).__name__}: {e}"))
            continue
        _merge_article(doc, art, sdoc, mapped)


def _merge_article(doc: Document, art: Article, sdoc, mapped: Mapped) -> None:
    off = art.start
    local = list(sdoc._.hnx_mentions or [])
    order = sorted(range(len(local)), key=lambda i: (local[i].start, -local[i].end, local[i].type))
    remap: dict[int, int] = {}
    for i in order:
        m = local[i]
        if doc.text[off + m.start:off + m.end] != m.text:
            doc.errors.append(Error(stage="extract", message=f"misaligned {m.type} mention {m.text!r} ({m.rule}) dropped"))
            continue
        m.start += off
        m.end += off
        m.raw_start, m.raw_end = mapped.raw_span(m.start, m.end)
        m.article = art.index
        remap[i] = len(doc.mentions)
        doc.mentions.append(m)
    dl_base = len(doc.deadlines)
    for d in sdoc._.hnx_deadlines or []:
        d.start += off
        d.end += off
        d.date = remap.get(d.date) if d.date is not None else None
        d.article = art.index
        doc.deadlines.append(d)
    for p in sdoc._.hnx_procedures or []:
        p.start += off
        p.end += off
        for s in list(p.steps) + list(p.conditions):
            s.start += off
            s.end += off
        for c in p.channels:
            if c.start is not None:
                c.start += off
                c.end += off
        p.deadlines = [dl_base + k for k in p.deadlines]
        p.article = art.index
        doc.procedures.append(p)
    for c in sdoc._.hnx_changes or []:
        c.start += off
        c.end += off
        c.from_ = remap.get(c.from_) if c.from_ is not None else None
        c.to = remap.get(c.to) if c.to is not None else None
        c.by = remap.get(c.by) if c.by is not None else None
        c.article = art.index
        doc.changes.append(c)


# -- public API ------------------------------------------------------------

def parse(text: str, published=None, *, source: Optional[str] = None, options: Optional[Options] = None) -> Document:
    """Parse an article given as a string (any format: HTML, Markdown, text)."""
    return build_document(text.encode("utf-8"), source=source, published=published, options=options, text=text)


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
