"""One case per example of corpora/examples/money.yaml: extract_money must find exactly the
listed mentions (fields left out must be empty), extract_changes exactly the listed changes."""
from __future__ import annotations

import pytest

from extract.money import extract_changes, extract_money
from extract.money.corpus import change_fields, load_examples, observed

EXAMPLES = load_examples()


def _params():
    for ex in EXAMPLES:
        marks = [pytest.mark.xfail(strict=True, reason=ex.xfail)] if ex.xfail else []
        yield pytest.param(ex, id=ex.id, marks=marks)


def _expected(ex):
    return [{k: (round(v, 10) if isinstance(v, float) else v) for k, v in m.items()}
            for m in ex.mentions]


@pytest.mark.parametrize("ex", list(_params()))
def test_mentions(ex):
    found = extract_money(ex.text, None)
    for m in found:
        assert ex.text[m.start:m.end] == m.text
    assert [observed(m) for m in found] == _expected(ex)


def _change_params():
    for ex in EXAMPLES:
        if ex.changes is not None:
            marks = [pytest.mark.xfail(strict=True, reason=ex.changes_xfail)] if ex.changes_xfail else []
            yield pytest.param(ex, id=ex.id, marks=marks)


@pytest.mark.parametrize("ex", list(_change_params()))
def test_changes(ex):
    found = extract_money(ex.text, None)
    assert [change_fields(c) for c in extract_changes(ex.text, found)] == ex.changes
