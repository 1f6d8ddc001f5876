"""`outline mark`: the skeleton put into the writer's own .docx as outline levels."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import COMMANDS, Depth, app, usage_error

if TYPE_CHECKING:
    from outline.cli.inputs import Inputs
    from outline.docxedit.levels import Marking

STDIN = "-"
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
"""Files taken from a directory or a pattern: Word documents and templates."""


@app.command(short_help=COMMANDS["mark"])
def mark(
    paths: Annotated[
        list[str], typer.Argument(help="Word documents (.docx), directories of them, or - stdin.")
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write the marked document here.", metavar="FILE"),
    ] = None,
    write: Annotated[
        bool,
        typer.Option("--write", "-w", help="Mark the files in place, keeping NAME.orig."),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", "-n", help="List the headings that would be marked; write none."),
    ] = False,
    depth: Depth = None,
) -> None:
    """Give each heading of a .docx its outline level, so that the navigation pane of Word and
    WPS (LibreOffice's Navigator too) shows the skeleton of the writer's own document.

    Only the paragraph properties of the headings change (w:outlineLvl, which overrides the
    level of their style without touching its look); text, runs, formatting, numbering,
    comments, tracked changes and images stay byte for byte as they were. A heading already at
    its level is left alone. The marked document goes to -o FILE, or to stdout when that is no
    terminal; --write replaces each file whole, keeping the original as NAME.orig. A line on
    stderr tells what was marked.

    Exit codes: 0 success; 2 an input could not be read or marked, an output not written, or
    bad usage (the other inputs still go through); 3 a bug.

    \b
    Example:
        outline mark draft.docx -o draft-marked.docx
        outline mark drafts/ --write --depth 2
    """
    from outline.cli.inputs import Inputs

    _validate(paths, output, write, dry_run)
    run = Inputs()
    for source in _sources(run, paths):
        marked = _marked(run, source, depth)
        if marked is None:
            continue
        original, marking = marked
        if dry_run:
            _list(source, marking)
        elif not _written(run, source, (original, marking.data), output, write):
            continue
        print(f"outline: {source}: {_summary(marking, dry_run)}", file=sys.stderr)
    raise typer.Exit(run.exit_code)


def _validate(paths: list[str], output: str | None, write: bool, dry_run: bool) -> None:
    from outline.cli.inputs import several
    from outline.cli.overwrite import same_file

    if write and (output is not None or dry_run):
        usage_error("--write marks the files in place: it goes with neither -o nor --dry-run")
    if write and STDIN in paths:
        usage_error("--write cannot write back standard input")
    if not write and not dry_run and several(paths):
        usage_error("several inputs: use --write to mark each in place")
    if output is not None and paths[0] != STDIN and same_file(output, paths[0]):
        usage_error(f"-o {output} is the input: use --write to mark it in place")
    if output is None and not write and not dry_run and sys.stdout.isatty():
        usage_error("the marked .docx is binary: give -o FILE, or redirect stdout")


def _sources(run: Inputs, paths: list[str]) -> Iterator[str]:
    """The inputs: files as given, the Word documents in directories and patterns."""
    for path in paths:
        if path == STDIN or Path(path).is_file():
            yield path
            continue
        yield from (s for s in run.expand([path]) if s.lower().endswith(WORD_SUFFIXES))


def _marked(run: Inputs, source: str, depth: int | None) -> tuple[bytes, Marking] | None:
    """One document's bytes and the document marked, or None after saying why it could not
    be marked."""
    from outline.docxedit import EditError, mark
    from outline.sources import SourceError, detect

    try:
        data = sys.stdin.buffer.read() if source == STDIN else Path(source).read_bytes()
    except OSError as e:
        run.fail(source, e.strerror or str(e))
        return None
    try:
        if detect(data, source) != "docx":
            run.fail(source, "is not a .docx: outline levels go into Word documents only")
            return None
        return data, mark(data, depth)
    except (SourceError, EditError) as e:
        run.fail(source, str(e))
        return None


def _written(
    run: Inputs, source: str, data: tuple[bytes, bytes], output: str | None, write: bool
) -> bool:
    """Write one marked document (`data`: the bytes read, the bytes marked) where it goes;
    whether it could be."""
    original, marked = data
    from outline.cli.files import write_atomically
    from outline.cli.rewrite import RewriteError, write_in_place

    try:
        if write:
            if marked != original:
                write_in_place(Path(source), original, marked)
        elif output is not None:
            write_atomically(Path(output), marked)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(marked)
            sys.stdout.buffer.flush()
    except RewriteError as e:
        run.fail(source, str(e))
        return False
    except OSError as e:
        run.fail(output or source, f"cannot write: {e.strerror or e}")
        return False
    return True


def _list(source: str, marking: Marking) -> None:
    """What --dry-run prints: each heading that would be marked, its line and levels."""
    for m in marking.marked:
        was = "body" if m.was is None else str(m.was)
        sys.stdout.write(f"{source}:{m.line}: {was} -> {m.level} {m.heading}\n")


def _summary(marking: Marking, dry_run: bool) -> str:
    """One line: how many headings were marked, at which levels, and how many already were."""
    marked = len(marking.marked)
    levels = sorted({m.level for m in marking.marked})
    span = ""
    if levels:
        span = (
            f" (level {levels[0]})" if len(levels) == 1 else f" (levels {levels[0]}–{levels[-1]})"
        )
    verb = "would mark" if dry_run else "marked"
    noun = "heading" if marked == 1 else "headings"
    return f"{verb} {marked} {noun}{span}, {marking.kept} already at their level"
