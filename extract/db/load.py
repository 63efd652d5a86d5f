"""Load records into the database: upsert by document id, in chunks.

Each chunk is one transaction. In it, a document whose record is unchanged (same content
hash) is skipped, a changed one loses all its old rows and gets its new ones, a new one is
inserted; institutions no longer mentioned by any document are removed. A crash loses at
most the chunk in flight, and a rerun of the same input completes the load: the database
then equals the one an uninterrupted load gives (natural keys, no sequences).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from .insert import Inserter
from .rows import Prepared, RecordError, prepare
from .tables import CHILD_TABLES, TABLES, documents, institutions, mentions

DEFAULT_CHUNK = 200


@dataclass
class LoadStats:
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    superseded: int = 0     # a later record of the same id came in the same chunk
    chunks: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        return self.inserted + self.replaced

    def summary(self) -> str:
        return (f"{self.inserted} documents inserted, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.failed} not loaded" + (f", {self.superseded} superseded" if self.superseded else ""))


class Loader:
    """Collects records and writes them a chunk at a time (use as a context manager, or
    call close() at the end so that the last chunk is written)."""

    def __init__(self, engine: sa.Engine, chunk_size: int = DEFAULT_CHUNK,
                 on_error: Optional[Callable[[str], None]] = None):
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        self.engine, self.chunk_size, self.on_error = engine, chunk_size, on_error
        self.stats = LoadStats()
        self._pending: list[tuple[Prepared, str]] = []
        self._inserters: dict[str, Inserter] = {}

    def __enter__(self) -> "Loader":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()

    def add(self, record: Any, where: str = "") -> bool:
        """Queue a record (dict or Document); False (and an error reported) if it is unusable."""
        try:
            prepared = prepare(record)
        except RecordError as e:
            self._fail(f"{where}: {e}" if where else str(e))
            return False
        self._pending.append((prepared, where))
        if len(self._pending) >= self.chunk_size:
            self.flush()
        return True

    def add_all(self, records: Iterable[Any]) -> LoadStats:
        for rec in records:
            self.add(rec)
        self.close()
        return self.stats

    def close(self) -> LoadStats:
        self.flush()
        return self.stats

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        latest: dict[str, tuple[Prepared, str]] = {}
        for item in batch:              # the same document twice in one chunk: the later one wins
            latest.pop(item[0].id, None)
            latest[item[0].id] = item
        self.stats.superseded += len(batch) - len(latest)
        try:
            with self.engine.begin() as conn:
                self._write(conn, [p for p, _ in latest.values()])
        except (sa.exc.IntegrityError, sa.exc.DataError, sa.exc.ProgrammingError, ValueError) as first:
            if len(latest) == 1:
                (p, where), = latest.values()
                self._fail(f"{where or p.id}: the database refused the record: {_first_line(first)}")
            else:                       # find the record the database refuses; load the others
                for p, where in latest.values():
                    try:
                        with self.engine.begin() as conn:
                            self._write(conn, [p])
                    except (sa.exc.IntegrityError, sa.exc.DataError, sa.exc.ProgrammingError, ValueError) as e:
                        self._fail(f"{where or p.id}: the database refused the record: {_first_line(e)}")
        self.stats.chunks += 1

    def _compile(self, dialect: sa.Dialect) -> dict[str, Inserter]:
        insert = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
        for table in TABLES:
            statement = (insert(table).on_conflict_do_nothing(index_elements=["name"])
                         if table is institutions else None)
            self._inserters[table.name] = Inserter(table, dialect, statement)
        return self._inserters

    def _fail(self, message: str) -> None:
        self.stats.failed += 1
        self.stats.errors.append(message)
        if self.on_error:
            self.on_error(message)

    def _write(self, conn: sa.Connection, batch: list[Prepared]) -> None:
        ids = [p.id for p in batch]
        stored = dict(conn.execute(sa.select(documents.c.id, documents.c.content_hash)
                                   .where(documents.c.id.in_(ids))).all())
        todo = [p for p in batch if stored.get(p.id) != p.content_hash]
        replaced = [p.id for p in todo if p.id in stored]
        orphans: list[str] = []
        if replaced:
            orphans = list(conn.execute(sa.select(mentions.c.institution).distinct()
                                        .where(mentions.c.document_id.in_(replaced),
                                               mentions.c.institution.is_not(None))).scalars())
            for table in CHILD_TABLES:
                conn.execute(sa.delete(table).where(table.c.document_id.in_(replaced)))
            conn.execute(sa.delete(documents).where(documents.c.id.in_(replaced)))
        names = {}
        for p in todo:
            for name, row in p.institutions.items():
                names.setdefault(name, row)
        inserters = self._inserters or self._compile(conn.dialect)
        for table in TABLES:
            if table is institutions:
                rows = list(names.values())
            else:
                rows = [r for p in todo for r in p.rows[table.name]]
            inserters[table.name].run(conn, rows)
        if orphans:
            still_named = sa.exists().where(mentions.c.institution == institutions.c.name)
            conn.execute(sa.delete(institutions).where(institutions.c.name.in_(orphans), ~still_named))
        self.stats.inserted += len(todo) - len(replaced)
        self.stats.replaced += len(replaced)
        self.stats.unchanged += len(batch) - len(todo)


def _first_line(e: Exception) -> str:
    orig = getattr(e, "orig", None) or e
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def load_records(engine: sa.Engine, records: Iterable[Any], chunk_size: int = DEFAULT_CHUNK,
                 on_error: Optional[Callable[[str], None]] = None) -> LoadStats:
    """Load records (dicts parsed from JSON, or Documents) and return the counts."""
    return Loader(engine, chunk_size, on_error).add_all(records)
