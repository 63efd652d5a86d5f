"""Worker processes for a batch, forked from a parent that has already loaded the
pipeline (every table, dictionary and compiled pattern is shared copy-on-write; no
worker loads anything again).

- chunked dispatch: a worker gets a few files at a time and sends each record back
  as soon as it is made, so the parent always knows which file a worker is on;
- per-file time limit: a worker that has not answered within `timeout` seconds is
  killed and replaced, its file becomes an error record (this works for a pure-Python
  loop as well as for a regular expression stuck in C);
- a worker that dies (segfault, out-of-memory kill, a stray `kill`) costs only the
  file it was parsing, which becomes an error record; the rest of its chunk is
  handed out again;
- no orphans: workers ask the kernel to kill them when the parent dies
  (PR_SET_PDEATHSIG on Linux, a watchdog thread elsewhere) and leave when their pipe
  closes; they ignore SIGINT so that Ctrl-C is the parent's to handle."""
from __future__ import annotations

import ctypes
import gc
import multiprocessing as mp
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Iterable, Iterator, Optional

from . import work
from .work import Config, Result, Task

_PR_SET_PDEATHSIG = 1


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def describe_exit(code: Optional[int]) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = {"SIGKILL": ": out of memory, or killed", "SIGSEGV": ": a crash in native code"}.get(name, "")
        return f"killed by {name}{hint}"
    return f"exit status {code}"


def _die_with_parent(parent_pid: int) -> None:
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):  # pragma: no cover
            armed = False
    if os.getppid() != parent_pid:          # the parent died before prctl took effect
        os._exit(1)
    if not armed:  # pragma: no cover - not Linux
        def watch() -> None:
            while os.getppid() == parent_pid:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def _worker_main(conn, parent_pid: int, config: Config, warmed: bool, close_fds: tuple) -> None:
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in close_fds:                    # the parent's ends of other workers' pipes, the output file
        try:
            os.close(fd)
        except OSError:
            pass
    if not warmed:
        work.prepare(config)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            break
        if chunk is None:
            break
        for task in chunk:
            result = work.as_bytes(work.run_task(task))
            try:
                conn.send(result)
            except (EOFError, OSError):
                os._exit(0)
            except Exception as e:  # noqa: BLE001 - a result that cannot be pickled
                conn.send(work.as_bytes(work.failed_result(task, "serialize", f"{type(e).__name__}: {e}")))
    os._exit(0)


class _Worker:
    __slots__ = ("proc", "conn", "chunk", "since", "fd", "sentinel", "watched")

    def __init__(self, proc, conn):
        self.proc = proc
        self.conn = conn
        self.chunk: deque = deque()
        self.since = 0.0
        self.fd = conn.fileno()             # readable: a result (or EOF: the worker is gone)
        self.sentinel = proc.sentinel       # readable: the process has ended
        self.watched = False


class _Watch:
    """The pipes and sentinels of the busy workers, in one poll object kept for the run
    (multiprocessing.connection.wait builds a selector and registers every object anew on
    each call: a third of the parent's CPU per record went there). Without select.poll,
    multiprocessing's wait."""

    def __init__(self):
        self.poll = select.poll() if hasattr(select, "poll") else None
        self.mask = select.POLLIN | select.POLLPRI if self.poll is not None else 0

    def update(self, workers: list) -> None:
        for w in workers:
            if bool(w.chunk) != w.watched:
                self.add(w) if w.chunk else self.drop(w)

    def add(self, w: _Worker) -> None:
        if self.poll is not None and not w.watched:
            self.poll.register(w.fd, self.mask)
            self.poll.register(w.sentinel, self.mask)
        w.watched = True

    def drop(self, w: _Worker) -> None:
        if self.poll is not None and w.watched:
            for fd in (w.fd, w.sentinel):
                try:
                    self.poll.unregister(fd)
                except (KeyError, ValueError):
                    pass
        w.watched = False

    def ready(self, busy: list, timeout: Optional[float]) -> set:
        """The file descriptors (pipes, sentinels) of `busy` that are ready, within `timeout` seconds."""
        if self.poll is None:
            objs = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=timeout)
            return {o if isinstance(o, int) else o.fileno() for o in objs}
        ms = None if timeout is None else max(0, int(timeout * 1000 + 0.999))
        while True:
            try:
                return {fd for fd, _ in self.poll.poll(ms)}
            except InterruptedError:  # pragma: no cover - PEP 475 retries; kept for safety
                continue


class Feed:
    """Tasks handed out on demand, at most `window` ahead of the next record the
    consumer waits for (so an ordered run's memory does not grow with the corpus)."""

    def __init__(self, tasks: Iterable[Task], window: Optional[int] = None):
        self._tasks = iter(tasks)
        self.window = window
        self.exhausted = False
        self.issued = 0
        self.next_out = 0

    def take(self, n: int) -> list:
        out = []
        while len(out) < n and not self.exhausted:
            if self.window is not None and self.issued >= self.next_out + self.window:
                break
            try:
                task = next(self._tasks)
            except StopIteration:
                self.exhausted = True
                break
            out.append(task)
            self.issued += 1
        return out


class PoolFailed(RuntimeError):
    """The worker processes cannot be kept running."""


class WorkerPool:
    def __init__(self, jobs: int, config: Config, timeout: Optional[float] = None, chunk: int = 4,
                 grace: float = 10.0, close_fds: Iterable[int] = ()):
        self.jobs = max(1, jobs)
        self.config = config
        self.timeout = timeout if timeout and timeout > 0 else None
        self.chunk = max(1, chunk)
        self.grace = grace
        self.close_fds = tuple(close_fds)
        self.ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.forking = self.ctx.get_start_method() == "fork"
        self.stopping = False
        self.abandon = False
        self.stop_at = 0.0
        self.timeouts = 0
        self.deaths = 0
        self.abandoned = 0
        self._failed_starts = 0
        work.prepare(config, warm=True)      # the parent loads once; forked workers share it
        if self.forking:
            gc.collect(1)                    # the warm-up's young garbage (a full collection took 22-40 ms
            gc.freeze()                      # of serial start and freed nothing); the GC leaves the
                                             # shared pages alone in the workers
        self.watch = _Watch()
        self.workers: list[_Worker] = []
        for _ in range(self.jobs):
            self.workers.append(self._start())

    # -- workers -----------------------------------------------------------
    def _start(self) -> _Worker:
        parent_end, child_end = self.ctx.Pipe(duplex=True)
        others = tuple(w.conn.fileno() for w in self.workers if not w.conn.closed)
        proc = self.ctx.Process(target=_worker_main, name="hnx-worker", daemon=True,
                                args=(child_end, os.getpid(), self.config, self.forking,
                                      self.close_fds + others + (parent_end.fileno(),)))
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end)

    def _kill(self, w: _Worker) -> None:
        self.watch.drop(w)
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(5)
        w.conn.close()

    def _replace(self, w: _Worker) -> None:
        self._kill(w)
        i = self.workers.index(w)
        self.workers[i] = self._start()

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers if w.proc.pid]

    def stop(self) -> None:
        """Take no new files; finish the one each worker is on (within `grace` seconds)."""
        if not self.stopping:
            self.stopping = True
            self.stop_at = time.monotonic()
        else:
            self.abandon = True

    # -- the loop ----------------------------------------------------------
    def run(self, feed: Feed) -> Iterator[Result]:
        """Results as they are made (not in input order)."""
        requeue: deque = deque()
        try:
            while True:
                if self.abandon:
                    break
                if not self.stopping:
                    self._dispatch(feed, requeue)
                busy = [w for w in self.workers if w.chunk]
                if not busy:
                    if self.stopping or (not requeue and feed.exhausted):
                        break
                    if not requeue:     # the consumer's window is full and nothing is running
                        raise PoolFailed("internal: no file can be handed out")
                    continue
                self.watch.update(self.workers)
                ready = self.watch.ready(busy, self._wait_time(busy))
                for w in busy:
                    if w.fd in ready:
                        try:
                            result = w.conn.recv()
                        except (EOFError, OSError):
                            yield from self._died(w, requeue)
                            continue
                        w.chunk.popleft()
                        w.since = time.monotonic()
                        self._failed_starts = 0
                        if self.stopping and w.chunk:     # finished its current file: drop the rest
                            self.abandoned += len(w.chunk)
                            w.chunk.clear()
                        yield result
                    elif w.sentinel in ready:
                        yield from self._died(w, requeue)
                yield from self._overdue(requeue)
        finally:
            self.shutdown()

    def _dispatch(self, feed: Feed, requeue: deque) -> None:
        """Top up every worker that has at most one file left, so that its next chunk is
        already in its pipe when it finishes the current file (no idle round trip between
        chunks); a worker holds at most chunk + 1 files."""
        for w in self.workers:
            if len(w.chunk) > 1:
                continue
            tasks = [requeue.popleft() for _ in range(min(self.chunk, len(requeue)))] or feed.take(self.chunk)
            if not tasks:
                return
            try:
                w.conn.send(tasks)
            except (OSError, EOFError):         # the worker died: hand these files out again
                requeue.extendleft(reversed(tasks))
                if w.chunk:                     # it was on a file: run() reads its death and reports that file
                    continue
                self._failed_starts += 1
                if self._failed_starts > 3 * self.jobs:
                    raise PoolFailed("worker processes keep dying before they start") from None
                self._replace(w)
                continue
            if not w.chunk:                     # idle until now: its clock starts with this file
                w.since = time.monotonic()
            w.chunk.extend(tasks)

    def _limit(self, w: _Worker) -> Optional[float]:
        """When this worker's current file is overdue (monotonic time), or None."""
        if self.stopping:
            end = self.stop_at + self.grace
            return min(end, w.since + self.timeout) if self.timeout else end
        return w.since + self.timeout if self.timeout else None

    def _wait_time(self, busy: list) -> Optional[float]:
        limits = [t for t in (self._limit(w) for w in busy) if t is not None]
        if not limits:
            return None
        return max(0.0, min(limits) - time.monotonic()) + 0.01

    def _overdue(self, requeue: deque) -> Iterator[Result]:
        now = time.monotonic()
        for w in list(self.workers):
            limit = self._limit(w) if w.chunk else None
            if limit is None or now < limit:
                continue
            task = self._retire(w, requeue)     # while stopping, the grace is over: abandoned
            if task is None:
                continue
            self.timeouts += 1
            yield work.failed_result(task, "timeout", f"no result after {self.timeout:g} s: the worker "
                                                      f"was stopped and replaced (--timeout)")

    def _retire(self, w: _Worker, requeue: deque) -> Optional[Task]:
        """Take a stuck or dead worker out: while stopping, what it held is abandoned (None);
        otherwise the task it was on is returned, the rest of its chunk requeued and the
        worker replaced."""
        if self.stopping:
            self.abandoned += len(w.chunk)
            w.chunk.clear()
            self._kill(w)
            self.workers.remove(w)
            return None
        task = w.chunk.popleft()
        requeue.extendleft(reversed(w.chunk))
        w.chunk.clear()
        self._replace(w)
        return task

    def _died(self, w: _Worker, requeue: deque) -> Iterator[Result]:
        w.proc.join(5)
        why = describe_exit(w.proc.exitcode)
        task = self._retire(w, requeue)
        if task is None:
            return
        self.deaths += 1
        yield work.failed_result(task, "worker", f"the worker process parsing this file died ({why})")

    def shutdown(self) -> None:
        for w in self.workers:
            self.watch.drop(w)
            if w.chunk or self.stopping:
                w.proc.kill()
            else:
                try:
                    w.conn.send(None)
                except (OSError, EOFError):
                    pass
        deadline = time.monotonic() + 2
        for w in self.workers:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(5)
            w.conn.close()
        self.workers = []
        if self.forking:
            gc.unfreeze()


def in_order(results: Iterable[Result], feed: Feed) -> Iterator[Result]:
    """Results in input order (indices 0, 1, 2, ...); what is left when the results
    stop early (an interrupted run) comes last, in order."""
    pending: dict[int, Result] = {}
    for r in results:
        pending[r.index] = r
        while feed.next_out in pending:
            yield pending.pop(feed.next_out)
            feed.next_out += 1
    for i in sorted(pending):
        yield pending.pop(i)


def parse_in_workers(paths, jobs: int, published=None, options=None, manifest=None,
                     timeout: Optional[float] = None, ordered: bool = True):
    """extract.parse_files with worker processes: Documents, in input order unless `ordered=False`."""
    from ..options import Options
    from .reader import source_string

    config = Config(published=published, options=options or Options(), manifest=manifest, mode="document")
    tasks = (Task(i, os.fspath(p), source_string(p)) for i, p in enumerate(paths))
    pool = WorkerPool(jobs, config, timeout=timeout)
    feed = Feed(tasks, window=max(64, pool.jobs * pool.chunk * 8) if ordered else None)
    results = pool.run(feed)
    for r in (in_order(results, feed) if ordered else results):
        yield r.doc
