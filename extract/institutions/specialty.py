"""A hospital an article names in full with its city and specialty (长沙安贞妇产医院), then
by its own name and 医院 alone (安贞医院): the short form takes the full name (guide v2: the
canonical name the article makes clear). The specialty words are patterns.yaml
`hospital_specialties`; the own name must be two characters or more, and the article must
name exactly one such hospital for it."""
from __future__ import annotations

from . import lexicon
from .candidates import Candidate
from .references import region_prefix

HOSPITAL = "医院"


def _core(name: str) -> str:
    n = region_prefix(name)
    while n:
        name = name[n:]
        n = region_prefix(name)
    return name


def specialty_shorts(found: list[Candidate]) -> list[Candidate]:
    specialties = lexicon.patterns().get("hospital_specialties", ())
    if not specialties:
        return []
    shorts = [c for c in found if c.kind == "hospital" and c.rule == "pattern.open" and c.name.endswith(HOSPITAL)
              and len(c.name) >= len(HOSPITAL) + 2]
    if not shorts:
        return []
    fulls: dict[str, set[str]] = {}
    for c in found:
        if c.kind != "hospital" or not c.rule.startswith(("pattern.anchored", "gazetteer")):
            continue
        core = _core(c.name)
        if core == c.name or not core.endswith(HOSPITAL):
            continue  # no region in front: the own name is the whole name
        middle = core[:-len(HOSPITAL)]
        for sp in specialties:
            if middle.endswith(sp) and len(middle) - len(sp) >= 2:
                fulls.setdefault(middle[:-len(sp)] + HOSPITAL, set()).add(c.name)
    out = []
    for c in shorts:
        names = fulls.get(c.name)
        if names is not None and len(names) == 1:
            out.append(c.with_(name=next(iter(names)), rule="reference.specialty", confidence=c.confidence + 0.01))
    return out
