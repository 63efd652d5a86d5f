"""A country's mission abroad: <country>驻<country or city>大使馆/使馆/总领事馆/领事馆
(美国驻韩国大使馆, 中国驻纽约总领事馆, 法国驻尼日尔大使馆): a government body, region the sending
country, named as written. The host is two to six ideographs (a country's or a city's name:
the list does not hold every city); the sender must be a country's name (countries.tsv, 中国
too) that starts a word, so 多个驻中国大使馆 (no sender) and 中国驻非洲各国使馆 (a plural) are
none. The generic 驻华大使馆 after a country is the foreign gazetteer's. Linear: one regex
pass over 驻, a country look-up before each."""
from __future__ import annotations

import re

from .boundaries import cut_at
from .candidates import Candidate
from .foreign import _countries, _head_before

RULE = "foreign.embassy"
_MISSION = re.compile(r"驻([\u4e00-\u9fff]{2,6}?)(?:大使馆|总领事馆|领事馆|使馆)")
_PLURAL = ("各国", "多国", "各地")
CHINA = "中国"


def embassy_candidates(text: str) -> list[Candidate]:
    if "驻" not in text:
        return []
    names, longest = _countries()[0], _countries()[1]
    out = []
    for m in _MISSION.finditer(text):
        host = m.group(1)
        if host == "华" or host.endswith(_PLURAL):
            continue  # 驻华大使馆: foreign.yaml; 驻非洲各国使馆: every country's
        head = CHINA if text.startswith(CHINA, m.start() - len(CHINA)) else _head_before(text, m.start(), names, longest)
        if head is None or not cut_at(text, m.start() - len(head)):
            continue
        s = m.start() - len(head)
        region = None if head == CHINA else names[head]  # China's missions: national bodies, no region
        out.append(Candidate(s, m.end(), text[s:m.end()], "government", None, region, RULE, 0.8))
    return out
