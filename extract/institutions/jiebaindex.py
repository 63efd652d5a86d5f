"""jieba's dictionary and HMM tables as an on-disk hash table, read through mmap a key at a
time, so a process segments a few short windows without loading jieba's 349k words (importing
rjieba loads them all: 0.17-0.24 s and ~33 MB of every fresh process that meets an ambiguous
institution name).

    python -m extract.cachebuild     # writes extract/_cache/jieba-words.idx (also builds the regex cache)

The file is built from the `jieba` package's own data, the word list rjieba embeds:
`jieba/dict.txt` (word, frequency, tag) and the HMM of `jieba/finalseg` (prob_start,
prob_trans, prob_emit). Keys are the words, every proper prefix of a word (so a scan along a
text stops where no word can continue, as jieba's prefix dictionary does) and every character
with HMM emission probabilities. A record says which of these a key is, with the word's
frequency and tag id and the character's four emission log-probabilities.

Layout: MAGIC, a little-endian u32 header length, a marshalled header (source key, total
frequency, tags, HMM start and transition tables, slot count), then `slots` u32 offsets of
records (0: empty; open addressing on CRC-32 of the key's UTF-8, linear probing), then the
records: u8 key length, the key, u8 flags, [u32 frequency, u8 tag id if WORD], [4 f64
emission log-probabilities, B E M S, if EMIT], [u8 guessed tag id if GUESS: a CJK character
outside the dictionary that rjieba's `tag` tags from jieba's posseg HMM].

The source key (sizes and modification times of those jieba files and of the rjieba package
whose answers the segmenter reproduces) is checked when the file is opened: after either
package changes, the file is ignored (the segmenter falls back to rjieba: the same answers,
slower start) until `python -m extract.cachebuild` rebuilds it; the build compares the new
index with the installed rjieba (`check`) and keeps it only when they agree on every string
(a later rjieba may segment otherwise than the algorithm jiebacut.py reproduces). Nothing
is downloaded or written at run time. `HNX_JIEBA_INDEX=0` ignores the file; `HNX_JIEBA_INDEX=<path>` reads
another one."""
from __future__ import annotations

import marshal
from array import array
import mmap
import os
import stat
import struct
import sys
from binascii import crc32
from importlib.util import find_spec
from pathlib import Path

MAGIC = b"hnx-jieba-index 1\n"
WORD, PREFIX, EMIT, GUESS = 1, 2, 4, 8
STATES = "BEMS"  # jieba-rs's order of the HMM states (Begin, End, Middle, Single)
MIN_FLOAT = -3.14e100
_SLOT = struct.Struct("<I")
_WORD = struct.Struct("<IB")
_EMIT = struct.Struct("<4d")
_HERE = Path(__file__).resolve().parents[1]


def default_path() -> Path | None:
    setting = os.environ.get("HNX_JIEBA_INDEX", "")
    if setting == "0":
        return None
    return Path(setting) if setting else _HERE / "_cache" / "jieba-words.idx"


def _package_dir(name: str) -> Path | None:
    spec = find_spec(name)
    return Path(spec.origin).parent if spec and spec.origin else None


def source_key() -> tuple:
    """What the index was built from and must agree with: size and mtime of jieba's data files
    and of the rjieba package's files (a reinstall of either makes the index stale)."""
    key = []
    jieba, rjieba = _package_dir("jieba"), _package_dir("rjieba")
    for folder, names in ((jieba, ("__init__.py", "dict.txt", "finalseg/prob_start.py",
                                   "finalseg/prob_trans.py", "finalseg/prob_emit.py")),
                          (rjieba, tuple(sorted(os.listdir(rjieba))) if rjieba else ()),
                          (jieba, ("posseg/prob_start.py", "posseg/prob_emit.py", "posseg/char_state_tab.py"))):
        for name in names:
            try:
                st = os.stat(folder / name)
            except (OSError, TypeError):
                key.append((name, None))
                continue
            if not stat.S_ISDIR(st.st_mode):   # the stat just made, not another
                key.append((name, st.st_size, st.st_mtime_ns))
    return tuple(key)


def _tables(folder: Path, *names: str) -> list[dict]:
    """The literal tables `P` of jieba's data modules (finalseg, posseg), read without
    importing jieba."""
    tables = []
    for name in names:
        scope: dict = {}
        exec(compile((folder / f"{name}.py").read_text(encoding="utf-8"), name, "exec"), scope)
        tables.append(scope["P"])
    return tables


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2EBEF and not 0x2A6E0 <= o <= 0x2A6FF or 0x2F800 <= o <= 0x2FA1F)


def _guessed_tags(jieba: Path, words: dict) -> dict[str, str]:
    """The tag jieba-rs guesses for a CJK character outside the dictionary (no-HMM `tag`):
    the best single-character (S) state of posseg's HMM, start + emission log-probability,
    above MIN_FLOAT (a tie goes to the later state); characters without one are `x`."""
    start, emit, char_states = _tables(jieba / "posseg", "prob_start", "prob_emit", "char_state_tab")
    chars = set(char_states).union(*emit.values())
    guesses = {}
    for c in sorted(chars):
        if c in words or not _is_cjk(c):
            continue
        states = char_states[c] if c in char_states else [s for s in emit if c in emit[s]]
        best = None
        for s in sorted(st for st in states if st[0] == "S"):
            p = start.get(s, MIN_FLOAT) + emit.get(s, {}).get(c, MIN_FLOAT)
            if p > MIN_FLOAT and (best is None or p >= best[0]):
                best = (p, s[1])
        if best is not None:
            guesses[c] = best[1]
    return guesses


def build(path: Path | None = None) -> tuple[Path, int]:
    """Write the index from the installed jieba's data; (its path, number of words)."""
    path = path or default_path() or _HERE / "_cache" / "jieba-words.idx"
    jieba = _package_dir("jieba")
    if jieba is None:
        raise SystemExit("the jieba package is not installed: cannot build the segmenter index")
    words: dict[str, tuple[int, str]] = {}
    total = 0
    with open(jieba / "dict.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            freq = int(parts[1]) if len(parts) > 1 else 0
            total += freq
            # jieba-rs loads its embedded list last line first without a duplicate check: the
            # first line of a word repeated is the one it keeps (in jieba's list both agree)
            words.setdefault(parts[0], (freq, parts[2] if len(parts) > 2 else ""))
    start, trans, emit = _tables(jieba / "finalseg", "prob_start", "prob_trans", "prob_emit")
    guesses = _guessed_tags(jieba, words)
    tags = sorted({t for _, t in words.values()} | set(guesses.values()))
    tag_id = {t: i for i, t in enumerate(tags)}
    keys: dict[str, int] = {}
    for w in words:
        keys[w] = keys.get(w, 0) | WORD
        for i in range(1, len(w)):
            keys[w[:i]] = keys.get(w[:i], 0) | PREFIX
    chars = set().union(*emit.values())
    for c in chars:
        keys[c] = keys.get(c, 0) | EMIT
    for c in guesses:
        keys[c] = keys.get(c, 0) | GUESS
    slots = 1 << (3 * len(keys) // 2).bit_length()   # load factor 1/3 to 2/3
    header = marshal.dumps({"key": source_key(), "total": total, "tags": tags,
                            "start": [start[s] for s in STATES],
                            "trans": [[trans[a].get(b, MIN_FLOAT) for b in STATES] for a in STATES],
                            "slots": slots}, 2)
    table = array("I", bytes(4 * slots))
    records, size = [], 1   # offset 0 of the records marks an empty slot
    for k in sorted(keys):
        kb = k.encode("utf-8")
        flags = keys[k]
        h = crc32(kb) & (slots - 1)
        while table[h]:
            h = (h + 1) & (slots - 1)
        table[h] = size
        record = bytes((len(kb),)) + kb + bytes((flags,))
        if flags & WORD:
            freq, tag = words[k]
            record += _WORD.pack(freq, tag_id[tag])
        if flags & EMIT:
            record += _EMIT.pack(*(emit[s].get(k, MIN_FLOAT) for s in STATES))
        if flags & GUESS:
            record += bytes((tag_id[guesses[k]],))
        records.append(record)
        size += len(record)
    base = len(MAGIC) + 4 + len(header) + 4 * slots   # the file offset of the empty byte before the records
    table = array("I", (o + base if o else 0 for o in table))
    if sys.byteorder != "little":
        table.byteswap()
    out = b"".join([MAGIC, _SLOT.pack(len(header)), header, table.tobytes(), b"\0", *records])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(out)
    os.replace(tmp, path)
    return path, len(words)


class Index:
    """Read side: `get(key)` -> (flags, frequency, tag, emission) or None; the tag is the
    word's (WORD) or the guessed one of a character outside the dictionary (GUESS)."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        mm = self._mm
        if mm[:len(MAGIC)] != MAGIC:
            raise ValueError(f"{path}: not a segmenter index")
        at = len(MAGIC)
        (n,) = _SLOT.unpack_from(mm, at)
        header = marshal.loads(mm[at + 4:at + 4 + n])
        self.key = header["key"]
        self.total = header["total"]
        self.tags = header["tags"]
        self.start = header["start"]
        self.trans = header["trans"]
        self._mask = header["slots"] - 1
        start = at + 4 + n
        self._slots = memoryview(mm)[start:start + 4 * header["slots"]].cast("I")
        if sys.byteorder != "little" or self._slots.itemsize != 4:   # the slots are read as native u32
            raise ValueError(f"{path}: a little-endian u32 index on another machine")

    def get(self, key: str):
        mm = self._mm
        kb = key.encode("utf-8")
        n = len(kb)
        slots, h = self._slots, crc32(kb) & self._mask
        while True:
            off = slots[h]
            if not off:
                return None
            if mm[off] == n and mm[off + 1:off + 1 + n] == kb:
                break
            h = (h + 1) & self._mask
        at = off + 1 + n
        flags = mm[at]
        at += 1
        freq = tag = emit = None
        if flags & WORD:
            freq, t = _WORD.unpack_from(mm, at)
            tag = self.tags[t]
            at += _WORD.size
        if flags & EMIT:
            emit = _EMIT.unpack_from(mm, at)
            at += _EMIT.size
        if flags & GUESS:
            tag = self.tags[mm[at]]
        return flags, freq, tag, emit


def open_index(path: Path | None = None) -> Index | None:
    """The index at `path` (default: the cache's), or None when absent, unreadable or built
    from other jieba/rjieba files than the installed ones."""
    path = path or default_path()
    if path is None:
        return None
    try:
        index = Index(path)
    except (OSError, ValueError, EOFError, TypeError, KeyError, struct.error):
        return None
    return index if index.key == source_key() else None


_SAMPLES = ("我们中出了一个叛徒", "他来到了网易杭研大厦", "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
            "abc网球拍卖会def！！？\r\n\t", "ab12.5%好，COVID-19疫苗", "丄丅鿖鿗ab-c.d_e%f語糧壺")


def check(path: Path, width: int = 12, step: int = 4) -> tuple[int, list[str]]:
    """Compare the index at `path` with the installed rjieba (tokenize, cut and tag without
    HMM) on fixed samples and on windows of the bundled corpora: (strings compared, those
    that differ). The index reproduces one rjieba's algorithm; a later rjieba may differ."""
    import rjieba

    from .jiebacut import Segmenter

    index = open_index(path)
    if index is None:
        return 0, ["(the index cannot be opened)"]
    seg = Segmenter(index)
    corpora = _HERE.parent / "corpora"
    texts = list(_SAMPLES)
    for name in ("seeds", "gold", "heldout"):
        folder = corpora / name
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir())
                      if p.is_file() and not p.name.endswith(".json")]
    n, off = 0, []
    for text in texts:
        for i in range(0, max(1, len(text) - width + 1), step):
            w = text[i:i + width]
            n += 1
            if ((seg.tokenize(w), seg.cut(w, False), seg.tag(w))
                    != (rjieba.tokenize(w), rjieba.cut(w, False), rjieba.tag(w, False))):
                off.append(w)
    return n, off


if __name__ == "__main__":   # run by `python -m extract.cachebuild`
    built, n = build()
    compared, off = check(built)
    if off:
        built.unlink()
        print(f"segmenter index NOT kept: it differs from the installed rjieba on {len(off)} of {compared} "
              f"strings (e.g. {off[0]!r}); the institution stage uses rjieba itself")
    else:
        print(f"{n} jieba words -> {built} (the same words and tags as rjieba on {compared} strings)")
