"""Reading one input file without surprises.

- the size limit is checked with stat before a byte is read (a 2 GB file is never loaded);
- only regular files are read: a FIFO, socket or device gets an error, never a blocking open
  (the file is opened with O_NONBLOCK and checked again with fstat, so a FIFO swapped in
  between the two checks cannot hang the run either);
- a file name that is not valid UTF-8 keeps a faithful, printable source string
  (undecodable bytes as \\xNN), so the record can be written as JSON."""
from __future__ import annotations

import os
import stat
from typing import Union

PathArg = Union[str, bytes, os.PathLike]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class ReadError(Exception):
    """The file cannot be read as an input; the message says why."""


def source_string(path: PathArg) -> str:
    """The path as a string that is valid UTF-8 and says exactly which file it was:
    a name holding a backslash or bytes that are not UTF-8 has each of its own backslashes
    written twice and those bytes as \\xNN escapes, so that no two files get the same string
    (the name of the four characters ``\\xff`` is not the name holding the byte 0xff)."""
    if isinstance(path, bytes):
        text = path.decode("utf-8", "surrogateescape")
    else:
        text = os.fspath(path)
        if isinstance(text, bytes):
            text = text.decode("utf-8", "surrogateescape")
    if "\\" not in text:
        if text.isascii():                   # most paths: nothing to check (the parent asks for every file)
            return text
        try:
            text.encode("utf-8")
            return text
        except UnicodeEncodeError:
            pass
    return text.replace("\\", "\\\\").encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def kind_of(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def check_regular(path: PathArg, max_bytes: int) -> os.stat_result:
    """stat() the file (following symbolic links) and refuse what must not be read."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise ReadError(f"broken symbolic link (to {source_string(os.readlink(path))})") from None
        raise ReadError("FileNotFoundError: No such file or directory") from None
    except OSError as e:
        raise ReadError(f"{type(e).__name__}: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"not a regular file: {kind_of(st.st_mode)}")
    if st.st_size > max_bytes:
        raise ReadError(f"file too large: {st.st_size} bytes > {max_bytes}")
    return st


def read_input(path: PathArg, max_bytes: int) -> bytes:
    """The file's bytes, or ReadError (never blocks on a FIFO, never reads past max_bytes + 1)."""
    check_regular(path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise ReadError(f"{type(e).__name__}: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):    # replaced between stat() and open()
            raise ReadError(f"not a regular file: {kind_of(st.st_mode)}")
        chunks = []
        size = 0
        while size <= max_bytes:
            block = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not block:
                break
            chunks.append(block)
            size += len(block)
        if size > max_bytes:                 # grew after the stat()
            raise ReadError(f"file too large: more than {max_bytes} bytes")
        return b"".join(chunks)
    except OSError as e:
        raise ReadError(f"{type(e).__name__}: {e.strerror or e}") from None
    finally:
        os.close(fd)
