"""`hnx train`: the readers of every supported format, and a tiny end-to-end training run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.training.formats import detect, locate, read_any, tags_to_spans

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("tags, spans", [
    pytest.param(["B-ORG", "I-ORG", "O", "B-ORG", "O"], [(0, 2), (3, 4)], id="bio"),
    pytest.param(["B-ORG", "M-ORG", "E-ORG", "S-ORG", "O"], [(0, 3), (3, 4)], id="bmes"),
    pytest.param(["B-PER", "I-PER", "O", "B-NT", "E-NT"], [(3, 5)], id="other-labels-dropped"),
    pytest.param(["I-ORG", "I-ORG", "O"], [(0, 2)], id="inside-without-begin"),
    pytest.param(["B-ORG", "B-ORG", "I-ORG"], [(0, 1), (1, 3)], id="two-adjacent"),
])
def test_tags_to_spans(tags, spans):
    assert tags_to_spans(tags) == spans


def test_bio_file(tmp_path):
    f = tmp_path / "train.bio"
    f.write_text("据 O\n新 B-ORG\n华 I-ORG\n社 I-ORG\n报 O\n\n财 B-ORG\n政 I-ORG\n部 I-ORG\n", encoding="utf-8")
    exs = read_any(str(f))
    assert [(e.text, [e.text[s:t] for s, t in e.spans]) for e in exs] == [("据新华社报", ["新华社"]), ("财政部", ["财政部"])]


def test_cluener_file(tmp_path):
    f = tmp_path / "train.json"
    rows = [{"text": "患者在华山医院就诊，浙江卫视报道。",
             "label": {"organization": {"华山医院": [[3, 6]]}, "name": {"患者": [[0, 1]]}}}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    (ex,) = read_any(str(f))
    assert [ex.text[s:t] for s, t in ex.spans] == ["华山医院"]
    (ex,) = read_any(str(f), labels=["name", "organization"])
    assert [ex.text[s:t] for s, t in ex.spans] == ["患者", "华山医院"]


def test_formats_are_detected_by_name():
    assert [detect(p) for p in ("a.gold.json", "b.yaml", "c.jsonl", "d.bmes")] == ["gold", "examples", "cluener", "bio"]


def test_locate_ignores_line_breaks_and_follows_document_order():
    text = "省医保局印发通知。四川省医疗保\n障局获悉，省医保局"
    spans = locate(text, ["省医保局", "四川省医疗保障局", "省医保局"])
    assert [text[s:e] for s, e in spans] == ["省医保局", "四川省医疗保\n障局", "省医保局"]


def test_examples_corpus_reads_every_item():
    exs = read_any(str(ROOT / "corpora/examples/institutions.yaml"))
    assert len(exs) >= 150
    assert all(0 <= s < e <= len(x.text) for x in exs for s, e in x.spans)


NAMES = ["国家医保局", "财政部", "上海市医保局", "普陀区中心医院", "新华社", "浙江省卫生健康委员会",
         "杭州市第一人民医院", "北京协和医院", "四川省医疗保障局", "成都市疾病预防控制中心"]
CONTEXTS = ["{}发布通知。", "记者从{}获悉，新政策将实施。", "{}召开新闻发布会。", "患者转入{}继续治疗。",
            "经{}审核后予以结算。", "据{}消息，试点已启动。"]


def _sentences():
    """Every name in every context; one pair in seven is held out of training."""
    from extract.training.formats import Example

    train_set, held = [], []
    for i, name in enumerate(NAMES):
        for j, ctx in enumerate(CONTEXTS):
            text = ctx.format(name)
            start = text.index(name)
            (held if (i + j) % 7 == 0 else train_set).append(Example(text, [(start, start + len(name))]))
    return train_set, held


def test_training_run_writes_a_model_that_finds_held_out_entities(tmp_path):
    """A model trained from scratch on 52 sentences finds the institution of sentences it
    never saw (names and contexts seen apart, never together), with the exact span, and
    nothing else: precision and recall over the held-out spans."""
    from extract.institutions.statistical import model_candidates
    from extract.training.train import train

    train_set, held = _sentences()
    assert len(held) == 8 and not {e.text for e in held} & {e.text for e in train_set}
    out = tmp_path / "model"
    result = train(train_set, str(out), iterations=20, seed=0, dev=0.0, augment=0, log=None)
    assert (out / "meta.json").exists() and (out / "training.json").exists()
    assert result["train_examples"] == len(train_set)
    gold = {(e.text, s, t) for e in held for s, t in e.spans}
    found = {(e.text, c.start, c.end) for e in held for c in model_candidates(e.text, path=str(out))}
    tp = len(gold & found)
    assert found and tp / len(found) >= 0.85, f"precision {tp}/{len(found)}: {sorted(found - gold)}"
    assert tp / len(gold) >= 0.85, f"recall {tp}/{len(gold)}: missed {sorted(gold - found)}"


def test_synthetic_augmentation_adds_examples(tmp_path):
    from extract.training.formats import Example
    from extract.training.train import train

    exs = [Example(f"{n}发布通知。", [(0, len(n))]) for n in NAMES[:3]]
    result = train(exs, str(tmp_path / "m"), iterations=1, seed=0, dev=0.0, augment=20, log=None)
    assert result["train_examples"] == len(exs) + 20


def test_model_layer_without_a_model_says_how_to_get_one(tmp_path):
    from extract.institutions.statistical import model_candidates

    with pytest.raises(FileNotFoundError, match="hnx train"):
        model_candidates("国家医保局", path=str(tmp_path / "missing"))


def test_same_data_and_seed_give_the_same_model(tmp_path):
    from extract.training.formats import Example
    from extract.training.train import train

    exs = [Example(f"{n}发布通知。", [(0, len(n))]) for n in ("国家医保局", "财政部", "新华社")] * 3
    for name in ("a", "b"):
        train(exs, str(tmp_path / name), iterations=2, seed=3, dev=0.0, augment=10, log=None)
    assert (tmp_path / "a/ner/model").read_bytes() == (tmp_path / "b/ner/model").read_bytes()


def test_hnx_train_command_on_user_data(tmp_path):
    from typer.testing import CliRunner

    from extract.cli import app

    data = tmp_path / "mine.jsonl"
    data.write_text(json.dumps({"text": "国家医保局发布通知。", "label": {"government": {"国家医保局": [[0, 4]]}}},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    res = CliRunner().invoke(app, ["train", str(data), "-o", str(out), "--iterations", "1", "--augment", "0", "--dev", "0"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.strip().splitlines()[-1])["train_examples"] == 1
    assert (out / "meta.json").exists()
    missing = CliRunner().invoke(app, ["train", str(tmp_path / "nope.bio")])
    assert missing.exit_code == 2
