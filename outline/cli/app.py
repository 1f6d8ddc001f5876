"""The typer app, exit codes, and the options several commands share."""

from __future__ import annotations

import sys
from typing import Annotated, NoReturn

import typer

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2
EXIT_BUG = 3
EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 differences (diff) or findings (check); "
    "2 an input could not be read, an output not written, or bad usage; 3 a bug."
)

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
HtmlSelector = Annotated[
    str | None,
    typer.Option(
        "--html-selector",
        help="Web pages: read the element this selects (tag, #id, .class, div.text p) "
        "instead of the detected main content.",
    ),
]
Unwrap = Annotated[
    bool,
    typer.Option(
        "--unwrap", help="Text: re-join lines hard-wrapped in mid-sentence (text from a PDF)."
    ),
]


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version  # only when asked: it costs start-up time

        print(f"outline {version('outline')}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    # The options of `outline` itself, before the command; its help is the app's.
    pass


def usage_error(message: str) -> NoReturn:
    """Stop with one line on stderr and exit code 2."""
    print(f"outline: {message}", file=sys.stderr)
    raise typer.Exit(EXIT_TROUBLE)
