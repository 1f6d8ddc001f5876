"""`outline export`: the skeleton in a file format, one output per input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from outline.cli.app import Depth, Encoding, HtmlSelector, Paths, Unwrap, app, usage_error
from outline.cli.inputs import ReadOptions, Run, several


@app.command()
def export(
    paths: Paths,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: md, json or txt.")
    ] = "md",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here; a directory for several inputs."),
    ] = None,
    md_style: Annotated[
        str, typer.Option("--md-style", help="md: 'headings' (## … then lists) or 'list'.")
    ] = "headings",
    depth: Depth = None,
    encoding: Encoding = None,
    html_selector: HtmlSelector = None,
    unwrap: Unwrap = False,
) -> None:
    """Export the skeleton of each document as Markdown, JSON or plain text.

    One input goes to stdout or to the file -o names. Several inputs need -o DIR: one file
    per input, named after it. Documents may be text, .docx, web pages or PDF; JSON says
    which, and what its line numbers count.

    \b
    Example:
        outline export seeds/measures-party-governance.txt --format json -o skeleton.json
    """
    from outline.render import EXTENSIONS, FORMATS, Options

    if format not in FORMATS:
        usage_error(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if md_style not in ("headings", "list"):
        usage_error(f"--md-style must be 'headings' or 'list', not {md_style!r}")
    to_directory = several(paths)
    if to_directory and output is None:
        usage_error("several inputs: give -o DIR for one output file per input")
    if to_directory and output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            usage_error(f"cannot make directory {output}: {e.strerror}")
    run = Run()
    names: set[str] = set()
    for loaded in run.documents(paths, ReadOptions(encoding, html_selector, unwrap)):
        options = Options(
            source=loaded.source,
            encoding=loaded.encoding,
            depth=depth,
            md_style=md_style,
            format=loaded.format,
            line_unit=loaded.line_unit,
            pages=loaded.pages,
        )
        rendered = FORMATS[format](loaded.doc, options)
        if output is None:
            sys.stdout.write(rendered)
            continue
        target = output
        if to_directory:
            target = output / unique_name(loaded.source, EXTENSIONS[format], names)
        try:
            target.write_text(rendered, encoding="utf-8")
        except OSError as e:
            run.fail(str(target), f"cannot write: {e.strerror or e}")
    raise typer.Exit(run.exit_code)


def unique_name(source: str, suffix: str, taken: set[str]) -> str:
    """The output file name for an input: its stem, made unique within one run."""
    stem = "stdin" if source == "-" else Path(source).stem
    name, n = stem + suffix, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return name
