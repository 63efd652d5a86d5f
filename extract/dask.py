"""hnx on Dask, for users who already run it (needs the dask extra).

    import dask
    from extract.dask import parse_bag
    bag = parse_bag(paths, published="2021-11-25")        # a dask.bag of extract.schema.Document
    docs = bag.compute()                                  # in input order
    parse_bag(paths, as_json=True).to_textfiles("out/*.jsonl")   # JSON lines, as `hnx run` writes them

Each worker process loads the pipeline once (on its first partition) and parses its
partition's files itself, so on a cluster the paths must name shared storage. The
command line does the same with `hnx run PATH... --engine dask [--scheduler ADDRESS]`
(see extract.batch.dask_engine)."""
from __future__ import annotations

import os
from typing import Iterable, Optional

from .batch.dask_engine import DaskEngine, run_chunk, warm_plugin  # noqa: F401
from .batch.reader import source_string
from .batch.work import Config, Task
from .options import Options


def _parse_partition(items, config: Config) -> list:
    tasks = [Task(i, path, source) for i, path, source in items]
    results = run_chunk(tasks, config)
    return [r.line if config.mode == "json" else r.doc for r in results]


def parse_bag(paths: Iterable, published=None, options: Optional[Options] = None,
              npartitions: Optional[int] = None, as_json: bool = False, manifest: Optional[dict] = None):
    """A dask.bag with one record per path, in the order given: Documents, or with
    `as_json=True` the JSON lines `hnx run` writes (byte for byte)."""
    import dask.bag as db

    items = [(i, os.path.abspath(os.fspath(p)), source_string(p)) for i, p in enumerate(paths)]
    config = Config(published=published, options=options or Options(), manifest=manifest,
                    mode="json" if as_json else "document")
    bag = db.from_sequence(items, npartitions=npartitions or min(len(items), 100) or 1)
    return bag.map_partitions(_parse_partition, config)


__all__ = ["parse_bag", "DaskEngine"]
