"""`outline export`: the skeleton in a file format, for one document or a corpus of thousands."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import COMMANDS, EXIT_BUG, Depth, Encoding, HtmlSelector, Unwrap, app
from outline.render import FORMATS, names

BODIED = {name: f for name, f in FORMATS.items() if f.with_body}
"""The formats that can hold each heading's own text."""
INTERRUPTED_COUNT_SECONDS = 0.3
"""How long an interrupted run may spend counting its inputs, to say how many there were."""

if TYPE_CHECKING:
    from outline.cli.batch import Job
    from outline.cli.inputs import Inputs
    from outline.cli.outputs import Sink, Tally
    from outline.cli.plan import Plan


@app.command(short_help=COMMANDS["export"])
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
        typer.Option("--format", "-f", help=f"{names()}.", metavar="NAME"),
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
        typer.Option(
            "--body",
            "-b",
            help=f"{names(BODIED)}: each heading's text too.",
        ),
    ] = False,
    md_style: Annotated[
        str, typer.Option("--md-style", help="md: 'headings' (## … then lists) or 'list'.")
    ] = "headings",
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            help="docx: plain, or gbt9704 (GB/T 9704 公文格式: page, fonts, page numbers).",
            metavar="NAME",
        ),
    ] = None,
    depth: Depth = None,
    open_depth: Annotated[
        int | None,
        typer.Option(
            "--open-depth", min=0, help="html: sections open to level N, the rest folded."
        ),
    ] = None,
    encoding: Encoding = None,
    html_selector: HtmlSelector = None,
    unwrap: Unwrap = False,
) -> None:
    """Export the skeleton of each document (--format lists the formats).

    Documents may be text, .docx, web pages or PDF; JSON says which, and what its line numbers
    count. One input goes to stdout or to the file -o names. jsonl and csv put any number of
    documents into one file (-o FILE, or stdout), a line or a block of rows each; -o DIR (an
    existing directory, or a path ending in /) writes one file per document, named after it,
    as the other formats need whenever there are several inputs. An output that would
    overwrite an input, by whatever path or link, is refused before anything is written; an
    output is written whole beside the old one and then takes its place.

    Several inputs are read by --jobs worker processes in bounded memory, whatever their
    number, with a progress bar when stderr is a terminal and a summary line at the end.
    Ctrl-C (or SIGTERM) stops a run within a second, saying how far it went; --skip-existing
    resumes it. A file that cannot be read is reported and skipped; the others are exported.

    Exit codes: 0 success; 2 an input could not be read or an output written (the others went
    through), or bad usage; 3 a bug; 130 (143) stopped by SIGINT (SIGTERM).

    docx with --body is the whole draft, every paragraph, headings in Word's Heading styles;
    --layout gbt9704 lays it out as GB/T 9704 lays out an official document (A4, 22 lines of
    28 characters, 方正小标宋 title, 黑体/楷体/仿宋 levels, — 1 — page numbers).

    \b
    Example:
        outline export seeds/measures-party-governance.txt --format json -o skeleton.json
        outline export draft.docx -f docx --body --layout gbt9704 -o draft-laid-out.docx
        outline export 'corpus/**/*.txt' --format csv -o skeletons.csv --skip-existing
    """
    from outline.cli.batch import Job, default_jobs
    from outline.cli.plan import Asked, plan
    from outline.sources.model import ReadOptions

    asked = Asked(
        paths or [], format, output, files_from, jobs, skip_existing, body, md_style, layout
    )
    planned = plan(asked, default_jobs)
    read = ReadOptions(encoding, html_selector, unwrap)
    job = Job(format, read, depth, md_style, body, planned.head, open_depth, layout)
    raise typer.Exit(run(planned, job))


def run(planned: Plan, job: Job) -> int:
    """Carry out a planned export; the exit code. SIGINT or SIGTERM stop it within a second,
    with what was written and how to go on said on stderr."""
    from outline.cli.inputs import Inputs
    from outline.cli.interrupt import Interrupted
    from outline.cli.outputs import Sink, Tally, terminal

    inputs, tally = Inputs(), Tally()
    shown = planned.batch and terminal(sys.stderr)
    total = planned.count() if shown else None
    sink = Sink(planned.mode, planned.output, job.format, planned.head, planned.skip_existing)
    try:
        _export(planned, job, sink, inputs, tally, total if shown else None, shown=shown)
    except Interrupted as e:
        written = tally.exported if sink.kept else 0
        total = total if total is not None else planned.count(INTERRUPTED_COUNT_SECONDS)
        of = f" of {total:,}" if total is not None else ""
        print(
            f"outline: interrupted: {written:,}{of} written; rerun with --skip-existing",
            file=sys.stderr,
        )
        return e.exit_code
    if planned.batch:
        print(f"outline: {tally.summary(inputs.failed)}", file=sys.stderr)
    return EXIT_BUG if tally.bugs else inputs.exit_code


def _export(
    planned: Plan,
    job: Job,
    sink: Sink,
    inputs: Inputs,
    tally: Tally,
    total: int | None,
    *,
    shown: bool,
) -> None:
    """Every document through the workers (or this process) into the sink."""
    from contextlib import nullcontext

    from outline.cli.batch import Workers, serial
    from outline.cli.outputs import progress

    with sink:
        tasks = planned.tasks(planned.sources(inputs), job, sink, tally)
        with (
            Workers(job, planned.jobs) if planned.jobs > 1 else nullcontext() as workers,
            progress(total, shown) as advance,
        ):
            for outcome in workers.run(tasks) if workers else serial(job, tasks):
                tally.add(outcome, inputs, sink)
                advance(tally.done)
