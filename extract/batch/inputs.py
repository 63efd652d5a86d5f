"""What a run parses: every path given (on the command line or on standard input)
or found below a folder is accounted for: it is an input (and gets a record, an
error record if it cannot be read), or it is skipped with the reason.

Formats are sniffed from content, so folders are not filtered by extension or name
(README.txt is an input). Below a folder, these are skipped, with the reason:
hidden files and folders (a leading dot), files that are plainly not text (sniffed
from their first bytes: images, archives, executables, fonts, media, PDF ...), JSON
data (records, gold files), symbolic links to folders (not followed), the run's own
output and its manifest, and files left out by --include/--exclude. A path named
explicitly is always an input; so are a broken symbolic link and a FIFO, socket or
device below a folder, which are never opened: their error record says what they are."""
from __future__ import annotations

import fnmatch
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Sequence, Union

from .reader import source_string

# magic numbers of formats that are never article text
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"BM", None), (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive (or docx/xlsx/jar)"),
    (b"PK\x05\x06", "ZIP archive"), (b"\x1f\x8b", "gzip archive"), (b"BZh", None), (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"Rar!\x1a\x07", "RAR archive"), (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable (ELF)"), (b"MZ", None), (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"), (b"SQLite format 3\x00", "SQLite database"),
    (b"wOFF", "web font"), (b"wOF2", "web font"), (b"\x00\x01\x00\x00\x00", "TrueType font"), (b"OTTO", "OpenType font"),
    (b"ID3", "MP3 audio"), (b"OggS", "Ogg media"), (b"fLaC", "FLAC audio"), (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"), (b"\x00asm", "WebAssembly"),
    (b"PAR1", "Parquet file"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


JSON_DATA = "JSON data, not an article"   # gold files and records beside the articles

@dataclass(frozen=True)
class Input:
    path: Union[str, bytes]          # what to open
    source: str                      # what the record says
    given: bool = False              # named explicitly (not found in a folder)


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str
    listed: bool = True              # False: counted only (--include/--exclude, JSON data, the run's own files), listed with --verbose


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS)
# first byte -> the magic numbers starting with it, in _MAGIC's order (the parent sniffs every
# file: one dict look-up instead of 33 startswith calls for a text file)
_MAGIC_BY_FIRST: dict = {}
for _magic, _name in _MAGIC:
    if _name:
        _MAGIC_BY_FIRST.setdefault(_magic[0], []).append((_magic, _name))


def sniff_binary(head: bytes) -> Optional[str]:
    """What a file is when its first bytes say it is plainly not text, else None."""
    for magic, name in _MAGIC_BY_FIRST.get(head[0] if head else -1, ()):
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if len(head) >= 257 + 5 and head[257:262] == b"ustar":
        return "tar archive"
    if not head or head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:3] == b"\xef\xbb\xbf":
        return None                                      # empty, or text with a byte-order mark
    sample = head[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))   # in C: the parent sniffs every file
    if controls * 10 <= len(sample):                     # a stray NUL or two is damaged text, not binary
        return None
    nul_even = sum(1 for b in sample[0::2] if b == 0)
    nul_odd = sum(1 for b in sample[1::2] if b == 0)
    if (nul_even == 0) != (nul_odd == 0):                # NULs on one side only: UTF-16 text
        return None
    return "binary data (control bytes)"


def sniff_json(head: bytes, path, size: int, max_bytes: int) -> bool:
    """A JSON document or JSON Lines (records, gold files): data, not an article."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text[:1] in (b"{", b"["):
        return False
    try:
        with open(path, "rb") as fh:
            first = fh.readline(max_bytes + 1)
            if size <= 4 * 1024 * 1024 and first.strip() and len(first) < size:
                data = first + fh.read()
            else:
                data = first
    except OSError:
        return False
    try:
        json.loads(data)
        return True
    except ValueError:
        pass
    try:                                                 # JSON Lines: the first line is an object
        return isinstance(json.loads(first), (dict, list))
    except ValueError:
        return False


class Filters:
    """--include / --exclude globs, matched against a found file's name and its path
    below the folder given (`*.html`, `2021/*`, `*.gold.json`)."""

    def __init__(self, include: Sequence[str] = (), exclude: Sequence[str] = ()):
        self.include = list(include)
        self.exclude = list(exclude)

    @staticmethod
    def _match(rel: str, name: str, globs: list) -> bool:
        return any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(rel, g) for g in globs)

    def reason(self, rel: str, name: str) -> Optional[str]:
        if self.include and not self._match(rel, name, self.include):
            return "not matched by --include"
        if self.exclude and self._match(rel, name, self.exclude):
            return "matched by --exclude"
        return None


class Collector:
    """Walks the paths given (in order; folders recursively, entries sorted by name)."""

    def __init__(self, filters: Optional[Filters] = None, max_bytes: int = 20 * 1024 * 1024,
                 avoid: Iterable[Path] = ()):
        self.filters = filters or Filters()
        self.max_bytes = max_bytes
        self.avoid = {}                                  # (dev, inode) -> why (the output, the manifest)
        for p, why in avoid:
            try:
                st = os.stat(p)
                self.avoid[(st.st_dev, st.st_ino)] = why
            except OSError:
                pass
        self.seen: set = set()

    def collect(self, paths: Iterable) -> Iterator[Union[Input, Skipped]]:
        for p in paths:
            path = os.fspath(p)
            if os.path.isdir(path):
                yield from self._walk(path)
            else:
                yield from self._given(path)

    def _given(self, path) -> Iterator[Union[Input, Skipped]]:
        source = source_string(path)
        if source in self.seen:
            yield Skipped(source, "named twice: parsed once")
            return
        self.seen.add(source)
        yield Input(path, source, given=True)

    def _walk(self, root) -> Iterator[Union[Input, Skipped]]:
        yield from self._walk_folder(root, "")

    def _walk_folder(self, folder, rel) -> Iterator[Union[Input, Skipped]]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield Skipped(source_string(folder), f"folder cannot be read: {e.strerror or e}")
            return
        for entry in entries:
            rel_path = f"{rel}{_as_text(entry.name)}"
            item = self._entry(entry, rel_path)
            if item == "folder":
                yield from self._walk_folder(entry.path, rel_path + "/")
            elif item is not None:
                yield item

    def _entry(self, entry, rel: str):
        source = source_string(entry.path)
        name = _as_text(entry.name)
        if name.startswith("."):
            what = "folder" if entry.is_dir(follow_symlinks=False) else "file"
            return Skipped(source + ("/" if what == "folder" else ""), f"hidden {what}")
        try:
            lst = entry.stat(follow_symlinks=False)
        except OSError as e:
            return Skipped(source, f"cannot be examined: {e.strerror or e}")
        if stat.S_ISDIR(lst.st_mode):
            return "folder"
        if stat.S_ISLNK(lst.st_mode):
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError:
                return self._input(entry.path, source)   # broken symbolic link: an error record says so
            if stat.S_ISDIR(st.st_mode):
                return Skipped(source, "symbolic link to a folder (not followed)")
        else:
            st = lst
        why = self.filters.reason(rel, name)
        if why:
            return Skipped(source, why, listed=False)
        if not stat.S_ISREG(st.st_mode):             # FIFO, socket, device: never opened, an error record says what
            return self._input(entry.path, source)
        avoid = self.avoid.get((st.st_dev, st.st_ino))
        if avoid:                                    # the run's own output and manifest: counted
            return Skipped(source, avoid, listed=False)
        if st.st_size <= self.max_bytes:
            kind = self._sniff(entry.path, st.st_size)
            if kind:                                 # JSON beside articles (gold, records) is expected: counted
                return Skipped(source, kind, listed=kind != JSON_DATA)
        return self._input(entry.path, source)       # too large: an error record says so

    def _input(self, path, source: str):
        if source in self.seen:
            return Skipped(source, "found twice: parsed once")
        self.seen.add(source)
        return Input(path, source)

    def _sniff(self, path, size: int) -> Optional[str]:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None                                  # unreadable: the error record will say why
        try:
            head = os.read(fd, 4096)
        except OSError:
            return None
        finally:
            os.close(fd)
        kind = sniff_binary(head)
        if kind:
            return f"not text: {kind}"
        if sniff_json(head, path, size, self.max_bytes):
            return JSON_DATA
        return None


def _as_text(name) -> str:
    return source_string(name)


def read_path_list(stream: BinaryIO, null: bool = False) -> Iterator[str]:
    """Paths from a stream (one a line, or NUL-separated as `find -print0` writes them),
    decoded like command-line arguments (bytes that are not UTF-8 kept as they are)."""
    sep = b"\0" if null else b"\n"
    buf = b""
    while True:
        block = stream.read(65536)
        if not block:
            break
        buf += block
        *lines, buf = buf.split(sep)
        for line in lines:
            path = line if null else line.rstrip(b"\r")
            if path:
                yield os.fsdecode(path)
    path = buf if null else buf.rstrip(b"\r\n")
    if path:
        yield os.fsdecode(path)
