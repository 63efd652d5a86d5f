"""Gold files (annotation guide § Gold file): the model, and loading every
`*.gold.json` below a folder with the manifests (`manifest*.csv`) beside them."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ..schema import Mention, MentionType

GOLD_SUFFIX = ".gold.json"


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldMeta(_Gold):
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    authors: list[str] = Field(default_factory=list)
    url: Optional[str] = None


# a gold mention carries the output's own value fields (extract.schema.Mention),
# without offsets or provenance, plus `optional` and a free `note`
VALUE_FIELDS_FROM_SCHEMA = ("value", "mod", "grain", "anchor", "role", "min", "max", "per", "currency",
                            "unit", "name", "kind", "level", "region")
GoldMention = create_model(
    "GoldMention",
    __base__=_Gold,
    type=(MentionType, ...),
    text=(str, Field(min_length=1)),
    optional=(bool, False),
    note=(Optional[str], None),
    **{f: (Mention.model_fields[f].annotation, None) for f in VALUE_FIELDS_FROM_SCHEMA},
)


class GoldDeadline(_Gold):
    date_text: Optional[str] = None
    due: str
    action: Optional[str] = None
    actor: Optional[str] = None
    optional: bool = False
    note: Optional[str] = None


class GoldProcedure(_Gold):
    goal: Optional[str] = None
    steps: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    optional: bool = False
    note: Optional[str] = None


class GoldFile(_Gold):
    file: str = Field(min_length=1)
    meta: GoldMeta = Field(default_factory=GoldMeta)
    must_contain: list[str] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)
    mentions: list[GoldMention] = Field(default_factory=list)
    deadlines: list[GoldDeadline] = Field(default_factory=list)
    procedures: list[GoldProcedure] = Field(default_factory=list)
    note: Optional[str] = None


@dataclass
class Gold:
    """A loaded gold file: the annotations, where they live, and the manifest row
    (file,published[,url,outlet,title]) that names the same article, if any."""

    path: Path
    data: GoldFile
    manifest: dict = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.data.file

    @property
    def article_path(self) -> Path:
        return self.path.parent / self.data.file

    @property
    def published(self) -> Optional[str]:
        return self.data.meta.published or self.manifest.get("published") or None


@dataclass
class LoadError:
    path: Path
    message: str


def parse_gold(path: Path, text: Optional[str] = None) -> GoldFile:
    """Read and validate one gold file (raises ValueError / ValidationError)."""
    raw = path.read_text(encoding="utf-8-sig") if text is None else text
    return GoldFile.model_validate(json.loads(raw))


def read_manifests(folder: Path) -> dict:
    """{file name: row} from every manifest*.csv directly in `folder`."""
    rows: dict = {}
    for mpath in sorted(folder.glob("manifest*.csv")):
        with mpath.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                clean = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
                name = clean.pop("file", "")
                if name:
                    rows[name] = {k: v for k, v in clean.items() if v}
    return rows


def gold_paths(roots: list[Path]) -> list[Path]:
    """Gold files given directly, or found recursively below folders (sorted)."""
    out: list[Path] = []
    for root in roots:
        if root.is_dir():
            out.extend(sorted(p for p in root.rglob(f"*{GOLD_SUFFIX}") if p.is_file()))
        elif root.is_file():
            out.append(root)
    return out


def load_gold(roots: Union[Path, str, list]) -> tuple[list[Gold], list[LoadError]]:
    """Every gold file below `roots`, with its manifest row; files that do not
    parse are returned as LoadErrors rather than raised."""
    if not isinstance(roots, list):
        roots = [roots]
    golds: list[Gold] = []
    errors: list[LoadError] = []
    manifests: dict = {}
    for path in gold_paths([Path(r) for r in roots]):
        try:
            data = parse_gold(path)
        except (ValueError, ValidationError, OSError) as e:
            errors.append(LoadError(path, _brief_error(e)))
            continue
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = read_manifests(folder)
        golds.append(Gold(path, data, manifests[folder].get(data.file, {})))
    return golds, errors


def _brief_error(e: Exception) -> str:
    if isinstance(e, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()[:10]
        )
    return str(e)
