"""`hnx eval` and `hnx gold ...` commands (placeholder: registers nothing yet)."""
from __future__ import annotations


def register(app) -> None:
    return None
