"""h-dm12 (round 12): a holiday period valued across the items of a page (the days off stated
in another brief), and the remaining date families of the development sets. Sentences of our own."""
from extract import parse
from extract.dates import extract_dates
from extract.dates.periods import document_periods

BRIEFS = ("### 国内联播快讯\n\n<p><strong>央视网消息</strong>（新闻联播）：</p>"
          "<p><strong>端午假期全国出游人数稳步增长</strong></p>"
          "<p>据测算，端午假期（5月31日至6月2日），全国出游1.1亿人次，同比增长5%。</p>"
          "<p><strong>端午假期口岸出入境人员增长</strong></p>"
          "<p>国家移民管理局今天通报，端午假期共590万人次出入境，较去年同期增长2.7%。</p>")


def _dates(doc):
    return [(m.text, m.value, m.article) for m in doc.mentions if m.type == "date"]


def test_holiday_period_takes_the_days_stated_in_another_item():
    doc = parse(BRIEFS, published="2025-06-03")
    got = _dates(doc)
    assert len({a for _, _, a in got}) > 1  # the page is read as several items
    assert [(t, v) for t, v, _ in got if t in ("端午", "去年同期")] == [
        ("端午", "2025-05-31/2025-06-02")] * 4 + [("去年同期", "2024-05-31/2024-06-02")]


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
