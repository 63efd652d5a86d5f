"""The Dask engine on a LocalCluster of 2 worker processes writes, byte for byte, what
a single process writes (issue 15), from the command line and from extract.dask."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from extract.cli import app

distributed = pytest.importorskip("distributed")
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        with Client(lc) as client:
            yield lc, client


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "one.jsonl"
    res = runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "-j", "1", "-q"])
    assert res.exit_code == 0, res.output
    return out.read_bytes()


@pytest.mark.parametrize("order", ["ordered", "unordered"])
def test_cli_dask_engine_equals_single_process(cluster, single, tmp_path, order):
    lc, client = cluster
    out = tmp_path / "dask.jsonl"
    extra = ["--unordered"] if order == "unordered" else []
    res = runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "--engine", "dask",
                              "--scheduler", lc.scheduler_address, "--chunk", "2", *extra])
    assert res.exit_code == 0, res.output
    data = out.read_bytes()
    if order == "ordered":
        assert data == single
    else:
        assert sorted(data.splitlines()) == sorted(single.splitlines())
    workers = client.run(lambda: __import__("extract.batch.work", fromlist=["_config"])._config is not None)
    assert len(workers) == 2 and all(workers.values())        # the pipeline was loaded on each worker


def test_parse_bag_equals_single_process(cluster, single):
    from extract.dask import parse_bag
    from extract.manifest import load_manifest

    paths = sorted(SEEDS.glob("0*.txt"))
    lines = parse_bag(paths, as_json=True, npartitions=2, manifest=load_manifest(SEEDS / "manifest.csv")).compute()
    assert ("\n".join(lines) + "\n").encode("utf-8") == single
    docs = parse_bag(paths[:2], npartitions=2).compute()
    assert [d.source for d in docs] == [json.loads(line)["source"] for line in lines[:2]]
