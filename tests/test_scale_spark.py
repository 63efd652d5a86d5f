"""The Apache Spark recipe of docs/scale.md, run in local mode: PySpark mapPartitions
over the Python API gives the records a single process writes, byte for byte.
Skips when PySpark or Java is missing (.ci/install-java.sh installs both in CI)."""
from __future__ import annotations

import os
import shutil
import sys
from functools import partial

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from extract.cli import app

pyspark = pytest.importorskip("pyspark")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

runner = CliRunner()


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    env = {"PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    session = (SparkSession.builder.master("local[2]").appName("hnx-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    try:
        yield session
    finally:
        session.stop()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_spark_map_partitions_equals_single_process(spark, tmp_path):
    from extract.batch.spark import parse_bytes_partition, parse_partition
    from extract.manifest import load_manifest

    out = tmp_path / "one.jsonl"
    res = runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "-j", "1", "-q"])
    assert res.exit_code == 0, res.output
    single = out.read_text(encoding="utf-8").splitlines()

    manifest = load_manifest(SEEDS / "manifest.csv")
    paths = [str(p) for p in sorted(SEEDS.glob("0*.txt"))]
    rdd = spark.sparkContext.parallelize(paths, numSlices=2)
    assert rdd.getNumPartitions() == 2
    lines = rdd.mapPartitions(partial(parse_partition, manifest=manifest)).collect()
    assert lines == single

    pairs = spark.sparkContext.parallelize([(p, open(p, "rb").read()) for p in paths], numSlices=2)
    assert pairs.mapPartitions(partial(parse_bytes_partition, manifest=manifest)).collect() == single
