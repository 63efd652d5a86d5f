"""The `hnx` command line (typer). Exit codes: 0 all files parsed, 1 some files
had errors, 2 usage errors."""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Structured records from Chinese health-news articles.")

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".md", ".markdown",
                    ".php", ".asp", ".aspx", ".jsp"}


def _version(value: bool):
    if value:
        typer.echo(f"hnx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")):
    """hnx: dates, deadlines, money, institutions and procedures from health-news articles."""


def collect(paths: List[Path]) -> list[Path]:
    """Files as given, and article files below folders (recursive, sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not any(
                    part.startswith(".") for part in f.relative_to(p).parts
                ) and not f.name.lower().startswith(("readme", "license")):
                    out.append(f)
        else:
            out.append(p)
    return out


def load_manifest(path: Path) -> dict:
    """CSV or JSONL with file,published[,url,outlet,title] -> {file: row}."""
    from .refdate import RefDate

    rows: list[dict] = []
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".json") or text.lstrip().startswith("{"):
        for i, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as e:
                    raise typer.BadParameter(f"{path}:{i}: not JSON: {e}", param_hint="--manifest")
    else:
        rows = list(csv.DictReader(text.splitlines()))
    manifest = {}
    for i, row in enumerate(rows, 1):
        row = {str(k).strip().lower(): (str(v).strip() if v is not None else "") for k, v in row.items() if k}
        if not row.get("file"):
            raise typer.BadParameter(f"{path}: row {i} has no 'file'", param_hint="--manifest")
        if row.get("published"):
            try:
                RefDate.parse(row["published"])
            except ValueError as e:
                raise typer.BadParameter(f"{path}: row {i}: {e}", param_hint="--manifest")
        manifest[row["file"]] = {k: v for k, v in row.items() if k != "file" and v}
        base = (path.parent / row["file"])
        manifest.setdefault(str(base), manifest[row["file"]])
        manifest.setdefault(os.path.abspath(base), manifest[row["file"]])
    return manifest


MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")


def find_manifests(paths: List[Path]) -> list[Path]:
    """The manifests beside the inputs: manifest.csv or manifest.jsonl in each folder
    given, or in the folder of each file given (read without --manifest; --manifest
    replaces them)."""
    out: list[Path] = []
    for p in paths:
        folder = p if p.is_dir() else p.parent
        for name in MANIFEST_NAMES:
            m = folder / name
            if m.is_file() and m not in out:
                out.append(m)
    return out


@contextmanager
def atomic_output(path: Optional[Path]) -> Iterator:
    """Write to a temporary file beside `path` and rename it into place at the end:
    an interrupted run never leaves a half-written output."""
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@app.command()
def run(
    paths: List[Path] = typer.Argument(..., help="Files and folders (recursive)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: standard output)."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one record a line) or json (an array)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for every file (2021-11-25, 2018-10, 2018)."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV/JSONL: file,published[,url,outlet,title]; overrides what is found. Default: a manifest.csv or manifest.jsonl beside the inputs."),
    jobs: int = typer.Option(1, "-j", "--jobs", min=1, help="Worker processes."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Only ingest: text, metadata, articles."),
    db: Optional[str] = typer.Option(None, "--db", help="Also load the records into this database (sqlite:///policy.db, postgresql://user@host/db); records are then printed only with -o."),
):
    """Parse article files into JSON records, one per input file."""
    from .options import Options
    from .pipeline import parse_files
    from .refdate import RefDate

    if fmt not in ("jsonl", "json"):
        raise typer.BadParameter("must be jsonl or json", param_hint="--format")
    if published is not None:
        try:
            RefDate.parse(published)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--published")
    manifests = [manifest] if manifest else find_manifests(paths)
    rows = {k: v for m in manifests for k, v in load_manifest(m).items()} or None
    files = collect(paths)
    options = Options(components=()) if no_extract else Options()
    stats: Counter = Counter()
    failed = 0
    show_progress = sys.stderr.isatty() and output is not None
    sink = _db_sink(db)
    with (atomic_output(output) if output or not sink else open(os.devnull, "w")) as fh:
        docs = parse_files(files, jobs=jobs, published=published, options=options, manifest=rows)
        if sink:
            docs = sink.tee(docs)
        if show_progress:
            from rich.progress import track

            docs = track(docs, total=len(files), description="parsing", console=_stderr_console())
        if fmt == "json":
            fh.write("[\n")
        for i, doc in enumerate(docs):
            stats["files"] += 1
            stats["articles"] += len(doc.articles)
            stats["deadlines"] += len(doc.deadlines)
            stats["procedures"] += len(doc.procedures)
            for m in doc.mentions:
                stats[m.type] += 1
            if doc.errors:
                failed += 1
            line = doc.to_json()
            if fmt == "json":
                fh.write(("," if i else "") + line + "\n")
            else:
                fh.write(line + "\n")
        if fmt == "json":
            fh.write("]\n")
    summary = (f"{stats['files']} files, {stats['articles']} articles, "
               + ", ".join(f"{stats[t]} {t}" for t in ("date", "money", "percent", "institution"))
               + f", {stats['deadlines']} deadlines, {stats['procedures']} procedures, {failed} with errors"
               + "".join(f"; manifest {m}" for m in manifests))
    typer.echo(summary, err=True)
    if sink:
        typer.echo(sink.summary(), err=True)
    raise typer.Exit(1 if failed or (sink and sink.loader.stats.failed) else 0)


def _db_sink(db: Optional[str]):
    if not db:
        return None
    from .db.cli import RunSink

    return RunSink(db)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def schema():
    """Print the JSON Schema of the output record."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def _register_plugins() -> None:
    from .db.cli import register as register_db
    from .evaluation.cli import register as register_eval
    from .institutions.cli import register as register_train
    from .review.cli import register as register_show

    register_db(app)
    register_eval(app)
    register_train(app)
    register_show(app)


_register_plugins()


def main() -> None:
    app(prog_name="hnx")
