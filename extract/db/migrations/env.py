"""Alembic environment: hnx runs migrations on a connection it opened itself
(extract.db.database.upgrade); there is no alembic.ini and no offline mode."""
from alembic import context

from extract.db.database import VERSION_TABLE
from extract.db.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise SystemExit("hnx migrations run through `hnx load` / extract.db.open_database, not the alembic command")
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                  render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
