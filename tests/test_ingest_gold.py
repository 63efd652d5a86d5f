"""Cleaning and metadata on every annotated file in corpora/ (seeds, gold, heldout).

Title and publication date are checked *blind*: the file alone, no manifest, so the gold
value must be found by ingest (a headline line, <meta>/JSON-LD, front matter, a dateline).
The manifest path (the metadata a crawler records beside a page) is tested separately: a
manifest row overrides whatever ingest found, field by field.
Files where ingest is known not to find the gold value today are strict xfails (KNOWN):
they fail the suite as soon as ingest finds it, so the mark can be removed."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import extract
from conftest import ROOT
from extract.options import Options

GOLD = sorted(p for p in (ROOT / "corpora").rglob("*.gold.json")
              if not p.parent.name.startswith("real-"))   # real-dev2, real-heldout*: third-party articles under ../shared (tests/test_quality_gate.py)
INGEST_ONLY = Options(components=())

# (check, file number) -> why ingest misses the gold value today
KNOWN = {
    ("published", "000"): "the page names no date; the gold's year comes from the crawler's manifest",
    ("published", "001"): "the page names no date; the gold's month comes from the crawler's manifest",
    ("published", "002"): "the page names no date; the gold's month comes from the crawler's manifest",
}


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def article_of(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name[: -len(".gold.json")])


def gold_of(gold_path: Path) -> dict:
    return json.loads(gold_path.read_text(encoding="utf-8"))


def _id(p: Path) -> str:
    return p.name.split("_")[0] + "-" + p.parent.name


def params(check: str, paths=GOLD):
    out = []
    for p in paths:
        reason = KNOWN.get((check, p.name.split("_")[0]))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(p, marks=marks, id=_id(p)))
    return out


_BLIND: dict = {}


def blind(gold_path: Path):
    """The document ingest makes of the file alone (no manifest, no date argument)."""
    if gold_path not in _BLIND:
        _BLIND[gold_path] = extract.parse_file(article_of(gold_path), options=INGEST_ONLY)
    return _BLIND[gold_path]


def manifest_rows(folder: Path) -> dict:
    from extract.cli import load_manifest

    rows: dict = {}
    for m in sorted(folder.glob("manifest*.csv")):
        rows.update(load_manifest(m))
    return rows


@pytest.mark.parametrize("gold_path", GOLD, ids=[_id(p) for p in GOLD])
def test_cleaned_text_matches_gold(gold_path):
    gold = gold_of(gold_path)
    doc = blind(gold_path)
    assert not doc.errors
    text = norm(doc.text)
    missing = [s for s in gold.get("must_contain", []) if norm(s) not in text]
    leaked = [s for s in gold.get("must_not_contain", []) if norm(s) in text]
    assert not missing, f"body text lost: {missing}"
    assert not leaked, f"chrome kept: {leaked}"


TITLED = [p for p in GOLD if gold_of(p).get("meta", {}).get("title")]


@pytest.mark.parametrize("gold_path", params("title", TITLED))
def test_title_found_blind(gold_path):
    want = gold_of(gold_path)["meta"]["title"]
    doc = blind(gold_path)
    assert norm(doc.meta.title or "") == norm(want), f"found {doc.meta.title!r} ({doc.meta.sources.get('title')})"
    assert doc.meta.sources.get("title") not in ("manifest", "argument")


@pytest.mark.parametrize("gold_path", params("published"))
def test_publication_date_found_blind(gold_path):
    """The gold date must be found in the file; where the gold has none, none is invented."""
    want = gold_of(gold_path).get("meta", {}).get("published")
    doc = blind(gold_path)
    assert doc.meta.published == want, f"found {doc.meta.published!r} ({doc.meta.sources.get('published')})"
    if want:
        assert doc.meta.sources.get("published") not in ("manifest", "argument")


# -- the manifest path ---------------------------------------------------------

MANIFESTED = [(p, row) for p in GOLD for name, row in manifest_rows(p.parent).items() if name == article_of(p).name]


@pytest.mark.parametrize("gold_path,row", MANIFESTED, ids=[_id(p) for p, _ in MANIFESTED])
def test_manifest_row_gives_the_metadata(gold_path, row):
    """With the folder's manifest, each field the row names is the row's, marked as such."""
    doc = extract.parse_file(article_of(gold_path), options=INGEST_ONLY, manifest=manifest_rows(gold_path.parent))
    assert row, "empty manifest row"
    for field in ("title", "published", "outlet", "url"):
        if row.get(field):
            got = getattr(doc.meta, field)
            assert (norm(got or "") if field != "published" else got) == \
                (norm(row[field]) if field != "published" else row[field]), field
            assert doc.meta.sources[field] == "manifest", field


def test_every_manifest_row_names_an_annotated_file():
    for folder in {p.parent for p in GOLD}:
        for name in manifest_rows(folder):
            assert (folder / name).is_file() and (folder / (name + ".gold.json")).is_file(), f"{folder.name}/{name}"


OVERRIDE = {"title": "清单里的另一个标题", "published": "2001-02", "outlet": "某某健康报"}


@pytest.mark.parametrize("gold_path", GOLD, ids=[_id(p) for p in GOLD])
def test_manifest_overrides_what_ingest_found(gold_path):
    """A row that disagrees with the document wins, field by field, at its own precision;
    fields the row leaves empty keep what ingest found."""
    found = blind(gold_path)
    name = article_of(gold_path).name
    doc = extract.parse_file(article_of(gold_path), options=INGEST_ONLY, manifest={name: dict(OVERRIDE)})
    assert (doc.meta.title, doc.meta.published, doc.meta.outlet) == \
        (OVERRIDE["title"], OVERRIDE["published"], OVERRIDE["outlet"])
    assert {doc.meta.sources[k] for k in OVERRIDE} == {"manifest"}
    partial = extract.parse_file(article_of(gold_path), options=INGEST_ONLY, manifest={name: {"published": "2001-02-03"}})
    assert partial.meta.published == "2001-02-03"
    assert partial.meta.title == found.meta.title and partial.meta.outlet == found.meta.outlet
