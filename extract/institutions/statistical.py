"""Layer 3, statistics: jieba's POS tag `nt` (organization), the baseline, and the spaCy
NER pipeline trained by `hnx train` (models/institutions-ner, or $HNX_INSTITUTIONS_MODEL).
Spans from both get a kind from their suffix and a canonical name from the gazetteer."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from ..prebuilt import cached
from . import lexicon
from .candidates import Candidate

MODEL_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                         "models", "institutions-ner")


@cached("institutions.statistical.suffixes")
def _suffixes() -> list[tuple[str, str]]:
    items = [(i["suffix"], i["kind"]) for i in lexicon.patterns()["suffixes"]]
    items += [(f, b["kind"]) for b in lexicon.bodies() for f in b["forms"]]
    return sorted(items, key=lambda x: -len(x[0]))


def describe(text: str, start: int, end: int, rule: str, confidence: float) -> Candidate:
    surface = re.sub(r"\s+", "", text[start:end])
    entry = lexicon.known().get(surface)
    if entry is not None:
        return Candidate(start, end, entry.name, entry.kind, entry.level, entry.region, rule, confidence)
    kind = next((k for suffix, k in _suffixes() if surface.endswith(suffix)), "other")
    return Candidate(start, end, surface, kind, None, None, rule, confidence)


def jieba_nt_candidates(text: str) -> list[Candidate]:
    import jieba.posseg

    out, pos = [], 0
    for word in jieba.posseg.cut(text):
        if word.flag == "nt":
            out.append(describe(text, pos, pos + len(word.word), "jieba.nt", 0.3))
        pos += len(word.word)
    return out


@lru_cache(maxsize=2)
def load_model(path: str):
    import spacy

    if not os.path.isdir(path):
        raise FileNotFoundError(f"no institution model at {path}: train one with `hnx train`")
    return spacy.load(path)


def model_candidates(text: str, path: str = "") -> list[Candidate]:
    nlp = load_model(path or os.environ.get("HNX_INSTITUTIONS_MODEL") or MODEL_DIR)
    starts, paras = [], []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):  # paragraphs: blank-line separated
        starts.append(m.start())
        paras.append(m.group())
    out = []
    for base, doc in zip(starts, nlp.pipe(paras, batch_size=32)):
        for ent in doc.ents:
            out.append(describe(text, base + ent.start_char, base + ent.end_char, "model.ner", 0.6))
    return out
