"""`hnx train`: train the institution NER on annotated data.

    hnx train                                  # the project's data -> models/institutions-ner
    hnx train my.bio more.jsonl -o models/mine --labels ORG,organization
Formats by file name: *.gold.json (project gold), *.yaml (examples corpus), *.json/*.jsonl
(CLUENER-style), anything else BIO/BMES (`--format` overrides). Folders are searched for
*.gold.json files.
"""
from __future__ import annotations

import glob
import json
import os
from pathlib import Path
from typing import List, Optional

import typer

DEFAULT_DATA = ["corpora/examples/institutions.yaml", "corpora/gold"]
DEFAULT_OUTPUT = "models/institutions-ner"


def _files(paths: List[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(glob.glob(os.path.join(p, "**", "*.gold.json"), recursive=True))
        elif os.path.exists(p):
            out.append(p)
        else:
            raise typer.BadParameter(f"no such file or folder: {p}")
    return out


def train_command(
    data: Optional[List[str]] = typer.Argument(None, help="Training files or folders (default: the examples corpus and corpora/gold)."),
    output: Path = typer.Option(Path(DEFAULT_OUTPUT), "-o", "--output", help="Where the spaCy pipeline is written."),
    fmt: str = typer.Option("auto", "--format", help="auto | gold | examples | cluener | bio | bmes"),
    labels: Optional[str] = typer.Option(None, help="Comma-separated source labels that count as institutions."),
    iterations: int = typer.Option(10, help="Training epochs."),
    augment: int = typer.Option(1500, help="Synthetic template sentences added to the training set (0: none)."),
    window: int = typer.Option(2, help="CNN window (characters each side per layer)."),
    dev: float = typer.Option(0.2, help="Fraction of examples held out to report scores."),
    seed: int = typer.Option(0, help="Random seed (same data + seed = same model)."),
) -> None:
    """Train the institution NER (spaCy, characters, from scratch) and save it with its scores."""
    from ..training.formats import read_any
    from ..training.train import train

    files = _files(list(data) if data else DEFAULT_DATA)
    wanted = labels.split(",") if labels else None
    examples = []
    for f in files:
        got = read_any(f, wanted, fmt)
        typer.echo(f"{f}: {len(got)} examples, {sum(len(e.spans) for e in got)} names", err=True)
        examples += got
    if not examples:
        typer.echo("no training examples", err=True)
        raise typer.Exit(2)
    result = train(examples, str(output), iterations=iterations, seed=seed, dev=dev, augment=augment, window=window,
                   log=lambda msg: typer.echo(msg, err=True))
    result["data"] = files
    typer.echo(json.dumps(result, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command("train")(train_command)
