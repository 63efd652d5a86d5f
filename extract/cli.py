"""The `hnx` command line (typer). Exit codes: 0 all files parsed, 1 some files
had errors, 2 usage errors, 3 the run itself failed (see extract.batch.runner)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperGroup

from . import __version__

# command -> the module whose register(app) adds it. A plugin module (and its package,
# which may import SQLAlchemy, spaCy or the extractors) is imported only when one of its
# commands is run or listed by --help: `hnx --version` and `hnx run` import none of them.
PLUGINS = {
    "load": "extract.db.cli", "export": "extract.db.cli",
    "eval": "extract.evaluation.cli", "gold": "extract.evaluation.cli",
    "train": "extract.institutions.cli",
    "show": "extract.review.cli",
}


class _PluginGroup(TyperGroup):
    """The root command group; plugin commands are built on first use (click's lazy group)."""

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands) + [n for n in PLUGINS if n not in self.commands]

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in PLUGINS:
            self._load(PLUGINS[name])
        return super().get_command(ctx, name)

    def _load(self, module: str) -> None:
        from importlib import import_module

        sub = typer.Typer()
        import_module(module).register(sub)
        for cmd_name, cmd in typer.main.get_group(sub).commands.items():
            self.commands.setdefault(cmd_name, cmd)


app = typer.Typer(cls=_PluginGroup, add_completion=False, no_args_is_help=True,
                  help="Structured records from Chinese health-news articles.")


def _version(value: bool):
    if value:
        typer.echo(f"hnx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")):
    """hnx: dates, deadlines, money, institutions and procedures from health-news articles."""


def collect(paths: List[Path]) -> list[Path]:
    """The input files among `paths` (files as given, folders walked; see
    extract.batch.inputs for what is skipped below a folder and why)."""
    from .batch.inputs import Collector, Input
    from .manifest import find_manifest

    beside = find_manifest(paths)
    collector = Collector(avoid=[(beside, "the manifest")] if beside else ())
    return [Path(item.path) for item in collector.collect(paths) if isinstance(item, Input)]


def load_manifest(path: Path) -> dict:
    """A manifest as {file: fields} (extract.manifest); a bad one is a usage error."""
    from .manifest import ManifestError
    from .manifest import load_manifest as _load

    try:
        return _load(path)
    except ManifestError as e:
        raise typer.BadParameter(str(e), param_hint="--manifest")


@app.command()
def run(
    paths: List[str] = typer.Argument(..., help="Files and folders (recursive); - reads a list of paths from standard input."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file; - or nothing: standard output."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one record a line) or json (an array)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for every file (2021-11-25, 2018-10, 2018)."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV/JSONL: file,published[,url,outlet,title]; overrides what is found. Default: manifest.csv/.jsonl beside the inputs."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="Worker processes (default: the number of cores)."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Only ingest: text, metadata, articles."),
    db: Optional[str] = typer.Option(None, "--db", help="Also load the records into this database (sqlite:///policy.db, postgresql://user@host/db); records are then printed only with -o."),
    timeout: float = typer.Option(60.0, "--timeout", min=0, help="Seconds a file may take; then it becomes an error record and the batch goes on (0: no limit)."),
    resume: bool = typer.Option(False, "--resume", help="Keep the records already in -o FILE (and those of an interrupted run) whose input is unchanged; parse the rest."),
    unordered: bool = typer.Option(False, "--unordered", help="Write records as they are made, not in input order."),
    include: List[str] = typer.Option([], "--include", help="Only files found in folders that match this glob (name or path below the folder; repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", help="Leave out files found in folders that match this glob (repeatable)."),
    null: bool = typer.Option(False, "-0", "--null", help="With -: the paths on standard input are separated by NUL (find -print0)."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or dask (needs the dask extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler address (default: a local cluster of -j workers)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Say nothing but fatal errors."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Also name every file parsed and every file left out by --include/--exclude."),
    chunk: Optional[int] = typer.Option(None, "--chunk", min=1, help="Files handed to a worker at a time (default: 4 locally, 16 on Dask)."),
):
    """Parse article files into JSON records, one per input file.

    Exit codes: 0 all parsed, 1 some files had errors, 2 usage errors, 3 the run failed,
    130/143 interrupted (Ctrl-C / SIGTERM; records kept, --resume continues)."""
    from .batch.pool import default_jobs
    from .batch.runner import RunSpec
    from .batch.runner import run as run_batch
    from .options import Options
    from .refdate import RefDate

    if fmt not in ("jsonl", "json"):
        raise typer.BadParameter("must be jsonl or json", param_hint="--format")
    if engine not in ("local", "dask"):
        raise typer.BadParameter("must be local or dask", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("only with --engine dask", param_hint="--scheduler")
    if quiet and verbose:
        raise typer.BadParameter("--quiet and --verbose exclude each other", param_hint="--quiet")
    if published is not None:
        try:
            RefDate.parse(published)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--published")
    if engine == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise typer.BadParameter("needs Dask: pip install 'hnx-extract[dask]'", param_hint="--engine")
    argv = sys.argv[sys.argv.index("run"):] if "run" in sys.argv[1:] else None
    spec = RunSpec(
        paths=list(paths), output=Path(output) if output and output != "-" else None, fmt=fmt,
        published=published, manifest=manifest, jobs=jobs or default_jobs(),
        options=Options(components=()) if no_extract else Options(), timeout=timeout or None,
        resume=resume, unordered=unordered, include=tuple(include), exclude=tuple(exclude), null=null,
        engine=engine, scheduler=scheduler, verbosity=-1 if quiet else (1 if verbose else 0), db=db,
        chunk=chunk or (16 if engine == "dask" else 4), argv=argv)
    code = run_batch(spec)
    global _EXIT_NOW
    _EXIT_NOW = engine == "local" and db is None
    raise typer.Exit(code)


@app.command()
def schema():
    """Print the JSON Schema of the output record."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


# Set by a finished `hnx run` on the local engine: the records are written, the output is
# committed and the workers are joined, so the process leaves with os._exit instead of
# tearing down its interpreter (freeing every table, automaton and compiled pattern a
# warmed pipeline holds took 0.14-0.29 s of a 1,000-file run's wall time).
_EXIT_NOW = False


def main() -> None:
    try:
        app(prog_name="hnx")
    except SystemExit as e:
        code = e.code
        if _EXIT_NOW and (code is None or isinstance(code, int)):
            _leave(code or 0)
        raise


def _leave(code: int) -> None:
    """Flush what Python buffers (the console report, records on standard output) and exit now."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120            # what Python's own exit does when the final flush fails
    import os

    os._exit(code)
