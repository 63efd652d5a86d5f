"""One options object for the whole pipeline (trafilatura style)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .nlp import DEFAULT_PIPELINE


@dataclass(frozen=True)
class Options:
    components: tuple[str, ...] = DEFAULT_PIPELINE
    max_bytes: int = 20 * 1024 * 1024    # larger files become an error record
    manifest: Optional[dict] = field(default=None, compare=False, hash=False)
