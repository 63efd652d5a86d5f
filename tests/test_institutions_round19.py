"""Round 19 (issue 10, branch h-inst19): tier short forms (省局, 省厅, 市局, 总局) after the body
named in full, and village clinics without a region before them (extract/institutions/shortforms.py).
One example per rule lives in corpora/examples/institutions.yaml, marked "round 19"; the
sentences here are written for these tests."""
from __future__ import annotations

import time

from extract.institutions import extract_institutions


def _spans(text):
    return [(m.text, m.name) for m in extract_institutions(text)]


def test_a_tier_short_form_takes_the_nearest_body_of_its_tier_before_it():
    assert _spans("浙江省卫生厅发文，经省厅研究决定推行。") == [("浙江省卫生厅", "浙江省卫生厅"), ("省厅", "浙江省卫生厅")]
    spans = _spans("国家药监局和湖北省药监局联合检查，由省局负责复核。")
    assert spans[-1] == ("省局", "湖北省药品监督管理局")
    assert ("市局", "杭州市市场监督管理局") in _spans("杭州市市场监管局通报情况，市局将继续检查。")


def test_a_tier_short_form_without_its_tier_before_or_inside_a_word_is_none():
    assert _spans("省局对企业进行检查。") == []  # nothing named before
    assert [t for t, _ in _spans("国家药监局发文，省局随后部署。")] == ["国家药监局"]  # a national body is no 省局
    assert [t for t, _ in _spans("湖北省药监局发文，各省局随后部署，省局长出席。")] == ["湖北省药监局"]


def test_village_clinics_by_town_and_village_or_by_village():
    assert _spans("在桥头镇青松村村卫生室就诊。") == [("桥头镇青松村村卫生室", "桥头镇青松村卫生室")]
    assert _spans("他在附近的东山村卫生所看病。") == [("东山村卫生所", "东山村卫生所")]
    assert _spans("每个村卫生室都配了医生，行政村卫生室全覆盖，从乡镇卫生院到村卫生室。") == []


def test_village_clinics_stay_linear():
    unit = "在桥头镇青松村村卫生室就诊，省局检查。"
    small, big = unit * 200, unit * 1600
    t0 = time.perf_counter()
    extract_institutions(small)
    t1 = time.perf_counter()
    extract_institutions(big)
    t2 = time.perf_counter()
    assert (t2 - t1) < 8 * 4 * max(t1 - t0, 1e-3)
