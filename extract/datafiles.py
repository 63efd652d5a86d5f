"""Data files beside the code (YAML word lists and patterns), read with libyaml's C
loader when PyYAML has it: about ten times faster than the pure-Python loader, which
costs ~0.3 s of a fresh process's first parse over all the extractors' files.

PyYAML's object construction stays Python (~0.5 s profiled over the extractors' files in a
fresh process), so the loaded data can also come from the cache that `python -m
extract.cachebuild` writes (extract/regexcache.py): the marshalled result of this function,
used only when the file's bytes have the same SHA-1 as when it was stored (an edited file is
read from YAML again). Data marshal cannot hold (dates) is never stored. PyYAML itself is
imported only when a file has to be read from YAML (~25 ms of a fresh process otherwise).
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any, Union

RECORD: dict[str, tuple[str, bytes]] | None = None   # set while the cache is built


def load_yaml(path: Union[str, Path]) -> Any:
    """yaml.safe_load of a UTF-8 file (same result, C speed where available)."""
    key = str(Path(path).resolve())
    raw = Path(key).read_bytes()
    digest = hashlib.sha1(raw).hexdigest()
    if RECORD is None:
        from .regexcache import stored_data   # path -> (sha1 of the bytes, marshalled data)

        hit = stored_data().get(key)
        if hit is not None and hit[0] == digest:
            return marshal.loads(hit[1])
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as open() in text mode
    data = yaml_load(text)
    if RECORD is not None:
        try:
            RECORD[key] = (digest, marshal.dumps(data, 2))
        except ValueError:   # not plain data (e.g. a date): always read from YAML
            pass
    return data


def loader():
    """PyYAML's safe loader, libyaml's C one when PyYAML was built with it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(text: str) -> Any:
    """yaml.safe_load of `text` with loader()."""
    import yaml

    return yaml.load(text, Loader=loader())
