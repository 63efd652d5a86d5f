"""The record the toolkit produces: one `Document` per input file.

Field names are part of the product (downstream databases key on them); bump
SCHEMA_VERSION on any incompatible change.

The classes are plain dataclasses (extract/records.py): pydantic is imported only to dump,
validate or describe a record, through a twin model built from these declarations, so the
published JSON schema and the JSON lines are pydantic's as before.
"""
from typing import Literal, Optional, Union

from .records import Record, field, record, twin

SCHEMA_VERSION = "1.2"   # 1.1: Change.from_value/to_value/by_value; 1.2: meta.sources "path" (both additive)

MentionType = Literal["date", "money", "percent", "institution"]
Value = Union[str, float, int, None]
MetaSource = Literal["path", "front_matter", "html_meta", "json_ld", "text", "manifest", "argument"]


def _empty() -> list:
    """default factory of the list fields: a Python function, because pydantic inspects a
    factory's signature and `inspect.signature(list)` parses its text signature."""
    return []


def _empty_dict() -> dict:
    return {}


@record
class Mention(Record):
    """A grounded mention: ``doc.text[start:end] == text``."""

    type: MentionType
    start: int
    end: int
    text: str
    raw_start: Optional[int] = None
    raw_end: Optional[int] = None
    article: Optional[int] = None
    value: Value = None
    # dates
    grain: Optional[str] = None
    mod: Optional[str] = None
    anchor: Optional[Literal["explicit", "publication", "previous_date", "unresolved"]] = None
    role: Optional[Literal["deadline", "effective", "period", "status_as_of", "event"]] = None
    # money / percent
    min: Optional[float] = None
    max: Optional[float] = None
    per: Optional[list[str]] = None
    currency: Optional[str] = None
    unit: Optional[str] = None
    # institutions
    name: Optional[str] = None
    kind: Optional[str] = None
    level: Optional[str] = None
    region: Optional[str] = None
    # provenance
    rule: Optional[str] = None
    confidence: Optional[float] = None


@record
class Deadline(Record):
    due: Optional[str] = None
    date: Optional[int] = field(None, description="index of the date mention in `mentions`")
    date_text: Optional[str] = None
    action: Optional[str] = None
    actor: Optional[str] = None
    start: int
    end: int
    article: Optional[int] = None
    within: Optional[str] = field(None, description="a relative time limit: ISO 8601 duration after `anchor` (P5D, P1M)")
    working_days: Optional[bool] = field(None, description="`within` counts working days (5个工作日内)")
    anchor: Optional[str] = field(None, description="the event a relative time limit counts from (受理申请)")


@record
class Span(Record):
    text: str
    start: int
    end: int


@record
class Channel(Record):
    name: str
    kind: Optional[str] = None
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


@record
class Procedure(Record):
    goal: Optional[str] = None
    steps: list[Span] = field(factory=_empty)
    channels: list[Channel] = field(factory=_empty)
    conditions: list[Span] = field(factory=_empty)
    deadlines: list[int] = field(factory=_empty, description="indices into `deadlines`")
    start: int
    end: int
    article: Optional[int] = None
    time_limits: list[Deadline] = field(
        factory=_empty,
        description="relative time limits of its steps (区民政部门应当在受理申请后1个月内完成核实): no calendar due")


@record
class Amount(Record):
    """A figure of a change, inline: what the mention it links to says, with its unit."""

    text: str
    value: Union[int, float, None] = field(None, description="the number (None for a range: min and max)")
    min: Optional[float] = None
    max: Optional[float] = None
    unit: Optional[str] = field(None, description="currency code (CNY, USD…) for money; 'ratio' for a percentage "
                                  "(0.5 is 50%); 'pp' for percentage points")
    mod: Optional[str] = None
    per: Optional[list[str]] = None


@record
class Change(Record):
    """A change stated between two figures of one quantity (上限从8000元提至1.6万元)."""

    quantity: Optional[str] = field(None, description="what changes (上限), without the verb, "
                                                       "adverbs or comparison (同比, 较去年)")
    from_: Optional[int] = field(None, alias="from", description="mention index of the old figure")
    to: Optional[int] = field(None, description="mention index of the new figure")
    by: Optional[int] = field(None, description="mention index of the difference")
    direction: Optional[Literal["up", "down"]] = None
    start: int
    end: int
    article: Optional[int] = None
    from_value: Optional[Amount] = field(None, description="the old figure (schema 1.1)")
    to_value: Optional[Amount] = field(None, description="the new figure (schema 1.1)")
    by_value: Optional[Amount] = field(None, description="the difference (schema 1.1)")


@record
class Article(Record):
    index: int
    title: Optional[str] = None
    start: int
    end: int
    byline: list[str] = field(factory=_empty)
    outlet: Optional[str] = None
    published: Optional[str] = None


@record
class Meta(Record):
    title: Optional[str] = None
    published: Optional[str] = field(None, description="ISO date, possibly only YYYY-MM or YYYY")
    outlet: Optional[str] = None
    authors: list[str] = field(factory=_empty)
    url: Optional[str] = None
    sources: dict[str, MetaSource] = field(
        factory=_empty_dict, description="field name -> where its value came from"
    )


def _new_meta() -> Meta:
    return Meta()


@record
class Error(Record):
    stage: str
    message: str


@record
class Document(Record):
    schema_version: str = SCHEMA_VERSION
    id: str
    source: Optional[str] = None
    format: Optional[Literal["html", "markdown", "text"]] = None
    encoding: Optional[str] = None
    meta: Meta = field(factory=_new_meta)
    text: str = ""
    articles: list[Article] = field(factory=_empty)
    mentions: list[Mention] = field(factory=_empty)
    deadlines: list[Deadline] = field(factory=_empty)
    procedures: list[Procedure] = field(factory=_empty)
    changes: list[Change] = field(factory=_empty)
    errors: list[Error] = field(factory=_empty)


def json_schema() -> dict:
    schema = twin(Document).model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://hnx.invalid/schema/document-{SCHEMA_VERSION}.json"
    schema["title"] = "hnx Document"
    return schema
