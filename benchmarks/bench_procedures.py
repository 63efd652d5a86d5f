"""Procedures benchmark: step-level and channel-level precision/recall/F1 on the examples
corpus (corpora/examples/procedures.yaml), on the written gold files (corpora/**/*.gold.json with
`procedures`) and, where present, on the real development corpus (../shared/corpus-dev/articles),
plus throughput. (The project's scores are `python -m extract eval`; this script is the stage alone
on article text, with its own lenient step matching.)

    python benchmarks/bench_procedures.py [--json]          (from the repository root)

Matching is per document, one-to-one, over all procedures of the document together.
Steps: *strict* = equal after normalization (NFKC, whitespace and end punctuation removed,
quotes unified); *lenient* = one contains the other or character-bigram Dice >= 0.6. A gold
step holding an arrow path (A→B→C) is split into its parts, as the annotation convention of
this extractor has it. Channels: equal after normalization (quotes, APP/客户端 suffix,
gazetteer alias -> name), or one containing the other (>= 3 characters). Gold procedures
marked `optional` neither count as misses nor make a matching prediction a false positive.
Gold article text comes from `extract.parse_file` when the pipeline exists, else from a
plain fallback cleaner (HTML text, front matter dropped, OCR line wraps joined).
"""
from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus-dev" / "articles"
sys.path.insert(0, str(ROOT))

from extract.procedures import extract_procedures  # noqa: E402
from extract.procedures.lexicon import lexicon  # noqa: E402
from extract.schema import Deadline  # noqa: E402

_QUOTES = re.compile(r"[“”\"「」『』‘’']")
_END = re.compile(r"^[\s，,。；;：:、]+|[\s，,。；;：:、]+$")
_ARROW = re.compile(r"→|->|—>|⇒|➔|➡")


def norm_step(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", s)
    s = _QUOTES.sub('"', s)
    return _END.sub("", s)


def norm_channel(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", _QUOTES.sub("", s)).lower()
    s = re.sub(r"(app|客户端)$", "", s).replace("微信公众号", "公众号")
    entry = lexicon().gazetteer.get(s)
    return entry.name.lower() if entry else s


def _bigrams(s: str) -> set:
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def step_match(a: str, b: str, lenient: bool) -> bool:
    if a == b:
        return True
    if not lenient:
        return False
    if a in b or b in a:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) >= 0.6


def channel_match(a: str, b: str, lenient: bool = True) -> bool:
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


def match(pred: list[str], gold: list[str], optional: list[str], same) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives), one-to-one, greedy in order."""
    used = [False] * len(gold)
    used_opt = [False] * len(optional)
    tp = fp = 0
    for p in pred:
        hit = next((i for i, g in enumerate(gold) if not used[i] and same(p, g)), None)
        if hit is not None:
            used[hit] = True
            tp += 1
            continue
        opt = next((i for i, g in enumerate(optional) if not used_opt[i] and same(p, g)), None)
        if opt is not None:
            used_opt[opt] = True
        else:
            fp += 1
    return tp, fp, used.count(False)


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, t):
        self.tp += t[0]
        self.fp += t[1]
        self.fn += t[2]

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def split_arrows(steps: list[str]) -> list[str]:
    return [part for s in steps for part in (_ARROW.split(s) if _ARROW.search(s) else [s]) if part.strip()]


def score_doc(text: str, gold_procs: list[dict], scores: dict, deadlines=()) -> None:
    got = extract_procedures(text, [], list(deadlines))
    p_steps = [norm_step(s.text) for p in got for s in p.steps]
    p_chans = [norm_channel(c.name) for p in got for c in p.channels]
    req = [g for g in gold_procs if not g.get("optional")]
    opt = [g for g in gold_procs if g.get("optional")]

    def steps(gs):
        return [norm_step(s) for g in gs for s in split_arrows(g.get("steps", []))]

    def chans(gs):
        return [norm_channel(c if isinstance(c, str) else c["name"]) for g in gs for c in g.get("channels", [])]

    for lenient in (False, True):
        key = "steps_lenient" if lenient else "steps_strict"
        scores[key].add(match(p_steps, steps(req), steps(opt), lambda a, b: step_match(a, b, lenient)))
    scores["channels"].add(match(p_chans, chans(req), chans(opt), channel_match))
    kinds_pred = [(norm_channel(c.name), c.kind) for p in got for c in p.channels]
    gold_kinds = [(norm_channel(c["name"]), c.get("kind")) for g in req for c in g.get("channels", []) if isinstance(c, dict)]
    if gold_kinds:
        scores["channels_with_kind"].add(match(kinds_pred, gold_kinds, [], lambda a, b: a == b))
    n_pred, n_gold = len(got), len(req)
    scores["procedures"].add((min(n_pred, n_gold), max(0, n_pred - n_gold - len(opt)), max(0, n_gold - n_pred)))


def new_scores() -> dict:
    return {k: Score() for k in ("steps_strict", "steps_lenient", "channels", "channels_with_kind", "procedures")}


def examples(path: Path) -> tuple[dict, list[str]]:
    scores, texts = new_scores(), []
    for ex in yaml.safe_load(path.read_text(encoding="utf-8")):
        t = ex["text"]
        dls = [Deadline(start=t.index(s), end=t.index(s) + len(s)) for s in ex.get("deadlines", [])]
        score_doc(t, ex["expect"], scores, dls)
        texts.append(t)
    return scores, texts


_FW = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


def fallback_clean(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace").translate(_FW)
    if path.suffix in (".html", ".htm") or raw.lstrip().startswith("<"):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(raw, "lxml")
        for tag in soup(["script", "style", "nav", "footer", "header"]):
            tag.decompose()
        lines = [re.sub(r"\s+", "", ln) for ln in soup.get_text("\n").split("\n")]
        return "\n".join(ln for ln in lines if ln)
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    raw = re.sub(r"^#{1,6}\s*|\*\*", "", raw, flags=re.M)
    out = []
    for ln in raw.split("\n"):
        ln = re.sub(r"\s+", "", ln)
        if not ln:
            if out and out[-1] and out[-1][-1] in "。！？：":
                out.append("\n")
            continue
        out.append(ln)
    return "".join(out)


def article_text(path: Path) -> str:
    try:
        import extract
        from extract.options import Options

        return extract.parse_file(str(path), options=Options(components=())).text
    except (AttributeError, ImportError):
        return fallback_clean(path)


def gold_files(folder: Path) -> tuple[dict, dict, list[str]]:
    total, per_file, texts = new_scores(), {}, []
    for gf in sorted(glob.glob(str(folder / "**" / "*.gold.json"), recursive=True)):
        if Path(gf).parts[-2].startswith("real-"):
            continue  # real-dev2 and the test sets (third-party articles under ../shared): measured by hnx eval only
        gold = json.loads(Path(gf).read_text(encoding="utf-8"))
        if "procedures" not in gold:
            continue
        src = Path(gf).with_name(gold.get("file") or Path(gf).name[: -len(".gold.json")])
        if not src.exists():
            continue
        text = article_text(src)
        texts.append(text)
        one = new_scores()
        score_doc(text, gold["procedures"], one)
        score_doc(text, gold["procedures"], total)
        per_file[src.name] = {k: v.prf() for k, v in one.items() if k in ("steps_lenient", "channels")}
    return total, per_file, texts


def throughput(texts: list[str], rounds: int = 5) -> dict:
    chars = sum(len(t) for t in texts) * rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            extract_procedures(t, [], [])
    dt = time.perf_counter() - t0
    return {"docs_per_s": round(len(texts) * rounds / dt, 1), "chars_per_s": round(chars / dt)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    ex_scores, ex_texts = examples(ROOT / "corpora" / "examples" / "procedures.yaml")
    gold_scores, per_file, gold_texts = gold_files(ROOT / "corpora")
    report = {
        "examples": {k: v.prf() for k, v in ex_scores.items()},
        "gold": {k: v.prf() for k, v in gold_scores.items()},
        "gold_per_file": per_file,
    }
    texts = ex_texts + gold_texts
    if REAL.is_dir():  # the real development corpus, where it is present (never in the repository)
        real_scores, real_per_file, real_texts = gold_files(REAL)
        report["real"] = {k: v.prf() for k, v in real_scores.items()}
        report["gold_per_file"].update(real_per_file)
        texts += real_texts
    report["throughput"] = throughput(texts)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for part in [p for p in ("examples", "gold", "real") if p in report]:
        print(f"== {part}")
        for k, v in report[part].items():
            if v["tp"] + v["fp"] + v["fn"] == 0:
                print(f"  {k:20s} n/a (no gold of this kind)")
                continue
            print(f"  {k:20s} P={v['P']:.3f} R={v['R']:.3f} F1={v['F1']:.3f}  (tp={v['tp']} fp={v['fp']} fn={v['fn']})")
    print("== gold per file (steps lenient F1 / channels F1)")
    for name, v in per_file.items():
        cells = [f"{v[k]['F1']:.3f}" if v[k]["tp"] + v[k]["fp"] + v[k]["fn"] else "  n/a" for k in ("steps_lenient", "channels")]
        print(f"  {name:45s} {cells[0]} / {cells[1]}")
    print("== throughput", report["throughput"])


if __name__ == "__main__":
    main()
