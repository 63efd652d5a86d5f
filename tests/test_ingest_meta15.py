"""Outlets named by their reporter as a sentence's subject, round 9 of the metadata work on
issue 12 (families read on unannotated bulk files outside /work/heldout-all.txt and every gold
set): a story with no source line whose paper is named only as the employer of the reporter
who acts in it (《法制周报》记者看到, 新京报记者根据公开数据梳理, 《第一财经日报》记者从…了解到,
告诉《某某经济报道》记者) gives the outlet over the reposting portal, as 接受某报记者采访 does
(tests/test_ingest_meta13.py). Not a paper cited as the source of a fact (据新华社记者报道),
not a programme in title marks (《焦点访谈》记者), not a picture's credit (新华社记者 韩某 摄),
not 本报记者, and not when several papers are
named so. Texts written for the test; the real files skipped when ../shared/corpus-dev is
absent."""
from __future__ import annotations

import pytest
from conftest import parsed_bulk, portal_page
from test_ingest_meta13 import INGEST, S1, parse  # the same page body and ingest-only parse

from extract.ingest.outlet_named import body_outlet


@pytest.mark.parametrize("body, outlet", [
    # the paper in title marks, its reporter the subject
    (f"<p>{S1}</p><p>在该院官网“医院简介”一栏中，《某某周刊》记者看到了这句话。</p>", "某某周刊"),
    (f"<p>{S1}</p><p>《第一财经日报》记者从多位业内人士处了解到，年底前覆盖全部社区。</p>", "第一财经日报"),
    # ... posted somewhere (驻京记者)
    (f"<p>{S1}</p><p>《某某经济周刊》驻京记者近日走访了多家医院。</p>", "某某经济周刊"),
    # ... the object of 告诉 with nothing after 记者
    (f"<p>{S1}</p><p>“效果很好。”市医保局副局长王某告诉《21世纪经济报道》记者。</p>", "21世纪经济报道"),
    # a known paper without title marks
    (f"<p>{S1}</p><p>新京报记者根据公开数据梳理发现，覆盖率已过九成。</p>", "新京报"),
])
def test_the_paper_of_the_reporter_as_subject_is_the_outlet(body, outlet):
    assert parse(portal_page(body)).meta.outlet == outlet


@pytest.mark.parametrize("body", [
    # a paper cited as the source of a fact
    f"<p>{S1}</p><p>据新华社记者报道，多地已开通移动支付。</p>",
    f"<p>{S1}</p><p>据《某某参考报》记者调查，覆盖率已过九成。</p>",
    # a programme in title marks names no outlet; the broadcaster's word for itself names none
    f"<p>{S1}</p><p>《焦点访谈》记者调查发现，仍有医院未开通。</p>",
    f"<p>{S1}</p><p>本报记者从市医保局获悉，覆盖率已过九成。</p>",
    # two papers: which is the story's?
    f"<p>{S1}</p><p>新京报记者根据公开数据梳理发现，覆盖率已过九成。王某接受央视记者采访时说，还会推广。</p>",
    # an unknown name before 记者 without title marks (月某某时报: where does the name start?)
    f"<p>{S1}</p><p>3月某某时报记者独家获悉，覆盖率已过九成。</p>",
])
def test_what_names_no_reporters_paper_leaves_the_portal(body):
    assert parse(portal_page(body)).meta.outlet == "某某易购"


def test_a_source_line_still_beats_the_reporters_paper():
    body = f"<p>来源：新京报</p><p>{S1}</p><p>《第一财经日报》记者从业内人士处了解到，效果很好。</p>"
    assert parse(portal_page(body)).meta.outlet == "新京报"


def test_a_pictures_credit_in_the_body_names_no_reporters_paper():
    # (a caption line of its own is a byline, read by the byline rules: articles.py)
    assert body_outlet(S1 + "图为市民在窗口办理业务。新华社记者 韩某 摄。全市医院已开通医保移动支付。") is None


def test_the_subject_and_the_interviewed_forms_agree():
    text = "《第一财经日报》记者从业内人士处了解到，效果很好。王某向《第一财经日报》记者表示，还会推广。"
    assert body_outlet(text) == "第一财经日报"


@pytest.mark.parametrize("name, outlet", [
    # the three real pages whose reporter is named as subject: the rule agrees with their source line
    ("eb_cgxqzx_20110719_ff808081313c08ec01313fd73c*", "法制周报"),
    ("webtct_796_editor.data.2_20160620.php", "新京报"),
])
def test_real_pages_where_the_subject_form_agrees_with_the_source(name, outlet):
    doc = parsed_bulk(name, INGEST)[0]
    assert doc.meta.outlet == outlet
    assert body_outlet(doc.text) == outlet
