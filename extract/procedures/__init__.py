"""Procedures (placeholder until the procedures extractor lands: finds nothing)."""
from __future__ import annotations


def extract_procedures(text, mentions, deadlines):
    return []
