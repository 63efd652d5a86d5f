"""The seventh round's shortcuts in the date, money and deadline stages give what the code
they replace gives (each against that code; no timing here: benchmarks/ measures speed)."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]

# written for these tests: spans, ranges, weeks and percentages beside years that start none
SENTENCES = [
    "2024年1-10月，全市医保基金支出同比增长8.5%，比上年同期提高1.2个百分点。",
    "申报时间为2024年3月1日至3月15日，逾期不予受理；2023—2025年度的方案另行通知。",
    "今年第49周门诊量回落，明年1至6月份将分批开展复核，2026年第一季度完成验收。",
    "报销比例由50%提高到60%—70%，起付线降低三成，自付部分不超过百分之二十。",
    "9月19-21日召开培训会，二〇二四年十月起执行，3月5日以来已受理120件。",
    "第2周、第十周均无数据；2017年度筹资标准为每人每年30元左右，约占人均收入的千分之五。",
    "12\n月26日至28日开放预约，２０％的名额留给基层，5 %的费用由个人承担。",
]


def _texts() -> list[str]:
    from conftest import bulk_texts

    corpus = [p.read_text(encoding="utf-8", errors="replace")
              for folder in ("seeds", "gold", "heldout") for p in sorted((ROOT / "corpora" / folder).glob("*.txt"))]
    return SENTENCES + corpus + bulk_texts(every=4)


# -- dates: the guards of the span cores ---------------------------------------------------

def _unguarded_grammar():
    """The grammar built without patterns.yaml's guards (the cores as they read before)."""
    from extract.dates import grammar as G
    from extract.dates.lexicon import load_yaml

    spec = load_yaml("patterns.yaml")
    guards = spec.pop("guards")
    try:
        return G.grammar.__wrapped__()
    finally:
        spec["guards"] = guards


def _cores(g, text: str) -> list[tuple]:
    found, resume = [], [0] * len(g.scanners)
    get = g.dispatch.get
    for m in g.starts.finditer(text):  # the regex visits: no automaton for the second grammar
        pos = m.start()
        for i, rx in get(text[pos:pos + 3]) or get(text[pos:pos + 2]) or get(text[pos], ()):
            if pos >= resume[i]:
                core = rx.match(text, pos)
                if core is not None:
                    resume[i] = core.end()
                    found.append((pos, g.order[core.lastgroup], core.span(), core.lastgroup,
                                  sorted((k, v) for k, v in core.groupdict().items() if v is not None)))
    return sorted(found, key=lambda f: f[:2])


def test_guarded_cores_match_as_the_unguarded_ones():
    """The lookaheads of patterns.yaml `guards` reject no core match: the same cores (rule,
    span, parts) on written sentences, the bundled corpora and a quarter of the bulk files."""
    from extract.dates.grammar import grammar

    new, old = grammar(), _unguarded_grammar()
    assert any("(?=[\\s\\S]" in rx.pattern for entries in new.dispatch.values() for _, rx in entries)
    assert not any("(?=[\\s\\S]" in rx.pattern for entries in old.dispatch.values() for _, rx in entries)
    for text in _texts():
        assert _cores(new, text) == _cores(old, text), text[:60]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789年月日号度份第周至到—-～ 今明去本上下一二三十，。\n", max_size=60))
def test_guarded_cores_on_generated_text(text):
    from extract.dates.grammar import grammar

    assert _cores(grammar(), text) == _cores(_GRAMMARS[0], text)


_GRAMMARS: list = []


@pytest.fixture(autouse=True, scope="module")
def _old_grammar():
    _GRAMMARS.append(_unguarded_grammar())
    yield
    _GRAMMARS.clear()


@pytest.mark.parametrize("core, guard", [
    ("{YEAR4:y}年?{TO}{YEAR4:y2}|{MONTHD:m}月", {"before": "{YEAR4}年?", "word": "{TO}"}),  # an alternation
    ("{YEAR4:y}年?{MONTHD:m}{TO}", {"before": "{YEAR4}年?", "word": "{TO}"}),  # the word is not next
    ("{MONTHD:m}月{TO}", {"before": "{YEAR4}年?", "word": "{TO}"}),  # another start
])
def test_a_guard_that_could_reject_a_match_is_refused(core, guard):
    from extract.dates.grammar import _guard
    from extract.dates.lexicon import load_yaml

    with pytest.raises(ValueError):
        _guard("x", core, guard, load_yaml("patterns.yaml")["fragments"])


def test_a_guard_reads_its_width_from_the_pattern():
    from extract.dates.grammar import _guard
    from extract.dates.lexicon import load_yaml

    fragments = load_yaml("patterns.yaml")["fragments"]
    assert _guard("x", "{YEAR4:y}年?(?<![每])第{WEEKNUM:wn}周", {"before": "{YEAR4}年?", "word": "第"},
                  fragments) == "(?=[\\s\\S]{0,5}?[第])"


# -- money: the percent alternative's sign lookahead ------------------------------------

def test_scanner_matches_as_without_the_sign_lookahead():
    """SCANNER gives the same matches (span, every group) as the pattern without the lookahead
    that opens its percent alternative."""
    from extract.money import patterns

    ahead = patterns._sign_ahead()
    assert ahead in patterns.SCANNER.pattern
    plain = re.compile(patterns.SCANNER.pattern.replace(ahead, "", 1))
    for text in _texts():
        assert [(m.span(), m.groups()) for m in patterns.SCANNER.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)], text[:60]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,， 　一二三十百千万亿点%％个百分点之至到—-～元成", max_size=80))
def test_scanner_sign_lookahead_on_generated_text(text):
    from extract.money import patterns

    plain = re.compile(patterns.SCANNER.pattern.replace(patterns._sign_ahead(), "", 1))
    assert [(m.span(), m.groups()) for m in patterns.SCANNER.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)]


# -- deadlines: clause breaks outside brackets --------------------------------------------

def _breaks_by_character(text: str, start: int, end: int) -> list[int]:
    """phrases._breaks as it read before: a Python loop over every character up to the last
    closing bracket."""
    from extract.dates.roles import CLAUSE_BREAK

    out, depth = [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)], 0
    last_close = max(text.rfind(c, start, end) for c in "）)")
    if last_close < 0:
        return out
    inside, at_break = set(), set(out)
    for i in range(start, last_close):
        c = text[i]
        if c in "（(":
            depth += 1
        elif c in "）)" and depth:
            depth -= 1
        elif depth and i in at_break and c not in "\n。！？!?":
            inside.add(i)
    return [i for i in out if i not in inside]


def test_breaks_as_the_character_loop():
    from extract.deadlines.phrases import _breaks

    rng = random.Random(7)
    alphabet = "（()），。；！？!?;,\n：:申报字"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _breaks(text, start, end) == _breaks_by_character(text, start, end), (text, start, end)
    sent = "请于3月1日前将材料寄至筹委会（广州市某路2楼，邮编510060），逾期不予受理。"
    assert _breaks(sent, 0, len(sent)) == _breaks_by_character(sent, 0, len(sent))
    assert sent[_breaks(sent, 0, len(sent))[0]] == "，" and _breaks(sent, 0, len(sent))[0] > sent.index("）")
