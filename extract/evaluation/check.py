"""`hnx gold check`: a gold file is valid when it parses against the model, its
article exists, every annotated text occurs in the article (folded: whitespace
removed, NFKC), mentions follow document order, and values have the formats of
the annotation guide (formats.yaml)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml
from pydantic import ValidationError

from .gold import GOLD_SUFFIX, GoldFile, GoldMention
from .text import fold

_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|span|h[1-6]|table|section|article)\b", re.I)
_MARKUP = str.maketrans("", "", "*`")
_PERCENT = re.compile(r"^[^0-9]{0,6}([0-9]{1,6}(?:\.[0-9]{1,6})?)%$")


@lru_cache(maxsize=1)
def formats() -> dict:
    data = yaml.safe_load((Path(__file__).with_name("formats.yaml")).read_text(encoding="utf-8"))
    point = data["point"]
    data["date_re"] = re.compile(f"^{point}(?:/{point})?$")
    data["due_re"] = re.compile(f"^{point}$")
    data["published_re"] = re.compile(data["published"])
    data["currency_re"] = re.compile(data["currency"])
    return data


@dataclass
class CheckResult:
    path: Path
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_article(path: Path) -> str:
    """The article's text, decoded the way the pipeline decodes it."""
    data = path.read_bytes()
    try:
        from ..ingest.decode import decode
        return decode(data).text
    except ImportError:
        return data.decode("utf-8", errors="replace")


def searchable(raw: str) -> tuple[str, str]:
    """Folded article text to search annotations in (tags stripped from HTML,
    Markdown emphasis removed), and the folded raw file as a second chance."""
    text = raw
    if _HTML_HINT.search(raw):
        from bs4 import BeautifulSoup
        text = BeautifulSoup(raw, "lxml").get_text("\n")
    return fold(text).translate(_MARKUP), fold(raw).translate(_MARKUP)


def _key(text: Optional[str]) -> str:
    return fold(text).translate(_MARKUP)


def check_file(path: Path) -> CheckResult:
    res = CheckResult(path)
    try:
        gold = GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8-sig")))
    except ValueError as e:
        if isinstance(e, ValidationError):
            res.errors += [f"schema: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()]
        else:
            res.errors.append(f"not JSON: {e}")
        return res
    named = Path(gold.file).name + GOLD_SUFFIX     # `file` may be a path to an article kept elsewhere
    if path.name != named:
        res.warnings.append(f"gold file should be named {named!r}")
    article = path.parent / gold.file
    if not article.is_file():
        res.errors.append(f"article file not found: {article}")
        return res
    hay, raw = searchable(read_article(article))
    _check_meta(gold, res)
    _check_mentions(gold, hay, raw, res)
    _check_structures(gold, hay + "\n" + raw, res)
    return res


def _check_meta(gold: GoldFile, res: CheckResult) -> None:
    pub = gold.meta.published
    if pub and not formats()["published_re"].match(pub):
        res.errors.append(f"meta.published {pub!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def _check_mentions(gold: GoldFile, hay: str, raw: str, res: CheckResult) -> None:
    prev_start, prev_end, prev_text = 0, 0, None
    for i, m in enumerate(gold.mentions):
        where = f"mentions[{i}] ({m.type} {m.text!r})"
        if re.search(r"\s", m.text):
            res.errors.append(f"{where}: text holds whitespace (the guide removes it)")
        key = _key(m.text)
        at = hay.find(key, prev_end)
        if at < 0:
            at = hay.find(key, prev_start + 1) if prev_text else -1
        if at < 0:
            if key and key in hay:
                res.errors.append(f"{where}: out of document order (occurs only before {prev_text!r})")
            elif not key or key not in raw:
                res.errors.append(f"{where}: text does not occur in the article")
        else:
            prev_start, prev_end, prev_text = at, at + len(key), m.text
        for msg in value_problems(m):
            res.errors.append(f"{where}: {msg}")


def value_problems(m: GoldMention) -> list[str]:
    """What is wrong with a mention's fields, per the annotation guide."""
    fmt = formats()
    out = []
    allowed = set(fmt["fields"][m.type])
    for name in sorted(m.model_fields_set - allowed - {"type", "text", "optional", "note"}):
        if getattr(m, name) is not None:
            out.append(f"field {name!r} does not apply to a {m.type}")
    if m.type == "date":
        if not isinstance(m.value, str) or not fmt["date_re"].match(m.value):
            out.append(f"value {m.value!r} is not an ISO date/range at the expression's grain")
        if m.mod is not None and m.mod not in fmt["date_mod"]:
            out.append(f"mod {m.mod!r} not in {fmt['date_mod']}")
    elif m.type in ("money", "percent"):
        for name in ("value", "min", "max"):
            v = getattr(m, name)
            if v is not None and (isinstance(v, (str, bool))):
                out.append(f"{name} {v!r} is not a number")
        if m.value is None and m.min is None and m.max is None and not m.optional:
            out.append("no value, min or max")
        if m.mod is not None and m.mod not in fmt["amount_mod"]:
            out.append(f"mod {m.mod!r} not in {fmt['amount_mod']}")
        if m.type == "money" and m.currency is not None and not fmt["currency_re"].match(m.currency):
            out.append(f"currency {m.currency!r} is not an ISO 4217 code")
        if m.type == "money" and m.currency is None and not m.optional:
            out.append("money without currency")
        if m.type == "percent":
            if m.unit is not None and m.unit not in fmt["percent_unit"]:
                out.append(f"unit {m.unit!r} not in {fmt['percent_unit']} (plain percentages have no unit)")
            pct = _PERCENT.match(fold(m.text))
            if pct and m.unit is None and isinstance(m.value, (int, float)) \
                    and abs(float(pct.group(1)) / 100 - m.value) > 1e-9:
                out.append(f"value {m.value!r} does not match {m.text!r} (a percentage is a fraction: 85% -> 0.85)")
    elif m.type == "institution":
        if not m.name:
            out.append("institution without a canonical name")
        if m.kind not in fmt["institution_kind"]:
            out.append(f"kind {m.kind!r} not in {fmt['institution_kind']}")
    return out


def _check_structures(gold: GoldFile, hay: str, res: CheckResult) -> None:
    due_re = formats()["due_re"]

    def must_occur(where: str, text: Optional[str]) -> None:
        if text and _key(text) not in hay:
            res.errors.append(f"{where}: {text!r} does not occur in the article")

    date_texts = {_key(m.text) for m in gold.mentions if m.type == "date"}
    for i, d in enumerate(gold.deadlines):
        where = f"deadlines[{i}]"
        if not due_re.match(d.due):
            res.errors.append(f"{where}: due {d.due!r} is not one ISO date or instant")
        must_occur(f"{where}.date_text", d.date_text)
        if d.date_text and _key(d.date_text) not in date_texts:
            res.warnings.append(f"{where}: date_text {d.date_text!r} is not one of the date mentions")
        must_occur(f"{where}.action", d.action)
        must_occur(f"{where}.actor", d.actor)
    for i, p in enumerate(gold.procedures):
        for j, s in enumerate(p.steps):
            must_occur(f"procedures[{i}].steps[{j}]", s)
        for j, s in enumerate(p.conditions):
            must_occur(f"procedures[{i}].conditions[{j}]", s)
        for j, c in enumerate(p.channels):
            if _key(c) not in hay:
                res.warnings.append(f"procedures[{i}].channels[{j}]: {c!r} does not occur as written")
    for i, s in enumerate(gold.must_contain):
        must_occur(f"must_contain[{i}]", s)
    for i, s in enumerate(gold.must_not_contain):
        if _key(s) not in hay:
            res.warnings.append(f"must_not_contain[{i}]: {s!r} is not in the file (the check cannot fail)")
