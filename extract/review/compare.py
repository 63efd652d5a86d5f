"""Gold and prediction side by side, in the same view as `hnx show`: the
article's text twice, paragraph by paragraph (gold marks left, predicted marks
right), each mark carrying its outcome (correct, missed, spurious, wrong value,
optional) as a sign and an outline style, and the deadlines, steps, conditions
and channels as two lists. Mention outcomes come from the scorer's own
matching (evaluation.score.match_type, evaluation.values.compare); the others
from the issues the scorer reported."""
from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace
from typing import Any, Optional, Sequence

from ..evaluation.align import locate, place_in_order
from ..evaluation.metrics import Issue
from ..evaluation.score import TYPES, match_type
from ..evaluation.text import Folded, fold
from ..evaluation.values import compare as compare_values
from ..schema import Document
from .escape import esc
from .labels import kind_label, kind_sign
from .layers import Layer, render
from .marks import RANK_DEADLINE, RANK_PART, mention_layer, structure_layers, target_layer

_PARAGRAPH = re.compile(r"\n\s*\n")


def mention_outcomes(gold_mentions: Sequence[Any], gspans: Sequence[Optional[tuple]], preds: Sequence[Any]):
    """(gold kinds, pred kinds, gold pair ids, pred pair ids), one per mention."""
    gk: list[str] = ["missed"] * len(gold_mentions)
    pk: list[str] = ["spurious"] * len(preds)
    gp: list[Optional[int]] = [None] * len(gold_mentions)
    pp: list[Optional[int]] = [None] * len(preds)
    pair = 0
    for typ in TYPES:
        gi = [i for i, m in enumerate(gold_mentions) if m.type == typ]
        pi = [i for i, m in enumerate(preds) if m.type == typ]
        g = [gold_mentions[i] for i in gi]
        req, opt, _ = match_type(g, [gspans[i] for i in gi], [preds[i] for i in pi], partial=True)
        for a, b in req:
            ok = all(compare_values(typ, g[a], preds[pi[b]]).values())
            gk[gi[a]] = pk[pi[b]] = "ok" if ok else "wrong_value"
            gp[gi[a]] = pp[pi[b]] = pair
            pair += 1
        for a, b in opt:
            gk[gi[a]] = pk[pi[b]] = "optional"
            gp[gi[a]] = pp[pi[b]] = pair
            pair += 1
        for a, m in enumerate(g):
            if m.optional and gp[gi[a]] is None:
                gk[gi[a]] = "optional"
    return gk, pk, gp, pp


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip() or not out:
        out.append((pos, len(text)))
    return out


def _kind_issue_texts(issues: Sequence[Issue], typ: str, kind: str) -> Counter:
    return Counter(fold(i.text) for i in issues if i.type == typ and i.kind == kind)


def _take(counter: Counter, text: str) -> bool:
    k = fold(text)
    if counter.get(k, 0) > 0:
        counter[k] -= 1
        return True
    return False


def _item(kind: str, body: str) -> str:
    sign = kind_sign(kind)
    badge = f'<span class="badge">{esc(sign)} {esc(kind_label(kind))}</span> ' if kind != "ok" else ""
    return f'<li class="k-{kind}">{badge}{body}</li>'


def _goto(tid: Optional[str], label: str) -> str:
    if not tid:
        return label
    return f'<button type="button" class="goto" data-goto="{tid}">{label}</button>'


def structure_lists(gold: Any, doc: Document, issues: Sequence[Issue], folded: Folded,
                    layers: list[Layer]) -> str:
    """Deadlines, steps, conditions, channels: gold left, prediction right.
    Gold items are placed in the text (first occurrence) so they scroll too;
    their scroll targets are added to `layers`."""
    n = len(doc.text)
    rows = []
    # deadlines: the scorer reports missed ones with the gold item, spurious ones with the prediction
    missed = [i.gold for i in issues if i.type == "deadline" and i.kind == "missed"]
    spurious = [i.pred for i in issues if i.type == "deadline" and i.kind == "spurious"]
    left, right = [], []
    for k, d in enumerate(gold.deadlines):
        dump = d.model_dump(exclude_none=True)
        kind = "missed" if dump in missed else ("optional" if d.optional else "ok")
        if dump in missed:
            missed.remove(dump)
        span = locate(folded, d.date_text or d.action)
        tid = None
        if span:
            tid = f"xd{k}"
            layers.append(target_layer(tid, span[0], span[1], n, RANK_DEADLINE, "dl"))
        left.append(_item(kind, _goto(tid, f'<span class="due">{esc(d.due)}</span> {esc(d.action or "")}'
                                           f' <span class="who">{esc(d.actor or "")}</span>')))
    for k, d in enumerate(doc.deadlines):
        dump = d.model_dump(exclude_none=True, include={"due", "date_text", "action", "actor"})
        kind = "spurious" if dump in spurious else "ok"
        if dump in spurious:
            spurious.remove(dump)
        right.append(_item(kind, _goto(f"d{k}", f'<span class="due">{esc(d.due or "?")}</span> {esc(d.action or "")}'
                                                 f' <span class="who">{esc(d.actor or "")}</span>')))
    rows.append(("deadlines 期限", left, right))
    for typ, cls, gattr, pattr, letter in (("step", "step", "steps", "steps", "s"),
                                            ("condition", "cond", "conditions", "conditions", "c")):
        miss = _kind_issue_texts(issues, typ, "missed")
        spur = _kind_issue_texts(issues, typ, "spurious")
        left, right = [], []
        for k, (text, optional) in enumerate((t, p.optional) for p in gold.procedures for t in getattr(p, gattr)):
            kind = "missed" if _take(miss, text) else ("optional" if optional else "ok")
            span = locate(folded, text)
            tid = None
            if span:
                tid = f"x{letter}{k}"
                layers.append(target_layer(tid, span[0], span[1], n, RANK_PART, cls))
            left.append(_item(kind, _goto(tid, esc(text))))
        for i, p in enumerate(doc.procedures):
            for j, s in enumerate(getattr(p, pattr)):
                kind = "spurious" if _take(spur, s.text) else "ok"
                right.append(_item(kind, _goto(f"p{i}{letter}{j}", esc(s.text))))
        rows.append((f"{typ}s", left, right))
    miss = _kind_issue_texts(issues, "channel", "missed")
    spur = _kind_issue_texts(issues, "channel", "spurious")
    names = list(dict.fromkeys((c, p.optional) for p in gold.procedures for c in p.channels))
    left = [_item("missed" if _take(miss, c) else ("optional" if o else "ok"), esc(c)) for c, o in names]
    pnames = list(dict.fromkeys(c.name for p in doc.procedures for c in p.channels))
    right = [_item("spurious" if _take(spur, c) else "ok", esc(c)) for c in pnames]
    rows.append(("channels 渠道", left, right))
    out = []
    for title, left, right in rows:
        if left or right:
            out.append(f'<h4>{esc(title)}</h4><div class="pair lists"><ul class="col gold">{"".join(left)}</ul>'
                       f'<ul class="col pred">{"".join(right)}</ul></div>')
    return "".join(out)


def render_comparison(n: int, label: str, gold: Any, doc: Document, issues: Sequence[Issue]) -> str:
    """Section `doc-n`: one gold file and its prediction."""
    text = doc.text
    size = len(text)
    folded = Folded.of(text)
    gm = list(gold.mentions)
    gspans = place_in_order(folded, [m.text for m in gm])
    gk, pk, gp, pp = mention_outcomes(gm, gspans, doc.mentions)
    glayers: list[Layer] = [mention_layer("g", i, m, size, gk[i], gp[i], span=gspans[i])
                            for i, m in enumerate(gm) if gspans[i] is not None]
    players: list[Layer] = [mention_layer("m", i, m, size, pk[i], pp[i]) for i, m in enumerate(doc.mentions)]
    players += structure_layers(doc, size)
    glists = structure_lists(gold, doc, issues, folded, glayers)
    rows = ['<div class="colhead">gold 标注</div><div class="colhead">prediction 抽取</div>']
    for lo, hi in paragraphs(text):
        rows.append(f'<div class="col gold" lang="zh-CN">{render(text, lo, hi, glayers)}</div>'
                    f'<div class="col pred" lang="zh-CN">{render(text, lo, hi, players)}</div>')
    unplaced = [f'<li class="k-{gk[i]}"><mark class="m t-{m.type} k-{gk[i]}" data-g="{i}" data-type="{m.type}"'
                f' data-kind="{gk[i]}" tabindex="-1" title="not found in the text">{esc(m.text)}</mark></li>'
                for i, m in enumerate(gm) if gspans[i] is None]
    counts = Counter(gk) + Counter(k for k in pk if k == "spurious")
    tally = " · ".join(f"{esc(kind_label(k))} {counts[k]}" for k in ("ok", "wrong_value", "missed", "spurious", "optional")
                       if counts[k])
    head = (f'<header><h2 lang="zh-CN">{esc(label)}</h2><p class="src">{esc(doc.source or "")}'
            f' · mentions: {tally or "none"}</p></header>')
    extra = (f'<p class="unplaced">gold mentions not found in the text:</p><ul>{"".join(unplaced)}</ul>'
             if unplaced else "")
    return (f'<section class="doc cmp" id="doc-{n}" data-scope>{head}<div class="pair">{"".join(rows)}</div>'
            f"{extra}{glists}</section>")


def render_issue_sentences(n: int, label: str, issues: Sequence[Issue]) -> str:
    """Without the documents, the sentences the mention errors sit in: the gold
    reading left (missed, wrong value), the prediction right (spurious, wrong value)."""
    by_sentence: dict[str, list[Issue]] = {}
    for e in issues:
        if e.type in TYPES and e.sentence:
            by_sentence.setdefault(e.sentence, []).append(e)
    if not by_sentence:
        return ""
    rows = ['<div class="colhead">gold 标注</div><div class="colhead">prediction 抽取</div>']
    k = 0
    for sentence, items in by_sentence.items():
        gl, pl = [], []
        for e in items:
            for side, data, out in (("g", e.gold, gl), ("m", e.pred, pl)):
                if e.kind == ("spurious" if side == "g" else "missed"):
                    continue
                # what mention_layer reads, from the issue's gold / pred dict
                fields = {f: v for f, v in (data or {}).items() if f not in ("start", "end", "type", "text")}
                m = SimpleNamespace(type=e.type, text=(data or {}).get("text", e.text), **fields)
                at = sentence.find(m.text) if m.text else -1
                if at >= 0:
                    out.append(mention_layer(side, k, m, len(sentence), e.kind, k, span=(at, at + len(m.text))))
            k += 1
        rows.append(f'<div class="col gold" lang="zh-CN">{render(sentence, 0, len(sentence), gl)}</div>'
                    f'<div class="col pred" lang="zh-CN">{render(sentence, 0, len(sentence), pl)}</div>')
        notes = [e for e in items if e.detail]
        if notes:
            rows.append('<ul class="notes">' + "".join(
                f'<li class="k-{e.kind}">{esc(kind_sign(e.kind))} {esc(e.type)} 「{esc(e.text)}」: {esc(e.detail)}</li>'
                for e in notes) + "</ul>")
    return (f'<section class="doc cmp" id="doc-{n}" data-scope><header><h2 lang="zh-CN">{esc(label)}</h2>'
            f'<p class="src">mention errors in their sentences</p></header><div class="pair">{"".join(rows)}</div></section>')
