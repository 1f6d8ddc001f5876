"""`outline diff`: how the skeleton of one document became that of another."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import (
    COMMANDS,
    EXIT_DIFFERENT,
    EXIT_OK,
    EXIT_TROUBLE,
    Depth,
    Encoding,
    HtmlSelector,
    Unwrap,
    app,
    usage_error,
)

if TYPE_CHECKING:
    from outline.cli.inputs import Inputs, Loaded, ReadOptions

DEFAULT_THRESHOLD = 0.6
"""Kept equal to outline.diff.DEFAULT_THRESHOLD (not imported: the parser loads lazily)."""


@app.command(name="diff", short_help=COMMANDS["diff"])
def compare(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="The earlier document, or - for stdin.")
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later document, or - for stdin.")],
    format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: txt, md or json.")
    ] = "txt",
    only_changes: Annotated[
        bool,
        typer.Option("--only-changes", "-c", help="Hide subtrees where nothing changed."),
    ] = False,
    depth: Depth = None,
    summary: Annotated[
        bool,
        typer.Option("--summary", "-s", help="One line: how many of each change, similarity."),
    ] = False,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            "-t",
            min=0.0,
            max=1.0,
            help="How alike (0-1) two titles or bodies must be to count as one heading edited.",
        ),
    ] = DEFAULT_THRESHOLD,
    plain: Annotated[bool, typer.Option("--plain", help="Plain text even on a terminal.")] = False,
    lang: Annotated[str, typer.Option(help="Labels and notes in zh (中文) or en.")] = "zh",
    encoding: Encoding = None,
    html_selector: HtmlSelector = None,
    unwrap: Unwrap = False,
) -> None:
    """Show how the skeleton of OLD became that of NEW.

    Headings are paired by their titles, never by their numbers: inserting one section
    reports it as added and the later ones as renumbered. Each heading is unchanged, renamed
    (~, the edit marked in the title), renumbered (#), moved to another parent (→), reordered
    among its siblings (↕), promoted (↑) or demoted (↓) a level, added (+), removed (-), split
    into several (<) or merged from several (>).

    The new skeleton is shown as a tree with removed headings where they stood: on a terminal
    in colour, otherwise as text with the line on each side. --format md is a change report,
    --format json lists every change. Notes and labels are in Chinese; --lang en writes them
    in English. Documents may be text, .docx, web pages or PDF, each read as `outline show`
    reads it.

    Exit codes: 0 the skeletons are the same; 1 they differ; 2 an input could not be read or
    bad usage; 3 a bug.

    \b
    Example:
        outline diff draft.txt final.txt --only-changes
    """
    from outline.cli.inputs import Inputs, ReadOptions
    from outline.render.diff import FORMATS
    from outline.render.diff.view import WORDS

    if format not in FORMATS:
        usage_error(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if lang not in WORDS:
        usage_error(f"--lang must be one of {', '.join(WORDS)}, not {lang!r}")
    if old == "-" and new == "-":
        usage_error("only one of OLD and NEW can be - (standard input)")
    run = Inputs()
    options = ReadOptions(encoding, html_selector, unwrap)
    loaded = [_load(run, source, options) for source in (old, new)]
    if loaded[0] is None or loaded[1] is None:
        raise typer.Exit(EXIT_TROUBLE)
    _show(loaded[0], loaded[1], format, only_changes, depth, summary, threshold, plain, lang)


def _load(run: Inputs, source: str, options: ReadOptions) -> Loaded | None:
    """One input parsed, or None after reporting why it could not be."""
    found = list(run.expand([source]))
    if found != [source]:
        if found:
            run.fail(source, "is a directory; give two documents")
        return None
    return run.load(source, options)


def _show(
    old: Loaded,
    new: Loaded,
    format: str,
    only_changes: bool,
    depth: int | None,
    summary: bool,
    threshold: float,
    plain: bool,
    lang: str,
) -> None:
    from outline.cli.names import shown
    from outline.diff import diff
    from outline.render.controls import visible
    from outline.render.diff import FORMATS, View
    from outline.render.diff.json import dump, summary_dict
    from outline.render.diff.view import summary as summary_line

    result = diff(old.doc, new.doc, threshold)
    names = (shown(old.source), shown(new.source))
    view = View(old=names[0], new=names[1], depth=depth, only_changes=only_changes, lang=lang)
    if summary:
        sys.stdout.write(
            dump(summary_dict(result, view)) if format == "json" else summary_line(result, view)
        )
    elif format == "txt" and not plain and sys.stdout.isatty():
        from rich.console import Console  # costly import, needed on a terminal only

        from outline.render.diff.terminal import tree
        from outline.render.terminal import escape_tree

        Console(highlight=False).print(escape_tree(tree(result, view)))
    else:
        written = FORMATS[format](result, view)
        sys.stdout.write(written if format == "json" else visible(written, keep="\n"))
    raise typer.Exit(EXIT_OK if result.same else EXIT_DIFFERENT)
