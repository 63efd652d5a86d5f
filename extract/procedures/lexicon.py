"""Word lists, regex fragments and the channel gazetteer of the procedures stage,
loaded from the data files next to this module and compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..literals import needed, needed_words, scanner
from ..datafiles import load_yaml

HERE = Path(__file__).parent


def _alt(words) -> str:
    """A regex alternation, longest word first (so 可以 wins over 可)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class GazetteerEntry:
    surface: str
    name: str
    kind: str


class Lexicon:
    def __init__(self, data: dict, gazetteer: list[GazetteerEntry]):
        self.data = data
        # 参保人, 申请人, 投保者 are people, not actions
        self.service_re = re.compile(f"(?:{_alt(data['service_verbs'])})(?!{data['service_noun_after']})")
        neg = _alt(data["negations"])
        self.negation_re = re.compile(neg)
        # (one alternation, every alternative opening with a word: re skips fast to their first characters)
        self.modal_re = re.compile(f"{neg}|{data['modal_pattern']}")
        self.negations = frozenset(data["negations"])
        self.directive_re = re.compile(data["directive_clause"])
        # what every step of instruction_clauses holds (see clauses.may_hold_steps): a service
        # verb (service_re's, without its look-ahead) and a word of an open modal or a directive
        self.service_word_re = re.compile(_alt(data["service_verbs"]))
        cues = [needed(data["modal_pattern"]), needed(self.directive_re)]
        self.step_cue_re = scanner(cues[0] | cues[1]) if all(cues) else None
        self.step_stop_re = re.compile(f"^(?:{_alt(data['step_stops'])})")
        self.condition_clause_re = re.compile(data["condition_clause"])
        self.result_clause_re = re.compile(data["result_clause"])
        self.authority_re = re.compile(data["authority_subject"])
        self.narrative_re = re.compile(data["narrative_step"])
        self.rule_subject_re = re.compile(data["rule_subject"])
        self.scope_statement_re = re.compile(data["scope_statement"])
        self.step_max = int(data["step_max_chars"])
        self.procedure_cue_re = re.compile(data["procedure_cues"])
        self.non_procedure_cue_re = re.compile(_alt(data["non_procedure_cues"]))
        self.materials_heading_re = re.compile(data["materials_heading"])
        self.condition_intro_re = re.compile(data["condition_intro"])
        self.non_action_head_re = re.compile(data["non_action_head"])
        self.case_item_re = re.compile(data["case_item"])
        # a heading that ends with a service action (线下理赔申请, 医保缴费): its list is steps
        self.heading_action_re = re.compile(f"(?:{_alt(data['service_verbs'])})[：:]?$")
        self.policy_head_re = re.compile(f"(?:{_alt(data['policy_heads'])})")
        self.alternatives_cue_re = re.compile(_alt(data["alternatives_cues"]))
        self.strong_procedure_cue_re = re.compile(data["strong_procedure_cues"])
        self.goal_strip = [re.compile(p) for p in data["goal_strip"]]
        self.question_re = re.compile(data["question_label"])
        self.answer_re = re.compile(data["answer_label"])
        self.question_line_label_re = re.compile(data["question_line_label"], re.M)
        self.howto_question_re = re.compile(data["howto_question"])
        self.howto_question_max = int(data["howto_question_max"])
        self.answer_stop_re = re.compile(data["answer_stops"])
        self.answer_max = int(data["answer_max_chars"])
        self.question_cue_re = re.compile(data["qa_question_cue"])
        self.inquiry_question_re = re.compile(data["inquiry_question"])
        self.yes_no_question_re = re.compile(data["yes_no_question"])
        self.alternative_re = re.compile(data["alternative_sentence"])
        self.how_word_re = re.compile(data["how_words"])
        self.where_word_re = re.compile(data["where_words"])
        self.inquiry_verbs = frozenset(data["inquiry_verbs"])
        self.ask_verbs = frozenset(data["ask_verbs"])
        self.access_verbs = frozenset(data["access_verbs"])
        self.goal_after_channel_re = re.compile(data["goal_after_channel_strip"])
        self.seq_first_re = re.compile(_alt(data["sequence_first"]))
        self.seq_next_re = re.compile(_alt(data["sequence_next"]))
        self.seq_last_re = re.compile(_alt(data["sequence_last"]))
        self.seq_later_re = re.compile(_alt(data["sequence_next"] + data["sequence_last"]))
        self.arrow_re = re.compile(_alt(data["arrows"]))
        self.channel_cue_re = re.compile(_alt(data["channel_cues"]))
        self.object_verb_re = re.compile(_alt(data["channel_object_verbs"]))
        self.suffix_kind = {w: s["kind"] for s in data["channel_suffixes"] for w in s["words"]}
        self.suffix_re = re.compile(_alt(self.suffix_kind))
        self.office_re = re.compile(data["office_pattern"])
        self.hotline_re = re.compile(data["hotline_pattern"])
        heads = data["office_heads"]
        name = r"(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff、]{1,6}[）)]){1,24}?"
        tail = rf"(?:{heads})(?:[（(][\u4e00-\u9fff]{{1,8}}[）)])?"
        after = rf"(?=(?:{data['office_after_adverbs']})?(?:{data['office_after']}))"
        self.office_broad_re = re.compile(rf"(?:{data['office_preps']})(?:就近|当地|所在地)?({name}{tail}){after}")
        self.office_next_re = re.compile(rf"(?:{data['office_list_skip']})?(?:{data['office_list_joiners']})({name}{tail}){after}")
        self.office_prep_end_re = re.compile(rf"(?:{data['office_preps']})(?:就近|当地|所在地)?$")
        self.contact_res = [(re.compile(data[k]), kind) for k, kind in
                            (("contact_address", "address"), ("contact_phone", "hotline"), ("contact_fax", "fax"),
                             ("contact_email", "email"))]
        self.not_name_core_re = re.compile(data["not_name_core"])
        self.contact_heading_re = re.compile(data["contact_heading"])
        self.place_qualifier_re = re.compile(data["place_qualifier"])
        self.left_stop_re = re.compile(_alt(data["name_left_stops"]))
        # the patterns scanned over whole texts: the words one of their matches needs
        self.guards = {name: needed_words(getattr(self, name)) for name in (
            "suffix_re", "office_re", "hotline_re", "question_re", "question_line_label_re", "contact_heading_re",
            "condition_intro_re", "arrow_re", "seq_first_re")}
        self.gazetteer = {e.surface: e for e in gazetteer}  # a surface listed twice: its last entry
        # the names a text is scanned for (numbers count only by the hotline pattern: 拨打…, …热线),
        # by words.py's one pass over each article
        self.scanned = [e for e in self.gazetteer.values() if e.kind != "hotline"]


def _read_gazetteer(path: Path) -> list[GazetteerEntry]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        name, kind = cols[0], cols[1]
        aliases = [a for a in (cols[2].split("|") if len(cols) > 2 else []) if a]
        for surface in [name, *aliases]:
            entries.append(GazetteerEntry(surface, name, kind))
    return entries


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml(HERE / "lexicon.yaml")
    return Lexicon(data, _read_gazetteer(HERE / "channels.tsv"))
