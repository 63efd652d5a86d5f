"""Flat files for analysts: one file per table (and per view), CSV or Parquet; or the
records themselves as JSONL. Every file is written beside its final name and renamed
into place, so an interrupted export leaves no half-written file."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, Sequence

import sqlalchemy as sa

from .read import read_records
from .tables import TABLES, VIEWS

FORMATS = ("csv", "parquet", "jsonl")
BATCH = 5000


@contextmanager
def _atomic(path: Path) -> Iterator[str]:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)   # mkstemp makes it private; the export is not
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _cell(v) -> object:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):   # sorted keys: the same text whatever order the database keeps
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _relation(conn: sa.Connection, name: str) -> sa.Table:
    for t in TABLES:
        if t.name == name:
            return t
    return sa.Table(name, sa.MetaData(), autoload_with=conn)


def _ordered(rel: sa.Table) -> sa.Select:
    key = list(rel.primary_key.columns) or list(rel.columns)
    return sa.select(rel).order_by(*key)


def export(engine: sa.Engine, out_dir: Path, fmt: str, names: Optional[Sequence[str]] = None,
           views: bool = True) -> list[Path]:
    """Write the tables (and views) to `out_dir`; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = out_dir / "documents.jsonl"
        with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
            for rec in read_records(engine):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return [path]
    known = [t.name for t in TABLES] + list(VIEWS)
    chosen = list(names) if names else [t.name for t in TABLES] + (list(VIEWS) if views else [])
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise ValueError(f"no such table or view: {', '.join(unknown)} (known: {', '.join(known)})")
    written = []
    with engine.connect() as conn:
        for name in chosen:
            rel = _relation(conn, name)
            path = out_dir / f"{name}.{fmt}"
            rows = conn.execution_options(yield_per=BATCH).execute(_ordered(rel))
            if fmt == "csv":
                _write_csv(path, rows)
            else:
                _write_parquet(path, rel, rows, is_table=name not in VIEWS)
            written.append(path)
    return written


def _write_csv(path: Path, rows: sa.Result) -> None:
    with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(list(rows.keys()))
        for part in rows.partitions():
            w.writerows([_cell(v) for v in r] for r in part)


def _arrow_type(col: sa.Column):
    import pyarrow as pa

    t = col.type
    for python_type, arrow in ((bool, pa.bool_()), (int, pa.int64()), (float, pa.float64()),
                               (dt.datetime, pa.timestamp("s")), (dt.date, pa.date32())):
        try:
            if issubclass(t.python_type, python_type):
                return arrow
        except NotImplementedError:
            break
    return pa.string()


def _write_parquet(path: Path, rel: sa.Table, rows: sa.Result, is_table: bool) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise RuntimeError("Parquet needs pyarrow: pip install 'hnx-extract[parquet]'") from None
    keys = list(rows.keys())
    json_cols = {c.name for c in rel.columns if isinstance(c.type, sa.JSON) or "JSON" in type(c.type).__name__}
    schema = pa.schema([(c.name, _arrow_type(c)) for c in rel.columns]) if is_table else None

    def batch(part) -> "pa.Table":
        cols = {k: [(json.dumps(r[i], ensure_ascii=False, sort_keys=True) if k in json_cols and r[i] is not None
                     else r[i])
                    for r in part] for i, k in enumerate(keys)}
        return pa.table(cols, schema=schema) if schema is not None else pa.table(cols)

    with _atomic(path) as tmp:
        writer = None
        try:
            # a view's columns are typed from its rows: take them all at once (views are summaries)
            for part in (rows.partitions() if is_table else [rows.all()]):
                table = batch(part)
                if writer is None:
                    schema = table.schema
                    writer = pq.ParquetWriter(tmp, schema)
                writer.write_table(table)
            if writer is None:   # no rows: the columns still get their types
                schema = schema or pa.schema([(k, pa.string()) for k in keys])
                writer = pq.ParquetWriter(tmp, schema)
        finally:
            if writer is not None:
                writer.close()
