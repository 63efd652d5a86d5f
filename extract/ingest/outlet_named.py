"""The outlet a story names of itself where no source line does: the paper before its
reporters' title in a byline (南都记者 杨章怀, a caption's 沈卫国南都记者 陈伟斌 摄) and the paper
its sources speak to in the body (接受南都记者专访, 对时代周报记者说, 向晨报反映) or whose reporter
acts in it (《法制周报》记者看到, 新京报记者根据…梳理). A portal reposting
the story names it so; the portal itself is the outlet only when nothing names another.
Words and phrases are data (patterns.yaml: outlet_in_body, generic_paper, outlet_words)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from . import outlets

_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff·]{1,16}$")
# the broadcaster's or the paper's word for itself: names no publication
_SELF = frozenset({"本报", "本刊", "本台", "本网", "本站", "总台", "我报", "我台"})


def _media(name: str) -> bool:
    """Whether the institution lexicon knows `name` as a media outlet (中青报, 羊城晚报)."""
    from ..institutions.lexicon import known

    entry = known().get(name)
    return entry is not None and entry.kind == "media"


def _generic(name: str) -> bool:
    from .meta import patterns

    return bool(patterns()["generic_paper"].match(name))


def named_outlet(name: str, text: str = "", strict: bool = False) -> Optional[str]:
    """The outlet `name` names, or None: a name of the alias table or a media outlet the
    institution lexicon knows; unless `strict`, also a name of three characters or more
    ending in a media word (时代周报, 某某日报). A paper written by its kind alone (晨报,
    晚报) is the paper of the city the text names most (向晨报反映 in a story of 南京: 南京晨报)."""
    if not name or name in _SELF:
        return None
    if name.lower() in outlets.aliases() or _media(name):
        return outlets.normalize(name)
    if _generic(name):
        return None if strict else _city_paper(name, text)
    if strict or len(name) < 3:
        return None
    from .meta import patterns

    return outlets.normalize(name) if patterns()["outlet_words"].search(name) else None


def byline_outlet(before: str) -> Optional[str]:
    """The outlet named right before 记者 in a byline (`before`: the line up to 记者), a
    known name only (the alias table, the lexicon's media): the whole run of ideographs
    (新京报记者), else the longest known name it ends with (沈卫国南都记者: 南都, after the
    caption's subject). Two brands of one house (中青报·中青网记者): the first, the paper."""
    m = _RUN_BEFORE.search(before)
    if m is None:
        return None
    parts = [p for p in m.group(0).split("·") if p]
    if len(parts) > 1:
        return named_outlet(parts[0], strict=True) or named_outlet(parts[-1], strict=True)
    run = parts[0] if parts else ""
    for k in range(0, len(run) - 1):
        found = named_outlet(run[k:], strict=True)
        if found:
            return found
    return None


def body_outlet(text: str) -> Optional[str]:
    """The paper the story's sources speak to, its reporter's employer (接受羊城晚报记者采访,
    向《第一财经日报》记者表示, 对时代周报记者说, 对《瞭望东方周刊》说, 向晨报反映): the name
    when every such naming names one outlet; None when they name several (ambiguous: which
    is the story's?). Each 记者 (each 》, each 反映, 爆料…) of the text is found by str.find
    and the words before and after it read: no pattern tried at every 对 or 向 of the text.
    A paper quoted as the source of a fact (据新京报报道) is not read here."""
    from .meta import patterns

    p = patterns()
    before, after = (getattr(p[k], "rx", p[k]) for k in ("outlet_before_reporter", "reporter_after"))
    found: list[str] = []
    for name in _around(text, "记者", before, after, 14):
        found.append(named_outlet(_bare(name), text))
    q_before, q_after = (getattr(p[k], "rx", p[k]) for k in ("outlet_quoted_before", "quoted_after"))
    for name in _around(text, "》", q_before, q_after, 16):
        name = _bare(name)
        found.append(named_outlet(name, text, strict=len(name) < 4))
    found += _subjects(text, p)
    complaint, to = p["complaint"], p["outlet_before_complaint"]
    for c in complaint.finditer(text):
        m = to.search(text, max(0, c.start() - 8), c.start())
        found.append(named_outlet(m.group("outlet"), text) if m else None)
    names = {f for f in found if f}
    return names.pop() if len(names) == 1 else None


def _subjects(text: str, p: dict) -> list[Optional[str]]:
    """The papers whose reporter is the subject of a sentence of the body (《法制周报》记者看到,
    新京报记者根据公开数据梳理, 《第一财经日报》记者从…了解到): a name in title marks right
    before 记者 (a title naming no outlet — a programme, 《焦点访谈》 — is passed over), else
    a known outlet (the alias table, the lexicon's media) the ideographs before 记者 end
    with. Not a paper cited as the source of a fact (据新华社记者报道: patterns.yaml
    cited_reporter), nor a picture's credit (新华社记者 韩某 摄: photo_credit_after). At most
    200 记者, each found by str.find."""
    quoted, cited, credit = (getattr(p[k], "rx", p[k]) for k in ("outlet_quoted_reporter", "cited_reporter",
                                                                  "photo_credit_after"))
    out: list[Optional[str]] = []
    k = text.find("记者")
    for _ in range(200):
        if k < 0:
            break
        if credit.match(text, k + 2):  # ■新华社记者 韩某 摄: a picture the paper ran, not its story
            k = text.find("记者", k + 2)
            continue
        before = text[max(0, k - 24):k]
        q = quoted.search(before)
        if q and not cited.search(before):
            name = _bare(q.group("outlet"))
            out.append(named_outlet(name, text, strict=len(name) < 4))
        elif not q:
            name = byline_outlet(before)
            if name and not cited.search(before):
                out.append(name)
        k = text.find("记者", k + 2)
    return out


def _bare(name: str) -> str:
    """A paper's name without its title marks nor a reposting site's link text inside it
    (《第一财经（微博)日报》: 第一财经日报)."""
    from .meta import patterns

    return getattr(patterns()["name_insert"], "rx", patterns()["name_insert"]).sub("", name).strip("《》")


def _around(text: str, word: str, before: re.Pattern, after: re.Pattern, reach: int):
    """The names `before` reads right before each `word` of the text (at most 200) that
    `after` reads right after it."""
    k = text.find(word)
    for _ in range(200):
        if k < 0:
            return
        m = after.match(text, k + len(word)) and before.search(text, max(0, k - reach), k)
        if m:  # (the words after first: most 》 and 记者 are followed by none)
            yield m.group("outlet")
        k = text.find(word, k + len(word))


# the sources of the outlet stronger than the story's own naming of its paper (meta.PRIORITY)
STRONGER = ("html_meta", "text", "front_matter:header", "front_matter", "manifest", "argument")


def story_outlet(source_line: Optional[str], signed: Optional[str], body: str) -> Optional[str]:
    """The publication a story names as its own over the site reposting it: a bare source
    line's (来源：新京报, `source_line`) when it names a publication, else — when the page
    prints no source line — the paper its byline names (`signed`), else the paper its
    `body` names (接受南都记者专访). A source line naming a body (来源：某市医保局: where a
    WeChat post's facts came from) stays weaker than the site, and outranks the others."""
    if source_line:
        return source_line if named_outlet(source_line) else None
    return signed or body_outlet(body)


def _city_paper(kind: str, text: str) -> Optional[str]:
    """晨报 -> 南京晨报: the city (a municipal or provincial-level region) the text names
    most, by its short name; None when it names none."""
    counts = Counter(m.group(0) for m in _city_rx().finditer(text))
    if not counts:
        return None
    city, _ = counts.most_common(1)[0]
    return city + kind


@lru_cache(maxsize=1)
def _city_rx() -> re.Pattern:
    from ..institutions.lexicon import regions

    shorts = {r.short for r in regions() if r.level in ("municipal", "provincial") and r.short and len(r.short) >= 2}
    shorts -= {r.short for r in regions() if r.level == "provincial" and not r.name.endswith("市")}  # 江苏: a province
    return re.compile("|".join(sorted(map(re.escape, shorts), key=len, reverse=True)))
