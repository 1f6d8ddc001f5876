"""SIGINT and SIGTERM: a run stops at once, except while a file is being put in place.

In the parent a signal raises `Interrupted` where the run is; a file being renamed into place
(`shielded`) is finished first. A worker process ignores SIGINT (Ctrl-C reaches the whole
process group: the parent stops the run) and ends on SIGTERM — which the parent sends, and
which the kernel sends when the parent dies — after removing the file it was writing.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)
PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when its parent dies (Linux)."""


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; the exit code is 128 + its number (130 for SIGINT)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class _State:
    shields = 0
    """How many `shielded` blocks the process is in."""
    pending: int | None = None
    """A signal that came during a shielded block."""
    worker = False
    """This process is a worker: a signal ends it."""
    stopping = False
    """A signal stopped the run: the ones after it change nothing."""
    temporaries: set[str] = set()  # noqa: RUF012  # one process-wide set, by design
    """Files being written (or about to be made), to remove when a worker is ended, or what a
    signal left of them when a command ends."""


def _stop(signum: int) -> None:
    _State.stopping = True
    if _State.worker:
        _remove_temporaries()
        os._exit(128 + signum)
    raise Interrupted(signum)


def _remove_temporaries() -> None:
    for path in list(_State.temporaries):
        with suppress(OSError):
            os.unlink(path)
        _State.temporaries.discard(path)


def _handler(signum: int, frame: FrameType | None) -> None:
    if _State.stopping:  # a second Ctrl-C while the run stops: it is stopping already
        return
    if _State.shields:
        _State.pending = signum
        if _State.worker:  # a result half sent may never be read: give it a second at most
            signal.alarm(1)
        return
    _stop(signum)


def _overdue(signum: int, frame: FrameType | None) -> None:
    """In a worker, a shielded block that a signal waits for has taken too long."""
    _stop(_State.pending or signal.SIGTERM)


@contextmanager
def catching() -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted` in this block (in the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {s: signal.signal(s, _handler) for s in SIGNALS}
    _State.stopping = False
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
        _State.stopping = False
        _remove_temporaries()  # those a signal left between their making and their use


@contextmanager
def shielded() -> Iterator[None]:
    """A block that a signal does not cut short: it takes effect when the block ends."""
    _State.shields += 1
    try:
        yield
    finally:
        _State.shields -= 1
        signum = _State.pending
        if not _State.shields and signum is not None:
            _State.pending = None
            _stop(signum)


def writing(path: str) -> None:
    """A file is being written: a worker ended now removes it."""
    _State.temporaries.add(path)


def written(path: str) -> None:
    """The file is in place, or removed: nothing to clean up."""
    _State.temporaries.discard(path)


def start_worker(parent: int) -> None:
    """In a new worker process: SIGINT is the parent's to act on; SIGTERM ends the worker
    cleanly; and so does its parent's death (Linux), or the worker ends at once when the
    parent is gone already."""
    _State.worker = True
    _State.temporaries = set()
    _State.shields, _State.pending, _State.stopping = 0, None, False
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _handler)
    signal.signal(signal.SIGALRM, _overdue)
    _shield_results()
    _die_with_parent()
    if os.getppid() != parent:
        _stop(signal.SIGTERM)


def _shield_results() -> None:
    """A worker ended halfway through sending a result would leave the parent reading the
    rest for ever: the sending is shielded (`concurrent.futures` sends through one function,
    looked up by name at each call)."""
    from concurrent.futures import process

    send = getattr(process, "_sendback_result", None)
    if send is None or getattr(send, "shielded", False):
        return

    def shielded_send(*args: object, **kwargs: object) -> object:
        with shielded():
            return send(*args, **kwargs)

    shielded_send.shielded = True  # type: ignore[attr-defined]  # a mark, read above
    process._sendback_result = shielded_send  # type: ignore[assignment]  # same call, shielded


def _die_with_parent() -> None:
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here: the worker lives on as before
        pass
