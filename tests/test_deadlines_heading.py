"""deadlines._join_wraps keeps the break after a numbered heading line wherever the heading
stands (its pattern held on the text's first line only before 2026-12-05), and still joins
a wrapped line of prose."""
from extract.deadlines import _JOINER, _join_wraps


def test_a_heading_after_the_first_line_keeps_its_break():
    text = "各地医保部门：\n二、工作要求\n各地于年底前完成\n"
    out = _join_wraps(text)
    assert len(out) == len(text)                      # offsets kept
    assert out.index("二、工作要求\n") == text.index("二、工作要求\n")


def test_the_first_line_heading_still_keeps_its_break():
    assert _join_wraps("一、总体要求\n各地于年底前完成\n").startswith("一、总体要求\n")


def test_a_wrapped_prose_line_is_still_joined():
    text = "参保人员可于2024年12月31日前通过国家医保服务平台\n办理异地就医备案手续，逾期不予受理。"
    assert _JOINER in _join_wraps(text)
