"""Where the documents come from: the pipeline run on each gold's article, or a
JSONL file of predictions (Document records whose `source` ends with the gold's
file name)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from pydantic import ValidationError

from ..schema import Document, Error
from .evaluate import Report, evaluate_file
from .gold import Gold, LoadError


def pipeline_parse_file():
    """`extract.parse_file`, or None while the pipeline is not there."""
    try:
        import extract
        return getattr(extract, "parse_file", None)
    except ImportError:
        return None


def predict(golds: Iterable[Gold], blind: bool = False) -> list[tuple[Gold, Document, Optional[str]]]:
    """Run the pipeline on each gold's article: (gold, document, publication date
    ingest found by itself). Unless `blind`, the gold's publication date is passed
    in, as a crawler's manifest would, and a second, ingest-only pass without it
    tells what the document itself gives."""
    parse_file = pipeline_parse_file()
    if parse_file is None:
        raise RuntimeError("the pipeline (extract.parse_file) is not available; use --pred")
    from ..options import Options

    ingest_only = Options(components=())
    out = []
    for gold in golds:
        path = gold.article_path
        if not path.is_file():
            doc = Document(id="missing", source=str(path),
                           errors=[Error(stage="read", message=f"article file not found: {path}")])
        else:
            try:
                doc = parse_file(str(path), published=None if blind else gold.published)
            except Exception as e:  # one failing article is reported, not fatal to the run
                doc = Document(id="failed", source=str(path),
                               errors=[Error(stage="pipeline", message=f"{type(e).__name__}: {e}")])
        found = doc.meta.published
        if not blind and path.is_file():
            found = parse_file(str(path), options=ingest_only).meta.published
        out.append((gold, doc, found))
    return out


def read_predictions(path: Path) -> tuple[list[Document], list[str]]:
    """Documents from a JSONL (or JSON array) file; unreadable lines are reported."""
    docs: list[Document] = []
    problems: list[str] = []
    text = path.read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("["):
        records = json.loads(text)
        lines = [(i, r) for i, r in enumerate(records, 1)]
    else:
        lines = []
        for i, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    lines.append((i, json.loads(line)))
                except ValueError as e:
                    problems.append(f"{path}:{i}: not JSON: {e}")
    for i, record in lines:
        try:
            docs.append(Document.model_validate(record))
        except ValidationError as e:
            problems.append(f"{path}:{i}: not a Document: {e.errors()[0]['msg']}")
    return docs, problems


def _matches(source: Optional[str], file: str) -> bool:
    if not source:
        return False
    source = source.replace("\\", "/")
    return source == file or source.endswith("/" + file)


def pair_predictions(golds: Iterable[Gold], docs: list[Document]) -> list[tuple[Gold, Optional[Document]]]:
    """Each gold with the prediction whose source ends with the gold's file name
    (the longest such match relative to the gold's folder wins; None if none)."""
    out = []
    for gold in golds:
        hits = [d for d in docs if _matches(d.source, gold.file)]
        rel = str(gold.article_path).replace("\\", "/")
        hits.sort(key=lambda d: -_common_suffix(d.source.replace("\\", "/"), rel))
        out.append((gold, hits[0] if hits else None))
    return out


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def run_eval(golds: list[Gold], load_errors: list[LoadError], pred: Optional[Path] = None,
             blind: bool = False) -> Report:
    """The whole evaluation: documents from `pred` or the pipeline, then scores."""
    problems = [{"file": str(e.path), "message": e.message} for e in load_errors]
    if pred is not None:
        docs, bad = read_predictions(pred)
        problems += [{"file": str(pred), "message": m} for m in bad]
        triples = [(g, d, None) for g, d in pair_predictions(golds, docs)]
        known = False
    else:
        triples = predict(golds, blind=blind)
        known = True
    settings = {"predictions": str(pred) if pred else "pipeline",
                "published": ("as in the predictions" if pred else "none (blind)" if blind
                              else "from gold for the extractors; `published` scored blind")}
    report = Report(settings=settings, problems=problems)
    report.files = [evaluate_file(g.data, d, _label(g), blind_published=found, published_known=known)
                    for g, d, found in triples]
    report.sources = [(g.data, d if d is not None else Document(id="missing")) for g, d, _ in triples]
    return report


def _label(gold: Gold) -> str:
    parent = gold.path.parent.name
    name = Path(gold.file).name       # `file` may be a path to an article kept elsewhere
    return f"{parent}/{name}" if parent else name
