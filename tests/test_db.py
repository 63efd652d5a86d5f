"""The database loader on SQLite and on a real PostgreSQL server (a throwaway cluster on
127.0.0.1 started here from the installed server binaries; .ci/install-postgres.sh
installs them from Debian's packages). The PostgreSQL cases skip, saying why, only where
no server can be started. HNX_TEST_POSTGRES_URL=postgresql://user@host:port/ points them
at an existing server instead (each test creates and drops its own database there)."""
from __future__ import annotations

import copy
import csv
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from extract.db import DatabaseError, load_records, open_database, read_records
from extract.db.database import VERSION_TABLE, create_engine, upgrade
from extract.db.tables import TABLES, VIEWS, deadlines, institutions, mentions
from extract.schema import Document

ROOT = Path(__file__).resolve().parents[1]


# ---- a PostgreSQL server for the session ---------------------------------------------------

def _pg_bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return str(Path(found[-1]).parent)
    initdb = shutil.which("initdb")
    return str(Path(initdb).parent) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """postgresql://...:port/ of a running server (no database part)."""
    if os.environ.get("HNX_TEST_POSTGRES_URL"):
        yield os.environ["HNX_TEST_POSTGRES_URL"].rstrip("/") + "/"
        return
    pytest.importorskip("psycopg", reason="psycopg (the postgres extra) is not installed")
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine: .ci/install-postgres.sh installs them")
    as_user: list[str] = []
    tmp = tempfile.mkdtemp(prefix="hnx-pg-")
    if os.geteuid() == 0:   # the server refuses to run as root: run it as the postgres account
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' account to run the server as")
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, port = f"{tmp}/data", f"{tmp}/server.log", _free_port()
    steps = [
        [*as_user, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"],
        [*as_user, f"{bindir}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
         f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={tmp} -c fsync=off", "start"],
    ]
    for cmd in steps:
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            tail = Path(log).read_text(errors="replace")[-800:] if Path(log).exists() else ""
            shutil.rmtree(tmp, ignore_errors=True)
            pytest.skip(f"PostgreSQL could not start here ({Path(cmd[len(as_user)]).name} failed): "
                        f"{(res.stderr or res.stdout).strip()[-400:]} {tail}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/"
    finally:
        subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _admin(server: str, statement) -> None:
    import psycopg

    with psycopg.connect(server + "postgres", autocommit=True) as c:
        c.execute(statement)


def new_postgres_db(server: str) -> tuple[str, callable]:
    from psycopg import sql

    name = f"hnx_{uuid.uuid4().hex[:12]}"
    _admin(server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop():
        _admin(server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    return server + name, drop


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A factory of empty databases of one dialect: db_url() -> URL."""
    made: list = []

    def make() -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / f'db{len(made)}_{uuid.uuid4().hex[:6]}.sqlite'}"
        url, drop = new_postgres_db(request.getfixturevalue("postgres_server"))
        made.append(drop)
        return url

    yield make
    for drop in made:
        drop()


# ---- records: the pipeline's output on the bundled corpora -----------------------------------

@pytest.fixture(scope="session")
def records() -> list[dict]:
    from extract import parse_files

    files = sorted(p for d in ("seeds", "gold") for p in (ROOT / "corpora" / d).iterdir()
                   if p.is_file() and not p.name.endswith(".gold.json") and not p.name.startswith("README"))
    return [json.loads(doc.to_json()) for doc in parse_files(files)]


def dump(url: str) -> dict:
    """Every row of every table, in key order: two databases are the same when equal."""
    db = open_database(url)
    out = {}
    with db.engine.connect() as conn:
        for t in TABLES:
            out[t.name] = [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.primary_key.columns))]
    db.engine.dispose()
    return out


def counts(url: str) -> dict:
    return {name: len(rows) for name, rows in dump(url).items()}


# ---- the tests ---------------------------------------------------------------------------------

def test_round_trip_gives_equal_records(db_url, records):
    assert len(records) >= 25 and sum(len(r["procedures"]) for r in records) > 10
    db = open_database(db_url())
    stats = load_records(db.engine, records)
    assert (stats.inserted, stats.failed) == (len(records), 0)
    back = {r["id"]: r for r in read_records(db.engine)}
    assert len(back) == len(records)
    for rec in records:
        assert back[rec["id"]] == rec
        assert Document.model_validate(back[rec["id"]]) == Document.model_validate(rec)


def test_typed_columns_hold_real_dates_and_numbers(db_url, records):
    db = open_database(db_url())
    load_records(db.engine, records)
    with db.engine.connect() as conn:
        d = conn.execute(sa.select(deadlines.c.due, deadlines.c.due_at).where(deadlines.c.due.like("%T%"))).first()
        first = conn.execute(sa.select(mentions.c.value_text, mentions.c.date_start, mentions.c.date_end)
                             .where(mentions.c.grain == "month").limit(1)).first()
        money = conn.execute(sa.select(sa.func.max(mentions.c.value_num)).where(mentions.c.type == "money")).scalar()
    assert d is not None and d.due_at.isoformat(timespec="minutes") == d.due
    y, m = map(int, first.value_text[:7].split("-"))
    assert (first.date_start.year, first.date_start.month, first.date_start.day) == (y, m, 1)
    assert first.date_end.month == m and first.date_end > first.date_start
    assert isinstance(money, float) and money > 1e6


def test_loading_twice_changes_nothing(db_url, records):
    url = db_url()
    load_records(open_database(url).engine, records)
    before = dump(url)
    stats = load_records(open_database(url).engine, records, chunk_size=7)
    assert (stats.inserted, stats.replaced, stats.unchanged) == (0, 0, len(records))
    assert dump(url) == before
    assert min(len(v) for k, v in before.items() if k in ("documents", "mentions", "steps", "institutions")) > 20


def test_changed_document_leaves_no_stale_rows(db_url, records):
    from extract import parse_file
    from extract.options import Options

    target = max(records, key=lambda r: len(r["procedures"]) + len(r["deadlines"]) + len(r["changes"]))
    thin = json.loads(parse_file(target["source"], options=Options(components=())).to_json())
    assert thin["id"] == target["id"] and not thin["mentions"]
    final = [thin if r["id"] == target["id"] else r for r in records]
    first, direct = db_url(), db_url()
    load_records(open_database(first).engine, records)
    only_there = {m["name"] for m in target["mentions"] if m["name"]} - {
        m["name"] for r in final for m in r["mentions"] if m["name"]}
    stats = load_records(open_database(first).engine, final)
    assert (stats.replaced, stats.unchanged) == (1, len(records) - 1)
    load_records(open_database(direct).engine, final)
    assert dump(first) == dump(direct)        # no row of the old version is left anywhere
    engine = open_database(first).engine
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(mentions)
                            .where(mentions.c.document_id == target["id"])).scalar() == 0
        if only_there:
            assert not conn.execute(sa.select(institutions.c.name).where(institutions.c.name.in_(only_there))).all()


def test_killed_load_reruns_to_the_same_database(db_url, records, tmp_path):
    url, reference = db_url(), db_url()
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "extract", "load", "-", "--db", url, "--chunk", "4"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=ROOT, env=env, text=True, encoding="utf-8")
    try:
        for r in records[:8]:
            proc.stdin.write(json.dumps(r, ensure_ascii=False) + "\n")
        proc.stdin.flush()
        engine = sa.create_engine(url)
        deadline = time.monotonic() + 120
        while True:   # two chunks committed
            try:
                with engine.connect() as conn:
                    n = conn.execute(sa.select(sa.func.count()).select_from(sa.table("documents"))).scalar()
            except sa.exc.DBAPIError:
                n = 0
            if n == 8 or time.monotonic() > deadline or proc.poll() is not None:
                break
            time.sleep(0.05)
        engine.dispose()
        assert n == 8, proc.stderr.read() if proc.poll() is not None else "no commit within 120 s"
        for r in records[8:11]:     # the third chunk is in flight: read, not committed
            proc.stdin.write(json.dumps(r, ensure_ascii=False) + "\n")
        proc.stdin.flush()
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert counts(url)["documents"] == 8      # lost at most the chunk in flight
    # killed again, this time wherever it happens to be (inside a transaction, likely):
    # what is stored is whole documents, each equal to its record
    proc = subprocess.Popen([sys.executable, "-m", "extract", "load", str(path), "--db", url, "--chunk", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    engine = sa.create_engine(url)
    deadline = time.monotonic() + 120
    try:
        n = 8
        while n <= 9 and proc.poll() is None and time.monotonic() < deadline:
            try:
                with engine.connect() as conn:
                    n = conn.execute(sa.select(sa.func.count()).select_from(sa.table("documents"))).scalar()
            except sa.exc.DBAPIError:
                pass
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        engine.dispose()
    by_id = {r["id"]: r for r in records}
    stored = list(read_records(open_database(url).engine))
    assert 8 <= len(stored) <= len(records)
    assert all(r == by_id[r["id"]] for r in stored)
    from typer.testing import CliRunner

    from extract.cli import app

    rerun = CliRunner().invoke(app, ["load", str(path), "--db", url, "--chunk", "4"])
    assert rerun.exit_code == 0, rerun.output
    assert f"{len(records) - len(stored)} documents inserted, 0 replaced, {len(stored)} unchanged" in rerun.output
    load_records(open_database(reference).engine, records)
    assert dump(url) == dump(reference)


def test_unknown_fields_are_kept(db_url, records):
    rec = copy.deepcopy(max(records, key=lambda r: len(r["procedures"])))
    rec["provenance"] = {"crawler": "demo", "fetched": "2024-05-01"}
    rec["meta"]["section"] = "医保动态"
    rec["mentions"][0]["normalized"] = "X"
    rec["procedures"][0]["steps"][0]["order"] = 1
    rec["procedures"][0]["audience"] = ["参保人"]
    rec["errors"] = [{"stage": "extract", "message": "demo", "line": 3}]
    db = open_database(db_url())
    assert load_records(db.engine, [rec]).inserted == 1
    assert next(read_records(db.engine)) == rec


def _with_unknown_fields(records: list[dict]) -> list[dict]:
    rec = copy.deepcopy(max(records, key=lambda r: len(r["procedures"])))
    rec["provenance"] = {"crawler": "demo"}
    rec["meta"]["section"] = "医保动态"
    rec["mentions"][0]["normalized"] = "X"
    rec["procedures"][0]["steps"][0]["order"] = 1
    return [rec if r["id"] == rec["id"] else r for r in records]


def test_the_loader_stores_what_sqlalchemy_inserts_store(db_url, records):
    """The loader hands prebuilt parameters to the driver's executemany (extract/db/insert.py):
    the rows stored are those SQLAlchemy's own insert of the same row dicts stores."""
    from sqlalchemy.dialects import postgresql, sqlite

    from extract.db.rows import prepare

    recs = _with_unknown_fields(records)
    fast, plain = db_url(), db_url()
    load_records(open_database(fast).engine, recs)
    engine = open_database(plain).engine
    prepared = [prepare(r) for r in recs]
    names: dict = {}
    for p in prepared:
        for name, row in p.institutions.items():
            names.setdefault(name, row)
    with engine.begin() as conn:
        for table in TABLES:
            if table is institutions:
                insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
                conn.execute(insert(table).on_conflict_do_nothing(index_elements=["name"]), list(names.values()))
            elif rows := [r for p in prepared for r in p.rows[table.name]]:
                conn.execute(sa.insert(table), rows)
    engine.dispose()
    assert dump(fast) == dump(plain)
    if fast.startswith("sqlite"):   # the very text stored (JSON, dates, timestamps), not only the values read back
        import sqlite3

        def text(url: str) -> list[str]:
            with sqlite3.connect(sa.make_url(url).database) as c:
                return list(c.iterdump())
        assert text(fast) == text(plain)


def test_loading_leaves_the_records_as_they_were(records):
    from extract.db.rows import prepare

    recs = _with_unknown_fields(records)
    before = copy.deepcopy(recs)
    for r in recs:
        prepare(r)
    assert recs == before


def test_records_are_validated_as_the_schema_model_validates_them(records):
    """extract/db/validate.py: the same dicts as model_validate + model_dump, the same errors."""
    from pydantic import ValidationError

    from extract.db.rows import _strip
    from extract.db.validate import validator
    from extract.records import twin

    model, check = twin(Document), validator(Document)

    def outcome(validate, record):
        try:
            return validate(_strip(record))
        except ValidationError as e:
            return [(x["loc"], x["type"], x["msg"]) for x in e.errors()]

    def by_model(known):
        return model.model_validate(known).model_dump(mode="json", by_alias=True)

    rec = max(records, key=lambda r: len(r["changes"]) + len(r["deadlines"]))
    assert rec["changes"] and rec["deadlines"]
    bad = []
    for path, value in [(("mentions", 0, "start"), "here"), (("mentions", 0, "type"), "thing"),
                        (("changes", 0, "from"), "x"), (("meta", "authors"), "a"), (("deadlines", 0, "start"), None),
                        (("id",), 5), (("articles", 0, "index"), 1.5), (("mentions", 0, "value"), [1]),
                        (("changes", 0, "from"), 2.0), (("mentions", 0, "min"), 3)]:
        b = copy.deepcopy(rec)
        *parents, last = path
        node = b
        for key in parents:
            node = node[key]
        node[last] = value
        bad.append(b)
    bare = {"id": "bare"}
    for r in [*records, *bad, bare]:
        assert outcome(check.validate_python, r) == outcome(by_model, r)
    assert isinstance(outcome(check.validate_python, bad[0]), list)
    assert outcome(check.validate_python, bare)["meta"]["authors"] == []


def test_bad_records_are_reported_and_the_rest_loaded(db_url, records):
    dangling = copy.deepcopy(records[0])
    dangling["id"] = "dangling"
    dangling["mentions"][0]["article"] = 99
    wrong_type = copy.deepcopy(records[1])
    wrong_type["id"], wrong_type["mentions"][0]["start"] = "wrong", "here"
    future = copy.deepcopy(records[2])
    future["id"], future["schema_version"] = "future", "2.0"
    errors: list[str] = []
    db = open_database(db_url())
    stats = load_records(db.engine, [dangling, wrong_type, future, *records[3:6]], on_error=errors.append)
    assert (stats.inserted, stats.failed) == (3, 3)
    assert "mentions[0].article = 99: no such article" in errors[0]
    assert "mentions.0.start" in errors[1] and "wrong" in errors[1]
    assert "record schema 2.0" in errors[2]


def test_a_record_the_database_refuses_does_not_sink_its_chunk(db_url, records):
    nul = copy.deepcopy(records[0])
    nul["meta"]["title"] = "标题\x00尾"     # PostgreSQL text cannot hold NUL; SQLite can
    errors: list[str] = []
    url = db_url()
    stats = load_records(open_database(url).engine, [nul, *records[1:5]], on_error=errors.append)
    if url.startswith("postgresql"):
        assert (stats.inserted, stats.failed) == (4, 1)
        assert errors == [f"{nul['id']}: the database refused the record: "
                          "PostgreSQL text fields cannot contain NUL (0x00) bytes"]
    else:
        assert (stats.inserted, stats.failed) == (5, 0)
        assert next(read_records(open_database(url).engine, [nul["id"]])) == nul


def test_both_dialects_export_the_same_tables(postgres_server, records, tmp_path):
    from extract.db.export import export

    sqlite_url = f"sqlite:///{tmp_path / 'a.db'}"
    pg_url, drop = new_postgres_db(postgres_server)
    try:
        for url, out in ((sqlite_url, "lite"), (pg_url, "pg")):
            db = open_database(url)
            load_records(db.engine, records)
            export(db.engine, tmp_path / out, "csv")
            db.engine.dispose()
    finally:
        drop()
    for name in [t.name for t in TABLES] + list(VIEWS):
        lite = (tmp_path / "lite" / f"{name}.csv").read_text(encoding="utf-8")
        pg = (tmp_path / "pg" / f"{name}.csv").read_text(encoding="utf-8")
        if name in VIEWS:   # views have no key order, and sums add in any order: rows as sets, 12 digits
            lite, pg = _rows_of(lite), _rows_of(pg)
        assert lite == pg, name


def _rows_of(text: str) -> list:
    def cell(x: str) -> str:
        try:
            return f"{float(x):.12g}"
        except ValueError:
            return x
    return sorted(tuple(cell(x) for x in row) for row in csv.reader(text.splitlines()))


def test_views_answer_the_first_questions(db_url, records):
    db = open_database(db_url())
    load_records(db.engine, records)
    n_money = sum(m["type"] == "money" for r in records for m in r["mentions"])
    n_deadlines = sum(len(r["deadlines"]) for r in records)
    with db.engine.connect() as conn:
        view = {name: sa.Table(name, sa.MetaData(), autoload_with=conn) for name in VIEWS}

        def total(name, col):
            return conn.execute(sa.select(sa.func.sum(view[name].c[col]))).scalar()

        assert total("amounts_by_institution_year", "amounts") == n_money   # each amount counted once
        assert total("documents_by_outlet_month", "documents") == len(records)
        dl = conn.execute(sa.select(view["deadlines_by_institution"])).mappings().all()
        assert len(dl) == n_deadlines
        assert sum(r["attributed_by"] == "in_sentence" for r in dl) >= n_deadlines // 4
        assert any(r["region"] and r["institution"] for r in dl)
        by_channel = conn.execute(sa.select(view["procedures_by_channel"])).mappings().all()
        assert max(r["procedures"] for r in by_channel) >= 3
        aliases = conn.execute(sa.select(view["institution_aliases"])).mappings().all()
        assert any(r["alias"] != r["institution"] for r in aliases)
        assert sum(r["mentions"] for r in aliases) == sum(
            m["type"] == "institution" and m["name"] is not None for r in records for m in r["mentions"])


def test_layout_of_migrations_matches_the_tables(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from extract.db.tables import metadata

    db = open_database(db_url())
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": VERSION_TABLE})
        diff = compare_metadata(ctx, metadata)
    assert diff == []


def test_older_layout_is_upgraded_with_its_data(db_url, records):
    url = db_url()
    engine = create_engine(url)
    upgrade(engine, "0001")
    load_records(engine, records[:5])             # the tables of 0001, no views yet
    with engine.connect() as conn:
        assert not set(sa.inspect(conn).get_view_names()) & set(VIEWS)
    engine.dispose()
    db = open_database(url)
    assert (db.upgraded_from, db.revision) == ("0001", "0002")
    with db.engine.connect() as conn:
        assert set(VIEWS) <= set(sa.inspect(conn).get_view_names())
        n = conn.execute(sa.select(sa.func.sum(sa.column("documents")))
                         .select_from(sa.table("documents_by_outlet_month"))).scalar()
    assert n == 5


def test_newer_or_foreign_layouts_are_refused(db_url):
    newer, foreign = db_url(), db_url()
    open_database(newer).engine.dispose()
    engine = sa.create_engine(newer)
    version = sa.table(VERSION_TABLE, sa.column("version_num"))
    with engine.begin() as conn:
        conn.execute(sa.update(version).values(version_num="9999"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="layout '9999'.*newer hnx"):
        open_database(newer)
    engine = sa.create_engine(foreign)
    sa.Table("documents", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True)).create(engine)
    engine.dispose()
    with pytest.raises(DatabaseError, match="already has tables named documents"):
        open_database(foreign)


def test_every_query_of_the_docs_runs_and_answers(db_url, records):
    import re

    queries = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "database.md").read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 5
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## A database"):]
    end = section.find("\n## ")
    section = section if end < 0 else section[:end]
    shown = re.findall(r"```sql\n(.*?)```", section, re.S)
    assert len(shown) == 1
    queries += shown
    db = open_database(db_url())
    load_records(db.engine, records)
    with db.engine.connect() as conn:
        for q in queries:
            assert conn.execute(sa.text(q)).all(), q
