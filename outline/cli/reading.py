"""Reading what a command is given, within bounds no real document comes near: a document of
at most `MAX_INPUT` bytes, from a regular file or standard input; lists of paths with lines of
at most `MAX_PATH` bytes. A FIFO, a terminal or a device named as a document is refused at
once (it may never end, or never start); give it as - to read it as standard input.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

MAX_INPUT = 64 * 1024 * 1024
"""The largest document read, in bytes: the longest government work report is under 1 MB."""
MAX_PATH = 4096
"""The longest path a list may hold, in bytes (PATH_MAX on Linux)."""
COMMENT = b"#"
"""A line of a list that starts with it is a comment."""
STDIN = "-"


class InputError(Exception):
    """An input that cannot be read as a document; the message is one line for the user."""


def read_bytes(source: str) -> bytes:
    """The bytes of a document: a regular file, or standard input ("-"), of at most MAX_INPUT
    bytes. Raises InputError with a message for the user."""
    if source == STDIN:
        return _capped(sys.stdin.buffer)
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise InputError(missing(source, e)) from None
    except ValueError:  # a NUL byte in the name
        raise InputError("no such file (its name holds a NUL byte)") from None
    with os.fdopen(fd, "rb") as stream:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            from outline.cli.files import describe

            what = describe(found.st_mode)
            hint = "" if stat.S_ISDIR(found.st_mode) else ": give it as - to read it as stdin"
            raise InputError(f"is {what}, not a file{hint}")
        if found.st_size > MAX_INPUT:
            raise InputError(_too_large(f"is {found.st_size / 2**20:,.0f} MB,"))
        try:
            return _capped(stream)
        except OSError as e:
            raise InputError(e.strerror or str(e)) from None


def _capped(stream: BinaryIO) -> bytes:
    """What a stream holds, if no more than MAX_INPUT bytes (one more is read to know)."""
    data = stream.read(MAX_INPUT + 1)
    if len(data) > MAX_INPUT:
        raise InputError(_too_large("holds"))
    return data


def _too_large(what: str) -> str:
    return f"{what} more than the {MAX_INPUT // 2**20} MB a document may be"


def missing(path: str, error: OSError) -> str:
    """Why a path names nothing that can be read, for a message: a link to nothing, a loop of
    links, no such file."""
    if error.errno == errno.ELOOP:
        return "is a loop of symbolic links"
    if error.errno == errno.ENOENT:
        return (
            "is a symbolic link to nothing"
            if os.path.lexists(path)
            else "no such file or directory"
        )
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def listed_paths(files_from: str, fail: Callable[[str, str], None]) -> Iterator[str]:
    """The paths a list holds, one a line ("-" reads standard input). Blank lines and lines
    that start with # are passed over; a line longer than any path ends the list, reported
    through `fail` (as is a list that cannot be read)."""
    try:
        with _open_list(files_from) as listing:
            number = 0
            while line := listing.readline(MAX_PATH + 3):
                number += 1
                path = line.rstrip(b"\r\n")
                if len(path) > MAX_PATH or b"\0" in path:
                    fail(files_from, _not_a_path(number, path))
                    return
                if path.strip() and not path.startswith(COMMENT):
                    yield os.fsdecode(path)
    except OSError as e:
        fail(files_from, f"cannot read the list: {e.strerror or e}")


def _not_a_path(number: int, line: bytes) -> str:
    why = "holds a NUL byte" if b"\0" in line else f"is longer than {MAX_PATH:,} bytes"
    return f"line {number:,} {why}: not a list of paths"


@contextmanager
def _open_list(files_from: str) -> Iterator[BinaryIO]:
    if files_from == STDIN:
        yield sys.stdin.buffer
        return
    with open(files_from, "rb") as listing:
        yield listing
