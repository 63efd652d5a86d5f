"""The database layout at the newest migration (SQLAlchemy Core).

Every child row is keyed by its document and its position in the record (natural keys,
no sequences), so a reload, a rerun after a crash and an uninterrupted load produce the
same rows. Offsets are `char_start`/`char_end` (`end` is a reserved word in SQL).
Fields this layout does not know (added to the record schema later) are kept in each
row's `extra` JSON column, so nothing a newer toolkit writes is lost.

Changing this module means writing a migration (extract/db/migrations/versions/): a test
compares this metadata with the database the migrations build.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, Date, DateTime, Double, ForeignKeyConstraint, Index, Integer,
                        MetaData, PrimaryKeyConstraint, Table, Text)
from sqlalchemy.dialects import postgresql, sqlite

metadata = MetaData()

# JSONB on PostgreSQL (queryable, indexable), JSON text elsewhere; None is SQL NULL.
Json = JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")
# SQLite keeps timestamps as text: '2024-12-31 17:30:00', without SQLAlchemy's default microseconds
Timestamp = DateTime().with_variant(sqlite.DATETIME(
    storage_format="%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"), "sqlite")


def _doc_fk(*cols: str, parent: str = "documents", parent_cols=("id",)) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(list(cols), [f"{parent}.{c}" for c in parent_cols], ondelete="CASCADE")


documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("schema_version", Text, nullable=False),
    Column("content_hash", Text, nullable=False, comment="sha256 of the record as loaded"),
    Column("source", Text),
    Column("format", Text),
    Column("encoding", Text),
    Column("title", Text),
    Column("published", Text, comment="ISO date as in the record: YYYY-MM-DD, YYYY-MM or YYYY"),
    Column("published_date", Date, comment="first day of `published`"),
    Column("outlet", Text),
    Column("authors", Json),
    Column("url", Text),
    Column("meta_sources", Json),
    Column("text", Text, nullable=False),
    Column("errors", Json),
    Column("n_errors", Integer, nullable=False),
    Column("extra", Json),
    Index("ix_documents_published_date", "published_date"),
    Index("ix_documents_outlet", "outlet"),
)

articles = Table(
    "articles", metadata,
    Column("document_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("title", Text),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("byline", Json),
    Column("outlet", Text),
    Column("published", Text),
    Column("published_date", Date),
    Column("extra", Json),
    PrimaryKeyConstraint("document_id", "idx"),
    _doc_fk("document_id"),
    Index("ix_articles_published_date", "published_date"),
)

institutions = Table(
    "institutions", metadata,
    Column("name", Text, primary_key=True, comment="canonical name"),
    Column("kind", Text),
    Column("level", Text),
    Column("region", Text),
    Index("ix_institutions_region", "region"),
)

mentions = Table(
    "mentions", metadata,
    Column("document_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("raw_start", Integer),
    Column("raw_end", Integer),
    Column("article", Integer),
    Column("sentence", Integer, comment="index of the sentence the mention starts in (。！？；!?; or line break)"),
    Column("value_text", Text, comment="the value when it is a string (dates: ISO)"),
    Column("value_num", Double, comment="the value when it is a number (money, percent)"),
    Column("date_start", Date, comment="first day of a date value"),
    Column("date_end", Date, comment="last day of a date value"),
    Column("grain", Text),
    Column("mod", Text),
    Column("anchor", Text),
    Column("role", Text),
    Column("value_min", Double),
    Column("value_max", Double),
    Column("per", Json),
    Column("currency", Text),
    Column("unit", Text),
    Column("institution", Text, comment="canonical name (institutions.name)"),
    Column("kind", Text),
    Column("level", Text),
    Column("region", Text),
    Column("rule", Text),
    Column("confidence", Double),
    Column("extra", Json),
    PrimaryKeyConstraint("document_id", "idx"),
    _doc_fk("document_id"),
    ForeignKeyConstraint(["document_id", "article"], ["articles.document_id", "articles.idx"], ondelete="CASCADE"),
    ForeignKeyConstraint(["institution"], ["institutions.name"]),
    Index("ix_mentions_type_value", "type", "value_num"),
    Index("ix_mentions_date", "date_start", "date_end"),
    Index("ix_mentions_institution", "institution"),
    Index("ix_mentions_position", "document_id", "type", "char_start"),
)

deadlines = Table(
    "deadlines", metadata,
    Column("document_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("due", Text, comment="ISO value as in the record"),
    Column("due_at", Timestamp, comment="last day of `due` (with its clock time when given)"),
    Column("date_mention", Integer),
    Column("date_text", Text),
    Column("action", Text),
    Column("actor", Text),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("article", Integer),
    Column("extra", Json),
    PrimaryKeyConstraint("document_id", "idx"),
    _doc_fk("document_id"),
    ForeignKeyConstraint(["document_id", "date_mention"], ["mentions.document_id", "mentions.idx"], ondelete="CASCADE"),
    ForeignKeyConstraint(["document_id", "article"], ["articles.document_id", "articles.idx"], ondelete="CASCADE"),
    Index("ix_deadlines_due_at", "due_at"),
)

procedures = Table(
    "procedures", metadata,
    Column("document_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("goal", Text),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("article", Integer),
    Column("extra", Json),
    PrimaryKeyConstraint("document_id", "idx"),
    _doc_fk("document_id"),
    ForeignKeyConstraint(["document_id", "article"], ["articles.document_id", "articles.idx"], ondelete="CASCADE"),
)


def _procedure_part(name: str, *cols: Column) -> Table:
    return Table(
        name, metadata,
        Column("document_id", Text, nullable=False),
        Column("procedure", Integer, nullable=False),
        Column("idx", Integer, nullable=False),
        *cols,
        Column("extra", Json),
        PrimaryKeyConstraint("document_id", "procedure", "idx"),
        ForeignKeyConstraint(["document_id", "procedure"], ["procedures.document_id", "procedures.idx"],
                             ondelete="CASCADE"),
    )


steps = _procedure_part("steps", Column("text", Text, nullable=False),
                        Column("char_start", Integer, nullable=False), Column("char_end", Integer, nullable=False))
channels = _procedure_part("channels", Column("name", Text, nullable=False), Column("kind", Text),
                           Column("text", Text), Column("char_start", Integer), Column("char_end", Integer))
Index("ix_channels_name", channels.c.name)
conditions = _procedure_part("conditions", Column("text", Text, nullable=False),
                             Column("char_start", Integer, nullable=False), Column("char_end", Integer, nullable=False))
procedure_deadlines = Table(
    "procedure_deadlines", metadata,
    Column("document_id", Text, nullable=False),
    Column("procedure", Integer, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("deadline", Integer, nullable=False),
    PrimaryKeyConstraint("document_id", "procedure", "idx"),
    ForeignKeyConstraint(["document_id", "procedure"], ["procedures.document_id", "procedures.idx"], ondelete="CASCADE"),
    ForeignKeyConstraint(["document_id", "deadline"], ["deadlines.document_id", "deadlines.idx"], ondelete="CASCADE"),
)

changes = Table(
    "changes", metadata,
    Column("document_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("quantity", Text),
    Column("from_mention", Integer),
    Column("to_mention", Integer),
    Column("by_mention", Integer),
    Column("direction", Text),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("article", Integer),
    Column("extra", Json),
    PrimaryKeyConstraint("document_id", "idx"),
    _doc_fk("document_id"),
    *(ForeignKeyConstraint(["document_id", c], ["mentions.document_id", "mentions.idx"], ondelete="CASCADE")
      for c in ("from_mention", "to_mention", "by_mention")),
    ForeignKeyConstraint(["document_id", "article"], ["articles.document_id", "articles.idx"], ondelete="CASCADE"),
)

# children first: the order rows of a document are deleted in
CHILD_TABLES = (procedure_deadlines, steps, channels, conditions, procedures, changes, deadlines, mentions, articles)
# parents first: the order tables are exported and documents are inserted in
TABLES = (documents, articles, institutions, mentions, deadlines, procedures, steps, channels, conditions,
          procedure_deadlines, changes)
# the views the migrations create (extract/db/migrations/versions/*_views.py)
VIEWS = ("deadlines_by_institution", "amounts_by_institution_year", "procedures_by_channel",
         "documents_by_outlet_month", "institution_aliases", "institution_documents")
