"""A record (`extract.schema.Document` as JSON) -> the rows of every table, and back.

Each table maps the record fields it knows to columns (FIELDS below); whatever else an
item carries (a field a newer toolkit added) goes to the row's `extra` JSON, and
`record()` puts it back, so records -> rows -> records is exact.
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Optional

from pydantic import ValidationError

from ..schema import SCHEMA_VERSION, Document
from .validate import validator
from .values import due_at, first_day, period

# record field -> column, per table (the `value` of a mention and the nested lists are special)
FIELDS: dict[str, list[tuple[str, str]]] = {
    "documents": [("schema_version", "schema_version"), ("id", "id"), ("source", "source"),
                  ("format", "format"), ("encoding", "encoding"), ("text", "text")],
    "meta": [("title", "title"), ("published", "published"), ("outlet", "outlet"), ("authors", "authors"),
             ("url", "url"), ("sources", "meta_sources")],
    "articles": [("index", "idx"), ("title", "title"), ("start", "char_start"), ("end", "char_end"),
                 ("byline", "byline"), ("outlet", "outlet"), ("published", "published")],
    "mentions": [("type", "type"), ("start", "char_start"), ("end", "char_end"), ("text", "text"),
                 ("raw_start", "raw_start"), ("raw_end", "raw_end"), ("article", "article"),
                 ("grain", "grain"), ("mod", "mod"), ("anchor", "anchor"), ("role", "role"),
                 ("min", "value_min"), ("max", "value_max"), ("per", "per"), ("currency", "currency"),
                 ("unit", "unit"), ("name", "institution"), ("kind", "kind"), ("level", "level"),
                 ("region", "region"), ("rule", "rule"), ("confidence", "confidence")],
    "deadlines": [("due", "due"), ("date", "date_mention"), ("date_text", "date_text"), ("action", "action"),
                  ("actor", "actor"), ("start", "char_start"), ("end", "char_end"), ("article", "article")],
    "procedures": [("goal", "goal"), ("start", "char_start"), ("end", "char_end"), ("article", "article")],
    "steps": [("text", "text"), ("start", "char_start"), ("end", "char_end")],
    "channels": [("name", "name"), ("kind", "kind"), ("text", "text"), ("start", "char_start"), ("end", "char_end")],
    "conditions": [("text", "text"), ("start", "char_start"), ("end", "char_end")],
    "changes": [("quantity", "quantity"), ("from", "from_mention"), ("to", "to_mention"), ("by", "by_mention"),
                ("direction", "direction"), ("start", "char_start"), ("end", "char_end"), ("article", "article")],
}
# fields handled outside FIELDS
_SPECIAL = {"documents": {"meta", "articles", "mentions", "deadlines", "procedures", "changes", "errors"},
            "mentions": {"value"}, "procedures": {"steps", "channels", "conditions", "deadlines"}}
_PARTS = ("steps", "channels", "conditions")
_MAJOR = SCHEMA_VERSION.split(".")[0]
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


class RecordError(ValueError):
    """A record that cannot be loaded (the message says why)."""


@dataclass
class Prepared:
    id: str
    content_hash: str
    rows: dict[str, list[dict]] = field(default_factory=dict)
    institutions: dict[str, dict] = field(default_factory=dict)


def content_hash(record: dict) -> str:
    canon = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


_KNOWN = {table: frozenset(f for f, _ in fields) | _SPECIAL.get(table, set()) for table, fields in FIELDS.items()}


def _split(item: dict, table: str) -> tuple[dict, Optional[dict]]:
    """(the fields the table knows, the others or None); the item itself when it has no
    others (the common case: do not change what this returns)."""
    known = _KNOWN[table]
    if item.keys() <= known:
        return item, None
    extra = {k: v for k, v in item.items() if k not in known}
    return {k: v for k, v in item.items() if k in known}, (extra or None)


def _strip(record: dict) -> dict:
    """The part of a record the tables know, for validation against `Document`."""
    top = dict(_split(record, "documents")[0])
    top["meta"] = _split(record.get("meta") or {}, "meta")[0]
    for name in ("articles", "mentions", "deadlines", "changes"):
        top[name] = [_split(x, name)[0] if isinstance(x, dict) else x for x in record.get(name) or []]
    procs = []
    for p in record.get("procedures") or []:
        if isinstance(p, dict):
            p = dict(_split(p, "procedures")[0])
            for part in _PARTS:
                p[part] = [_split(x, part)[0] if isinstance(x, dict) else x for x in p.get(part) or []]
        procs.append(p)
    top["procedures"] = procs
    top["errors"] = [{k: e.get(k) for k in ("stage", "message")} if isinstance(e, dict) else e
                     for e in record.get("errors") or []]
    return top


def prepare(record: Any, validate: bool = True) -> Prepared:
    """The rows of one record (a dict parsed from JSON, or a Document)."""
    if isinstance(record, Document):
        record, validate = record.model_dump(mode="json", by_alias=True), False
    if not isinstance(record, dict):
        raise RecordError(f"a record is a JSON object, not {type(record).__name__}")
    version = str(record.get("schema_version") or SCHEMA_VERSION)
    if version.split(".")[0] != _MAJOR:
        raise RecordError(f"record schema {version} is not readable by this hnx (schema {SCHEMA_VERSION}): "
                          "load it with the hnx version that wrote it, or re-run the extraction")
    try:
        canon = content_hash(record)
    except (TypeError, ValueError) as e:
        raise RecordError(f"not a JSON record: {e}") from None
    known = _strip(record)
    if validate:
        try:    # the schema's validators, defaults filled in: what model_validate + model_dump give
            known = validator(Document).validate_python(known)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise RecordError(f"invalid record{_id_hint(record)}: {where}: {first['msg']}"
                              + (f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else "")) from None
    out = Prepared(id=known["id"], content_hash=canon)
    _check_references(known)
    _rows(out, record, known)
    return out


def _id_hint(record: dict) -> str:
    return f" {record['id']}" if isinstance(record.get("id"), str) else ""


def _check_references(doc: dict) -> None:
    arts = {a["index"] for a in doc["articles"]}
    if len(arts) != len(doc["articles"]):
        raise RecordError(f"record {doc['id']}: two articles share an index")
    n_mentions, n_deadlines = len(doc["mentions"]), len(doc["deadlines"])

    def bad(msg: str):
        raise RecordError(f"record {doc['id']}: {msg}")

    for name in ("mentions", "deadlines", "procedures", "changes"):
        for i, item in enumerate(doc[name]):
            if item.get("article") is not None and item["article"] not in arts:
                bad(f"{name}[{i}].article = {item['article']}: no such article")
    for i, d in enumerate(doc["deadlines"]):
        if d["date"] is not None and not 0 <= d["date"] < n_mentions:
            bad(f"deadlines[{i}].date = {d['date']}: no such mention")
    for i, c in enumerate(doc["changes"]):
        for key in ("from", "to", "by"):
            if c[key] is not None and not 0 <= c[key] < n_mentions:
                bad(f"changes[{i}].{key} = {c[key]}: no such mention")
    for i, p in enumerate(doc["procedures"]):
        for j in p["deadlines"]:
            if not 0 <= j < n_deadlines:
                bad(f"procedures[{i}].deadlines: {j}: no such deadline")


_COLUMNS = {table: tuple(col for _, col in fields) for table, fields in FIELDS.items()}
_GETTERS = {table: itemgetter(*(f for f, _ in fields)) for table, fields in FIELDS.items()}


def _cols(table: str, item: dict) -> dict:
    try:    # a validated item holds every field
        return dict(zip(_COLUMNS[table], _GETTERS[table](item)))
    except KeyError:
        return {col: item.get(f) for f, col in FIELDS[table]}


def _rows(out: Prepared, raw: dict, doc: dict) -> None:
    doc_id = doc["id"]
    meta, raw_meta = doc["meta"], raw.get("meta") or {}
    extra = _split(raw, "documents")[1]
    meta_extra = _split(raw_meta, "meta")[1] if isinstance(raw_meta, dict) else None
    if meta_extra:
        extra = {**(extra or {}), "meta": meta_extra}
    row = _cols("documents", doc) | _cols("meta", meta)
    row.update(content_hash=out.content_hash, published_date=first_day(meta["published"]),
               errors=raw.get("errors") or [], n_errors=len(doc["errors"]), extra=extra)
    out.rows["documents"] = [row]

    def items(name: str, known: list, raw_items: list, **keys) -> list[dict]:
        rows, fields = [], _KNOWN[name]
        for i, (item, raw_item) in enumerate(zip(known, raw_items)):
            r = _cols(name, item)
            r.update(keys, document_id=doc_id, idx=i)
            r["extra"] = None if raw_item.keys() <= fields else _split(raw_item, name)[1]
            rows.append(r)
        return rows

    arts = items("articles", doc["articles"], raw.get("articles") or [])
    for r, a in zip(arts, doc["articles"]):
        r["idx"] = a["index"]
        r["published_date"] = first_day(a["published"])
    out.rows["articles"] = arts

    ments = items("mentions", doc["mentions"], raw.get("mentions") or [])
    ends = [m.start() for m in _SENTENCE_END.finditer(doc["text"])]
    for r, m in zip(ments, doc["mentions"]):
        r["sentence"] = bisect_right(ends, m["start"] - 1) if 0 <= m["start"] <= len(doc["text"]) else None
        v = m.get("value")
        r["value_text"] = v if isinstance(v, str) else None
        r["value_num"] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
        r["date_start"], r["date_end"] = period(v)[:2] if m["type"] == "date" else (None, None)
        if r["institution"] is not None:
            out.institutions.setdefault(r["institution"], {"name": r["institution"], "kind": m.get("kind"),
                                                           "level": m.get("level"), "region": m.get("region")})
    out.rows["mentions"] = ments

    dls = items("deadlines", doc["deadlines"], raw.get("deadlines") or [])
    for r in dls:
        r["due_at"] = due_at(r["due"])
    out.rows["deadlines"] = dls

    raw_procs = raw.get("procedures") or []
    out.rows["procedures"] = items("procedures", doc["procedures"], raw_procs)
    for part in _PARTS:
        out.rows[part] = [r for i, (p, rp) in enumerate(zip(doc["procedures"], raw_procs))
                          for r in items(part, p[part], rp.get(part) or [], procedure=i)]
    out.rows["procedure_deadlines"] = [{"document_id": doc_id, "procedure": i, "idx": j, "deadline": d}
                                       for i, p in enumerate(doc["procedures"]) for j, d in enumerate(p["deadlines"])]
    out.rows["changes"] = items("changes", doc["changes"], raw.get("changes") or [])


# ---- rows -> record ---------------------------------------------------------------------

def _fields(table: str, row: dict) -> dict:
    return {f: row[col] for f, col in FIELDS[table]}


def _with_extra(item: dict, row: dict) -> dict:
    if row.get("extra"):
        item.update(row["extra"])
    return item


def _number(v: Optional[float]):
    return int(v) if v is not None and v.is_integer() and abs(v) < 2 ** 53 else v


def record(doc: dict, children: dict[str, list[dict]]) -> dict:
    """The record of a document row and its child rows (each list in `idx` order)."""
    extra = dict(doc.get("extra") or {})
    meta = _fields("meta", doc) | (extra.pop("meta", None) or {})
    out = _fields("documents", doc)
    out["meta"] = meta
    out["articles"] = [_with_extra(_fields("articles", r), r) for r in children["articles"]]
    mentions = []
    for r in children["mentions"]:
        m = _fields("mentions", r)
        m["value"] = r["value_text"] if r["value_text"] is not None else _number(r["value_num"])
        mentions.append(_with_extra(m, r))
    out["mentions"] = mentions
    out["deadlines"] = [_with_extra(_fields("deadlines", r), r) for r in children["deadlines"]]
    by_proc: dict[tuple[str, int], list] = {}
    for part in _PARTS:
        for c in children[part]:
            by_proc.setdefault((part, c["procedure"]), []).append(_with_extra(_fields(part, c), c))
    for c in children["procedure_deadlines"]:
        by_proc.setdefault(("deadlines", c["procedure"]), []).append(c["deadline"])
    procs = []
    for r in children["procedures"]:
        p = _fields("procedures", r)
        for part in (*_PARTS, "deadlines"):
            p[part] = by_proc.get((part, r["idx"]), [])
        procs.append(_with_extra(p, r))
    out["procedures"] = procs
    out["changes"] = [_with_extra(_fields("changes", r), r) for r in children["changes"]]
    out["errors"] = doc.get("errors") or []
    out.update(extra)
    return out
