"""One case per example of corpora/examples/procedures.yaml: the procedures found must be
exactly the expected ones (steps, channels with kinds, conditions, goal and deadline
links where the example gives them), every span grounded in the text."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.procedures import extract_procedures
from extract.schema import Deadline

EXAMPLES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "corpora" / "examples" / "procedures.yaml").read_text(encoding="utf-8")
)


def _case(ex):
    marks = [pytest.mark.xfail(strict=True, reason=ex["xfail"])] if ex.get("xfail") else []
    return pytest.param(ex, id=ex["id"], marks=marks)


def _deadlines(ex) -> list[Deadline]:
    out = []
    for surface in ex.get("deadlines", []):
        i = ex["text"].index(surface)
        out.append(Deadline(start=i, end=i + len(surface)))
    return out


def test_corpus_size_and_unique_ids():
    ids = [ex["id"] for ex in EXAMPLES]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids)
    assert sum(1 for ex in EXAMPLES if not ex["expect"]) >= 15  # negatives


@pytest.mark.parametrize("ex", [_case(ex) for ex in EXAMPLES])
def test_example(ex):
    text = ex["text"]
    got = extract_procedures(text, [], _deadlines(ex))
    for p in got:
        assert 0 <= p.start < p.end <= len(text)
        for span in [*p.steps, *p.conditions]:
            assert text[span.start : span.end] == span.text
            assert p.start <= span.start and span.end <= p.end
        for ch in p.channels:
            assert text[ch.start : ch.end] == ch.text
    actual = [
        {
            "goal": p.goal,
            "steps": [s.text for s in p.steps],
            "channels": [{"name": c.name, "kind": c.kind} for c in p.channels],
            "conditions": [c.text for c in p.conditions],
            "deadlines": p.deadlines,
        }
        for p in got
    ]
    expected = ex["expect"]
    assert len(actual) == len(expected), actual
    for a, e in zip(actual, expected):
        assert a["steps"] == e["steps"]
        assert a["channels"] == e["channels"]
        assert a["conditions"] == e.get("conditions", [])
        if "goal" in e:
            assert a["goal"] == e["goal"]
        if "deadlines" in e:
            assert a["deadlines"] == e["deadlines"]
