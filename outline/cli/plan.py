"""Planning an export before anything is read or written: the format, where outputs go (the
mode), which inputs there are and which of them this run writes itself, and the usage errors
that need no document to be found."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from outline.cli.app import usage_error
from outline.cli.inputs import Inputs, several
from outline.cli.outputs import AGGREGATE, DIRECTORY, FILE, STDOUT
from outline.cli.reading import listed_paths

if TYPE_CHECKING:
    from outline.cli.batch import Job, Task
    from outline.cli.outputs import Sink, Tally
    from outline.render import Format

MD_STYLES = ("headings", "list")
MAX_JOBS_PER_CORE = 4
"""Workers beyond this many a core only wait their turn, each holding its memory."""


@dataclass(frozen=True, slots=True)
class Asked:
    """What the command line asks of an export, as given."""

    paths: list[str]
    format: str
    output: str | None
    files_from: str | None
    jobs: int | None
    skip_existing: bool
    body: bool
    md_style: str
    layout: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """An export planned: what is read, in what format, and where it goes."""

    format: Format
    """The export format."""
    mode: str
    """Where outputs go: STDOUT, FILE, AGGREGATE or DIRECTORY (`outline.cli.outputs`)."""
    output: str | None
    """The path -o gives, if any."""
    paths: list[str]
    """The inputs as given."""
    files_from: str | None
    """The file listing more inputs, "-" for standard input."""
    held: list[str] | None
    """The list of inputs from standard input, when it had to be read ahead."""
    ours: Callable[[str], bool]
    """What this run writes itself, which a walk over the inputs may meet but must pass over."""
    batch: bool
    """Whether the inputs may be more than one document."""
    jobs: int
    """Worker processes: 1 reads in this process."""
    skip_existing: bool
    """Resume: leave out what is already written."""

    @property
    def head(self) -> str | None:
        """What the one output opens with, when documents gather into it (the CSV header)."""
        return self.format.head() if self.mode in (STDOUT, AGGREGATE) else None

    def sources(self, inputs: Inputs) -> Iterator[str]:
        """The inputs in order, found as the walk goes, but for what this run writes."""
        if self.held is not None:
            listed: Iterator[str] = iter(self.held)
        elif self.files_from is not None:
            listed = listed_paths(self.files_from, inputs.fail)
        else:
            listed = iter(())
        for source in inputs.expand(_chain(self.paths, listed)):
            if source == "-" or not self.ours(source):
                yield source

    def count(self, seconds: float | None = None) -> int | None:
        """How many inputs there are, for a progress bar; None when that cannot be known
        before the run (a list read from standard input as it goes), or not within `seconds`."""
        import time

        if self.files_from == "-" and self.held is None:
            return None
        deadline = None if seconds is None else time.monotonic() + seconds
        found = 0
        for found, _ in enumerate(self.sources(Quiet()), 1):  # the count is kept
            if deadline is not None and found % 256 == 0 and time.monotonic() > deadline:
                return None
        return found

    def tasks(self, sources: Iterator[str], job: Job, sink: Sink, tally: Tally) -> Iterator[Task]:
        """A task per source with the file it goes to; none for one already written."""
        from outline.cli.batch import Task
        from outline.cli.overwrite import unique_name

        names: set[str] = set()
        for source in sources:
            target = self.output if self.mode == FILE else None
            if self.mode == DIRECTORY and self.output is not None:
                name = unique_name(source, self.format.extension, names)
                target = os.path.join(self.output, name)
            done = sink.key(source) in sink.done or (target and os.path.exists(target))
            if sink.resuming and done:
                tally.skipped += 1
                continue
            yield Task(source, target)


def plan(asked: Asked, default_jobs: Callable[[], int]) -> Plan:
    """The plan for what is asked; a usage error (exit 2) for what cannot be done."""
    from outline.cli.overwrite import needs_walk, overwrites, written_by_this_run
    from outline.render import FORMATS, names

    output = None if asked.output == "-" else asked.output
    format = FORMATS.get(asked.format)
    if format is None:
        usage_error(f"--format must be one of {names()}, not {asked.format!r}")
    _check(asked, format, output)
    batch = asked.files_from is not None or several(asked.paths)
    mode = _mode(format, output, batch)
    walk = output is not None and needs_walk(mode, output)
    held = list(listed_paths("-", Inputs().fail)) if walk and asked.files_from == "-" else None
    planned = Plan(
        format=format,
        mode=mode,
        output=output,
        paths=asked.paths,
        files_from=asked.files_from,
        held=held,
        ours=written_by_this_run(mode, output, asked.paths),
        batch=batch,
        jobs=_jobs(asked.jobs, default_jobs) if batch else 1,
        skip_existing=asked.skip_existing,
    )
    trouble = overwrites(
        mode, output, asked.paths, format.extension, lambda: planned.sources(Quiet())
    )
    if trouble is not None:
        usage_error(trouble)
    if mode == DIRECTORY and output is not None:
        _make_directory(output)
    return planned


def _check(asked: Asked, format: Format, output: str | None) -> None:
    """Usage errors that need no input to be found."""
    from outline.render import FORMATS, names

    if asked.md_style not in MD_STYLES:
        usage_error(f"--md-style must be 'headings' or 'list', not {asked.md_style!r}")
    if asked.layout is not None and asked.layout not in format.layouts:
        laid = [name for name, f in FORMATS.items() if f.layouts]
        if not format.layouts:
            usage_error(f"--layout goes with --format {' or '.join(laid)}, not {format.name}")
        usage_error(f"--layout must be one of {', '.join(format.layouts)}, not {asked.layout!r}")
    if asked.body and not format.with_body:
        bodied = {k: v for k, v in FORMATS.items() if v.with_body}
        usage_error(f"--body goes with --format {names(bodied)}, not {format.name}")
    if asked.skip_existing and output is None:
        usage_error("--skip-existing needs -o: it resumes writing files")
    if not asked.paths and asked.files_from is None:
        usage_error("give the documents to export, or --files-from LIST")
    if asked.files_from == "-" and "-" in asked.paths:
        usage_error("standard input cannot hold both a document and the list of files")


def _mode(format: Format, output: str | None, batch: bool) -> str:
    """Where the outputs go: stdout, one file, one file for all, or one file per document (in
    a directory that exists, or whose name ends in /)."""
    from outline.cli.names import shown

    if output is None:
        if batch and not format.gathers:
            usage_error("several inputs: give -o DIR for one output file per input")
        return STDOUT
    as_directory = output.endswith(("/", os.sep)) or Path(output).is_dir()
    if format.gathers and not as_directory:
        return AGGREGATE
    if as_directory:
        return DIRECTORY
    if batch:
        usage_error(
            f"several inputs: -o {shown(output)} names one file; give a directory "
            f"(-o {shown(output.rstrip(os.sep))}/) for a file each, or --format jsonl or csv"
        )
    return FILE


def _jobs(asked: int | None, cores: Callable[[], int]) -> int:
    """The worker processes to run: as asked, up to MAX_JOBS_PER_CORE a core; the cores by
    default."""
    if asked is None:
        return cores()
    most = MAX_JOBS_PER_CORE * cores()
    if asked > most:
        usage_error(f"--jobs {asked:,} is more than {most} ({MAX_JOBS_PER_CORE} a core)")
    return asked


def _make_directory(output: str) -> None:
    try:
        Path(output).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        usage_error(f"cannot make directory {output}: {e.strerror}")


class Quiet(Inputs):
    """A walk over the inputs that reports nothing: the run that follows reports it."""

    def fail(self, source: str, message: str) -> None:
        pass


def _chain(first: list[str], then: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from then
