"""spaCy at the edge: `extract.load()` returns a blank Chinese pipeline whose components
(extract/components.py) run the same extractor steps as `extract.parse()`
(extract/extractors.py) and put their results where a spaCy user looks for them:

    nlp = extract.load()
    doc = nlp(text, component_cfg={"hnx_dates": {"published": "2021-11-25"}})
    doc.spans["hnx"]            # every mention: labels DATE, MONEY, PERCENT, ORG
    doc.ents                    # the non-overlapping ones
    span._.value, span._.hnx    # normalized value, full record (a dict)
    doc.spans["hnx_deadlines"], doc.spans["hnx_procedures"], doc.spans["hnx_changes"]

See docs/spacy.md. This module itself imports no spaCy: `extract.load()` does, on call.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .extractors import DEFAULT_PIPELINE, check_components

__all__ = ["DEFAULT_PIPELINE", "blank", "load"]


def blank():
    """spacy.blank('zh') with jieba's segmentation (rjieba: same words, faster)."""
    from .components import blank as _blank

    return _blank()


def load(components: Optional[Iterable[str]] = None, exclude: Iterable[str] = ()):
    """The full hnx pipeline (or the named components, in the given order), as a
    `spacy.language.Language`."""
    names = check_components(DEFAULT_PIPELINE if components is None else components)
    nlp = blank()
    for name in names:
        if name not in exclude:
            nlp.add_pipe(name)
    return nlp
