"""A national body's short form written less 国家 inside a 、 list led by a national body (round 21):
国家卫生健康委、中医药局、疾控局 -> 国家中医药管理局, 国家疾病预防控制局. The list carries 国家 on, as
a region's list carries its region (江苏省卫生健康委、财政厅、医保局). An item is a bare form whose
国家 + form the word lists know as a national body; the walk goes on over items found already and
stops at the first item it cannot read. Linear: a look-up per length per item."""
from __future__ import annotations

from . import lexicon
from .candidates import Candidate

RULE = "reference.national_list"
MAX_ITEM = 8  # characters of a bare item
ITEM_ENDS = "、，。；等和与及联共"  # what may follow an item: the next separator or the clause's verb


def national_list_items(text: str, found: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    starts = None
    for c in found:
        if c.level != "national" or c.kind != "government" or text[c.end:c.end + 1] != "、":
            continue
        if starts is None:
            starts = {x.start: x for x in found}
        e = c.end
        while text[e:e + 1] == "、":
            s = e + 1
            nxt = starts.get(s)
            if nxt is not None:
                e = nxt.end  # an item found already: the list goes on after it
                continue
            item = _bare_item(text, s)
            if item is None:
                break
            n, entry = item
            out.append(Candidate(s, s + n, entry.name, entry.kind, entry.level, entry.region, RULE, 0.7))
            e = s + n
    return out


def _bare_item(text: str, s: int):
    """(length, entry) of the longest bare form at `s` that 国家 makes a national body's, with a
    separator or a clause's first character after it; None for none."""
    known = lexicon.known()
    for n in range(MAX_ITEM, 1, -1):
        form = text[s:s + n]
        if len(form) < n or not all("\u4e00" <= ch <= "\u9fff" for ch in form):
            continue
        entry = known.get("国家" + form)
        if entry is not None and entry.level == "national" and text[s + n:s + n + 1] in ITEM_ENDS:
            return n, entry
    return None
