"""Changes stated between figures of one quantity:
    报销上限从8000元提至1.6万元   from=8000元, to=1.6万元, direction up
    起付线降低50%                 by=50%, direction down
Indices are into the mention list the caller passes in; `from_value`, `to_value` and
`by_value` carry the same figures inline (value and unit); `quantity` names what changes,
cleaned of the words around it (changes.yaml)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..datafiles import load_yaml
from ..schema import Amount, Change, Mention
from .rules import alternation as alt

_RULES = load_yaml(Path(__file__).with_name("changes.yaml"))
TO_VERBS: dict[str, str] = _RULES["to_verbs"]
BY_VERBS: dict[str, str] = _RULES["by_verbs"]
_FILL = alt(_RULES["fillers"])
_GAP_TO = re.compile(rf"(?P<verb>{alt(TO_VERBS)})(?:{_FILL}){{0,2}}")
_BEFORE_TO = re.compile(rf"(?P<verb>{alt(k for k in TO_VERBS if len(k) > 1)})(?:{_FILL})?\Z")
_BEFORE_BY = re.compile(rf"(?P<verb>{alt(BY_VERBS)})(?:{_FILL})?\Z")
_FROM = re.compile(rf"(?:{alt(_RULES['from_markers'])})\Z")
_CLAUSE = re.compile(f"[{re.escape(_RULES['clause_delimiters'])}]")
NEEDS_FROM = set(_RULES["needs_from"])
# _BEFORE_TO and _BEFORE_BY end where the window ends, with a verb's or a filler's last character:
# a window ending in another (most) is not searched
_BEFORE_LAST = frozenset(w[-1] for w in list(TO_VERBS) + list(BY_VERBS) + list(_RULES["fillers"]))
WINDOW = 8
MAX_QUANTITY: int = _RULES["quantity_max"]

# ---- the quantity phrase (see changes.yaml) ----
_NUM = r"(?:[0-9０-９]{1,4}|[一二三四五六七八九十〇两]{1,3})"
_TIME = (rf"(?:第?{_NUM}\s*(?:[—\-–~～至到]\s*{_NUM}\s*)?(?:{alt(_RULES['time_units'])})"
         rf"(?:{alt(_RULES['time_suffixes'])})?|前{_NUM}个?月)")
_TRAILING = re.compile(
    rf"(?:[{re.escape(_RULES['quantity_trim'])}]|{alt(_RULES['quantity_trailing'])}"
    rf"|(?:{alt(_RULES['time_prepositions'])})?{_TIME}(?:内|来|间)?|\s+"
    rf"|(?:{alt(_RULES['adverbial_prepositions'])})[^，。]{{1,10}}|在[^，。]{{0,10}}?基础上)\Z")
_ADVERBIAL_IN = re.compile(  # only where a quantity stays before it: 在职职工 is a noun
    rf"(?<=..)在[^，。]{{1,10}}?(?:{alt(_RULES['adverbial_in_ends'])})\Z")
_VERB_PREFIX = re.compile(f"[{''.join(_RULES['verb_prefixes'])}]\\Z")
_COMPARISON = re.compile(
    rf"(?:{alt(_RULES['comparison_markers'])})\s*(?=(?:{alt(_RULES['comparison_targets'])})|{_NUM}\s*年)"
    rf"|(?:{alt(_RULES['comparison_words'])})(?!例)")
_DISPOSAL = re.compile(rf"(?:{alt(_RULES['disposal_markers'])})(?!{alt(_RULES['disposal_not_before'])})")
_LEADING = re.compile(rf"\A(?:[\s/／“”\"'‘’《》<>·•\-—]+|(?:{alt(_RULES['quantity_leading'])}|{_TIME})(?:起|以来|的)?)")
_CAUSATIVE = re.compile(rf"\A(?:{alt(_RULES['causatives'])})(?!{alt(_RULES['causative_not_before'])})(?=..)")
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _number(m: Mention) -> Optional[float]:
    v = m.value if m.value is not None else m.min
    return float(v) if isinstance(v, (int, float)) else None


def _strip_end(phrase: str) -> str:
    while True:
        m = _TRAILING.search(phrase) or _ADVERBIAL_IN.search(phrase)
        if m is None:
            return phrase
        phrase = phrase[:m.start()]


def _strip_start(phrase: str) -> str:
    while phrase:
        m = _LEADING.match(phrase)
        if m is None or not m.end():
            break
        phrase = phrase[m.end():]
    return phrase


def clean_quantity(phrase: str, verb: str = "") -> Optional[str]:
    """The quantity in the words before a change (the clause up to its from-marker or verb):
    `将住院报销比例` -> 住院报销比例, `10月末广义货币同比` -> 广义货币, `分别比2022年` -> None."""
    cut = _COMPARISON.search(phrase)
    if cut is not None:
        phrase = phrase[:cut.start()]
    phrase = _strip_end(phrase)
    if len(verb) == 1:
        phrase = _strip_end(_VERB_PREFIX.sub("", phrase))
    objects = [m.end() for m in _DISPOSAL.finditer(phrase) if len(phrase) - m.end() >= 2]
    if objects:
        phrase = phrase[objects[-1]:]
    phrase = _CAUSATIVE.sub("", _strip_start(phrase))
    if len(phrase) > MAX_QUANTITY and "的" in phrase[:-2]:
        phrase = phrase[phrase.rindex("的", 0, len(phrase) - 2) + 1:]
    phrase = phrase[-MAX_QUANTITY:]
    if len(phrase) < 2 or not _WORDLIKE.search(phrase):
        return None
    return phrase


def _quantity(text: str, end: int, floor: int, verb: str = "") -> Optional[str]:
    """The noun phrase naming the quantity, ending at `end` (上限 in 报销上限从…)."""
    seg = text[max(floor, end - 40):end]
    return clean_quantity(_CLAUSE.split(seg)[-1], verb)


def amount(m: Mention) -> Amount:
    """A money or percent mention as an inline figure with its unit."""
    if m.type == "money":
        unit = m.currency
    else:
        unit = m.unit or "ratio"
    value = m.value if isinstance(m.value, (int, float)) and not isinstance(m.value, bool) else None
    return Amount(text=m.text, value=value, min=m.min, max=m.max, unit=unit, mod=m.mod, per=m.per)


def _direction(word: str, old: Optional[Mention], new: Mention) -> Optional[str]:
    if word != "neutral":
        return word
    a, b = (_number(old) if old else None), _number(new)
    if a is None or b is None or a == b:
        return None
    return "up" if b > a else "down"


def _same_kind(a: Mention, b: Mention) -> bool:
    return a.type == b.type and (a.unit == b.unit or a.type == "money")


def extract_changes(text: str, mentions: list[Mention]) -> list[Change]:
    starts = [m.start for m in mentions]  # (the sort's key by index, a C-level look-up: no call per mention)
    order = sorted((i for i, m in enumerate(mentions) if m.type in ("money", "percent")), key=starts.__getitem__)
    changes: list[Change] = []
    used: set[int] = set()
    for pos, j in enumerate(order):
        new, prev_end = mentions[j], mentions[order[pos - 1]].end if pos else 0
        if pos and order[pos - 1] not in used and _same_kind(mentions[order[pos - 1]], new):
            i = order[pos - 1]
            old = mentions[i]
            g = _GAP_TO.fullmatch(text, old.end, new.start)  # (the gap not copied: 62 K characters a pass)
            marker = _FROM.search(text, max(0, old.start - 1), old.start) if g else None
            if g and (marker or g.group("verb") not in NEEDS_FROM):
                start = marker.start() if marker else old.start
                changes.append(Change(
                    quantity=_quantity(text, start, mentions[order[pos - 2]].end if pos > 1 else 0),
                    from_=i, to=j, direction=_direction(TO_VERBS[g.group("verb")], old, new),
                    start=start, end=new.end, from_value=amount(old), to_value=amount(new)))
                used.update((i, j))
                continue
        window = text[max(prev_end, new.start - WINDOW):new.start]
        if window[-1:] not in _BEFORE_LAST:
            continue
        for pattern, field, table in ((_BEFORE_TO, "to", TO_VERBS), (_BEFORE_BY, "by", BY_VERBS)):
            m = pattern.search(window)
            if not m:
                continue
            start = new.start - len(window) + m.start()
            direction = _direction(table[m.group("verb")], None, new)
            changes.append(Change(quantity=_quantity(text, start, prev_end, m.group("verb")),
                                  direction=direction, start=start, end=new.end,
                                  **{field: j, f"{field}_value": amount(new)}))
            used.add(j)
            break
    return changes
