"""Round 27 (speed): whole-text regex scans replaced by the word lists' scan must find what
the scans found (docs/performance.md, "Twenty-seventh round: institutions")."""
from __future__ import annotations

import random

import pytest

from extract.institutions import aliases, cued, foreign, lexicon, listed, repeated, subjects, wordlists
from extract.institutions.joined import Joined


def _texts(pieces: list[str], n: int, seed: int, most: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, most))) for _ in range(n)]


def _spans(ms) -> list[tuple[int, int]]:
    return [m.span() for m in ms]


CUED = lexicon._yaml("cued.yaml")
SUBJECTS = lexicon._yaml("subjects.yaml")
FILL = ["，", "。", "\n", "上海", "施强", "的", "中", "年", "2019", "（", "(", "）", ")", "Ab", "MIT", "海"]


@pytest.mark.parametrize("seed", range(3))
def test_matches_at_is_finditer(seed):
    """rx tried at the list's starts gives rx.finditer's matches (subjects, repeated, listed)."""
    pieces = (SUBJECTS["cues"] + SUBJECTS["titles"] + CUED["repeated"]["trades"] + CUED["repeated"]["continuations"][:8]
              + list(lexicon._yaml("listed.yaml")["heads"])[:12] + list(listed.INCLUDE_CUES) + ["、", "东富龙", "千山药机", "等"] + FILL)
    heads_rx = listed._table()[5]
    for t in _texts(pieces, 1500, seed):
        assert _spans(wordlists.matches_at(subjects._table()[0], t, wordlists.starts(t, "subject_cues"))) \
            == _spans(subjects._table()[0].finditer(t))
        rx = repeated._table()[0]
        assert _spans(wordlists.matches_at(rx, t, wordlists.starts(t, "repeated_trades"), repeated.BRAND)) \
            == _spans(rx.finditer(t, repeated.BRAND))
        assert _spans(wordlists.matches_at(heads_rx, t, wordlists.starts(t, "listed_heads"))) == _spans(heads_rx.finditer(t))
        assert _spans(wordlists.matches_at(listed._INCLUDES, t, wordlists.starts(t, "included_cues"))) \
            == _spans(listed._INCLUDES.finditer(t))
        assert bool(wordlists.starts(t, "listed_labels")) == any(lb in t for lb in listed._table()[4])


def test_cued_starts_hold_every_match():
    """Every place the cued pattern matches at is one of _starts' (an industry word before a
    title within reach, or before a bracket and a Latin letter)."""
    pieces = CUED["industry_words"] + CUED["fields"] + CUED["titles"] + FILL
    rx = cued._table()[0]
    for t in _texts(pieces, 4000, 5):
        at = set(cued._starts(t))
        assert all(p in at for p in range(len(t)) if rx.match(t, p)), t


def test_starts_on_the_text_as_written():
    """starts() of a text written_as() its joined text: the occurrences in the text as written."""
    pieces = ["委员会", "联合会", "主办单位", "承办方", "企业包括", "公司有", "\n", " \n ", "\n", "关于开展工作的通知要求各地",
              "中国医药[23.59 1.33% 股吧]", "、", "等", "联盟", "的"]
    for t in _texts(pieces, 1500, 7, 30):
        own = {name: sorted({s for s, _, _ in wordlists.hits(t, name)})
               for name in ("listed_heads", "listed_labels", "included_cues")}
        wordlists.written_as(t, Joined(t))
        for name, want in own.items():
            assert wordlists.starts(t, name) == want, (t, name)


def test_country_at_and_short_form():
    names, longest = foreign._countries()[0], foreign._countries()[1]
    pieces = [n for n in list(names)[:60]] + ["中国", "和", "的", "GE", "、"]
    for t in _texts(pieces, 300, 9, 12):
        for k in range(len(t) + 1):
            assert foreign.country_at(t, k) == any(t[k:k + n] in names for n in range(2, longest + 1))

    def old(name: str) -> str:
        core = name[aliases.region_prefix(name):]
        changed = True
        while changed:
            changed = False
            for w in aliases.TRADE:
                if core.endswith(w) and len(core) > len(w):
                    core, changed = core[: -len(w)], True
        return core

    for s in _texts(list(aliases.TRADE) + ["北京", "上海市", "富乐", "康维", "公"], 5000, 11, 7):
        assert aliases.short_form(s) == old(s)
