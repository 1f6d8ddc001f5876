"""`outline export`: the skeleton in a file format, for one document or a corpus of thousands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import EXIT_BUG, Depth, Encoding, HtmlSelector, Unwrap, app, usage_error
from outline.cli.inputs import Inputs, several
from outline.cli.outputs import AGGREGATE, DIRECTORY, FILE, STDOUT, Sink, Tally

if TYPE_CHECKING:
    from outline.cli.batch import Job, Task


@app.command()
def export(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Documents: files, directories, quoted patterns ('corpus/**/*.txt'), - stdin.",
            show_default=False,
            metavar="PATHS",
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="md, json, txt, jsonl, csv, opml, html or docx.", metavar="NAME"
        ),
    ] = "md",
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="A file, or a directory: one file per document.", metavar="PATH"
        ),
    ] = None,
    files_from: Annotated[
        str | None,
        typer.Option(
            "--files-from",
            help="Also the paths this file lists, one a line (- stdin).",
            metavar="LIST",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes.  [default: the cores]",
            show_default=False,
        ),
    ] = None,
    skip_existing: Annotated[
        bool, typer.Option("--skip-existing", help="Resume: leave out what is already written.")
    ] = False,
    body: Annotated[
        bool,
        typer.Option("--body", "-b", help="docx, html, opml, txt: each heading's text too."),
    ] = False,
    md_style: Annotated[
        str, typer.Option("--md-style", help="md: 'headings' (## … then lists) or 'list'.")
    ] = "headings",
    depth: Depth = None,
    encoding: Encoding = None,
    html_selector: HtmlSelector = None,
    unwrap: Unwrap = False,
) -> None:
    """Export the skeleton of each document: md, json, txt, jsonl, csv, opml, html or docx.

    Documents may be text, .docx, web pages or PDF; JSON says which, and what its line numbers
    count. One input goes to stdout or to the file -o names. jsonl and csv put any number of
    documents into one file (-o FILE, or stdout), a line or a block of rows each; -o DIR (an
    existing directory, or a path ending in /) writes one file per document, named after it,
    and so do the other formats whenever there are several inputs. An output that would
    overwrite an input, by whatever path or link, is refused before anything is written.

    Several inputs are read by --jobs worker processes in bounded memory, whatever their
    number, with a progress bar when stderr is a terminal and a summary line at the end.
    --skip-existing resumes a run that was cut short. A file that cannot be read is reported
    and skipped; the others are exported.

    Exit codes: 0 success; 2 an input could not be read or an output written (the others went
    through), or bad usage; 3 a bug.

    \b
    Example:
        outline export seeds/measures-party-governance.txt --format json -o skeleton.json
        outline export 'corpus/**/*.txt' --format csv -o skeletons.csv --skip-existing
    """
    from contextlib import nullcontext

    from outline.cli.batch import Job, Workers, default_jobs, serial
    from outline.cli.outputs import progress, terminal
    from outline.cli.overwrite import needs_walk, overwrites, written_by_this_run
    from outline.render import HEADS

    output = None if output == "-" else output
    _check(format, md_style, body, skip_existing, output)
    paths = paths or []
    if not paths and files_from is None:
        usage_error("give the documents to export, or --files-from LIST")
    if files_from == "-" and "-" in paths:
        usage_error("standard input cannot hold both a document and the list of files")
    batch = files_from is not None or several(paths)
    mode = _mode(format, output, batch)
    ours = written_by_this_run(mode, output, paths)
    run, tally = Inputs(), Tally()
    walk = output is not None and needs_walk(mode, output)
    held = list(_listed(run, "-")) if walk and files_from == "-" else None  # read once
    trouble = overwrites(
        mode, output, paths, format, lambda: _sources(Quiet(), paths, files_from, held, ours)
    )
    if trouble is not None:
        usage_error(trouble)
    if mode == DIRECTORY and output is not None:
        _make_directory(output)
    head = HEADS.get(format) if mode in (STDOUT, AGGREGATE) else None
    job = Job(format, encoding, html_selector, unwrap, depth, md_style, body, head)
    count = (jobs or default_jobs()) if batch else 1
    shown = batch and terminal(sys.stderr)
    counted = shown and (files_from != "-" or held is not None)
    total = sum(1 for _ in _sources(Quiet(), paths, files_from, held, ours)) if counted else None
    with Sink(mode, output, format, head, skip_existing) as sink:
        sources = _sources(run, paths, files_from, held, ours)
        tasks = _tasks(sources, job, mode, output, sink, tally)
        with (
            Workers(job, count) if count > 1 else nullcontext() as workers,
            progress(total, shown) as advance,
        ):
            for outcome in workers.run(tasks) if workers else serial(job, tasks):
                tally.add(outcome, run, sink)
                advance(tally.done)
    if batch:
        print(f"outline: {tally.summary(run.failed)}", file=sys.stderr)
    raise typer.Exit(EXIT_BUG if tally.bugs else run.exit_code)


def _check(format: str, md_style: str, body: bool, skip: bool, output: str | None) -> None:
    """Usage errors that need no input to be found."""
    from outline.render import FORMATS, WITH_BODY

    if format not in FORMATS:
        usage_error(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if md_style not in ("headings", "list"):
        usage_error(f"--md-style must be 'headings' or 'list', not {md_style!r}")
    if body and format not in WITH_BODY:
        usage_error(f"--body goes with --format {', '.join(sorted(WITH_BODY))}, not {format}")
    if skip and output is None:
        usage_error("--skip-existing needs -o: it resumes writing files")


def _mode(format: str, output: str | None, batch: bool) -> str:
    """Where the outputs go: stdout, one file, one file for all, or one file per document."""
    from outline.render import HEADS

    if output is None:
        if batch and format not in HEADS:
            usage_error("several inputs: give -o DIR for one output file per input")
        return STDOUT
    as_directory = output.endswith(("/", os.sep)) or Path(output).is_dir()
    if format in HEADS and not as_directory:
        return AGGREGATE
    if not batch and not as_directory:
        return FILE
    return DIRECTORY


def _make_directory(output: str) -> None:
    try:
        Path(output).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        usage_error(f"cannot make directory {output}: {e.strerror}")


def _sources(
    run: Inputs,
    paths: list[str],
    files_from: str | None,
    held: list[str] | None,
    ours: Callable[[str], bool],
) -> Iterator[str]:
    """The inputs in order, found as the walk goes, but for what this run writes (`ours`).
    `held` is the list of files from standard input when it has been read already."""
    if held is not None:
        listed: Iterator[str] = iter(held)
    else:
        listed = _listed(run, files_from) if files_from is not None else iter(())
    for source in run.expand(_chain(paths, listed)):
        if source == "-" or not ours(source):
            yield source


class Quiet(Inputs):
    """A walk over the inputs that reports nothing: the run that follows reports it."""

    def fail(self, source: str, message: str) -> None:
        pass


def _chain(first: list[str], then: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from then


def _listed(run: Inputs, files_from: str) -> Iterator[str]:
    """The paths a list holds, one a line; blank lines are passed over."""
    from contextlib import nullcontext

    try:
        with (
            nullcontext(sys.stdin.buffer)
            if files_from == "-"
            else open(files_from, "rb") as listing
        ):
            for line in listing:
                path = os.fsdecode(line.rstrip(b"\r\n"))
                if path.strip():
                    yield path
    except OSError as e:
        run.fail(files_from, f"cannot read the list: {e.strerror or e}")


def _tasks(
    sources: Iterable[str],
    job: Job,
    mode: str,
    output: str | None,
    sink: Sink,
    tally: Tally,
) -> Iterator[Task]:
    """A task per source with the file it goes to; none for one already written (resuming)."""
    from outline.cli.batch import Task
    from outline.cli.overwrite import unique_name
    from outline.render import EXTENSIONS

    names: set[str] = set()
    for source in sources:
        target = output if mode == FILE else None
        if mode == DIRECTORY and output is not None:
            target = os.path.join(output, unique_name(source, EXTENSIONS[job.format], names))
        if sink.resuming and (source in sink.done or (target and os.path.exists(target))):
            tally.skipped += 1
            continue
        yield Task(source, target)
