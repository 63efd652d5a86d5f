"""Objects built once per process from the data files (Aho-Corasick automata, lookup tables),
stored by `python -m extract.cachebuild` so that a fresh process loads them instead of building them.

A builder is declared with `@cached("dimension.what")`: it takes no arguments and its result
is kept for the life of the process, like `functools.lru_cache(maxsize=1)`. A builder's result
must depend only on the files it was built from and the code (never on the text parsed).
The first call in a process takes the stored object when there is a valid one (see below),
else runs the builder.

The store is a folder beside the compiled-pattern cache (extract/regexcache.py):
`extract/_cache/regex-<python>.objects/<name>.pickle`, one pickle per object, written only by
`python -m extract.cachebuild`. Its first line is the key the object was stored under; the
object is used only when that key equals the key computed now, the SHA-1 of:
  - its sources: `@cached(name, sources=(paths...))` (absolute, or relative to the extract
    package; a folder stands for every file under it), plus the builder's own module and the
    module of every extract class the object holds. Without `sources`, the whole extract package
    (every code and data file in it): any edit anywhere makes every such object stale;
  - the Python (version, cache tag) and, for each other library whose classes the object holds
    (pyahocorasick), its version and the size and mtime of its module file.
`@memo(name, sources=...)` declares a pure function of hashable arguments instead: its table of
results (argument tuple -> result) is such an object, filled while the build parses the corpora.
A stale entry is never used, and an entry that cannot be read or unpickled (a truncated file, a
library that changed its format) is ignored: the builder runs as if there were no store.
`HNX_REGEX_CACHE=0` turns the store off with the rest of the cache.

`builders()` lists the declared builders by name; `store()` writes them (for the cache build).
"""
from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
import re
import sys
import time
from functools import wraps
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar, Union

T = TypeVar("T")
F = TypeVar("F", bound=Callable)

PACKAGE = Path(__file__).resolve().parent
FORMAT = "prebuilt-2"            # bump when the key or the file layout changes
_PROTOCOL = 5
_NAME = re.compile(r"[a-z0-9_]+(?:[.-][a-z0-9_]+)*\Z")
_SKIP_DIRS = {"__pycache__", "_cache"}
_MISSING = object()

_BUILDERS: dict[str, Callable[[], object]] = {}
_SOURCES: dict[str, Optional[tuple[Path, ...]]] = {}
_GETTERS: dict[str, Callable[[], object]] = {}
_MEMOS: dict[str, Callable] = {}      # name -> the pure function whose results a table holds
_PACKAGE_DIGEST: list[str] = []   # the package's digest, computed once per process


def cached(name: str, sources: Optional[Iterable[Union[str, os.PathLike]]] = None
           ) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Declare a no-argument builder under `name`; its result is built (or loaded) once."""
    if not _NAME.match(name):
        raise ValueError(f"prebuilt object name {name!r}: lower-case words joined by '.', '-' or '_'")
    paths = None if sources is None else tuple(PACKAGE / s for s in sources)   # an absolute path stays as it is

    def declare(fn: Callable[[], T]) -> Callable[[], T]:
        if name in _BUILDERS and _BUILDERS[name] is not fn:
            raise ValueError(f"prebuilt object {name!r} declared twice")
        _BUILDERS[name], _SOURCES[name] = fn, paths
        slot: list = []

        @wraps(fn)
        def get() -> T:
            if not slot:
                value = load(name)
                slot.append(fn() if value is _MISSING else value)
            return slot[0]

        get.cache_clear = slot.clear   # type: ignore[attr-defined]
        _GETTERS[name] = get
        return get
    return declare


def memo(name: str, sources: Optional[Iterable[Union[str, os.PathLike]]] = None) -> Callable[[F], F]:
    """Declare a pure function of hashable arguments whose results are kept for the life of
    the process (like `functools.cache`) in a table stored under `name` like a `cached` object:
    the cache build stores the calls made while it parsed the corpora, so a fresh process
    starts with the results the toolkit's own patterns need. `sources` are what the results
    depend on (the function's module is always part of the key; give the module itself, or
    more, so an edit elsewhere in the package does not make the table stale). A result must
    be immutable (it is shared by every caller) and picklable."""
    def declare(fn: F) -> F:
        def table() -> dict:
            return {}
        table.__module__, table.__qualname__ = fn.__module__, f"{fn.__qualname__}.<table>"
        results = cached(name, sources)(table)
        _MEMOS[name] = fn

        @wraps(fn)
        def call(*args):
            known = results()
            try:
                return known[args]
            except KeyError:
                value = known[args] = fn(*args)
                return value

        call.cache_clear = results.cache_clear   # type: ignore[attr-defined]
        return call   # type: ignore[return-value]
    return declare


def builders() -> dict[str, Callable[[], object]]:
    """Declared builders by name (the undecorated functions)."""
    return dict(_BUILDERS)


def memos() -> dict[str, Callable]:
    """Declared memo tables by name -> the (undecorated) function whose results they hold."""
    return dict(_MEMOS)


# -- the key ---------------------------------------------------------------

def _files(paths: Iterable[Path]) -> list[str]:
    out: set[str] = set()
    for p in paths:
        if p.is_dir():
            out.update(_walk(str(p)))
        else:
            out.add(str(p))
    return sorted(out)


def _walk(folder: str) -> Iterable[str]:
    """Every file under `folder` but bytecode, caches and hidden folders (os.scandir: ~1 ms
    for the package where os.walk and Paths took ~5 ms)."""
    with os.scandir(folder) as entries:
        for e in entries:
            if e.is_dir():
                if e.name not in _SKIP_DIRS and not e.name.startswith("."):
                    yield from _walk(e.path)
            elif not e.name.endswith(".pyc"):
                yield e.path


def _digest(files: Iterable[str]) -> str:
    h = hashlib.sha1()
    for f in files:
        size, digest = _file_digest(f)   # a missing source is part of the key too
        h.update(f"{f}\0{size}\0{digest}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


# A file's SHA-1 is read again only when its size or mtime changed since it was hashed (in
# this process, or by the cache build: files.marshal in the store): the package's ~1.7 MB
# took ~10 ms of every fresh process to read and hash. A file changed less than RACY_NS
# before it was hashed is always read again (one changed twice within the file system's
# timestamp granularity would keep its size and mtime).
RACY_NS = 2_000_000_000
_HASHED: dict[str, tuple[int, int, str, int]] = {}   # path -> (size, mtime_ns, sha1, when hashed)
_RECORDED: list[dict] = []     # what the cache build hashed, read once per process
_RECORD_FILE = "files.marshal"


def _file_digest(path: str) -> tuple[int, str]:
    """(size, SHA-1) of the file's bytes; (-1, "") when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return -1, ""
    for known in (_HASHED.get(path), _recorded().get(path)):
        if (known is not None and known[0] == st.st_size and known[1] == st.st_mtime_ns
                and st.st_mtime_ns < known[3] - RACY_NS):
            return known[0], known[2]
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return -1, ""
    digest = hashlib.sha1(data).hexdigest()
    _HASHED[path] = (len(data), st.st_mtime_ns, digest, time.time_ns())
    return len(data), digest


def _recorded() -> dict:
    if not _RECORDED:
        table: dict = {}
        where = _directory()
        if where is not None:
            try:
                loaded = marshal.loads((where / _RECORD_FILE).read_bytes())
                table = loaded if isinstance(loaded, dict) else {}
            except Exception:   # missing or unreadable: every file is read
                table = {}
        _RECORDED.append(table)
    return _RECORDED[0]


def _module_file(module: str) -> Optional[Path]:
    mod = sys.modules.get(module)
    f = getattr(mod, "__file__", None)
    return Path(f).resolve() if f else None


def _library(module: str) -> str:
    """What identifies the installed version of a library whose classes an object holds."""
    top = module.partition(".")[0]
    if top in sys.stdlib_module_names or top == "builtins":
        return ""   # the Python version is in the key
    __import__(module)
    version = getattr(sys.modules[top], "__version__", "")
    f = _module_file(module)
    st = f.stat() if f else None
    return f"{version}|{st.st_size if st else ''}|{st.st_mtime_ns if st else ''}"


def key(name: str, modules: Iterable[str]) -> str:
    """The key of object `name` holding classes of `modules` (see the module docstring)."""
    modules = sorted(set(modules))
    h = hashlib.sha1(f"{FORMAT}|{name}|{sys.version}|{sys.implementation.cache_tag}".encode())
    ours = [m for m in modules if m == "extract" or m.startswith("extract.")]
    sources = _SOURCES[name]
    code = [f for f in (_module_file(m) for m in [_BUILDERS[name].__module__, *ours]) if f]
    if sources is None:
        if not _PACKAGE_DIGEST:
            _PACKAGE_DIGEST.append(_digest(_files([PACKAGE])))
        h.update(b"package " + _PACKAGE_DIGEST[0].encode())
        sources = ()
    h.update(b"files " + _digest(_files([*sources, *code])).encode())
    for m in modules:
        if m not in ours:
            h.update(f"\0{m}\0{_library(m)}".encode())
    return h.hexdigest()


# -- load and store --------------------------------------------------------

def _directory() -> Optional[Path]:
    from .regexcache import objects_dir

    return objects_dir()


def load(name: str):
    """The stored object `name` when its key is current, else _MISSING."""
    where = _directory()
    if where is None:
        return _MISSING
    try:
        with open(where / f"{name}.pickle", "rb") as f:
            head = f.readline().decode("ascii").split()
            if not head or head[0] != key(name, head[1:]):
                return _MISSING
            return pickle.load(f)
    except FileNotFoundError:
        return _MISSING
    except Exception:   # unreadable or unpicklable (truncated file, changed library): build it instead
        return _MISSING


def stored(name: str):
    """The stored object `name` when there is a current one, else None: for a builder too
    costly to run on first use, whose callers have a cheaper path of their own without it
    (festivals.py's lunar calendar: the library computes a year at a time)."""
    value = load(name)
    return None if value is _MISSING else value


class _Recorder(pickle.Unpickler):
    """Unpickles and notes the module of every class the object holds."""

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data))
        self.modules: set[str] = set()

    def find_class(self, module, name):
        self.modules.add(module)
        return super().find_class(module, name)


def store(where: Path) -> tuple[list[str], dict[str, str]]:
    """Build every declared object not built yet in this process and write them all to
    `where` (objects of builders no longer declared are removed). Returns (names stored,
    name -> why it could not be stored): those are built at run time as without a store."""
    where.mkdir(parents=True, exist_ok=True)
    stored, skipped = [], {}
    for old in where.glob("*.pickle"):
        if old.stem not in _GETTERS:
            old.unlink()
    for name in sorted(_GETTERS):
        value = _GETTERS[name]()
        try:
            data = pickle.dumps(value, protocol=_PROTOCOL)
            rec = _Recorder(data)
            rec.load()
        except Exception as e:   # e.g. a lambda inside: not storable, built at run time
            skipped[name] = f"{type(e).__name__}: {e}"
            (where / f"{name}.pickle").unlink(missing_ok=True)
            continue
        head = " ".join([key(name, rec.modules), *sorted(rec.modules)]) + "\n"
        tmp = where / f".{name}.tmp"
        tmp.write_bytes(head.encode("ascii") + data)
        os.replace(tmp, where / f"{name}.pickle")   # a reader never sees half a file
        stored.append(name)
    tmp = where / f".{_RECORD_FILE}.tmp"
    tmp.write_bytes(marshal.dumps(dict(sorted(_HASHED.items())), 2))   # the files the keys were made of
    os.replace(tmp, where / _RECORD_FILE)
    return stored, skipped
