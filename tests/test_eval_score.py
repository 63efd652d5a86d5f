"""Scoring on a hand-made gold file and hand-made predictions
(tests/fixtures/eval: notice.txt, its gold, pred.jsonl). Every expected figure
below was counted by hand from the fixture; the reasoning is in the comments."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from extract.evaluation.evaluate import evaluate_file, headline
from extract.evaluation.gold import load_gold
from extract.evaluation.run import pair_predictions, read_predictions
from extract.evaluation.score import match_type
from extract.evaluation.gold import GoldMention
from extract.schema import Mention

FIX = Path(__file__).parent / "fixtures" / "eval"


@pytest.fixture(scope="module")
def result():
    golds, errors = load_gold(FIX)
    assert not errors and [g.file for g in golds] == ["notice.txt"]
    docs, problems = read_predictions(FIX / "pred.jsonl")
    assert not problems
    (gold, doc), = pair_predictions(golds, docs)
    assert doc is not None and doc.source.endswith("/notice.txt")
    return evaluate_file(gold.data, doc)


def _prf(c):
    return (c.tp, c.fp, c.fn)


# (type, strict tp/fp/fn, partial tp/fp/fn)
# date: gold 2024年度, 2023年12月25日 (+ optional 去年); pred 2024年, 年度, 去年, "2023年 12月25日".
#   strict: only the 12-25 date (whitespace folded) -> tp 1; 2024年 and 年度 spurious; 2024年度 missed;
#   去年 matches the optional gold and is excused.
#   partial: 2024年度 takes 2024年 (overlap 5 beats 年度's 2): one-to-one leaves 年度 spurious.
# money: gold 每人每年500元, 20元; pred 500元 (inside the first): partial only.
# percent: gold 70%, 5个百分点; pred ７０％ (NFKC) and 5个百分点: strict both.
# institution: gold 上海市医保局, 上海市第一人民医院; pred 上海市医保局, 第一人民医院 (partial), 居民医保 (spurious).
CASES = [
    ("date", (1, 2, 1), (2, 1, 0)),
    ("money", (0, 1, 2), (1, 0, 1)),
    ("percent", (2, 0, 0), (2, 0, 0)),
    ("institution", (1, 2, 1), (2, 1, 0)),
]


@pytest.mark.parametrize("typ,strict,partial", CASES, ids=[c[0] for c in CASES])
def test_span_counts(result, typ, strict, partial):
    assert _prf(result.scores.strict[typ]) == strict
    assert _prf(result.scores.partial[typ]) == partial


def test_f1_figures(result):
    h = headline(result.scores)
    assert h["date.strict_f1"] == pytest.approx(0.4)          # 2*1 / (2*1 + 2 + 1)
    assert h["date.partial_f1"] == pytest.approx(0.8)         # 4 / 5
    assert h["money.strict_f1"] == 0.0
    assert h["money.partial_f1"] == pytest.approx(2 / 3)
    assert h["percent.strict_f1"] == 1.0
    # overall strict: tp 4, fp 5, fn 4 -> P 4/9, R 1/2, F1 8/17
    assert h["overall.strict_f1"] == pytest.approx(8 / 17)
    # overall partial: tp 7, fp 2, fn 1 -> F1 14/17
    assert h["overall.partial_f1"] == pytest.approx(14 / 17)
    s = result.scores.strict
    total_tp = sum(c.tp for c in s.values())
    total_fp = sum(c.fp for c in s.values())
    assert Fraction(total_tp, total_tp + total_fp) == Fraction(4, 9)


VALUE_CASES = [
    # over partial matches: both dates right; 500元 lacks per [人, 年]; 5个百分点 read as 0.05
    # without unit pp; 第一人民医院's name is not the canonical one.
    ("date", {"all": (2, 2), "value": (2, 2), "mod": (2, 2)}),
    ("money", {"all": (0, 1), "value": (1, 1), "per": (0, 1), "currency": (1, 1)}),
    ("percent", {"all": (1, 2), "value": (1, 2), "unit": (1, 2)}),
    ("institution", {"all": (1, 2), "name": (1, 2), "kind": (2, 2)}),
]


@pytest.mark.parametrize("typ,expected", VALUE_CASES, ids=[c[0] for c in VALUE_CASES])
def test_value_accuracy(result, typ, expected):
    tallies = result.scores.values[typ]
    for field, (correct, total) in expected.items():
        assert (tallies[field].correct, tallies[field].total) == (correct, total), field


def test_overall_value_accuracy(result):
    assert headline(result.scores)["overall.value_accuracy"] == pytest.approx(4 / 7)


def test_deadlines_steps_channels(result):
    s = result.scores
    # deadline: the gold one matched (same due, action 完成缴费); the 2024-12-31 one is spurious
    assert _prf(s.deadlines) == (1, 1, 0)
    # steps: 登录随申办APP (equal), 填写申请表 ~ 填写申请 (overlap); 提交材料 missed; 详情请咨询 spurious
    assert _prf(s.steps) == (2, 1, 1)
    # channels: 随申办APP ~ 随申办 (containment); 12345热线 spurious
    assert _prf(s.channels) == (1, 1, 0)


def test_meta_and_html(result):
    s = result.scores
    assert (s.meta["title"].correct, s.meta["title"].total) == (1, 1)
    assert (s.meta["published"].correct, s.meta["published"].total) == (0, 1)  # 2023-11 != 2023-11-20
    assert (s.html["must_contain"].correct, s.html["must_contain"].total) == (2, 2)
    assert (s.html["must_not_contain"].correct, s.html["must_not_contain"].total) == (0, 1)


def test_error_list(result):
    kinds = {(i.kind, i.type, i.text) for i in result.issues}
    assert ("missed", "money", "20元") in kinds
    assert ("spurious", "institution", "居民医保") in kinds
    assert ("spurious", "date", "年度") in kinds
    assert ("wrong_value", "percent", "5个百分点") in kinds
    assert ("missed", "step", "提交材料") in kinds
    assert not any(i.text == "去年" for i in result.issues)  # optional: neither missed nor spurious
    wrong = next(i for i in result.issues if i.kind == "wrong_value" and i.type == "money")
    assert wrong.sentence.startswith("上海市医保局通知") and "per" in wrong.detail


def _m(typ, text, start, **kw):
    return Mention(type=typ, text=text, start=start, end=start + len(text), **kw)


def test_one_to_one_overlaps():
    # gold 2024年 at 0-5 and 12月 at 5-8; one prediction "2024年12月" overlapping both
    gold = [GoldMention(type="date", text="2024年", value="2024"),
            GoldMention(type="date", text="12月", value="2024-12")]
    spans = [(0, 5), (5, 8)]
    preds = [_m("date", "2024年12月", 0, value="2024-12")]
    req, opt, free = match_type(gold, spans, preds, partial=True)
    assert len(req) == 1 and not opt and not free  # counted once, never twice


def test_optional_does_not_steal_from_required():
    gold = [GoldMention(type="date", text="今年", value="2023", optional=True),
            GoldMention(type="date", text="今年10月", value="2023-10")]
    spans = [(0, 2), (0, 5)]
    preds = [_m("date", "今年10月", 0, value="2023-10")]
    req, opt, free = match_type(gold, spans, preds, partial=True)
    assert req == [(1, 0)] and opt == [] and free == set()


def test_missing_prediction_scores_as_empty():
    golds, _ = load_gold(FIX)
    res = evaluate_file(golds[0].data, None)
    assert res.scores.partial["date"].fn == 2 and res.scores.partial["date"].fp == 0
    assert any(i.type == "document" and i.kind == "missed" for i in res.issues)


def test_an_optional_gold_item_never_takes_the_match_of_a_required_one():
    """Deadlines: the optional gold item, listed first, has the same due date and an
    overlapping action; the one prediction must pair with the required item."""
    from extract.evaluation.gold import GoldFile
    from extract.evaluation.structure import score_deadlines
    from extract.evaluation.text import Folded
    from extract.schema import Deadline, Document

    text = "原试点地区应于2028年底前基本实现平稳过渡。"
    gold = GoldFile.model_validate({"file": "x.txt", "deadlines": [
        {"due": "2028-12-31", "action": "实现平稳过渡", "optional": True},
        {"due": "2028-12-31", "action": "基本实现平稳过渡", "actor": "原试点地区"}]})
    doc = Document(id="x", text=text, deadlines=[Deadline(due="2028-12-31", action="基本实现平稳过渡", start=0, end=len(text))])
    counts, issues = score_deadlines("x.txt", gold, doc, Folded.of(text))
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0), issues
