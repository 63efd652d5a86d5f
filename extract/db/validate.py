"""Records validated as dicts: the core schema of the record's pydantic model (extract/records.py
builds it from extract/schema.py), every model in it turned into a typed dict with the same
fields (named as in JSON: `from`, not `from_`), the same validators and defaults, extra fields
forbidden. Validating gives the dict `model_validate(...).model_dump(mode="json", by_alias=True)`
gives, without building and dumping a model object per record and item (on the bulk corpus
that was half the time of validation). tests/test_db.py checks both give the same dicts and
refuse the same records.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic_core import SchemaValidator

from ..records import twin


def _typed_dicts(node: Any) -> Any:
    if isinstance(node, list):
        return [_typed_dicts(n) for n in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "model":
        inner = node["schema"]
        assert inner["type"] == "model-fields", inner["type"]
        fields = {}
        for name, f in inner["fields"].items():
            key = f.get("serialization_alias") or name
            schema = _typed_dicts(f["schema"])
            if schema["type"] == "default" and schema["schema"]["type"] in ("typed-dict", "definition-ref"):
                # its factory makes a record object (Document.meta): validate an empty dict instead
                schema = {**schema, "default_factory": dict, "validate_default": True}
                schema.pop("default", None)
            fields[key] = {"type": "typed-dict-field", "schema": schema, "required": schema["type"] != "default"}
        out = {"type": "typed-dict", "fields": fields, "extra_behavior": "forbid"}
        if "ref" in node:
            out["ref"] = node["ref"]
        return out
    return {k: (v if k in ("metadata", "cls") else _typed_dicts(v)) for k, v in node.items()}


@lru_cache(maxsize=None)
def validator(cls: type) -> SchemaValidator:
    """Validates a dict of record class `cls` into the dict its JSON dump would be."""
    return SchemaValidator(_typed_dicts(twin(cls).__pydantic_core_schema__))
