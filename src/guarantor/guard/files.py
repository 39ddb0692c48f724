"""Opening and reading users' files: regular files only, sizes checked while reading.

``st_size`` is never trusted (``/dev/zero`` says 0 and never ends), a pipe is
never waited on (opened non-blocking, then refused), and a long line is never
held whole before its length is known.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import BinaryIO

from guarantor.errors import GuarantorError, InputError
from guarantor.guard.text import decode

__all__ = ["iter_lines", "open_regular", "read_bytes", "read_text", "walk_files"]

CHUNK = 1 << 16
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


def open_regular(path: str | Path, *, error: type[GuarantorError] = InputError) -> BinaryIO:
    """A binary handle on the regular file at ``path`` (symlinks followed)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise error(f"is {kind}, expected a regular file", path=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(
    path: str | Path, *, max_bytes: int, error: type[GuarantorError] = InputError
) -> bytes:
    """The file's bytes; more than ``max_bytes`` is refused, never read past one byte over."""
    with open_regular(path, error=error) as handle:
        size = os.fstat(handle.fileno()).st_size  # a regular file's size is its length
        if size > max_bytes:
            raise error(f"file is {size} bytes, over the {max_bytes}-byte limit", path=path)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise error(f"cannot read: {exc.strerror or exc}", path=path) from None
    if len(data) > max_bytes:  # it grew while we read it
        raise error(f"file is over the {max_bytes}-byte limit", path=path)
    return data


def read_text(path: str | Path, *, max_bytes: int, error: type[GuarantorError] = InputError) -> str:
    """The file decoded (UTF-8, or UTF-16 with a BOM), bounded to ``max_bytes``."""
    return decode(read_bytes(path, max_bytes=max_bytes, error=error), str(path), error=error)


def iter_lines(
    handle: BinaryIO,
    *,
    source: str,
    max_line_bytes: int,
    error: type[GuarantorError] = InputError,
) -> Iterator[tuple[int, bytes | GuarantorError]]:
    """Numbered lines of ``handle``; a line over the limit becomes an error and is skipped."""
    number = 0
    while True:
        line = handle.readline(max_line_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_line_bytes or line.endswith(b"\n"):
            yield number, line
            continue
        while line and not line.endswith(b"\n"):  # drain the rest of the long line
            line = handle.readline(CHUNK)
        yield (
            number,
            error(f"line is over the {max_line_bytes}-byte limit", path=source, line=number),
        )


def walk_files(
    path: Path, suffixes: Collection[str], *, error: type[GuarantorError] = InputError
) -> Iterator[Path | GuarantorError]:
    """A folder's files with a known suffix, sorted, hidden ones skipped; or the path itself.

    An unreadable sub-folder is yielded as an error; a folder with no file of
    a known suffix is one too, so an empty input is never silent.
    """
    if not path.is_dir():
        yield path
        return
    problems: list[OSError] = []
    found = 0
    for root, dirs, files in os.walk(path, onerror=problems.append):
        while problems:
            found += 1
            yield _unreadable(problems.pop(0), root, error)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                found += 1
                yield Path(root) / name
    for exc in problems:
        found += 1
        yield _unreadable(exc, path, error)
    if not found:
        known = " ".join(sorted(suffixes))
        yield error(f"folder has no file to read (expected {known})", path=path)


def _unreadable(exc: OSError, where: str | Path, error: type[GuarantorError]) -> GuarantorError:
    return error(f"cannot read folder: {exc.strerror or exc}", path=exc.filename or where)
