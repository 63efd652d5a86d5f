"""Procedures on the real seeds: the question-and-answer blocks of seed 000 (OCR page) and
the 三步法 of seed 003, in several cleanings of the same page (the pipeline's ingest when
it is there, and two plain joins of the OCR lines), plus the development corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.procedures import extract_procedures
from extract.schema import Deadline

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
_FULL_WIDTH = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


def join_ocr(raw: str, keep_paragraphs: bool) -> str:
    """Fixture cleaner: full-width digits/letters to ASCII, whitespace inside lines dropped,
    OCR lines joined; a blank line after sentence-final punctuation stays a paragraph break."""
    out: list[str] = []
    for line in raw.translate(_FULL_WIDTH).split("\n"):
        line = re.sub(r"\s+", "", line)
        if line:
            out.append(line)
        elif keep_paragraphs and out and out[-1][-1:] in ("。", "！", "？", "："):
            out.append("\n")
    return "".join(out)


def _ingest(path: Path):
    try:
        import extract
        from extract.options import Options
    except ImportError:
        return None
    if not hasattr(extract, "parse_file"):
        return None
    return extract.parse_file(path, options=Options(components=())).text


CLEANINGS = ["paragraphs", "flat", "ingest"]


def seed_text(prefix: str, cleaning: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    if cleaning == "ingest":
        text = _ingest(path)
        if text is None:
            pytest.skip("extract.parse_file is not available yet")
        return text
    if prefix == "000":
        return join_ocr(raw, keep_paragraphs=cleaning == "paragraphs")
    return raw if cleaning == "paragraphs" else raw.replace("\n", "")


def _grounded(text, procs):
    for p in procs:
        for span in [*p.steps, *p.conditions, *p.channels]:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("cleaning", CLEANINGS)
def test_seed000_three_qa_blocks(cleaning):
    text = seed_text("000", cleaning)
    due = text.index("2023年12月25日17:30")
    deadlines = [Deadline(start=due, end=due + len("2023年12月25日17:30"))]
    procs = extract_procedures(text, [], deadlines)
    _grounded(text, procs)
    assert len(procs) == 3
    online, family, renew = procs
    # 1: where and how to pay
    assert online.goal == "参加城乡居民医保线上缴费"
    assert [(c.name, c.kind) for c in online.channels] == [
        ("社区事务受理服务中心", "office"), ("指定银行网点", "bank"), ("一网通办", "platform"),
        ("随申办", "app"), ("支付宝", "app"), ("微信", "app"), ("指定银行", "bank"),
        ("上海税务官网电子税务局", "website"),
    ]
    assert [s.text for s in online.steps] == [
        "其他参保人员可至社区事务受理服务中心完成2024年度参保登记",
        "并可以在5个工作日后，通过线下、线上多个渠道，完成个人缴费",
    ]
    # 2: the family-account route, with its deadline
    assert family.goal == "个人账户家庭共济缴费"
    assert [(c.name, c.kind) for c in family.channels] == [
        ("随申办", "app"), ("随申办微信小程序", "mini_program"),
        ("随申办支付宝小程序", "mini_program"), ("国家医保服务平台", "app"),
    ]
    assert len(family.steps) == 1 and family.steps[0].text.endswith("组建家庭共济网、选择“共济缴费”使用方式")
    assert family.deadlines == [0] and online.deadlines == [] and renew.deadlines == []
    # 3: renewal, with the five eligibility items and no channel from the negated clause
    # (不需要前往社区事务受理服务中心): only the online and offline payment channels it names
    assert [c.name for c in renew.channels] == ["线上缴费渠道", "线下缴费渠道"]
    assert renew.steps[0].text == "可直接通过线上缴费渠道缴费或由他人代为缴费，或通过“共济缴费”方式完成缴费"
    assert len(renew.conditions) == 5
    assert renew.conditions[0].text == "上一年度年满19周岁及以上的本市城镇户籍人员"
    assert renew.conditions[4].text.endswith("非在园（所）幼儿")
    assert renew.end <= text.index("三叉神经痛是一种")


@pytest.mark.parametrize("cleaning", CLEANINGS)
def test_seed000_disease_categories_are_no_procedure(cleaning):
    text = seed_text("000", cleaning)
    science = text.index("疼痛疾病的分类")
    assert all(p.end <= science for p in extract_procedures(text, [], []))


@pytest.mark.parametrize("cleaning", ["paragraphs", "ingest"])
def test_seed003_three_step_method(cleaning):
    text = seed_text("003", cleaning)
    procs = extract_procedures(text, [], [])
    _grounded(text, procs)
    assert len(procs) == 1
    (p,) = procs
    assert p.goal == "异地就医"
    assert [s.text for s in p.steps] == [
        '打开"随申办"APP', '搜索"异地备案"', "填写就医地/时间",
        "在当地医院出示社保卡/医保电子凭证", "出院时仅支付自付部分(系统自动按比例结算)",
    ]
    assert [(c.name, c.kind, c.text) for c in p.channels] == [("随申办", "app", '"随申办"APP')]


@pytest.mark.parametrize("cleaning", ["paragraphs", "ingest"])
def test_seed001_single_channel_mention_is_no_procedure(cleaning):
    # 共济关系可通过国家医保服务平台等渠道自愿建立或解除: information, not instructions (gold: none)
    text = seed_text("001", cleaning)
    assert extract_procedures(text, [], []) == []


@pytest.mark.parametrize("prefix", ["001", "019", "022", "023"])
def test_development_corpus_is_grounded(prefix):
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    path = next(SHARED_CORPUS.glob(f"{prefix}_*"), None)
    text = _ingest(path) if path else None
    if text is None:
        pytest.skip("corpus file or ingest not available")
    procs = extract_procedures(text, [], [])
    _grounded(text, procs)
    # none of these four articles tells a reader how to apply or pay for anything
    assert procs == []
