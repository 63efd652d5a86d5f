"""Where `hnx show` gets its documents: records (JSONL, or a JSON array, of
`Document`s) read one at a time, or article files run through the pipeline."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from pydantic import ValidationError

from ..schema import Document

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json")


def is_records(path: Path) -> bool:
    name = path.name.lower()
    return path.is_file() and name.endswith(RECORD_SUFFIXES) and not name.endswith(".gold.json")


@dataclass
class Problems:
    """Lines that were not records, as `file:line: reason`."""

    messages: list[str] = field(default_factory=list)


def _brief(e: Exception) -> str:
    if isinstance(e, ValidationError):
        err = e.errors()[0]
        return f"not a Document: {'.'.join(map(str, err['loc']))}: {err['msg']}"
    return f"not JSON: {e}"


def read_records(path: Path, problems: Problems) -> Iterator[Document]:
    """Documents of a JSONL file, streamed; a JSON array is read whole. A line
    that is not a valid record is reported and skipped: the others still show."""
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        first = fh.read(1)
        while first and first.isspace():
            first = fh.read(1)
        fh.seek(0)
        if first == "[":
            try:
                records = json.load(fh)
            except ValueError as e:
                problems.messages.append(f"{path}: {_brief(e)}")
                return
            for i, rec in enumerate(records if isinstance(records, list) else [], 1):
                try:
                    doc = Document.model_validate(rec)
                except ValidationError as e:
                    problems.messages.append(f"{path}: item {i}: {_brief(e)}")
                    continue
                yield doc
            return
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = Document.model_validate(json.loads(line))
            except (ValidationError, ValueError) as e:
                problems.messages.append(f"{path}:{i}: {_brief(e)}")
                continue
            yield doc


def documents(paths: list[Path], problems: Problems, published: Optional[str] = None,
              manifest: Optional[dict] = None, jobs: int = 1) -> Iterator[Document]:
    """Records from record files and parsed documents from article files and
    folders, in the order given."""
    from ..cli import collect
    from ..pipeline import parse_files

    articles: list[Path] = []
    for p in paths:
        if is_records(p):
            if articles:
                yield from parse_files(collect(articles), jobs=jobs, published=published, manifest=manifest)
                articles = []
            yield from read_records(p, problems)
        else:
            articles.append(p)
    if articles:
        yield from parse_files(collect(articles), jobs=jobs, published=published, manifest=manifest)
