"""Eligibility written in prose on real articles (../shared/corpus-dev, skipped where absent):
a heading 申领对象： whose answer is on the next line, people split at 和, a statement
before back-to-back ways of doing one thing joining each way; and on the bulk files, the
prose subject rule adding nothing where no one qualifies (符合条件的… is no condition)."""
from __future__ import annotations

import extract
from conftest import bulk_files, dev_article, dev_gold
from extract.deadlines import extract_deadlines
from extract.dates import extract_dates
from extract.procedures.conditions import statements


def _doc(prefix: str):
    path = dev_article(prefix)
    return extract.parse_file(str(path), published=dev_gold(prefix)["meta"].get("published"))


def _conditions(doc) -> list[str]:
    return [c.text for p in doc.procedures for c in p.conditions]


def test_105_heading_with_colon_answer_on_next_line_split_at_he():
    conditions = _conditions(_doc("105"))
    assert "年满60周岁以上的户籍老年人" in conditions
    assert any(c.startswith("持有本市有效居住证件的常住外埠老年人，包括驻穗部队离退休军人") for c in conditions)
    assert not any(c.startswith("年满60周岁以上的户籍老年人和") for c in conditions)


def test_109_statement_before_online_and_offline_claims_joins_both():
    doc = _doc("109")
    having = [p for p in doc.procedures if any(c.text.startswith("在保障期内") for c in p.conditions)]
    assert len(having) == 2
    # the third way, far below, is not in the run
    assert all("异地" not in (p.goal or "") for p in having)


def test_prose_subject_never_a_generic_or_reported_subject():
    for path in bulk_files("xwlb_2024*")[:400]:
        doc = extract.parse_file(str(path))
        for _, _, items in statements(doc.text):
            for c in items:
                assert not c.text.startswith(("符合条件", "记者"))


def test_turned_away_deadline_date_is_no_longer_a_deadline_mention():
    text = "据介绍，全市今年年底前将有20家社区医院建成投用。参保人员须在2025年12月31日前完成缴费。"
    mentions = extract_dates(text, "2025-03-01")
    deadlines = extract_deadlines(text, mentions, "2025-03-01")
    assert [d.due for d in deadlines] == ["2025-12-31"]
    roles = {m.text: m.role for m in mentions}
    assert roles["2025年12月31日"] == "deadline"
    forecast = [m for m in mentions if "年底" in m.text]
    assert forecast and all(m.role != "deadline" for m in forecast)
