"""periods._RangeIndex answers what the scan of every range answered: the one range holding
a day when exactly one does, else None (random ranges, overlapping and nested)."""
import random
from datetime import date, timedelta

from extract.dates.periods import _RangeIndex


def test_the_index_agrees_with_a_scan_of_every_range():
    rng = random.Random(5)
    base = date(2024, 1, 1)
    for _ in range(300):
        ranges = set()
        for _ in range(rng.randint(1, 12)):
            a = base + timedelta(days=rng.randint(0, 60))
            ranges.add((a, a + timedelta(days=rng.randint(0, 8))))
        index = _RangeIndex(ranges)
        for d in range(-2, 72):
            day = base + timedelta(days=d)
            got = {r for r in ranges if r[0] <= day <= r[1]}
            assert index.only(day) == (got.pop() if len(got) == 1 else None)
