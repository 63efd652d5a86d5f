"""Outlet names: a label or a site's way of writing it -> the short name a record
carries (人民网, 界面新闻, 新华社), or None for what names no publication (本网,
网络, 佚名, a URL, a number). Aliases are data: outlets.tsv beside this module."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

_LABEL = re.compile(r"^(?:信息|文章|本文|新闻|稿件)?(?:来源|稿源|出处|来自|转自|转载自|原创|首发)\s{0,2}[:：/]?\s{0,3}")
_BRACKETS = re.compile(r"^[《〈「“\"'【\[](.{1,30})[》〉」”\"'】\]]$")
_NOTE = re.compile(r"\s{0,3}[（(][^（）()]{0,40}[)）]$")          # 广州市…中心（加挂…牌子）
_CHANNEL = re.compile(r"^(.{2,12}?)\s{0,2}[-－—_|·]\s{0,2}.{1,20}(?:频道|栏目|版|首页|客户端)$")
_DUAL = re.compile(r"^(.{2,12}?(?:报|网|社|台|刊|新闻))\s{0,2}[-－—_|]\s{0,2}.{2,16}(?:报|网|社|台|刊|新闻)$")
_SITE = re.compile(r"^(.{4,30}(?:局|委|委员会|会|院|中心|厅|部|办|办公室|政府|联合会|站|所))(?:门户网站|官方网站|官网|网站|网)$")
_NOT_OUTLET = re.compile(
    r"^(?:(?:本网|本站|本报|本刊|本台)(?:原创|讯|消息|综合)?|网络|互联网|网友|网友投稿|佚名|未知|不详|综合|原创|转载|整理|编辑|供稿|admin|"
    r"微信公众平台|微信公众号|公众号|新闻|资讯|news)$", re.I)
_NOT_NAME = re.compile(r"https?://|www\.|^\W*$|^[\d\W_]+$")


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in Path(__file__).with_name("outlets.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, _, short = line.partition("\t")
            out[alias.strip().lower()] = short.strip()
    return out


_SPACE_RUN = re.compile(r"\s+")
_WIDGET_END = re.compile(r"\s{0,3}[【\[][^】\]]{0,10}$")


def normalize(name: Optional[str]) -> Optional[str]:
    """The short name of the outlet written as `name`, or None when it names none."""
    if not name:
        return None
    s = _SPACE_RUN.sub(" ", str(name)).strip(" \t:：,，;；|·-")
    s = _LABEL.sub("", s).strip()
    b = _BRACKETS.match(s)
    if b:
        s = b.group(1).strip()
    s = _NOTE.sub("", s).strip()
    s = _WIDGET_END.sub("", s).strip()  # "河北省医疗保障局 【打印】" cut short
    if not s or len(s) > 30 or _NOT_NAME.search(s) or _NOT_OUTLET.match(s):
        return None
    table = aliases()
    if s.lower() in table:
        return table[s.lower()]
    dual = _DUAL.match(s)  # 中国证券报-中证网, 人民网－人民日报: the first name
    if dual:
        s = table.get(dual.group(1).lower(), dual.group(1))
    ch = _CHANNEL.match(s)
    if ch:
        s = ch.group(1).strip()
        s = table.get(s.lower(), s)
    site = _SITE.match(s)
    if site:
        s = site.group(1)
    from .datelines import rules

    if rules()["department"].match(s):
        return None  # 党委宣传部, 医疗保险处: a department of the site's own body, not a publication
    return None if _NOT_OUTLET.match(s) else s


# a body written with its level word only (区卫生健康局, 市医保局): the region is the page's
_LEVEL_SHORT = re.compile(r"^(?P<level>自治区|自治州|自治县|[省市县区州旗])[\u4e00-\u9fff]{2,14}(?:局|委|委员会|厅|办|办公室|中心|院)$")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{1,6}$")


def canonical(name: Optional[str], text: str = "") -> Optional[str]:
    """The outlet's full name where it is a body written short (guide v2: `name` is the
    canonical full name): a national body the institution lexicon knows (食品药品监管总局 ->
    国家食品药品监督管理总局; media keep their short names), a body written with its level
    word only (区卫生健康局) with the region the page names it with (天河区卫生健康局 in the
    text: 广州市天河区卫生健康局)."""
    if not name:
        return name
    from ..institutions.lexicon import known

    entry = known().get(name)
    if entry is not None and entry.kind != "media":
        return entry.name
    m = _LEVEL_SHORT.match(name)
    return (_with_region(name, m.group("level"), text) or name) if m else name


def _with_region(name: str, level: str, text: str) -> Optional[str]:
    """`name` (区卫生健康局) with the region written before it elsewhere in `text`
    (天河区卫生健康局: 广州市天河区), the region as the institution lexicon records it."""
    from ..institutions.lexicon import region_named

    rest = name[len(level):]
    # the body as written, then its other forms (卫生计生委 is written 卫生和计划生育委员会 in full):
    # found in full, the full form is the outlet's
    for form, full in _forms(rest):
        start = 0
        for _ in range(50):
            k = text.find(form, start)
            if k < len(level):
                break
            start = k + 1
            if text[k - len(level):k] != level:
                continue
            run = _CJK_RUN.search(text, max(0, k - len(level) - 7), k - len(level))
            if run is None:
                continue
            words = run.group(0)
            for i in range(len(words) - 1, -1, -1):  # the shortest region name first
                region = region_named(words[i:] + level)
                if region is not None and region.name == words[i:] + level:
                    return region.display + full
    return None


def _forms(rest: str) -> list[tuple[str, str]]:
    """(a way of writing the body `rest`, the name to give it): `rest` as written, then
    the forms of the institution lexicon's body it ends with (疾控中心, 疾病预防控制中心,
    疾病控制中心 -> 疾病预防控制中心), each with the lexicon's full suffix."""
    from ..institutions.lexicon import bodies

    out = [(rest, rest)]
    for body in bodies():
        for f in body.get("forms", ()):
            if rest.endswith(f):
                head = rest[:len(rest) - len(f)]
                full = head + body["suffix"]
                out += [(head + g, full) for g in body["forms"] if (head + g, full) not in out]
                break
    return out
