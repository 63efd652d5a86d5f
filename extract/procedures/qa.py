"""Question-and-answer blocks (问：…答：…): the question gives the goal, the answer the
steps and channels. An answer runs to the next question, a source tag such as （普陀医保）,
a byline mark, or at most `answer_max_chars` characters."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import lexicon


@dataclass
class QA:
    q_start: int   # at the question label
    q_end: int     # end of the question text (before the answer label)
    a_start: int   # after the answer label
    a_end: int

    @property
    def start(self) -> int:
        return self.q_start

    @property
    def end(self) -> int:
        return self.a_end


def find_qa(text: str) -> list[QA]:
    lex = lexicon()
    questions = list(lex.question_re.finditer(text))
    out = []
    for i, q in enumerate(questions):
        nxt = questions[i + 1].start() if i + 1 < len(questions) else len(text)
        a = lex.answer_re.search(text, q.end(), min(nxt, q.end() + 300))
        if not a:
            continue
        end = min(nxt, a.end() + lex.answer_max)
        stop = lex.answer_stop_re.search(text, a.end(), end)
        if stop:
            end = stop.start()
        while end > a.end() and text[end - 1].isspace():
            end -= 1
        out.append(QA(q.start(), a.start(), a.end(), end))
    return out


def asks_how(question: str) -> bool:
    return bool(lexicon().question_cue_re.search(question))
