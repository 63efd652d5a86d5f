"""h-dm12 (round 12): a holiday period valued across the items of a page (the days off stated
in another brief), and the remaining date families of the development sets. Sentences of our own."""
import pytest

from extract import parse
from extract.dates import extract_dates
from extract.dates.examples import load_examples
from extract.dates.periods import document_periods

PAGES = load_examples("dates")["pages"]


def _dates(doc):
    return [(m.text, m.value, m.article) for m in doc.mentions if m.type == "date"]


@pytest.mark.parametrize("case", PAGES, ids=lambda c: str(c["ref"]))
def test_page_examples(case):
    doc = parse(case["page"], published=str(case["ref"]))
    got = _dates(doc)
    assert len({a for _, _, a in got}) > 1  # the page is read as several items
    names = {t for t, _ in case["dates"]}
    assert [(t, v) for t, v, _ in got if t in names] == [tuple(x) for x in case["dates"]]


def _shifted(texts, ref):
    """The mentions of several items as one document's (offsets in the joined text)."""
    out, at = [], 0
    for i, t in enumerate(texts):
        for m in extract_dates(t, ref):
            m.start, m.end, m.article = m.start + at, m.end + at, i
            out.append(m)
        at += len(t) + 1
    return "\n".join(texts), out


def test_another_festival_or_year_does_not_give_its_days():
    # 国庆's days are not 中秋's; a range of 2024 does not hold a 2025 holiday's day
    text, out = _shifted(["国庆假期（10月1日至8日）出游人数创新高。", "中秋假期，全国交通平稳。"], "2025-10-09")
    document_periods(text, out)
    assert [(m.text, m.value) for m in out if m.rule == "holiday"] == [
        ("国庆", "2025-10-01/2025-10-08"), ("中秋", "2025-10-06")]
    text, out = _shifted(["2024年清明假期（4月4日至6日）出游1.2亿人次。", "清明假期，交通平稳。"], "2025-04-07")
    document_periods(text, out)
    assert [(m.text, m.value) for m in out if m.rule == "holiday"][-1] == ("清明", "2025-04-04")


def test_two_ranges_of_the_same_holiday_give_none():
    text, out = _shifted(["五一假期（5月1日至5日）出游人数创新高。", "五一假期（5月1日至3日）门诊量。",
                          "五一假期，交通平稳。"], "2025-05-06")
    document_periods(text, out)
    assert [(m.text, m.value) for m in out if m.rule == "holiday"][-1] == ("五一", "2025-05-01")
