"""Mutation check: does the test suite notice when one rule family is switched off?

    python benchmarks/mutate.py                      # every mutation (about 30-60 min)
    python benchmarks/mutate.py --list               # the mutations, nothing run
    python benchmarks/mutate.py -k dates.core -k money.rule.scales   # names containing a string
    python benchmarks/mutate.py --jobs 2 --json benchmarks/results/mutations.json

For each mutation the repository is copied to a temporary directory (beside a `shared`
link to ../shared, so the real-corpus tests run as they do here), one family is switched
off in the copy, and the suite runs there:

    python -m pytest -q -x -p no:cacheprovider       (cwd and PYTHONPATH = the copy)

in two steps, so that a killed mutant is known early: first the test files of the
mutation's family (FIRST: tests/test_dates*.py for a date rule ...), then, if they all
pass, the rest of the suite (the same command with those files --ignore'd). Together the
two runs are the whole suite, each test once. The environment variable HNX_MUTANT names the
mutation while its suite runs.

Before the suite, a probe imports `extract` in the copy and checks that the copy's code
is the one imported and that the mutation is in place. A mutation is *killed* when at least
one test fails (the first failing test is reported), *survived* when all pass.

Mutations are defined by names, never by line numbers, so they survive edits to the files:
- data families, enumerated from the data files at run time (a rule added tomorrow is
  mutated tomorrow): each core and suffix pattern of extract/dates/patterns.yaml (the
  pattern is replaced by one that never matches), each role rule of extract/dates/roles.yaml
  (removed by name), each word list / table of extract/money/rules.yaml (replaced by a
  single word that never occurs), each list-marker family of extract/procedures/markers.yaml
  (removed by name), each pattern of extract/ingest/patterns.yaml and chrome list of
  extract/ingest/boilerplate.yaml (made to match nothing);
- code switches, a named function wrapped or replaced at the end of its module (so every
  `from module import name` and every call inside the module sees the switch): ingest's
  title and publication-date finding, the institution layers, the procedure sources, the
  deadline action/actor reading. A switch whose function is gone is reported as
  `not applicable` with the hook it needs.
`required` marks the issue's bar (#20): title detection, date detection from text, every
date and money rule family, the institution pattern layer must each be killed.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTEST = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
# the test files a family's mutant runs first (globs under tests/)
FIRST = {
    "ingest": ["test_ingest*.py", "test_meta.py", "test_decode.py"],
    "dates": ["test_dates*.py", "test_deadlines.py"],
    "deadlines": ["test_deadlines.py", "test_dates_seeds.py"],
    "money": ["test_money*.py"],
    "institutions": ["test_institutions.py"],
    "procedures": ["test_procedures*.py"],
}
ALWAYS_FIRST = ["test_measures_*.py"]   # the tests written to kill mutants
NEVER = "(?!)"          # a regex that matches nothing
ABSENT = "\ue000"       # a private-use character: a word that occurs in no text
IGNORE = shutil.ignore_patterns(".git", ".*.tmp", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", "*.egg-info",
                                "build", "dist", "out*.jsonl")


class NotApplicable(Exception):
    """The family or the function a mutation switches off is not there any more."""


@dataclass
class Mutation:
    name: str
    family: str
    what: str
    apply: Callable[[Path], None] = field(repr=False)
    file: str = ""             # the file it changes, relative to the repository
    probe: str = ""            # Python run in the copy after `import extract`; must not raise
    required: bool = False


@dataclass
class Result:
    name: str
    family: str
    what: str
    required: bool
    outcome: str               # killed | survived | not applicable | error
    first_failure: Optional[str] = None
    seconds: float = 0.0
    detail: str = ""


# -- data-file mutations ---------------------------------------------------------

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: 10x faster
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def _dump(path: Path, data) -> None:
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1 << 20)
    if yaml.load(text, Loader=_LOADER) != data:  # never run a mutant whose data did not survive the round trip
        raise NotApplicable(f"{path.name} does not round-trip through YAML")
    path.write_text(text, encoding="utf-8")


def _yaml_set(rel: str, section: Optional[str], key: str, value) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        data = _load(path)
        table = data[section] if section else data
        if key not in table:
            raise NotApplicable(f"{rel}: no {'/'.join(filter(None, [section, key]))}")
        table[key] = value(table[key]) if callable(value) else value
        _dump(path, data)
    return apply


def _yaml_drop_named(rel: str, section: str, name: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        data = _load(path)
        items = data[section]
        kept = [i for i in items if not (isinstance(i, dict) and i.get("name") == name)]
        if len(kept) == len(items):
            raise NotApplicable(f"{rel}: no {section} entry named {name!r}")
        data[section] = kept
        _dump(path, data)
    return apply


def _absent_like(value):
    """The same shape with one word that never occurs: a family switched off."""
    if isinstance(value, dict):
        return {ABSENT: next(iter(value.values()))} if value else {}
    if isinstance(value, list):
        return [ABSENT]
    if isinstance(value, str):
        return ABSENT
    raise NotApplicable(f"not a word list: {value!r}")


def date_mutations() -> list[Mutation]:
    rel = "extract/dates/patterns.yaml"
    spec = _load(ROOT / rel)
    out = []
    for section, label in (("cores", "core"), ("suffixes", "suffix")):
        for key in spec.get(section, {}):
            out.append(Mutation(f"dates.{label}.{key}", "dates", f"{rel} {section}/{key} never matches",
                                _yaml_set(rel, section, key, NEVER), rel, required=True))
    rel = "extract/dates/roles.yaml"
    for rule in _load(ROOT / rel).get("rules", []):
        fam = "deadlines" if rule.get("role") == "deadline" else "dates"
        out.append(Mutation(f"{fam}.role.{rule['name']}", fam, f"{rel} rule {rule['name']} ({rule['role']}) removed",
                            _yaml_drop_named(rel, "rules", rule["name"]), rel))
    return out


def money_mutations() -> list[Mutation]:
    rel = "extract/money/rules.yaml"
    out = []
    for key, value in _load(ROOT / rel).items():
        if isinstance(value, (dict, list, str)):
            out.append(Mutation(f"money.rule.{key}", "money", f"{rel} {key} emptied (one word that never occurs)",
                                _yaml_set(rel, None, key, _absent_like), rel, required=True))
    return out


def _never_like(value):
    """A pattern (or list of patterns, or of names) that matches nothing."""
    if isinstance(value, list):
        return [NEVER] * len(value) if value else value
    if isinstance(value, str):
        return NEVER
    raise NotApplicable(f"not a pattern: {value!r}")


def ingest_mutations() -> list[Mutation]:
    """Each pattern of extract/ingest/patterns.yaml (datelines, bylines, article ends, title
    filters), each chrome list of boilerplate.yaml, and each pattern (or list of patterns) of
    any other YAML file of extract/ingest/, made to match nothing."""
    out = []
    labels = {"patterns.yaml": "pattern", "boilerplate.yaml": "chrome"}
    for path in sorted((ROOT / "extract" / "ingest").glob("*.yaml")):
        rel = f"extract/ingest/{path.name}"
        label = labels.get(path.name, path.stem)
        data = _load(path)
        for key, value in (data.items() if isinstance(data, dict) else ()):
            if key != "fragments" and (isinstance(value, str) or (
                    isinstance(value, list) and value and all(isinstance(v, str) for v in value))):
                out.append(Mutation(f"ingest.{label}.{key}", "ingest", f"{rel} {key} matches nothing",
                                    _yaml_set(rel, None, key, _never_like), rel))
    return out


def marker_mutations() -> list[Mutation]:
    rel = "extract/procedures/markers.yaml"
    return [Mutation(f"procedures.marker.{f['name']}", "procedures", f"{rel} list-marker family {f['name']} removed",
                     _yaml_drop_named(rel, "families", f["name"]), rel)
            for f in _load(ROOT / rel).get("families", [])]


# -- code switches -----------------------------------------------------------------

def _top_level_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _switch(rel: str, needs: tuple[str, ...], snippet: str, tag: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        if not path.is_file():
            raise NotApplicable(f"hook needed: {rel} is gone")
        missing = [n for n in needs if n not in _top_level_names(path)]
        if missing:
            raise NotApplicable(f"hook needed: {rel} defines no {', '.join(missing)}")
        body = path.read_text(encoding="utf-8")
        path.write_text(f"{body}\n\n# --- mutation {tag} (benchmarks/mutate.py) ---\n{snippet.strip()}\n"
                        f"_HNX_MUTANT = {tag!r}\n", encoding="utf-8")
    return apply


def _module(rel: str) -> str:
    return rel[:-3].replace("/", ".").removesuffix(".__init__")


def switch(name: str, family: str, what: str, rel: str, needs: tuple[str, ...], snippet: str,
           required: bool = False) -> Mutation:
    probe = f"import importlib; assert importlib.import_module({_module(rel)!r})._HNX_MUTANT == {name!r}"
    return Mutation(name, family, what, _switch(rel, needs, snippet, name), rel, probe=probe, required=required)


_DOC_SOURCES = "('manifest', 'argument')"  # what a caller gives; everything else ingest found


def code_mutations() -> list[Mutation]:
    drop = ("_hnx_merge = merge\n"
            "def merge(found):\n"
            "    return _hnx_merge({src: (f if src in " + _DOC_SOURCES + " else\n"
            "                             {k: v for k, v in (f or {}).items() if k != FIELD})\n"
            "                       for src, f in found.items()})\n")
    return [
        switch("ingest.title", "ingest", "no title found in the document (every source but a manifest "
               "or argument drops it in meta.merge)", "extract/ingest/meta.py", ("merge",),
               drop.replace("FIELD", "'title'"), required=True),
        switch("ingest.title.headline_line", "ingest", "the headline line of text pages is not read "
               "(articles.first_title returns None)", "extract/ingest/articles.py", ("first_title",),
               "def first_title(*args, **kwargs):\n    return None\n"),
        switch("ingest.published.text", "ingest", "no publication date from the text: datelines, mastheads, "
               "signatures, timestamps (meta.from_text drops it)", "extract/ingest/meta.py", ("from_text",),
               "_hnx_from_text = from_text\n"
               "def from_text(*args, **kwargs):\n"
               "    out = dict(_hnx_from_text(*args, **kwargs))\n"
               "    out.pop('published', None)\n"
               "    return out\n", required=True),
        switch("ingest.published", "ingest", "no publication date found in the document at all (every "
               "source but a manifest or argument drops it in meta.merge)", "extract/ingest/meta.py", ("merge",),
               drop.replace("FIELD", "'published'")),
        switch("institutions.layer.patterns", "institutions", "the open-world pattern layer is off "
               "(candidates() runs without 'patterns')", "extract/institutions/__init__.py",
               ("candidates", "DEFAULT_LAYERS"),
               "_hnx_candidates = candidates\n"
               "assert 'patterns' in DEFAULT_LAYERS\n"
               "def candidates(text, layers=DEFAULT_LAYERS):\n"
               "    return _hnx_candidates(text, tuple(x for x in layers if x != 'patterns'))\n", required=True),
        switch("institutions.layer.gazetteer", "institutions", "the gazetteer layer is off "
               "(candidates() runs without 'gazetteer')", "extract/institutions/__init__.py",
               ("candidates", "DEFAULT_LAYERS"),
               "_hnx_candidates = candidates\n"
               "assert 'gazetteer' in DEFAULT_LAYERS\n"
               "def candidates(text, layers=DEFAULT_LAYERS):\n"
               "    return _hnx_candidates(text, tuple(x for x in layers if x != 'gazetteer'))\n"),
        switch("procedures.lists", "procedures", "no ordered lists (lists.find_lists returns [])",
               "extract/procedures/lists.py", ("find_lists",),
               "def find_lists(*args, **kwargs):\n    return []\n"),
        switch("procedures.arrows", "procedures", "no arrow paths (sequences.find_arrows returns [])",
               "extract/procedures/sequences.py", ("find_arrows",),
               "def find_arrows(*args, **kwargs):\n    return []\n"),
        switch("procedures.ordinal_chains", "procedures", "no 首先…然后…最后 chains "
               "(sequences.find_ordinal_chains returns [])", "extract/procedures/sequences.py",
               ("find_ordinal_chains",), "def find_ordinal_chains(*args, **kwargs):\n    return []\n"),
        switch("procedures.qa", "procedures", "no question-and-answer blocks (qa.find_qa returns [])",
               "extract/procedures/qa.py", ("find_qa",), "def find_qa(*args, **kwargs):\n    return []\n"),
        switch("deadlines.action_actor", "deadlines", "a deadline's action and actor are not read "
               "(phrases.read returns None, None)", "extract/deadlines/phrases.py", ("read",),
               "def read(*args, **kwargs):\n    return None, None\n"),
    ]


def all_mutations() -> list[Mutation]:
    return code_mutations() + date_mutations() + money_mutations() + marker_mutations() + ingest_mutations()


# -- running -----------------------------------------------------------------------

def snapshot() -> Path:
    """One copy of the working tree, taken once: every mutant starts from the same files,
    whatever is edited in the working tree while the check runs."""
    tmp = Path(tempfile.mkdtemp(prefix="hnx-mutate-snapshot-"))
    shutil.copytree(ROOT, tmp / "repo", ignore=IGNORE, symlinks=True)
    return tmp / "repo"


def make_copy(tag: str, source: Path) -> tuple[Path, Path]:
    """(temporary folder, repository copy inside it); `shared` beside the copy links to ../shared."""
    tmp = Path(tempfile.mkdtemp(prefix=f"hnx-mutant-{re.sub(r'[^a-z0-9]+', '-', tag.lower())}-"))
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (tmp / "shared").symlink_to(shared, target_is_directory=True)
    repo = tmp / "repo"
    shutil.copytree(source, repo, symlinks=True)
    return tmp, repo


def env_for(repo: Path, mutant: str = "") -> dict:
    env = dict(os.environ)
    env.pop("HNX_MUTANT", None)
    if mutant:
        env["HNX_MUTANT"] = mutant
    env["PYTHONPATH"] = str(repo) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def probe(repo: Path, extra: str) -> None:
    code = ("import sys, pathlib, extract\n"
            f"root = pathlib.Path({str(repo)!r}).resolve()\n"
            "here = pathlib.Path(extract.__file__).resolve()\n"
            "assert root in here.parents, f'imported {here}, not the copy'\n" + extra)
    res = subprocess.run([sys.executable, "-c", code], cwd=repo, env=env_for(repo), capture_output=True, text=True)
    if res.returncode:
        raise RuntimeError("probe failed: " + (res.stderr.strip().splitlines() or ["?"])[-1])


_FIRST = re.compile(r"^(FAILED|ERROR) (\S+)", re.M)


def first_files(repo: Path, family: str) -> list[str]:
    found: list[str] = []
    for pattern in FIRST.get(family, []) + ALWAYS_FIRST:
        found += [str(p.relative_to(repo)) for p in sorted((repo / "tests").glob(pattern)) if str(p.relative_to(repo)) not in found]
    return found


DESELECT: list[str] = []   # --deselect: tests that fail before any mutation (named in the output)


def run_suite(repo: Path, timeout: int, family: str = "", mutant: str = "") -> tuple[int, str]:
    """The whole suite, the family's own test files first (two pytest runs, each test once)."""
    first = first_files(repo, family) if family else []
    steps = ([first] if first else []) + [["tests", *(f"--ignore={f}" for f in first)]]
    steps = [args + [f"--deselect={d}" for d in DESELECT] for args in steps]
    deadline = time.monotonic() + timeout
    out = ""
    for args in steps:
        try:
            res = subprocess.run(PYTEST + args, cwd=repo, env=env_for(repo, mutant), capture_output=True, text=True,
                                 timeout=max(1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            return -1, out + f"timed out after {timeout} s"
        out += res.stdout + res.stderr
        if res.returncode not in (0, 5):   # 5: no test collected
            return res.returncode, out
    return 0, out


def run_one(m: Optional[Mutation], source: Path, timeout: int, keep: bool = False) -> Result:
    name = m.name if m else "baseline"
    r = Result(name, m.family if m else "-", m.what if m else "the unmutated copy", bool(m and m.required), "error")
    t0 = time.perf_counter()
    tmp = None
    try:
        tmp, repo = make_copy(name, source)
        if m:
            try:
                m.apply(repo)
            except NotApplicable as e:
                r.outcome, r.detail = "not applicable", str(e)
                return r
        probe(repo, m.probe if m else "")
        code, out = run_suite(repo, timeout, m.family if m else "", name if m else "")
        tail = out.strip().splitlines()[-1] if out.strip() else ""
        if code == 0:
            runs = re.findall(r"^\S.*\bpassed\b.* in [\d.]+s.*$", out, re.M)
            r.outcome, r.detail = "survived", " + ".join(runs) or tail
        elif code in (1, 2):
            hit = _FIRST.search(out)
            r.outcome, r.first_failure, r.detail = "killed", hit.group(2) if hit else "(collection)", tail
        else:
            r.detail = f"pytest exit {code}: {tail}"
    except Exception as e:  # one broken mutant is reported; the others still run
        r.outcome, r.detail = "error", f"{type(e).__name__}: {e}"
    finally:
        r.seconds = round(time.perf_counter() - t0, 1)
        if keep and tmp:
            print(f"  kept {tmp}", file=sys.stderr)
        elif tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return r


def markdown(results: list[Result], meta: dict) -> str:
    lines = [f"Command: `{meta['command']}`; {meta['date']}, commit {meta.get('commit', '?')}; {meta['summary']}.", "",
             "| mutation | switched off | required | result | first failing test |", "|---|---|---|---|---|"]
    for r in results:
        first = f"`{r.first_failure}`" if r.first_failure else (r.detail if r.outcome != "survived" else "-")
        lines.append(f"| `{r.name}` | {r.what} | {'yes' if r.required else ''} | **{r.outcome}** | {first} |")
    return "\n".join(lines) + "\n"


def summary(results: list[Result]) -> str:
    muts = [r for r in results if r.name != "baseline"]
    counts = {k: sum(1 for r in muts if r.outcome == k) for k in ("killed", "survived", "not applicable", "error")}
    req = [r for r in muts if r.required]
    return (f"{len(muts)} mutations: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v)
            + f"; required (issue #20): {sum(r.outcome == 'killed' for r in req)}/{len(req)} killed")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-k", action="append", default=[], help="only mutations whose name contains this (repeatable)")
    ap.add_argument("--list", action="store_true", help="print the mutations and exit")
    ap.add_argument("--jobs", type=int, default=1, help="mutants run at once (each runs the whole suite)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per suite run")
    ap.add_argument("--json", help="write the results here (benchmarks/report.py reads them)")
    ap.add_argument("--markdown", help="write the result table here")
    ap.add_argument("--no-baseline", action="store_true", help="skip the run of the unmutated copy")
    ap.add_argument("--keep", action="store_true", help="keep the temporary copies (debugging)")
    ap.add_argument("--deselect", action="append", default=[],
                    help="a test (node id) that fails before any mutation: left out of every run, and reported")
    ap.add_argument("--combine", nargs="+", metavar="RUN_JSON",
                    help="join the --json results of runs over different mutations (e.g. one run per family, "
                         "when the whole check does not fit in one sitting) into --json / --markdown; nothing is run")
    args = ap.parse_args(argv)
    if args.combine:
        return combine(args.combine, args.json, args.markdown)
    muts = [m for m in all_mutations() if not args.k or any(k in m.name for k in args.k)]
    if args.list:
        for m in muts:
            print(f"{m.name:40s} {'required ' if m.required else '         '}{m.what}")
        return 0
    DESELECT[:] = args.deselect
    results: list[Result] = []
    args.commit = _commit()   # what the snapshot is taken from
    source = snapshot()
    try:
        return _run_all(args, argv, muts, source, results)
    finally:
        shutil.rmtree(source.parent, ignore_errors=True)


def combine(paths: list[str], out_json: Optional[str], out_md: Optional[str]) -> int:
    """One result file from several runs: each run's command, commit and date are kept (in
    `runs`, and joined in the fields benchmarks/report.py reads); a mutation run twice keeps
    its last result."""
    runs, by_name = [], {}
    for p in paths:
        data = json.loads(Path(p).read_text(encoding="utf-8"))
        runs.append(data["meta"])
        for r in data["results"]:
            by_name[r["name"]] = Result(**r)
    order = {m.name: i for i, m in enumerate(all_mutations())}
    results = sorted(by_name.values(), key=lambda r: order.get(r.name, -1))
    meta = {"command": " ; ".join(r["command"] for r in runs),
            "date": " and ".join(r["date"] for r in runs),
            "commit": " and ".join(r.get("commit", "?") for r in runs),
            "python": runs[-1].get("python"),
            "deselected": sorted({d for r in runs for d in r.get("deselected", [])}),
            "summary": summary(results), "runs": runs}
    print(meta["summary"])
    if out_json:
        Path(out_json).parent.mkdir(parents=True, exist_ok=True)
        Path(out_json).write_text(json.dumps({"meta": meta, "results": [asdict(r) for r in results]},
                                             ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if out_md:
        Path(out_md).write_text(markdown(results, meta), encoding="utf-8")
    bad = [r for r in results if r.required and r.outcome != "killed"]
    return 1 if bad else 0


def _commit() -> str:
    """The commit the snapshot was taken from (+dirty when the working tree differed)."""
    def git(*a):
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short", "HEAD")
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def _run_all(args, argv, muts: list[Mutation], source: Path, results: list[Result]) -> int:
    if not args.no_baseline:
        base = run_one(None, source, args.timeout, args.keep)
        print(f"baseline: {base.outcome if base.outcome != 'survived' else 'passes'} ({base.detail}, {base.seconds} s)"
              + (f"; first failing test: {base.first_failure}" if base.first_failure else ""), flush=True)
        if base.outcome != "survived":
            print("the unmutated copy does not pass: mutation results would mean nothing", file=sys.stderr)
            return 1
        results.append(base)

    def one(m: Mutation) -> Result:
        r = run_one(m, source, args.timeout, args.keep)
        print(f"{r.name:40s} {r.outcome:15s} {r.first_failure or r.detail}  ({r.seconds} s)", flush=True)
        return r

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results += list(ex.map(one, muts))
    meta = {"command": "python benchmarks/mutate.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "python": sys.version.split()[0], "commit": args.commit, "deselected": list(DESELECT),
            "summary": summary(results)}
    meta["command"] = meta["command"].strip()
    print("\n" + meta["summary"])
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"meta": meta, "results": [asdict(r) for r in results]},
                                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(markdown(results, meta), encoding="utf-8")
    bad = [r for r in results if r.required and r.outcome != "killed"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
