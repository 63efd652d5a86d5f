"""Procedures on unannotated bulk pages read by eye in round 8 (../shared/corpus-dev/bulk,
skipped where it is absent; none of the held-out files): channel lists read to their end,
the items of an exhibition's 参展程序 that are no step, a transitional rule that is no step of
an application chain, a firm's 服务范围 that is no eligibility."""
from __future__ import annotations

import pytest

import extract
from conftest import bulk_files


def _doc(name: str):
    found = bulk_files(name)
    if not found:
        pytest.skip(f"{name} is not in the bulk folder")
    return extract.parse_file(str(found[0]))


def test_channel_list_after_known_name_and_stand_for():
    doc = _doc("xwlb_20250819_10_briefs.md")
    kinds = {c.kind for p in doc.procedures for c in p.channels}
    names = [c.name for p in doc.procedures for c in p.channels]
    assert len(names) == 3 and "bank" in kinds  # …平台等…入口、…开户银行、…经办机构等渠道: three channels
    doc = _doc("xwlb_20250909_11_briefs.md")
    names = [c.name for p in doc.procedures for c in p.channels]
    assert names[:2] == ["支付宝", "微信"] and "政务服务平台" in names and len(names) == 4


def test_exhibition_sections_are_no_steps():
    doc = _doc("webtct_14275_editor.data.5_20140403.php")
    (proc,) = doc.procedures
    assert len(proc.steps) == 1 and len(proc.conditions) == 1  # the qualification item is a condition
    assert "应具备" in proc.conditions[0].text
    assert not any(s.text.startswith("为") or "原则" in s.text for s in proc.steps)


def test_transitional_rule_is_no_chain_step():
    doc = _doc("aizct_gz_extreme_poverty_support_notice_2021.html")
    assert not any("仍按原" in s.text for p in doc.procedures for s in p.steps)


def test_service_scope_is_no_condition():
    doc = _doc("webtct_449_editor.data.3_20130807.php")
    assert len(doc.procedures) == 3
    assert not any(p.conditions for p in doc.procedures)
