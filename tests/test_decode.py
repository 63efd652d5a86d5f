"""Encodings: BOMs, UTF-8, GBK/GB18030, Big5, <meta charset>, undecodable input."""
from __future__ import annotations

import codecs

import pytest

import extract
from extract.ingest.decode import DecodeError, decode

TEXT = "国家医疗保障局发布通知：2024年城乡居民医保个人缴费标准为每人每年380元，请参保人员于12月31日前完成缴费。"
TRAD = "國家醫療保障局發布通知：參保人員應於十二月三十一日前完成繳費，醫院門診報銷比例為百分之七十。"


@pytest.mark.parametrize("encoding,text", [
    ("utf-8", TEXT), ("gbk", TEXT), ("gb18030", TEXT), ("big5", TRAD),
], ids=["utf8", "gbk", "gb18030", "big5"])
def test_undeclared_encodings_are_detected(encoding, text):
    dec = decode(text.encode(encoding))
    assert dec.text == text


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
], ids=["utf8-bom", "utf16le-bom", "utf16be-bom"])
def test_byte_order_marks(bom, encoding):
    dec = decode(bom + TEXT.encode(encoding))
    assert dec.text == TEXT


def test_meta_charset_is_honoured():
    page = f'<html><head><meta charset="gb2312"></head><body><p>{TEXT}</p></body></html>'
    dec = decode(page.encode("gbk"))
    assert TEXT in dec.text and dec.declared == "gb2312" and dec.encoding == "gb18030"


def test_wrong_declaration_loses_to_valid_utf8():
    page = f'<html><head><meta charset="gb2312"></head><body><p>{TEXT}</p></body></html>'
    dec = decode(page.encode("utf-8"))
    assert TEXT in dec.text and dec.encoding == "utf-8"


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,                      # binary noise with NUL bytes
    b"\x89PNG\r\n\x1a\n" + b"\x00\x10IHDR" * 50,  # an image
], ids=["noise", "png"])
def test_undecodable_raises_clear_error(data):
    with pytest.raises(DecodeError) as e:
        decode(data)
    assert "binary" in str(e.value) or "cannot decode" in str(e.value)


def test_gbk_html_page_end_to_end(tmp_path, ingest_only):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
            '<title>医保缴费通知_某市政府网</title></head><body><div class="main"><h1>医保缴费通知</h1>'
            f'<p>{TEXT}</p><p>具体事宜请咨询当地医保经办机构，咨询电话12393，感谢您的支持与配合。</p></div></body></html>')
    f = tmp_path / "gbk_page.html"
    f.write_bytes(page.encode("gbk"))
    doc = extract.parse_file(f, options=ingest_only)
    assert not doc.errors
    assert doc.encoding == "gb18030"
    assert TEXT in doc.text
    assert doc.meta.title == "医保缴费通知"


def test_big5_text_end_to_end(tmp_path, ingest_only):
    f = tmp_path / "big5.txt"
    f.write_bytes((TRAD + "\n\n" + TRAD).encode("big5"))
    doc = extract.parse_file(f, options=ingest_only)
    assert not doc.errors and doc.encoding == "big5hkscs"
    assert TRAD in doc.text


# -- repair: what cannot be decoded whole is decoded in part, and said -------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(encoding):
    dec = decode((TEXT + "\n" + TEXT).encode(encoding))
    assert dec.text == TEXT + "\n" + TEXT and dec.encoding == encoding and not dec.problems


def test_ascii_utf16_without_byte_order_mark():
    dec = decode("Notice: payment due 2024-12-31\n".encode("utf-16-le") * 4)
    assert dec.text.startswith("Notice: payment due") and dec.encoding == "utf-16-le"


def test_truncated_utf16_keeps_all_but_the_half_character():
    dec = decode(codecs.BOM_UTF16_LE + (TEXT * 2).encode("utf-16-le")[:-1])
    assert dec.text == (TEXT * 2)[:-1] + "\ufffd"
    assert len(dec.problems) == 1 and "ends inside a character" in dec.problems[0]


def test_one_replacement_character_per_undecodable_byte():
    """Raw offsets index the decoded text: each undecodable byte is one U+FFFD, so the
    characters after it keep their place whatever the damage."""
    good = TEXT.encode()
    for bad in (b"\xff", b"\xff\xfe", b"\x80\x80\x80"):
        dec = decode(good + bad + good)
        assert dec.text == TEXT + "\ufffd" * len(bad) + TEXT


def test_mixed_regions_keep_ascii_trail_bytes():
    """A GBK character whose trail byte is ASCII (丂 = 81 40) inside UTF-8 text."""
    data = TEXT.encode() + "丂乂乃".encode("gbk") + "医保局通知".encode("gbk") + TEXT.encode()
    dec = decode(data)
    assert dec.text == TEXT + "丂乂乃医保局通知" + TEXT and dec.encoding == "utf-8+gb18030"


def test_declared_big5_that_is_gbk():
    page = f'<html><head><meta charset="big5"></head><body><p>{TEXT}{TEXT}</p></body></html>'
    dec = decode(page.encode("gbk"))
    assert TEXT in dec.text and dec.encoding == "gb18030"
    assert dec.problems and "declared charset big5" in dec.problems[0]


def test_declared_transforming_codec_is_ignored():
    page = '<meta charset="unicode_escape"><p>\\u4e2d ' + TEXT + "</p>"
    dec = decode(page.encode("utf-8"))
    assert "\\u4e2d" in dec.text and dec.encoding == "utf-8"
    dec = decode(page.encode("gbk"))
    assert "\\u4e2d" in dec.text and dec.encoding == "gb18030"


def test_garbage_is_said_to_be_garbled():
    dec = decode(bytes((i * 37 + 11) % 128 + 128 for i in range(3000)))
    assert any("garbled" in p for p in dec.problems)
