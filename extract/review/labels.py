"""Display names and per-type fields, from labels.yaml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

TYPES = ("date", "money", "percent", "institution")
KINDS = ("ok", "missed", "spurious", "wrong_value", "optional")


@lru_cache(maxsize=1)
def labels() -> dict:
    return yaml.safe_load((Path(__file__).with_name("labels.yaml")).read_text(encoding="utf-8"))


def type_label(typ: str) -> str:
    t = labels()["types"].get(typ)
    return f"{t['zh']} {t['en']}" if t else typ


def kind_label(kind: str) -> str:
    k = labels()["kinds"].get(kind)
    return k["en"] if k else kind


def kind_sign(kind: str) -> str:
    k = labels()["kinds"].get(kind)
    return k["sign"] if k else ""


def fields(typ: str) -> list[str]:
    return list(labels()["fields"].get(typ, ["value"]))
