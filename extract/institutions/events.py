"""Bodies of an event or a treaty (data/events.yaml): 世界健康产业大会秘书处, 杭州第19届亚运会组委会
(name: …组织委员会), 《联合国气候变化框架公约》秘书处 (name without the title marks); kind other.
An event's name starts where the walk left from its event word meets a stop character, a
non-name character or max_name (据杭州第19届亚运会组委会 -> 杭州第19届亚运会组委会). One regex
scan for the body words: linear in the text."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon, wordlists
from .candidates import Candidate
from . import patterns
from .lexicon import region_named
from .postag import pos_first_ok, tag

KIND = "other"


@cached("institutions.events.tables")
def _tables():
    data = lexicon._yaml("events.yaml")
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))
    event = re.compile(f"(?P<event>{alt(data['event_words'])})(?P<body>{alt(data['bodies'])})")
    treaty = re.compile(f"《(?P<x>[\u4e00-\u9fff]{{2,24}}(?:{alt(data['treaty_words'])}))》(?P<body>{alt(data['treaty_bodies'])})")
    shorts = data["short_committees"]
    short = re.compile(f"(?P<r>[\u4e00-\u9fff]{{2,3}}?)(?P<e>{alt(shorts)})组委(?!员)")
    bodies = {b: (kind, data["full_bodies"].get(b, b), frozenset(data["games"])) for b, kind in data["bodies"].items()}
    return event, treaty, bodies, int(data["max_name"]), short, shorts


def event_candidates(text: str) -> list[Candidate]:
    if "会" not in text and "坛" not in text and "》" not in text and "组委" not in text:
        return []
    event, treaty, bodies, max_name, short, shorts = _tables()
    stop = patterns._tables()[1]
    out = []
    for m in (event.finditer(text) if wordlists.hits(text, "event_words") else ()):  # (the word lists' scan
        # finds the event words: a text without one is not scanned, ~0.8 ms a pass)
        s = i = m.start()
        while i > 0 and s - i < max_name and (ch := text[i - 1]) not in stop and (
                "\u4e00" <= ch <= "\u9fff" or ch.isdigit()):
            i -= 1
        if s - i < 2 or not pos_first_ok(text[i:s]):
            continue  # 大会秘书处 alone, 本次大会秘书处: no event named
        kind, full, games = bodies[m.group("body")]
        name = text[i:m.start("body")] + (full if m.group("event") in games else m.group("body"))
        out.append(Candidate(i, m.end(), name, kind, None, None, "event.body", 0.7))
    for m in treaty.finditer(text):
        out.append(Candidate(m.start(), m.end(), m.group("x") + m.group("body"), KIND, None, None, "event.treaty", 0.75))
    if "组委" in text:
        out += _shorts(text, out, short, shorts)
    return out


def _shorts(text: str, found: list[Candidate], short, shorts) -> list[Candidate]:
    """杭州亚组委: the committee of the event the article names in full, by its region's
    letters and event word (杭州第19届亚运会组委会); kind other."""
    out = []
    for m in short.finditer(text):
        r, word = m.group("r"), shorts[m.group("e")]
        start = m.start()
        if not _city(r) and len(r) == 3 and _city(r[1:]):
            r, start = r[1:], start + 1  # 公布巴黎奥组委: the match took the verb's last character
        elif not _city(r):
            continue  # 本届亚组委: no region
        full = next((c.name for c in found if c.name.startswith(r) and c.name.endswith(word + "组织委员会")), None)
        name = full or text[start:m.end()]  # no full name in the article: as written
        out.append(Candidate(start, m.end(), name, KIND, None, None, "event.short", 0.9))
    return out


def _city(r: str) -> bool:
    """A host city: a Chinese region, or a foreign city the segmenter reads as one place word
    (巴黎奥组委, 东京奥组委; round 21)."""
    if region_named(r) or region_named(r + "市"):
        return True
    words = tag(r)
    return len(words) == 1 and words[0][1] == "ns"
