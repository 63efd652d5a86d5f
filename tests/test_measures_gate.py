"""benchmarks/gate.py run as a script measures the extract package of the repository it sits in.

Run as `python benchmarks/gate.py`, Python puts benchmarks/ (not the repository) first on
sys.path, so without care `extract` comes from whatever is installed - on a machine with
another checkout installed in editable mode, the gate then measures that checkout's code.
The test copies gate.py into a throwaway repository whose `extract` is a marker package and
runs it from elsewhere: the script must name (and import) the throwaway package.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT


def test_gate_script_imports_the_extract_of_its_own_repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "benchmarks").mkdir(parents=True)
    (repo / "benchmarks" / "gate.py").write_text((ROOT / "benchmarks" / "gate.py").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    (repo / "extract").mkdir()
    (repo / "extract" / "__init__.py").write_text("MARK = 'throwaway'\n", encoding="utf-8")
    (repo / "corpora").mkdir()
    (repo / "corpora" / "floors.json").write_text(json.dumps({"sets": {}}), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run([sys.executable, str(repo / "benchmarks" / "gate.py")], cwd=elsewhere, env=env,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert f"code measured: {(repo / 'extract').resolve()}" in res.stdout, res.stdout
