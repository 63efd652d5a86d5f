"""The Apache Spark recipe: PySpark `mapPartitions` over the Python API, the pipeline
loaded once per partition (once per Python worker, which Spark reuses).

    from functools import partial
    from pyspark.sql import SparkSession
    from extract.batch.spark import parse_partition

    spark = SparkSession.builder.appName("hnx").getOrCreate()   # master from spark-submit
    paths = spark.sparkContext.textFile("hdfs:///crawl/paths.txt")  # or parallelize(list_of_paths)
    lines = paths.mapPartitions(partial(parse_partition, published=None))
    lines.saveAsTextFile("hdfs:///crawl/records")                # JSON lines, as `hnx run` writes them

Each executor's Python worker imports extract on its first partition and keeps the
loaded pipeline for the next ones (spark.python.worker.reuse, on by default). The
paths must name storage every executor can read (a shared file system); to ship the
bytes instead, map (path, bytes) pairs from `binaryFiles` through `parse_bytes_partition`.
Records come back in the order of the input (an RDD keeps its partition order)."""
from __future__ import annotations

import os
from typing import Iterable, Iterator, Optional

from ..options import Options
from . import work
from .reader import source_string
from .work import Config, Task


def _ensure(published, options: Optional[Options], manifest: Optional[dict] = None) -> Config:
    config = Config(published=published, options=options or Options(), manifest=manifest, mode="json")
    if work._config != config:
        work.prepare(config)
    return config


def parse_partition(paths: Iterable[str], published=None, options: Optional[Options] = None,
                    manifest: Optional[dict] = None) -> Iterator[str]:
    """A partition of paths -> their records as JSON lines (in order); `manifest` as
    extract.manifest.load_manifest returns it."""
    _ensure(published, options, manifest)
    for i, p in enumerate(paths):
        yield work.run_task(Task(i, os.fspath(p), source_string(p))).line


def parse_bytes_partition(items: Iterable[tuple], published=None, options: Optional[Options] = None,
                          manifest: Optional[dict] = None) -> Iterator[str]:
    """A partition of (path, bytes) pairs (SparkContext.binaryFiles) -> JSON lines."""
    from ..pipeline import parse_data

    config = _ensure(published, options, manifest)
    for path, data in items:
        doc = parse_data(bytes(data), source_string(path), published=config.published, options=config.options,
                         manifest=manifest)
        yield work.to_line(doc)[0]
