"""`hnx show`: documents -> review pages. Small runs make one page (with an
index and filters above the documents when there is more than one); larger
runs make an index page at the output path and the documents on numbered pages
in a folder beside it, written as they come, so a 10,000-file run keeps only
the index rows in memory and every page opens quickly."""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..schema import Document
from .document import render_document
from .escape import esc
from .index import filters, index_table
from .page import shell, toolbar

PAGE_DOCS = 50            # documents on one page
PAGE_CHARS = 1_500_000    # and at most about this much article text


@dataclass
class ShowResult:
    index: Path
    pages: list[Path] = field(default_factory=list)
    documents: int = 0
    mentions: int = 0
    with_errors: int = 0


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def single_page(title: str, sections: list[str], rows: list[dict]) -> str:
    head = f"<h1>{esc(title)}</h1>"
    if len(rows) > 1:
        head += f'<details class="idx" open><summary>index ({len(rows)} files)</summary>{filters(rows)}{index_table(rows)}</details>'
    return shell(title, head + toolbar() + "".join(sections))


def index_page(title: str, rows: list[dict], href: dict, pages: list[str]) -> str:
    nav = "".join(f'<a href="{esc(p)}">page {i + 1}</a>' for i, p in enumerate(pages))
    body = (f"<h1>{esc(title)}</h1><p>{len(rows)} files on {len(pages)} pages.</p>"
            f'<nav class="pages" aria-label="pages">{nav}</nav>{filters(rows)}{index_table(rows, href)}')
    return shell(title, body)


def doc_page(title: str, sections: list[str], k: int, n_pages: Optional[int], index_href: str) -> str:
    links = [f'<a href="{esc(index_href)}">index</a>']
    if k > 0:
        links.append(f'<a href="{k:04d}.html">previous page</a>')
    if n_pages is None or k + 1 < n_pages:
        links.append(f'<a href="{k + 2:04d}.html">next page</a>')
    nav = f'<nav class="pages" aria-label="pages">{"".join(links)}</nav>'
    return shell(f"{title} ({k + 1})", f"<h1>{esc(title)}: page {k + 1}</h1>{nav}{toolbar()}{''.join(sections)}{nav}")


def write_show(docs: Iterable[Document], out: Path, title: str = "hnx review",
               page_docs: int = PAGE_DOCS, page_chars: int = PAGE_CHARS) -> ShowResult:
    """Render `docs` to `out` (one page, or an index and numbered pages in
    `<out stem>_pages/`)."""
    out = Path(out)
    res = ShowResult(out)
    rows: list[dict] = []
    buf: list[str] = []
    chars = 0
    folder = out.with_name(out.stem + "_pages")
    href: dict = {}
    pages: list[str] = []

    def flush(last: bool) -> None:
        nonlocal buf, chars
        k = len(pages)
        name = f"{k + 1:04d}.html"
        page = folder / name
        # a full page links to the next one; if none follows, the link is dropped at the end
        write_atomic(page, doc_page(title, buf, k, k + 1 if last else None, f"../{out.name}"))
        res.pages.append(page)
        pages.append(f"{folder.name}/{name}")
        buf, chars = [], 0

    for doc in docs:
        n = res.documents
        section, row = render_document(doc, n)
        res.documents += 1
        res.mentions += len(doc.mentions)
        res.with_errors += bool(doc.errors)
        rows.append(row)
        href[n] = f"{folder.name}/{len(pages) + 1:04d}.html"
        buf.append(section)
        chars += len(doc.text)
        if len(buf) >= page_docs or chars >= page_chars:
            flush(last=False)
    if not pages:
        write_atomic(out, single_page(title, buf, rows))
        _drop_stale(folder, keep=set())
        return res
    if buf:
        flush(last=True)
    else:   # the last full page said "next page": there is none
        _drop_next_link(res.pages[-1])
    write_atomic(out, index_page(title, rows, href, pages))
    _drop_stale(folder, keep={p.name for p in res.pages})
    return res


def _drop_stale(folder: Path, keep: set) -> None:
    """Numbered pages a previous, longer run left behind."""
    if folder.is_dir():
        for p in folder.glob("[0-9][0-9][0-9][0-9].html"):
            if p.name not in keep:
                p.unlink()
        if not keep and not any(folder.iterdir()):
            folder.rmdir()


def _drop_next_link(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    write_atomic(page, re.sub(r'<a href="\d{4}\.html">next page</a>', "", text))
