"""Nothing super-linear on the parse path: for each pathological family of input, 4x the
input costs at most about 5x the CPU time of `extract.parse` (all extractors).

Timing is made robust, never an absolute limit: CPU time of this process (not wall
time), the smallest of several runs (noise only ever adds time), sizes large enough
that per-call overhead does not hide growth, up to five runs of the larger input, and a
bound of LIMIT = 6: "about 5x" with room for a loaded machine (linear work measures 3.6-4.7
here under a load of 11 on 2 cores, n log n gives about 4.5, quadratic 16). The same
families at larger sizes: `python benchmarks/fuzz.py --growth` (docs/robustness.md)."""
from __future__ import annotations

import gc
import re
import time

import pytest

import extract
from extract.options import Options
from extract.pipeline import build_document

LIMIT = 6.0
SENTENCE = "国家医保局发布通知，参保人员须于2024年12月31日前缴纳380元，报销比例为70%。"

# family -> (text of about n characters, n); n puts the 4n run near half a second here
FAMILIES = {
    "digits": (lambda n: "1" * n, 20000),
    "digits-spaced": (lambda n: "12 " * (n // 3), 10000),
    "年": (lambda n: "年" * n, 20000),
    "years": (lambda n: "2023年" * (n // 5), 12000),
    "万": (lambda n: "万" * n, 20000),
    "amounts": (lambda n: "3万" * (n // 2), 10000),
    "brackets-balanced": (lambda n: "（《【医保】》）" * (n // 8), 20000),
    "quoted-words": (lambda n: "“医保”" * (n // 4), 20000),
    "list-markers": (lambda n: "".join(f"{i}. 请携带身份证办理\n" for i in range(n // 12)), 15000),
    "chinese-list-markers": (lambda n: "（一）" * (n // 3), 15000),
    "nested-html": (lambda n: "<div>" * (n // 11) + SENTENCE + "</div>" * (n // 11), 15000),
    "one-long-line": (lambda n: SENTENCE * (n // len(SENTENCE)), 10000),
    "short-lines": (lambda n: "医保缴费\n" * (n // 5), 20000),
    "dates": (lambda n: "2023年12月25日" * (n // 11), 8000),
    "dates-in-sentences": (lambda n: "2023年12月25日，" * (n // 12), 8000),
    "unclosed-tags": (lambda n: "<p>" * (n // 3), 24000),  # 0.1 s at 6000: too short to time on a shared machine
    "entities": (lambda n: "&amp;" * (n // 5), 30000),
    # runs of unbalanced brackets and quotes: clause trimming strips them one by one (it
    # rescanned the rest of the clause for each: 31 s at 640k characters before 1d0abb7)
    "bracket-run": (lambda n: "国家医保局发布通知。" + "（" * n + "请办理。", 40000),
    "closing-bracket-run": (lambda n: "请办理" + "）" * n + "。", 40000),
    "mixed-bracket-run": (lambda n: "（【“《「" * (n // 5) + "请于2024年12月31日前办理", 40000),
    "quote-run": (lambda n: "“" * n, 40000),
}



# bytes that must be repaired: the decoder's families, through build_document
_LINE = SENTENCE + "\n"
BYTE_FAMILIES = {
    "mixed-encodings": (lambda n: (_LINE.encode("gbk") + _LINE.encode()) * (n // 200), 20000),
    "sparse-corrupt-bytes": (lambda n: (_LINE.encode() + b"\xff") * (n // 120), 20000),
    "damaged-gbk": (lambda n: (_LINE.encode("gbk") + b"\x81") * (n // 80), 12000),
    "garbage": (lambda n: bytes((i * 37 + 11) % 128 + 128 for i in range(n)), 50000),
}


def _cpu(text) -> float:
    t0 = time.process_time()
    if isinstance(text, bytes):
        build_document(text, published="2024-06-30")
    else:
        extract.parse(text, published="2024-06-30")
    return time.process_time() - t0


def growth(make, n: int, factor: int = 4, limit: float = LIMIT, attempts: int = 5) -> float:
    """CPU time of factor*n over that of n, each the smallest of several runs; stops as
    soon as the ratio is within `limit` (more runs could only lower it)."""
    small, large = make(n), make(factor * n)
    _cpu(make(n // 4))  # warm caches and lexicons
    # what earlier tests left in memory is moved out of the collector's way: a collection
    # during the larger run would traverse it and be charged to the pipeline
    gc.collect()
    gc.freeze()
    try:
        base = min(_cpu(small) for _ in range(3))
        best = float("inf")
        for _ in range(attempts):
            best = min(best, _cpu(large))
            if best / base <= limit:
                break
    finally:
        gc.unfreeze()
    return best / max(base, 1e-4)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_four_times_the_input_costs_about_four_times(family):
    make, n = FAMILIES[family]
    # up to three whole measurements (base and large anew): in the full suite one family read
    # 6.9x once on a clean checkout and 3.8x in every run alone; a stage that grows faster
    # than the text fails all three
    ratio = min(_first_within(lambda: growth(make, n), LIMIT, tries=3))
    assert ratio <= LIMIT, f"{family}: 4x the input cost {ratio:.1f}x"


def _first_within(measure, limit: float, tries: int):
    """Each measurement up to the first within `limit`."""
    for _ in range(tries):
        got = measure()
        yield got
        if got <= limit:
            return


@pytest.mark.parametrize("family", sorted(BYTE_FAMILIES))
def test_repairing_bytes_is_linear(family):
    make, n = BYTE_FAMILIES[family]
    ratio = min(_first_within(lambda: growth(make, n), LIMIT, tries=3))
    assert ratio <= LIMIT, f"{family}: 4x the bytes cost {ratio:.1f}x"


def test_families_are_read_in_full():
    """No family is cut short: every character of the text but whitespace is in the
    Document (the cleaning only drops spaces after list markers and blank lines)."""
    for family, (make, n) in sorted(FAMILIES.items()):
        if family in ("nested-html", "unclosed-tags", "entities"):
            continue
        text = make(n)
        doc = extract.parse(text, published="2024-06-30", options=Options(components=()))
        assert re.sub(r"\s", "", doc.text) == re.sub(r"\s", "", text), family
