"""`hnx show --gold`: gold files against the pipeline's (or --pred) documents,
scored as `hnx eval` scores them, rendered side by side with the articles whole."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..evaluation.evaluate import Report
from ..evaluation.gold import load_gold
from ..evaluation.run import run_eval
from .eval_page import render_html


def gold_page(roots: list[Path], pred: Optional[Path] = None, blind: bool = False,
              title: str = "hnx gold / prediction") -> tuple[str, Report]:
    """(page, report) for the gold files below `roots`. Raises ValueError when
    there is no usable gold file."""
    golds, load_errors = load_gold(list(roots))
    if not golds:
        raise ValueError("no usable *.gold.json under " + ", ".join(map(str, roots)))
    report = run_eval(golds, load_errors, pred=pred, blind=blind)
    return render_html(report, title=title, sources=report.sources), report
