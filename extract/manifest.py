"""Manifests: per-file metadata given beside the articles.

A manifest is a CSV file with a header, or JSON Lines, with a `file` column and any
of published, url, outlet, title (and the other metadata fields). `file` is matched
against an input's path as given, its path relative to the manifest's folder, its
absolute path, or its name. Rows that match no input are reported after a run.

    m = Manifest.load("corpus/manifest.csv")
    row = m.lookup("corpus/2021/a.html")      # {} when no row matches
    m.unmatched()                             # [(line, file), ...] rows no input used
    find_manifest(["corpus"])                 # corpus/manifest.csv if there is one
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Iterable, Optional

NAMES = ("manifest.csv", "manifest.jsonl")


class ManifestError(ValueError):
    """The manifest cannot be used (missing, unreadable, a row without `file`, a bad date)."""


class Manifest:
    def __init__(self, path: Path, rows: list[tuple[int, str, dict]]):
        self.path = Path(path)
        self.rows = rows                               # (line or row number, file, fields)
        self._keys: dict[str, int] = {}
        base = self.path.parent
        for i, (_, name, _) in enumerate(rows):
            for key in (name, os.path.normpath(name), str(base / name), os.path.normpath(str(base / name)),
                        os.path.abspath(base / name)):
                self._keys.setdefault(key, i)
        self._names: dict[str, int] = {}
        for i, (_, name, _) in enumerate(rows):
            self._names.setdefault(os.path.basename(name), i)
        self.matched: set[int] = set()

    @classmethod
    def load(cls, path) -> "Manifest":
        from .refdate import RefDate

        path = Path(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise ManifestError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise ManifestError(f"{path}: is a folder, not a manifest file") from None
        except UnicodeDecodeError as e:
            raise ManifestError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
        except OSError as e:
            raise ManifestError(f"{path}: cannot be read: {e.strerror or e}") from None
        raw: list[tuple[int, dict]] = []
        if path.suffix.lower() in (".jsonl", ".json") or text.lstrip().startswith("{"):
            for i, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as e:
                    raise ManifestError(f"{path}:{i}: not JSON: {e}") from None
                if not isinstance(row, dict):
                    raise ManifestError(f"{path}:{i}: not a JSON object")
                raw.append((i, row))
        else:
            reader = csv.DictReader(io.StringIO(text))
            for row in reader:
                raw.append((reader.line_num, row))
        rows = []
        for where, row in raw:
            row = {str(k).strip().lower(): (str(v).strip() if v is not None else "")
                   for k, v in row.items() if k}
            name = row.pop("file", "")
            if not name:
                raise ManifestError(f"{path}:{where}: the row has no 'file'")
            if row.get("published"):
                try:
                    RefDate.parse(row["published"])
                except ValueError as e:
                    raise ManifestError(f"{path}:{where}: published: {e}") from None
            rows.append((where, name, {k: v for k, v in row.items() if v}))
        return cls(path, rows)

    def lookup(self, source: Optional[str]) -> dict:
        """The fields of the row for this input ({} if none), and the row counts as matched."""
        if not source:
            return {}
        i = None
        for key in (source, os.path.normpath(source), os.path.abspath(source)):
            i = self._keys.get(key)
            if i is not None:
                break
        if i is None:
            i = self._names.get(os.path.basename(source))
        if i is None:
            return {}
        self.matched.add(i)
        return self.rows[i][2]

    def unmatched(self) -> list[tuple[int, str]]:
        return [(where, name) for i, (where, name, _) in enumerate(self.rows) if i not in self.matched]

    def as_dict(self) -> dict:
        """{key: fields} with every key `lookup` tries: what `parse_file(manifest=...)` takes."""
        out: dict = {}
        for key, i in self._keys.items():
            out.setdefault(key, self.rows[i][2])
        for key, i in self._names.items():
            out.setdefault(key, self.rows[i][2])
        return out


def load_manifest(path) -> dict:
    """A manifest as {file: fields} (see Manifest.as_dict); ManifestError if unusable."""
    return Manifest.load(path).as_dict()


def find_manifest(paths: Iterable) -> Optional[Path]:
    """The manifest lying beside the inputs: `manifest.csv` or `manifest.jsonl` in the
    folder given (the first folder that has one), or, for files given, in their
    common folder. None when there is none."""
    folders: list[Path] = []
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if str(p) == "-":
            continue
        (folders if p.is_dir() else files).append(p)
    candidates = list(folders)
    if files and not folders:
        try:
            common = Path(os.path.commonpath([os.path.abspath(f) for f in files]))
        except ValueError:
            common = None
        if common is not None:
            candidates.append(common if common.is_dir() else common.parent)
    for folder in candidates:
        for name in NAMES:
            m = folder / name
            if m.is_file():
                return m
    return None
