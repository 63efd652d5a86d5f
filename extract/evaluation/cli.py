"""`hnx eval` and `hnx gold import|check`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

gold_app = typer.Typer(no_args_is_help=True, help="Gold files: import annotations, check files.")


def eval_cmd(
    gold_dirs: List[Path] = typer.Argument(..., help="Gold folders (searched recursively for *.gold.json) or files."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="JSONL of Document records instead of running the pipeline."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the full report as JSON here."),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write a self-contained HTML report here."),
    no_gold_published: bool = typer.Option(False, "--no-gold-published",
                                           help="Run the pipeline blind: do not pass the gold publication date."),
    max_errors: int = typer.Option(100, "--errors", min=0, help="How many errors to list on the console."),
):
    """Score the pipeline (or --pred predictions) against gold files."""
    from .evaluate import summary
    from .gold import load_gold
    from .report_html import render_html
    from .report_text import render
    from .run import pipeline_parse_file, run_eval

    golds, load_errors = load_gold(list(gold_dirs))
    if not golds:
        typer.echo(f"no usable *.gold.json under {', '.join(map(str, gold_dirs))}", err=True)
        for e in load_errors:
            typer.echo(f"{e.path}: {e.message}", err=True)
        raise typer.Exit(2)
    if pred is None and pipeline_parse_file() is None:
        typer.echo("the pipeline (extract.parse_file) is not available yet: pass --pred PRED.jsonl", err=True)
        raise typer.Exit(2)
    if pred is not None and not pred.is_file():
        raise typer.BadParameter(f"no such file: {pred}", param_hint="--pred")
    report = run_eval(golds, load_errors, pred=pred, blind=no_gold_published)
    typer.echo(render(report, max_errors=max_errors))
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(summary(report), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if html_out:
        html_out.parent.mkdir(parents=True, exist_ok=True)
        html_out.write_text(render_html(report, sources=report.sources), encoding="utf-8")
    raise typer.Exit(1 if report.problems else 0)


@gold_app.command("check")
def check_cmd(
    paths: List[Path] = typer.Argument(..., help="Gold folders (recursive) or gold files."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
):
    """Validate gold files: schema, texts occur in the article in order, value formats."""
    from .check import check_file
    from .gold import gold_paths

    files = gold_paths(list(paths))
    if not files:
        typer.echo(f"no *.gold.json under {', '.join(map(str, paths))}", err=True)
        raise typer.Exit(1)
    bad = 0
    for path in files:
        res = check_file(path)
        for msg in res.errors:
            typer.echo(f"{path}: error: {msg}")
        for msg in res.warnings:
            typer.echo(f"{path}: warning: {msg}")
        bad += bool(res.errors or (strict and res.warnings))
    typer.echo(f"{len(files)} gold files checked, {bad} with problems", err=True)
    raise typer.Exit(1 if bad else 0)


@gold_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="An annotation tool's export."),
    fmt: str = typer.Option(..., "--format", help="doccano (JSONL) or labelstudio (JSON)."),
    out_dir: Path = typer.Option(..., "-o", "--output", help="Folder for the article texts and gold files."),
    label_map: List[str] = typer.Option([], "--label-map", help="LABEL=type (date, money, percent, institution, skip); repeatable or comma-separated."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for records that carry none."),
    no_values: bool = typer.Option(False, "--no-values", help="Leave values null instead of running the extractors."),
):
    """Turn doccano / Label Studio exports into gold files (+ the article text beside each)."""
    from .importers import import_file

    try:
        res = import_file(file, fmt, out_dir, label_map, published, values=not no_values)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    for w in res.warnings:
        typer.echo(f"warning: {w}", err=True)
    for p in res.paths:
        typer.echo(str(p))
    typer.echo(f"{len(res.paths)} gold files written to {out_dir}; review the values, then run `hnx gold check`", err=True)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)
    app.add_typer(gold_app, name="gold")
