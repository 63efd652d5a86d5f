"""Changes with their figures inline and a clean quantity phrase: one case per example of
corpora/examples/changes.yaml, and on real text (the bundled corpora, the dev articles when
../shared is there) every inline figure agrees with the mention it links to."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import extract
from extract.money import extract_changes, extract_money
from extract.money.changes import clean_quantity
from extract.schema import SCHEMA_VERSION, Document, json_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = yaml.safe_load((ROOT / "corpora" / "examples" / "changes.yaml").read_text(encoding="utf-8"))["examples"]


def _params():
    for ex in EXAMPLES:
        marks = [pytest.mark.xfail(strict=True, reason=ex["xfail"])] if ex.get("xfail") else []
        yield pytest.param(ex, id=ex["text"], marks=marks)


def _figure(amount) -> list:
    if amount is None:
        return None
    number = amount.value if amount.value is not None else [amount.min, amount.max]
    return [amount.text, number, amount.unit]


def _close(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9 * max(1.0, abs(b))
    return a == b


@pytest.mark.parametrize("ex", list(_params()))
def test_example(ex):
    mentions = extract_money(ex["text"], None)
    got = extract_changes(ex["text"], mentions)
    assert len(got) == len(ex["changes"]), [c.model_dump(exclude_none=True) for c in got]
    for change, want in zip(got, ex["changes"]):
        assert change.quantity == want["quantity"]
        assert change.direction == want["direction"]
        for name in ("from", "to", "by"):
            index = getattr(change, "from_" if name == "from" else name)
            figure = _figure(getattr(change, f"{name}_value"))
            assert (figure is None) == (name not in want), name
            if figure is not None:
                assert _close(figure, want[name]), (name, figure, want[name])
                assert mentions[index].text == figure[0]  # the link and the inline figure agree


@pytest.mark.parametrize("phrase, quantity", [
    ("医院将住院报销比例", "住院报销比例"),          # the object of 将
    ("门诊报销上限将", "门诊报销上限"),             # 将 as "will"
    ("10月末广义货币同比", "广义货币"),             # time and comparison
    ("1—10月我国实际使用外资同比", "我国实际使用外资"),  # a month range; 使 inside 使用 stays
    ("分别比2022年", None),                       # nothing but the comparison
    ("2010年初", None),
    ("起付线", "起付线"),                          # 起 and 自 start words here
    ("自付比例", "自付比例"),
    ("在职职工普通门诊报销上限", "在职职工普通门诊报销上限"),
    ("报销比例即将", "报销比例"),
    ("/方", None),
])
def test_clean_quantity(phrase, quantity):
    assert clean_quantity(phrase) == quantity


def test_a_single_character_verb_keeps_its_prefix_out_of_the_quantity():
    assert clean_quantity("人民币各项贷款新", verb="增") == "人民币各项贷款"
    assert clean_quantity("人民币各项贷款新") == "人民币各项贷款新"


def _records():
    files = [p for p in sorted((ROOT / "corpora").glob("*/*")) if p.suffix in (".txt", ".md", ".html")
             and p.name not in ("README.md", "CHANGES-v2.md")]
    dev = ROOT.parent / "shared" / "corpus-dev" / "articles"
    if dev.is_dir():
        files += [p for p in sorted(dev.iterdir()) if not p.name.endswith(".json")]
    return [extract.parse_file(p) for p in files]


@pytest.fixture(scope="module")
def records():
    return _records()


def test_inline_figures_agree_with_the_linked_mentions(records):
    checked = 0
    for doc in records:
        for c in doc.changes:
            for name, index in (("from", c.from_), ("to", c.to), ("by", c.by)):
                figure = getattr(c, f"{name}_value")
                assert (figure is None) == (index is None)
                if index is None:
                    continue
                m = doc.mentions[index]
                assert figure.text == m.text
                assert (figure.value, figure.min, figure.max, figure.mod, figure.per) == \
                       (m.value, m.min, m.max, m.mod, m.per)
                assert figure.unit == (m.currency if m.type == "money" else m.unit or "ratio")
                checked += 1
    assert checked > 50


def test_quantities_are_clean_on_real_text(records):
    quantities = [c.quantity for doc in records for c in doc.changes if c.quantity]
    assert len(quantities) > 20
    for q in quantities:
        assert q == q.strip() and 2 <= len(q) <= 20, q
        assert "同比" not in q and "环比" not in q, q
        assert not q.startswith(("将", "把")) and not q.endswith(("将", "分别", "相应")), q


def test_schema_change_is_additive_and_versioned(records):
    assert SCHEMA_VERSION.split(".")[0] == "1" and tuple(map(int, SCHEMA_VERSION.split("."))) >= (1, 1)
    change = json_schema()["$defs"]["Change"]["properties"]
    assert {"from", "to", "by", "from_value", "to_value", "by_value"} <= set(change)
    doc = next(d for d in records if any(c.from_ is not None for c in d.changes))
    old = json.loads(doc.to_json())   # a 1.0 record: no inline figures
    old["schema_version"] = "1.0"
    for c in old["changes"]:
        for name in ("from_value", "to_value", "by_value"):
            c.pop(name)
    again = Document.model_validate(old)
    assert [c.from_ for c in again.changes] == [c.from_ for c in doc.changes]
