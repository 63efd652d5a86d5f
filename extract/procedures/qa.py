"""Question-and-answer blocks: the question gives the goal, the answer the steps and
channels. Three forms: labelled (问：…答：…, Q1：…答：…), a label alone on its line with the
question on the next (Q\\n哪些人可以…？\\n…), and a how-to question on a line of its own
(如何申请参保？) answered by the paragraph after it. An answer runs to the next question, a
source tag such as （普陀医保）, a byline mark, or at most `answer_max_chars` characters."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import lexicon
from .words import article

_SENTENCE_MARKS = "。！？!?；;"


@dataclass
class QA:
    q_start: int   # at the question label
    q_end: int     # end of the question text (before the answer label)
    a_start: int   # after the answer label
    a_end: int
    q_text_start: int = -1  # where the question's words start (after its label)

    @property
    def start(self) -> int:
        return self.q_start

    @property
    def end(self) -> int:
        return self.a_end

    @property
    def question(self) -> tuple[int, int]:
        return (self.q_text_start if self.q_text_start >= 0 else self.q_start), self.q_end


def _labelled(text: str) -> list[QA]:
    lex = lexicon()
    questions = article(text).finditer(lex.question_re, lex.guards["question_re"])
    out = []
    for i, q in enumerate(questions):
        nxt = questions[i + 1].start() if i + 1 < len(questions) else len(text)
        a = lex.answer_re.search(text, q.end(), min(nxt, q.end() + 300))
        if not a:
            continue
        end = _answer_end(text, a.end(), min(nxt, a.end() + lex.answer_max))
        out.append(QA(q.start(), a.start(), a.end(), end, q.end()))
    return out


def _answer_end(text: str, a: int, end: int) -> int:
    stop = lexicon().answer_stop_re.search(text, a, end)
    if stop:
        end = stop.start()
    while end > a and text[end - 1].isspace():
        end -= 1
    return end


def _next_line(text: str, i: int, limit: int) -> tuple[int, int]:
    """The first non-empty line at or after position i: (start, end)."""
    while i < limit and text[i] in "\n \t\u3000":
        i += 1
    e = text.find("\n", i, limit)
    return i, (e if e >= 0 else limit)


def _label_lines(text: str) -> list[QA]:
    """Q\\n哪些人享有…？\\n已参保…的被保险人 …"""
    lex = lexicon()
    if not article(text).holds_any(lex.guards["question_line_label_re"]):
        return []  # no Q or 问: no label (a scan for the words, not a try at every line)
    labels = article(text).finditer(lex.question_line_label_re, lex.guards["question_line_label_re"])  # (at the lines holding them)
    out = []
    for i, m in enumerate(labels):
        nxt = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        qs, qe = _next_line(text, m.end(), min(nxt, m.end() + 200))
        if qe <= qs or text[qe - 1] not in "？?" or qe - qs > 80:
            continue
        end = _answer_end(text, qe + 1, min(nxt, qe + 1 + lex.answer_max))
        if end > qe + 1:
            out.append(QA(m.start(), qe, qe + 1, end, qs))
    return out


def _howto_lines(text: str, taken: list[tuple[int, int]]) -> list[QA]:
    """如何申请参保？ on a line of its own: the answer is the first paragraph after it that
    holds sentences (a subtitle line in between is skipped), up to its blank line."""
    lex = lexicon()
    out = []
    pos = 0
    k = 0
    for q_end in _question_mark_lines(text):
        if q_end < pos:
            continue  # inside the answer just taken
        pos = q_end + 1
        qs = text.rfind("\n", max(0, q_end - lex.howto_question_max - 1), q_end) + 1
        if qs == 0 and q_end > lex.howto_question_max:
            continue
        question = text[qs : q_end + 1]
        if not lex.howto_question_re.search(question) or "\n" in question:
            continue
        while k < len(taken) and taken[k][1] <= qs:
            k += 1
        if k < len(taken) and taken[k][0] <= qs:
            continue  # inside a labelled block
        a_start, a_end = _answer_paragraph(text, q_end + 1)
        if a_end > a_start:
            out.append(QA(qs, q_end + 1, a_start, a_end, qs))
            pos = max(pos, a_end)
    return out


QUESTION_LINE_ENDS = ("?\n", "？\n")  # (words of the article's word pass: words.py)


def _question_mark_lines(text: str) -> list[int]:
    """Positions of the ？ (or ?) that end a line (followed by a line break), in order: each
    mark's occurrences found once, not searched for again from every question; from the
    article's word pass (two scans of the text less: the pass finds them with its other words)."""
    return article(text).starts(QUESTION_LINE_ENDS)


def _answer_paragraph(text: str, i: int) -> tuple[int, int]:
    """The first paragraph at or after i holding a sentence end; it ends at a blank line,
    at a line that is itself a question, or after `answer_max_chars`."""
    lex = lexicon()
    limit = min(len(text), i + lex.answer_max)
    for _ in range(3):  # skip up to two subtitle lines without sentence marks
        s, e = _next_line(text, i, limit)
        if e <= s:
            return i, i
        line = text[s:e]
        if any(c in line for c in _SENTENCE_MARKS) and line[-1] not in "？?":
            end = text.find("\n\n", s, limit)
            end = end if end >= 0 else limit
            q = text.find("？\n", s, end)
            if q >= 0:
                end = text.rfind("\n", s, q) if text.rfind("\n", s, q) > s else end
            return s, _answer_end(text, s, end)
        if line[-1:] in "？?":
            return i, i
        i = e + 1
    return i, i


def find_qa(text: str) -> list[QA]:
    labelled = _labelled(text) + _label_lines(text)
    labelled.sort(key=lambda q: q.start)
    taken = [(q.start, q.end) for q in labelled]
    out = labelled + _howto_lines(text, taken)
    return sorted(out, key=lambda q: q.start)


def asks_how(question: str) -> bool:
    return bool(lexicon().question_cue_re.search(question))


def is_howto_line(qa: QA) -> bool:
    return qa.q_text_start == qa.q_start and qa.a_start > qa.q_end - 1
