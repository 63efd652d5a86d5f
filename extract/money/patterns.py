"""The regexes of the money extractor, built once from rules.yaml.

One scanner with three alternatives, tried in this order at each position:
  vague    数百元, 上千元, 几万元                   (no digit: low confidence)
  percent  85%, 5-10个百分点, 百分之八十, 八成, 千分之五
  money    2000万至3000万元, ￥100, 1.6万余元, 115元/人/年
Every repetition is bounded, and no quantifier nests over overlapping classes.
"""
from __future__ import annotations

import re
import sys

try:  # the parser of the re module (Python 3.11+: re._parser; 3.10: sre_parse)
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser

from ..literals import held_chars
from .cues import WORDS as _CUE_WORDS
from .numerals import NUMERAL_CHARS
from .rules import RULES, SPLIT_SCALES, alternation as alt

# thousands separators: ASCII or full-width commas (1,234 / 1，234), or spaces (1 234 567)
ANUM = r"\d{1,3}(?:[,， \u00a0\u2009]\d{3}){1,4}(?![0-9])(?:\.\d{1,6})?|\d{1,16}(?:\.\d{1,8})?"
_DIGIT_CHARS = "".join(RULES["digits"])
CNUM = rf"[{NUMERAL_CHARS}]{{1,16}}(?:点[{_DIGIT_CHARS}]{{1,6}})?"
NUM = rf"(?:{ANUM}|{CNUM})"
SCALE = alt(list(RULES["scales"]) + list(SPLIT_SCALES))  # 千万, and 千余万 (4千余万元)
APPROX_IN = alt(RULES["approx_infix"])
SEP = alt(RULES["range_sep"])
CUR_SUFFIX = alt(list(RULES["currency_suffix"]) + list(RULES["subunit_suffix"]))
CUR_PREFIX = alt(RULES["currency_prefix"])


def _guarded(words) -> str:
    """alt(words), a unit of per_unit_not_before followed by a lookahead (元/方, not 元/方面)."""
    guards = RULES["per_unit_not_before"]
    return "|".join(re.escape(w) + (f"(?![{guards[w]}])" if w in guards else "")
                    for w in sorted(words, key=len, reverse=True))


PER_UNIT = _guarded(RULES["per_units"])
# a unit after a slash: the per_units, the slash-only ones, each with a count before it (元/千张)
SLASH_UNIT = (rf"(?:{RULES['per_count_before_unit']})?"
              rf"(?:{_guarded(list(RULES['per_units']) + list(RULES['per_units_after_slash']))})")
# after 一: the units of per_after_yi, and 个 only before no Chinese character but 的 (5元一个, 元一个的)
PER_YI = alt(RULES["per_after_yi"]) + "|" + "|".join(
    rf"{re.escape(w)}(?![\u4e00-\u9fff](?<!的))" for w in RULES["per_after_yi_lone"])
PCT_SIGN = alt(RULES["percent_signs"])
PP = alt(RULES["pp_words"])
VAGUE = "|".join(rf"(?<![{RULES['vague_not_after'][w]}]){re.escape(w)}" if w in RULES["vague_not_after"]
                 else re.escape(w) for w in RULES["vague_prefix"])
VAGUE_SCALE = alt(RULES["vague_scales"])
PCT_WORD = alt(RULES["percent_words"])


def _amount(i: int) -> str:
    # a space may stand between a number and its scale word (1 万元)
    return (rf"(?P<n{i}>{NUM})(?:[ \u3000](?={SCALE}))?(?P<a{i}>{APPROX_IN})?(?P<s{i}>{SCALE})?"
            rf"(?P<b{i}>{APPROX_IN})?")


_PER = (rf"(?P<per>[/／](?:{SLASH_UNIT})(?![A-Za-z0-9])(?:[/／·・](?:{PER_UNIT})){{0,2}}"
        rf"|每(?:{PER_UNIT})|一(?:{PER_YI})(?!性))")
_SUBD = "0-9零一二两三四五六七八九" + RULES["daxie_chars"]
_SUB = (rf"(?P<sub>[{_SUBD}]{{1,2}}(?:角|毛)(?:零?[{_SUBD}]分)?|零?[{_SUBD}]分"
        rf"|[{_SUBD}](?=[，。；、！？,;.!?）)\s]|$))")

_VAGUE = (rf"(?P<vague>(?P<vp>{VAGUE})(?P<vs>{VAGUE_SCALE})"
          rf"(?P<va>{APPROX_IN})?(?P<vcur>{CUR_SUFFIX}))")

# An Arabic number read by the percent form is never given back: a shorter reading ends before
# a digit, a separator or a point, where no sign, range separator or 百分点 can follow (an
# atomic group, Python 3.11+, spares the engine those retries on every number that is no
# percentage; Chinese numerals keep theirs: 一百分点 is 一 + 百分点)
_ANUM_ONCE = f"(?>{ANUM})" if sys.version_info >= (3, 11) else f"(?:{ANUM})"
# a percentage's number(s) before its sign or 百分点
_PCT_NUMS = rf"(?P<pn1>{_ANUM_ONCE}|{CNUM})(?P<ps1>[ \u3000]?(?:{PCT_SIGN}))?(?:(?P<psep>{SEP})(?P<pn2>{NUM}))?"


def _sign_ahead() -> str:
    """A lookahead that a percent sign or 百分点 follows within the longest run of numbers,
    sign and separator (and a space) a `pct` match can begin with, after characters such a
    run can hold: true wherever `pct` can match. It spares the engine the retries of every
    shorter reading of a number that no sign follows (一 in 统一, most numbers of a text)."""
    width = _parser.parse(_PCT_NUMS).getwidth()[1] + 1
    chars = set(NUMERAL_CHARS + _DIGIT_CHARS + "点.,， \u00a0\u2009\u3000")
    chars |= {ch for key in ("range_sep", "percent_signs") for w in RULES[key] for ch in w}
    return rf"(?=[\d{re.escape(''.join(sorted(chars)))}]{{0,{width}}}(?:{PCT_SIGN}|{PP}))"


_PERCENT = (
    rf"(?P<pct>{_sign_ahead()}{_PCT_NUMS}"
    rf"(?P<pu>[ \u3000]?(?:{PCT_SIGN})|{PP}))"
    rf"|(?P<cpct>(?P<cw>{PCT_WORD})(?P<cn1>{NUM})(?:(?:{SEP})(?:{PCT_WORD})?(?P<cn2>{NUM}))?)"
    rf"|(?P<cheng>(?P<chn>[0-9]{{1,2}}|[{_DIGIT_CHARS}十])成)"
)

# whitespace before the currency word: a space, or a line break after a scale word (1亿\n元)
_CUR_GAP = r"(?:(?<=[万亿千百])[ \t\n\u3000]|[ \u3000])?"
_MONEY = (
    rf"(?P<money>(?:(?P<pre>{CUR_PREFIX})(?:(?<=[A-Za-z$])[ \u00a0])?)?{_amount(1)}"
    rf"(?:(?P<u1>{CUR_SUFFIX})?(?:[（(]不?含[)）])?(?P<sep>{SEP})(?:{CUR_PREFIX})?{_amount(2)})?"
    rf"(?:{_CUR_GAP}(?P<cur>{CUR_SUFFIX}))?(?:(?<=[元块圆]){_SUB})?{_PER}?)"
)

# every match starts with a digit, a numeral, a currency prefix, a vague or percent word:
# a lookahead on that first character lets the engine skip other positions in one step
_FIRST = set("0123456789") | set(NUMERAL_CHARS) | {w[0] for key in ("currency_prefix", "vague_prefix",
                                                                  "percent_words") for w in RULES[key]}
SCANNER = re.compile(f"(?=[{re.escape(''.join(sorted(_FIRST)))}])(?:{_VAGUE}|{_PERCENT}|{_MONEY})")

# A match that can become a mention holds a cue word (cues.py: CUE); no match holds a sentence
# end. Sentences without any are not scanned.
SENTENCE_END_CHARS = "。；！？"
SENTENCE_END = re.compile(f"[{SENTENCE_END_CHARS}]")


# Runs of the characters a SCANNER match can hold: a match lies inside one run (a character
# outside them, a barrier, ends every match before it and starts none), so a scan started
# anywhere after the last barrier before a run finds the matches the whole scan finds in it,
# and only the runs holding a cue word can yield a mention (money._scan). None (scan whole
# sentences) when a match could hold any character, a cue word is no run's, or a sentence
# end is one.
_HELD = held_chars(SCANNER.pattern)
HELD_RUN = None
if _HELD is not None:
    HELD_RUN = re.compile(f"[{_HELD}]*")
    if not all(HELD_RUN.fullmatch(w) for w in _CUE_WORDS) or any(HELD_RUN.fullmatch(ch) for ch in SENTENCE_END_CHARS):
        HELD_RUN = None

# Context checks around a match.
MOD_PREFIX = re.compile(rf"(?:{alt(RULES['mod_prefix'])})(?:{alt(RULES['mod_filler'])})?\Z")
MOD_SUFFIX = re.compile(alt(RULES["mod_suffix"]))
_FILL = alt(RULES["per_measure_fillers"])
_CLAUSE_UNIT = alt(RULES["clause_per_units"])
_EACH_ONE = alt(RULES["each_one_followers"])
PER_PREFIX = re.compile(rf"(?:每(?:{_FILL})?(?:{PER_UNIT})){{1,3}}\Z")
# 每个婴幼儿(每月), 每托位: an open noun as the unit, right before the known units or the amount
PER_NOUN = re.compile(rf"每(?:(?:{alt(RULES['per_classifiers'])})([\u4e00-\u9fff]{{1,4}}?)|([\u4e00-\u9fff]{{2}}))\Z")
# 每个示范城市由…, 平均一个处方要…: a distributive subject in the amount's clause (context.distributive_per)
DISTRIBUTIVE = re.compile(
    rf"(?:{alt(RULES['distributive_lead'])})(?:{alt(RULES['per_classifiers'])})"
    rf"([\u4e00-\u9fff]{{1,{RULES['distributive_noun_chars']}}}?)(?=(?:{alt(RULES['distributive_followers'])}))")
_HEAD = alt(RULES["rate_heads"])
# (every match begins with a marker's first character: the lookahead fails at once where none
# stands, instead of the lookbehind and each marker being tried at every position of the clause)
_RATE_FIRST = "".join(sorted({w[0] for key in ("rate_markers", "rate_markers_short") for w in RULES[key]}))
_VERB = alt(RULES["rate_verbs"])
RATE_NOUN = re.compile(
    rf"(?=[{re.escape(_RATE_FIRST)}])(?<![{RULES['rate_marker_not_after']}])(?:(?P<mk>{alt(RULES['rate_markers'])})(?!性)"
    rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{_HEAD})|(?:{_VERB}))|(?P<ms>{alt(RULES['rate_markers_short'])})(?:{_HEAD}))"
    # then words, and the quantity's earlier figure (年度限额由3万元提高到5万元), up to the amount
    rf"(?:[\u4e00-\u9fff]|[0-9][0-9.,]{{0,12}}(?:万|亿)?元){{0,10}}\Z")
RATE_HEAD = re.compile(f"{_HEAD}|{_VERB}")  # a rate noun's last word: RATE_NOUN cannot match without one
MOD_FAR = re.compile(rf"(?:{alt(RULES['far_mod_words'])})[\u4e00-\u9fff]{{1,{RULES['far_mod_chars']}}}\Z")
PER_SPLIT = re.compile(rf"{SLASH_UNIT}")
PER_EACH = re.compile(rf"每(?:{_FILL})?({PER_UNIT})")
PER_CLAUSE = re.compile(rf"(?:每(?:{_FILL})?(?:{_CLAUSE_UNIT})|每个(?={_EACH_ONE})){{1,3}}")
PER_CLAUSE_EACH = re.compile(rf"每(?:{_FILL})?({_CLAUSE_UNIT})|每(个)(?={_EACH_ONE})")
CLAUSE_DELIM = re.compile(f"[{re.escape(RULES['clause_delimiters'])}]")
# a character that makes an amount part of a code, URL or longer number (context.bad_before)
BAD_BEFORE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/\\.:=?&#%@+-")
