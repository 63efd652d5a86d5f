"""Prebuilt objects (extract/prebuilt.py): a fresh process loads what `python -m extract.cachebuild`
stored only while the files it was built from are unchanged, and builds it otherwise."""
from __future__ import annotations

import os
import subprocess
import sys

import ahocorasick
import pytest

from extract import prebuilt, regexcache


@pytest.fixture
def store(tmp_path, monkeypatch):
    """Declarations of this test only, and a store folder of its own."""
    monkeypatch.setattr(prebuilt, "_BUILDERS", {})
    monkeypatch.setattr(prebuilt, "_SOURCES", {})
    monkeypatch.setattr(prebuilt, "_GETTERS", {})
    monkeypatch.setattr(prebuilt, "_MEMOS", {})
    where = tmp_path / "objects"
    monkeypatch.setattr(prebuilt, "_directory", lambda: where)
    return where


def _word_list(path, words):
    path.write_text("".join(f"{w}\t{k}\n" for w, k in words), encoding="utf-8")


def _declare(name, source, calls):
    @prebuilt.cached(name, sources=(source,))
    def automaton():
        calls.append(name)
        auto = ahocorasick.Automaton()
        for line in source.read_text(encoding="utf-8").splitlines():
            word, kind = line.split("\t")
            auto.add_word(word, (len(word), kind))
        auto.make_automaton()
        return auto
    return automaton


TEXT = "参保人可到市医疗保障局或社区卫生服务中心办理，也可登录国家医保服务平台。"
WORDS = [("医疗保障局", "gov"), ("社区卫生服务中心", "hospital"), ("国家医保服务平台", "channel"), ("医保", "term")]


def _hits(auto):
    return list(auto.iter(TEXT))


def test_stored_object_is_loaded_and_equal(store, tmp_path):
    source = tmp_path / "words.tsv"
    _word_list(source, WORDS)
    calls: list = []
    get = _declare("test.words", source, calls)
    built = get()
    assert calls == ["test.words"]
    stored, skipped = prebuilt.store(store)
    assert stored == ["test.words"] and not skipped
    get.cache_clear()               # as a fresh process
    loaded = get()
    assert calls == ["test.words"]  # loaded, not built again
    assert loaded is not built and _hits(loaded) == _hits(built)
    assert {h[1][1] for h in _hits(loaded)} == {"gov", "hospital", "channel", "term"}
    assert get() is loaded          # once per process


def test_stale_source_is_rebuilt(store, tmp_path):
    source = tmp_path / "words.tsv"
    _word_list(source, WORDS)
    calls: list = []
    get = _declare("test.words", source, calls)
    get()
    prebuilt.store(store)
    _word_list(source, WORDS[:2] + [("长护险", "term")])   # the data file changed since the build
    get.cache_clear()
    fresh = get()
    assert calls == ["test.words", "test.words"]   # the stale entry was not used
    text = TEXT + "长护险"
    found = [text[end + 1 - n:end + 1] for end, (n, _) in fresh.iter(text)]
    assert "长护险" in found and "国家医保服务平台" not in found
    source.unlink()                                # a missing source: stale too
    get.cache_clear()
    with pytest.raises(FileNotFoundError):
        get()


def test_key_names_the_builders_code_and_python(store, tmp_path):
    source = tmp_path / "words.tsv"
    _word_list(source, WORDS)
    _declare("test.words", source, [])
    k = prebuilt.key("test.words", ["ahocorasick", "builtins"])
    assert k == prebuilt.key("test.words", ["builtins", "ahocorasick"])
    assert k != prebuilt.key("test.words", ["builtins"])   # a library's version is part of the key
    prebuilt._SOURCES["test.words"] = (tmp_path / "other.tsv",)
    assert k != prebuilt.key("test.words", ["ahocorasick", "builtins"])


@pytest.mark.parametrize("damage", ["truncated", "garbage", "no header", "empty"])
def test_unreadable_entry_is_built_normally(store, tmp_path, damage):
    source = tmp_path / "words.tsv"
    _word_list(source, WORDS)
    calls: list = []
    get = _declare("test.words", source, calls)
    built = get()
    prebuilt.store(store)
    path = store / "test.words.pickle"
    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    path.write_bytes({"truncated": data[:len(head) + 1 + len(body) // 2],
                      "garbage": head + b"\n" + b"\x80\x05not a pickle",
                      "no header": body, "empty": b""}[damage])
    get.cache_clear()
    assert _hits(get()) == _hits(built)
    assert calls == ["test.words", "test.words"]


def test_unpicklable_object_is_skipped_and_built(store, tmp_path):
    source = tmp_path / "table.tsv"
    source.write_text("a\n", encoding="utf-8")
    calls: list = []

    @prebuilt.cached("test.closure", sources=(source,))
    def closure():
        calls.append(1)
        return {"score": lambda s: len(s)}

    assert closure()["score"]("abc") == 3
    stored, skipped = prebuilt.store(store)
    assert stored == [] and "test.closure" in skipped
    assert not (store / "test.closure.pickle").exists()
    closure.cache_clear()
    assert closure()["score"]("ab") == 2 and calls == [1, 1]


def test_memo_table_is_stored_and_stale_with_its_source(store, tmp_path):
    source = tmp_path / "kinds.tsv"
    _word_list(source, WORDS)
    calls: list = []

    @prebuilt.memo("test.kind", sources=(source,))
    def kind(word, default=None):
        calls.append(word)
        table = dict(line.split("\t") for line in source.read_text(encoding="utf-8").splitlines())
        return table.get(word, default)

    assert kind("医保") == "term" and kind("医保") == "term" and calls == ["医保"]
    assert kind("医疗保障局", "x") == "gov"
    assert prebuilt.store(store) == (["test.kind"], {})
    kind.cache_clear()                               # as a fresh process
    assert kind("医保") == "term" and kind("医疗保障局", "x") == "gov"
    assert calls == ["医保", "医疗保障局"]             # both read from the stored table
    assert kind("长护险", "none") == "none" and calls[-1] == "长护险"   # a call not stored: computed
    assert prebuilt.memos()["test.kind"]("社区卫生服务中心") == "hospital"
    _word_list(source, [("医保", "channel")])        # the source changed since the build
    kind.cache_clear()
    assert kind("医保") == "channel"


def test_store_removes_objects_no_longer_declared(store, tmp_path):
    store.mkdir()
    (store / "gone.table.pickle").write_bytes(b"x\n")
    prebuilt.store(store)
    assert not (store / "gone.table.pickle").exists()


def test_names_and_declarations_are_checked(store):
    with pytest.raises(ValueError):
        prebuilt.cached("Bad Name/..")
    prebuilt.cached("test.once")(lambda: 1)
    with pytest.raises(ValueError):
        prebuilt.cached("test.once")(lambda: 2)


def test_cache_off_means_no_store(monkeypatch):
    monkeypatch.setattr(regexcache._compiler, "compile", regexcache._ORIGINAL)
    assert regexcache.objects_dir() is None
    assert prebuilt.load("anything") is prebuilt._MISSING


def test_package_objects_round_trip(tmp_path):
    """Every object the toolkit declares is stored by a cache build and loads back equal in a
    fresh process (automata: the same words, values and matches over the bundled corpora; their
    pickles are not byte-stable, padding inside the nodes is not initialised)."""
    path = tmp_path / "regex.bin"
    out = subprocess.run([sys.executable, "-m", "extract.cachebuild", str(path)], check=True,
                         cwd=regexcache._HERE.parent, capture_output=True, text=True).stdout
    where = regexcache.objects_path(path)
    names = sorted(p.stem for p in where.glob("*.pickle"))
    assert f"{len(names)} prebuilt objects" in out
    if not names:
        pytest.skip("no prebuilt objects declared in the package yet")
    res = subprocess.run([sys.executable, "-c", _SAME], cwd=regexcache._HERE.parent, capture_output=True,
                         text=True, check=True, env={**os.environ, "HNX_REGEX_CACHE": str(path)})
    assert res.stdout.split() == ["LOADED", *names, "BAD"]


_SAME = """
import pathlib, ahocorasick, extract
from extract import prebuilt
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("corpora/seeds").glob("*.txt"))]
extract.parse(texts[0])

def same(a, b):
    if isinstance(a, ahocorasick.Automaton):
        return (type(b) is type(a) and (a.kind, a.store, a.get_stats()) == (b.kind, b.store, b.get_stats())
                and list(a.items()) == list(b.items()) and all(list(a.iter(t)) == list(b.iter(t)) for t in texts))
    return a == b

def fresh(name, value):   # what the builder gives now; for a memo table: every stored result is
    fn = prebuilt.memos().get(name)
    if fn is None:
        return same(value, prebuilt.builders()[name]())
    return isinstance(value, dict) and bool(value) and all(fn(*args) == v for args, v in value.items())

loaded = {n: prebuilt.load(n) for n in prebuilt._GETTERS}
print("LOADED", *sorted(n for n, v in loaded.items() if v is not prebuilt._MISSING))
print("BAD", *sorted(n for n, v in loaded.items() if not fresh(n, v)))
"""


def test_file_hashed_before_is_not_read_again_unless_its_stat_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(prebuilt, "_HASHED", {})
    monkeypatch.setattr(prebuilt, "_RECORDED", [{}])
    old, fresh = tmp_path / "old.tsv", tmp_path / "fresh.tsv"
    for f in (old, fresh):
        f.write_text("医保\tterm\n", encoding="utf-8")
    then = os.stat(old).st_mtime_ns - 60 * 10**9
    os.utime(old, ns=(then, then))           # last changed a minute ago
    first = {f: prebuilt._file_digest(str(f)) for f in (old, fresh)}
    stamps = {f: os.stat(f).st_mtime_ns for f in (old, fresh)}
    for f in (old, fresh):                   # same size, same mtime: only a re-read can see it
        f.write_text("社保\tterm\n", encoding="utf-8")
        os.utime(f, ns=(stamps[f], stamps[f]))
    assert prebuilt._file_digest(str(old)) == first[old]        # its stat vouches for it
    assert prebuilt._file_digest(str(fresh)) != first[fresh]    # changed just before it was hashed: read
    old.write_text("社保\tterms\n", encoding="utf-8")           # any change of size or mtime: read
    assert prebuilt._file_digest(str(old)) != first[old]
    old.unlink()
    assert prebuilt._file_digest(str(old)) == (-1, "")


def test_store_records_the_hashes_a_fresh_process_uses(store, tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    _word_list(source, WORDS)
    then = os.stat(source).st_mtime_ns - 60 * 10**9
    os.utime(source, ns=(then, then))
    calls: list = []
    get = _declare("test.words", source, calls)
    get()
    prebuilt.store(store)
    monkeypatch.setattr(prebuilt, "_HASHED", {})   # as a fresh process
    monkeypatch.setattr(prebuilt, "_RECORDED", [])
    get.cache_clear()
    reads: list = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: reads.append(str(f)) or real_open(f, *a, **k))
    get()
    assert calls == ["test.words"]               # loaded
    assert str(source) not in reads              # its recorded hash was used, the file not read
