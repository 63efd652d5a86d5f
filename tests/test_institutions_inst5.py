"""Institutions, third wave on real text (docs/institutions.md "Third wave on real text
(h-inst5)"): each rule on written text. One example per rule is also in
corpora/examples/institutions.yaml."""
from __future__ import annotations

from extract.institutions import extract_institutions


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in extract_institutions(text)]


def test_two_character_name_the_segmenter_split_starts_an_open_name():
    assert _named("村里的大涧学校，有小学和初中。") == [("大涧学校", "大涧学校")]
    assert ("八冶职工医院", "八冶职工医院") in _named("除职工医院外，八冶职工医院也参加了。")


def test_split_name_rule_keeps_generic_heads_and_particles_out():
    assert _named("城里的大医院人满为患。") == []
    assert _named("他们去了地县医院看病。") == []
