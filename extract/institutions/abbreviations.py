"""Short forms an article coins from a name it gives in full (guide v2: "short forms are
mentions when they name one body"): 复旦大学附属肿瘤医院 … “复旦肿瘤”, 复旦肿瘤团队. The short
form takes the leading characters of two or more of the name's words, in order (复旦|大学,
附属, 肿瘤|医院 -> 复旦 + 肿瘤), and is not itself a piece of the name (复旦大学 is another body).

It counts where the article sets it off in quotes at least once (“复旦肿瘤”; then every
occurrence at word boundaries is the body), or where it is four characters or more and a
word of its own. The last part must come from a word that names (肿瘤医院), not from a
generic one (附属, 医院, 大学, 第一): 复旦附属 abbreviates nothing.

For each full name, the text is scanned for its first character only, and each start is
extended over at most MAX_SHORT characters: linear in the text per name."""
from __future__ import annotations

import re
from functools import lru_cache

from .segmenter import rjieba

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
    return tuple(rjieba().cut(name, False))


def abbreviation_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    out = []
    seen = set()
    quotes = any(q in text for q in _QUOTES)
    for c in found:
        if c.kind not in KINDS or len(c.name) < MIN_NAME or c.name in seen:
            continue
        seen.add(c.name)
        words = _words(c.name)
        if len(words) < 2:
            continue
        regional = _region_word(words[0])
        shorts: dict[str, list[int]] = {}
        least: dict[str, int] = {}
        # unquoted, the first piece is two characters or more: look for those only
        head = words[0][:1] if quotes or len(words[0]) < MIN_PIECE else words[0][:MIN_PIECE]
        for p in _starts(text, head):
            for end, n in _ends(text, p, words):
                shorts.setdefault(text[p:end], []).append(p)
                least[text[p:end]] = n
        for short, starts in shorts.items():
            quoted = any(_quoted(text, s, s + len(short)) for s in starts)
            if not quoted and (len(short) < MIN_UNQUOTED or least[short] < MIN_PIECE or regional):
                continue  # 山东医药, 广东整形: a region and a trade, not a short name
            for s in starts:
                e = s + len(short)
                if (s and not cut_at(text, s) and not _quoted(text, s, e)) or (e < len(text) and not cut_at(text, e)):
                    continue  # inside a longer word
                if CHANNEL_AFTER.match(text, e):
                    continue
                out.append(c.with_(start=s, end=e, rule="reference.abbreviation", confidence=0.65))
    return out


def _starts(text: str, ch: str):
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


def _ends(text: str, p: int, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Ends e such that text[p:e] is a chain of leading pieces of words, in order, two pieces
    or more, the first from the first word, the last from a word that names; not a piece
    of the name itself."""
    name = "".join(words)
    out: list[tuple[int, int]] = []
    if words[0] in GENERIC_WORDS:
        return out  # 国家骨科医学中心: 国家 + 医学中心 is a category
    # state: (text position, index of the next word allowed, pieces so far, last piece's
    # word, whether a piece was cut short, the shortest piece cut from a longer word)
    stack = [(p, 0, 0, -1, False, MAX_SHORT)]
    while stack:
        k, i, pieces, last, cut, least = stack.pop()
        if (pieces >= 2 and cut and k - p >= MIN_SHORT and words[last] not in GENERIC_WORDS
                and not _region_word(words[last]) and text[p:k] not in name):
            out.append((k, least))
        for w in range(i, len(words)) if pieces else (0,):
            word = words[w]
            for n in range(1, len(word) + 1):
                if k + n - p > MAX_SHORT or text[k:k + n] != word[:n]:
                    break
                stack.append((k + n, w + 1, pieces + 1, w, cut or n < len(word), min(least, n) if n < len(word) else least))
    return out


@lru_cache(maxsize=4096)
def _region_word(word: str) -> bool:
    """A word that is a region's name (广东, 普陀区, 上海市): a short's last piece never comes from
    one, and an unquoted short never starts with one."""
    from .references import region_prefix

    return region_prefix(word + "\0") == len(word)


def _quoted(text: str, s: int, e: int) -> bool:
    return s > 0 and text[s - 1] in _QUOTES and text[e:e + 1] in _QUOTES
