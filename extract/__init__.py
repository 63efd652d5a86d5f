"""hnx: structured, offset-grounded records from Chinese health-news articles.

    from extract import parse, parse_file, parse_files, load
    doc = parse_file("article.html")             # -> extract.schema.Document
    doc = parse(text, published="2021-11-25")    # relative dates resolve against this
    nlp = load()                                 # the spaCy pipeline itself
"""
from __future__ import annotations

__version__ = "0.1.0"

from .nlp import load
from .options import Options
from .pipeline import parse, parse_file, parse_files
from .refdate import RefDate
from .schema import SCHEMA_VERSION, Document, json_schema

__all__ = ["parse", "parse_file", "parse_files", "load", "Options", "RefDate", "Document",
           "json_schema", "SCHEMA_VERSION", "__version__"]
