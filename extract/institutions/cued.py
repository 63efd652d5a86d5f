"""Companies named by a brand and an industry word, no legal suffix (data/cued.yaml, round 9):
中投顾问医药行业研究员 -> 中投顾问, 上海从容投资合伙人 -> 上海从容投资, 驰昂咨询（Siontes） -> 驰昂咨询.
The cue (a person's title after it, or a Latin name in brackets) says a firm is meant, not the
trade (投资顾问, 医疗科技); the brand must stand after a stop character or punctuation (而天相顾投,
根据驰昂咨询), not inside a clause's word (担任投资顾问), and is no generic word (医疗投资); a stop character inside it only where the brand is a word (从容投资).
One regex scan (from industry word to industry word): linear in the text."""
from __future__ import annotations

import re

from ..prebuilt import cached
from ..literals import find_all
from . import foreign, lexicon, wordlists
from .boundaries import is_word
from .candidates import Candidate
from . import patterns

KIND = "company"


@cached("institutions.cued.table")
def _table():
    data = lexicon._yaml("cued.yaml")
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))
    n = int(data["brand_len"])
    # the industry word first (a literal: the engine skips to its first characters in C), the
    # brand's n ideographs before it checked at each hit (cued_candidates): a scan opening with
    # the brand's class tried the class and the alternation at every character of the text
    rx = re.compile(f"(?P<ind>{alt(data['industry_words'])})"
                    f"(?:(?:(?:{alt(data['fields'])}){{0,2}}(?:{alt(data['titles'])}))|(?P<latin>[（(][A-Za-z][A-Za-z&.\\- ]{{1,30}}[）)]))")
    return rx, frozenset(data["industry_words"]) | frozenset(data["fields"]), n


@cached("institutions.cued.reach")
def _reach() -> tuple:
    """The industry words (a tuple, for startswith), their lengths, and how far before a
    title's start a match may start (an industry word and two fields: the pattern's {0,2})."""
    data = lexicon._yaml("cued.yaml")
    words = tuple(data["industry_words"])
    lengths = tuple(sorted({len(w) for w in words}))
    return words, lengths, max(lengths) + 2 * max(map(len, data["fields"]))


def _starts(text: str) -> list[int]:
    """Every place a match of the table's pattern may start, ascending: an industry word at a
    title's reach before a title (found by the word lists' scan, cued_titles: a few a pass)
    or right before an opening bracket (the Latin name's). A match is an industry word then
    fields and a title, or then a bracket: it starts at one of these (round 27: the pattern
    was searched over the whole text, its industry words tried at each of ~900 places)."""
    words, lengths, reach = _reach()
    at = set()
    for t in wordlists.starts(text, "cued_titles"):
        at.update(p for p in range(max(0, t - reach), t) if text.startswith(words, p))
    for b in find_all(text, "（") + find_all(text, "("):
        if text[b + 1:b + 2] in _LATIN_FIRST:  # the Latin name's first letter
            at.update(b - k for k in lengths if b >= k and text.startswith(words, b - k))
    return sorted(at)


def cued_candidates(text: str) -> list[Candidate]:
    rx, trade, n = _table()
    stop, heads = patterns._tables()[1], patterns._tables()[2]
    out = []
    pos = n
    for p in _starts(text):
        # the matches of brand (n ideographs) + this pattern, as finditer gives them: the
        # leftmost industry word with n ideographs before it, the next one's brand after this
        # end (rx.search from pos: the first place at or after pos where rx matches)
        if p < pos or (m := rx.match(text, p)) is None:
            continue
        s = m.start() - n
        if _BRAND.fullmatch(text, s, s + n) is None:
            pos = m.start() + 1
            continue
        pos = m.end() + n
        brand = text[s:s + n]
        if brand in trade or brand.startswith(heads) or (any(ch in stop for ch in brand) and not is_word(text, s, s + len(brand))):
            continue  # 医疗投资, 的投资: a trade or a clause, not a brand
        r = _region_before(text, s)
        s -= r
        if s and not _boundary(text[s - 1], stop):
            continue  # 担任投资顾问: inside a clause
        e = m.end("ind")
        out.append(Candidate(s, e, text[s:e], KIND, None, None, "cued.brand", 0.55))
    return out + latin_companies(text)


# a firm by its Latin name before 公司 (Batist公司, Kalorama公司), or by a Latin acronym and the
# country of its arm (JBS美国公司): a proper name, mixed case, or capitals with a country (round 18);
# capitals alone are often a trade (IT公司, CRO公司), and so are the words of cued.yaml latin_trades
_LATIN_FIRM = re.compile(r"(?<![A-Za-z0-9&.\-])(?P<latin>[A-Z][a-z][A-Za-z]+|[A-Z]{2,6})(?P<country>[\u4e00-\u9fff]{2,4}?)?公司")


LATIN_REACH = 16  # characters of a Latin name and a country's before 公司


def latin_companies(text: str) -> list[Candidate]:
    if "公司" not in text:
        return []
    out = []
    for p in find_all(text, "公司"):
        if p < 2 or text[p - 1] not in _LATIN_FIRST and not "\u4e00" <= text[p - 1] <= "\u9fff":
            continue
        m = next((x for x in _LATIN_FIRM.finditer(text, max(0, p - LATIN_REACH), p + 2) if x.end() == p + 2), None)
        if m is None or m.group("latin").lower() in _latin_trades():
            continue
        country = m.group("country")
        if country is not None and not foreign.is_country(country):
            continue
        if country is None and m.group("latin").isupper():
            continue  # IT公司, CRO公司: capitals alone may be a trade
        out.append(Candidate(m.start(), m.end(), m.group(), KIND, None, None, "cued.latin", 0.55))
    return out


@cached("institutions.cued.latin_trades")
def _latin_trades() -> frozenset:
    return frozenset(w.lower() for w in lexicon._yaml("cued.yaml").get("latin_trades", ()))


_BRAND = re.compile("[\u4e00-\u9fff]+")
_LATIN_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # the pattern's [A-Za-z] after its bracket


def _region_before(text: str, s: int) -> int:
    for k in (3, 2):
        head = text[max(0, s - k):s]
        if len(head) == k and lexicon.region_named(head if head.endswith(("市", "省")) else head + "市"):
            return k
    return 0


def _boundary(ch: str, stop) -> bool:
    return ch in stop or not ("\u4e00" <= ch <= "\u9fff")
