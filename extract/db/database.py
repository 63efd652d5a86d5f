"""Open a database by URL and bring its layout to the newest migration.

    sqlite:///policy.db (or a bare path: the embedded default, no server)
    postgresql://user@host/db (needs the `postgres` extra: psycopg 3)

The layout revision lives in the table `hnx_alembic_version` (Alembic; its own name so it
does not collide with an application that uses Alembic in the same database). An older
layout is upgraded; a newer or unknown one, or hnx table names already used by something
else, are refused with a message that says what to do.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from .tables import TABLES, VIEWS

VERSION_TABLE = "hnx_alembic_version"
MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(RuntimeError):
    """A database hnx cannot use as it is (the message says why and what to do)."""


@dataclass
class Database:
    engine: sa.Engine
    url: str
    revision: str
    upgraded_from: Optional[str] = None   # the revision found, when it was upgraded
    created: bool = False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def normalize_url(db: str) -> sa.URL:
    """A URL, or a bare file path meaning SQLite."""
    if "://" not in db:
        db = f"sqlite:///{Path(db).expanduser()}"
    try:
        url = sa.make_url(db)
    except sa.exc.ArgumentError as e:
        raise DatabaseError(f"not a database URL: {db!r} ({e})") from None
    backend = url.get_backend_name()
    if backend == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql://user@host/db")
    return url


def create_engine(db: str) -> sa.Engine:
    url = normalize_url(db)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:" and not Path(url.database).parent.exists():
            raise DatabaseError(f"no such folder for the SQLite file: {Path(url.database).parent}")
        engine = sa.create_engine(url, connect_args={"timeout": 60})
        _sqlite_setup(engine)
        return engine
    try:
        return sa.create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as e:
        raise DatabaseError(f"PostgreSQL needs its driver ({e.name} is not installed): "
                            "pip install 'hnx-extract[postgres]'") from None


def _sqlite_setup(engine: sa.Engine) -> None:
    """Foreign keys on, and transactions that hnx opens itself, so that schema changes
    and each chunk of a load are atomic (pysqlite would otherwise commit DDL at once)."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(conn: sa.Connection) -> Optional[str]:
    ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
    return ctx.get_current_revision()


def upgrade(engine: sa.Engine, target: str = "head") -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_database(db: str, create: bool = True) -> Database:
    """The database at `db`, its layout checked and upgraded to the newest revision
    (created when empty, unless `create` is false: reading an empty database is an error)."""
    if not create and normalize_url(db).get_backend_name() == "sqlite":
        path = normalize_url(db).database
        if path and path != ":memory:" and not Path(path).is_file():
            raise DatabaseError(f"no such database file: {path}")
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            found = current_revision(conn)
            names = set(sa.inspect(conn).get_table_names()) | set(sa.inspect(conn).get_view_names())
    except sa.exc.OperationalError as e:
        engine.dispose()
        raise DatabaseError(f"cannot open {_safe(engine)}: {str(e.orig).strip().splitlines()[0]}") from None
    except ModuleNotFoundError as e:
        engine.dispose()
        raise DatabaseError(f"missing database driver {e.name}: pip install 'hnx-extract[postgres]'") from None
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    ours = {t.name for t in TABLES} | set(VIEWS)
    if found is None and names & ours:
        engine.dispose()
        raise DatabaseError(f"{_safe(engine)} already has tables named {', '.join(sorted(names & ours))} that hnx "
                            "did not create (no hnx_alembic_version table): use another database or schema")
    if found is not None:
        try:
            script.get_revision(found)
        except CommandError:
            found_ok = False
        else:
            found_ok = True
        if not found_ok:
            engine.dispose()
            raise DatabaseError(f"{_safe(engine)} has database layout {found!r}, which this hnx does not know "
                                f"(it knows up to {head!r}): it was written by a newer hnx; upgrade hnx")
    if found is None and not create:
        engine.dispose()
        raise DatabaseError(f"{_safe(engine)} holds no hnx tables: load records into it first (hnx load)")
    dbo = Database(engine, _safe(engine), found or "", created=found is None)
    if found != head:
        upgrade(engine)
        dbo.upgraded_from = found
        dbo.revision = head
    return dbo


def _safe(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
