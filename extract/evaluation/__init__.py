"""Evaluation against gold files: `hnx eval`, `hnx gold import|check`.

    from extract.evaluation import load_gold, evaluate_file, headline
    golds, problems = load_gold("corpora")
    result = evaluate_file(golds[0].data, extract.parse_file(golds[0].article_path))

Modules, one per stage: text (folding), gold (model, loading), align (gold texts
-> spans), score (mentions), values, structure (deadlines, procedures, meta,
HTML), evaluate (pure scoring), run (pipeline / predictions), report_text,
report_html, importers, check, cli."""
from .evaluate import FileResult, Report, evaluate, evaluate_file, headline, summary
from .gold import Gold, GoldFile, load_gold

__all__ = ["load_gold", "Gold", "GoldFile", "evaluate", "evaluate_file", "headline", "summary",
           "Report", "FileResult"]
