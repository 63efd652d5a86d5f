"""Training data: every reader yields `Example(text, spans)` with character offsets.

    project gold files      *.gold.json (annotation guide; spans found in the cleaned text)
    examples corpora        corpora/examples/institutions.yaml (surface, sentences, negatives)
    CLUENER-style JSON      one object a line: {"text": ..., "label": {"organization":
                            {"华山医院": [[3, 6]]}}} (end inclusive)
    BIO / BMES              one character and its tag a line (B-ORG, I-ORG, O / B-, M-, E-,
                            S-), a blank line between sentences

Labels are mapped to the single label INST (`LABEL_MAP`; `labels=` overrides which
source labels count as institutions).
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

import yaml

LABEL = "INST"
# source labels that are institutions (CLUENER: organization, government, company;
# MSRA/People's Daily: ORG, NT; our own: INST, institution)
DEFAULT_LABELS = frozenset({"organization", "government", "company", "ORG", "NT", "INST", "institution", "ORGANIZATION"})


@dataclass
class Example:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    source: str = ""


def read_any(path: str, labels: Optional[Iterable[str]] = None, fmt: str = "auto") -> list[Example]:
    labels = frozenset(labels) if labels else DEFAULT_LABELS
    fmt = detect(path) if fmt == "auto" else fmt
    reader = {"gold": read_gold, "examples": read_examples, "cluener": read_cluener,
              "bio": read_tagged, "bmes": read_tagged}[fmt]
    return list(reader(path) if fmt in ("gold", "examples") else reader(path, labels))


def detect(path: str) -> str:
    name = os.path.basename(path).lower()
    if name.endswith(".gold.json"):
        return "gold"
    if name.endswith((".yaml", ".yml")):
        return "examples"
    if name.endswith((".json", ".jsonl")):
        return "cluener"
    return "bio"


def _squeeze(text: str) -> tuple[str, list[int]]:
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(unicodedata.normalize("NFKC", text[i]) for i in keep), keep


def locate(text: str, surfaces: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of each surface in order of appearance (whitespace and width ignored);
    a surface not found after the previous one is skipped."""
    flat, keep = _squeeze(text)
    spans, cursor = [], 0
    for s in surfaces:
        needle = _squeeze(s)[0]
        if not needle:
            continue
        at = flat.find(needle, cursor)
        if at < 0:
            at = flat.find(needle)  # out of document order: take the first occurrence
            if at < 0:
                continue
        else:
            cursor = at + len(needle)
        spans.append((keep[at], keep[at + len(needle) - 1] + 1))
    return _non_overlapping(spans)


def _non_overlapping(spans):
    out, last = [], -1
    for s, e in sorted(set(spans)):
        if s >= last:
            out.append((s, e))
            last = e
    return out


def read_gold(path: str) -> Iterator[Example]:
    from ..ingest.decode import decode
    from ..pipeline import ingest_text

    gold = json.load(open(path, encoding="utf-8"))
    src = os.path.join(os.path.dirname(path), gold.get("file") or os.path.basename(path)[: -len(".gold.json")])
    text = ingest_text(decode(open(src, "rb").read()).text).text.text
    surfaces = [m["text"] for m in gold.get("mentions", []) if m.get("type") == "institution"]
    spans = locate(text, surfaces)
    # one example a paragraph keeps documents short for the trainer (never cutting a name)
    inside = bytearray(len(text))
    for s, e in spans:
        inside[s:e] = b"\1" * (e - s)
    cuts = [m.end() for m in re.finditer(r"\n+", text) if not inside[m.start()]]
    start = 0
    for end in [*cuts, len(text)]:
        para = text[start:end]
        if para.strip():
            yield Example(para, [(s - start, e - start) for s, e in spans if s >= start and e <= end], path)
        start = end


def read_examples(path: str) -> Iterator[Example]:
    data = yaml.safe_load(open(path, encoding="utf-8"))
    for item in data.get("surface", []):
        yield Example(item["text"], [(0, len(item["text"]))], path)
    for text in data.get("negatives", []):
        yield Example(text, [], path)
    for item in data.get("sentences", []):
        yield Example(item["text"], locate(item["text"], [s["text"] for s in item["spans"]]), path)


def read_cluener(path: str, labels=DEFAULT_LABELS) -> Iterator[Example]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            spans = []
            for label, by_name in (obj.get("label") or {}).items():
                if label not in labels:
                    continue
                for positions in by_name.values():
                    spans += [(s, e + 1) for s, e in positions]
            yield Example(obj["text"], _non_overlapping(spans), path)


def read_tagged(path: str, labels=DEFAULT_LABELS) -> Iterator[Example]:
    """BIO and BMES (BIOES) files: `char<space or tab>tag` a line."""
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            parts = line.rstrip("\n").split()
            if not parts:
                if chars:
                    yield Example("".join(chars), tags_to_spans(tags, labels), path)
                chars, tags = [], []
                continue
            chars.append(parts[0] if len(parts) > 1 else " ")
            tags.append(parts[-1])


def tags_to_spans(tags: list[str], labels=DEFAULT_LABELS) -> list[tuple[int, int]]:
    spans, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        prefix = prefix.upper()
        continues = prefix in ("I", "M", "E") and start is not None and label == kind
        if not continues and start is not None:
            spans.append((start, i))
            start = None
        if prefix in ("B", "S") and label in labels:
            start, kind = i, label
        elif prefix in ("I", "M", "E") and start is None and label in labels:
            start, kind = i, label  # a broken sequence (I without B) starts an entity
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1))
            start = None
    return spans
