"""The command line. The only module that touches files, standard streams and exit codes.

Exit codes: 0 success; 1 the documents differ (diff) or have findings (check); 2 trouble — a
usage error, or an input that could not be read (the other inputs still go through);
3 an internal error, which is a bug (OUTLINE_DEBUG=1 shows its traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from outline.model import Document

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2
EXIT_BUG = 3
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
"""Files taken from a directory given as input."""

EXIT_CODES_HELP = "Exit codes: 0 success, 2 an input could not be read or bad usage, 3 a bug."

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="The skeleton of Chinese official speeches and documents, from their numbering.\n\n"
    + EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Paths = Annotated[
    list[str], typer.Argument(help="Documents: files, directories of them, or - for stdin.")
]
Depth = Annotated[int | None, typer.Option("--depth", "-d", min=1, help="Show levels 1..N only.")]
Encoding = Annotated[
    str | None, typer.Option("--encoding", "-e", help="Read inputs in this encoding (gbk, …).")
]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A document read from one input."""

    source: str
    encoding: str
    doc: Document


class Run:
    """One command's pass over its inputs: reports failures and remembers them for the exit code."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, source: str, message: str) -> None:
        self.failed += 1
        print(f"outline: {source}: {message}", file=sys.stderr)

    def documents(self, paths: list[str], encoding: str | None) -> Iterator[Loaded]:
        """Each input parsed, in order; unreadable ones are reported and skipped."""
        from outline.parse import parse  # keep `outline --help` fast
        from outline.sources import SourceError, decode

        for source in self._expand(paths):
            try:
                data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
                text, used = decode(data, encoding)
            except SourceError as e:
                self.fail(source, str(e))
                continue
            except OSError as e:
                self.fail(source, e.strerror or str(e))
                continue
            yield Loaded(source, used, parse(text))

    def _expand(self, paths: list[str]) -> Iterator[str]:
        for raw in paths:
            path = Path(raw)
            if raw == "-" or not path.is_dir():
                if raw != "-" and not path.exists():
                    self.fail(raw, "no such file or directory")
                    continue
                yield raw
                continue
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                self.fail(
                    raw,
                    "directory holds no documents (" + ", ".join(sorted(DOCUMENT_SUFFIXES)) + ")",
                )
            yield from (str(p) for p in found)

    def exit(self) -> NoReturn:
        raise typer.Exit(EXIT_TROUBLE if self.failed else EXIT_OK)


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
) -> None:
    """Print the skeleton of each document as a tree.

    On a terminal the tree is coloured by level, line numbers dim; into a pipe or with --plain
    it is indented text, each heading after its line number.

    \b
    Example:
        outline show seeds/measures-party-governance.txt --depth 1
    """
    run = Run()
    width = 60 if body else 0
    console = _console() if not plain and sys.stdout.isatty() else None
    several = len(paths) > 1 or any(Path(p).is_dir() for p in paths)
    first = True
    for loaded in run.documents(paths, encoding):
        if console is not None:
            from outline.render.terminal import tree  # rich loads only here

            label = loaded.doc.title or loaded.source
            if several:
                label = f"{loaded.source}: {label}"
            console.print(tree(loaded.doc, label, depth=depth, body=width))
            continue
        from outline.render.plain import render

        header = f"==> {loaded.source} <==\n" if several else ""
        sys.stdout.write(("" if first else "\n") + header + render(loaded.doc, depth, width))
        first = False
    run.exit()


def _console() -> Console:
    from rich.console import Console  # costly import, needed on a terminal only

    return Console(highlight=False)


@app.command()
def export(
    paths: Paths,
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: md, json or txt."),
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
) -> None:
    """Export the skeleton of each document as Markdown, JSON or plain text.

    One input goes to stdout or to the file -o names. Several inputs need -o DIR: one file
    per input, named after it.

    \b
    Example:
        outline export seeds/measures-party-governance.txt --format json -o skeleton.json
    """
    from outline.render import EXTENSIONS, FORMATS, Options

    if format not in FORMATS:
        _usage(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if md_style not in ("headings", "list"):
        _usage(f"--md-style must be 'headings' or 'list', not {md_style!r}")
    several = len(paths) > 1 or any(Path(p).is_dir() for p in paths)
    if several and output is None:
        _usage("several inputs: give -o DIR for one output file per input")
    if several and output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            _usage(f"cannot make directory {output}: {e.strerror}")
    run = Run()
    names: set[str] = set()
    for loaded in run.documents(paths, encoding):
        options = Options(
            source=loaded.source, encoding=loaded.encoding, depth=depth, md_style=md_style
        )
        rendered = FORMATS[format](loaded.doc, options)
        if output is None:
            sys.stdout.write(rendered)
            continue
        target = (
            output / _unique_name(loaded.source, EXTENSIONS[format], names) if several else output
        )
        try:
            target.write_text(rendered, encoding="utf-8")
        except OSError as e:
            run.fail(str(target), f"cannot write: {e.strerror or e}")
    run.exit()


def _unique_name(source: str, suffix: str, taken: set[str]) -> str:
    """The output file name for an input: its stem, made unique within one run."""
    stem = "stdin" if source == "-" else Path(source).stem
    name, n = stem + suffix, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return name


def _usage(message: str) -> NoReturn:
    print(f"outline: {message}", file=sys.stderr)
    raise typer.Exit(EXIT_TROUBLE)


def main() -> None:
    """Console entry point: run the app; a bug prints one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (outline show … | head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except Exception as e:
        if os.environ.get("OUTLINE_DEBUG"):
            raise
        print(f"outline: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(EXIT_BUG)
