"""The spaCy components. Each wraps one step of extract/extractors.py (the code path
`extract.parse()` runs) and leaves the results where spaCy users look for them:

    doc.spans["hnx"]             every mention, in record order; labels DATE MONEY PERCENT ORG
    doc.ents                     the non-overlapping mentions (longest first), beside any
                                 entity another component set before
    doc.spans["hnx_deadlines"]   label DEADLINE     doc.spans["hnx_procedures"]  PROCEDURE
    doc.spans["hnx_changes"]     label CHANGE
    span._.value                 the normalized value (ISO date, number, canonical name)
    span._.hnx                   the full record, a dict shaped like the JSON output
    doc._.hnx                    {"mentions", "deadlines", "procedures", "changes"}: records
                                 with offsets into doc.text; indices point into these lists
    doc._.published              the publication date relative dates resolve against

Every span's `id_` is "<group>:<index of its record>". The records are plain dicts, so a
Doc survives `doc.to_bytes()`, `DocBin(store_user_data=True)` and `nlp.pipe(n_process=2)`.
Tokens are split wherever a record starts or ends, so every span is token-aligned.
"""
from __future__ import annotations

import bisect
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extractors import Found, run_step
from .refdate import RefDate
from .schema import Change, Deadline, Mention, Procedure
from .tokenizer import make_tokenizer  # noqa: F401  (registers hnx.RJiebaTokenizer)

LABELS = {"date": "DATE", "money": "MONEY", "percent": "PERCENT", "institution": "ORG"}
MENTIONS = "hnx"
# span group -> (key in doc._.hnx, span label, record model)
GROUPS = {
    MENTIONS: ("mentions", None, Mention),
    "hnx_deadlines": ("deadlines", "DEADLINE", Deadline),
    "hnx_procedures": ("procedures", "PROCEDURE", Procedure),
    "hnx_changes": ("changes", "CHANGE", Change),
}
_PUBLISHED = "hnx.published"   # doc.user_data key of doc._.published (an ISO string)
_RECORDS = "hnx.records"       # doc.user_data key of doc._.hnx


# ---- extensions ---------------------------------------------------------------------------

def _get_published(doc: Doc) -> Optional[str]:
    return doc.user_data.get(_PUBLISHED)


def _set_published(doc: Doc, value) -> None:
    """Accepts '2021-11-25', '2021-11', '2021', a date, a datetime or a RefDate (ValueError
    for anything else); stored as the ISO string so that the Doc stays serializable."""
    ref = RefDate.parse(value)
    if ref is None:
        doc.user_data.pop(_PUBLISHED, None)
    else:
        doc.user_data[_PUBLISHED] = ref.iso()


def _lists(value):
    """msgpack (Doc.from_bytes, DocBin) gives tuples back for lists: the JSON shape again."""
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def _get_records(doc: Doc) -> Optional[dict]:
    rec = doc.user_data.get(_RECORDS)
    if rec is not None and not isinstance(rec.get("mentions"), list):  # read back from bytes
        rec = doc.user_data[_RECORDS] = _lists(rec)
    return rec


def _set_records(doc: Doc, value: Optional[dict]) -> None:
    doc.user_data[_RECORDS] = value


def span_record(span: Span) -> Optional[dict]:
    """The record behind `span`: by its id (spans made by hnx), else by offsets and label."""
    rec = span.doc._.hnx
    if not rec:
        return None
    group, _, index = span.id_.rpartition(":")
    if group in GROUPS and index.isdigit():
        items = rec.get(GROUPS[group][0]) or []
        return items[int(index)] if int(index) < len(items) else None
    for kind, label, _ in GROUPS.values():
        for item in rec.get(kind) or []:
            if item["start"] == span.start_char and item["end"] == span.end_char and \
                    span.label_ == (label or LABELS.get(item.get("type"))):
                return item
    return None


def _span_value(span: Span):
    """A mention's value (an institution's canonical name), a deadline's due date, a
    procedure's goal (None for changes)."""
    rec = span_record(span)
    if rec is None:
        return None
    if "type" in rec:
        return rec["name"] if rec["type"] == "institution" and rec.get("value") is None else rec.get("value")
    return rec.get("due", rec.get("goal"))


def _records(kind: str, model):
    def getter(doc: Doc) -> list:
        return [model.model_validate(r) for r in ((doc._.hnx or {}).get(kind) or [])]
    return getter


def _register() -> None:
    if not Doc.has_extension("hnx"):
        Doc.set_extension("hnx", getter=_get_records, setter=_set_records)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", getter=_get_published, setter=_set_published)
    for group, (kind, _, model) in GROUPS.items():   # pydantic objects, read-only
        if not Doc.has_extension(f"hnx_{kind}"):
            Doc.set_extension(f"hnx_{kind}", getter=_records(kind, model))
    if not Span.has_extension("hnx"):
        Span.set_extension("hnx", getter=span_record)
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_span_value)


_register()


# ---- records <-> doc ----------------------------------------------------------------------

def found_of(doc: Doc) -> Found:
    """The records stored on `doc` as extract.schema objects (fresh copies)."""
    rec = doc._.hnx or {}
    return Found(*([model.model_validate(r) for r in rec.get(kind) or []] for kind, _, model in GROUPS.values()))


def _dump(found: Found) -> dict:
    return {kind: [r.model_dump(by_alias=True) for r in getattr(found, kind)] for kind, _, _ in GROUPS.values()}


def _cuts(rec: dict) -> list[int]:
    cuts = set()
    for kind, _, _ in GROUPS.values():
        for r in rec[kind]:
            cuts.update((r["start"], r["end"]))
    return sorted(cuts)


def split_tokens(doc: Doc, cuts: list[int]) -> None:
    """Split tokens so that every offset in `cuts` (sorted) is a token boundary."""
    starts = doc.to_array("IDX").tolist()
    inner: dict[int, list[int]] = {}   # token index -> offsets of cuts inside it
    for cut in cuts:
        i = bisect.bisect_right(starts, cut) - 1
        if i >= 0 and starts[i] < cut < starts[i] + len(doc[i].text):
            inner.setdefault(i, []).append(cut - starts[i])
    if not inner:
        return
    with doc.retokenize() as retok:
        for i, offsets in inner.items():
            tok = doc[i]
            bounds = [0] + offsets + [len(tok.text)]
            pieces = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retok.split(tok, pieces, heads=[(tok, k) for k in range(len(pieces))])


def _span(doc: Doc, start: int, end: int, label: str, span_id: str) -> Span:
    span = doc.char_span(start, end, label=label, span_id=span_id)
    if span is None:  # an end inside a token's trailing space: the span ends before it
        span = doc.char_span(start, end, label=label, span_id=span_id, alignment_mode="contract")
    return span


def annotate(doc: Doc, found: Found) -> Doc:
    """Store `found` on `doc` and (re)build its spans, ents and token boundaries."""
    rec = doc._.hnx = _dump(found)
    split_tokens(doc, _cuts(rec))
    for group, (kind, label, _) in GROUPS.items():
        spans = []
        for i, r in enumerate(rec[kind]):
            span = _span(doc, r["start"], r["end"], label or LABELS[r["type"]], f"{group}:{i}")
            if span is not None:
                spans.append(span)
        doc.spans[group] = spans
    mine = [s for s in doc.spans[MENTIONS]]
    others = [e for e in doc.ents if not e.id_.startswith(MENTIONS + ":")]
    taken = [(e.start, e.end) for e in others]
    free = [s for s in filter_spans(mine)
            if not any(s.start < b and a < s.end for a, b in taken)]
    doc.set_ents(sorted(others + free, key=lambda s: s.start))
    return doc


# ---- components ---------------------------------------------------------------------------

class HnxComponent:
    """Runs one extractor step on doc.text (see extract.extractors.STEPS).

    `published` (component_cfg or `doc._.published`) sets the publication date; given to
    one component it holds for the ones after it."""

    def __init__(self, step: str):
        self.step = step

    def __call__(self, doc: Doc, *, published=None) -> Doc:
        if published is not None:
            doc._.published = published
        found = found_of(doc)
        run_step(self.step, doc.text, RefDate.parse(doc._.published), found)
        return annotate(doc, found)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128, *, published=None) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc, published=published)


_ASSIGNS = ["doc._.hnx", "doc.spans", "doc.ents", "span._.hnx", "span._.value"]


@Language.factory("hnx_dates", assigns=_ASSIGNS)
def make_dates(nlp: Language, name: str) -> HnxComponent:
    return HnxComponent("hnx_dates")


@Language.factory("hnx_money", assigns=_ASSIGNS)
def make_money(nlp: Language, name: str) -> HnxComponent:
    return HnxComponent("hnx_money")


@Language.factory("hnx_institutions", assigns=_ASSIGNS)
def make_institutions(nlp: Language, name: str) -> HnxComponent:
    return HnxComponent("hnx_institutions")


@Language.factory("hnx_deadlines", assigns=_ASSIGNS)
def make_deadlines(nlp: Language, name: str) -> HnxComponent:
    return HnxComponent("hnx_deadlines")


@Language.factory("hnx_procedures", assigns=_ASSIGNS)
def make_procedures(nlp: Language, name: str) -> HnxComponent:
    return HnxComponent("hnx_procedures")


def blank() -> Language:
    """spacy.blank('zh') with jieba's segmentation through rjieba."""
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "hnx.RJiebaTokenizer"}}})
