"""Reading the example corpora (corpora/examples/dates.yaml, deadlines.yaml) for
tests and benchmarks: YAML without timestamp parsing, so `2021-01-20` stays the
text it was written as."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from ..refdate import RefDate

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "corpora" / "examples"


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that reads dates and times as strings."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_examples(name: str, directory: Optional[Path] = None) -> dict:
    """The example file `name` (e.g. "dates") as plain data."""
    path = (directory or EXAMPLES_DIR) / f"{name}.yaml"
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_TextLoader)


def ref_of(value) -> Optional[RefDate]:
    """An example's `ref` (None, "2021-11-25", "2018-10", "2018", 2018) as a RefDate."""
    return None if value is None else RefDate.parse(str(value))
