"""Shortcuts of the HTML ingest stage against the plain computations they replace: the
space runs clean_spaces scans (only those it may change) and offsets.Builder (one map put
together piece by piece) give the same text and the same raw offset for every character."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.ingest import lines
from extract.offsets import Builder, Mapped

_ALL_RUNS = re.compile(r" +")
# the characters whose neighbourhood decides what happens to a space run
_CHARS = st.sampled_from([" ", " ", " ", "a", "Z", "1", "9", "中", "文", "，", "。", "“", "\n", "%", "‰", ".", "-",
                          "٣", "²", "\x0b", "·", "é"])


def _clean_every_run(m: Mapped, aggressive: bool) -> Mapped:
    scan, lines._SPACE_EDITS = lines._SPACE_EDITS, _ALL_RUNS
    try:
        return lines.clean_spaces(m, aggressive)
    finally:
        lines._SPACE_EDITS = scan


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=14).map("".join), st.booleans())
def test_space_scan_finds_every_run_it_changes(text, aggressive):
    matched = {m.span() for m in lines._SPACE_EDITS.finditer(text)}
    assert matched <= {m.span() for m in _ALL_RUNS.finditer(text)}  # whole runs only
    m = Mapped.identity(text, 7)
    got, want = lines.clean_spaces(m, aggressive), _clean_every_run(m, aggressive)
    assert (got.text, got.pos) == (want.text, want.pos)


def test_space_scan_on_written_text():
    text = "医保 局  发布：2024 年 6 月起，报销比例 提高到 70 %。 The new  rules apply.\n 第二行 "
    for aggressive in (False, True):
        got, want = lines.clean_spaces(Mapped.identity(text), aggressive), _clean_every_run(Mapped.identity(text), aggressive)
        assert (got.text, got.pos) == (want.text, want.pos)
    assert lines.clean_spaces(Mapped.identity(text), False).text == \
        "医保 局 发布：2024年6月起，报销比例 提高到70%。The new rules apply.\n第二行"


_PIECES = st.lists(st.tuples(st.text(alphabet="ab中\n", max_size=5), st.integers(0, 50), st.booleans()), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_builder_equals_join(pieces):
    parts, out = [], Builder()
    for text, raw, flat in pieces:
        m = Mapped.flat(text, raw) if flat else Mapped.identity(text, raw)
        parts.append(m)
        if flat:
            out.flat(text.upper(), raw)
        else:
            out.copy(m, 0, len(text), text.upper())  # another text of the same length keeps the offsets
    joined, built = Mapped.join(parts, 99), out.build(99)
    assert built.pos == joined.pos and built.text == joined.text.upper() and built.raw_len == 99
    assert out.last_position() == (joined.pos[-1] if joined.pos else None)


_PAGE = ("<html><body><div id=a><p>一<b>二</b></p><ul><li>三</li><li>四<i>五</i></li></ul></div>"
         "<div id=b><p>六</p><table><tr><td>七</td><td>八</td></tr></table><p>九<a href=x>十</a></p></div></body></html>")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=6))
def test_alive_slices_equal_the_plain_test(drops):
    from extract.ingest import tree

    page = tree.parse(_PAGE)
    for k in drops:
        page.drop(page.elements_all[k % len(page.elements_all)])
    for items in (page.elements_all, page.strings_all, page.text_strings(), page.by_name["p"]):
        assert page.alive(items) == [n for n in items if page.is_live(n)]


_LINE_CHARS = st.sampled_from(["\n", "\n", "记", "者", "（", "(", "■", "通", "讯", "员", "整", "理", "a", " "])
_SCANS = ["■", r"\(|（", "整理", "通讯员|记者", "[(（]", "记者|者记", "a", "记者 "]


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_CHARS, max_size=30).map("".join), st.sampled_from(_SCANS))
def test_lines_holding_plain_words_equals_regex_scan(text, pattern):
    """A scan of a few plain words is done by str.find per word: same lines as the
    regex scan, and as asking line by line."""
    from extract.ingest import linescan

    scan = re.compile(pattern)
    assert linescan._plain_words(scan) is not None
    by_line = {k for k, ln in enumerate(text.split("\n")) if scan.search(ln)}
    assert linescan.lines_holding(text, scan) == by_line
    assert linescan._lines_finding(text, linescan._plain_words(scan)) == by_line


def test_lines_holding_keeps_regex_for_other_scans():
    from extract.ingest import linescan

    for pattern, flags in (("a.b", 0), ("[^ab]", 0), ("abc", re.I), ("记者|a+", 0),
                           ("|".join("abcdefghijklm"), 0)):  # more words than _MAX_FIND_WORDS
        assert linescan._plain_words(re.compile(pattern, flags)) is None
    assert linescan.lines_holding("xab\nAbc\nq", re.compile("abc", re.I)) == {1}


_TAIL_CHARS = st.sampled_from(["（", "）", "(", ")", "上", "海", "。", "”", "\n", " ", "a", "记", "者"])
_TAILS = [("(?:^|(?<=[。”]))[（(](?!记者)(?P<o>[\u4e00-\u9fff]{2,4})[)）]$", re.M),
          ("(?<=。)[（(][\u4e00-\u9fff]{1,3}[)）]$", 0), ("a{1,3}$", 0), ("^上海$", re.M), ("海.$", 0)]


@settings(max_examples=400, deadline=None)
@given(st.lists(_TAIL_CHARS, max_size=24).map("".join), st.sampled_from(_TAILS))
def test_search_tail_equals_search(text, tail):
    """A pattern ending in $ searched from its longest match before the end finds the
    same match as a search of the whole text (lookbehinds and ^ included)."""
    from extract.ingest.linescan import _tail_width, search_tail

    rx = re.compile(*tail)
    assert _tail_width(rx)[0] is not None
    got, want = search_tail(rx, text), rx.search(text)
    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_lead_outlet_folds_only_a_long_lines_start():
    from extract.ingest import datelines

    lead = "中国网5月13日讯" + "　" * 150 + "正文" * 300
    assert datelines.lead_outlet(lead) == datelines.lead_outlet("中国网5月13日讯 正文")
    spaced = "  " * 120 + "中国网5月13日讯 国家医保局发布通知"  # blanks past the folded prefix
    assert datelines.lead_outlet(spaced) == datelines.lead_outlet(spaced.strip())


def test_shared_lines_give_the_same_articles_and_title():
    """ingest_text splits a text without headings into Lines once, for split_articles and
    first_title: the same spans and headline as each splitting its own."""
    from pathlib import Path

    import extract
    from extract.ingest import articles

    folder = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
    texts = [extract.parse_file(str(p), options=extract.Options(components=())).text
             for p in sorted(folder.iterdir())[:60] if p.is_file() and not p.name.endswith(".json")]
    texts += ["本报讯 记者张三\n标题一行\n\n正文" * 3, "", "\n\n"]
    for text in texts:
        for ocr in (False, True):
            lines = articles.split_lines(text)
            shared = articles.split_articles(text, {}, ocr=ocr, lines=lines)
            assert [(a.start, a.end, a.title, a.byline, a.outlet) for a in shared] == \
                [(a.start, a.end, a.title, a.byline, a.outlet) for a in articles.split_articles(text, {}, ocr=ocr)]
            assert articles.first_title(text, ocr=ocr, lines=lines) == articles.first_title(text, ocr=ocr)


def test_paragraph_style_is_not_measured_without_a_blank_run(monkeypatch):
    # join_wrapped asks the paragraph style only of a text holding a blank run ("\n\n"): a
    # text without one, paragraph style or not, is joined only where a closing mark opens a line
    asked = []
    real = lines._paragraph_style
    monkeypatch.setattr(lines, "_paragraph_style", lambda t: asked.append(t) or real(t))
    long = "参保人员在定点医疗机构就医时发生的符合规定的医疗费用由统筹基金按比例支付。"
    text = "\n".join([long, long, long, "门诊费用", "，按规定报销", "住院费用"])
    assert lines.join_wrapped(Mapped.identity(text), ocr=False).text == "\n".join([long, long, long,
                                                                                 "门诊费用，按规定报销", "住院费用"])
    assert asked == []
    blank = "\n\n".join([long, long, long, "门诊费用"])
    lines.join_wrapped(Mapped.identity(blank), ocr=False)
    assert asked == [blank]


def test_wechat_account_names_the_account_followed():
    from extract.ingest.exports import wechat_account

    assert wechat_account("医保新政发布。\n请关注“岛城医保”微信公众号。\n扫描下方二维码，关注“岛城医保”") == "岛城医保"
    assert wechat_account("医保新政发布。\n门诊报销比例提高到60%。") is None
    assert wechat_account("社会各界高度关注。\n门诊报销比例提高。") is None  # a word, no account


# _article's byline scans (round 30): each scan's lines read the shortcut way (a scan found
# among a wider one's lines by `in` tests, a Closing scan off the lines' last characters, one
# scan for the patterns sharing it) against lines_holding over the joined lines
_BYLINE_LINES = st.sampled_from([
    "（记者 郑伟元 整理）", "本报记者 杨文明", "■新华社记者 韩赫 摄", "通讯员 李壮 ", "实习生 肖某某",
    "文/图 本报记者 邱某某", "南都讯 记者阳某某 通讯员粤某某 民营医疗机构", "（上海普陀）  ", "摄入盐过多（图）",
    "来源：新京报 作者｜王某", "拍摄 记录", "新华社北京3月5日电", "（完）", "正文一段。", "  ", "摄影 / 张三",
    "发自北京", "X)", "社记者", "记 者", "南都记者 杨章怀 发自北京", "（张三 整理）",
])


def _byline_scans_both_ways(texts):
    """_scan_lines against lines_holding over the joined lines: the same lines, but where a
    scan is narrowed by another set of words its pattern needs (整理, 发自 after a role word,
    round 31): there a subset, leaving out only lines its pattern does not match."""
    from extract.ingest import articles
    from extract.ingest.linescan import lines_holding

    body = [articles.Line(0, len(t), t) for t in texts]
    joined = "\n".join(texts)
    got = articles._scan_lines(body, joined)
    plan = articles._byline_scans()
    want = [lines_holding(joined, need) for _, (_, need, _, _) in plan]
    for k, (rx, (key, need, wider, words)) in enumerate(plan):
        own = wider is not None and all(any(v in w for v in plan[wider][1][3]) for w in words)
        if wider is not None and not own:
            assert got[k] <= want[k]
            patterns = [r for r, (kk, _, _, _) in plan if kk == key]
            assert not any(r.search(texts[i].strip()) for i in want[k] - got[k] for r in patterns)
            got[k] = want[k]
    return got, want


@settings(max_examples=300, deadline=None)
@given(st.lists(_BYLINE_LINES, min_size=1, max_size=8))
def test_article_scans_read_off_lines_as_the_text_scan(texts):
    got, want = _byline_scans_both_ways(texts)
    assert got == want


def test_article_scans_on_seeds():
    from pathlib import Path

    from extract.ingest import articles

    plan = articles._byline_scans()
    assert any(wider is not None for _, (_, _, wider, _) in plan)  # 记者 within 实习生|通讯员|摄影|记者
    # 整理 and 发自 read on the lines of a role word (their patterns need one)
    assert {words for _, (_, _, wider, words) in plan if wider is not None} >= {("整理",), ("发自",)}
    assert plan[-1][1][0] < len(plan) - 1  # the source tag shares a byline pattern's closing scan
    seeds = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        texts = [t for t in p.read_text(encoding="utf-8").split("\n") if t.strip()]
        got, want = _byline_scans_both_ways(texts)
        assert got == want, p.name


def test_scan_words_memo_by_identity():
    from extract.ingest import linescan

    for pattern in ("记者|通讯员", "■", r"\d+年"):
        rx = re.compile(pattern)
        assert linescan._how(rx) == (linescan._plain_words(rx), linescan._words_and_closing(rx))
        assert linescan._how(rx) is not None and linescan._HOW[id(rx)][0] is rx
    text = "第一行\n记者 张三\n2024年\n通讯员 李四"
    assert linescan.lines_holding(text, re.compile("记者|通讯员")) == {1, 3}
    assert linescan.lines_holding(text, re.compile(r"\d+年")) == {2}
