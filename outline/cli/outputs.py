"""Where an export's outputs go, what the run tells the user about them, and its progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TextIO

import typer

from outline.cli.app import EXIT_TROUBLE

if TYPE_CHECKING:
    from rich.console import Console

    from outline.cli.batch import Outcome
    from outline.cli.inputs import Inputs

STDOUT, FILE, AGGREGATE, DIRECTORY = "stdout", "file", "aggregate", "directory"
"""Where outputs go: standard output; the one file -o names; one file for all documents (jsonl,
csv); one file per document in the directory -o names (written by the workers)."""


class Sink:
    """The outputs the parent writes, in input order: to stdout, or to one file for all.

    Resuming into one file keeps what it holds (see `outline.cli.resume`); resuming into files
    of their own keeps the files that exist.
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
        """Sources already in the file being resumed."""
        self.file: BinaryIO | None = None

    def __enter__(self) -> Sink:
        if self.mode == STDOUT and self.head:
            sys.stdout.write(self.head)
        if self.mode == AGGREGATE and self.output is not None:
            self.file = self._open(self.output)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()

    def _open(self, output: str) -> BinaryIO:
        from pathlib import Path

        from outline.cli.resume import ResumeError, resume

        path = Path(output)
        file: BinaryIO
        try:
            if not (self.resuming and path.is_file()):
                file = path.open("wb")
                file.write((self.head or "").encode("utf-8"))
                return file
            file = path.open("r+b")
        except OSError as e:
            self._stop(f"cannot write: {e.strerror or e}")
        try:
            self.done = resume(file, self.format, self.head or "")
        except ResumeError as e:
            file.close()
            self._stop(f"{e}; remove it, or run without --skip-existing")
        return file

    def write(self, outcome: Outcome) -> str | None:
        """Write one document's output; a message when it cannot go where it was to go."""
        output = outcome.output
        if output is None:
            return None
        data = output.encode("utf-8") if isinstance(output, str) else output
        if self.file is not None:
            try:
                self.file.write(data)
            except OSError as e:
                self._stop(f"cannot write: {e.strerror or e}")
            return None
        if isinstance(output, bytes) and terminal(sys.stdout):
            return "the output is binary: write it with -o FILE, or redirect stdout"
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None

    def _stop(self, message: str) -> NoReturn:
        print(f"outline: {self.output}: {message}", file=sys.stderr)
        raise typer.Exit(EXIT_TROUBLE)


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
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    console = console or Console(stderr=True)
    with Progress(*columns, console=console, transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("export", total=total)
        yield lambda done: bar.update(task, completed=done)
