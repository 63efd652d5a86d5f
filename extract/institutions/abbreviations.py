"""Short forms an article coins from a name it gives in full (guide v2: "short forms are
mentions when they name one body"): 复旦大学附属肿瘤医院 … “复旦肿瘤”, 复旦肿瘤团队. The short
form takes the leading characters of two or more of the name's words, in order (复旦|大学,
附属, 肿瘤|医院 -> 复旦 + 肿瘤), and is not itself a piece of the name (复旦大学 is another body).

It counts where the article sets it off in quotes at least once (“复旦肿瘤”; then every
occurrence at word boundaries is the body), or where it is four characters or more and a
word of its own. The last part must come from a word that names (肿瘤医院), not from a
generic one (附属, 医院, 大学, 第一): 复旦附属 abbreviates nothing.

Each full name's possible shorts are enumerated from its words alone (bounded by MAX_SHORT
characters: a few dozen per name, cached by name), and the shorts of every name in the
article are found in ONE pass over the text (automata.occurrences): O(text + hits + names), not a
scan of the text per name."""
from __future__ import annotations

import re
from functools import lru_cache

from . import segmenter

from .automata import Literals, literals_of, occurrences_of
from .boundaries import cut_at
from .candidates import Candidate

KINDS = ("hospital", "university", "public_health", "association")
MIN_SHORT, MAX_SHORT, MIN_UNQUOTED = 3, 6, 4
MIN_NAME = 6
MIN_PIECE = 2  # unquoted: 复旦 + 肿瘤; one-character pieces (中 + 保健品) only quoted (“广医肿瘤”)
GENERIC_WORDS = frozenset({"附属", "医院", "医学院", "学院", "大学", "医科大学", "中心", "委员会", "人民", "第一", "第二",
                           "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十", "研究所", "研究院", "协会", "学会",
                           "中国", "国家", "中华", "全国", "自治区", "自治州", "自治县"})
# a short followed by these is an account or an app, a channel (关注“广西疾控”微信公众号)
CHANNEL_AFTER = re.compile(r"[”\"」』’']?\s*(?:微信)?(?:公众号|小程序|视频号|客户端|APP|App|app|微博|抖音号|官微)")
_QUOTES = "“”\"'「」『』‘’"


@lru_cache(maxsize=1024)
def _words(name: str) -> tuple[str, ...]:
    return tuple(segmenter.cut(name))


def abbreviation_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    quotes = any(q in text for q in _QUOTES)
    names = []  # (candidate, its shorts, those that start with the head looked for, regional), one per name
    seen = set()
    for c in found:
        if c.kind not in KINDS or len(c.name) < MIN_NAME or c.name in seen:
            continue
        seen.add(c.name)
        words = _words(c.name)
        if len(words) < 2:
            continue
        # unquoted, the first piece is two characters or more: look for those only
        head = words[0][:1] if quotes or len(words[0]) < MIN_PIECE else words[0][:MIN_PIECE]
        names.append((c, _shorts(words), _headed(words, head), _region_word(words[0])))
    wanted = [_headed_set(headed) for _, _, headed, _ in names if headed]
    if not wanted:
        return []
    starts = occurrences_of(text, wanted)
    out = []
    for c, table, headed, regional in names:
        # in the order a left-to-right scan meets them: first start, then the name's own order
        present = sorted((starts[short][0], table[short][0], short) for short in headed if short in starts)
        for _, _, short in present:
            rank, least, times = table[short]
            at = starts[short]
            quoted = any(_quoted(text, s, s + len(short)) for s in at)
            if not quoted and (len(short) < MIN_UNQUOTED or least < MIN_PIECE or regional):
                continue  # 山东医药, 广东整形: a region and a trade, not a short name
            for s in at:
                e = s + len(short)
                if (s and not cut_at(text, s) and not _quoted(text, s, e)) or (e < len(text) and not cut_at(text, e)):
                    continue  # inside a longer word
                if CHANNEL_AFTER.match(text, e):
                    continue
                out.extend([c.with_(start=s, end=e, rule="reference.abbreviation", confidence=0.65)] * times)
    return out


@lru_cache(maxsize=4096)
def _shorts(words: tuple[str, ...]) -> dict[str, tuple[int, int, int]]:
    """Every short form of the name `words`: a chain of leading pieces of words, in order,
    two pieces or more, the first from the first word, the last from a word that names; not
    a piece of the name itself. -> (rank: the order of the first chain that spells it,
    least: the shortest piece cut from a longer word in the last such chain, times: how many
    chains spell it). Depth-first, children pushed in a fixed order, so the chains that
    occur at any one place in a text come in this same relative order."""
    name = "".join(words)
    table: dict[str, tuple[int, int, int]] = {}
    if words[0] in GENERIC_WORDS:
        return table  # 国家骨科医学中心: 国家 + 医学中心 is a category
    # state: (short so far, index of the next word allowed, pieces so far, last piece's
    # word, whether a piece was cut short, the shortest piece cut from a longer word)
    stack = [("", 0, 0, -1, False, MAX_SHORT)]
    while stack:
        short, i, pieces, last, cut, least = stack.pop()
        if (pieces >= 2 and cut and len(short) >= MIN_SHORT and words[last] not in GENERIC_WORDS
                and not _region_word(words[last]) and short not in name):
            had = table.get(short)
            table[short] = (had[0], least, had[2] + 1) if had else (len(table), least, 1)
        for w in range(i, len(words)) if pieces else (0,):
            word = words[w]
            for n in range(1, min(len(word), MAX_SHORT - len(short)) + 1):
                stack.append((short + word[:n], w + 1, pieces + 1, w, cut or n < len(word),
                              min(least, n) if n < len(word) else least))
    return table


@lru_cache(maxsize=4096)
def _headed(words: tuple[str, ...], head: str) -> tuple[str, ...]:
    """The name's shorts that start with `head` (the ones looked for), once per name."""
    return tuple(short for short in _shorts(words) if short.startswith(head))


@lru_cache(maxsize=4096)
def _headed_set(headed: tuple[str, ...]) -> Literals:
    """The shorts looked for as a set with its look-up table, once per name."""
    return literals_of(headed)


@lru_cache(maxsize=4096)
def _region_word(word: str) -> bool:
    """A word that is a region's name (广东, 普陀区, 上海市): a short's last piece never comes from
    one, and an unquoted short never starts with one."""
    from .references import region_prefix

    return region_prefix(word + "\0") == len(word)


def _quoted(text: str, s: int, e: int) -> bool:
    return s > 0 and text[s - 1] in _QUOTES and text[e:e + 1] in _QUOTES
