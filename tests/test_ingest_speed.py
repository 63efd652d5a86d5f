"""The line stage's shortcuts give the answers of the plain scans they replace (issue 13,
sixth round): the chrome-line patterns split into opening / closing / floating scans."""
from __future__ import annotations

import re

import pytest

from extract.ingest.boilerplate import ChromeLines, _uncased_words, rules
from extract.ingest.linescan import lines_holding

try:
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser

from conftest import bulk_files

# lines of our own: chrome a portal prints, and body lines that only look like it
OWN_LINES = [
    "责任编辑：王小明", "（编辑：李华）", "来源：市卫健委 编辑：张敏 审核：刘强", "Copyright © 2025 某某网",
    "copyright 2025", "© 2025 版权所有", "粤ICP备12345678号", "京icp 备 0000号", "浙公网安备 33010602000001号",
    "A+大 A+中 A+小", "a+大a+中a+小", "【大 中 小】", "大 中 小 ]", "阅读 1.2万 在看 30", "1234次", "-次",
    "扫描下方二维码关注我们", "长按二维码，关注公众号", "扫描下方二维码填写报名表后提交", "下载APP阅读更多精彩内容",
    "打开客户端查看更多", "记得把我们设为星标置顶公众号", "本文版权归原作者所有，如有侵权请联系删除", "手机版",
    "_联系我们_", "更多资讯请下载本地新闻APP", "本文来自：江州新闻网", "转载请注明出处", "听全文", "网站地图",
    "当前位置：首页 > 新闻", "您现在所在的位置：首页", "字号：大 中 小", "【纠错】", "浏览次数：1024",
    # body text
    "参保人可通过国家医保服务平台APP办理异地就医备案。", "今年起，门诊报销比例提高到60%。", "大病保险起付线下调。",
    "各地要做好准备工作，确保政策落地。", "二维码印在就诊卡背面，患者扫码即可查询。", "第3次调整", "编辑部地址见下方",
]


def _one_alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _matches(chrome: ChromeLines, t: str) -> bool:
    floating = lines_holding(t, chrome.floating_words)
    return chrome.match(t, floating is None or 0 in floating)


def test_chrome_lines_answer_as_one_alternation_on_own_lines():
    patterns = rules()["drop_lines"]
    chrome, whole = ChromeLines(patterns, re.I), _one_alternation(patterns)
    answers = [(t, bool(whole.match(t)), _matches(chrome, t)) for t in OWN_LINES]
    assert [a for a in answers if a[1] != a[2]] == []
    assert sum(a[1] for a in answers) >= 30  # the chrome lines are chrome, so this compares matches too


def test_chrome_lines_sort_the_patterns():
    chrome = rules()["drop_lines_rx"]
    assert chrome.opening.match("责任编辑：王小明") and chrome.opening.match("copyright 2025")
    assert chrome.opening.match("今年起门诊报销比例提高") is None  # turned down at its first character
    assert {"次", "小"} <= chrome.closing_chars
    assert chrome.floating.match("粤ICP备12345678号")
    words = set(chrome.floating_words.pattern.split("|"))
    assert "ICP" not in words and "备" in words  # ICP folds case: its needed word 备 is looked for instead


def test_uncased_words_skip_case_folding_literals():
    parse = lambda p: list(_parser.parse(p))  # noqa: E731
    assert _uncased_words(parse(r".{0,40}ICP\s*备")) == {"备"}
    assert _uncased_words(parse(r"[^\n]{0,10}(?:下载|打开)[^\n]{0,12}(?:APP|客户端)更多")) == {"更多"}
    assert _uncased_words(parse(r"(?:下载|打开)?APP")) is None  # an optional group is no need


def test_chrome_lines_answer_as_one_alternation_on_bulk_lines():
    files = bulk_files("*")
    if not files:
        pytest.skip("../shared/corpus-dev/bulk is absent")
    patterns = rules()["drop_lines"]
    chrome, whole = ChromeLines(patterns, re.I), _one_alternation(patterns)
    differ, matched = [], 0
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        floating = lines_holding(text, chrome.floating_words)
        for k, line in enumerate(text.split("\n")):
            t = line.strip().lstrip("↑↓▲▼☝👆👇•· ")
            if not t:
                continue
            expected = bool(whole.match(t))
            matched += expected
            if expected != chrome.match(t, floating is None or k in floating):
                differ.append((f.name, t[:60]))
    assert differ == []
    assert matched > 0


def test_last_call_wrappers_of_one_and_two_arguments_compare_identity():
    from extract.lastcall import for_last_call

    calls = []

    @for_last_call
    def one(text):
        calls.append(text)
        return [len(text)]

    @for_last_call
    def two(lex, text):
        calls.append((lex, text))
        return [lex, len(text)]

    a, b = "医保缴费。" * 3, "".join(["医保缴费。"] * 3)
    assert one(a) is one(a) and len(calls) == 1
    assert one(b) == one(a) and len(calls) == 3  # an equal copy is another object: computed
    lex = object()
    first = two(lex, a)
    assert two(lex, a) is first and len(calls) == 4
    assert two(object(), a) is not first and two(lex, b) is not first and len(calls) == 6
    with pytest.raises(TypeError):
        one(a, a)  # the wrapper takes the function's arguments


# our own lines for the dateline patterns: a source line, a masthead, a signature, stamps
DATELINE_TEXT = ("江城健康导报 2024年10月15日 星期二\n关于做好2025年度医保缴费工作的通知\n"
                 "发布时间：2024-10-15 来源：江城市医疗保障局\n各参保人：\n缴费期为2024年9月1日至12月31日。\n"
                 "来源：江城市医疗保障局 2024年10月15日\n江城市医疗保障局\n2024年10月15日\n"
                 "最后更新 2024-10-16 09:30，截至2024-12-31 24:00前，更新于2024-10-17 08:00")


def test_line_start_patterns_searched_after_a_newline_find_the_same_matches():
    from extract.ingest.meta import after_newline, patterns

    for key in ("dateline_masthead", "dateline_source", "dateline_signature"):
        rx, nl = patterns()[key], after_newline(key)
        for text in (DATELINE_TEXT, DATELINE_TEXT.split("\n", 1)[1], ""):
            expected = [(m.start(), m.group("date")) for m in rx.finditer(text)]
            assert [(m.start(), m.group("date")) for m in nl.finditer("\n" + text)] == expected
    assert [m.group("date") for m in after_newline("dateline_signature").finditer("\n" + DATELINE_TEXT)] == [
        "2024年10月15日"]
    with pytest.raises(ValueError):
        after_newline("dateline_labelled")  # not anchored at a line's start


def test_dateline_patterns_open_with_what_the_engine_can_skip_to():
    from extract.ingest.meta import patterns

    p = patterns()
    assert p["dateline_labelled"].search(DATELINE_TEXT).group("date") == "2024-10-15"
    stamps = [m.group("date") for m in p["dateline_timestamp"].finditer(DATELINE_TEXT)]
    assert stamps == ["2024-10-16"]  # not 截至…24:00前 nor 更新于…: only the stamp
    assert p["dateline_timestamp"].search("12024-10-16 09:30") is None  # a digit before the year
    assert p["dateline_timestamp"].search("/2024-10-16 09:30") is None


def test_sniff_reads_markdown_signals_at_line_starts():
    from extract.ingest.sniff import sniff

    assert sniff("标题\n\n- 第一项\n- 第二项\n\n**加粗**说明") == "markdown"
    assert sniff("正文 - 不是列表\n2024-10-15 发布") == "text"


def test_wechat_account_reads_the_lines_holding_its_words():
    from extract.ingest.exports import wechat_account

    text = ("扫描下方二维码，关注“岛城医保”\n正文第一段。\n欢迎关注“江城医保”微信公众号\n"
            "更多资讯请关注“江城医保”公众号")
    assert wechat_account(text) == "江城医保"  # named twice, on two lines
    assert wechat_account("扫描下方二维码，关注“岛城医保”") == "岛城医保"
    assert wechat_account("正文里没有账号。\n第二行。") is None


def test_clean_of_a_normalized_text_skips_nothing():
    from extract.ingest.lines import clean, normalize_chars
    from extract.offsets import Mapped

    raw = "２０２４年６月１日\u3000发布\r\n责任编辑：王小明\r\n参保人可于６月３０日前　办理。\u2028第二段"
    m = Mapped.identity(raw)
    once, ocr = clean(m, "text")
    again, ocr2 = clean(normalize_chars(m), "text", normalized=True)
    assert (again.text, again.pos, ocr2) == (once.text, once.pos, ocr)
    assert "２" not in once.text and "\r" not in once.text and "责任编辑" not in once.text
