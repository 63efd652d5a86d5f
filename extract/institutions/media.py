"""Media outlets named as a source (guide v2: kind media), found by where they stand even
when no list holds them: a source line (来源：大河网, 原创：39健康网), a dateline (红网5月3日讯,
大河网消息), 据…报道, a reporter's outlet (北京青年报记者), a masthead line with its date
(江城健康导报 2024年10月15日) and a paper in title marks (《南粤健康报》). The name must end like an
outlet's (…网, …报, …社, …台, …新闻, …客户端); the paper's own 本报/本网 is not a mention."""
from __future__ import annotations

import re

from ..prebuilt import cached
from . import lexicon, wordlists
from .candidates import Candidate
from . import name_words
from .postag import pos_ok

_NAME = r"[\u4e00-\u9fffA-Za-z0-9·]"
_ENDS = r"(?:客户端|新闻网|新闻|日报|晚报|晨报|时报|周刊|杂志|百科|之声|网|报|社|台)"  # 之声: a radio channel (据经济之声报道)
_SELF = ("本", "我", "该", "此", "各", "两", "多", "全", "官", "据", "由", "经", "从", "在")  # 本报; 据… is a verb
_SELF_WORDS = ("经济",)  # 经济导报, 经济日报: 经 is no verb there
# (信息)?来源 spelled out as flat alternatives, each a literal, so the regex engine skips to
# their first characters instead of trying every position (the same matches: at one position
# at most one of them matches; nested, (?:(?:信息|…)(?:来源|…)|来源|…), the engine tried every
# position: ~8x slower)
_SOURCE_HEADS = [a + b for a in ("信息", "参考", "图片", "新闻", "文章", "稿件") for b in ("来源", "稿源", "出处")]
# an e-commerce portal's byline 发布人：-中国广播网 names the outlet it reposts (a dash before it)
_SOURCE_LEADS = _SOURCE_HEADS + ["来源", "稿源", "出处", "原创", "转自", "转载自", "发布人"]
_SOURCE = re.compile("(?:" + "|".join(_SOURCE_LEADS) + ")"
                     + rf"\s*[：:]\s*-?\s*(?P<name>{_NAME}{{1,16}}?{_ENDS})(?![\u4e00-\u9fff])")
# round 20: a source line whose value is the whole rest of its line names the outlet however it
# ends (来源：中国医疗器械, a WeChat account: the outlet the page's metadata takes too); not a body
# (来源：某市卫健委: the patterns layer names it) nor a word for no outlet (source_line_not); the
# head opens its line or follows no ideograph (资金来源：自筹资金 is a project's funds)
_SOURCE_LINE = re.compile("(?<![\u4e00-\u9fff])(?:" + "|".join(_SOURCE_LEADS[:-1]) + ")"
                          + rf"[ \t]*[：:][ \t]*(?P<name>{_NAME}{{2,16}})[ \t\u3000]*(?=\n|$)")
_BODY_END = re.compile("(?:局|委|办|厅|部|署|院|所|会|站|司|处|科|室|中心|公司|集团|学校|政府|医院)$")
_DATELINE = rf"(?P<name>{_NAME}{{1,10}}?{_ENDS})(?:\s*\d{{1,2}}月\d{{1,2}}日)?\s*(?:讯|电(?![子话视脑影力器商池网梯站源])|消息)"
_ACCORDING = re.compile(rf"据(?P<name>{_NAME}{{1,12}}?{_ENDS})(?:\s*\d{{1,2}}月\d{{1,2}}日)?(?:报道|消息|援引|披露|电)")
# a website as a source (根据中药材天地网的资料, 据医疗器械网数据, 中药材天地网近日发布…): the site's
# name after 据/根据 before what it gives, or at a clause's start before 发布/公布; names
# ending like a network or a body's own site are none (patterns.yaml `site_not_ends`)
_SITE_CUES = r"(?:的|发布|公布|数据|消息|统计|监测|显示|报道|资料|称|获悉)"  # 获悉: round 11 (据医疗器械网获悉)
_SITE = re.compile(rf"(?:根据|据|来自)(?P<name>[\u4e00-\u9fff]{{2,10}}?网){_SITE_CUES}"
                   rf"|(?:^|(?<=[\n，。；：,;:]))(?P<lead>[\u4e00-\u9fff]{{2,10}}?网)(?:近日|日前|昨日|今日|今天|最新)?(?:发布|公布)",
                   re.M)
_REPORTER = rf"(?P<name>[\u4e00-\u9fff]{{1,10}}?{_ENDS})(?:特约|首席|资深)?(?:记者|通讯员)"
# a masthead: a line that starts with the paper's or site's name and its date (an OCR'd
# page's folio 江城健康导报 2024年10月15日 星期二; a portal's 南国健康网 2025年06月18日 10:32),
# the date on the same line or the next
# (found as _AfterBreak("\n", …): the same matches as (?m)^…, which the engine tries at every position)
_MASTHEAD = (rf"[ \t\u3000]*(?P<name>{_NAME}{{2,12}}?{_ENDS})[ \t\u3000]*\n?[ \t\u3000]*"
             rf"(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{4}}-\d{{1,2}}-\d{{1,2}})")
# a newspaper or magazine in title marks (本报记者 林某《南粤健康报》（…第A04版）, 据《第一财经日报》);
# documents ending in 报 (公报, 通报, 简报, 年报) are not outlets
_PAPER_ENDS = r"(?:日报|晚报|晨报|导报|时报|周报|商报|画报|报|周刊|杂志)"
_TITLED = re.compile(rf"《(?P<name>[\u4e00-\u9fffA-Za-z0-9·]{{1,12}}?{_PAPER_ENDS})》")
_NOT_PAPERS = ("公报", "通报", "简报", "年报", "月报", "季报", "快报", "情报", "汇报", "预报", "战报", "喜报", "捷报",
               "海报", "电报", "举报", "申报", "学报", "报告")
GENERIC = frozenset({"网", "报", "社", "台", "新闻", "日报", "晚报", "报社", "电视台", "杂志", "客户端", "网络", "互联网",
                     "官网", "官方网", "政府网", "微信公众号", "公众号", "新闻网", "本报", "本网", "本台"})


class _AfterBreak:
    """`(?:^|(?<=[BREAKS]))BODY` with the same matches, found faster: BODY at the text's start,
    then `[BREAKS]BODY` (a leading character class lets the engine skip to the break
    characters). A match ends in a cue word, never a break, so consuming the break before
    the next one changes no match.

    Given `cues` (the spans of the words every match ends with, in order, none overlapping)
    and `reach` (the most characters a match holds before its cue, not counting a run of
    `gap` characters right before the cue), the engine is run only over windows around the
    cues: a break (a comma, a space) is common, a cue (讯, 记者) is not, and BODY tried at
    every break cost ~10 attempts of its lazy name. Each match lies inside its cue's window
    and overlapping windows are merged, so a scan of the windows in order, each from where
    the last match ended, finds what a scan of the whole text finds. A window ends one
    character after its cue, for a lookahead there."""

    def __init__(self, breaks: str, body: str, reach: int = 0, gap=None):
        self.first = re.compile(body)
        self.rest = re.compile(f"[{breaks}]{body}")
        self.reach, self.gap = reach, gap

    def finditer(self, text: str, cues=None):
        m = self.first.match(text)
        if m is not None:
            yield m
        pos = m.end() if m is not None else 0
        if cues is None:
            yield from self.rest.finditer(text, pos)
            return
        for lo, hi in self._windows(text, cues):
            for m in self.rest.finditer(text, max(lo, pos), hi):
                yield m
                pos = m.end()

    def _windows(self, text: str, cues):
        """(start, end) of the merged windows around the cues, in order."""
        gap, reach, size = self.gap, self.reach, len(text)
        window = None
        for q, end in cues:
            if gap is not None:
                while q and gap(text[q - 1]):
                    q -= 1   # the run before a cue holds no cue: each character is walked once
            lo, hi = max(0, q - reach), min(size, end + 1)
            if window is not None and lo <= window[1]:
                window = (window[0], hi)
                continue
            if window is not None:
                yield window
            window = (lo, hi)
        if window is not None:
            yield window


def _date_gap(ch: str) -> bool:
    """A character a dateline may hold between its outlet and its cue: a space, a digit, 月, 日."""
    return ch.isspace() or ch.isdecimal() or ch in "月日"


# the most characters before a cue: a break, a name of up to 10 characters, an ending of up
# to 3 (客户端), then (a dateline) its date and spaces, or (a reporter) 特约/首席/资深
_NAME_REACH = 1 + 10 + 3


# the cue words found by the word lists' one scan (wordlists.LISTS "media_cues"): each
# source line's head holds one, each dateline and each reporter's credit ends in one
SOURCE_CUES = ("来源", "稿源", "出处", "原创", "转自", "转载", "发布人")
DATELINE_CUES = ("讯", "电", "消息")
REPORTER_CUES = ("记者", "通讯员")
CUE_WORDS = SOURCE_CUES + DATELINE_CUES + REPORTER_CUES

_DATELINES = _AfterBreak(r"\s】」”\"：:，。", _DATELINE, _NAME_REACH, _date_gap)
_REPORTERS = _AfterBreak(r"\s、，。：:（(,;；”\"", _REPORTER, _NAME_REACH + 2)
_MASTHEADS = _AfterBreak("\n", _MASTHEAD)


def _head_offsets() -> dict[str, tuple[int, ...]]:
    """Cue word -> where it stands in the heads of _SOURCE that hold it (来源 at 2 of 信息来源)."""
    out: dict[str, set] = {}
    for head in _SOURCE_LEADS:
        held = [(w, k) for w in SOURCE_CUES for k in range(len(head)) if head.startswith(w, k)]
        if not held:
            raise ValueError(f"source head {head!r} holds no cue word")
        for w, k in held:
            out.setdefault(w, set()).add(k)
    return {w: tuple(sorted(k)) for w, k in out.items()}


_HEAD_OFFSETS = _head_offsets()


def _source_starts(cues: dict[str, list]) -> list[int]:
    """Where a source line's head may start: a match of _SOURCE (or _SOURCE_LINE) starts at a
    head, and every head holds a cue word at a known place, so the regexes are tried only
    where a found cue puts a head (rx.finditer's matches: wordlists.matches_at)."""
    return sorted({q - k for w in SOURCE_CUES for q, _ in cues.get(w, ()) for k in _HEAD_OFFSETS[w] if q >= k})


def _sources(text: str, cues: dict[str, list]):
    """The matches of _SOURCE.finditer(text), tried only where a found cue puts a head."""
    return wordlists.matches_at(_SOURCE, text, _source_starts(cues))


SITE_REACH = (12, 7)  # characters a _SITE match holds before its 网 (根据 + ten) and after it (近日发布)


def _sites(text: str):
    """The matches of _SITE.finditer(text), the regex run only in windows around each 网 (a
    match holds one within SITE_REACH; windows that overlap are merged and scanned in order)."""
    before, after = SITE_REACH
    pos, lo, hi = 0, -1, -1
    q = text.find("网")
    windows = []
    while q >= 0:
        a, b = max(0, q - before), min(len(text), q + after)
        if a <= hi:
            hi = b
        else:
            if hi >= 0:
                windows.append((lo, hi))
            lo, hi = a, b
        q = text.find("网", q + 1)
    if hi >= 0:
        windows.append((lo, hi))
    for a, b in windows:
        for m in _SITE.finditer(text, max(a, pos), b):
            yield m
            pos = m.end()


def _spans(cues: dict[str, list], words: tuple) -> list[tuple[int, int]]:
    """The spans of `words` (none overlaps another) in order: what re.finditer("|".join(words)) finds."""
    return sorted(span for w in words for span in cues.get(w, ()))


def _matches(text: str):
    """(rule, match) of every rule, rule by rule. A rule runs only where its cue words are
    found (a substring test for the few literal-led ones, the word lists' scan for the others)."""
    cues: dict[str, list] = {}
    for s, e, word in wordlists.hits(text, "media_cues"):
        cues.setdefault(word, []).append((s, e))
    if cues:
        starts = _source_starts(cues)
        if starts:
            yield from (("media.source", m) for m in wordlists.matches_at(_SOURCE, text, starts))
            yield from (("media.source_line", m) for m in wordlists.matches_at(_SOURCE_LINE, text, starts))
        spans = _spans(cues, DATELINE_CUES)
        if spans:
            yield from (("media.dateline", m) for m in _DATELINES.finditer(text, spans))
    if "据" in text:
        yield from (("media.according", m) for m in _ACCORDING.finditer(text))
    spans = _spans(cues, REPORTER_CUES) if cues else None
    if spans:
        yield from (("media.reporter", m) for m in _REPORTERS.finditer(text, spans))
    if spans:
        yield from (("media.reporter_known", m) for m in _known_before(text, spans))
    if "年" in text or "-" in text:
        yield from (("media.masthead", m) for m in _MASTHEADS.finditer(text))
    if "《" in text:
        yield from (("media.titled", m) for m in _TITLED.finditer(text))
    if "网" in text:
        yield from (("media.site", m) for m in _sites(text))


KNOWN_REACH = (2, 6)  # characters of a known outlet's short form right before a reporter's title


class _Span:
    """A match-like (start, end) of a known outlet's name (its group "name" the whole)."""
    __slots__ = ("s", "e", "text")

    def __init__(self, text: str, s: int, e: int):
        self.text, self.s, self.e = text, s, e

    def group(self, _name: str = "name") -> str:
        return self.text[self.s:self.e]

    def start(self, _name: str = "name") -> int:
        return self.s

    def end(self, _name: str = "name") -> int:
        return self.e


@cached("institutions.media.last_chars")
def _media_last_chars() -> frozenset:
    """The last characters of the media outlets' surfaces the lexicon knows (2-6 characters)."""
    lo, hi = KNOWN_REACH
    return frozenset(s[-1] for s, e in lexicon.known().items() if e.kind == "media" and lo <= len(s) <= hi)


def _known_before(text: str, spans: list[tuple[int, int]]):
    """A media outlet the lexicon knows ending right before 记者/通讯员, the longest, wherever its
    first character stands (沈卫国南都记者 陈伟斌 摄: a caption runs the subject's name into the
    paper's; round 20). The regex rule wants an outlet's ending (…报, …网) the short form lacks."""
    known, last = lexicon.known(), _media_last_chars()
    lo, hi = KNOWN_REACH
    for q, _ in spans:
        if not q or text[q - 1] not in last:
            continue  # no known outlet ends with the character before the cue (most: 本报记者, 新华社记者 found before)
        for k in range(min(hi, q), lo - 1, -1):
            entry = known.get(text[q - k:q])
            if entry is not None and entry.kind == "media":
                yield _Span(text, q - k, q)
                break


def media_candidates(text: str) -> list[Candidate]:
    out = []
    for rule, m in _matches(text):
        group = "lead" if rule == "media.site" and m.group("name") is None else "name"
        name, start = m.group(group), m.start(group)
        if rule == "media.site" and name.endswith(_site_not_ends()):
            continue  # 南方电网, 互联网, 中国地震台网, 美国疾控中心网: a network, a body's own site
        if rule == "media.source_line" and (re.search(_ENDS + "$", name) or _BODY_END.search(name)
                                             or name in _source_line_not() or name in lexicon.known()):
            continue  # an outlet's ending (media.source has it), a body, a known name, 网络/综合
        if rule in ("media.reporter", "media.according"):
            k = _after_clause(name)  # 详细情况联系中央台记者: the outlet follows the clause
            name, start = name[k:], start + k
        if rule == "media.reporter":
            k = _after_addressee(name)  # 卜凡浩对时代周报记者说, 据经济导报记者: the outlet follows the verb
            name, start = name[k:], start + k
        if (len(name) < 3 and rule != "media.reporter_known") or name in GENERIC or (name.startswith(_SELF) and not name.startswith(_SELF_WORDS)) or re.search("本[报网台刊]", name) or name.endswith("官网"):
            continue
        if rule == "media.titled" and name.endswith(_NOT_PAPERS):
            continue  # 《中国卫生健康统计年报》: a document, not an outlet
        if rule in ("media.reporter", "media.according") and not _name_like(re.sub(_ENDS + "$", "", name)):
            continue  # 他向时代周报, 均为澎湃新闻: a clause runs into the name
        head = _known_broadcaster(name) if rule == "media.according" else ""
        entry = lexicon.known().get(head or name)  # 中央台 (a list's short form, found here by its place)
        # 日本广播协会电视台: the text as written, named the broadcaster (NHK) it is (round 18)
        canonical = entry.name if entry is not None and entry.kind == "media" else name
        out.append(Candidate(start, m.end(group), canonical, "media", None, None, rule, 0.6))
    return out


CHANNEL_WORDS = ("电视台", "广播电台")


def _known_broadcaster(name: str) -> str:
    """The known outlet a name `…电视台` starts with where the rest is only the medium (日本广播协会 +
    电视台, 英国广播公司 + 电视台: the broadcaster's own name), else ""."""
    for w in CHANNEL_WORDS:
        if name.endswith(w):
            entry = lexicon.known().get(name[:-len(w)])
            if entry is not None and entry.kind == "media" and not entry.name.endswith(CHANNEL_WORDS):
                return name[:-len(w)]
    return ""


def _source_line_not() -> frozenset:
    return frozenset(lexicon.patterns()["source_line_not"])


def _site_not_ends() -> tuple:
    return tuple(lexicon.patterns()["site_not_ends"])


# a person tells a reporter (对/向/告诉/接受 X记者): the outlet's name starts after the last of these
ADDRESSEE_VERBS = ("告诉", "接受", "对", "向", "跟", "据")


def _after_addressee(name: str) -> int:
    """Where an outlet's name starts after the last addressee verb in front of it, 0 where none is."""
    k = max((name.rfind(v) + len(v) for v in ADDRESSEE_VERBS if name.rfind(v) >= 0), default=0)
    return k if len(name) - k >= 3 else 0


def _after_clause(name: str) -> int:
    """Where an outlet's name starts after a clause word in front of it (clause_words: 联系,
    采访), 0 where none is."""
    return name_words._after_clause(name, 0, len(name))


def _name_like(head: str) -> bool:
    return not head or pos_ok(head)
