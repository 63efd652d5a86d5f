"""Institution extraction: quality per layer on the gold files, and speed.

    python benchmarks/bench_institutions.py                 # table for every layer set
    python benchmarks/bench_institutions.py --speed         # KB/s of the default stage (one core)
    python benchmarks/bench_institutions.py --speed --speed-corpus bulk   # on ../shared/corpus-dev/bulk
    python benchmarks/bench_institutions.py --hnx-eval      # the same per layer, scored by `hnx eval`
    python benchmarks/bench_institutions.py --cold          # first-article cost in a fresh process

Gold sets: `real` (../shared/corpus-dev/articles, independent gold; skipped where absent),
`seeds` and `gold` (the project's written articles).

Quality: for each gold file, the article text is cleaned by the project's ingest and the
institution mentions found are matched to the gold ones by text (NFKC, no whitespace) as
multisets; gold items marked optional are neither required nor counted as errors.
P/R/F1 are micro-averaged; `name` is canonical-name accuracy and `kind` kind accuracy
over the matched mentions.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from extract.institutions import extract_institutions  # noqa: E402

DEFAULT = ("gazetteer", "patterns", "compounds", "media", "references")
LAYER_SETS = [  # cumulative, then the statistical layers alone and on top of the default
    ("gazetteer",), ("gazetteer", "patterns"), ("gazetteer", "patterns", "compounds"),
    ("gazetteer", "patterns", "compounds", "media"), DEFAULT,
    ("jieba_nt",), ("model",), DEFAULT + ("model",), DEFAULT + ("jieba_nt",),
]
GOLD_SETS = {"real": "../shared/corpus-dev/articles/*.gold.json", "seeds": "corpora/seeds/*.gold.json",
             "gold": "corpora/gold/**/*.gold.json"}
EVAL_ROOTS = {"real": "../shared/corpus-dev/articles", "written": ("corpora/seeds", "corpora/gold")}


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def article_text(path: str) -> str:
    raw = open(path, "rb").read()
    try:
        from extract.pipeline import ingest_text
        from extract.ingest.decode import decode

        dec = decode(raw)
        text = dec[0] if isinstance(dec, tuple) else getattr(dec, "text", dec)
        return ingest_text(text).text.text
    except Exception:  # ingest not available yet: a plain clean-up
        text = raw.decode("utf-8", "replace")
        text = re.sub(r"<[^>]{0,2000}>", "\n", text)
        return re.sub(r"[ \t\u3000]+", "", text)


def load_gold(pattern: str):
    docs = []
    for gpath in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
        gold = json.load(open(gpath, encoding="utf-8"))
        src = os.path.join(os.path.dirname(gpath), gold.get("file") or os.path.basename(gpath)[:-10])
        if not os.path.exists(src):
            continue
        items = [m for m in gold.get("mentions", []) if m.get("type") == "institution"]
        docs.append((gpath, article_text(src), items))
    return docs


def score(docs, layers) -> dict:
    tp = fp = fn = name_ok = kind_ok = 0
    for _, text, items in docs:
        need: dict[str, list] = {}
        optional = Counter()
        for m in items:
            if m.get("optional"):
                optional[norm(m["text"])] += 1
            else:
                need.setdefault(norm(m["text"]), []).append(m)
        for m in extract_institutions(text, None, layers=layers):
            key = norm(m.text)
            if need.get(key):
                g = need[key].pop(0)
                tp += 1
                name_ok += norm(m.name or m.text) == norm(g.get("name") or g["text"])
                kind_ok += m.kind == g.get("kind")
            elif optional[key]:
                optional[key] -= 1
            else:
                fp += 1
        fn += sum(len(v) for v in need.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "P": p, "R": r, "F1": f,
            "name": name_ok / tp if tp else 0.0, "kind": kind_ok / tp if tp else 0.0}


def speed(layers, corpus: str = "seeds", target_bytes: int = 1_000_000) -> float:
    """KB/s of extract_institutions on one core over cleaned article texts: `seeds` (the
    written seeds and ../shared/corpus) or `bulk` (../shared/corpus-dev/bulk, 880 real files)."""
    if corpus == "bulk":
        paths = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus-dev", "bulk", "*")))
        texts = [article_text(p) for p in paths]
    else:
        texts = [article_text(p) for p in sorted(glob.glob(os.path.join(ROOT, "corpora/seeds/*.txt")))]
        shared = os.path.join(ROOT, "..", "shared", "corpus")
        texts += [article_text(p) for p in sorted(glob.glob(os.path.join(shared, "*.*"))) if not p.endswith("README.md")]
    blob = "\n".join(texts)
    reps = max(1, target_bytes // max(1, len(blob.encode("utf-8"))))
    extract_institutions(blob[:20000], None, layers=layers)  # warm-up: automata, segmenter, models
    t0 = time.perf_counter()
    for _ in range(reps):
        for t in texts:
            extract_institutions(t, None, layers=layers)
    dt = time.perf_counter() - t0
    return len(blob.encode("utf-8")) * reps / 1000 / dt


COLD_ARTICLE = "../shared/corpus-dev/articles/117_peopledaily_ltc_insurance_nationwide_2026.md"
_COLD = """
import resource, sys, time
sys.path.insert(0, {root!r})
import extract
from extract.options import Options
text = extract.parse_file({path!r}, options=Options(components=())).text
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from extract.institutions import extract_institutions
t0 = time.perf_counter(); extract_institutions(text); t1 = time.perf_counter(); extract_institutions(text)
t2 = time.perf_counter()
print(len(text), t1 - t0, t2 - t1, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024,
      'jieba.posseg' in sys.modules)
"""


def cold(path: str = COLD_ARTICLE, runs: int = 3) -> None:
    """The institution stage's first call in a fresh process (data files, automata, the
    segmenter), on a real article of ~3,000 characters cleaned by ingest; then a second call."""
    import subprocess

    path = os.path.join(ROOT, path)
    if not os.path.exists(path):
        print(f"{path} is absent")
        return
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _COLD.format(root=ROOT, path=path)], capture_output=True,
                             text=True, check=True).stdout.split()
        print(f"{out[0]} chars: first call {float(out[1]):.2f} s, second {float(out[2]) * 1000:.0f} ms, "
              f"+{float(out[3]):.0f} MB, jieba.posseg loaded: {out[4]}")


def hnx_eval(sets, roots=EVAL_ROOTS) -> None:
    """Score each layer set with the project's evaluator (`extract.evaluation`, as `hnx eval`
    does): the pipeline's documents with their institution mentions recomputed per layer set,
    article by article as the pipeline runs them."""
    import extract
    from extract.evaluation import evaluate, summary
    from extract.evaluation import load_gold as load_eval_gold

    print("| layers | gold set | strict P | strict R | strict F1 | partial F1 | name acc | kind acc |")
    print("|---|---|---|---|---|---|---|---|")
    for label, root in roots.items():
        paths = [os.path.join(ROOT, r) for r in ((root,) if isinstance(root, str) else root)]
        if not all(os.path.isdir(p) for p in paths):
            continue
        golds, _ = load_eval_gold(paths)
        docs = [(g.data, extract.parse_file(str(g.article_path), published=g.published)) for g in golds]
        for layers in sets:
            pairs = []
            for gold, doc in docs:
                others = [m for m in doc.mentions if m.type != "institution"]
                found = []
                for art in doc.articles:
                    for m in extract_institutions(doc.text[art.start:art.end], None, layers=layers):
                        m.start += art.start
                        m.end += art.start
                        m.article = art.index
                        found.append(m)
                pairs.append((gold, doc.model_copy(update={"mentions": others + found})))
            s = summary(evaluate(pairs))
            strict = s["mentions"]["institution"]["strict"]
            vals = s["values"]["institution"]
            acc = {f: (vals.get(f) or {}).get("accuracy") for f in ("name", "kind")}
            fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
            print(f"| {'+'.join(layers)} | {label} | {fmt(strict.get('precision'))} | "
                  f"{fmt(strict.get('recall'))} | {fmt(strict.get('f1'))} | "
                  f"{fmt(s['mentions']['institution']['partial'].get('f1'))} | {fmt(acc['name'])} | {fmt(acc['kind'])} |",
                  flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--speed-corpus", default="seeds", choices=("seeds", "bulk"))
    ap.add_argument("--hnx-eval", action="store_true", help="score with extract.evaluation")
    ap.add_argument("--layers", nargs="*", help="only these layer sets (comma-separated)")
    ap.add_argument("--cold", action="store_true", help="first-article cost in a fresh process")
    args = ap.parse_args()
    if args.cold:
        cold()
        return
    sets = [tuple(s.split(",")) for s in args.layers] if args.layers else LAYER_SETS
    if args.hnx_eval:
        hnx_eval(sets)
        return
    if args.speed:
        for layers in sets:
            print(f"{'+'.join(layers):48s} {speed(layers, args.speed_corpus):8.0f} KB/s ({args.speed_corpus})")
        return
    golds = {k: load_gold(v) for k, v in GOLD_SETS.items()}
    head = "| layers | gold set | docs | P | R | F1 | name acc | kind acc | tp/fp/fn |"
    print(head + "\n|---|---|---|---|---|---|---|---|---|")
    for layers in sets:
        for gname, docs in golds.items():
            if not docs:
                continue
            s = score(docs, layers)
            print(f"| {'+'.join(layers)} | {gname} | {len(docs)} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} "
                  f"| {s['name']:.3f} | {s['kind']:.3f} | {s['tp']}/{s['fp']}/{s['fn']} |")


if __name__ == "__main__":
    main()
