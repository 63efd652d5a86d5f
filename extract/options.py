"""One options object for the whole pipeline (trafilatura style)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .nlp import DEFAULT_PIPELINE


@dataclass(frozen=True)
class Options:
    components: tuple[str, ...] = DEFAULT_PIPELINE
    max_bytes: int = 20 * 1024 * 1024    # larger files become an error record
    split_articles: bool = True
    extract_outside_articles: bool = False  # teaser tails and page chrome are not annotated
    manifest: Optional[dict] = field(default=None, compare=False, hash=False)
