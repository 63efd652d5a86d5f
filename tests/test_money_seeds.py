"""extract_money on whole documents: the seeds (committed in corpora/seeds) and the real
third-party articles of /work/shared/corpus (skipped when absent; never copied here)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.money import extract_changes, extract_money

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
SHARED = ROOT.parent / "shared" / "corpus"


def _clean(text: str) -> str:
    """What ingest hands over: no whitespace inside sentences, markup dropped."""
    text = re.sub(r"<[^>]{0,2000}>", "\n", text)
    return re.sub(r"[ \t\u3000]+", "", text)


def _found(name: str):
    text = _clean((SEEDS / name).read_text(encoding="utf-8"))
    return text, extract_money(text, None)


# (seed file, expected mentions as (type, text, value or (min, max)), in document order)
SEED_CASES = [
    ("003_98be559f5cac156a.txt", [
        ("money", "8000元", 8000), ("money", "1.6万元", 16000), ("money", "1.8万元", 18000),
        ("percent", "85%", 0.85), ("percent", "90%", 0.9), ("percent", "10个百分点", 10),
        ("percent", "50%", 0.5), ("percent", "5-10个百分点", (5, 10)), ("percent", "80%", 0.8),
        ("percent", "80%", 0.8), ("money", "115元/人/年", 115), ("percent", "12%", 0.12),
        ("money", "1万元", 10000), ("money", "1500元", 1500), ("money", "85元", 85),
        ("money", "85元", 85)]),
    ("004_f9270f0ce73fea02.txt", [
        ("money", "35836元", 35836), ("percent", "70%", 0.7), ("percent", "70%", 0.7),
        ("money", "25085.20元", 25085.2), ("money", "115元", 115), ("money", "2.7亿元", 270000000),
        ("money", "16.59亿元", 1659000000)]),
    ("002_0e1f99d0326bfe95.txt", [("percent", "50%~60%", (0.5, 0.6))]),
    ("000_dc737b12f01e9169.txt", []),
]


@pytest.mark.parametrize("name,expected", SEED_CASES, ids=[c[0][:3] for c in SEED_CASES])
def test_seed_mentions(name, expected):
    text, found = _found(name)
    got = [(m.type, m.text, m.value if m.value is not None else (m.min, m.max)) for m in found]
    assert got == expected
    assert all(text[m.start:m.end] == m.text for m in found)


def test_seed_001_figures():
    text, found = _found("001_a362f0ec79859a62.txt")
    got = {(m.type, m.text) for m in found}
    assert ("money", "2000万至3000万元") in got and ("money", "726亿元") in got
    assert ("percent", "69.29%") in got and ("money", "数百元") in got
    assert not any(m.text.endswith("毫升") for m in found)
    six = next(m for m in found if m.text == "6%")
    assert six.mod == "MORE_THAN"


def test_seed_003_changes():
    text, found = _found("003_98be559f5cac156a.txt")
    changes = extract_changes(text, found)
    cap = next(c for c in changes if c.from_ is not None)
    assert (found[cap.from_].value, found[cap.to].value, cap.direction) == (8000, 16000, "up")
    assert cap.quantity.endswith("报销上限")
    by = {found[c.by].text: c.direction for c in changes if c.by is not None}
    assert by["50%"] == "down" and by["5-10个百分点"] == "up"


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared development corpus not available")
def test_shared_markdown_article():
    text = _clean((SHARED / "001_yunnan_qujing_shared_pharmacy_2026.md").read_text(encoding="utf-8"))
    found = extract_money(text, None)
    money = [m for m in found if m.type == "money"]
    assert {4100000, 35, 20} <= {m.value for m in money}
    assert all(m.currency == "CNY" for m in money)
    assert any(m.type == "percent" and m.value == 0.3 and m.mod == "EQUAL_OR_MORE" for m in found)
