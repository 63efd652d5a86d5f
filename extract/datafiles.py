"""Data files beside the code (YAML word lists and patterns), read with libyaml's C
loader when PyYAML has it: about ten times faster than the pure-Python loader, which
costs ~0.3 s of a fresh process's first parse over all the extractors' files."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Union[str, Path]) -> Any:
    """yaml.safe_load of a UTF-8 file (same result, C speed where available)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)
