"""benchmarks/mutate.py stays meaningful: every family it names is still there to switch off,
each switch changes its file into one that still loads, and the families the issue's bar
names (#20) are all enumerated. (The mutation run itself takes the whole suite once per
mutation: it is a benchmark script, not a test.)"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys

import pytest
import yaml

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("hnx_mutate", ROOT / "benchmarks" / "mutate.py")
mutate = importlib.util.module_from_spec(_spec)
sys.modules["hnx_mutate"] = mutate
_spec.loader.exec_module(mutate)

MUTATIONS = mutate.all_mutations()
# inside a mutant's suite run the data files are already mutated: nothing to check here
pytestmark = pytest.mark.skipif(bool(os.environ.get("HNX_MUTANT")), reason="running inside a mutant (HNX_MUTANT)")


def test_the_required_families_are_enumerated():
    names = {m.name for m in MUTATIONS if m.required}
    assert {"ingest.title", "ingest.published.text", "institutions.layer.patterns"} <= names
    dates = yaml.safe_load((ROOT / "extract/dates/patterns.yaml").read_text(encoding="utf-8"))
    assert {f"dates.core.{k}" for k in dates["cores"]} | {f"dates.suffix.{k}" for k in dates["suffixes"]} <= names
    assert {"dates.core.quarter", "dates.core.day_span", "dates.core.rel_day", "dates.suffix.to"} <= names
    money = yaml.safe_load((ROOT / "extract/money/rules.yaml").read_text(encoding="utf-8"))
    assert {f"money.rule.{k}" for k, v in money.items() if isinstance(v, (list, dict, str))} <= names
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS)


@pytest.mark.parametrize("m", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_mutation_applies_and_the_file_still_loads(m, tmp_path):
    src = ROOT / m.file
    dst = tmp_path / m.file
    dst.parent.mkdir(parents=True)
    shutil.copy(src, dst)
    m.apply(tmp_path)  # NotApplicable here: the hook the mutation needs is gone (see its message)
    after = dst.read_text(encoding="utf-8")
    assert after != src.read_text(encoding="utf-8")
    if dst.suffix == ".yaml":
        assert mutate._load(dst) != mutate._load(src)
    else:
        compile(after, str(dst), "exec")
        assert f"_HNX_MUTANT = {m.name!r}" in after


def test_a_missing_hook_is_reported_not_run(tmp_path):
    m = mutate.switch("x.gone", "x", "a function that is not there", "extract/ingest/meta.py", ("no_such_function",),
                      "def no_such_function():\n    return None\n")
    (tmp_path / "extract/ingest").mkdir(parents=True)
    shutil.copy(ROOT / "extract/ingest/meta.py", tmp_path / "extract/ingest/meta.py")
    with pytest.raises(mutate.NotApplicable, match="hook needed.*no_such_function"):
        m.apply(tmp_path)


def test_combined_runs_keep_every_result_and_each_run(tmp_path):
    """--combine: the runs of two sittings make one result file, in the order of the mutations,
    with the later result of a mutation run twice, and each run's command and commit kept."""
    def run(name, commit, results):
        p = tmp_path / f"{name}.json"
        meta = {"command": f"python benchmarks/mutate.py -k {name}", "date": "2026-12-03 12:00 UTC", "commit": commit,
                "deselected": [], "summary": ""}
        p.write_text(__import__("json").dumps({"meta": meta, "results": results}), encoding="utf-8")
        return str(p)

    def res(name, outcome, required=True):
        return {"name": name, "family": name.split(".")[0], "what": "-", "required": required, "outcome": outcome,
                "first_failure": "tests/x.py::t" if outcome == "killed" else None, "seconds": 1.0, "detail": ""}

    a = run("money", "aaa", [res("money.rule.scales", "survived"), res("money.rule.digits", "killed")])
    b = run("dates", "bbb", [res("dates.core.iso", "killed"), res("money.rule.scales", "killed")])
    out = tmp_path / "all.json"
    assert mutate.main(["--combine", a, b, "--json", str(out)]) == 0
    data = __import__("json").loads(out.read_text(encoding="utf-8"))
    assert [r["name"] for r in data["results"]] == ["dates.core.iso", "money.rule.digits", "money.rule.scales"]
    assert all(r["outcome"] == "killed" for r in data["results"])
    assert data["meta"]["commit"] == "aaa and bbb" and len(data["meta"]["runs"]) == 2
    assert data["meta"]["summary"] == "3 mutations: 3 killed; required (issue #20): 3/3 killed"
    assert mutate.main(["--combine", a, "--json", str(out)]) == 1   # a required family survived
