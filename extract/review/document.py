"""One `Document` -> one <section>: its metadata, then each article (or text
between articles) with every mention highlighted, deadline and procedure cards
that scroll to their sentences, and a side table of the mentions."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

from ..schema import Document
from .escape import esc
from .labels import TYPES, type_label
from .layers import Layer, clip, render
from .marks import describe, fmt, goto, mention_layer, safe_type, structure_layers


@dataclass
class Block:
    start: int
    end: int
    article: Optional[Any] = None   # schema.Article, or None for text outside every article


def blocks(doc: Document) -> list[Block]:
    """Articles in text order, plus any non-blank text between or around them."""
    n = len(doc.text)
    arts = sorted(doc.articles, key=lambda a: a.start)
    out: list[Block] = []
    pos = 0
    for a in arts:
        s, e = clip(a.start, a.end, n)
        s = max(s, pos)
        if e <= s:
            continue
        if doc.text[pos:s].strip():
            out.append(Block(pos, s))
        out.append(Block(s, e, a))
        pos = e
    if doc.text[pos:].strip() or not out:
        out.append(Block(pos, n))
    return out


def by_block(starts: list[int], bounds: list[int]) -> list[list[int]]:
    """Indices of items grouped by the block their start falls in."""
    groups: list[list[int]] = [[] for _ in bounds]
    for i, s in enumerate(starts):
        groups[max(0, bisect_right(bounds, s) - 1)].append(i)
    return groups


def title_of(doc: Document) -> str:
    return doc.meta.title or (doc.articles[0].title if doc.articles and doc.articles[0].title else None) \
        or (doc.source or doc.id)


def institutions(doc: Document) -> list[str]:
    names = {(m.name or (m.value if isinstance(m.value, str) else None) or m.text) for m in doc.mentions
             if m.type == "institution"}
    return sorted(n for n in names if n)


def published(doc: Document) -> Optional[str]:
    return doc.meta.published or next((a.published for a in doc.articles if a.published), None)


def _dl(pairs) -> str:
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in pairs if v)
    return f'<dl class="meta">{rows}</dl>' if rows else ""


def meta_html(doc: Document) -> str:
    m = doc.meta
    src = m.sources or {}

    def val(name, v):
        if not v:
            return ""
        how = src.get(name)
        return esc(v) + (f' <span class="src">({esc(how)})</span>' if how else "")

    return _dl([("file", esc(doc.source or "")), ("format", esc(doc.format or "")),
                ("encoding", esc(doc.encoding or "")), ("published", val("published", m.published)),
                ("outlet", val("outlet", m.outlet)), ("authors", val("authors", "、".join(m.authors))),
                ("url", val("url", m.url)), ("id", esc(doc.id))])


def deadline_card(i: int, d: Any, cls: str = "", prefix: str = "d") -> str:
    due = esc(d.due or "?")
    parts = [f'<span class="due">{due}</span>']
    if d.action:
        parts.append(f'<span class="act">{esc(d.action)}</span>')
    if d.actor:
        parts.append(f'<span class="who">{esc(d.actor)}</span>')
    if d.date_text:
        parts.append(f'<span class="said">「{esc(d.date_text)}」</span>')
    label = '<span class="cardkind">deadline 期限</span>' + " ".join(parts)
    return goto(f"{prefix}{i}", label, f"card deadline {cls}".strip())


def procedure_card(i: int, p: Any) -> str:
    head = goto(f"p{i}", f'<span class="cardkind">procedure 流程</span>{esc(p.goal or "")}', "card-head")
    steps = "".join(f"<li>{goto(f'p{i}s{j}', esc(s.text), 'step')}</li>" for j, s in enumerate(p.steps))
    chans = ", ".join(
        goto(f"p{i}h{j}", esc(c.name) + (f' <span class="src">{esc(c.kind)}</span>' if c.kind else ""), "chan")
        if c.start is not None else esc(c.name) for j, c in enumerate(p.channels))
    conds = "".join(f"<li>{goto(f'p{i}c{j}', esc(c.text), 'cond')}</li>" for j, c in enumerate(p.conditions))
    body = head
    if steps:
        body += f'<ol class="steps">{steps}</ol>'
    if chans:
        body += f'<p class="chans">channels 渠道: {chans}</p>'
    if conds:
        body += f'<p class="condh">conditions 条件</p><ul class="conds">{conds}</ul>'
    return f'<div class="card procedure">{body}</div>'


def mention_table(doc: Document, idx: list[int]) -> str:
    if not idx:
        return ""
    rows = []
    for i in idx:
        m = doc.mentions[i]
        typ = safe_type(m.type)
        ok = doc.text[m.start:m.end] == m.text
        warn = "" if ok else ' <span class="warn">offsets do not match the text</span>'
        rows.append(f'<tr class="t-{typ}"><td class="n">{i}</td><td><span class="sw t-{typ}">{esc(type_label(typ))}</span></td>'
                    f"<td>{goto(f'm{i}', esc(m.text))}{warn}</td><td>{esc(describe(m))}</td>"
                    f"<td>{esc(m.rule or '')}</td></tr>")
    return ('<details class="mtable" open><summary>mentions 提及 '
            f'({len(idx)})</summary><table><thead><tr><th>#</th><th>type</th><th>text</th>'
            '<th>value</th><th>rule</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></details>")


def article_head(b: Block, k: int) -> str:
    a = b.article
    if a is None:
        return '<h3 class="outside">text outside the articles 正文之外</h3>'
    bits = [esc(x) for x in (a.outlet, a.published, "、".join(a.byline)) if x]
    sub = f'<p class="ameta">{" · ".join(bits)}</p>' if bits else ""
    return f'<h3>article {a.index + 1}: <span lang="zh-CN">{esc(a.title or "")}</span></h3>{sub}'


def render_document(doc: Document, n: int) -> tuple[str, dict]:
    """(section HTML, index row) of document number `n` (its section id is doc-n)."""
    text = doc.text
    size = len(text)
    bl = blocks(doc)
    bounds = [b.start for b in bl]
    layers: list[Layer] = [mention_layer("m", i, m, size) for i, m in enumerate(doc.mentions)]
    layers += structure_layers(doc, size)
    layers.sort(key=lambda l: l.start)
    m_groups = by_block([clip(m.start, m.end, size)[0] for m in doc.mentions], bounds)
    d_groups = by_block([clip(d.start, d.end, size)[0] for d in doc.deadlines], bounds)
    p_groups = by_block([clip(p.start, p.end, size)[0] for p in doc.procedures], bounds)
    starts = [l.start for l in layers]
    parts = []
    for k, b in enumerate(bl):
        # layers that start before the block's end and end after its start
        touching = [l for l in layers[:bisect_right(starts, b.end)] if l.end > b.start or l.start == l.end >= b.start]
        body = render(text, b.start, b.end, touching)
        cards = "".join(deadline_card(i, doc.deadlines[i]) for i in d_groups[k])
        cards += "".join(procedure_card(i, doc.procedures[i]) for i in p_groups[k])
        side = (f'<div class="cards">{cards}</div>' if cards else "") + mention_table(doc, m_groups[k])
        parts.append(f'<article class="art">{article_head(b, k)}<div class="grid">'
                     f'<div class="text" lang="zh-CN">{body}</div><aside class="side">{side}</aside></div></article>')
    errors = "".join(f"<li>{esc(e.stage)}: {esc(e.message)}</li>" for e in doc.errors)
    row = index_row(doc, n)
    head = (f'<header><h2 lang="zh-CN">{esc(title_of(doc))}</h2>{meta_html(doc)}'
            + (f'<ul class="errors">{errors}</ul>' if errors else "") + "</header>")
    section = (f'<section class="doc" id="doc-{n}" data-scope{row_attrs(row)}>{head}{"".join(parts)}</section>')
    return section, row


def index_row(doc: Document, n: int) -> dict:
    counts = Counter(safe_type(m.type) for m in doc.mentions)
    return {"n": n, "title": title_of(doc), "source": doc.source or "", "published": published(doc) or "",
            "outlet": doc.meta.outlet or "", "counts": {t: counts.get(t, 0) for t in TYPES},
            "deadlines": len(doc.deadlines), "procedures": len(doc.procedures),
            "institutions": institutions(doc), "errors": len(doc.errors), "authors": list(doc.meta.authors)}


def row_attrs(row: dict) -> str:
    """The attributes the index filters read on a document's section."""
    from .index import search_text, types_of

    return (f' data-types="{esc(" ".join(types_of(row)))}" data-pub="{esc(row["published"])}"'
            f' data-inst="{esc(chr(10).join(row["institutions"]).lower())}" data-search="{esc(search_text(row))}"')


__all__ = ["render_document", "index_row", "row_attrs", "blocks", "fmt"]
