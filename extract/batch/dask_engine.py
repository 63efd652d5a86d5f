"""The Dask engine: the same work (extract.batch.work) on a dask.distributed cluster.

`hnx run PATH... --engine dask [--scheduler ADDRESS]` hands chunks of files to the
cluster's workers (a LocalCluster of -j worker processes when no scheduler is given)
and streams the records back, in input order or (--unordered) as they finish; the
output, --resume and the report are those of the local engine. Each worker loads the
pipeline once (a worker plugin warms it when the worker joins). The workers open the
files themselves, so on a real cluster the paths must name shared storage.

Not enforced here: --timeout (a Dask task runs in a worker thread that cannot be
stopped; Dask's own `distributed.scheduler.allowed-failures` retries a task whose
worker died, then the chunk's files become error records)."""
from __future__ import annotations

import os
from typing import Iterator, Optional

from . import work
from .work import Config, Result


def _ensure(config: Config) -> None:
    if work._config != config:
        work.prepare(config)


def run_chunk(tasks: list, config: Config) -> list:
    """Runs on a Dask worker: the records of a few files."""
    _ensure(config)
    return [work.run_task(t) for t in tasks]


def warm_plugin(config: Config):
    """A worker plugin that loads the pipeline when a worker starts, not on its first file."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class Warm(WorkerPlugin):
        name = "hnx-warm"

        def __init__(self, config: Config):
            self.config = config

        def setup(self, worker=None):
            _ensure(self.config)

    return Warm(config)


class DaskEngine:
    def __init__(self, jobs: int, config: Config, scheduler: Optional[str] = None, chunk: int = 4):
        from distributed import Client, LocalCluster

        self.config = config
        self.chunk = max(1, chunk)
        self.stopping = False
        self.abandon = False
        self.abandoned = 0
        self.cluster = None
        work.prepare(config, warm=False)       # error records of failed chunks are made here
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.client.register_plugin(warm_plugin(config), name="hnx-warm")
        self.jobs = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def stop(self) -> None:
        if self.stopping:
            self.abandon = True
        self.stopping = True

    def run(self, feed) -> Iterator[Result]:
        from distributed import wait

        inflight: dict = {}
        try:
            while True:
                while not self.stopping and len(inflight) < 2 * self.jobs:
                    tasks = feed.take(self.chunk)
                    if not tasks:
                        break
                    sent = [t._replace(path=os.path.abspath(t.path)) for t in tasks]
                    fut = self.client.submit(run_chunk, sent, self.config, pure=False)
                    inflight[fut] = tasks
                if not inflight or self.abandon:
                    break
                try:                        # wakes up twice a second to notice a stop
                    done, _ = wait(list(inflight), timeout=0.5, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    continue
                for fut in [f for f in inflight if f in done]:
                    tasks = inflight.pop(fut)
                    try:
                        results = fut.result()
                    except Exception as e:  # noqa: BLE001 - a lost worker, a failed task
                        results = [work.failed_result(t, "worker", f"dask: {type(e).__name__}: {e}") for t in tasks]
                    yield from results
        finally:
            for fut, tasks in inflight.items():
                self.abandoned += len(tasks)
                fut.cancel()

    def shutdown(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
                self.cluster = None
