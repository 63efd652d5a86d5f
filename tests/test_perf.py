"""What keeps start-up cheap (issue 13), asserted as behaviour, never as a timing: which
modules a command imports, and that the lazy plugin table names what the plugins register.
Timings are in benchmarks/bench_speed.py and docs/performance.md."""
from __future__ import annotations

import importlib
import subprocess
import sys

import typer

from extract.cli import PLUGINS


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_plugin_table_names_every_command_each_plugin_registers():
    for module in sorted(set(PLUGINS.values())):
        sub = typer.Typer()
        importlib.import_module(module).register(sub)
        names = set(typer.main.get_group(sub).commands)
        assert names == {n for n, m in PLUGINS.items() if m == module}, module


def test_version_imports_no_plugin_and_no_extractor():
    mods = _modules_after("import sys; sys.argv = ['hnx', '--version']\nfrom extract.cli import main\n"
                          "try: main()\nexcept SystemExit: pass")
    assert not {"sqlalchemy", "alembic", "pydantic", "spacy", "extract.db", "extract.institutions",
                "extract.evaluation", "extract.review"} & mods


def test_plain_text_parse_imports_no_html_parser_and_no_pydantic():
    mods = _modules_after("import extract; extract.parse('国家医保局发布通知。参保人员应于2024年12月31日前完成缴费。')")
    assert not {"bs4", "soupsieve", "spacy", "pydantic"} & mods
