"""Date mentions (placeholder until the dates extractor lands: finds nothing)."""
from __future__ import annotations


def extract_dates(text, ref=None):
    return []
