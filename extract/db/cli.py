"""`hnx load` and `hnx export`, and the loader behind `hnx run --db`."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator, List, TextIO

import typer

DB_HELP = ("Database URL: sqlite:///policy.db (or a file path) or postgresql://user@host/db "
           "(needs the postgres extra). Default: $HNX_DB.")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def open_db(db: str, create: bool = True):
    from .database import DatabaseError, open_database

    try:
        database = open_database(db, create=create)
    except DatabaseError as e:
        _fail(str(e))
    if database.upgraded_from:
        typer.echo(f"{database.url}: database layout upgraded from {database.upgraded_from} "
                   f"to {database.revision}", err=True)
    return database


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def read_jsonl(fh: TextIO, name: str) -> Iterator[tuple[object, str]]:
    """(record, where) for each record of a JSONL stream (read as it comes: a pipe works)
    or of a JSON array; what is not JSON is reported and given as None."""
    seen_content = False
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        if not seen_content and line.lstrip().startswith("["):
            try:
                items = json.loads(line + fh.read())
            except ValueError as e:
                _error(f"{name}: not a JSON array: {e}")
                yield None, name
                return
            for i, item in enumerate(items):
                yield item, f"{name}[{i}]"
            return
        seen_content = True
        try:
            yield json.loads(line), f"{name}:{n}"
        except ValueError as e:
            _error(f"{name}:{n}: not JSON: {e}")
            yield None, f"{name}:{n}"


def load_cmd(
    records: List[Path] = typer.Argument(..., help="JSONL (or JSON array) files of records; - for standard input."),
    db: str = typer.Option(..., "--db", envvar="HNX_DB", help=DB_HELP),
    chunk: int = typer.Option(200, "--chunk", min=1, help="Documents per transaction: a crash loses at most one chunk."),
):
    """Load records made earlier (hnx run -o) into a database; reloading is safe."""
    from .load import Loader

    for p in records:
        if str(p) != "-" and not p.is_file():
            raise typer.BadParameter(f"no such file: {p}", param_hint="RECORDS")
    database = open_db(db)
    unreadable = 0
    loader = Loader(database.engine, chunk, on_error=_error)
    for p in records:
        stdin = str(p) == "-"
        # UTF-8 whatever the locale; a pipe is read line by line as it comes
        fh = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig") if stdin else open(p, encoding="utf-8-sig")
        try:
            for rec, where in read_jsonl(fh, "stdin" if stdin else str(p)):
                if rec is None:
                    unreadable += 1
                else:
                    loader.add(rec, where)
        finally:
            if stdin:
                fh.detach()
            else:
                fh.close()
    stats = loader.close()
    stats.failed += unreadable
    typer.echo(f"{database.url}: {stats.summary()}", err=True)
    raise typer.Exit(1 if stats.failed else 0)


def export_cmd(
    db: str = typer.Option(..., "--db", envvar="HNX_DB", help=DB_HELP),
    fmt: str = typer.Option("csv", "--format", help="csv, parquet (needs the parquet extra) or jsonl (the records)."),
    out_dir: Path = typer.Option(..., "-o", "--output", help="Folder for the files (one per table)."),
    tables: List[str] = typer.Option([], "--table", help="Only these tables or views (repeatable)."),
    views: bool = typer.Option(True, "--views/--no-views", help="Also export the views."),
):
    """Write the database out as flat files: one CSV or Parquet file per table and view."""
    from .export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    database = open_db(db, create=False)
    try:
        paths = export(database.engine, out_dir, fmt, tables or None, views=views)
    except (ValueError, RuntimeError) as e:
        _fail(str(e))
    for p in paths:
        typer.echo(str(p))
    typer.echo(f"{len(paths)} files written to {out_dir}", err=True)


class RunSink:
    """`hnx run --db`: loads the documents as they are parsed, a chunk per transaction."""

    def __init__(self, db: str, chunk: int = 200):
        from .load import Loader

        self.database = open_db(db)
        self.loader = Loader(self.database.engine, chunk, on_error=_error)

    def tee(self, docs: Iterable) -> Iterator:
        for doc in docs:
            self.loader.add(doc, doc.source or doc.id)
            yield doc
        self.loader.close()

    def summary(self) -> str:
        return f"{self.database.url}: {self.loader.stats.summary()}"


def register(app: typer.Typer) -> None:
    app.command("load")(load_cmd)
    app.command("export")(export_cmd)
