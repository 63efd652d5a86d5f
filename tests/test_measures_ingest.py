"""Ingest families the rest of the suite did not pin (mutants of benchmarks/mutate.py that
survived): the WeChat script variables that hold a post's publication time, and chrome found
by a substring of an element's class. Pages written for the test, in the shape of a WeChat
post."""
from __future__ import annotations

import pytest

import extract
from extract.options import Options

INGEST_ONLY = Options(components=())
BODY = "<p>" + "参保人员可通过国家医保服务平台APP办理异地就医备案，备案后即可在就医地直接结算。" * 3 + "</p>"


def wechat_page(script: str = "", inside: str = "") -> str:
    return (f"<html><head><title>异地就医备案这样办</title></head><body>"
            f"<div id='js_content' class='rich_media_content'>{BODY}{inside}<p>备案后可在就医地直接结算。</p></div>"
            f"<script>var nickname = \"椰城医保\";\n{script}</script></body></html>")


@pytest.mark.parametrize("script,published", [
    pytest.param('var publish_time = "2024-03-08" || "";', "2024-03-08", id="ingest.pattern.wechat_time"),
    # 2024-03-07T20:00Z: already 8 March in Beijing, where WeChat dates its posts
    pytest.param('var ct = "1709841600";', "2024-03-08", id="ingest.pattern.wechat_ct"),
])
def test_wechat_script_variable_gives_the_publication_date(script, published):
    doc = extract.parse(wechat_page(script), options=INGEST_ONLY)
    assert doc.meta.published == published
    assert doc.meta.sources["published"] == "html_meta"


def test_page_without_a_date_gets_none():
    assert extract.parse(wechat_page(), options=INGEST_ONLY).meta.published is None


def test_chrome_found_by_a_class_substring_is_dropped():
    """ingest.chrome.drop_substrings: js_appendqrcode_area and article_adlist_box are chrome
    although no class token (split on - _ and spaces) is a chrome word; they sit inside the
    post's body, between two of its paragraphs."""
    inside = ("<div class='js_appendqrcode_area'>关注本公众号，获取更多医保资讯</div>"
             "<div class='article_adlist_box'>限时优惠体检套餐</div>")
    doc = extract.parse(wechat_page(inside=inside), options=INGEST_ONLY)
    assert "国家医保服务平台APP办理异地就医备案" in doc.text and doc.text.endswith("备案后可在就医地直接结算。")
    assert "关注本公众号" not in doc.text and "体检套餐" not in doc.text


# A notice whose only date stands after its body, beyond the head that ingest/datelines.py
# reads (20 lines): the fallbacks of extract/ingest/patterns.yaml (dateline_*) find it.
BODY_LINES = "\n".join(f"{i}. 参保人员可通过国家医保服务平台APP办理异地就医备案，备案后即可在就医地直接结算。"
                       for i in range(1, 26))


@pytest.mark.parametrize("ending", [
    pytest.param("某某市医疗保障局\n2024年3月8日", id="ingest.pattern.dateline_signature"),
    pytest.param("来源：某某市医疗保障局 2024-03-08", id="ingest.pattern.dateline_source"),
    pytest.param("成文日期：2024年3月8日", id="ingest.pattern.dateline_labelled"),
    pytest.param("2024-03-08 10:20:31", id="ingest.pattern.dateline_timestamp"),
])
def test_a_date_after_a_long_body_is_the_publication_date(ending):
    text = f"关于做好2024年城乡居民医保集中缴费工作的通知\n\n各区医保分局：\n{BODY_LINES}\n\n{ending}\n"
    meta = extract.parse(text, options=INGEST_ONLY).meta
    assert (meta.published, meta.sources.get("published")) == ("2024-03-08", "text")


def test_a_long_body_without_a_date_gets_none():
    text = f"关于做好城乡居民医保集中缴费工作的通知\n\n各区医保分局：\n{BODY_LINES}\n\n某某市医疗保障局\n"
    assert extract.parse(text, options=INGEST_ONLY).meta.published is None


@pytest.mark.parametrize("notice,outlet", [
    ("本文转载自：健康时报", "健康时报"),
    ("转自：江城日报", "江城日报"),
    ("稿件来源：人民网", "人民网"),
])
def test_a_repost_notice_at_the_end_names_the_outlet(notice, outlet):
    """ingest.datelines.repost (extract/ingest/datelines.yaml): a repost notice anywhere on the
    page names the story's outlet, here after the body, where no dateline is read."""
    body = "\n".join("参保人员可通过国家医保服务平台APP办理异地就医备案，备案后即可在就医地直接结算。" for _ in range(6))
    meta = extract.parse(f"异地就医备案这样办\n\n{body}\n\n{notice}\n", options=INGEST_ONLY).meta
    assert (meta.outlet, meta.sources.get("outlet")) == (outlet, "text")


def test_a_page_without_a_source_names_no_outlet():
    body = "\n".join("参保人员可通过国家医保服务平台APP办理异地就医备案，备案后即可在就医地直接结算。" for _ in range(6))
    assert extract.parse(f"异地就医备案这样办\n\n{body}\n", options=INGEST_ONLY).meta.outlet is None
