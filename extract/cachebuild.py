"""`python -m extract.cachebuild [PATH]`: build the compiled-pattern cache (extract/regexcache.py)
and the prebuilt objects beside it (extract/prebuilt.py), the segmenter's index of jieba's
dictionary (extract/institutions/jiebaindex.py), and byte-compile the package.

Runs with PYTHONHASHSEED=0 (re-started if needed) so that any pattern a library builds from a
set comes out in one order and the file is byte-for-byte reproducible.

Byte-compiling writes the package's `__pycache__/*.pyc`, as `pip install` of a wheel does: a
checkout (or an editable install) run with PYTHONDONTWRITEBYTECODE=1 otherwise compiles every
module from source in each fresh process (~0.15 s of the first parse). Python checks each .pyc
against its source's mtime and size, so an edited module is compiled from source again.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .regexcache import build, objects_path

PACKAGE = Path(__file__).resolve().parent


def byte_compile() -> int:
    """Write the package's .pyc files (quietly); the number of modules."""
    import compileall   # not before the build: patterns its imports compile would not be recorded
    if not compileall.compile_dir(str(PACKAGE), quiet=1):
        raise SystemExit(f"byte-compiling {PACKAGE} failed")
    return sum(1 for p in PACKAGE.rglob("*.py") if "_cache" not in p.parts)


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit(subprocess.run([sys.executable, "-m", "extract.cachebuild", *sys.argv[1:]],
                                env={**os.environ, "PYTHONHASHSEED": "0"}).returncode)
    # first, so that the corpus parse below segments through it and records its patterns; in a
    # child process, as importing the institution stage here would compile its patterns unrecorded
    subprocess.run([sys.executable, "-m", "extract.institutions.jiebaindex"], check=True)
    where, n, stored, skipped = build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"{n} compiled patterns -> {where}")
    print(f"{len(stored)} prebuilt objects -> {objects_path(where)}")
    for name, why in skipped.items():
        print(f"  not stored (built at run time): {name}: {why}")
    print(f"{byte_compile()} modules byte-compiled (__pycache__, as pip install does)")
