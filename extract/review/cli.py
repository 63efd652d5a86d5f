"""`hnx show`: a review page of extracted records (see docs/review.md)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def show_cmd(
    paths: List[Path] = typer.Argument(..., help="Article files, folders (recursive), or JSONL records (Document per line)."),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML page to write (an index, with pages beside it, for large runs)."),
    gold: bool = typer.Option(False, "--gold", help="PATHS are gold folders/files: show gold and prediction side by side."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="With --gold: JSONL predictions instead of running the pipeline."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for every article file."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV/JSONL: file,published[,url,outlet,title]."),
    jobs: int = typer.Option(1, "-j", "--jobs", min=1, help="Worker processes for the pipeline."),
    page_size: int = typer.Option(50, "--page-size", min=1, help="Documents per page."),
    title: str = typer.Option("hnx review", "--title", help="Page title."),
):
    """Write a self-contained HTML page to review extractions by eye."""
    from .escape import visible

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {visible(missing[0])}", param_hint="PATHS")
    if gold:
        _show_gold(paths, output, pred, title)
        return
    if pred is not None:
        raise typer.BadParameter("only with --gold", param_hint="--pred")
    from ..cli import load_manifest
    from ..refdate import RefDate
    from .records import Problems, documents
    from .show import write_show

    if published is not None:
        try:
            RefDate.parse(published)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--published")
    rows = load_manifest(manifest) if manifest else None
    problems = Problems()
    docs = documents(list(paths), problems, published=published, manifest=rows, jobs=jobs)
    res = write_show(docs, output, title=title, page_docs=page_size)
    for msg in problems.messages:
        typer.echo(f"skipped: {visible(msg)}", err=True)
    where = visible(res.index) + (f" (+ {len(res.pages)} pages)" if res.pages else "")
    typer.echo(f"{res.documents} documents, {res.mentions} mentions, {res.with_errors} with errors, "
               f"{len(problems.messages)} records skipped -> {where}", err=True)
    if res.documents == 0:
        raise typer.Exit(2)
    raise typer.Exit(1 if problems.messages or res.with_errors else 0)


def _show_gold(paths: List[Path], output: Path, pred: Optional[Path], title: str) -> None:
    from .escape import visible
    from .gold_view import gold_page
    from .show import write_atomic

    if pred is not None and not pred.is_file():
        raise typer.BadParameter(f"no such file: {visible(pred)}", param_hint="--pred")
    try:
        page, report = gold_page(list(paths), pred=pred,
                                 title=title if title != "hnx review" else "hnx gold / prediction")
    except ValueError as e:
        typer.echo(visible(e), err=True)
        raise typer.Exit(2)
    write_atomic(output, page)
    typer.echo(f"{len(report.files)} gold files, {len(report.issues)} errors -> {visible(output)}", err=True)
    raise typer.Exit(1 if report.problems else 0)


def register(app: typer.Typer) -> None:
    app.command("show")(show_cmd)
