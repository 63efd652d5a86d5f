"""Records into a real database (SQLAlchemy 2 Core; SQLite built in, PostgreSQL with the
`postgres` extra): normalized tables, views for the first questions, idempotent chunked
loads, versioned layout (Alembic migrations), CSV/Parquet export. See docs/database.md.

    from extract.db import open_database, load_records, read_records
    db = open_database("sqlite:///policy.db")
    stats = load_records(db.engine, records)        # dicts parsed from JSONL, or Documents
    again = list(read_records(db.engine))           # the same records back
"""
from .database import Database, DatabaseError, open_database
from .load import Loader, LoadStats, load_records
from .read import read_records
from .rows import RecordError

__all__ = ["Database", "DatabaseError", "open_database", "Loader", "LoadStats", "load_records",
           "read_records", "RecordError"]
