"""Where records go: a file (through a journal) or a stream.

A run writing `out.jsonl` appends each record, as one whole line, to a journal
beside it (`.out.jsonl.hnx-<token>.part`, created with the umask like any file)
and renames the journal onto `out.jsonl` when every input has its record. So:

- `out.jsonl` only ever holds complete runs (an older one stays until the new one is done);
- a run that is killed (even with SIGKILL) leaves its journal; every line of it that
  ends in a newline is a complete record, and `--resume` reuses them (and those of
  `out.jsonl`) for the inputs that have not changed (same source, same document id);
  a partial last line is ignored, and each line is written by one process only;
- a write that fails (a full disk) truncates the journal back to its last whole line;
- the journal is locked while its run is alive, so two runs cannot write one output;
- journals of earlier runs are removed when a run completes (after a `--resume` they
  have been copied; without it the run started over)."""
from __future__ import annotations

import errno
import json
import os
import re
import secrets
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Optional

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None

_HEAD = re.compile(rb'^\{"schema_version":"[^"]*","id":"([^"\\]*)","source":("(?:[^"\\]|\\.)*"|null)')


class OutputError(Exception):
    """The output cannot be written where asked (a usage error: exit 2)."""


class OutputBusy(OutputError):
    """Another live run is writing the same output."""


def open_new(path: Path, append: bool = False) -> int:
    """Create a file that did not exist, with the umask applied (not mode 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | (os.O_APPEND if append else 0)
    return os.open(path, flags, 0o666)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def journals(output: Path) -> list[Path]:
    """Journals left beside `output` by earlier runs (also the old `.out.jsonl.*.part`)."""
    try:
        names = os.listdir(output.parent)
    except OSError:
        return []
    prefix = f".{output.name}."
    found = [output.parent / n for n in names if n.startswith(prefix) and n.endswith(".part")]
    return sorted(found, key=lambda p: (_mtime(p), p.name))


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


def _is_locked(path: Path) -> bool:
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def check_output(output: Path) -> None:
    """Refuse, before any work, an output that cannot be written (OutputError)."""
    text = str(output)
    if output.exists() and output.is_dir():
        raise OutputError(f"-o {text}: is a folder; give a file name (e.g. {text.rstrip('/')}/records.jsonl)")
    for parent in [output.parent, *output.parent.parents]:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"-o {text}: {parent} is a file, not a folder")
            break
    if output.exists() and not stat.S_ISREG(output.stat().st_mode):
        return                               # /dev/null, a FIFO: written as a stream
    if text.endswith(os.sep):
        raise OutputError(f"-o {text}: names a folder; give a file name")


# -- reading what earlier runs wrote -----------------------------------------

@dataclass
class Done:
    """Records already written for this output: source -> (id, where the line is)."""
    files: list = field(default_factory=list)          # paths read, in order
    index: dict = field(default_factory=dict)          # source -> (id, file number, offset, length)
    partial: int = 0                                   # incomplete last lines ignored
    unreadable: int = 0                                # lines that are not records
    used: set = field(default_factory=set)             # sources whose record was reused

    def expect_id(self, source: str) -> Optional[str]:
        hit = self.index.get(source)
        return hit[0] if hit else None

    def line(self, source: str, handles: dict) -> bytes:
        _, n, offset, length = self.index[source]
        fh = handles.get(n)
        if fh is None:
            fh = handles[n] = open(self.files[n], "rb")
        fh.seek(offset)
        data = fh.read(length)
        self.used.add(source)
        return data


def _parse_head(line: bytes) -> Optional[tuple[str, str]]:
    m = _HEAD.match(line)
    if m:
        source = json.loads(m.group(2))
        return (m.group(1).decode("ascii", "replace"), source) if source is not None else None
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if isinstance(rec, dict) and isinstance(rec.get("id"), str) and isinstance(rec.get("source"), str):
        return rec["id"], rec["source"]
    return None


def read_done(output: Path, exclude: tuple = ()) -> Done:
    """Index the records of `output` and of the journals of earlier runs (later ones win)."""
    done = Done()
    paths = ([output] if output.is_file() else []) + [j for j in journals(output) if j not in exclude]
    for path in paths:
        n = len(done.files)
        done.files.append(path)
        offset = 0
        with open(path, "rb") as fh:
            for line in fh:
                length = len(line)
                if not line.endswith(b"\n"):
                    done.partial += 1
                    break
                head = _parse_head(line) if line.startswith(b"{") else None
                if head is None:
                    if line.strip():
                        done.unreadable += 1
                else:
                    done.index[head[1]] = (head[0], n, offset, length)
                offset += length
    return done


# -- writing -----------------------------------------------------------------

class StreamSink:
    """Records to standard output (or to a FIFO or device named with -o)."""

    def __init__(self, stream: Optional[BinaryIO] = None, path: Optional[Path] = None):
        self.path = path
        self._own = None
        if stream is None and path is not None:
            self._own = stream = open(path, "ab", buffering=0)
        self.stream = stream if stream is not None else sys.stdout.buffer
        self.written = 0
        self.fd = None

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "standard output"

    def write(self, line: bytes) -> None:
        try:
            self.stream.write(line)
            self.written += 1
            if self.written % 64 == 0:
                self.stream.flush()
        except BrokenPipeError:               # `hnx run ... | head`: the reader is gone
            self._silence()
            raise

    def _silence(self) -> None:
        """Point the closed stream at /dev/null so that the interpreter's final flush is quiet."""
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, self.stream.fileno())
            os.close(fd)
        except (OSError, ValueError, AttributeError):
            pass

    def commit(self, fmt: str) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            self._silence()
            raise
        self.close()

    def keep(self) -> Optional[Path]:
        try:
            self.stream.flush()
        except OSError:
            self._silence()
        self.close()
        return None

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None


class JournalSink:
    """Records to a file, through a journal renamed into place at the end."""

    def __init__(self, output: Path):
        self.output = output
        self.path: Optional[Path] = None
        self.fd: Optional[int] = None
        self.size = 0
        self.written = 0
        self.stale = [j for j in journals(output)]
        for j in self.stale:
            if _is_locked(j):
                raise OutputBusy(f"-o {output}: another hnx run is writing it (its journal {j.name} is in use)")
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            for _ in range(10):
                path = output.parent / f".{output.name}.hnx-{secrets.token_hex(4)}.part"
                try:
                    self.fd = open_new(path, append=True)
                    break
                except FileExistsError:
                    continue
            else:  # pragma: no cover
                raise OutputError(f"-o {output}: cannot create a journal beside it")
        except OSError as e:
            raise OutputError(f"-o {output}: cannot write there: {e.strerror or e}") from None
        self.path = path
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    @property
    def name(self) -> str:
        return str(self.output)

    def write(self, line: bytes) -> None:
        try:
            _write_all(self.fd, line)
        except OSError:
            try:                                  # leave only whole lines behind
                os.ftruncate(self.fd, self.size)
            except OSError:
                pass
            raise
        self.size += len(line)
        self.written += 1

    def commit(self, fmt: str) -> None:
        """Every input has its record: put the output in place, remove earlier journals."""
        os.fsync(self.fd)
        if fmt == "json":
            self._to_array()
        else:
            os.replace(self.path, self.output)
        self._close()
        _fsync_dir(self.output.parent)
        for j in self.stale:
            try:
                j.unlink()
            except OSError:
                pass

    def _to_array(self) -> None:
        tmp = self.output.parent / f".{self.output.name}.hnx-{secrets.token_hex(4)}.json.part"
        fd = open_new(tmp)
        try:
            _write_all(fd, b"[\n")
            with open(self.path, "rb") as fh:
                for i, line in enumerate(fh):
                    _write_all(fd, (b"," if i else b"") + line)
            _write_all(fd, b"]\n")
            os.fsync(fd)
            os.close(fd)
            fd = None
            os.replace(tmp, self.output)
        except BaseException:
            if fd is not None:
                os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        self.path.unlink(missing_ok=True)

    def keep(self) -> Optional[Path]:
        """An interrupted or failed run: keep the journal for --resume (or drop it if empty)."""
        if self.fd is None:
            return None
        self._close()
        if self.written == 0:
            self.path.unlink(missing_ok=True)
            return None
        return self.path

    def _close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as e:  # pragma: no cover - some file systems refuse
        if e.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)
