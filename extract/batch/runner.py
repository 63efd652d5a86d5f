"""`hnx run`: inputs -> engine -> output, with signals, the console report and exit codes.

Exit codes: 0 every file parsed; 1 some files have error records (or the database
refused some); 2 usage errors (bad option, an output or manifest that cannot be used,
found before any work); 3 the run itself failed (the output could not be written, the
workers could not be kept running); 128+N when stopped by signal N (130 Ctrl-C,
143 SIGTERM), after keeping every record made and saying how to resume."""
from __future__ import annotations

import json
import os
import shlex
import signal
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from ..options import Options
from .inputs import Collector, Filters, Skipped, read_path_list
from .output import JournalSink, OutputError, StreamSink, check_output, read_done
from .report import Reporter, term_safe
from .work import Config, Counts, Task

OK, SOME_FAILED, USAGE, RUN_FAILED = 0, 1, 2, 3


class UsageError(Exception):
    """Exit 2 with one line."""


class WriteFailed(Exception):
    """The output could not be written (a full disk, a closed pipe): exit 3."""


@dataclass
class RunSpec:
    paths: list
    output: Optional[Path] = None            # None or "-": standard output
    fmt: str = "jsonl"
    published: Optional[str] = None
    manifest: Optional[Path] = None
    find_manifest: bool = True
    jobs: int = 1
    options: Options = field(default_factory=Options)
    timeout: Optional[float] = 60.0
    resume: bool = False
    unordered: bool = False
    include: tuple = ()
    exclude: tuple = ()
    null: bool = False
    engine: str = "local"
    scheduler: Optional[str] = None
    verbosity: int = 0
    db: Optional[str] = None
    chunk: int = 4
    argv: Optional[list] = None


class _Signals:
    """SIGINT/SIGTERM/SIGHUP: the first stops taking new files, a second abandons the
    files in flight. The previous handlers come back at the end."""

    def __init__(self, on_signal):
        self.received: Optional[int] = None
        self.on_signal = on_signal
        self._old: dict = {}

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is None:
                continue
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except ValueError:              # not the main thread
                pass
        return self

    def _handle(self, signum, frame):
        if self.received is None:
            self.received = signum
        self.on_signal()

    def __exit__(self, *exc):
        for sig, old in self._old.items():
            signal.signal(sig, old)


def _resume_hint(spec: RunSpec) -> str:
    argv = list(spec.argv) if spec.argv else None
    if argv is None:
        argv = ["run", *[str(p) for p in spec.paths]]
        if spec.output:
            argv += ["-o", str(spec.output)]
    if "--resume" not in argv:
        argv.append("--resume")
    stdin = " (with the same paths on standard input)" if any(str(p) == "-" for p in spec.paths) else ""
    return "hnx " + shlex.join(argv) + stdin


def _open_sink(spec: RunSpec):
    out = spec.output
    if out is None or str(out) == "-":
        if spec.resume:
            raise UsageError("--resume needs an output file (-o FILE): records written to standard output cannot be read back")
        if spec.db and out is None:           # --db without -o: the records go to the database only
            return StreamSink(path=Path(os.devnull))
        return StreamSink()
    if spec.resume and spec.fmt != "jsonl":
        raise UsageError("--resume needs --format jsonl")
    try:
        check_output(out)
        if out.exists() and not out.is_file():
            if spec.resume:
                raise UsageError(f"--resume needs an output file: -o {out} is not a regular file")
            return StreamSink(path=out)
        return JournalSink(out)
    except OutputError as e:
        raise UsageError(str(e)) from None
    except OSError as e:
        raise UsageError(f"-o {out}: {e.strerror or e}") from None


def _load_manifest(spec: RunSpec, reporter: Reporter):
    from ..manifest import Manifest, ManifestError, find_manifest

    path = spec.manifest
    found = False
    if path is None and spec.find_manifest:
        path = find_manifest([p for p in spec.paths if str(p) != "-"])
        found = path is not None
    if path is None:
        return None
    try:
        manifest = Manifest.load(path)
    except ManifestError as e:
        hint = " (found beside the inputs; fix it or give --manifest)" if found else ""
        raise UsageError(f"--manifest: {e}{hint}") from None
    reporter.line(f"manifest: {term_safe(path)} ({len(manifest.rows)} rows)"
                  + (", found beside the inputs" if found else ""))
    return manifest


def _paths(spec: RunSpec) -> Iterator:
    for p in spec.paths:
        if str(p) == "-":
            yield from read_path_list(sys.stdin.buffer, null=spec.null)
        else:
            yield p


def _engine(spec: RunSpec, config: Config, close_fds):
    if spec.engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(spec.jobs, config, scheduler=spec.scheduler, chunk=spec.chunk)
    from .pool import WorkerPool

    return WorkerPool(spec.jobs, config, timeout=spec.timeout, chunk=spec.chunk, close_fds=close_fds)


def run(spec: RunSpec, reporter: Optional[Reporter] = None) -> int:
    reporter = reporter or Reporter(spec.verbosity)
    try:
        manifest = _load_manifest(spec, reporter)
        sink = _open_sink(spec)
    except UsageError as e:
        reporter.always(f"error: {term_safe(e)}")
        return USAGE
    try:
        return _Run(spec, reporter, manifest, sink).go()
    finally:
        sink.close() if isinstance(sink, StreamSink) else None


def _counts_of_record(rec: dict) -> Counts:
    types: Counter = Counter(m.get("type") for m in rec.get("mentions") or [] if isinstance(m, dict))
    errors = tuple((e.get("stage", "?"), e.get("message", "")) for e in (rec.get("errors") or [])[:3]
                   if isinstance(e, dict))
    return Counts(len(rec.get("articles") or []), len(rec.get("deadlines") or []),
                  len(rec.get("procedures") or []), tuple(sorted(types.items())), errors)


class _Run:
    def __init__(self, spec: RunSpec, reporter: Reporter, manifest, sink):
        self.spec = spec
        self.reporter = reporter
        self.manifest = manifest
        self.sink = sink
        self.stats: Counter = Counter()
        self.failed = 0
        self.skipped = 0
        self.sources: dict[int, str] = {}     # files handed out and not yet written
        self.done = None
        self.db = None

    def _tasks(self, collector: Collector) -> Iterator[Task]:
        index = 0
        for item in collector.collect(_paths(self.spec)):
            if isinstance(item, Skipped):
                self.skipped += 1
                self.reporter.skip(item.source, item.reason, item.listed)
                continue
            row = self.manifest.lookup(item.source) if self.manifest else None
            expect = self.done.expect_id(item.source) if self.done else None
            self.sources[index] = item.source
            yield Task(index, item.path, item.source, row or None, expect)
            index += 1

    def go(self) -> int:
        spec, reporter = self.spec, self.reporter
        if isinstance(self.sink, JournalSink):
            if spec.resume:
                self.done = read_done(spec.output, exclude=(self.sink.path,))
                if self.done.index or self.done.partial:
                    reporter.line(f"resume: {len(self.done.index)} records found in {term_safe(spec.output)} "
                                  f"and its journals" + (f" ({self.done.partial} incomplete line(s) ignored)"
                                                         if self.done.partial else ""))
            elif self.sink.stale:
                reporter.line(f"note: an interrupted run left records beside {term_safe(spec.output)}; this run "
                              f"starts over and removes them when it completes (--resume would continue it)")
        avoid = []
        if spec.output and str(spec.output) != "-":
            avoid.append((spec.output, "the run's own output"))
        if self.manifest:
            avoid.append((self.manifest.path, "the manifest"))
        collector = Collector(Filters(spec.include, spec.exclude), spec.options.max_bytes, avoid)
        if spec.db:
            from ..db.cli import RunSink

            self.db = RunSink(spec.db)
        config = Config(published=spec.published, options=spec.options, mode="json")
        close_fds = [self.sink.fd] if getattr(self.sink, "fd", None) is not None else []
        from .pool import Feed, PoolFailed, in_order

        engine = None
        handles: dict = {}
        with _Signals(lambda: engine.stop() if engine is not None else None) as signals:
            try:
                engine = _engine(spec, config, close_fds)
                if signals.received:
                    engine.stop()
                feed = Feed(self._tasks(collector),
                            window=None if spec.unordered else max(64, spec.jobs * spec.chunk * 8))
                results = engine.run(feed)
                for result in (results if spec.unordered else in_order(results, feed)):
                    self._write(result, handles)
            except WriteFailed as e:
                if engine is not None:
                    engine.stop()
                    engine.stop()
                return self._failed(str(e))
            except (PoolFailed, RuntimeError) as e:
                return self._failed(str(e))
            except Exception as e:  # noqa: BLE001 - say so, keep what was written
                if os.environ.get("HNX_DEBUG"):
                    raise
                return self._failed(f"{type(e).__name__}: {e}")
            finally:
                for fh in handles.values():
                    fh.close()
                if engine is not None:
                    engine.shutdown()
            if signals.received:
                return self._interrupted(signals.received, engine)
        try:
            self.sink.commit(spec.fmt)
        except OSError as e:
            return self._failed(f"writing {term_safe(self.sink.name)}: {e.strerror or e}")
        return self._summary(engine)

    def _write(self, result, handles: dict) -> None:
        source = self.sources.pop(result.index, "?")
        rec = None
        if result.kind == "same":
            data = self.done.line(source, handles)
            rec = json.loads(data)
            counts = _counts_of_record(rec)
            self.stats["reused"] += 1
        else:
            data = result.line           # bytes from a local worker, ready to be written
            if isinstance(data, str):      # a Dask worker's line, or a record made in this process
                data = data.encode("utf-8") + b"\n"
            counts = result.counts
        try:
            self.sink.write(data)
        except OSError as e:
            raise WriteFailed(f"writing {term_safe(self.sink.name)}: {e.strerror or e}") from e
        if self.db is not None:
            rec = rec if rec is not None else json.loads(data)
            self.db.loader.add(rec, rec.get("source") or rec.get("id"))
        self.stats["files"] += 1
        self.stats["articles"] += counts.articles
        self.stats["deadlines"] += counts.deadlines
        self.stats["procedures"] += counts.procedures
        for t, n in counts.mentions:
            self.stats[t] += n
        if counts.errors:
            self.failed += 1
            self.reporter.failed(source, counts.errors)
        else:
            self.reporter.parsed(source, counts)
        self.reporter.tick(self.stats["files"], self.failed)

    def _summary(self, engine) -> int:
        s = self.stats
        text = (f"{s['files']} files, {s['articles']} articles, "
                + ", ".join(f"{s[t]} {t}" for t in ("date", "money", "percent", "institution"))
                + f", {s['deadlines']} deadlines, {s['procedures']} procedures, {self.failed} with errors, "
                + f"{self.skipped} skipped" + self.reporter.unlisted_summary())
        extras = []
        if s["reused"]:
            extras.append(f"{s['reused']} reused from the earlier output")
        for what, n in (("timed out", getattr(engine, "timeouts", 0)), ("lost with a dead worker", getattr(engine, "deaths", 0))):
            if n:
                extras.append(f"{n} {what}")
        self.reporter.finish()
        self.reporter.line(text + (f" ({'; '.join(extras)})" if extras else ""))
        if self.done is not None:
            dropped = len(self.done.index) - len(self.done.used)
            if dropped:
                self.reporter.line(f"resume: {dropped} earlier records were not kept (their input changed or "
                                   f"is no longer among the inputs)")
        if self.manifest is not None:
            missing = self.manifest.unmatched()
            if missing:
                shown = ", ".join(f"{term_safe(name)} (line {where})" for where, name in missing[:10])
                more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
                self.reporter.line(f"manifest: {len(missing)} of {len(self.manifest.rows)} rows in "
                                   f"{term_safe(self.manifest.path)} matched no input: {shown}{more}")
        db_failed = False
        if self.db is not None:
            self.db.loader.close()
            self.reporter.line(term_safe(self.db.summary()))
            db_failed = bool(self.db.loader.stats.failed)
        return SOME_FAILED if self.failed or db_failed else OK

    def _kept(self) -> Optional[Path]:
        if self.db is not None:
            try:
                self.db.loader.close()
            except Exception as e:  # noqa: BLE001
                self.reporter.always(f"error: database: {term_safe(e)}")
        return self.sink.keep()

    def _failed(self, message: str) -> int:
        self.reporter.finish()
        kept = self._kept()
        self.reporter.always(f"error: the run failed: {term_safe(message)}")
        if kept is not None:
            self.reporter.always(f"{self.sink.written} records kept in {term_safe(kept)}; once the cause is "
                                 f"fixed, continue with: {term_safe(_resume_hint(self.spec))}")
        return RUN_FAILED

    def _interrupted(self, signum: int, engine) -> int:
        self.reporter.finish()
        kept = self._kept()
        name = signal.Signals(signum).name
        abandoned = getattr(engine, "abandoned", 0)
        self.reporter.always(f"interrupted ({name}): {self.sink.written} records written"
                             + (f", {abandoned} files in flight abandoned" if abandoned else ""))
        if kept is not None:
            self.reporter.always(f"records kept in {term_safe(kept)}; continue with: "
                                 f"{term_safe(_resume_hint(self.spec))}")
        elif isinstance(self.sink, StreamSink):
            self.reporter.always("records were written to the stream as they came; run again for the rest")
        return 128 + signum
