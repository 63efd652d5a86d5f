"""The compiled-pattern cache (extract/regexcache.py) gives exactly what `re` would compile."""
from __future__ import annotations

import hashlib
import marshal
import re
import subprocess
import sys
import zlib
from array import array
from pathlib import Path

import pytest
import yaml

from extract import datafiles, regexcache

ROOT = regexcache._HERE.parent


def _stored(path):
    raw = marshal.loads(regexcache.read(path))
    return raw["tag"], raw["programs"]


def _check(programs, data=None):
    assert programs
    for (pattern, flags), entry in programs.items():
        assert entry == regexcache.program(pattern, flags), pattern
    for path, (digest, blob) in (data or {}).items():
        raw = Path(path).read_bytes() if Path(path).exists() else b""
        if hashlib.sha1(raw).hexdigest() == digest:      # an edited file is read from YAML again
            assert marshal.loads(blob) == yaml.load(raw.decode("utf-8"), Loader=datafiles.loader()), path


def _stored_data(path):
    return marshal.loads(regexcache.read(path))["data"]


def _build(path):
    subprocess.run([sys.executable, "-m", "extract.cachebuild", str(path)], check=True, cwd=ROOT,
                   capture_output=True)
    return path


def test_build_is_reproducible_and_exact(tmp_path):
    a, b = _build(tmp_path / "a.bin"), _build(tmp_path / "b.bin")
    assert a.read_bytes() == b.read_bytes()
    tag, programs = _stored(a)
    assert tag == regexcache.tag()
    assert len(programs) > 300         # the toolkit's patterns were recorded
    data = _stored_data(a)
    assert any(p.endswith("lexicon.yaml") for p in data)
    _check(programs, data)


def test_file_written_compressed_is_still_read(tmp_path):
    """The table is stored uncompressed; a file an older build wrote compressed loads the same."""
    plain = regexcache.default_path()
    if not plain.exists():
        pytest.skip("no cache built (python -m extract.cachebuild)")
    squeezed = tmp_path / "old.bin"
    squeezed.write_bytes(zlib.compress(plain.read_bytes(), 6))
    a, b = regexcache._Hook(plain), regexcache._Hook(squeezed)
    assert a._load() == b._load() and a.data == b.data
    assert len(a._load()) > 300


def test_installed_cache_file_is_exact():
    path = regexcache.default_path()
    if not path.exists():
        pytest.skip("no cache built (python -m extract.cachebuild)")
    tag, programs = _stored(path)
    if tag != regexcache.tag():
        pytest.skip("cache built by another Python: ignored at run time")
    _check(programs, _stored_data(path))


def test_hook_returns_the_same_pattern(tmp_path):
    hook = regexcache._Hook(tmp_path / "none.bin")
    pattern = r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月)?[向于在]?[\u4e00-\u9fff]{2,8}(?:医院|中心)"
    key = (pattern, 0)
    hook.table = {key: regexcache.program(pattern, 0)}
    cached, fresh = hook(pattern, 0), re._compiler.compile(pattern, 0) if not isinstance(
        re._compiler.compile, regexcache._Hook) else regexcache._ORIGINAL(pattern, 0)
    text = "2024年6月在广州市第一人民医院，2023年向市疾病预防控制中心"
    assert cached.groupindex == fresh.groupindex and cached.flags == fresh.flags
    assert [m.groupdict() | {"s": m.span()} for m in cached.finditer(text)] == \
        [m.groupdict() | {"s": m.span()} for m in fresh.finditer(text)]
    assert array(regexcache._CODE, hook.table[key][1]).tolist() == \
        [int(c) for c in re._compiler._code(re._parser.parse(pattern, 0), 0)]
    # a pattern that is not stored is compiled as usual
    assert hook(r"a+b", 0).fullmatch("aab")
