"""Money and percent mentions (placeholder until the money extractor lands: finds nothing)."""
from __future__ import annotations


def extract_money(text, ref=None):
    return []


def extract_changes(text, mentions):
    return []
