"""`hnx show --gold`: gold files against the pipeline's (or --pred) documents,
scored as `hnx eval` scores them, rendered side by side with the articles whole."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..evaluation.evaluate import Report, evaluate_file
from ..evaluation.gold import Gold, load_gold
from ..evaluation.run import pair_predictions, predict, read_predictions
from ..schema import Document
from .eval_page import render_html


def _label(gold: Gold) -> str:
    parent = gold.path.parent.name
    return f"{parent}/{gold.file}" if parent else gold.file


def gold_page(roots: list[Path], pred: Optional[Path] = None, blind: bool = False,
              title: str = "hnx gold / prediction") -> tuple[str, Report]:
    """(page, report) for the gold files below `roots`. Raises ValueError when
    there is no usable gold file."""
    golds, load_errors = load_gold(list(roots))
    if not golds:
        raise ValueError("no usable *.gold.json under " + ", ".join(map(str, roots)))
    problems = [{"file": str(e.path), "message": e.message} for e in load_errors]
    if pred is not None:
        docs, bad = read_predictions(pred)
        problems += [{"file": str(pred), "message": m} for m in bad]
        triples = [(g, d, None) for g, d in pair_predictions(golds, docs)]
    else:
        triples = predict(golds, blind=blind)
    settings = {"predictions": str(pred) if pred else "pipeline",
                "published": "as in the predictions" if pred else "none (blind)" if blind else "from gold"}
    report = Report(settings=settings, problems=problems)
    sources = []
    for g, d, found in triples:
        doc = d if d is not None else Document(id="missing")
        report.files.append(evaluate_file(g.data, d, _label(g), blind_published=found,
                                          published_known=pred is None))
        sources.append((g.data, doc))
    return render_html(report, title=title, sources=sources), report
