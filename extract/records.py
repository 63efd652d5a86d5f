"""The machinery of the record types (extract/schema.py): plain dataclasses on the hot path,
pydantic only at the edges.

A fresh process used to spend ~0.25 s of its first `parse()` importing pydantic and building
the schema's thirteen models (issue 13: the first parse should cost 0.5 s), and every mention
was validated field by field when an extractor made it, although the extractors make them
from values of the right types. Now each record class is a dataclass (keyword-only, not
frozen, no slots: merging writes offsets into `__dict__`), and its pydantic *twin*, a model
with the same fields, types, defaults, aliases, descriptions and docstring, is built from it
on first use: when a record is dumped (`model_dump`, `model_dump_json`, `to_json`), read back
(`model_validate`: validated by the twin, then turned back into records), or the JSON schema is
asked for (`json_schema()`). The twins' schema is the published one, unchanged.

Dumping hands the record itself to the twin's serializer, which reads an object's fields from
its `__dict__` (pydantic-core serializes any object with a `__dict__` as the model it is given
for): the JSON is pydantic's, aliases and float formatting included, with no validation pass
(validating each record into its twin first cost 1.1 ms a document, ten times the dump).
tests/test_records.py checks on real documents that this equals dumping the validated twin.

A field with a description or an alias is declared with `field(...)`; every record class is
declared with `@record` and derives from `Record`."""
from __future__ import annotations

import copy
import dataclasses
import typing
from typing import Any, Callable, Optional

_MISSING = dataclasses.MISSING
_TWINS: dict[type, type] = {}    # record class -> its pydantic twin
_RECORDS: dict[type, type] = {}  # twin -> record class


def field(default: Any = _MISSING, *, description: Optional[str] = None, alias: Optional[str] = None,
          factory: Optional[Callable[[], Any]] = None):
    """A record field with what the JSON schema says of it (description, alias: the JSON name)."""
    meta = {k: v for k, v in (("description", description), ("alias", alias)) if v is not None}
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def record(cls: type) -> type:
    """Make `cls` a record: a keyword-only dataclass whose own docstring (or none) is its
    twin's (dataclass would write a signature into an empty one)."""
    doc = cls.__dict__.get("__doc__")
    cls = dataclasses.dataclass(kw_only=True)(cls)
    cls.__record_doc__ = doc
    return cls


class _FromTwin:
    """A class attribute read from the twin (`Mention.model_fields`, `Document.model_config`)."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj, cls):
        return getattr(twin(cls), self.name)


class Record:
    """What the pydantic models' users call on a record, done by its twin."""

    model_fields = _FromTwin("model_fields")
    model_config = _FromTwin("model_config")

    def model_dump(self, **kw) -> dict:
        return twin(type(self)).__pydantic_serializer__.to_python(self, **kw)

    def model_dump_json(self, **kw) -> str:
        return twin(type(self)).__pydantic_serializer__.to_json(self, **kw).decode()

    def to_json(self, **kw) -> str:
        """The record as the JSON line the toolkit writes (field aliases as names)."""
        return self.model_dump_json(by_alias=True, **kw)

    def model_copy(self, *, update: Optional[dict] = None, deep: bool = False):
        new = copy.deepcopy(self) if deep else copy.copy(self)
        if update:
            new.__dict__.update(update)
        return new

    def as_twin(self):
        """This record as an instance of its pydantic twin (validated: raises pydantic's
        ValidationError where a field holds what the schema does not allow)."""
        return twin(type(self)).model_validate(self, from_attributes=True)

    @classmethod
    def model_validate(cls, obj):
        """A record from a dict (or JSON-like data), validated by the twin."""
        return from_twin(twin(cls).model_validate(obj))

    @classmethod
    def model_validate_json(cls, data):
        return from_twin(twin(cls).model_validate_json(data))

    @classmethod
    def model_json_schema(cls, **kw) -> dict:
        return twin(cls).model_json_schema(**kw)


def twin(cls: type) -> type:
    """The pydantic model of record class `cls` (built once, with those of the records it holds)."""
    model = _TWINS.get(cls)
    if model is None:
        from pydantic import ConfigDict, Field, create_model

        hints = typing.get_type_hints(cls)
        fields = {}
        for f in dataclasses.fields(cls):
            if f.default is not _MISSING:
                info = Field(f.default, **f.metadata)
            elif f.default_factory is not _MISSING:
                info = Field(default_factory=f.default_factory, **f.metadata)
            else:
                info = Field(**f.metadata)
            fields[f.name] = (_twin_type(hints[f.name]), info)
        config = ConfigDict(extra="forbid", populate_by_name=True, from_attributes=True)
        model = create_model(cls.__name__, __config__=config, __doc__=cls.__record_doc__,
                             __module__=cls.__module__, **fields)
        _TWINS[cls], _RECORDS[model] = model, cls
    return model


def _twin_type(tp):
    """`tp` with every record class in it replaced by its twin (list[Span] -> list[twin])."""
    if isinstance(tp, type) and issubclass(tp, Record):
        return twin(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is None or origin is typing.Literal or not args:
        return tp
    new = tuple(_twin_type(a) for a in args)
    if new == args:
        return tp
    if origin is typing.Union:
        return typing.Union[new]
    return origin[new if len(new) > 1 else new[0]]


def from_twin(value):
    """A twin instance (or a list or dict of them) -> records."""
    cls = _RECORDS.get(type(value))
    if cls is not None:
        return cls(**{name: from_twin(getattr(value, name)) for name in cls.__dataclass_fields__})
    if type(value) is list:
        return [from_twin(v) for v in value]
    if type(value) is dict:
        return {k: from_twin(v) for k, v in value.items()}
    return value
