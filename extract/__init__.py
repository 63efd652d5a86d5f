"""hnx: structured, offset-grounded records from Chinese health-news articles.

    from extract import parse, parse_file, parse_files, load
    doc = parse_file("article.html")             # -> extract.schema.Document
    doc = parse(text, published="2021-11-25")    # relative dates resolve against this
    nlp = load()                                 # the spaCy pipeline (docs/spacy.md)

`import extract` is cheap: each name below is imported on first use (PEP 562), so the
command line starts without pydantic or the extractors, and only `load()` imports spaCy.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "parse": ".pipeline", "parse_file": ".pipeline", "parse_files": ".pipeline",
    "load": ".nlp",
    "Options": ".options",
    "RefDate": ".refdate",
    "Document": ".schema", "json_schema": ".schema", "SCHEMA_VERSION": ".schema",
}

__all__ = ["parse", "parse_file", "parse_files", "load", "Options", "RefDate", "Document",
           "json_schema", "SCHEMA_VERSION", "__version__"]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value   # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and IDEs; never run
    from .nlp import load
    from .options import Options
    from .pipeline import parse, parse_file, parse_files
    from .refdate import RefDate
    from .schema import SCHEMA_VERSION, Document, json_schema
