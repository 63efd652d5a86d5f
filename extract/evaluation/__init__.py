"""Evaluation against gold files (placeholder until `hnx eval` lands)."""
