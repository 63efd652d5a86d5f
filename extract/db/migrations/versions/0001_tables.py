"""The tables of record schema 1.x: documents, articles, institutions, mentions, deadlines,
procedures with their steps, channels, conditions and deadlines, changes.

A migration is frozen: it spells out its own columns rather than importing
extract.db.tables, which moves on with later revisions.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql, sqlite

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")
Timestamp = sa.DateTime().with_variant(sqlite.DATETIME(
    storage_format="%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"), "sqlite")


def _id(name="document_id"):
    return sa.Column(name, sa.Text, nullable=False)


def _span(nullable=False):
    return [sa.Column("char_start", sa.Integer, nullable=nullable), sa.Column("char_end", sa.Integer, nullable=nullable)]


def _fk_doc():
    return sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE")


def _fk_article():
    return sa.ForeignKeyConstraint(["document_id", "article"], ["articles.document_id", "articles.idx"],
                                   ondelete="CASCADE")


def _fk_procedure():
    return sa.ForeignKeyConstraint(["document_id", "procedure"], ["procedures.document_id", "procedures.idx"],
                                   ondelete="CASCADE")


def _fk_mention(col):
    return sa.ForeignKeyConstraint(["document_id", col], ["mentions.document_id", "mentions.idx"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("schema_version", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False, comment="sha256 of the record as loaded"),
        sa.Column("source", sa.Text), sa.Column("format", sa.Text), sa.Column("encoding", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text, comment="ISO date as in the record: YYYY-MM-DD, YYYY-MM or YYYY"),
        sa.Column("published_date", sa.Date, comment="first day of `published`"),
        sa.Column("outlet", sa.Text), sa.Column("authors", Json), sa.Column("url", sa.Text),
        sa.Column("meta_sources", Json), sa.Column("text", sa.Text, nullable=False),
        sa.Column("errors", Json), sa.Column("n_errors", sa.Integer, nullable=False), sa.Column("extra", Json),
    )
    op.create_index("ix_documents_published_date", "documents", ["published_date"])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_table(
        "articles",
        _id(), sa.Column("idx", sa.Integer, nullable=False), sa.Column("title", sa.Text), *_span(),
        sa.Column("byline", Json), sa.Column("outlet", sa.Text), sa.Column("published", sa.Text),
        sa.Column("published_date", sa.Date), sa.Column("extra", Json),
        sa.PrimaryKeyConstraint("document_id", "idx"), _fk_doc(),
    )
    op.create_index("ix_articles_published_date", "articles", ["published_date"])
    op.create_table(
        "institutions",
        sa.Column("name", sa.Text, primary_key=True, comment="canonical name"),
        sa.Column("kind", sa.Text), sa.Column("level", sa.Text), sa.Column("region", sa.Text),
    )
    op.create_index("ix_institutions_region", "institutions", ["region"])
    op.create_table(
        "mentions",
        _id(), sa.Column("idx", sa.Integer, nullable=False), sa.Column("type", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False), *_span(),
        sa.Column("raw_start", sa.Integer), sa.Column("raw_end", sa.Integer), sa.Column("article", sa.Integer),
        sa.Column("sentence", sa.Integer,
                  comment="index of the sentence the mention starts in (。！？；!?; or line break)"),
        sa.Column("value_text", sa.Text, comment="the value when it is a string (dates: ISO)"),
        sa.Column("value_num", sa.Double, comment="the value when it is a number (money, percent)"),
        sa.Column("date_start", sa.Date, comment="first day of a date value"),
        sa.Column("date_end", sa.Date, comment="last day of a date value"),
        sa.Column("grain", sa.Text), sa.Column("mod", sa.Text), sa.Column("anchor", sa.Text), sa.Column("role", sa.Text),
        sa.Column("value_min", sa.Double), sa.Column("value_max", sa.Double), sa.Column("per", Json),
        sa.Column("currency", sa.Text), sa.Column("unit", sa.Text),
        sa.Column("institution", sa.Text, comment="canonical name (institutions.name)"),
        sa.Column("kind", sa.Text), sa.Column("level", sa.Text), sa.Column("region", sa.Text),
        sa.Column("rule", sa.Text), sa.Column("confidence", sa.Double), sa.Column("extra", Json),
        sa.PrimaryKeyConstraint("document_id", "idx"), _fk_doc(), _fk_article(),
        sa.ForeignKeyConstraint(["institution"], ["institutions.name"]),
    )
    op.create_index("ix_mentions_type_value", "mentions", ["type", "value_num"])
    op.create_index("ix_mentions_date", "mentions", ["date_start", "date_end"])
    op.create_index("ix_mentions_institution", "mentions", ["institution"])
    op.create_index("ix_mentions_position", "mentions", ["document_id", "type", "char_start"])
    op.create_table(
        "deadlines",
        _id(), sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("due", sa.Text, comment="ISO value as in the record"),
        sa.Column("due_at", Timestamp, comment="last day of `due` (with its clock time when given)"),
        sa.Column("date_mention", sa.Integer), sa.Column("date_text", sa.Text), sa.Column("action", sa.Text),
        sa.Column("actor", sa.Text), *_span(), sa.Column("article", sa.Integer), sa.Column("extra", Json),
        sa.PrimaryKeyConstraint("document_id", "idx"), _fk_doc(), _fk_mention("date_mention"), _fk_article(),
    )
    op.create_index("ix_deadlines_due_at", "deadlines", ["due_at"])
    op.create_table(
        "procedures",
        _id(), sa.Column("idx", sa.Integer, nullable=False), sa.Column("goal", sa.Text), *_span(),
        sa.Column("article", sa.Integer), sa.Column("extra", Json),
        sa.PrimaryKeyConstraint("document_id", "idx"), _fk_doc(), _fk_article(),
    )
    parts = {
        "steps": [sa.Column("text", sa.Text, nullable=False), *_span()],
        "channels": [sa.Column("name", sa.Text, nullable=False), sa.Column("kind", sa.Text),
                     sa.Column("text", sa.Text), *_span(nullable=True)],
        "conditions": [sa.Column("text", sa.Text, nullable=False), *_span()],
    }
    for name, cols in parts.items():
        op.create_table(
            name,
            _id(), sa.Column("procedure", sa.Integer, nullable=False), sa.Column("idx", sa.Integer, nullable=False),
            *cols, sa.Column("extra", Json),
            sa.PrimaryKeyConstraint("document_id", "procedure", "idx"), _fk_procedure(),
        )
    op.create_index("ix_channels_name", "channels", ["name"])
    op.create_table(
        "procedure_deadlines",
        _id(), sa.Column("procedure", sa.Integer, nullable=False), sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("deadline", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "procedure", "idx"), _fk_procedure(),
        sa.ForeignKeyConstraint(["document_id", "deadline"], ["deadlines.document_id", "deadlines.idx"],
                                ondelete="CASCADE"),
    )
    op.create_table(
        "changes",
        _id(), sa.Column("idx", sa.Integer, nullable=False), sa.Column("quantity", sa.Text),
        sa.Column("from_mention", sa.Integer), sa.Column("to_mention", sa.Integer), sa.Column("by_mention", sa.Integer),
        sa.Column("direction", sa.Text), *_span(), sa.Column("article", sa.Integer), sa.Column("extra", Json),
        sa.PrimaryKeyConstraint("document_id", "idx"), _fk_doc(),
        _fk_mention("from_mention"), _fk_mention("to_mention"), _fk_mention("by_mention"), _fk_article(),
    )


def downgrade() -> None:
    for name in ("changes", "procedure_deadlines", "conditions", "channels", "steps", "procedures", "deadlines",
                 "mentions", "institutions", "articles", "documents"):
        op.drop_table(name)
