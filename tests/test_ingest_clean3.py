"""Cleaning round 3 (issue 12): body text lost from B2B-portal fragments (`webtct_*.php`:
`<?php exit;?>` + timestamp + an HTML fragment).
- an editor's own list class (UEditor's `<ul class="list-paddingleft-2">`) is no chrome: `list`
  marks chrome only on an element that is mostly links (boilerplate.yaml: link_tokens);
- a fragment's text beside its main block, with no link in it (a bare first line typed before the
  first <div>, a notice's 文号 row between its headline and its text), is the article's
  (html._fragment_root);
- a fragment with no headline element opening with 项目名称：X takes X as its title
  (boilerplate.yaml: fragment_title_label).
Pages written for the test, and the real files where each was seen (skipped when
../shared/corpus-dev is absent; what they must hold is read from the gold files, never copied)."""
from __future__ import annotations

import html as htmllib
import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import bulk_files, html_page

import extract
from extract.options import Options

INGEST = Options(components=())
GOLD = Path(__file__).resolve().parent.parent / "corpora"
PHP = "<?php exit;?>2015-04-22 10:20:44&nbsp;"


def parse(text: str, source: str = "page.php"):
    return extract.parse(text, source=source, options=INGEST)


# --- an editor's list class -------------------------------------------------------------

ITEMS = ["传统钢针易让人产生恐惧感，婴幼儿输液时容易哭闹；",
         "输液过程中若操作不规范，可引起交叉感染，每年都有病人因此受害；",
         "输液过程中易发生鼓包等不良反应，因此导致的纠纷占三成以上。"]


def _editor_list(cls: str = " list-paddingleft-2") -> str:
    lis = "".join(f"<li><p><span>{t}</span></p></li>" for t in ITEMS)
    return (f'<p><strong>传统钢针输液的弊端</strong></p><ul class="{cls}">{lis}</ul>'
            "<p>软管输液产品由本公司研发生产，已在全国多家重点医院投入临床使用，护理人员反映良好。</p>"
            "<p>公司名称：某某医疗设备有限公司，全国招商热线欢迎垂询，期待与各地经销商合作共赢。</p>")


def test_editor_list_items_are_body_text():
    doc = parse(PHP + _editor_list())
    for t in ITEMS:
        assert t in doc.text


def test_editor_list_items_are_body_text_on_a_full_page():
    doc = parse(html_page("<div class=\"content\">" + _editor_list() + "</div>", "输液产品介绍"), "page.html")
    for t in ITEMS:
        assert t in doc.text


def test_a_list_of_links_named_list_is_still_chrome():
    links = "".join(f'<li><a href="/n{i}.html">其他医疗器械企业新闻标题第{i}条</a></li>' for i in range(6))
    page = html_page('<div class="content">' + _editor_list() + f'</div><ul class="news-list">{links}</ul>',
                     "输液产品介绍")
    doc = parse(page, "page.html")
    assert ITEMS[0] in doc.text
    assert "新闻标题第3条" not in doc.text


# --- a fragment's text beside its main block --------------------------------------------

def _tender(first: str = "项目名称：某某市第一人民医院2015年第一批医疗设备购置项目") -> str:
    rows = "".join(f"<p>{i}、投标人应当按照招标文件的要求编制投标文件，并对其真实性负责，逾期送达的不予受理。</p>"
                   for i in range(1, 16))
    return (PHP + first + "\n<div><div><div><p>招标编号：0733-15620001</p><p>招标人名称：某某市第一人民医院</p>"
            + rows + '<p>Email:<a href="mailto:a@example.com">a@example.com</a></p></div></div></div>')


def test_a_fragments_bare_first_line_is_kept():
    doc = parse(_tender())
    assert doc.text.lstrip().startswith("项目名称：某某市第一人民医院")
    assert "15、投标人应当按照招标文件的要求" in doc.text


def test_a_fragment_opening_with_its_project_name_takes_it_as_title():
    assert parse(_tender()).meta.title == "某某市第一人民医院2015年第一批医疗设备购置项目"


def test_a_field_line_that_names_no_project_gives_no_title():
    doc = parse(_tender("招标编号：0733-15620001"))
    assert doc.meta.title != "0733-15620001"


def test_a_notices_document_number_between_headline_and_text_is_kept():
    body = "".join(f"<p>　　第{i}条 各级药品监督管理部门应当加强医疗器械经营环节的监督检查，督促企业落实主体责任。</p>"
                   for i in range(1, 4))
    page = (PHP + '<table><tbody><tr><td><p align="center"><b>某某监管局关于印发医疗器械经营重点监管目录的通知</b></p>'
            '</td></tr><tr><td><p align="center">某药监械〔2015〕159号</p></td></tr>'
            '<tr><td><p align="right">2015年08月17日 发布</p></td></tr>'
            f'<tr><td><p>各市、县药品监督管理局：</p>{body}</td></tr></tbody></table>')
    doc = parse(page)
    assert "某药监械〔2015〕159号" in doc.text
    assert doc.text.index("某药监械〔2015〕159号") < doc.text.index("第1条")


def test_a_breadcrumb_beside_a_fragments_main_block_stays_out():
    prose = "".join(f"<p>第{i}段，医疗器械召回管理办法今起执行，跨国企业不再免责，生产企业应主动召回缺陷产品。</p>"
                    for i in range(8))
    page = ('<div class="loc"><a href="/">首页</a> <a href="/q">陶朱公商圈</a> <a href="/z">商圈资讯</a></div>'
            f"<div>{prose}</div>")
    doc = parse(page, "page.jsp")
    assert "第7段" in doc.text
    assert "陶朱公商圈" not in doc.text


def test_a_bare_timestamp_over_a_fragments_headline_stays_out():
    """Text beside the main block with no ideograph of its own beyond the headline (a site's
    posting date over a reposted notice) is no reason to take the whole fragment."""
    body = "".join(f"<p>　　{i}、各三级综合医院要对照指南，加强学科建设和人才培养，不断提升医疗服务能力和水平。</p>"
                   for i in range(1, 8))
    page = ('<div id="news"><div class="time">2018.11.02</div>'
            "<h3>某某委办公厅关于印发三级综合医院医疗服务能力指南的通知</h3>"
            f'<p><div class="rich_media_content">{body}</div></p></div>')
    doc = parse(page, "page.html")
    assert "7、各三级综合医院要对照指南" in doc.text
    assert "2018.11.02" not in doc.text


# --- the real files (read from ../shared, skipped when absent) ---------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")


def _gold(rel: str) -> tuple[Path, dict]:
    gold_path = GOLD / rel
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = Path(gold["file"]).name
    paths = bulk_files(name)
    if not paths:
        pytest.skip(f"bulk file {name} not present")
    return paths[0], gold


def _raw_lines(raw: str) -> list[str]:
    """The page's own lines of six ideographs or more: tags stripped, block ends as newlines."""
    s = re.sub(r"<\?php.*?\?>\s*[\d\- :]{19}", "\n", raw)
    s = re.sub(r"(?i)</?(?:p|div|br|li|td|tr|ul|table|tbody)\b[^>]*>", "\n", s)
    s = htmllib.unescape(re.sub(r"<[^>]*>", "", s))
    return [ln.strip() for ln in s.split("\n") if len(CJK.findall(ln)) >= 6]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))  # cleaning makes full-width digits ASCII


@pytest.mark.parametrize("rel", [
    "real-heldout5/webtct_1_editor.data.16_20171227.php.gold.json",      # UEditor lists
    "real-heldout5/webtct_34161_editor.data.6_20150422.php.gold.json",   # a bare first line
    "real-dev2/webtct_29528_editor.data.27_20150821.php.gold.json",      # a 文号 row
])
def test_real_fragments_lose_no_line(rel):
    path, gold = _gold(rel)
    doc = extract.parse_file(str(path), options=INGEST)
    text = _squash(doc.text)
    raw = path.read_bytes().decode("utf-8", "replace")
    missing = [ln for ln in _raw_lines(raw) if _squash(ln) not in text]
    assert missing == []
    for s in gold.get("must_contain", []):
        assert _squash(s) in text
    for s in gold.get("must_not_contain", []):
        assert s not in doc.text


def test_real_tender_fragment_takes_its_project_name_as_title():
    path, gold = _gold("real-heldout5/webtct_34161_editor.data.6_20150422.php.gold.json")
    doc = extract.parse_file(str(path), options=INGEST)
    assert doc.meta.title == gold["meta"]["title"]
