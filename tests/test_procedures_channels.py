"""Channels (gazetteer, unseen-name patterns, hotlines, cues), goals, markers and the
robustness of the procedures stage on adversarial input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.procedures import extract_procedures, find_channels
from extract.procedures.goal import goal_from
from extract.procedures.lexicon import HERE, lexicon

PROVINCIAL = ["随申办", "一网通办", "粤省事", "浙里办", "皖事通", "赣服通", "渝快办", "鄂汇办", "苏服办", "闽政通",
              "爱山东", "豫事办", "蒙速办", "国家医保服务平台", "国务院客户端", "国家政务服务平台", "掌上12333",
              "北京通", "津心办", "冀时办", "三晋通", "辽事通", "吉事办", "湘易办", "智桂通", "海易办", "天府通办",
              "秦务员", "甘快办", "青松办", "我的宁夏", "云闪付", "支付宝", "微信"]


def _names(text):
    return [(c.name, c.kind) for c in find_channels(text)]


def test_gazetteer_rows_are_well_formed():
    kinds = {"app", "mini_program", "website", "office", "bank", "hotline", "platform", "wechat_account"}
    rows = [l.split("\t") for l in (HERE / "channels.tsv").read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]
    assert len(rows) >= 80
    assert all(len(r) >= 2 and r[1] in kinds for r in rows), [r for r in rows if len(r) < 2 or r[1] not in kinds]


@pytest.mark.parametrize("name", PROVINCIAL)
def test_provincial_and_national_channels_after_a_cue(name):
    entry = lexicon().gazetteer[name]
    assert _names(f"参保人可通过{name}办理。") == [(entry.name, entry.kind)]


@pytest.mark.parametrize("name", ["随申办", "浙里办", "支付宝"])
def test_gazetteer_name_without_cue_is_not_a_channel(name):
    assert _names(f"{name}用户数突破千万。") == []


@pytest.mark.parametrize("text, expected", [
    ("通过“随申办市民云”APP办理", [("随申办", "app")]),            # alias -> name
    ("下载“健康湖州”APP", [("健康湖州", "app")]),                    # unseen, quoted
    ("市民可下载浙里办APP申领", [("浙里办", "app")]),                 # gazetteer + suffix
    ("登录掌上办事App", [("掌上办事", "app")]),                       # unseen, unquoted
    ("使用随申办微信小程序缴费", [("随申办微信小程序", "mini_program")]),
    ("通过支付宝小程序缴费", [("支付宝小程序", "mini_program")]),
    ("关注“上海医保”微信公众号", [("上海医保微信公众号", "wechat_account")]),
    ("登录上海税务官网电子税务局", [("上海税务官网电子税务局", "website")]),
    ("可到户籍所在地的党群服务中心申请", [("党群服务中心", "office")]),
    ("到街道便民服务中心办理", [("街道便民服务中心", "office")]),
    ("至指定银行网点缴费", [("指定银行网点", "bank")]),
])
def test_channel_forms(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, number", [
    ("可拨打12393咨询", "12393"),
    ("或拨打12345热线", "12345"),
    ("12320卫生热线", "12320"),
    ("咨询电话：029-86785120", "029-86785120"),
    ("拨打服务热线400-826-1180", "400-826-1180"),
    ("立即拨打120", "120"),
])
def test_hotlines(text, number):
    assert _names(text) == [(number, "hotline")]


@pytest.mark.parametrize("text", [
    "通过医保报销1200元",            # a number is no hotline without a hotline cue
    "12393名参保人已完成缴费",
    "在当地医院出示医保电子凭证",      # shown, not used as a channel
    "不需要前往社区事务受理服务中心",   # negated
])
def test_not_channels(text):
    assert _names(text) == []


@pytest.mark.parametrize("fragment, goal", [
    ("问：参加城乡居民医保可以线上缴费吗？", "参加城乡居民医保线上缴费"),
    ("如何办理异地就医备案？", "异地就医备案"),
    ("1. 异地就医三步法", "异地就医"),
    ("参保人员可按以下步骤办理异地就医备案：", "办理异地就医备案"),
    ("投保流程十分简便", "投保"),
    ("？", None),
])
def test_goal_from(fragment, goal):
    assert goal_from(fragment) == goal


def test_list_of_sixty_markers_and_long_inputs_finish():
    numbered = "办理流程：" + "".join(f"{i}.登录APP提交申请；" for i in range(1, 61))
    (p,) = extract_procedures(numbered, [], [])
    assert len(p.steps) == 60
    for text in ["→" * 5000, "1." * 3000, "问：答：" * 1000, "可通过" * 3000 + "APP", "“" * 4000 + "”APP"]:
        for proc in extract_procedures(text, [], []):
            assert 0 <= proc.start <= proc.end <= len(text)


PIECES = ["问：", "答：", "1.", "①", "第一步", "首先", "然后", "最后", "→", "可", "通过", "随申办", "APP", "小程序",
          "公众号", "官网", "拨打12393", "到", "服务中心", "（", "）", "“", "”", "符合以下条件：", "适用对象为", "，",
          "。", "；", "\n", "一是", "(1)", "的", "了", "缴费", "12345热线", "由户主到"]


@pytest.mark.parametrize("piece", PIECES)
def test_long_repetition_of_a_trigger_finishes_grounded(piece):
    # every trigger repeated to ~20k characters: must finish (no quadratic scan) and stay grounded
    text = piece * (20000 // len(piece))
    for p in extract_procedures(text, [], []):
        for span in [*p.steps, *p.conditions, *p.channels]:
            assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
def test_any_mix_of_triggers_gives_grounded_procedures(text):
    for p in extract_procedures(text, [], []):
        assert 0 <= p.start <= p.end <= len(text)
        for span in [*p.steps, *p.conditions, *p.channels]:
            assert text[span.start : span.end] == span.text


ALPHABET = st.sampled_from(list("问答：:，。；、\n1.2、①②→-> “”可通过至办理缴费随申办APP小程序拨打12393首先然后最后第一步二步的了不需要"))


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=200).map("".join))
def test_any_text_gives_grounded_procedures(text):
    for p in extract_procedures(text, [], []):
        assert 0 <= p.start <= p.end <= len(text)
        for span in [*p.steps, *p.conditions, *p.channels]:
            assert text[span.start : span.end] == span.text
            assert p.start <= span.start and span.end <= p.end


def test_deadline_linked_by_its_date_mention():
    from extract.schema import Deadline, Mention

    text = "问：怎样补缴？答：需补缴的居民务必于3月31日前通过皖事通APP完成补缴。问：报销比例是多少？答：在职职工为85%。"
    d = text.index("3月31日")
    date = Mention(type="date", start=d, end=d + 5, text="3月31日")
    # a deadline whose span runs past the procedure (to the end of the text) still applies by its date
    dl = Deadline(start=d, end=len(text), date=0)
    (p,) = extract_procedures(text, [date], [dl])
    assert p.end < len(text) and p.deadlines == [0]
    assert extract_procedures(text, [], [Deadline(start=d, end=len(text))])[0].deadlines == []


def test_back_to_back_lists_do_not_swallow_each_other():
    text = "办理流程：" + "".join(f"{i % 3 + 1}.通过随申办APP缴费；" for i in range(9))
    procs = extract_procedures(text, [], [])
    assert [len(p.steps) for p in procs] == [3, 3, 3]
    assert all(a.end <= b.start for a, b in zip(procs, procs[1:]))
