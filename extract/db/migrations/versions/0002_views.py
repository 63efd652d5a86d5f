"""Views for the first questions: deadlines by region and institution, amounts by
institution and year, procedures by channel, documents per outlet per month, and the
aliases and documents of each institution.

Attribution is positional, as a reader would do it: a deadline belongs to the first
institution named inside its sentence, else to the last one named before it in its
article; an amount belongs to the nearest institution named before it in its sentence,
else to the first one named after it in that sentence, else to the last one named before
it in its article. Each row says which (`attributed_by`): each amount counts once.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import CreateView, DropView

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# frozen column stubs: the views see the tables as revision 0001 made them
documents = sa.table("documents", *(sa.column(c) for c in ("id", "title", "outlet", "published")))
articles = sa.table("articles", *(sa.column(c) for c in ("document_id", "idx", "published")))
institutions = sa.table("institutions", *(sa.column(c) for c in ("name", "kind", "level", "region")))
mentions = sa.table("mentions", *(sa.column(c) for c in (
    "document_id", "idx", "type", "text", "char_start", "char_end", "article", "sentence", "value_num", "value_min",
    "value_max", "currency", "institution")))
deadlines = sa.table("deadlines", *(sa.column(c) for c in (
    "document_id", "idx", "due", "due_at", "action", "actor", "char_start", "char_end", "article")))
channels = sa.table("channels", *(sa.column(c) for c in ("document_id", "procedure", "name", "kind")))
procedures = sa.table("procedures", *(sa.column(c) for c in ("document_id", "idx", "goal")))


def _named(m, document_id):
    return sa.and_(m.c.document_id == document_id, m.c.type == "institution", m.c.institution.is_not(None))


def _same_article(m, article):
    return sa.or_(article.is_(None), m.c.article == article)


def _deadlines_by_institution():
    d, m = deadlines.alias("d"), mentions.alias("m")
    inside = (sa.select(m.c.institution)
              .where(_named(m, d.c.document_id), m.c.char_start >= d.c.char_start, m.c.char_end <= d.c.char_end)
              .order_by(m.c.char_start).limit(1).scalar_subquery())
    before = (sa.select(m.c.institution)
              .where(_named(m, d.c.document_id), m.c.char_start < d.c.char_start, _same_article(m, d.c.article))
              .order_by(m.c.char_start.desc()).limit(1).scalar_subquery())
    attributed = (sa.select(d.c.document_id, d.c.idx, d.c.due, d.c.due_at, d.c.action, d.c.actor,
                            inside.label("named_inside"), before.label("named_before"))
                  .subquery("attributed"))
    name = sa.func.coalesce(attributed.c.named_inside, attributed.c.named_before)
    how = sa.case((attributed.c.named_inside.is_not(None), "in_sentence"),
                  (attributed.c.named_before.is_not(None), "named_before"))
    return (sa.select(attributed.c.due_at, attributed.c.due, institutions.c.region,
                      name.label("institution"), institutions.c.kind.label("institution_kind"),
                      how.label("attributed_by"), attributed.c.actor, attributed.c.action,
                      attributed.c.document_id, attributed.c.idx.label("deadline"),
                      documents.c.outlet, documents.c.published, documents.c.title)
            .select_from(attributed)
            .join(documents, documents.c.id == attributed.c.document_id)
            .outerjoin(institutions, institutions.c.name == name))


def _amounts_by_institution_year():
    a, m = mentions.alias("a"), mentions.alias("m")
    same = sa.and_(_named(m, a.c.document_id), m.c.sentence == a.c.sentence)
    before = (sa.select(m.c.institution).where(same, m.c.char_start < a.c.char_start)
              .order_by(m.c.char_start.desc()).limit(1).scalar_subquery())
    after = (sa.select(m.c.institution).where(same, m.c.char_start > a.c.char_start)
             .order_by(m.c.char_start).limit(1).scalar_subquery())
    earlier = (sa.select(m.c.institution)
               .where(_named(m, a.c.document_id), m.c.char_start < a.c.char_start, _same_article(m, a.c.article))
               .order_by(m.c.char_start.desc()).limit(1).scalar_subquery())
    published = sa.func.coalesce(articles.c.published, documents.c.published)
    found = (sa.select(a.c.document_id, a.c.value_num, a.c.value_min, a.c.value_max, a.c.currency,
                       sa.func.coalesce(before, after).label("in_sentence"), earlier.label("named_before"),
                       sa.func.substr(published, 1, 4).label("year"))
             .select_from(a)
             .join(documents, documents.c.id == a.c.document_id)
             .outerjoin(articles, sa.and_(articles.c.document_id == a.c.document_id, articles.c.idx == a.c.article))
             .where(a.c.type == "money")
             .subquery("found"))
    how = sa.case((found.c.in_sentence.is_not(None), "in_sentence"), (found.c.named_before.is_not(None), "named_before"))
    amounts = sa.select(found, sa.func.coalesce(found.c.in_sentence, found.c.named_before).label("institution"),
                        how.label("attributed_by")).subquery("amounts")
    return (sa.select(amounts.c.institution, institutions.c.region, amounts.c.year, amounts.c.currency,
                      amounts.c.attributed_by,
                      sa.func.count().label("amounts"),
                      sa.func.count(sa.distinct(amounts.c.document_id)).label("documents"),
                      sa.func.sum(amounts.c.value_num).label("total"),
                      sa.func.min(sa.func.coalesce(amounts.c.value_num, amounts.c.value_min)).label("lowest"),
                      sa.func.max(sa.func.coalesce(amounts.c.value_num, amounts.c.value_max)).label("highest"))
            .select_from(amounts)
            .outerjoin(institutions, institutions.c.name == amounts.c.institution)
            .group_by(amounts.c.institution, institutions.c.region, amounts.c.year, amounts.c.currency,
                      amounts.c.attributed_by))


def _procedures_by_channel():
    uses = sa.select(channels.c.document_id, channels.c.procedure, channels.c.name, channels.c.kind).distinct().subquery("uses")
    return (sa.select(uses.c.name.label("channel"), uses.c.kind,
                      sa.func.count().label("procedures"),
                      sa.func.count(sa.distinct(uses.c.document_id)).label("documents"),
                      sa.func.min(procedures.c.goal).label("example_goal"))
            .select_from(uses)
            .join(procedures, sa.and_(procedures.c.document_id == uses.c.document_id,
                                      procedures.c.idx == uses.c.procedure))
            .group_by(uses.c.name, uses.c.kind))


def _documents_by_outlet_month():
    month = sa.case((sa.func.length(documents.c.published) >= 7, sa.func.substr(documents.c.published, 1, 7)))
    return (sa.select(documents.c.outlet, month.label("month"), sa.func.count().label("documents"))
            .group_by(documents.c.outlet, month))


def _institution_aliases():
    return (sa.select(mentions.c.institution, mentions.c.text.label("alias"), sa.func.count().label("mentions"),
                      sa.func.count(sa.distinct(mentions.c.document_id)).label("documents"))
            .where(mentions.c.institution.is_not(None))
            .group_by(mentions.c.institution, mentions.c.text))


def _institution_documents():
    return (sa.select(mentions.c.institution, mentions.c.document_id, sa.func.count().label("mentions"),
                      sa.func.min(mentions.c.char_start).label("first_at"))
            .where(mentions.c.institution.is_not(None))
            .group_by(mentions.c.institution, mentions.c.document_id))


VIEWS = {
    "deadlines_by_institution": _deadlines_by_institution,
    "amounts_by_institution_year": _amounts_by_institution_year,
    "procedures_by_channel": _procedures_by_channel,
    "documents_by_outlet_month": _documents_by_outlet_month,
    "institution_aliases": _institution_aliases,
    "institution_documents": _institution_documents,
}


def upgrade() -> None:
    for name, build in VIEWS.items():
        op.execute(CreateView(build(), name))


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(DropView(sa.table(name)))
