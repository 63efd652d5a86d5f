"""Ingest: raw bytes -> decoded text -> format -> cleaned text with an offset map,
split into articles, with metadata. One module per stage; `extract.pipeline`
orchestrates them."""
