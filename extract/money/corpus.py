"""Reads corpora/examples/money.yaml (format in its header) into plain expectations, for the
tests and the benchmark."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "corpora" / "examples" / "money.yaml"
FIELDS = ("type", "text", "value", "min", "max", "per", "currency", "unit", "mod")


@dataclass
class Example:
    id: str
    text: str
    mentions: list[dict]
    changes: Optional[list[dict]] = None
    xfail: Optional[str] = None
    changes_xfail: Optional[str] = None
    ref: Optional[str] = None
    extra: dict = field(default_factory=dict)


def _full(mention: dict) -> dict:
    out = {k: mention.get(k) for k in FIELDS}
    out["type"] = out["type"] or "money"
    if out["type"] == "money" and out["currency"] is None:
        out["currency"] = "CNY"
    for k in ("value", "min", "max"):
        if isinstance(out[k], int) and not isinstance(out[k], bool):
            out[k] = float(out[k])
    return out


def _example(raw: dict) -> Example:
    text = raw["text"]
    if "mentions" in raw:
        mentions = [_full(m) for m in raw["mentions"]]
    else:
        one = {k: raw[k] for k in FIELDS if k in raw and k != "text"}
        one["text"] = raw.get("span", text)
        if one["text"] not in text:
            raise ValueError(f"span {one['text']!r} not in {text!r}")
        mentions = [_full(one)]
    return Example(id=str(raw.get("id", text)), text=text, mentions=mentions,
                   changes=raw.get("changes"), xfail=raw.get("xfail"),
                   changes_xfail=raw.get("changes_xfail"), ref=raw.get("ref"))


def load_examples(path: Path = DEFAULT_PATH) -> list[Example]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [_example(raw) for raw in data["examples"]]


def observed(mention) -> dict:
    """The compared fields of an extracted Mention, in the corpus's form."""
    out = {k: getattr(mention, k) for k in FIELDS}
    for k in ("value", "min", "max"):
        if isinstance(out[k], (int, float)) and not isinstance(out[k], bool):
            out[k] = round(float(out[k]), 10)
    return out


def change_fields(change) -> dict:
    out = {"from": change.from_, "to": change.to, "by": change.by, "direction": change.direction}
    return {k: v for k, v in out.items() if v is not None}
