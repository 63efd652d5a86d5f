"""The quality gate: the pipeline, evaluated on each set of corpora/floors.json, must not
fall below that set's floors. `real` is ../shared/corpus-dev/articles (36 real published
articles with independent gold; skipped only where that folder is absent), `written` is
corpora/seeds + corpora/gold (regression only), `real-heldout` is corpora/real-heldout (gold
for 24 real files of ../shared/corpus-dev/bulk, annotated blind and never tuned on; skipped where
../shared/corpus-dev/bulk is absent). Metadata is scored blind (see
extract.evaluation.run.predict). Raise floors with `python benchmarks/gate.py --raise`;
lower one only with a reason in the commit message."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluation.check import check_file
from extract.evaluation.evaluate import headline
from extract.evaluation.gold import gold_paths, load_gold

ROOT = Path(__file__).resolve().parents[1]
SETS = json.loads((ROOT / "corpora" / "floors.json").read_text(encoding="utf-8"))["sets"]
WRITTEN_GOLD = gold_paths([ROOT / p for p in SETS["written"]["paths"]])
_scores: dict = {}


def scores_of(name: str) -> dict:
    paths = [ROOT / p for p in SETS[name]["paths"]]
    needed = SETS[name]["paths"] + SETS[name].get("requires", [])   # `requires`: where a set's articles live
    if not all((ROOT / p).is_dir() for p in needed):
        pytest.skip(f"{', '.join(needed)} absent (third-party texts are not in the repository)")
    if name not in _scores:
        from extract.evaluation.run import run_eval

        golds, errors = load_gold(paths)
        assert not errors, errors
        _scores[name] = headline(run_eval(golds, errors).totals)
    return _scores[name]


@pytest.mark.parametrize("set_name,score", [(s, k) for s in SETS for k in sorted(SETS[s]["floors"])],
                         ids=[f"{s}:{k}" for s in SETS for k in sorted(SETS[s]["floors"])])
def test_floor(set_name, score):
    got = scores_of(set_name)
    assert score in got, f"floors.json names an unknown score {score!r}"
    assert got[score] is not None, f"{score}: nothing to measure in the {set_name} gold files"
    floor = SETS[set_name]["floors"][score]
    assert got[score] >= floor, f"{set_name} {score} = {got[score]:.4f} fell below its floor {floor}"


@pytest.mark.parametrize("path", WRITTEN_GOLD, ids=[f"{p.parent.name}/{p.name}" for p in WRITTEN_GOLD])
def test_gold_file_is_valid(path):
    res = check_file(path)
    assert res.errors == [], "\n".join(res.errors)


HELDOUT = [(name, path) for name in SETS if SETS[name].get("requires")   # sets whose articles are under ../shared
           for path in gold_paths([ROOT / p for p in SETS[name]["paths"]])]


@pytest.mark.parametrize("set_name,path", HELDOUT, ids=[f"{n}/{p.name}" for n, p in HELDOUT])
def test_shared_gold_file_is_valid(set_name, path):
    """real-dev2's and the test sets' gold reads articles under ../shared: checked where they are."""
    if not all((ROOT / p).is_dir() for p in SETS[set_name]["requires"]):
        pytest.skip("../shared/corpus-dev/bulk absent (third-party texts are not in the repository)")
    res = check_file(path)
    assert res.errors == [] and res.warnings == [], "\n".join(res.errors + res.warnings)
