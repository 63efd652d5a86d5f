"""Ingest on pages written for these tests (tests/fixtures/ingest/, one per source of
title, outlet and dateline), in the style of trafilatura's test set: each page has an
`.expected.json` beside it with its metadata, strings the cleaned text must hold
(`must_contain`, line breaks included) and must not (`must_not_contain`), how often a
string may occur (`count`: hidden duplicates dropped) and its articles' titles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
CASES = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".expected.json"))


def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed():
    from extract.options import Options

    cache: dict = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = extract.parse_file(path, options=Options(components=()))
        return cache[path]

    return get


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_metadata(path, parsed):
    doc, want = parsed(path), expected(path)
    assert not doc.errors
    assert doc.meta.title == want["title"]
    assert doc.meta.outlet == want.get("outlet")
    assert doc.meta.published == want.get("published")
    assert doc.meta.authors == want["authors"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_cleaned_text(path, parsed):
    doc, want = parsed(path), expected(path)
    for s in want["must_contain"]:
        assert s in doc.text, f"lost: {s!r}"
    for s in want["must_not_contain"]:
        assert s not in doc.text, f"kept: {s!r}"
    for s, n in want.get("count", {}).items():
        assert doc.text.count(s) == n, f"{s!r} occurs {doc.text.count(s)} times"


@pytest.mark.parametrize("path", [p for p in CASES if "articles" in expected(p)], ids=lambda p: p.name)
def test_articles(path, parsed):
    doc, want = parsed(path), expected(path)
    assert [a.title for a in doc.articles] == want["articles"]
    for a in doc.articles:
        assert doc.text[a.start:a.end].count("\n\n") >= 0 and a.title in doc.text[a.start:a.end]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_character_maps_back_to_the_raw_file(path):
    """Offsets stay exact through every cleaning step (entities and inserted line
    breaks map to the markup they stand for)."""
    from extract.ingest.decode import decode
    from extract.pipeline import ingest_text

    raw = decode(path.read_bytes()).text
    ing = ingest_text(raw)
    for i, ch in enumerate(ing.text.text):
        if ch.strip() and ch.isalnum() and ch.isascii() is False:
            p = ing.text.pos[i]
            assert raw[p] == ch or raw[p] in "&\\", (i, ch, raw[p - 5:p + 5])
