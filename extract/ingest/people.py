"""Whether a short run of ideographs reads as a person's name: a surname of
surnames.txt and one or two more characters, and no place (江西, 巴西 and 韩国 start
with a surname too) or outlet. Used where a byline or a closing tag may hold a
person, a column label (■追访) or a source ((上海普陀), (新华社))."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Optional

_HERE = os.path.dirname(__file__)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}\Z")
# 万元, 万人, 千克: a magnitude and a unit (a table's column head), though 万 is a surname
_MAGNITUDE_UNIT = re.compile(r"[万千亿百十][元人户台套个次吨斤米克件箱盒支瓶张份项家名床例亩]\Z")
# a byline's role or credit word: with one, a ■ line or a byline holds names whatever they look like
ROLE_WORD = re.compile(r"社|记者|通讯员|实习生|摄影|采写|整理|撰稿|供稿|摄|文/图|图/文")
_NOT_PERSON_END = re.compile(r"(?:报|社|网|台|刊|局|委|院|办|厅|部|站|所|中心|医保|卫健|人社|疾控|新闻|日报|晚报)$")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames)."""
    single: set[str] = set()
    compound: set[str] = set()
    with open(os.path.join(_HERE, "surnames.txt"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            for s in line.split():
                (single if len(s) == 1 else compound).add(s)
    return frozenset(single), frozenset(compound)


@lru_cache(maxsize=1)
def _surname_rank() -> dict[str, int]:
    """Each surname's place in surnames.txt (most frequent first; compound surnames after)."""
    single, compound = surnames()
    out: dict[str, int] = {}
    with open(os.path.join(_HERE, "surnames.txt"), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                for s in line.split():
                    out.setdefault(s, len(out))
    return out


def split_run(s: str) -> list[str]:
    """Names printed without a space between them (实习生赵剑云熊思, 记者王楠赵宇) -> the names;
    a run that is one name (or no names) comes back whole. A run of 4-8 ideographs is cut
    into names of two or three characters (four with a compound surname), each opening with
    a surname; of the ways to cut it, the one with the fewest names, then the most frequent
    surnames (赵剑云 熊思, not 赵剑 云熊思: 熊 is the commoner surname)."""
    if not 4 <= len(s) <= 8 or not _HAN_RUN.match(s):
        return [s]
    single, compound = surnames()
    if len(s) == 4 and (s[:2] in compound or s[0] not in single):
        return [s]  # 欧阳晓明: one name
    rank = _surname_rank()
    best: Optional[tuple] = None

    def cuts(rest: str, names: tuple[str, ...]):
        nonlocal best
        if not rest:
            key = (len(names), sum(rank[n[:2]] if n[:2] in compound and len(n) > 2 else rank[n[0]] for n in names))
            if best is None or key < best[0]:
                best = (key, names)
            return
        for k in (2, 3, 4):
            head = rest[:k]
            if len(head) < k or len(rest) - k == 1:
                continue
            ok = (k == 4 and head[:2] in compound) or (k < 4 and (head[0] in single or (k == 3 and head[:2] in compound)))
            if ok and is_person_name(head):
                cuts(rest[k:], names + (head,))

    cuts(s, ())
    return list(best[1]) if best is not None and len(best[1]) > 1 else [s]


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+\Z")


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Names and short names of China's regions and of foreign countries (the institution
    tables; imported here only when a name is checked)."""
    from ..institutions.lexicon import countries, regions

    out = {x for r in regions() for x in (r.name, r.short) if x}
    out.update(x for pair in countries() for x in pair if x)
    return frozenset(out)


def is_person_name(s: str) -> bool:
    """黄淑慧, 王军, 欧阳晓明: yes; 追访, 江西, 巴西, 上海普陀, 金报: no."""
    s = s.strip()
    if not _HAN.match(s) or _NOT_PERSON_END.search(s) or _MAGNITUDE_UNIT.match(s):
        return False
    single, compound = surnames()
    if len(s) >= 3 and s[:2] in compound:
        ok = True
    else:
        ok = len(s) <= 3 and s[0] in single
    if not ok:
        return False
    return s not in _places() and not any(s.startswith(p) for p in _places_prefix(s))


def _places_prefix(s: str) -> tuple[str, ...]:
    # a place followed by one character (江西人, 韩国队) is no name either
    return tuple(p for p in (s[:2], s[:3]) if len(p) < len(s) and p in _places())
