"""Cleaning and metadata on every annotated file in corpora/: the gold's must_contain /
must_not_contain strings, title and publication date (as a crawler's manifest gives it)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import extract
from conftest import ROOT

GOLD = sorted((ROOT / "corpora").rglob("*.gold.json"))


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


@pytest.fixture(scope="module")
def parsed():
    from extract.cli import load_manifest
    from extract.options import Options

    cache = {}

    def get(gold_path: Path):
        if gold_path not in cache:
            manifest = {}
            for m in gold_path.parent.glob("manifest*.csv"):
                manifest.update(load_manifest(m))
            article = gold_path.with_name(gold_path.name[: -len(".gold.json")])
            cache[gold_path] = extract.parse_file(article, options=Options(components=()), manifest=manifest)
        return cache[gold_path]

    return get


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.name.split("_")[0] + "-" + p.parent.name for p in GOLD])
def test_cleaned_text_and_metadata_match_gold(gold_path, parsed):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = parsed(gold_path)
    assert not doc.errors
    text = norm(doc.text)
    missing = [s for s in gold.get("must_contain", []) if norm(s) not in text]
    leaked = [s for s in gold.get("must_not_contain", []) if norm(s) in text]
    assert not missing, f"body text lost: {missing}"
    assert not leaked, f"chrome kept: {leaked}"
    meta = gold.get("meta", {})
    if meta.get("title"):
        assert norm(doc.meta.title or "") == norm(meta["title"])
    assert doc.meta.published == meta.get("published")
