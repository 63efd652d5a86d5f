"""extract/lastcall.py: a result kept for the very objects of the last call."""
from extract.lastcall import for_last_call
from extract.procedures.clauses import sentences


def test_result_kept_for_the_same_objects_only():
    calls = []

    @for_last_call
    def length(text, extra=0):
        calls.append(text)
        return [len(text) + extra]

    a = "医保缴费。" * 3
    first = length(a)
    assert length(a) is first and len(calls) == 1           # the same object: kept
    b = "".join(["医保缴费。"] * 3)                           # equal text, another object
    assert b == a and b is not a
    assert length(b) == first and length(b) is not first and len(calls) == 2
    assert length(b, 1) == [16] and len(calls) == 3          # other arguments: computed
    assert length(a) == first and len(calls) == 4           # only the last call is kept


def test_sentences_of_one_article_are_computed_once():
    text = "第一步，登录。第二步，提交。"
    assert sentences(text) is sentences(text)
    assert [text[s:e] for s, e in sentences(text)][:2] == ["第一步，登录", "第二步，提交"]
