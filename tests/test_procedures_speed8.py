"""Eighth performance round of the procedures stage: the broad channel patterns behind their
literal prefilters, and the candidates find_channels keeps per range, give what the plain
scans give (written sentences built to reach the edges, and the development bulk files)."""
from __future__ import annotations

import random

import pytest

from extract.procedures import channels
from extract.procedures.lexicon import lexicon

from conftest import bulk_texts

WRITTEN = [
    "申请人可到户籍所在地镇人民政府提出申请，也可以向社区服务中心或者街道办事处提交材料。",
    "报名表请发送至 apply_2024@health-example.cn，咨询电话：0571-88001234，地址：杭州市西湖区文三路188号。",
    "参保人可通过市医保局官网、“浙里办”APP或微信公众号办理，联系方式：13800001111。",
    "邮箱a@b.cn地址：短。电话：12345。手机：138000011112（多一位）。到窗口办理。",
    "市民可前往就近的银行网点或营业厅，也可拨打12345热线咨询。",
    "具体事项请在线提交，无需到现场。",
    "回执请传真至会务组，传真：0571-88001235，传真号码：01065001234；电话：0571-88001236。",
]


def _pieces(n: int, seed: int) -> list[str]:
    """Texts made of the pieces above cut and joined at random places (ranges that cut a
    word, an address or an e-mail address in two)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 4)):
            t = rng.choice(WRITTEN)
            a = rng.randrange(len(t))
            parts.append(t[a : rng.randint(a, len(t))])
        out.append("".join(parts))
    return out


def _ranges(text: str, rng: random.Random, k: int) -> list[tuple[int, int]]:
    n = len(text)
    out = [(0, n)]
    for _ in range(k):
        a = rng.randint(0, n)
        out.append((a, rng.randint(a, n)))
    return out


def test_guarded_broad_patterns_match_the_plain_ones():
    """_broad_patterns (literals.guard) find, in any range, exactly the matches of the
    patterns they guard; the texts reach every contact kind and the offices."""
    lex = lexicon()
    office, contacts = channels._broad_patterns(lex)
    plain = [(lex.office_broad_re, office)] + [(rx, g) for (rx, _), (g, _) in zip(lex.contact_res, contacts)]
    rng = random.Random(8)
    found = [0] * len(plain)
    for text in WRITTEN + _pieces(1500, 8):
        for lo, hi in _ranges(text, rng, 4):
            for k, (rx, guarded) in enumerate(plain):
                want = [m.span(1) for m in rx.finditer(text, lo, hi)]
                assert [m.span(1) for m in guarded.finditer(text, lo, hi)] == want, (text, lo, hi, rx.pattern[:40])
                found[k] += len(want)
    assert all(n > 50 for n in found), found  # every pattern matched (not only its misses)


def _fresh(text: str, lo: int, hi: int, broad: bool):
    """find_channels on a scan built for this call alone (no candidates kept from before)."""
    channels._scan(lexicon(), "另一篇文章。")  # the scan kept is another text's: the next call builds a new one
    return channels.find_channels(text, lo, hi, broad=broad)


def _names(found) -> list[tuple]:
    return [(c.name, c.kind, c.start, c.end) for c in found]


@pytest.mark.parametrize("order", [(False, True), (True, False)])
def test_kept_candidates_do_not_change_what_is_found(order):
    """Ranges asked one after the other on one scan, each plain then broad (or broad then
    plain), some sharing a start or an end, find what fresh scans find."""
    rng = random.Random(9)
    seen = 0
    for text in WRITTEN + _pieces(300, 9):
        ranges = _ranges(text, rng, 3)
        ranges += [(a, rng.randint(a, len(text))) for a, _ in ranges] + [(rng.randint(0, b), b) for _, b in ranges]
        want = [{b: _names(_fresh(text, lo, hi, b)) for b in order} for lo, hi in ranges]
        channels._scan(lexicon(), "另一篇文章。")
        got = [{b: _names(channels.find_channels(text, lo, hi, broad=b)) for b in order} for lo, hi in ranges]
        assert got == want, text
        seen += sum(len(w[False]) for w in want)
    assert seen > 100


def test_kept_candidates_on_bulk_files():
    """The same on real pages: every sentence range of some bulk files, asked plain then broad."""
    texts = bulk_texts(40)
    if not texts:
        pytest.skip("../shared/corpus-dev/bulk is absent")
    from extract.procedures.clauses import sentences

    for text in texts:
        spans = sentences(text)[:200]
        want = [(_names(_fresh(text, a, b, False)), _names(_fresh(text, a, b, True))) for a, b in spans]
        channels._scan(lexicon(), "另一篇文章。")
        got = [(_names(channels.find_channels(text, a, b)), _names(channels.find_channels(text, a, b, broad=True)))
               for a, b in spans]
        assert got == want


def test_word_hits_sentences_are_those_a_brute_force_look_finds():
    """WordHits.sentences gives the sentences with a needed word's occurrence starting in
    them, or reaching into them (within `reach`), whole or of a range, asked in turn."""
    from extract.procedures import prose
    from extract.procedures.clauses import SENTENCE_END, Sentences, WordHits, spans

    text = "".join(_pieces(40, 10)) + "市民可先在线申请，再到窗口领取。申请人应当向街道提出申请。"
    pats = (prose._rx()["application"], prose._APPLY_START)
    hits = WordHits(text, pats)
    reach = hits.reach

    def brute(sp):
        return [(a, b) for a, b in sp if any(a - reach <= h < b for h in hits.starts)]

    third = len(text) // 3
    for lo, hi in ((0, len(text)), (third, len(text)), (0, len(text)), (third, 2 * third)):
        assert hits.sentences(Sentences(text, lo, hi)) == brute(spans(text, lo, hi, SENTENCE_END))
    assert brute(spans(text, 0, len(text), SENTENCE_END))  # the text holds 申请
