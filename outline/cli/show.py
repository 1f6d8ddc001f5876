"""`outline show`: the skeleton as a tree in the terminal, or as indented text."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import Depth, Encoding, HtmlSelector, Paths, Unwrap, app
from outline.cli.inputs import Inputs, ReadOptions, several

if TYPE_CHECKING:
    from rich.console import Console


@app.command()
def show(
    paths: Paths,
    depth: Depth = None,
    body: Annotated[
        bool, typer.Option("--body", "-b", help="Show the start of each heading's text.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Indented text even on a terminal.")
    ] = False,
    encoding: Encoding = None,
    html_selector: HtmlSelector = None,
    unwrap: Unwrap = False,
) -> None:
    """Print the skeleton of each document as a tree.

    On a terminal the tree is coloured by level, line numbers dim; into a pipe or with --plain
    it is indented text, each heading after its line number.

    Documents may be text, .docx (line numbers count paragraphs), web pages or PDF.

    \b
    Example:
        outline show seeds/measures-party-governance.txt --depth 1
    """
    from outline.render.plain import EXCERPT, render

    run = Inputs()
    width = EXCERPT if body else 0
    console = _console() if not plain and sys.stdout.isatty() else None
    headed = several(paths)
    first = True
    for loaded in run.documents(paths, ReadOptions(encoding, html_selector, unwrap)):
        if console is not None:
            from outline.render.terminal import tree

            label = loaded.doc.title or loaded.source
            console.print(
                tree(
                    loaded.doc,
                    f"{loaded.source}: {label}" if headed else label,
                    depth=depth,
                    body=width,
                )
            )
            continue
        header = f"==> {loaded.source} <==\n" if headed else ""
        sys.stdout.write(("" if first else "\n") + header + render(loaded.doc, depth, width))
        first = False
    raise typer.Exit(run.exit_code)


def _console() -> Console:
    from rich.console import Console  # costly import, needed on a terminal only

    return Console(highlight=False)
