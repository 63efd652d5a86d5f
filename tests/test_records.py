"""The record types (extract/records.py, extract/schema.py): plain dataclasses on the hot path,
pydantic twins for dumping, validating and the JSON schema. What a user of the pydantic models
relied on must hold: the JSON lines are pydantic's, a line reads back into an equal record,
bad data is refused with pydantic's ValidationError, the schema says what it said."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import extract
from extract.records import twin
from extract.schema import Change, Document, Mention, Procedure, Span, json_schema

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus-dev" / "articles"


def _documents(folder: Path, pattern: str):
    return [extract.parse_file(p) for p in sorted(folder.glob(pattern))]


@pytest.fixture(scope="module")
def documents():
    docs = _documents(ROOT / "corpora" / "gold", "*.txt") + _documents(ROOT / "corpora" / "seeds", "*.txt")
    if DEV.is_dir():
        docs += [extract.parse_file(p) for p in sorted(DEV.iterdir()) if not p.name.endswith(".gold.json")]
    return docs


def test_the_records_hold_what_the_json_needs(documents):
    assert any(d.changes for d in documents) and any(d.procedures for d in documents)
    assert any(m.type == "institution" for d in documents for m in d.mentions)


def test_dump_equals_dumping_the_validated_twin(documents):
    """The fast dump (the twin's serializer reading the record) is pydantic's own dump of the
    record validated into its twin: aliases, float formatting and coercions alike."""
    for doc in documents:
        assert doc.to_json() == doc.as_twin().model_dump_json(by_alias=True), doc.source
        assert doc.model_dump(mode="json", by_alias=True) == doc.as_twin().model_dump(mode="json", by_alias=True)


def test_the_dump_needs_no_pydantic_model():
    """Every record class is dumped by a serializer of the schema records.py writes (not the
    twin's, whose building cost 0.13 s of a batch's start), with pydantic's names and aliases."""
    from extract import schema
    from extract.records import Record, _model_schema, serializer

    for cls in vars(schema).values():
        if isinstance(cls, type) and issubclass(cls, Record) and cls is not Record:
            _model_schema(cls)                      # raises TypeError for a field type it does not write
            assert serializer(cls) is not twin(cls).__pydantic_serializer__
    c = Change(start=0, end=1, from_=3)
    assert c.model_dump_json() == twin(Change).model_validate(c, from_attributes=True).model_dump_json()
    assert '"from_":3' in c.model_dump_json() and '"from":3' in c.to_json()


def test_a_json_line_reads_back_into_an_equal_record(documents):
    for doc in documents:
        line = doc.to_json()
        back = Document.model_validate(json.loads(line))
        assert type(back) is Document and type(back.meta) is type(doc.meta)
        assert all(type(m) is Mention for m in back.mentions)
        assert back == doc and back.to_json() == line
        assert Document.model_validate_json(line) == doc


def test_coercions_are_pydantics():
    """An int where the schema has a float is written as a float (as validation made it)."""
    m = Mention(type="money", start=0, end=4, text="100元", value=100, min=5, confidence=1)
    out = json.loads(m.to_json())
    assert out["min"] == 5.0 and isinstance(out["min"], float) and '"min":5.0' in m.to_json()
    assert out["value"] == 100 and isinstance(out["value"], int)   # Union[str, float, int]: kept
    assert json.loads(Change(start=0, end=1, from_=3).to_json())["from"] == 3


def test_bad_data_is_refused():
    with pytest.raises(ValidationError):
        Mention.model_validate({"type": "money", "start": 0, "end": 1, "text": "x", "colour": "red"})
    with pytest.raises(ValidationError):
        Mention.model_validate({"type": "weather", "start": 0, "end": 1, "text": "x"})
    with pytest.raises(ValidationError):
        Document.model_validate({"id": "x", "mentions": [{"type": "date", "start": "soon", "end": 1, "text": "x"}]})


def test_defaults_are_fresh_and_copies_deep():
    a, b = Procedure(start=0, end=1), Procedure(start=0, end=1)
    a.steps.append(Span(text="x", start=0, end=1))
    assert b.steps == []
    c = a.model_copy(deep=True)
    c.steps[0].text = "y"
    assert a.steps[0].text == "x"
    assert a.model_copy(update={"goal": "g"}).goal == "g" and a.goal is None


def test_the_schema_is_the_published_one():
    schema = json_schema()
    defs = schema["$defs"]
    assert schema["title"] == "hnx Document" and schema["additionalProperties"] is False
    assert schema["properties"]["schema_version"]["default"] == extract.SCHEMA_VERSION
    assert "from" in defs["Change"]["properties"] and "from_" not in defs["Change"]["properties"]
    assert defs["Change"]["properties"]["from"]["description"] == "mention index of the old figure"
    assert defs["Mention"]["description"].startswith("A grounded mention")
    assert "description" not in defs["Span"]   # no docstring, none made up
    assert defs["Mention"]["properties"]["type"]["enum"] == ["date", "money", "percent", "institution"]
    assert set(schema["required"]) == {"id"} and set(defs["Span"]["required"]) == {"text", "start", "end"}
    assert twin(Document).model_fields["mentions"].annotation.__args__[0] is twin(Mention)


def test_model_fields_come_from_the_twin():
    assert Mention.model_fields["min"].annotation == twin(Mention).model_fields["min"].annotation
    assert Change.model_fields["from_"].alias == "from"
