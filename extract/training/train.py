"""Train the institution NER: a spaCy `ner` component from scratch on character tokens
(spacy.blank("zh"), segmenter "char": no word segmentation to merge across a name's edge,
as jieba does with 局于). Deterministic for a given seed and data.

    from extract.training.train import train
    scores = train(examples, "models/institutions-ner", iterations=20, seed=0)
"""
from __future__ import annotations

import json
import os
import random
import time
from typing import Callable, Optional

from .formats import LABEL, Example

SYNTH_TEMPLATES = [
    "据{0}消息，{1}近日印发通知。", "记者从{0}获悉，{1}将开展专项检查。", "{0}会同{1}发布实施方案。",
    "患者转入{0}继续治疗，{1}专家参与会诊。", "{0}与{1}签署合作协议。", "（{0}）", "{0}召开新闻发布会。",
    "经{0}审核通过后，由{1}负责结算。", "{0}（{1}）专家提醒市民注意保暖。", "在{0}的指导下，{1}完成了验收。",
]


def synthetic(pool: list[str], n: int, rng: random.Random) -> list[Example]:
    """Sentences from templates with institution names drawn from `pool`: more contexts
    and more names than the annotated data alone holds."""
    out = []
    for _ in range(n):
        tpl = rng.choice(SYNTH_TEMPLATES)
        names = [rng.choice(pool) for _ in range(tpl.count("{"))]
        spans: list[tuple[int, int]] = []
        pieces = tpl.split("{")
        text = pieces[0]
        for piece, name in zip(pieces[1:], names):
            _, rest = piece.split("}", 1)
            spans.append((len(text), len(text) + len(name)))
            text += name + rest
        out.append(Example(text, spans, "synthetic"))
    return out


def name_pool(examples: list[Example], rng: random.Random, generated: int = 400) -> list[str]:
    from ..institutions import lexicon

    pool = {e.text[s:t] for e in examples for s, t in e.spans if "\n" not in e.text[s:t]}
    pool |= set(lexicon.known())
    regions = [r for r in lexicon.regions() if r.level in ("provincial", "municipal", "county", "district")]
    forms = [f for b in lexicon.bodies() for f in b["forms"]]
    extra = ["第一人民医院", "第二人民医院", "中心医院", "中医医院", "妇幼保健院", "疾病预防控制中心", "人民医院"]
    for _ in range(generated):
        r = rng.choice(regions)
        pool.add((r.name if rng.random() < 0.7 or len(r.short) < 2 else r.short) + rng.choice(forms + extra))
    return sorted(pool)


def _split(examples: list[Example], dev: float, rng: random.Random):
    idx = list(range(len(examples)))
    rng.shuffle(idx)
    n_dev = int(len(idx) * dev)
    dev_set = {i for i in idx[:n_dev]}
    return ([e for i, e in enumerate(examples) if i not in dev_set], [e for i, e in enumerate(examples) if i in dev_set])


def _to_spacy(nlp, ex: Example):
    from spacy.training import Example as SpacyExample
    from spacy.util import filter_spans

    ref = nlp.make_doc(ex.text)
    spans = [ref.char_span(s, e, label=LABEL, alignment_mode="expand") for s, e in ex.spans]
    ref.ents = filter_spans([s for s in spans if s is not None])
    return SpacyExample(nlp.make_doc(ex.text), ref)


def ner_config(window: int, depth: int = 4, width: int = 96) -> dict:
    """spaCy's default NER model with a wider CNN window: on characters, window 1 and depth
    4 see only 4 characters each side, less than a long name."""
    return {"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": width,
                    "depth": depth, "embed_size": 2000, "window_size": window, "maxout_pieces": 3,
                    "subword_features": True}}}


def train(examples: list[Example], output: str, iterations: int = 20, seed: int = 0, dev: float = 0.2,
          augment: int = 2000, window: int = 1, log: Optional[Callable[[str], None]] = print) -> dict:
    import spacy
    from spacy.util import fix_random_seed, minibatch

    log = log or (lambda _msg: None)
    rng = random.Random(seed)
    fix_random_seed(seed)
    train_set, dev_set = _split(examples, dev, rng)
    if augment:
        train_set += synthetic(name_pool(train_set, rng), augment, rng)
    nlp = spacy.blank("zh")  # character tokens
    ner = nlp.add_pipe("ner", config=ner_config(window))
    ner.add_label(LABEL)
    train_egs = [_to_spacy(nlp, e) for e in train_set]
    dev_egs = [_to_spacy(nlp, e) for e in dev_set]
    optimizer = nlp.initialize(lambda: train_egs)
    t0, scores = time.time(), {}
    for epoch in range(iterations):
        rng.shuffle(train_egs)
        losses: dict = {}
        for batch in minibatch(train_egs, size=16):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        if dev_egs:
            scores = nlp.evaluate(dev_egs)
        log(f"epoch {epoch + 1:2d}  loss {losses.get('ner', 0):9.1f}  dev P {scores.get('ents_p', 0) or 0:.3f} "
            f"R {scores.get('ents_r', 0) or 0:.3f} F {scores.get('ents_f', 0) or 0:.3f}  {time.time() - t0:5.0f}s")
    nlp.meta.update({"name": "hnx_institutions", "version": "0.1.0",
                     "description": "hnx institution NER (characters, trained from scratch by `hnx train`)"})
    os.makedirs(output, exist_ok=True)
    nlp.to_disk(output)
    result = {"train_examples": len(train_set), "dev_examples": len(dev_set), "augment": augment, "window": window,
              "iterations": iterations, "seed": seed, "seconds": round(time.time() - t0, 1),
              "dev_p": scores.get("ents_p"), "dev_r": scores.get("ents_r"), "dev_f": scores.get("ents_f")}
    with open(os.path.join(output, "training.json"), "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
    return result
