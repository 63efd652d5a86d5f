"""Shared fixtures: the bundled seeds and (when present) the third-party development corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def seed_path(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert matches, f"seed {prefix} missing from {SEEDS}"
    return matches[0]


def corpus_path(prefix: str) -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present (third-party files are not in the repository)")
    matches = sorted(p for p in SHARED_CORPUS.glob(f"{prefix}_*") if p.suffix != ".md" or "README" not in p.name)
    if not matches:
        pytest.skip(f"corpus file {prefix} not present")
    return matches[0]


@pytest.fixture(scope="session")
def ingest_only():
    from extract.options import Options

    return Options(components=())
