"""Institutions, round 7 (docs/institutions.md "Round 7: recall families"): each family checked
on the real bulk files that hold it (../shared/corpus-dev/bulk; skipped where absent; never a
held-out file), and the rules that need no corpus on written text. The written examples of the
same families are in corpora/examples/institutions.yaml."""
from __future__ import annotations

import pytest

from extract.institutions import extract_institutions
from extract.institutions.lexicon import _yaml
from extract.refdate import RefDate
from tests.conftest import parsed_bulk


def _mentions(pattern: str, ingest_only) -> list:
    return [m for doc in parsed_bulk(pattern, ingest_only) for m in extract_institutions(doc.text)]


def test_brand_names_of_companies(ingest_only):
    """GE, 西门子, 飞利浦 (a list of device makers), 强生 (alone, later in the text), 迈瑞公司."""
    found = _mentions("eb_cgxqzx_20110621_*", ingest_only) + _mentions("eb_goodszx_20110627_*", ingest_only)
    names = {m.name for m in found}
    assert {"通用电气公司", "西门子股份公司", "皇家飞利浦公司", "强生公司", "深圳迈瑞生物医疗电子股份有限公司"} <= names


def test_reporters_outlet_after_a_persons_verb(ingest_only):
    """…对时代周报记者说, 告诉时代周报记者: the paper, not the person before it."""
    texts = [m.text for m in _mentions("eb_sqzx_20110627_*", ingest_only)]
    assert texts.count("时代周报") >= 8
    assert not [t for t in texts if t.endswith("时代周报") and t != "时代周报"]


def test_party_committees_and_the_broadcaster(ingest_only):
    """北京市委常委: the committee named; 总台央视综合频道: the broadcaster."""
    found = _mentions("xwlb_20231025_16_*", ingest_only)
    assert "中国共产党北京市委员会" in {m.name for m in found}


def test_brands_file_says_how_it_was_made_and_is_large():
    """The curated gazetteer: several hundred real companies, each with a country."""
    items = _yaml("brands.yaml")["company"]
    assert len(items) >= 250
    assert all(i.get("country") for i in items)
    from pathlib import Path

    head = (Path(__file__).resolve().parents[1] / "extract/institutions/data/brands.yaml").read_text(encoding="utf-8")[:1500]
    assert "How it was made" in head


@pytest.mark.parametrize("ref,name", [
    (RefDate(2020, 1, 30), "国务院应对新型冠状病毒感染的肺炎疫情联防联控机制"),
    (RefDate(2022, 12, 1), "国务院应对新型冠状病毒肺炎疫情联防联控机制"),
    (RefDate(2022, 12), "国务院应对新型冠状病毒肺炎疫情联防联控机制"),
    (RefDate(2023, 1, 8), "国务院应对新型冠状病毒感染疫情联防联控机制"),
    (RefDate(2023, 1), "国务院应对新型冠状病毒感染疫情联防联控机制"),  # January holds the renaming day
    (None, "国务院应对新型冠状病毒感染疫情联防联控机制"),
])
def test_a_renamed_body_is_named_as_it_was_then(ref, name):
    found = extract_institutions("国务院联防联控机制召开新闻发布会。", ref)
    assert [m.name for m in found] == [name]


def test_a_former_full_name_written_out_stays():
    found = extract_institutions("国务院应对新型冠状病毒肺炎疫情联防联控机制发布通知。", RefDate(2023, 5, 1))
    assert [m.name for m in found] == ["国务院应对新型冠状病毒肺炎疫情联防联控机制"]


def test_an_attached_body_follows_its_parents_name():
    found = extract_institutions("国务院联防联控机制春运工作专班发布提示。", RefDate(2022, 12, 30))
    assert [m.name for m in found] == ["国务院应对新型冠状病毒肺炎疫情联防联控机制春运工作专班"]


def test_propagation_is_linear_in_the_repeats():
    """A name repeated many times is found at each repeat, in one pass."""
    text = "记者走访了一家名为“康悦月子中心”的机构。" + "康悦月子中心收费高昂，" * 2000
    found = extract_institutions(text)
    assert len(found) == 2001
