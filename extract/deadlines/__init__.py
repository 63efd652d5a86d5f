"""Deadlines (placeholder until the deadlines extractor lands: finds nothing)."""
from __future__ import annotations


def extract_deadlines(text, mentions, ref=None):
    return []
