"""One test per defect of issue 14 in the per-document path (bytes -> Document):
whatever comes in, `parse_file`/`parse`/`build_document` return one Document, never
raise, keep offsets exact, and say in `errors` (stage, cause) what was damaged while
keeping everything readable. Texts are our own."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extract
from extract.ingest.decode import decode
from extract.pipeline import build_document

BODY = ("国家医疗保障局发布通知：2024年城乡居民医保个人缴费标准为每人每年380元，"
        "请参保人员于12月31日前完成缴费。\n")


def _stages(doc):
    return [e.stage for e in doc.errors]


def _assert_offsets(doc, raw: str):
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
        assert 0 <= m.raw_start <= m.raw_end <= len(raw)
    json.loads(doc.to_json())  # serializable (no lone surrogate anywhere)


# -- YAML front matter ----------------------------------------------------------

def _alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(["---", "title: 医保缴费通知", *lines, f"author: *a{levels - 1}", "date: 2024-11-20", "---"])


def test_yaml_alias_bomb_is_not_expanded(ingest_only):
    """9 levels of 9 aliases (387 million strings if expanded, a few hundred bytes):
    read without expansion, the rest of the front matter kept."""
    text = _alias_bomb() + "\n" + BODY
    assert len(text.encode("utf-8")) < 700
    doc = extract.parse(text, options=ingest_only)
    assert len(doc.to_json()) < 5000
    assert doc.meta.title == "医保缴费通知" and doc.meta.published == "2024-11-20"
    assert not doc.meta.authors
    assert any(e.stage == "front_matter" and "alias" in e.message for e in doc.errors)
    assert BODY.strip() in doc.text


def test_front_matter_impossible_date_is_no_date(ingest_only):
    doc = extract.parse("---\ntitle: 医保缴费通知\ndate: 2023-02-29\n---\n" + BODY, options=ingest_only)
    assert doc.meta.title == "医保缴费通知"
    assert doc.meta.published != "2023-02-29"
    assert BODY.strip() in doc.text


@pytest.mark.parametrize("block", [
    "title: [医保, 通知]\ndate: [2023]\nauthor: {name: {first: 张}}\nurl: 5\nsource: [x]",
    "title: {a: {b: c}}\ndate: 1700000000\nauthors: [{name: 张三}, 5, null, [李四]]",
    "title: 2024\ndate: true\nauthor: 12345\npublished: 2023-13-45",
    "title: 0x" + "f" * 5000 + "\ndate: 2024-01-02",
    "title: " + "1" * 5000,
    "title: " + "[" * 3000 + "]" * 3000,
    "? [a, b]\n: c\ntitle: 标题",
    "<<: *undefined\ntitle: 标题",
    "title: \"\\ud800标题\"\nauthor: \"\\udc80\"",
], ids=["lists", "nested", "scalars", "hex-5000", "digits-5000", "deep", "complex-key", "bad-merge",
        "surrogate-escape"])
def test_front_matter_of_wrong_types_never_raises(block, ingest_only):
    doc = extract.parse("---\n" + block + "\n---\n" + BODY, options=ingest_only)
    assert BODY.strip() in doc.text
    assert isinstance(doc.meta.title, (str, type(None)))
    assert all(isinstance(a, str) for a in doc.meta.authors or [])
    _assert_offsets(doc, doc.text)


def test_front_matter_names_in_mappings_are_read(ingest_only):
    doc = extract.parse("---\ntitle: 标题\nauthors: [{name: 张晓明}, 5, {name: [李红]}]\n---\n" + BODY,
                        options=ingest_only)
    assert doc.meta.authors == ["张晓明", "李红"]


# -- JSON-LD and JSON payloads ------------------------------------------------------

def _page(ld: str, head: str = "") -> str:
    return (f'<html><head><title>医保缴费通知_某市医保局</title>{head}<script type="application/ld+json">{ld}'
            f'</script></head><body><div class="content"><h1>医保缴费通知</h1><p>{BODY}</p></div></body></html>')


@pytest.mark.parametrize("ld", [
    '{"@graph": null}', '{"@graph": 5}', '{"@graph": "x"}', '{"@graph": {"headline": "标题"}}',
    '{"author": {"name": 5}}', '{"author": {"name": {"x": 1}}}', '{"author": [{"name": null}, 3, [1]]}',
    '{"headline": {"x": 1}, "datePublished": 20230101, "publisher": {"name": ["a", 1]}}',
    '{"datePublished": "Thu, 25 Nov 99999999999999999999 06:20:36 GMT"}',
    '[' * 5000 + ']' * 5000, '{"a":' * 3000 + '1' + '}' * 3000,
    '{"@graph": [' + ",".join(['{"author": {"name": 7}}'] * 20000) + ']}',
    '{"headline": "\\ud800标题", "author": {"name": "\\udc80"}}',
    'null', '"just a string"', '{', '',
], ids=["graph-null", "graph-number", "graph-string", "graph-mapping", "name-number", "name-mapping",
        "authors-mixed", "wrong-types", "date-overflow", "deep-list", "deep-object", "huge-array",
        "surrogates", "null", "string", "broken", "empty"])
def test_json_ld_of_any_shape_never_raises(ld, ingest_only):
    doc = extract.parse(_page(ld), options=ingest_only)
    assert BODY.strip() in doc.text
    assert doc.meta.title == "医保缴费通知"
    _assert_offsets(doc, doc.text)


def test_json_ld_author_name_list_is_read(ingest_only):
    doc = extract.parse(_page('{"@type": "NewsArticle", "author": {"name": ["张晓明", "李红"]}}'), options=ingest_only)
    assert doc.meta.authors == ["张晓明", "李红"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox(1)", "httpx://a.b/", "file:///etc/passwd"])
@pytest.mark.parametrize("where", ["json_ld", "og", "canonical", "front_matter", "payload"])
def test_only_http_urls_become_the_article_url(url, where, ingest_only):
    if where == "json_ld":
        text = _page(json.dumps({"@type": "NewsArticle", "url": url}))
    elif where == "og":
        text = _page("{}", f'<meta property="og:url" content="{url}">')
    elif where == "canonical":
        text = _page("{}", f'<link rel="canonical" href="{url}">')
    elif where == "front_matter":
        text = f"---\ntitle: 标题\nurl: '{url}'\n---\n" + BODY
    else:
        text = json.dumps({"data": {"title": "标题", "content": BODY, "url": url}}, ensure_ascii=False)
    doc = extract.parse(text, options=ingest_only)
    assert doc.meta.url is None
    assert BODY.strip() in doc.text


def test_http_url_is_kept(ingest_only):
    doc = extract.parse(_page(json.dumps({"@type": "NewsArticle", "url": "https://example.org/a/1.html"})),
                        options=ingest_only)
    assert doc.meta.url == "https://example.org/a/1.html"


@pytest.mark.parametrize("extra", ['"pubDate": NaN', '"pubDate": Infinity', '"pubDate": -1e300', '"pubDate": 1e300',
                                   '"pubDate": [1]', '"pubDate": true', '"author": [5, {"a": 1}, ["张三"]]',
                                   '"title": 5', '"source": {"name": 1}'])
def test_json_payload_fields_of_wrong_types(extra, ingest_only):
    text = '{"data": {"title": "医保缴费通知", "content": "' + BODY.strip() + '", ' + extra + '}}'
    doc = extract.parse(text, options=ingest_only)
    assert doc.text.endswith(BODY.strip())  # the content string, not the JSON
    _assert_offsets(doc, text)


def test_json_payload_with_an_escaped_lone_surrogate_is_still_read(ingest_only):
    text = '{"data": {"title": "医保缴费通知", "content": "' + BODY.strip() + '\\ud800附件"}}'
    doc = extract.parse(text, options=ingest_only)
    assert doc.text.endswith(BODY.strip() + "\ufffd附件")
    assert doc.format != "text" or '"content"' not in doc.text


# -- lone surrogates ---------------------------------------------------------------

@pytest.mark.parametrize("s", ["\ud800", "\udc80", "\udfff\ud800"], ids=["high", "low", "reversed-pair"])
def test_lone_surrogate_in_a_str(s):
    text = BODY + s + BODY
    doc = extract.parse(text, published="2024-11-01")
    assert doc.text.count("\ufffd") == len(s)
    assert any(e.stage == "decode" and "surrogate" in e.message for e in doc.errors)
    assert sum(m.type == "money" for m in doc.mentions) == 2
    _assert_offsets(doc, text)
    assert extract.parse(text, published="2024-11-01").to_json() == doc.to_json()


# -- decoding repairs what it can ----------------------------------------------------

def _decoded_mentions(data: bytes, published="2024-11-01"):
    doc = build_document(data, published=published)
    raw = decode(data).text
    _assert_offsets(doc, raw)
    for m in doc.mentions:  # untouched text: the raw span holds the same characters
        if m.type == "money":
            assert raw[m.raw_start:m.raw_end] == m.text
    return doc, raw


def test_one_corrupt_byte_keeps_the_text():
    data = BODY.encode() * 3
    data = data[:40] + b"\xff" + data[40:]
    doc, raw = _decoded_mentions(data)
    assert doc.encoding == "utf-8" and raw.count("\ufffd") == 1
    (err,) = [e for e in doc.errors if e.stage == "decode"]
    assert "1 undecodable byte" in err.message and "character 16" in err.message and "byte 40" in err.message
    assert sum(m.type == "money" for m in doc.mentions) == 3


def test_truncated_in_the_middle_of_a_character():
    data = (BODY * 3).encode()[:-3]  # "。\n" cut inside 。
    doc, raw = _decoded_mentions(data)
    assert raw.endswith("\ufffd")
    assert any(e.stage == "decode" and "ends inside a character" in e.message for e in doc.errors)
    assert sum(m.type == "money" for m in doc.mentions) == 3


def test_one_nul_byte_keeps_the_text():
    data = BODY.encode() * 3
    data = data[:30] + b"\x00" + data[30:]
    doc, raw = _decoded_mentions(data)
    assert raw[10] == "\ufffd"
    assert any(e.stage == "decode" and "1 NUL byte" in e.message and "character 10" in e.message for e in doc.errors)
    assert sum(m.type == "money" for m in doc.mentions) == 3


def test_nul_padding_at_the_end_is_dropped():
    doc, raw = _decoded_mentions(BODY.encode() * 2 + b"\x00" * 4096)
    assert raw == BODY * 2
    assert any("4096 NUL bytes of padding" in e.message for e in doc.errors)


@pytest.mark.parametrize("layout", ["lines", "inline"])
def test_page_mixing_gbk_and_utf8_is_decoded_by_region(layout):
    other = "参保人员可通过线上渠道缴费，也可前往社区服务中心办理，咨询电话为12393。\n"
    if layout == "lines":
        data = BODY.encode("gbk") + other.encode("utf-8") + BODY.encode("gbk")
    else:
        data = BODY.strip().encode("gbk") + other.strip().encode("utf-8") + BODY.encode("gbk")
    doc, raw = _decoded_mentions(data)
    assert BODY.strip() in raw and other.strip() in raw and "\ufffd" not in raw
    assert doc.encoding == "utf-8+gb18030"
    assert any(e.stage == "decode" and "mixed encodings: 2 regions" in e.message for e in doc.errors)
    assert sum(m.type == "money" for m in doc.mentions) == 2


def test_gbk_page_declaring_latin1_is_corrected():
    page = ('<html><head><meta charset="iso-8859-1"><title>医保缴费通知</title></head>'
            f'<body><div class="content"><p>{BODY * 2}</p></div></body></html>')
    doc, raw = _decoded_mentions(page.encode("gbk"))
    assert doc.encoding == "gb18030" and BODY.strip() in doc.text
    (err,) = [e for e in doc.errors if e.stage == "decode"]
    assert "declared charset iso-8859-1 does not match" in err.message and "gb18030" in err.message


def test_latin1_page_declaring_latin1_is_left_alone():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Le décret du ministère de la santé.</p></body></html>'
    dec = decode(page.encode("latin-1"))
    assert dec.encoding == "iso8859-1" and "ministère" in dec.text and not dec.problems


def test_corrupt_gbk_byte_keeps_the_rest():
    """A trail byte overwritten: its character is lost, the rest of the page is read."""
    gbk = BODY.encode("gbk")
    data = gbk * 2 + gbk[:1] + b"\xff" + gbk[2:] + gbk * 2
    doc, raw = _decoded_mentions(data)
    assert doc.encoding == "gb18030" and raw.count(BODY.strip()) == 4
    assert raw.count(BODY.strip()[1:]) == 5 and "\ufffd\ufffd" + BODY.strip()[1:] in raw
    assert any(e.stage == "decode" and "2 undecodable bytes (gb18030)" in e.message for e in doc.errors)


def test_binary_file_is_an_error_record():
    doc = build_document(b"\x89PNG\r\n\x1a\n" + b"\x00\x10IHDR" * 50)
    assert _stages(doc) == ["decode"] and "binary" in doc.errors[0].message and doc.text == ""


# -- long articles -----------------------------------------------------------------

_FILLER = ("各地医保部门持续推进经办服务下沉，把参保登记、信息变更等高频事项延伸到街道和社区。"
           "工作人员表示，群众办事时只需携带有效身份证件，窗口会一次性告知所需材料。"
           "近年来，定点医疗机构的结算流程不断优化，异地就医直接结算的覆盖面也在扩大。"
           "有关负责人介绍，下一步将继续完善便民措施，让参保群众少跑腿、好办事。\n")


def _notice(i: int) -> str:
    return (f"第{i}批参保人员应于2031年{i % 12 + 1}月{i % 28 + 1}日前缴纳个人缴费{300 + i}元，"
            f"报销比例提高到{i % 50 + 30}%。\n")


def test_article_over_a_million_characters_gets_full_extraction():
    """No max_length cap, no silent truncation: a 1.05M-character article (a notice every
    20 paragraphs) gets every notice's date, amount, percentage and deadline, the last
    ones (past character 1,000,000) at their exact offsets."""
    blocks = ["长篇医保政策汇编\n"]
    for i in range(7000):
        blocks.append(_FILLER + (_notice(i) if i % 20 == 0 else ""))
    blocks.append(_notice(99999))
    text = "".join(blocks)
    assert len(text) > 1_050_000
    doc = extract.parse(text, published="2031-01-01")
    assert not doc.errors and doc.text == text.strip()
    notices = 7000 // 20 + 1
    by_type = {t: [m for m in doc.mentions if m.type == t] for t in ("date", "money", "percent")}
    assert {t: len(ms) for t, ms in by_type.items()} == {"date": notices, "money": notices, "percent": notices}
    assert len(doc.deadlines) == notices
    for kind, surface in (("date", "2031年4月12日"), ("money", "100299元"), ("percent", "79%")):
        m = by_type[kind][-1]
        at = text.rindex(surface)
        assert at > 1_000_000
        assert (m.text, m.start, m.end) == (surface, at, at + len(surface))
        assert text[m.raw_start:m.raw_end] == surface
    assert by_type["date"][-1].value == "2031-04-12" and by_type["date"][-2].value == "2031-09-09"  # notice 6980
    last = doc.deadlines[-1]
    assert last.due == "2031-04-12" and last.start > 1_000_000
    _assert_offsets(doc, text)


def test_damaged_bytes_that_look_like_a_byte_order_mark():
    """FF FE before UTF-8 text is two damaged bytes, not UTF-16: the text is kept."""
    doc, raw = _decoded_mentions(b"\xff\xfe" + BODY.encode() * 2)
    assert raw == "\ufffd\ufffd" + BODY * 2
    assert any("byte-order mark" in e.message and "ignored" in e.message for e in doc.errors)


def test_a_zeroed_block_is_damage_not_binary():
    data = BODY.encode() + b"\x00" * 64 + BODY.encode()
    doc, raw = _decoded_mentions(data)
    assert raw == BODY + "\ufffd" * 64 + BODY
    assert any("64 NUL bytes" in e.message for e in doc.errors)


# -- clause trimming: linear, and the same spans as before ---------------------------

def _reference_trim(text: str, s: int, e: int) -> tuple[int, int]:
    """trim() as it was before it was made linear (e2bd00a): it rescanned the rest of
    the clause for each bracket or quote it stripped (31 s on a 640k-character run)."""
    from extract.procedures.clauses import _PAIRS, _TRIM

    changed = True
    while changed and s < e:
        changed = False
        while s < e and text[s] in _TRIM:
            s, changed = s + 1, True
        while e > s and text[e - 1] in _TRIM:
            e, changed = e - 1, True
        if s < e and text[s] in _PAIRS and _PAIRS[text[s]] not in text[s + 1:e]:
            s, changed = s + 1, True
        if s < e and text[e - 1] in _PAIRS.values():
            opener = next(k for k, v in _PAIRS.items() if v == text[e - 1])
            if opener not in text[s:e - 1] and opener != text[e - 1]:
                e, changed = e - 1, True
    return s, e


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet="（）()“”「」【】〔〕《》，。；：、 \u3000医保缴费a1", max_size=40), st.data())
def test_clause_trimming_gives_the_spans_it_gave_before(text, data):
    from extract.procedures.clauses import trim

    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert trim(text, s, e) == _reference_trim(text, s, e)


def test_clause_trimming_of_a_long_run_gives_the_same_span():
    """The run the growth tests time, checked for the same answer as before."""
    from extract.procedures.clauses import trim

    for text in ("国家医保局发布通知。" + "（" * 3000 + "请办理。", "“" * 3000, "请办理" + "）" * 3000 + "。",
                 "（【“《「" * 600 + "请于2024年12月31日前办理"):
        assert trim(text, 0, len(text)) == _reference_trim(text, 0, len(text))


def test_refdate_try_parse_returns_none_for_a_year_too_large_for_the_clock():
    from extract.refdate import RefDate

    assert RefDate.try_parse("Mon, 20 Nov 99999999999999999999 10:00:00 +0800") is None
    assert RefDate.try_parse("Mon, 20 Nov 2023 10:00:00 +0800").iso() == "2023-11-20"
