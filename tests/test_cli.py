"""The `hnx` command: run, schema, --version, manifests, bad files in a batch, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from extract.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out.jsonl"
    result = runner.invoke(app, ["run", str(SEEDS), "-o", str(out)])
    return result, out


def test_run_on_seeds_writes_five_valid_records(seeds_run):
    from extract.schema import json_schema

    result, out = seeds_run
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    validator = jsonschema.Draft202012Validator(json_schema())
    for rec in records:
        validator.validate(rec)
        assert rec["schema_version"] == json_schema()["properties"]["schema_version"]["default"]
        for m in rec["mentions"]:
            assert rec["text"][m["start"]:m["end"]] == m["text"]
    assert "5 files" in result.output  # the summary line (stderr is mixed in by CliRunner)


def test_schema_command_prints_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "hnx Document"
    assert {"mentions", "deadlines", "procedures", "articles", "meta", "text"} <= set(schema["properties"])


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("hnx ")


def test_broken_and_empty_files_do_not_stop_a_batch(tmp_path):
    good = tmp_path / "a_good.txt"
    good.write_text("国家医保局发布通知。\n\n参保人员应于2024年12月31日前完成缴费，逾期将影响待遇享受。", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.html").write_bytes(bytes(range(256)) * 10)
    missing = tmp_path / "d_missing.txt"
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(tmp_path / "a_good.txt"), str(tmp_path / "b_empty.txt"),
                                 str(tmp_path / "c_binary.html"), str(missing), "-o", str(out)])
    assert result.exit_code == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in recs] == ["a_good.txt", "b_empty.txt", "c_binary.html", "d_missing.txt"]
    assert recs[0]["errors"] == [] and "参保人员应于2024年12月31日前完成缴费" in recs[0]["text"]
    assert recs[1]["errors"][0]["message"].startswith("empty file")
    assert recs[2]["errors"][0]["stage"] == "decode"
    assert recs[3]["errors"][0]["stage"] == "read"


def test_manifest_overrides_document_metadata(tmp_path):
    f = tmp_path / "notice.txt"
    f.write_text("某市医保局通知\n\n发布时间：2020-01-02\n\n今年起，城乡居民医保个人缴费标准为每人每年250元。", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,url,outlet\nnotice.txt,2018-10,https://example.org/n,某市政府网\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(f), "--manifest", str(manifest), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["meta"]["published"] == "2018-10"
    assert rec["meta"]["sources"]["published"] == "manifest"
    assert rec["meta"]["outlet"] == "某市政府网" and rec["meta"]["url"] == "https://example.org/n"


def test_run_reads_the_manifest_beside_its_inputs(seeds_run):
    """`hnx run corpora/seeds` uses the seeds' manifest.csv without --manifest and says so."""
    result, out = seeds_run
    recs = {json.loads(line)["source"].split("/")[-1][:3]: json.loads(line)
            for line in out.read_text(encoding="utf-8").splitlines()}
    assert recs["000"]["meta"]["published"] == "2023" and recs["000"]["meta"]["sources"]["published"] == "manifest"
    assert recs["001"]["meta"]["published"] == "2026-01"
    assert recs["004"]["meta"]["published"] == "2021-11-25"
    assert "manifest: " in result.output and "seeds/manifest.csv" in result.output


def test_manifest_jsonl_beside_a_file_and_the_option_replaces_it(tmp_path):
    f = tmp_path / "notice.txt"
    f.write_text("某市医保局通知\n\n今年起，城乡居民医保个人缴费标准为每人每年250元。", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"file": "notice.txt", "published": "2019-05-06", "outlet": "某市医保局"}\n',
                                             encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(f), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["meta"]["published"] == "2019-05-06" and rec["meta"]["outlet"] == "某市医保局"
    assert "manifest.jsonl" in result.output
    other = tmp_path / "other.csv"
    other.write_text("file,published\nnotice.txt,2020-02\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(f), "--manifest", str(other), "-o", str(out)])
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["meta"]["published"] == "2020-02" and rec["meta"]["outlet"] is None
    assert "other.csv" in result.output and "manifest.jsonl" not in result.output


def test_no_manifest_no_mention(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("发布时间：2020-01-02\n\n本月起实施新的报销政策。", encoding="utf-8")
    result = runner.invoke(app, ["run", str(f), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0 and "manifest" not in result.output


def test_published_argument_and_json_format(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("发布时间：2020-01-02\n\n本月起实施新的报销政策，参保人员可通过随申办APP查询。", encoding="utf-8")
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["run", str(f), "--published", "2021", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(recs, list) and recs[0]["meta"]["published"] == "2021"
    assert recs[0]["meta"]["sources"]["published"] == "argument"


@pytest.mark.parametrize("args", [
    ["run", "x.txt", "--published", "not-a-date"],
    ["run", "x.txt", "--format", "xml"],
    ["run", "x.txt", "-j", "0"],
    ["frobnicate"],
], ids=["bad-date", "bad-format", "bad-jobs", "bad-command"])
def test_usage_errors_exit_2(args, tmp_path):
    result = runner.invoke(app, args)
    assert result.exit_code == 2


def test_parallel_jobs_keep_input_order(tmp_path):
    out1, out2 = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert runner.invoke(app, ["run", str(SEEDS), "--no-extract", "-o", str(out1)]).exit_code == 0
    assert runner.invoke(app, ["run", str(SEEDS), "--no-extract", "-j", "2", "-o", str(out2)]).exit_code == 0
    assert out1.read_text(encoding="utf-8") == out2.read_text(encoding="utf-8")


def test_python_dash_m_extract():
    result = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("hnx ")
