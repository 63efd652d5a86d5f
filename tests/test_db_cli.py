"""`hnx run --db`, `hnx load`, `hnx export` on SQLite (the PostgreSQL paths are in test_db.py)."""
from __future__ import annotations

import csv
import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from conftest import SEEDS
from extract.cli import app
from extract.db.tables import TABLES, VIEWS

runner = CliRunner()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The seeds run straight into a database, and their records written by run -o."""
    tmp = tmp_path_factory.mktemp("db")
    db = f"sqlite:///{tmp / 'policy.db'}"
    into_db = runner.invoke(app, ["run", str(SEEDS), "--db", db])
    records = tmp / "records.jsonl"
    to_file = runner.invoke(app, ["run", str(SEEDS), "-o", str(records)])
    assert to_file.exit_code == 0, to_file.output
    return into_db, db, records, tmp


def _count(db: str, name: str) -> int:
    engine = sa.create_engine(db)
    with engine.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(sa.table(name))).scalar()
    engine.dispose()
    return n


def test_run_db_loads_without_printing_records(loaded):
    into_db, db, records, _ = loaded
    assert into_db.exit_code == 0, into_db.output
    assert into_db.stdout == ""
    assert "5 documents inserted, 0 replaced, 0 unchanged, 0 not loaded" in into_db.stderr
    assert _count(db, "documents") == 5 and _count(db, "mentions") > 100


def test_load_of_the_same_records_changes_nothing(loaded):
    _, db, records, _ = loaded
    before = {t.name: _count(db, t.name) for t in TABLES}
    result = runner.invoke(app, ["load", str(records), "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 documents inserted, 0 replaced, 5 unchanged" in result.stderr
    assert {t.name: _count(db, t.name) for t in TABLES} == before


def test_export_csv_one_file_per_table_and_view(loaded):
    _, db, _, tmp = loaded
    out = tmp / "csv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in out.iterdir()) == sorted([t.name for t in TABLES] + list(VIEWS))
    for t in TABLES:
        with open(out / f"{t.name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == [c.name for c in t.columns]
        assert len(rows) - 1 == _count(db, t.name)
    with open(out / "deadlines.csv", encoding="utf-8", newline="") as fh:
        first = next(csv.DictReader(fh))
    assert first["due_at"][:10] == first["due"][:10]


def test_export_parquet_keeps_types(loaded):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow (the parquet extra) is not installed")
    import pyarrow as pa

    _, db, _, tmp = loaded
    out = tmp / "parquet"
    result = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(out),
                                 "--table", "mentions", "--table", "deadlines", "--table", "institution_aliases"])
    assert result.exit_code == 0, result.output
    mentions = pq.read_table(out / "mentions.parquet")
    assert mentions.num_rows == _count(db, "mentions")
    assert mentions.schema.field("value_num").type == pa.float64()
    assert mentions.schema.field("date_start").type == pa.date32()
    assert pa.types.is_timestamp(pq.read_table(out / "deadlines.parquet").schema.field("due_at").type)
    assert pq.read_table(out / "institution_aliases.parquet").num_rows > 10


def test_export_jsonl_gives_the_records_back(loaded):
    _, db, records, tmp = loaded
    out = tmp / "jsonl"
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = {r["id"]: r for r in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    original = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert back == {r["id"]: r for r in original}


def test_bad_lines_are_reported_and_the_rest_loaded(loaded, tmp_path):
    _, _, records, _ = loaded
    lines = records.read_text(encoding="utf-8").splitlines()
    future = json.loads(lines[1])
    future["schema_version"] = "2.0"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], '{"id": "cut', json.dumps(future, ensure_ascii=False), "", lines[2]]) + "\n",
                   encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(app, ["load", str(bad), "--db", db])
    assert result.exit_code == 1
    assert f"{bad}:2: not JSON" in result.stderr
    assert f"{bad}:3: record schema 2.0 is not readable" in result.stderr
    assert "2 documents inserted, 0 replaced, 0 unchanged, 2 not loaded" in result.stderr
    assert _count(db, "documents") == 2


def test_json_array_and_hnx_db_variable(loaded, tmp_path, monkeypatch):
    _, _, records, _ = loaded
    array = tmp_path / "records.json"
    array.write_text("[\n" + ",\n".join(records.read_text(encoding="utf-8").splitlines()) + "\n]\n", encoding="utf-8")
    db = tmp_path / "env.db"
    monkeypatch.setenv("HNX_DB", str(db))            # a bare path means SQLite
    result = runner.invoke(app, ["load", str(array)])
    assert result.exit_code == 0, result.output
    assert "5 documents inserted" in result.stderr
    assert _count(f"sqlite:///{db}", "documents") == 5


@pytest.mark.parametrize("args, message", [
    (["export", "--db", "/nonexistent-dir/x.db", "-o", "/tmp/x"], "no such database file"),
    (["load", "README.md", "--db", "mysql://u@localhost/x"], "unsupported database 'mysql'"),
    (["load", "README.md", "--db", "/nonexistent-dir/x.db"], "no such folder for the SQLite file"),
    (["load", "README.md", "--db", "postgresql://nobody@127.0.0.1:1/none"], "cannot open"),
])
def test_unusable_databases_get_a_clear_error(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_export_refuses_an_unknown_table(loaded, tmp_path):
    _, db, _, _ = loaded
    result = runner.invoke(app, ["export", "--db", db, "--table", "users", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such table or view: users" in result.stderr


def test_the_same_document_twice_in_one_chunk_is_loaded_once(loaded, tmp_path):
    from extract.db import load_records, open_database

    _, _, records, _ = loaded
    recs = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    changed = json.loads(json.dumps(recs[0]))
    changed["meta"]["title"] = "改过的标题"
    db = open_database(f"sqlite:///{tmp_path / 'dup.db'}")
    stats = load_records(db.engine, [*recs, changed])
    assert (stats.inserted, stats.superseded) == (len(recs), 1)
    assert "1 superseded" in stats.summary()
    with db.engine.connect() as conn:
        titles = conn.execute(sa.select(sa.column("title")).select_from(sa.table("documents"))
                              .where(sa.column("id") == changed["id"])).scalars().all()
    assert titles == ["改过的标题"]        # the later record wins
