"""A three-character short form of the gazetteer is no mention where its first character is
the tail of another word (全国|新办 over 国新办), but stays one where a longer word holds the whole
name (国家科技部) or where it stands free (国新办发布)."""
from extract.institutions import extract_institutions


def _names(text):
    return [(m.text, m.name) for m in extract_institutions(text)]


def test_short_form_whose_first_character_ends_another_word_is_no_mention():
    assert not any(t == "国新办" for t, _ in _names("前三季度，全国新办涉税经营主体同比增长。"))


def test_short_form_standing_free_is_kept():
    assert ("国新办", "国务院新闻办公室") in _names("国新办今天举行新闻发布会。")


def test_short_form_inside_a_longer_word_is_kept():
    assert any(t.endswith("科技部") for t, _ in _names("该项目由国家科技部立项支持。"))
