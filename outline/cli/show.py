"""`outline show`: the skeleton as a tree in the terminal, or as indented text."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import (
    COMMANDS,
    Depth,
    Encoding,
    FilesFrom,
    HtmlSelector,
    Paths,
    Unwrap,
    app,
    usage_error,
)

if TYPE_CHECKING:
    from rich.console import Console


@app.command(short_help=COMMANDS["show"])
def show(
    paths: Paths = None,
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
    files_from: FilesFrom = None,
) -> None:
    """Print the skeleton of each document as a tree.

    On a terminal the tree is coloured by level, line numbers dim; into a pipe or with --plain
    it is indented text, each heading after its line number.

    Documents may be text, .docx (line numbers count paragraphs), web pages or PDF. A
    document without numbered headings is said so on stderr.

    \b
    Example:
        outline show seeds/measures-party-governance.txt --depth 1
    """
    from outline.cli.inputs import Inputs, ReadOptions, several
    from outline.cli.names import shown
    from outline.render.plain import EXCERPT, render

    _needs_documents(paths, files_from)
    run = Inputs()
    width = EXCERPT if body else 0
    console = _console() if not plain and sys.stdout.isatty() else None
    headed = files_from is not None or several(paths or [])
    first = True
    options = ReadOptions(encoding, html_selector, unwrap)
    for loaded in run.documents(paths or [], options, files_from):
        doc, name = loaded.doc, shown(loaded.source)
        if not doc.nodes:
            print(f"outline: {name}: no numbered headings found", file=sys.stderr)
        if console is not None:
            from outline.render.terminal import tree

            console.print(tree(doc, label(name, doc.title, headed), depth=depth, body=width))
            continue
        header = f"==> {name} <==\n" if headed else ""
        sys.stdout.write(("" if first else "\n") + header + render(doc, depth, width))
        first = False
    raise typer.Exit(run.exit_code)


def label(name: str, title: str | None, headed: bool) -> str:
    """What a tree is shown under: the title, after the name when there are several
    documents; the name alone for a document without a title.

    >>> label("a.txt", "", True), label("a.txt", "方案", True), label("a.txt", "方案", False)
    ('a.txt', 'a.txt: 方案', '方案')
    """
    if not title:
        return name
    return f"{name}: {title}" if headed else title


def _needs_documents(paths: list[str] | None, files_from: str | None) -> None:
    if not paths and files_from is None:
        usage_error("give the documents to show, or --files-from LIST")
    if files_from == "-" and "-" in (paths or []):
        usage_error("standard input cannot hold both a document and the list of files")


def _console() -> Console:
    from rich.console import Console  # costly import, needed on a terminal only

    return Console(highlight=False)
