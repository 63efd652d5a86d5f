"""`python -m extract.cachebuild [PATH]`: build the compiled-pattern cache (extract/regexcache.py).

Runs with PYTHONHASHSEED=0 (re-started if needed) so that any pattern a library builds from a
set comes out in one order and the file is byte-for-byte reproducible.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .regexcache import build, objects_path

if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit(subprocess.run([sys.executable, "-m", "extract.cachebuild", *sys.argv[1:]],
                                env={**os.environ, "PYTHONHASHSEED": "0"}).returncode)
    where, n, stored, skipped = build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"{n} compiled patterns -> {where}")
    print(f"{len(stored)} prebuilt objects -> {objects_path(where)}")
    for name, why in skipped.items():
        print(f"  not stored (built at run time): {name}: {why}")
