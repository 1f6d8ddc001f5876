"""Writing files whole or not at all, for every command that writes one (export, check).

Every file goes through `Replacement`: a new file made exclusively beside the target
(`O_CREAT|O_EXCL|O_NOFOLLOW`, a random hidden name, so that nothing planted there is written
through), written, synced, given the mode and owner of the file it replaces, and renamed over
it. A run cut short, a full disk or a crash leaves the target as it was. A target that is not a
regular file is never turned into one: a terminal, a FIFO or a character device (`-o
/dev/stdout`, or a link to one) is written through; a block device, a socket or a directory is
refused. A file nobody may write (mode 0444) is refused too, even to root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from outline.cli.interrupt import shielded, writing, written

TEMPORARY = ".part"
"""The suffix of a file being written, hidden (its name starts with a dot) beside its target."""
NEW_FILE_MODE = 0o666
"""The mode a new file asks for, before the umask."""
NO_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK})
"""What link(2) fails with on a file system without hard links."""


class WriteError(OSError):
    """A target that is not written, with the reason as its `strerror` (one line)."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EINVAL, reason)


def write_atomically(target: Path, output: str | bytes) -> None:
    """Write a whole file or none (see the module's docstring). A symbolic link to a regular
    file is replaced, not written through; a link to a terminal, FIFO or device is followed."""
    data = output.encode("utf-8") if isinstance(output, str) else output
    found = _stat(target)
    if found is not None and (not stat.S_ISREG(found.st_mode) or descriptor(target)):
        write_through(target, data, found)
        return
    replacement = Replacement(target)
    try:
        replacement.file.write(data)
        replacement.commit()
    finally:
        replacement.discard()


def write_backup(backup: Path, data: bytes, like: os.stat_result) -> None:
    """Write a new file, never over one that is there, with the mode and owner of `like` (the
    file it keeps a copy of): whole, or not at all. Raises WriteError when it is there."""
    replacement = Replacement(backup, like=like)
    try:
        replacement.file.write(data)
        replacement.commit(replace=False)
    finally:
        replacement.discard()


class Replacement:
    """A new version of a file, made beside it and put in its place by `commit`, whole.

    The file it makes is opened exclusively under a random hidden name in the target's
    directory; `discard` removes it unless it was committed. The mode and owner it takes are
    those of the file it replaces (or of `like`), else those of a new file.
    """

    def __init__(self, target: Path, like: os.stat_result | None = None) -> None:
        self.target = target
        self.like = like if like is not None else _stat(target)
        if self.like is not None and not stat.S_ISREG(self.like.st_mode):
            raise WriteError(f"is {describe(self.like.st_mode)}, not a file")
        if like is None and self.like is not None and read_only(target, self.like):
            raise WriteError("is read-only")
        self.path, self.file = _create(target)
        self.committed = False

    def commit(self, *, replace: bool = True) -> None:
        """Sync the new file and put it in the target's place (`replace`), or beside nothing:
        with `replace` false a target that exists is an error (WriteError)."""
        with shielded():  # a signal now would leave the rename half done
            self.file.flush()
            self._take_on_mode_and_owner()
            os.fsync(self.file.fileno())
            self.file.close()
            if replace:
                os.replace(self.path, self.target)
            else:
                _move_to_free_name(self.path, self.target)
            self.committed = True
            written(str(self.path))
            _sync_directory(self.target)

    def discard(self) -> None:
        """Remove the new file, if it was not committed; nothing more once it was."""
        if not self.file.closed:
            self.file.close()
        if not self.committed:
            self.committed = True
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            written(str(self.path))

    def _take_on_mode_and_owner(self) -> None:
        fd = self.file.fileno()
        like = self.like
        if like is None:
            os.fchmod(fd, NEW_FILE_MODE & ~umask())
            return
        if (like.st_uid, like.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.fchown(fd, like.st_uid, like.st_gid)
            except PermissionError:
                raise WriteError("belongs to another user, which a new copy cannot") from None
        os.fchmod(fd, stat.S_IMODE(like.st_mode))


def write_through(target: Path, data: bytes, found: os.stat_result) -> None:
    """Write to what a path that is no regular file names (see `open_through`)."""
    with open_through(target, found) as stream:
        stream.write(data)


def open_through(target: Path, found: os.stat_result) -> BinaryIO:
    """Open for writing what a path that is no regular file names — a terminal, a FIFO, a
    character device — as a shell's `>` does, or the end of the file an open descriptor names
    (/dev/stdout redirected to a file); refuse a directory, a block device or a socket."""
    mode = found.st_mode
    flags = os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK | os.O_CLOEXEC
    if stat.S_ISREG(mode):
        flags |= os.O_APPEND
    elif not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise WriteError(f"is {describe(mode)}, not a file")
    try:
        fd = os.open(target, flags)
    except OSError as e:
        if e.errno == errno.ENXIO:  # a FIFO that no process reads: it would block forever
            raise WriteError("is a FIFO that no process reads") from None
        raise
    if stat.S_IFMT(os.fstat(fd).st_mode) != stat.S_IFMT(mode):
        os.close(fd)
        raise WriteError("changed while it was being opened")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "wb")


DESCRIPTOR = re.compile(r"/(?:proc/(?:self|thread-self|\d+)/fd|dev/fd)/\d+|/dev/std(?:out|err)")
"""Paths that name an open file descriptor of a process rather than a file."""
MAX_LINKS = 40
"""Links followed at most, as the kernel does."""


def descriptor(path: Path) -> bool:
    """Whether a path, or a symbolic link on the way from it, names an open file descriptor
    (/dev/stdout, /proc/self/fd/1): what it leads to is a stream to write to, not a file to
    replace, whatever it is."""
    current = os.path.abspath(path)
    for _ in range(MAX_LINKS):
        if DESCRIPTOR.fullmatch(current):
            return True
        try:
            link = os.readlink(current)
        except OSError:  # not a link, or not there
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return False


def read_only(path: Path, found: os.stat_result) -> bool:
    """Whether a file may not be written: no write permission for this user, or none for
    anyone (0444), which root is held to as well."""
    return not (found.st_mode & 0o222) or not os.access(path, os.W_OK)


def describe(mode: int) -> str:
    """What a file of this mode is, for a message: "a directory", "a FIFO" …"""
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISREG, "a file"),
    ):
        if test(mode):
            return name
    return "not a file"


def _stat(path: Path) -> os.stat_result | None:
    """What a path names, links followed; None when nothing (or a dangling link)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        if e.errno == errno.ENOTDIR:
            return None
        raise


def _create(target: Path) -> tuple[Path, BinaryIO]:
    """A new, empty file beside `target` that nobody else made, and that no link stands for."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(100):
        path = target.with_name(f".{target.name[:32]}.{os.urandom(6).hex()}{TEMPORARY}")
        writing(str(path))  # before it is there: a signal may come as soon as it is
        try:
            fd = os.open(path, flags, 0o600)
        except BaseException as e:
            written(str(path))  # not made, or not by this process: not to be removed
            if isinstance(e, FileExistsError):
                continue
            raise
        return path, os.fdopen(fd, "wb")
    raise WriteError("no name for a temporary file is free beside it")


def _move_to_free_name(path: Path, target: Path) -> None:
    """Give a file a name that must not be taken: a hard link, which fails if it is, then the
    first name removed; where a file system has no hard links, a rename after looking."""
    taken = WriteError(f"{target} exists: move it away first")
    try:
        os.link(path, target, follow_symlinks=False)
    except FileExistsError:
        raise taken from None
    except OSError as e:
        if e.errno not in NO_LINKS:
            raise
        if os.path.lexists(target):
            raise taken from None
        os.rename(path, target)  # the look and the rename may race: no better way here
        return
    os.unlink(path)


def _sync_directory(target: Path) -> None:
    """Make a rename durable; file systems that cannot sync a directory are let be."""
    try:
        fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_UMASK: list[int] = []


def umask() -> int:
    """This process's umask, read once (setting it is the only way to read it)."""
    if not _UMASK:
        mask = os.umask(0o022)
        os.umask(mask)
        _UMASK.append(mask)
    return _UMASK[0]
