"""Records back out of the database (records -> database -> records is exact)."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import sqlalchemy as sa

from .rows import record
from .tables import CHILD_TABLES, documents

BATCH = 200


def document_ids(conn: sa.Connection) -> list[str]:
    return list(conn.execute(sa.select(documents.c.id).order_by(documents.c.id)).scalars())


def read_records(engine: sa.Engine, ids: Optional[Iterable[str]] = None) -> Iterator[dict]:
    """The records of the given documents (all, ordered by id, by default), as dicts
    equal to the JSON the toolkit wrote (Document.model_validate turns one back)."""
    with engine.connect() as conn:
        wanted = list(ids) if ids is not None else document_ids(conn)
        for i in range(0, len(wanted), BATCH):
            yield from _batch(conn, wanted[i:i + BATCH])


def _batch(conn: sa.Connection, ids: list[str]) -> Iterator[dict]:
    docs = {r["id"]: r for r in conn.execute(sa.select(documents).where(documents.c.id.in_(ids))).mappings()}
    children: dict[str, dict[str, list[dict]]] = {i: {t.name: [] for t in CHILD_TABLES} for i in docs}
    for table in CHILD_TABLES:
        order = [table.c.document_id] + [c for c in (table.c.get("procedure"), table.c.idx) if c is not None]
        for row in conn.execute(sa.select(table).where(table.c.document_id.in_(ids)).order_by(*order)).mappings():
            children[row["document_id"]][table.name].append(dict(row))
    for doc_id in ids:
        if doc_id in docs:
            yield record(dict(docs[doc_id]), children[doc_id])
