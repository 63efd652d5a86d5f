"""benchmarks/bench_real_peer.py's scoring on a synthetic document (no ../shared, no JioNLP):
the same matching as `hnx eval` (strict / partial, optional items excused), the date
interval rule at the gold's grain (open spans X起 / X前, parts of a day, mods), and the
money rule (numbers and currency, 多 as a range from the value)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys

from conftest import ROOT

from extract.evaluation.gold import GoldMention

_spec = importlib.util.spec_from_file_location("bench_real_peer", ROOT / "benchmarks" / "bench_real_peer.py")
brp = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_real_peer", brp)  # dataclasses look their module up
_spec.loader.exec_module(brp)

D = dt.datetime
REF = D(2025, 8, 22)


def day(y, m, d):
    return D(y, m, d), D(y, m, d, 23, 59, 59)


def test_date_value_rule_at_the_gold_grain():
    ok = brp.date_value_ok
    assert ok("2025-08-22", None, day(2025, 8, 22))
    assert not ok("2025-08-22", None, day(2025, 8, 23))
    assert ok("2025", None, (D(2025, 1, 1), D(2025, 12, 31, 23, 59, 59)))
    assert not ok("2025", None, day(2025, 8, 22))               # finer, and the gold has no mod
    assert ok("2025", "END", (D(2025, 12, 1), D(2025, 12, 31, 23, 59, 59)))  # 年底 narrowed
    assert ok("2024-Q1", None, (D(2024, 1, 1), D(2024, 3, 31, 23, 59, 59)))
    assert ok("2011-04-21", None, (D(2011, 4, 21, 7), D(2011, 4, 21, 11, 59, 59)))  # 昨日上午
    assert ok("2022-11-24T05:30", None, (D(2022, 11, 24, 5, 30, 58),) * 2)   # minute precision
    assert not ok("2022-11-24T05:30", None, (D(2022, 11, 24, 5, 31),) * 2)
    assert ok("2016-06-20T17:12:55", None, (D(2016, 6, 20, 17, 12, 55),) * 2)
    assert ok("2019-07-01", None, (D(2019, 7, 1), None), "end")   # 2019年7月1日起 -> [day, inf]
    assert ok("2026", "END", (REF, D(2026, 12, 31, 23, 59, 59)), "start")  # 2026年底前
    assert not ok("2019-07-01", None, (D(2019, 7, 2), None), "end")
    assert ok("2020-XX-XX", None, day(2020, 1, 1)) is None        # not judged for either tool
    assert not ok("2025-08-22", None, None)


def test_jio_interval_reads_open_spans():
    ref_end = D(2025, 8, 22, 23, 59, 59)
    assert brp.jio_interval(["2019-07-01 00:00:00", "2025-08-22 23:59:59"], "time_span", REF) == (
        (D(2019, 7, 1), ref_end), "end")
    assert brp.jio_interval(["2025-01-01 00:00:00", "inf"], "time_span", REF) == ((D(2025, 1, 1), None), "end")
    assert brp.jio_interval(["2025-08-22 00:00:00", "2026-12-31 23:59:59"], "time_span", REF)[1] == "start"
    assert brp.jio_interval(["2025-08-22 00:00:00", "2025-08-22 23:59:59"], "time_point", REF) == (
        (REF, ref_end), None)
    assert brp.jio_interval({"delta": {"day": 3}}, "time_delta", REF) == (None, None)


def test_money_value_rule():
    ok = brp.money_value_ok
    assert ok((200.0,), "CNY", None, (200.0,), "CNY")
    assert ok((200.0,), "CNY", None, (200.0,), None)               # no currency named: 元
    assert not ok((200.0,), "CNY", None, (200.0,), "USD")
    assert not ok((200.0,), "CNY", None, (2000.0,), "CNY")
    assert ok((6e11,), "CNY", "MORE_THAN", (6e11, 7e11), "CNY")   # 6000多亿元 as JioNLP's range
    assert not ok((6e11,), "CNY", None, (6e11, 7e11), "CNY")
    assert ok((3e4, 5e4), "CNY", None, (3e4, 5e4), "CNY")


def test_scoring_on_a_synthetic_document():
    text = "今天（8月22日），每人每月200元，2019年7月1日起施行。另有3天内办结。"
    gold = [GoldMention(type="date", text="今天", value="2025-08-22"),
            GoldMention(type="date", text="8月22日", value="2025-08-22"),
            GoldMention(type="money", text="每人每月200元", value=200, currency="CNY", per=["人", "月"]),
            GoldMention(type="date", text="2019年7月1日", value="2019-07-01"),
            GoldMention(type="date", text="3天内", value="2025-08-22", optional=True)]

    def at(s, **kw):
        i = text.index(s)
        return brp.Pred(kw.pop("type", "date"), s, i, i + len(s), **kw)

    preds = [at("8月22日", interval=day(2025, 8, 22)),                      # JioNLP: 今天 merged away
             at("200元", type="money", numbers=(200.0,), currency="CNY"),    # per words left out
             at("2019年7月1日起", interval=(D(2019, 7, 1), None), open_side="end"),
             at("3天内", interval=(REF, D(2025, 8, 25, 23, 59, 59))),        # optional gold: excused
             at("施行", interval=day(2020, 1, 1))]                            # spurious
    totals = brp.new_totals()
    errors: list = []
    brp.score_file(text, gold, preds, totals, errors, "synthetic")
    date, money = totals["date"], totals["money"]
    # strict: only 8月22日 has the same text; 2019年7月1日起 differs; 3天内 is excused
    assert (date["strict"].tp, date["strict"].fp, date["strict"].fn) == (1, 2, 2)
    # partial: 2019年7月1日起 overlaps its gold; 今天 still missed; 施行 spurious
    assert (date["partial"].tp, date["partial"].fp, date["partial"].fn) == (2, 1, 1)
    assert (money["strict"].tp, money["strict"].fn) == (0, 1)
    assert (money["partial"].tp, money["partial"].fp, money["partial"].fn) == (1, 0, 0)
    assert (date["value"].correct, date["value"].total) == (2, 2)
    assert (money["value"].correct, money["value"].total) == (1, 1)
    assert date["hnx_eval_value"].total == 0                         # only hnx's own mentions have one
    kinds = sorted((e["kind"], e["type"], e.get("gold") or e.get("pred")) for e in errors)
    assert kinds == [("missed", "date", "今天"), ("spurious", "date", "施行")]
    out = brp.as_json(totals)
    assert out["date"]["partial"]["f1"] == round(4 / 6, 4)
