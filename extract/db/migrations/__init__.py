"""Alembic migrations of the hnx database layout (run by extract.db.database)."""
