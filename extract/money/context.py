"""What the words around an amount add to it: bounds and approximations (mod), per-unit
rates written before it (每人每年115元), and the guards that reject false matches."""
from __future__ import annotations

import re
from typing import Optional

from .patterns import (BAD_BEFORE_CHARS, CLAUSE_DELIM, DISTRIBUTIVE, MOD_FAR, MOD_PREFIX, MOD_SUFFIX, PER_CLAUSE,
                       PER_CLAUSE_EACH, PER_EACH, PER_NOUN, PER_PREFIX, PER_SPLIT, RATE_HEAD, RATE_NOUN)
from .rules import RULES

MOD_PREFIX_WORDS: dict[str, str] = RULES["mod_prefix"]
MOD_SUFFIX_WORDS: dict[str, str] = RULES["mod_suffix"]
FILLERS = sorted(RULES["mod_filler"], key=len, reverse=True)
MOD_PREFIX_LAST = frozenset(w[-1] for w in list(MOD_PREFIX_WORDS) + FILLERS)  # MOD_PREFIX ends in one
EXTREMES = set(RULES["extreme_words"])
ACHIEVED = tuple(RULES["achieved_words"])
POSSIBLE = tuple(RULES["possible_words"])
CAP_NOUNS = tuple(RULES["cap_nouns"])
NOT_AFTER_YUAN = set(RULES["not_after_yuan"])
NOT_BEFORE_CN = set(RULES["not_before_cn"])
NOT_BEFORE_CN_ONE = set(RULES["not_before_cn_one"])
NOT_AFTER_CHENG = set(RULES["not_after_cheng"])
LONE_YUAN_NEXT_OK = set(RULES["lone_yuan_next_ok"])
DAXIE = set(RULES["daxie_chars"])
IDIOM_AFTER_ONE = tuple(RULES["idiom_after_one"])
INCLUSIVE = re.compile(RULES["inclusive_note"])
EXCLUSIVE = re.compile(RULES["exclusive_note"])
_COMMA_DIGIT = re.compile(r"[,，][0-9]")
MOD_SUFFIX_NOT_BEFORE = {"起": "付步"}  # 1000元起付线 is a deductible, not a floor
CLAUSE_END = set("，。；、！？,;.!?）)】」』\"”’ \n\t：:")
WINDOW = 12
CLAUSE_PER_CHARS = RULES["clause_per_chars"]
PER_CHAIN_HEAD = re.compile(RULES["per_chain_head"])
PER_CHAIN_CHARS = RULES["per_chain_chars"]
PER_CHAIN_NEW_SUBJECT = re.compile(RULES["per_chain_new_subject"])
PER_CHAIN_STOPS = set(RULES["clause_delimiters"]) - set("，,、") | set(RULES["per_chain_quotes"])
CLAUSE_PER_STOPS = tuple(RULES["clause_per_stops"])
NOT_AFTER_WORD: dict[str, str] = RULES["mod_prefix_not_after"]
PER_NOUN_ENDS = set(RULES["per_noun_ends"])
PER_NOUN_STOP = set(RULES["per_noun_stop"])
RATE_MARKERS: dict[str, list[str]] = RULES["rate_markers"]
RATE_MARKERS_SHORT: dict[str, list[str]] = RULES["rate_markers_short"]
RATE_NOUN_CHARS = RULES["rate_noun_chars"]


def prefix_mod(text: str, start: int) -> tuple[Optional[str], int]:
    """The bound word right before `start` (不超过, 突破达…): (mod, where the word starts)."""
    if not start or text[start - 1] not in MOD_PREFIX_LAST:
        return None, start  # the word would end right before the amount
    window = text[max(0, start - WINDOW):start]
    m = MOD_PREFIX.search(window)
    if not m:
        return None, start
    word = m.group(0)
    before = window[m.start() - 1:m.start()] if m.start() else ""
    if word in NOT_AFTER_WORD and before and before in NOT_AFTER_WORD[word]:
        return None, start  # 节约9元: 约 ends 节约
    for filler in FILLERS:
        if word.endswith(filler) and word[: -len(filler)] in MOD_PREFIX_WORDS:
            word = word[: -len(filler)]
            if word in EXTREMES and filler in ACHIEVED:
                return None, start - len(m.group(0))
            break
    return MOD_PREFIX_WORDS.get(word), start - len(m.group(0))


def _after_qian(text: str, end: int) -> int:
    """20元钱以下: the bound word comes after 钱."""
    return end + 1 if text[end:end + 1] == "钱" and text[end - 1:end] == "元" else end


MOD_SUFFIX_FIRST = frozenset(w[0] for w in MOD_SUFFIX_WORDS)  # a MOD_SUFFIX match begins with one


# 70%多的份额 (APPROX), 连20%都不到 (LESS_THAN): a word after the amount that ends its phrase
MOD_TAIL = [(re.compile(pattern), mod) for pattern, mod in RULES["mod_suffix_tail"].items()]
MOD_TAIL_FIRST = frozenset(RULES["mod_suffix_tail_first"])


def suffix_mod(text: str, end: int) -> Optional[str]:
    end = _after_qian(text, end)
    if text[end:end + 1] in MOD_TAIL_FIRST:
        for pattern, mod in MOD_TAIL:
            if pattern.match(text, end):
                return mod
    if text[end:end + 1] not in MOD_SUFFIX_FIRST:
        return None
    m = MOD_SUFFIX.match(text, end, end + 4)
    if not m:
        return None
    nxt = text[m.end():m.end() + 1]
    if nxt and nxt in MOD_SUFFIX_NOT_BEFORE.get(m.group(0), ""):
        return None
    return MOD_SUFFIX_WORDS[m.group(0)]


def bound_note(text: str, end: int, mod: Optional[str]) -> Optional[str]:
    """5000元以上（含）, 超过1万元（含）: inclusive; 5000元以下（不含）: strict. The note
    follows the amount or its bound word (以上/以下)."""
    if mod is None:
        return None
    end = _after_qian(text, end)
    m = MOD_SUFFIX.match(text, end, end + 4)
    pos = m.end() if m else end
    if INCLUSIVE.match(text, pos):
        return {"MORE_THAN": "EQUAL_OR_MORE", "LESS_THAN": "EQUAL_OR_LESS"}.get(mod, mod)
    if EXCLUSIVE.match(text, pos):
        return {"EQUAL_OR_MORE": "MORE_THAN", "EQUAL_OR_LESS": "LESS_THAN"}.get(mod, mod)
    return mod


def cut_number(text: str, start: int, raw: str, end: int) -> bool:
    """A number cut out of a malformed one (人民币250,0000.00元): digits after a comma
    right after it, or a run of zeros before a comma."""
    if raw[:1] == "0" and len(raw) > 1 and raw[1:2] != ".":
        return True
    if end and text[end - 1].isdigit() and _COMMA_DIGIT.match(text, end):
        return True  # the amount ends in a digit (人民币250) and the number runs on
    # a digit and a comma right before it
    return start >= 2 and text[start - 1] in ",，" and "0" <= text[start - 2] <= "9"


def is_daxie(raw: str) -> bool:
    """An amount written with 大写 (banking) numerals: 壹万贰仟, 伍佰."""
    return not DAXIE.isdisjoint(raw)


def idiom_after(text: str, end: int) -> bool:
    """一分钱都不用垫, 一分钱也没花: 'not a single cent', no amount."""
    return text.startswith(IDIOM_AFTER_ONE, end)


def per_units(per_text: str) -> list[str]:
    return PER_SPLIT.findall(per_text.lstrip("/／一每"))


PER_REACH = max(WINDOW, CLAUSE_PER_CHARS)  # how far back adjacent_per and clause_per look for 每


def adjacent_per(text: str, start: int) -> tuple[list[str], int]:
    """每人每年, 每个婴幼儿每月, 每托位 right before the amount: its units and the new
    span start."""
    window = text[max(0, start - WINDOW):start]
    if "每" not in window:
        return [], start
    m = PER_PREFIX.search(window)
    units, cut = (PER_EACH.findall(m.group(0)), m.start()) if m else ([], len(window))
    n = PER_NOUN.search(window, 0, cut)
    noun = n and (n.group(1) or n.group(2))
    if n and n.group(2) and noun[-1] not in PER_NOUN_ENDS:
        noun = None  # 每创造100元: a verb after 每
    if noun and not PER_NOUN_STOP.intersection(noun) and not PER_EACH.match("每" + noun):
        units, cut = [noun] + units, n.start()
    return units, start - (len(window) - cut) if units else start


FROM_WORDS = tuple(RULES["from_words"])
FROM_TO_SEPS = set(RULES["from_to_seps"])
RANGE_TAILS = tuple(RULES["range_tails"])


def from_to(text: str, start: int, sep_start: int, sep: str, end: int) -> bool:
    """从50元到500元: a change from one amount to another, two mentions, not a range; 从10元到50元
    不等 is a range again."""
    return (sep in FROM_TO_SEPS and text.endswith(FROM_WORDS, max(0, start - 2), start)
            and not text.startswith(RANGE_TAILS, end))


def after_each(text: str, start: int) -> bool:
    """每斤, 每人每月 right before `start`."""
    return "每" in text[max(0, start - WINDOW):start] and bool(PER_PREFIX.search(text, max(0, start - WINDOW), start))


def rate_per(text: str, start: int) -> list[str]:
    """年度最高支付限额为15万元 (年), 人均财政补助标准670元 (人): a rate noun before the
    amount in its clause (guide v2); the span stays the amount."""
    lo = max(0, start - RATE_NOUN_CHARS)
    if not RATE_HEAD.search(text, lo, start):
        return []  # every rate noun ends in a head word (标准, 限额…): most amounts have none before them
    seg = text[lo:start]
    # one phrase per line (WeChat exports): 人均保费\n59元/年 - a line break right before the
    # amount, after a line with no punctuation, does not end the clause
    head = seg.rstrip(" \t\u3000")
    if head.endswith("\n"):
        seg = head[:-1].rstrip(" \t\u3000")
    seg = _clause_tail(seg)
    m = RATE_NOUN.search(seg)
    if not m:
        return []
    return list(RATE_MARKERS[m.group("mk")] if m.group("mk") else RATE_MARKERS_SHORT[m.group("ms")])


def _clause_tail(seg: str) -> str:
    """What follows the last clause delimiter of `seg` (one character each): found as
    the first in the reversed string, not by listing them all."""
    m = CLAUSE_DELIM.search(seg[::-1])
    return seg[len(seg) - m.start():] if m else seg


def distributive_per(text: str, start: int) -> list[str]:
    """每个示范城市由中央财政补助5亿元 (示范城市), 平均一个处方要开足45元 (处方): the clause's
    distributive subject; [] without one, or when the noun holds a word of a verb or amount."""
    seg = _clause_tail(text[max(0, start - CLAUSE_PER_CHARS):start])
    m = None
    for m in DISTRIBUTIVE.finditer(seg):
        pass
    if m is None or not PER_NOUN_STOP.isdisjoint(m.group(1)):
        return []
    return [m.group(1)]


def clause_per(text: str, start: int) -> list[str]:
    """每月药费约90元: the units of the last 每… earlier in the same clause."""
    seg = text[max(0, start - CLAUSE_PER_CHARS):start]
    if "每" not in seg:
        return []
    seg = _clause_tail(seg)
    cut = max(seg.rfind(w) for w in CLAUSE_PER_STOPS)
    if cut >= 0 and "每" not in seg[cut:]:
        return []  # 每斤…比去年同期高出了10-20元: a difference against another figure, no rate
    runs = list(PER_CLAUSE.finditer(seg))
    if not runs:
        return []
    run = runs[-1]  # read in place: 每个's lookahead (分别) lies after the run
    return [u.group(1) or u.group(2) for u in PER_CLAUSE_EACH.finditer(seg, run.start()) if u.start() < run.end()]


def far_mod(text: str, start: int) -> Optional[str]:
    """A bound word a few words before the amount (最高保障额度为300万元)."""
    m = MOD_FAR.search(text, max(0, start - WINDOW - 6), start)
    if not m or any(n in m.group(0) for n in CAP_NOUNS):
        return None
    if m.group(0).endswith(ACHIEVED) and not m.group(0).endswith(POSSIBLE):
        return None
    word = max((w for w in MOD_PREFIX_WORDS if m.group(0).startswith(w)), key=len)
    return MOD_PREFIX_WORDS[word]


def bad_before(text: str, start: int) -> bool:
    """Part of a code, URL or longer number (…/a1200元, v2.5%): the character before is one
    of BAD_BEFORE_CHARS."""
    return start > 0 and text[start - 1] in BAD_BEFORE_CHARS


def listed_before(text: str, start: int) -> bool:
    """43、17%: a number and 、 right before the percentage's number. Either a list sharing one
    sign or 、 typed for the decimal point (43.17%): the number after 、 alone would be a wrong
    value, so none is read."""
    return start > 1 and text[start - 1] == "、" and text[start - 2].isdigit()


def yuan_is_word(text: str, end: int) -> bool:
    """元 begins another word (元旦, 一元化, 三元桥)."""
    return end < len(text) and text[end] in NOT_AFTER_YUAN


def lone_numeral_in_word(text: str, start: int) -> bool:
    """A one-character Chinese numeral that ends a word (统一元, 唯一成, 第五元素)."""
    if start == 0:
        return False
    before = text[start - 1]
    return before in NOT_BEFORE_CN or (before in NOT_BEFORE_CN_ONE and text[start:start + 1] in "一壹")


def lone_yuan_is_word(text: str, end: int) -> bool:
    """三元医院, 二元结构: a one-character numeral + 元 followed by a word."""
    return end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in LONE_YUAN_NEXT_OK


RMB_INSTRUMENTS = tuple(RULES["rmb_instruments"])


def rmb_instrument_after(text: str, end: int) -> bool:
    """125亿元人民币国债: a renminbi-denominated instrument after 元人民币 takes the 人民币."""
    return text.startswith(RMB_INSTRUMENTS, end)


COMPOUND_SCALE = re.compile(RULES["bare_compound_scale"])


COMPOUND_NOT_BEFORE = frozenset(RULES["bare_compound_not_before"])


def compound_scale(n1: str, cur: str, text: str, end: int) -> bool:
    """百亿, 千万, 十亿: a scale word on a scale word, no digit, before a currency word (将达百亿元,
    百亿元人民币, 千万美元); not a class of size (千万元级, 百亿元级别)."""
    return (COMPOUND_SCALE.fullmatch(n1) is not None and cur not in COMPOUND_NOT_BEFORE
            and text[end:end + 1] != "级")


def day_before(text: str, start: int) -> bool:
    """5月1日元旦: the number is a day of the month and 日元 is not yen."""
    return text[max(0, start - 1):start] == "月"


def cheng_is_word(text: str, end: int) -> bool:
    return end < len(text) and text[end] in NOT_AFTER_CHENG


def clause_ends(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in CLAUSE_END


KUAI_WORDS = re.compile("|".join(map(re.escape, RULES["kuai_money_words"])))
KUAI_END = set(RULES["kuai_sentence_end"])
KUAI_BACK, KUAI_AHEAD = RULES["kuai_reach"]
_AMOUNT_ONLY = re.compile(r"[\s\d.,，、～~—–\-至到多余几十百千万亿块约近左右以上下（）()：:]*")


def kuai_is_money(text: str, start: int, end: int) -> bool:
    """块 alone after an amount: money only in a sentence about money (花了十块, 卖了100块)
    or one holding nothing but the amount; 最多一天出了47块, 几十块小纸片 count pieces."""
    lo, hi = max(0, start - KUAI_BACK), min(len(text), end + KUAI_AHEAD)
    before = text[lo:start]
    cut = max(before.rfind(ch) for ch in KUAI_END)
    lo = lo + cut + 1 if cut >= 0 else lo
    after = text[end:hi]
    cuts = [i for i in (after.find(ch) for ch in KUAI_END) if i >= 0]
    hi = end + min(cuts) if cuts else hi
    if KUAI_WORDS.search(text, lo, hi):
        return True
    rest = text[lo:start] + text[end:hi]
    return bool(_AMOUNT_ONLY.fullmatch(rest))


def per_chain(between: str) -> bool:
    """20元，2009年不超过100元: the text between two amounts of one sentence where the second
    stands in a clause that opens with a time word (the rate of the first carries to it)."""
    if len(between) > PER_CHAIN_CHARS or "每" in between or any(w in between for w in CLAUSE_PER_STOPS):
        return False
    cut = max(between.rfind("，"), between.rfind(","))
    if cut < 0 or not PER_CHAIN_STOPS.isdisjoint(between):
        return False
    head = PER_CHAIN_HEAD.match(between, cut + 1)
    return head is not None and not PER_CHAIN_NEW_SUBJECT.search(between, head.end())
