"""Thirty-second performance round of the procedures stage: each shortcut (a test that a pass
cannot fire, a count stopped early, work shared by two passes) answers as the full work does,
on random strings over the characters that matter and on the throughput benchmark's texts."""
from __future__ import annotations

import math
import random

from conftest import random_texts, throughput_texts
from extract.procedures import channels, lists, paths, prose
from extract.procedures.channels import nothing_in
from extract.procedures.clauses import _word_scanner, instruction_clauses, may_hold_steps, spans, SENTENCE_END
from extract.procedures.lexicon import lexicon

PIECES = list("，,。；;：:、\n“”【】「」\"->＞—》") + [
    "请", "可", "可以", "需要", "应当", "由", "到", "申请", "办理", "缴费", "登录", "拨打", "不需要", "无需",
    "参保人", "申请人", "随申办", "APP", "小程序", "公众号", "服务中心", "窗口", "12345", "热线",
    "依次点击", "我的", "社保卡", "文字", "市民", "街道", "审核", "地址：", "电话：", "028-61881234"]


def _random_texts(n: int, seed: int, longest: int = 30) -> list[str]:
    return random_texts(PIECES, n, seed, longest)


def _throughput_texts() -> list[str]:
    return throughput_texts()


def test_may_hold_steps_never_turns_down_a_sentence_with_steps():
    """A sentence may_hold_steps turns down has no step; the test turns down many."""
    down = held = 0
    texts = _random_texts(4000, 32) + _throughput_texts()
    for text in texts:
        for s, e in spans(text, 0, len(text), SENTENCE_END):
            steps = instruction_clauses(text, s, e, sentences=[(s, e)])
            if may_hold_steps(text, s, e):
                held += bool(steps)
            else:
                down += 1
                assert steps == [], (text[s:e], steps)
    assert down > 1000 and held > 100, (down, held)


def test_the_two_application_passes_pick_the_same_sentences():
    """application_chains and benefit_applications share one look for 申请: their patterns'
    word scanners need the same words, with the same reach."""
    rx = prose._rx()
    assert _word_scanner((rx["application"], prose._APPLY_START))[1:] == _word_scanner((prose._APPLY_START,))[1:]
    for text in _random_texts(300, 33) + _throughput_texts()[:20]:
        for lo, hi in ((0, len(text)), (len(text) // 3, len(text))):
            assert prose._applying(text, lo, hi) == prose.WordHits(text, (prose._APPLY_START,), lo, hi).sentences(
                prose._sentences(text, lo, hi))


def test_paths_found_without_the_shortcuts(monkeypatch):
    """find_paths of a range is what it was without the separator test, and of a whole text
    what it was without the cue tests of bare paths (a text without a cue word; a bare match
    without a cue before or in it)."""
    rng = random.Random(34)
    cases = []
    for text in _random_texts(3000, 34, 40) + _throughput_texts():
        cases.append((text, 0, len(text)))
        for _ in range(6):
            lo = rng.randint(0, len(text))
            cases.append((text, lo, rng.randint(lo, min(len(text), lo + 200))))
    fast = [paths.find_paths(t, lo, hi) for t, lo, hi in cases]
    monkeypatch.setattr(paths, "_separator_scanner", lambda: None)
    monkeypatch.setattr(paths, "_cue_words", lambda: None)
    monkeypatch.setattr(paths, "_may_be_cued", lambda *a: True)
    slow = [paths.find_paths(t, lo, hi) for t, lo, hi in cases]
    assert fast == slow
    assert sum(map(bool, slow)) > 50  # (paths were found, not only their absence)


def test_broad_channels_of_an_empty_range_have_no_candidates():
    """A range the article's scan calls empty has no candidate of the gazetteer, suffix,
    office or hotline scans (find_channels skips them for a broad look)."""
    rng = random.Random(35)
    lex = lexicon()
    empties = 0
    for text in _random_texts(1500, 35, 40) + _throughput_texts()[:30]:
        empty = nothing_in(text)
        scan = channels._scan(lex, text)
        for _ in range(10):
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, min(len(text), lo + 80))
            if empty(lo, hi):
                empties += 1
                gaz = channels._gazetteer(scan, lo, hi)
                assert gaz == [] and channels._suffixed(lex, scan, text, lo, hi, gaz) == [] \
                    and channels._patterned(lex, scan, text, lo, hi) == []
    assert empties > 1000


def _classify_counting_all(text, lst, has_channel) -> str:
    """classify as it was before round 32: every item's acting counted before the last rules."""
    data, _ = lists._config()
    lex = lexicon()
    intro = text[lst.intro[0] : lst.intro[1]] if lst.intro else ""
    if intro and lex.condition_intro_re.search(intro):
        return "condition"
    if lst.role == "steps":
        return "procedure"
    if intro and (lex.non_procedure_cue_re.search(intro) or lex.materials_heading_re.search(intro)):
        return "none"
    n = len(lst.items)
    policy = sum(1 for s, e in lst.items if lex.policy_head_re.match(text, s, e))
    if policy * 2 >= n:
        return "none"
    if lst.role == "alternatives":
        return "alternatives"
    label_re = data["label_item_re"]

    def acting(s: int, e: int) -> bool:
        return bool(lists._is_action(text, s, e, data) or has_channel(s, e) or lex.arrow_re.search(text[s:e]))

    cases = sum(1 for s, e in lst.items if lex.case_item_re.match(text, s, e))
    if cases * 2 > n:
        return "none"
    if intro and lex.strong_procedure_cue_re.search(intro):
        return "procedure"
    gaps = [lst.markers[i + 1] - lst.items[i][1] for i in range(n - 1)]
    if n > 1 and sum(1 for g in gaps if g > data["outline_gap"]) * 2 >= n - 1:
        return "none"
    titled = sum(1 for s, e in lst.items if lists.title_of(text, s, e))
    if intro and lex.alternatives_cue_re.search(intro) and titled * 2 >= n and any(acting(s, e) for s, e in lst.items):
        return "alternatives"
    if titled * 2 >= n and not (intro and lex.procedure_cue_re.search(intro)):
        return "none"
    cue = bool(intro and lex.procedure_cue_re.search(intro))
    if cue and any(acting(s, e) for s, e in lst.items):
        return "procedure"
    if sum(e - s for s, e in lst.items) > data["long_item_chars"] * n:
        return "none"
    actions = sum(1 for s, e in lst.items if acting(s, e))
    if not actions:
        return "none"
    labels_n = sum(1 for s, e in lst.items if (m := label_re.match(text[s:e])) and not lex.service_re.search(m.group()))
    if intro and len(intro) <= data["heading_max"] and lex.heading_action_re.search(intro) and labels_n < n:
        return "procedure"
    if labels_n * 2 < n and actions >= max(2, math.ceil(0.6 * n)):
        return "procedure"
    return "none"


LIST_PIECES = ["\n", "1.", "2.", "3.", "4、", "（一）", "（二）", "①", "②", "第一步", "第二步", "申请流程：", "办理步骤\n",
               "登录随申办APP", "点击“我的”", "携带身份证到窗口办理", "拨打12345", "参保人", "可以申请", "提交材料",
               "市民", "文字说明", "。", "，", "：", "申请条件：", "政策", "推广", "选择邮寄的，", "一、"]


def test_classify_answers_as_when_every_item_was_counted():
    """The acting count that stops at its bar (reached or out of reach) classifies every list
    as the full count did: the throughput texts' lists and random ones."""
    rng = random.Random(36)
    texts = _throughput_texts() + ["".join(rng.choice(LIST_PIECES) for _ in range(rng.randint(5, 60)))
                                   for _ in range(3000)]
    kinds = {}
    for text in texts:
        empty = nothing_in(text)

        def has_channel(s, e, text=text, empty=empty):
            return not empty(s, e) and bool(channels.find_channels(text, s, e))

        for lst in lists._runs(text):
            kind = lists.classify(text, lst, has_channel)
            assert kind == _classify_counting_all(text, lst, has_channel), text[lst.start : lst.end]
            kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds.get("procedure", 0) > 50 and kinds.get("none", 0) > 200, kinds


def test_contact_patterns_left_out_have_no_match_in_the_text():
    """_broad tries only the contact patterns whose words the article's word pass found: the
    others match nowhere in the text; the texts reach every pattern."""
    lex = lexicon()
    _, contact_res = channels._broad_patterns(lex)
    live_n = [0] * len(contact_res)
    rng = random.Random(37)
    pieces = PIECES + ["传真：0571-88888888", "传真", "@", "ab@cd.cn", "邮箱：x@y.com", "手机：13800138000", "联系方式："]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts + _throughput_texts():
        live = channels._live_contacts(lex, channels._scan(lex, text), contact_res)
        for k, (rx, kind) in enumerate(contact_res):
            if (rx, kind) in live:
                live_n[k] += 1
            else:
                assert not list(rx.finditer(text)), (text, kind)
    assert all(n > 20 for n in live_n), live_n
