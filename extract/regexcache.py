"""A cache of compiled regular-expression programs, so a fresh process does not re-parse ~550 patterns.

Compiling the toolkit's patterns (large CJK alternations and character classes) is about half
of the CPU time of the first `parse()` in a fresh process: `re` parses each pattern in Python
and turns it into a program (a list of integers) that `_sre.compile` then wraps. The program
depends only on the pattern, the flags and the Python version, so it can be kept on disk:

    python -m extract.cachebuild           # builds extract/_cache/regex-<python tag>.bin

The build imports the toolkit and parses the bundled corpora (`corpora/seeds`, `corpora/gold`,
the example texts) in a fresh process, recording every program `re` compiles, and writes them
sorted (the same code and files give the same bytes). `install()` (called when extract.pipeline or extract.extractors is imported) makes `re` take a program
from that file when the exact (pattern, flags) pair is in it, so the pattern object is the one
`re` would have built: the same program, flags and groups. Anything not in the file (a pattern
changed since the build, another Python, no file) is compiled as usual; a stale file costs
speed, never correctness. `HNX_REGEX_CACHE=0` turns it off; `HNX_REGEX_CACHE=<path>` reads
another file. tests/test_regexcache.py checks every stored program against a fresh compile.
The same file keeps the extractors' YAML data files as loaded (extract/datafiles.py: marshalled,
used only while the file's SHA-1 is unchanged), which saves PyYAML's Python object construction,
and a folder beside it (`regex-<python tag>.objects/`) keeps the objects declared with
`@prebuilt.cached` (Aho-Corasick automata, tables; extract/prebuilt.py says when one is valid).
Nothing is downloaded or written at run time: only the command above writes the file.
"""
from __future__ import annotations

import marshal
from array import array
import os
import sys
import zlib
from pathlib import Path

import _sre
try:
    from re import _compiler, _parser   # Python >= 3.11
except ImportError:                     # Python 3.10 (sre_compile): no cache, patterns compile as usual
    _compiler = _parser = None

_ORIGINAL = _compiler.compile if _compiler else None
_HERE = Path(__file__).resolve().parent
_CODE = "I" if _sre.CODESIZE == 4 else "H"   # re's own choice of code unit


def tag() -> str:
    """Programs are only valid for the `re` that built them: Python version and _sre magic."""
    import hashlib

    src = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (_compiler, _parser)) \
        if getattr(_compiler, "__file__", None) else ""
    h = hashlib.sha1(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}|{src}".encode()).hexdigest()
    return f"{sys.implementation.cache_tag}-{h[:12]}"


def default_path() -> Path:
    return _HERE / "_cache" / f"regex-{sys.implementation.cache_tag}.bin"


def program(p, flags: int) -> tuple:
    """What `re._compiler.compile` passes to `_sre.compile` (the program packed as bytes)."""
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | parsed.state.flags), array(_CODE, code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


class _Hook:
    def __init__(self, path: Path):
        self.path = path
        self.table: dict | None = None   # read on first use
        self.record: dict | None = None  # set by build()
        self.data: dict = {}              # data files (extract/datafiles.py), read with the table

    def _load(self) -> dict:
        table: dict = {}
        try:
            raw = marshal.loads(read(self.path))
            if raw.get("tag") == tag():
                table = raw["programs"]
                self.data = raw.get("data") or {}
        except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError, zlib.error):
            table = {}
        return table

    def __call__(self, p, flags=0):
        if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
            return _ORIGINAL(p, flags)
        key = (p, int(flags))
        if self.record is not None:
            entry = self.record.get(key) or program(p, flags)
            self.record[key] = entry
        else:
            if self.table is None:
                self.table = self._load()
            entry = self.table.get(key)
            if entry is None:
                return _ORIGINAL(p, flags)
        final, code, groups, groupindex, indexgroup = entry
        return _sre.compile(p, final, array(_CODE, code).tolist(), groups, groupindex, indexgroup)


def read(path: Path) -> bytes:
    """The marshalled table in the cache file `path` (a file written compressed, as builds
    before 2026-12 did, is inflated)."""
    data = path.read_bytes()
    return zlib.decompress(data) if data[:1] == b"x" else data   # zlib's header; marshal's dict is "{"


def install() -> None:
    """Route `re`'s compiler through the cache (once; a no-op with HNX_REGEX_CACHE=0)."""
    setting = os.environ.get("HNX_REGEX_CACHE", "")
    if _compiler is None or setting == "0" or isinstance(_compiler.compile, _Hook):
        return
    _compiler.compile = _Hook(Path(setting) if setting else default_path())


def stored_data() -> dict:
    """Data files stored by the build: path -> (sha1, marshalled data); {} without a cache."""
    if _compiler is None:
        return {}
    hook = _compiler.compile
    if not isinstance(hook, _Hook) or hook.record is not None:
        return {}
    if hook.table is None:
        hook.table = hook._load()
    return hook.data


def objects_path(path: Path) -> Path:
    """The folder of prebuilt objects (extract/prebuilt.py) stored beside the cache file `path`."""
    return path.with_name(path.stem + ".objects")


def objects_dir() -> Path | None:
    """Where prebuilt objects are read from; None when the cache is off or being built."""
    hook = _compiler.compile if _compiler is not None else None
    if not isinstance(hook, _Hook) or hook.record is not None:
        return None
    return objects_path(hook.path)


def uninstall() -> None:
    if _compiler is not None:
        _compiler.compile = _ORIGINAL


def build(path: Path | None = None, roots: list[Path] | None = None) -> tuple[Path, int, list[str], dict]:
    """Record every program compiled while parsing the bundled corpora and write them, with
    the prebuilt objects (extract/prebuilt.py) beside them. Returns (the file, the number of
    programs, the objects stored, name -> why an object could not be stored)."""
    import re

    if _compiler is None:
        raise SystemExit("the compiled-pattern cache needs Python 3.11 or later (re._compiler)")
    path = path or default_path()
    hook = _Hook(path)
    from . import datafiles, prebuilt

    hook.record = {}
    datafiles.RECORD = {}
    previous = _compiler.compile
    _compiler.compile = hook
    re.purge()
    for get in prebuilt._GETTERS.values():   # built afresh while recording: their patterns are recorded
        get.cache_clear()
    try:
        import extract

        repo = _HERE.parent / "corpora"
        roots = roots or [repo / "seeds", repo / "gold", repo / "examples"]
        files = sorted(f for r in roots if r.is_dir() for f in r.rglob("*")
                       if f.is_file() and f.suffix in {".txt", ".md", ".html", ".htm"})
        for f in files:
            extract.parse_file(str(f))
        extract.parse("2024年6月1日起，参保人可通过国家医保服务平台APP申请，补助500元。", published="2024-06-01")
        stored, skipped = prebuilt.store(objects_path(path))   # builds any not built by the corpora
    finally:
        _compiler.compile = previous
        data, datafiles.RECORD = dict(sorted(datafiles.RECORD.items())), None
    programs = dict(sorted(hook.record.items(), key=lambda kv: (type(kv[0][0]).__name__, kv[0])))
    path.parent.mkdir(parents=True, exist_ok=True)
    # marshal version 2: no refs, stable bytes. Not compressed: inflating the ~2 MB took ~6 ms of
    # every fresh process (more than reading it), for a file that stays on the machine
    data = marshal.dumps({"tag": tag(), "programs": programs, "data": data}, 2)
    path.write_bytes(data)
    return path, len(programs), stored, skipped

