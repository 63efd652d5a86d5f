"""Shared fixtures: the bundled seeds and (when present) the third-party development corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_DEV = ROOT.parent / "shared" / "corpus-dev"     # 36 real articles with gold + 880 bulk files


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


def dev_article(prefix: str) -> Path:
    """A real article of ../shared/corpus-dev/articles by its number ("104"); skips when absent."""
    folder = CORPUS_DEV / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/corpus-dev is not present (third-party files are not in the repository)")
    matches = sorted(p for p in folder.glob(f"{prefix}_*") if not p.name.endswith(".gold.json"))
    if not matches:
        pytest.skip(f"corpus-dev article {prefix} not present")
    return matches[0]


def dev_gold(prefix: str) -> dict:
    """The gold file of a real article of ../shared/corpus-dev/articles (skips when absent)."""
    import json

    path = dev_article(prefix)
    return json.loads(path.with_name(path.name + ".gold.json").read_text(encoding="utf-8"))


def bulk_files(pattern: str = "*") -> list[Path]:
    """Files of ../shared/corpus-dev/bulk matching `pattern` (skips when absent)."""
    folder = CORPUS_DEV / "bulk"
    if not folder.is_dir():
        pytest.skip("../shared/corpus-dev/bulk is not present")
    return sorted(folder.glob(pattern))


def bulk_texts(every: int) -> list[str]:
    """The cleaned text of every `every`-th file of ../shared/corpus-dev/bulk (ingest only);
    empty where the folder is absent, so that a module's own written texts still run."""
    import extract

    folder = CORPUS_DEV / "bulk"
    if not folder.is_dir():
        return []
    ingest = extract.Options(components=())
    return [extract.parse_file(str(p), options=ingest).text for p in sorted(folder.glob("*"))[::every]]


def random_texts(pieces, n: int, seed: int, longest: int = 40) -> list[str]:
    """`n` texts of 0..`longest` pieces drawn at random (seeded) from `pieces`: the inputs on
    which the speed rounds' shortcuts are checked against the work they replace."""
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


_THROUGHPUT: list[str] = []


def throughput_texts() -> list[str]:
    """The throughput benchmark's plain texts (benchmarks/bench_speed.plain_texts: the cleaned
    text of the real articles and the written corpora), made once per test session."""
    if not _THROUGHPUT:
        import sys

        sys.path.insert(0, str(ROOT / "benchmarks"))
        import bench_speed

        _THROUGHPUT.extend(bench_speed.plain_texts())
    return _THROUGHPUT


@pytest.fixture(scope="session")
def ingest_only():
    from extract.options import Options

    return Options(components=())


def count_calls(fn) -> int:
    """Python and C calls made while fn() runs (sys.setprofile): work counted, not timed."""
    import sys

    count = 0

    def prof(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def parsed_bulk(pattern: str, options) -> list:
    """The bulk files matching `pattern`, parsed with `options` (the test skips where none is present)."""
    import extract

    paths = bulk_files(pattern)
    if not paths:
        pytest.skip(f"no bulk file {pattern}")
    return [extract.parse_file(str(p), options=options) for p in paths]


def html_page(body: str, title: str = "") -> str:
    """A minimal HTML page around `body` (with a <title> when one is given)."""
    head = f"<head><title>{title}</title></head>" if title else ""
    return f"<html>{head}<body>{body}</body></html>"


def budget(n: int):
    """Hypothesis settings for a property test of n examples: `HNX_PROPS=long` runs
    HNX_PROPS_SCALE (40) times as many, randomized; otherwise derandomized (CI repeats)."""
    import os

    from hypothesis import HealthCheck, settings

    long = os.environ.get("HNX_PROPS") == "long"
    scale = int(os.environ.get("HNX_PROPS_SCALE", "40"))
    return settings(max_examples=n * scale if long else n, deadline=None, derandomize=not long,
                    suppress_health_check=list(HealthCheck))


_VALIDATOR = []


def schema_validator():
    """The published JSON schema's validator (the test skips where jsonschema is absent)."""
    if not _VALIDATOR:
        jsonschema = pytest.importorskip("jsonschema")
        from extract.schema import json_schema

        _VALIDATOR.append(jsonschema.Draft202012Validator(json_schema()))
    return _VALIDATOR[0]


PORTAL = "<html><head><title>{title} - 【某某易购】</title></head><body><h1>{title}</h1>{body}</body></html>"


def portal_page(body: str) -> str:
    """A repost on a procurement portal (the site's name in the <title> only), around `body`."""
    return PORTAL.format(title="医保移动支付全面开通", body=body)
