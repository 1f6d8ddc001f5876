"""Where an export's outputs go, what the run tells the user about them, and its progress bar."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TextIO

import typer

from outline.cli.app import EXIT_TROUBLE

if TYPE_CHECKING:
    from rich.console import Console

    from outline.cli.batch import Outcome
    from outline.cli.files import Replacement
    from outline.cli.inputs import Inputs

STDOUT, FILE, AGGREGATE, DIRECTORY = "stdout", "file", "aggregate", "directory"
"""Where outputs go: standard output; the one file -o names; one file for all documents (jsonl,
csv); one file per document in the directory -o names (written by the workers)."""


class Sink:
    """The outputs the parent writes, in input order: to stdout, or to one file for all.

    One file for all is written to a new file beside it (`outline.cli.files.Replacement`),
    which takes its place when the run ends having exported something: an input that cannot
    be read, a full disk, an interruption or a crash leave the file as it was. Resuming
    (--skip-existing) starts the new file with the documents the old one holds (see
    `outline.cli.resume`), and keeps what it adds when interrupted. A terminal, FIFO or
    device named as the file is written through as the documents come.
    """

    def __init__(
        self, mode: str, output: str | None, format: str, head: str | None, resume: bool
    ) -> None:
        self.mode = mode
        self.output = output
        self.format = format
        self.head = head
        self.resuming = resume
        self.done: set[str] = set()
        """Sources already in the file being resumed, as the file names them (`key`)."""
        self.file: BinaryIO | None = None
        self.replacement: Replacement | None = None
        self.written = 0
        """Documents written since the run began."""
        self.kept = False
        """Whether what was written is in place: streamed, or the new file committed."""

    def __enter__(self) -> Sink:
        if self.mode == STDOUT and self.head:
            sys.stdout.write(self.head)
        if self.mode == AGGREGATE and self.output is not None:
            self._open(Path(self.output))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: object, trace: object) -> None:
        from outline.cli.interrupt import Interrupted

        ended = kind is None and (self.written > 0 or self.resuming)
        self.close(ended or (self.resuming and isinstance(error, Interrupted)))

    def close(self, keep: bool) -> None:
        """Put the new file in place (`keep`) or remove it; close a file written through."""
        replacement, self.replacement = self.replacement, None
        if replacement is None:
            if self.file is not None:
                self.file.close()
            self.kept = self.mode != AGGREGATE or self.file is not None
            return
        try:
            if keep:
                replacement.commit()
                self.kept = True
        except OSError as e:
            self._stop(f"cannot write: {e.strerror or e}")
        finally:
            replacement.discard()

    def key(self, source: str) -> str:
        """A source as the file being resumed names it."""
        from outline.cli.names import printable

        return printable(source)

    def _open(self, path: Path) -> None:
        from outline.cli.files import Replacement, WriteError, descriptor, open_through

        try:
            found = os.stat(path) if os.path.exists(path) else None
            if found is not None and (not stat.S_ISREG(found.st_mode) or descriptor(path)):
                if self.resuming:
                    self._stop("--skip-existing resumes a file, and this is none")
                self.file = open_through(path, found)
                self.file.write((self.head or "").encode("utf-8"))
                return
            self.replacement = Replacement(path)
            self.file = self.replacement.file
            self._start(path if self.resuming and found is not None else None)
        except WriteError as e:
            self._stop(f"cannot write: {e.strerror}")
        except OSError as e:
            self._stop(f"cannot write: {e.strerror or e}")

    def _start(self, old: Path | None) -> None:
        """The new file's beginning: the head, or the documents of the file being resumed."""
        from outline.cli.resume import ResumeError, resume

        assert self.file is not None
        head = self.head or ""
        if old is None:
            self.file.write(head.encode("utf-8"))
            return
        with old.open("rb") as before:
            try:
                self.done, keep = resume(before, self.format, head)
            except ResumeError as e:
                self._stop(f"{e}; remove it, or run without --skip-existing")
            before.seek(0)
            _copy(before, self.file, keep)
        if not keep:
            self.file.write(head.encode("utf-8"))

    def write(self, outcome: Outcome) -> str | None:
        """Write one document's output; a message when it cannot go where it was to go."""
        from outline.cli.interrupt import shielded

        output = outcome.output
        if output is None:
            return None
        data = output.encode("utf-8") if isinstance(output, str) else output
        if self.file is not None:
            try:
                with shielded():  # a document goes in whole
                    self.file.write(data)
            except OSError as e:
                self._stop(f"cannot write: {e.strerror or e}")
            self.written += 1
            return None
        if isinstance(output, bytes) and terminal(sys.stdout):
            return "the output is binary: write it with -o FILE, or redirect stdout"
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        self.written += 1
        return None

    def _stop(self, message: str) -> NoReturn:
        from outline.cli.names import shown

        print(f"outline: {shown(self.output or '-')}: {message}", file=sys.stderr)
        raise typer.Exit(EXIT_TROUBLE)


def _copy(source: BinaryIO, target: BinaryIO, size: int) -> None:
    """The first `size` bytes of one file into another, a block at a time."""
    while size > 0:
        block = source.read(min(size, 1 << 20))
        if not block:
            return
        target.write(block)
        size -= len(block)


@dataclass
class Tally:
    """What a run did, for its summary and its exit code."""

    exported: int = 0
    skipped: int = 0
    failed: int = 0
    bugs: int = 0
    empty: int = 0
    """Documents exported that have no heading."""

    @property
    def done(self) -> int:
        """Documents dealt with so far, for the progress bar."""
        return self.exported + self.skipped + self.failed

    def add(self, outcome: Outcome, run: Inputs, sink: Sink) -> None:
        """Count one outcome; write its output or report its trouble."""
        failed, message = outcome.failed, outcome.message
        if failed is None:
            trouble = sink.write(outcome)
            if trouble:
                failed, message = outcome.source, trouble
        if failed is not None:
            run.fail(failed, message)
            self.failed += 1
            self.bugs += outcome.bug
            return
        self.exported += 1
        self.empty += outcome.headings == 0

    def summary(self, failed: int) -> str:
        """One line: how many documents went through, and what became of the others, with
        `failed` the inputs that could not be read, found or written, however it went wrong."""
        parts = [
            f"{self.exported:,} of {self.exported + self.skipped + failed:,} documents exported"
        ]
        if self.empty:
            parts.append(f"{self.empty:,} of them without headings")
        if self.skipped:
            parts.append(f"{self.skipped:,} already exported")
        if failed:
            parts.append(f"{failed:,} failed")
        return ", ".join(parts)


def terminal(stream: TextIO) -> bool:
    """Whether a standard stream is a terminal (a person reads it, rather than a program)."""
    return stream.isatty()


@contextmanager
def progress(
    total: int | None, shown: bool, console: Console | None = None
) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (or `console`), moved by calling what this yields with the
    number done; lines printed to stderr meanwhile appear above it. Nothing when not `shown`."""
    if not shown:
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("exporting"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("elapsed"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    console = console or Console(stderr=True)
    with Progress(*columns, console=console, transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("export", total=total)
        try:
            yield lambda done: bar.update(task, completed=done)
        except BaseException:  # stopped: the bar stays, to show how far the run went
            bar.live.transient = False
            raise
