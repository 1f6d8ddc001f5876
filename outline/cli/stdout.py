"""Standard output whose failed writes say where they happened, so that a full disk or a file
too big is told from a bug: `outline show … > /dev/full` is trouble, not an internal error."""

from __future__ import annotations

import io
import os
import sys


class OutputError(OSError):
    """A write to standard output failed (a closed pipe stays a BrokenPipeError)."""


class _Descriptor(io.FileIO):
    """Standard output's file descriptor, wrapped in its own buffers by `guard`."""

    def write(self, data: object) -> int | None:  # type: ignore[override]  # FileIO's Buffer
        try:
            return super().write(data)  # type: ignore[arg-type]  # as above
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e.errno, e.strerror) from None


def guard() -> None:
    """Put standard output on a descriptor whose write errors are OutputError, with the
    encoding, error handler and buffering it has; nothing when it is not a file."""
    out = sys.stdout
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # none, or not a file (an embedding host)
        return
    out.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_Descriptor(fd, "w", closefd=False)),
        encoding=out.encoding,
        errors=out.errors,
        line_buffering=bool(out.line_buffering),
    )


def silence() -> None:
    """Send what is left in standard output's buffers nowhere, so that exiting raises nothing
    more (the reader went away, or the disk is full)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture): let be
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
