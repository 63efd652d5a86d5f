"""A CMS fragment (no <body>, no links) whose opening lines and table come before its longest
block of prose: everything is the article's (a tender notice's first lines were cut away when the
prose block held more than 4/5 of the text). The page below is written for this test."""
from extract import parse


def _fragment() -> str:
    head = ('<tr>\n</tr>\n<td>&nbsp;</td>\n'
            '<div align="left">某某招标代理有限公司受某某市第一人民医院委托对下列采购项目进行竞争性谈判</div>\n'
            '<div align="left">1、招标文书编号：ABC2015001</div>\n'
            '<div align="left">2、招标项目内容：某某市第一人民医院医用监护设备采购项目</div>\n'
            '<table><tr><td>项目名称</td><td>用途</td><td>数量</td><td>采购单位</td></tr>'
            '<tr><td>医用监护设备采购项目</td><td>详见标书</td><td>1</td><td>某某市第一人民医院</td></tr></table>\n')
    lines = [f"{i}、供应商应当按照谈判文件的要求提交响应文件，并对其真实性负责，逾期送达的不予受理。"
             for i in range(3, 25)]
    prose = '<div align="left">' + "".join(f"<div>{line}</div>\n" for line in lines) + "</div>\n"
    return "<?php exit;?>2015-08-18 10:58:59<br />\n" + head + prose


def test_fragment_keeps_its_opening_lines_and_table():
    doc = parse(_fragment(), source="tender.php")
    assert doc.text.startswith("某某招标代理有限公司受某某市第一人民医院委托")
    assert "1、招标文书编号：ABC2015001" in doc.text
    assert "医用监护设备采购项目" in doc.text
    assert "24、供应商应当按照谈判文件的要求提交响应文件" in doc.text


def test_fragment_with_a_link_list_still_loses_it():
    """The rule takes the whole fragment only when it holds no link at all."""
    links = "".join(f'<div><a href="/n{i}.html">相关新闻标题第{i}条关于医疗器械的报道</a></div>\n' for i in range(8))
    doc = parse(_fragment() + links, source="tender.php")
    assert "相关新闻标题第3条" not in doc.text
