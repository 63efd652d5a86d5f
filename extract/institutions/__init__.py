"""Institution mentions (placeholder until the institutions extractor lands: finds nothing)."""
from __future__ import annotations


def extract_institutions(text, ref=None):
    return []
