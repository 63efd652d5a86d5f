"""spaCy at the edges: a blank Chinese pipeline whose components wrap the pure
extractor functions. `extract.load()` returns the `nlp` object a spaCy user expects:

    nlp = extract.load()
    doc = nlp.make_doc(text); doc._.hnx_ref = RefDate.parse("2021-11-25")
    for _, proc in nlp.pipeline: doc = proc(doc)
    doc._.hnx_mentions   # list[extract.schema.Mention], offsets into doc.text

or simply `nlp(text)` (no publication date: relative dates stay unresolved).

Extractor contracts (all pure, offsets into the text they are given):
    dates        extract_dates(text, ref) -> list[Mention]
    money        extract_money(text, ref) -> list[Mention]          (money + percent)
                 extract_changes(text, mentions) -> list[Change]
    institutions extract_institutions(text, ref) -> list[Mention]
    deadlines    extract_deadlines(text, mentions, ref) -> list[Deadline]
    procedures   extract_procedures(text, mentions, deadlines) -> list[Procedure]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .tokenizer import make_tokenizer  # noqa: F401  (registers hnx.RJiebaTokenizer)

DEFAULT_PIPELINE = ("hnx_dates", "hnx_money", "hnx_institutions", "hnx_deadlines", "hnx_procedures")

for _attr in ("hnx_mentions", "hnx_deadlines", "hnx_procedures", "hnx_changes"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)
if not Doc.has_extension("hnx_ref"):
    Doc.set_extension("hnx_ref", default=None)


def doc_text(doc: Doc) -> str:
    """doc.text, computed once (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("hnx_text")
    if text is None:
        text = doc.user_data["hnx_text"] = doc.text
    return text


def _ensure(doc: Doc) -> Doc:
    for attr in ("hnx_mentions", "hnx_deadlines", "hnx_procedures", "hnx_changes"):
        if getattr(doc._, attr) is None:
            setattr(doc._, attr, [])
    return doc


class MentionComponent:
    """Runs `fn(text, ref) -> list[Mention]` and appends to doc._.hnx_mentions."""

    def __init__(self, fn: Callable):
        self.fn = fn

    def __call__(self, doc: Doc) -> Doc:
        _ensure(doc)
        doc._.hnx_mentions.extend(self.fn(doc_text(doc), doc._.hnx_ref))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("hnx_dates")
def _make_dates(nlp: Language, name: str):
    from .dates import extract_dates

    return MentionComponent(extract_dates)


@Language.factory("hnx_money")
def _make_money(nlp: Language, name: str):
    from .money import extract_changes, extract_money

    def component(doc: Doc) -> Doc:
        _ensure(doc)
        found = extract_money(doc_text(doc), doc._.hnx_ref)
        base = len(doc._.hnx_mentions)
        doc._.hnx_mentions.extend(found)
        for ch in extract_changes(doc_text(doc), found):
            for field in ("from_", "to", "by"):
                if getattr(ch, field) is not None:
                    setattr(ch, field, getattr(ch, field) + base)
            doc._.hnx_changes.append(ch)
        return doc

    return component


@Language.factory("hnx_institutions")
def _make_institutions(nlp: Language, name: str):
    from .institutions import extract_institutions

    return MentionComponent(extract_institutions)


@Language.factory("hnx_deadlines")
def _make_deadlines(nlp: Language, name: str):
    from .deadlines import extract_deadlines

    def component(doc: Doc) -> Doc:
        _ensure(doc)
        doc._.hnx_deadlines.extend(extract_deadlines(doc_text(doc), doc._.hnx_mentions, doc._.hnx_ref))
        return doc

    return component


@Language.factory("hnx_procedures")
def _make_procedures(nlp: Language, name: str):
    from .procedures import extract_procedures

    def component(doc: Doc) -> Doc:
        _ensure(doc)
        doc._.hnx_procedures.extend(
            extract_procedures(doc_text(doc), doc._.hnx_mentions, doc._.hnx_deadlines)
        )
        return doc

    return component


def blank() -> Language:
    """spacy.blank('zh') with the jieba segmentation (rjieba, same output, faster)."""
    return spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "hnx.RJiebaTokenizer"}}}
    )


def load(components: Optional[Iterable[str]] = None, exclude: Iterable[str] = ()) -> Language:
    """The full hnx pipeline (or the named components, in the given order)."""
    nlp = blank()
    for name in components or DEFAULT_PIPELINE:
        if name not in exclude:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def cached(components: tuple = DEFAULT_PIPELINE) -> Language:
    return load(components)


def annotate(nlp: Language, text: str, ref=None) -> Doc:
    """Run `nlp` on `text` with a reference date set before the components run."""
    doc = nlp.make_doc(text)
    doc.user_data["hnx_text"] = text
    doc._.hnx_ref = ref
    _ensure(doc)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
