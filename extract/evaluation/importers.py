"""Annotations made in common tools -> gold files (`hnx gold import`).

doccano JSONL: {"text": ..., "label": [[start, end, "LABEL"], ...]} or the newer
{"text": ..., "entities": [{"start_offset", "end_offset", "label"}, ...]}.
Label Studio JSON: [{"data": {"text": ...}, "annotations": [{"result": [{"value":
{"start", "end", "text", "labels": [...]}}]}]}]. Values are normalized by the
project's extractors run on the span, when they are importable; otherwise null."""
from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .gold import GOLD_SUFFIX, GoldFile
from .text import fold
from .values import VALUE_FIELDS

DEFAULT_LABELS = {"DATE": "date", "TIME": "date", "MONEY": "money", "PERCENT": "percent",
                  "ORG": "institution", "INSTITUTION": "institution"}
SKIP = {"", "-", "skip", "none"}
_EXTRACTORS = {"date": ("extract.dates", "extract_dates"), "money": ("extract.money", "extract_money"),
               "percent": ("extract.money", "extract_money"),
               "institution": ("extract.institutions", "extract_institutions")}
_ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


@dataclass
class Record:
    text: str
    spans: list[tuple[int, int, str]]
    name: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None


@dataclass
class Imported:
    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_label_map(items: list[str]) -> dict[str, str]:
    """["GPE=institution", "EVENT=skip"] -> {"GPE": "institution", "EVENT": ""}."""
    out = dict(DEFAULT_LABELS)
    for item in items:
        for part in item.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValueError(f"label map entry {part!r} is not LABEL=type")
            label, typ = (s.strip() for s in part.split("=", 1))
            if typ.lower() not in SKIP and typ not in _EXTRACTORS:
                raise ValueError(f"label map entry {part!r}: type must be one of {sorted(_EXTRACTORS)} or skip")
            out[label.upper()] = "" if typ.lower() in SKIP else typ
    return out


def _meta_of(rec: dict) -> dict:
    meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
    return {**meta, **{k: v for k, v in rec.items() if k in ("file", "filename", "name", "published", "title")}}


def read_doccano(path: Path) -> list[Record]:
    records = []
    for i, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            raise ValueError(f"{path}:{i}: not JSON: {e}") from None
        if not isinstance(rec.get("text"), str):
            raise ValueError(f"{path}:{i}: no 'text'")
        labels = rec.get("label") or rec.get("labels") or []
        if not all(isinstance(x, list) and len(x) == 3 for x in labels):
            raise ValueError(f"{path}:{i}: 'label' is not a list of [start, end, label] (a sequence-labeling export?)")
        spans = [(int(s), int(e), str(lab)) for s, e, lab in labels]
        spans += [(int(e["start_offset"]), int(e["end_offset"]), str(e["label"])) for e in rec.get("entities") or []]
        meta = _meta_of(rec)
        name = meta.get("file") or meta.get("filename") or meta.get("name") or (
            f"{path.stem}-{rec['id']}" if "id" in rec else f"{path.stem}-{i:04d}")
        records.append(Record(rec["text"], spans, str(name), meta.get("published"), meta.get("title")))
    return records


def read_labelstudio(path: Path) -> list[Record]:
    tasks = json.loads(path.read_text(encoding="utf-8-sig"))
    if isinstance(tasks, dict):
        tasks = [tasks]
    records = []
    for i, task in enumerate(tasks, 1):
        data = task.get("data") or {}
        text = data.get("text")
        if not isinstance(text, str):
            text = next((v for v in data.values() if isinstance(v, str)), None)
        if text is None:
            raise ValueError(f"{path}: task {i} has no data.text")
        annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        spans = []
        for item in (annotations[0].get("result") or []) if annotations else []:
            v = item.get("value") or {}
            labels = v.get("labels") or []
            if "start" in v and "end" in v and labels:
                spans.append((int(v["start"]), int(v["end"]), str(labels[0])))
        meta = {**_meta_of(data), **_meta_of(task.get("meta") or {})}
        name = meta.get("file") or meta.get("filename") or f"{path.stem}-{task.get('id', i)}"
        records.append(Record(text, spans, str(name), meta.get("published"), meta.get("title")))
    return records


def _extractor(typ: str) -> Optional[Callable]:
    module, name = _EXTRACTORS[typ]
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def normalize(typ: str, text: str, published: Optional[str]) -> dict:
    """Value fields for a span, read by the project's extractor of that type (the
    mention covering most of the span); {} when none is available or none is found."""
    fn = _extractor(typ)
    if fn is None:
        return {}
    from ..refdate import RefDate

    found = [m for m in fn(text, RefDate.try_parse(published)) if m.type == typ]
    if not found:
        return {}
    best = max(found, key=lambda m: (m.end - m.start, -m.start))
    names = VALUE_FIELDS[typ] + (("mod",) if typ in ("money", "percent") else ())
    out = {f: getattr(best, f) for f in names if getattr(best, f) is not None}
    if typ == "institution" and "name" not in out:
        out["name"] = text
    return out


def to_gold(rec: Record, file: str, labels: dict[str, str], values: bool = True) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    mentions = []
    last_end = -1
    for start, end, label in sorted(rec.spans):
        typ = labels.get(label.upper())
        if typ is None:
            warnings.append(f"{file}: label {label!r} not mapped (use --label-map {label}=TYPE); skipped")
            continue
        if not typ:
            continue
        if not 0 <= start < end <= len(rec.text):
            warnings.append(f"{file}: span {start}-{end} outside the text; skipped")
            continue
        if start < last_end:
            warnings.append(f"{file}: span {start}-{end} overlaps the previous one")
        last_end = max(last_end, end)
        text = re.sub(r"\s+", "", rec.text[start:end])
        if not text:
            continue
        m = {"type": typ, "text": text} if typ == "institution" else {"type": typ, "text": text, "value": None}
        if values:
            m.update(normalize(typ, fold(text), rec.published))
        mentions.append(m)
    gold = {"file": file, "meta": {"title": rec.title, "published": rec.published, "outlet": None, "authors": []},
            "mentions": mentions, "deadlines": [], "procedures": []}
    GoldFile.model_validate(gold)
    return gold, warnings


def _file_name(name: str) -> str:
    base = re.sub(r"[^\w.\-]+", "_", Path(name).name).strip("._") or "article"
    return base if Path(base).suffix.lower() in _ARTICLE_SUFFIXES else base + ".txt"


def import_file(path: Path, fmt: str, out_dir: Path, label_map: Optional[list[str]] = None,
                published: Optional[str] = None, values: bool = True) -> Imported:
    """Write <name> (the article text) and <name>.gold.json per record into out_dir."""
    readers = {"doccano": read_doccano, "labelstudio": read_labelstudio}
    if fmt not in readers:
        raise ValueError(f"unknown format {fmt!r}: doccano or labelstudio")
    labels = parse_label_map(label_map or [])
    result = Imported()
    out_dir.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    for rec in readers[fmt](path):
        rec.published = rec.published or published
        file = _file_name(rec.name or "article")
        if file in seen:
            raise ValueError(f"two records are named {file!r}")
        seen.add(file)
        gold, warnings = to_gold(rec, file, labels, values)
        result.warnings += warnings
        (out_dir / file).write_text(rec.text, encoding="utf-8")
        gpath = out_dir / (file + GOLD_SUFFIX)
        gpath.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        result.paths.append(gpath)
    return result
