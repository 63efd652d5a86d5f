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

Dumping to JSON hands the record itself to pydantic-core's serializer of the core schema
pydantic makes for the twin, written here from the record's fields (`serializer`: no twin
built, 6 ms instead of 0.13 s on first use), which reads an object's fields from its
`__dict__` (pydantic-core serializes any object with a `__dict__` as the model it is given
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
        return serializer(type(self)).to_json(self, **kw).decode()

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


_SERIALIZERS: dict[type, Any] = {}   # record class -> pydantic-core's serializer of its twin's schema
_NONE = type(None)
_SCALARS = {str: "str", int: "int", float: "float", bool: "bool"}


def serializer(cls: type):
    """What `model_dump_json` runs: pydantic-core's serializer for the core schema pydantic makes
    for the twin, written here from the record's own fields (no pydantic model built, pydantic
    not imported: building the thirteen twins cost a batch's parent 0.13 s of its serial start).
    Falls back to the twin's serializer for a field type it does not know; tests/test_records.py
    checks that both write the same JSON."""
    ser = _SERIALIZERS.get(cls)
    if ser is None:
        try:
            schema = _model_schema(cls)
        except TypeError:
            ser = twin(cls).__pydantic_serializer__
        else:
            from pydantic_core import SchemaSerializer

            ser = SchemaSerializer(schema)
        _SERIALIZERS[cls] = ser
    return ser


def _model_schema(cls: type) -> dict:
    hints = typing.get_type_hints(cls)
    fields = {}
    for f in dataclasses.fields(cls):
        inner = _core_schema(hints[f.name])
        if f.default is not _MISSING:
            inner = {"type": "default", "schema": inner, "default": f.default}
        elif f.default_factory is not _MISSING:
            inner = {"type": "default", "schema": inner, "default_factory": f.default_factory}
        field = {"type": "model-field", "schema": inner}
        if "alias" in f.metadata:
            field["serialization_alias"] = f.metadata["alias"]
        fields[f.name] = field
    return {"type": "model", "cls": cls, "root_model": False,
            "schema": {"type": "model-fields", "model_name": cls.__name__, "fields": fields}}


def _core_schema(tp) -> dict:
    """The core schema pydantic generates for a field of type `tp` (TypeError: not one we write)."""
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    if isinstance(tp, type) and issubclass(tp, Record):
        return _model_schema(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return {"type": "literal", "expected": list(args)}
    if origin is typing.Union:
        kept = [a for a in args if a is not _NONE]
        inner = _core_schema(kept[0]) if len(kept) == 1 else {"type": "union", "choices": [_core_schema(a) for a in kept]}
        return {"type": "nullable", "schema": inner} if len(kept) < len(args) else inner
    if origin is list and len(args) == 1:
        return {"type": "list", "items_schema": _core_schema(args[0])}
    if origin is dict and len(args) == 2:
        return {"type": "dict", "keys_schema": _core_schema(args[0]), "values_schema": _core_schema(args[1])}
    raise TypeError(f"no core schema written for {tp!r}")


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
