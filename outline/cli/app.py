"""The typer app, exit codes, and the options several commands share."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2
EXIT_BUG = 3
EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 differences (diff) or findings (check); "
    "2 an input could not be read, an output not written, or bad usage; 3 a bug; "
    "130 interrupted."
)

NOT_FOR_DOCUMENTS = frozenset({"idna", "punycode", "undefined"})
"""Text codecs that no document is written in: domain names, and one that always fails."""
PLAIN_NAME = re.compile(r"[A-Za-z0-9_.:-]+")
_CLICK: Any = import_module(typer.BadParameter.__module__)
"""The exceptions of the click that typer runs on (its own copy, in recent versions)."""
USAGE: Any = _CLICK.ClickException
NO_ARGUMENTS: Any = getattr(_CLICK, "NoArgsIsHelpError", ())
"""What `outline` alone raises: its help (click 8.2 and later)."""


COMMANDS = {
    "check": "Check each document's numbering: gaps, repeats, restarts, styles.",
    "diff": "Show how the skeleton of OLD became that of NEW.",
    "export": "Export the skeleton of each document (--format lists the formats).",
    "lsp": "Run the language server for an editor (needs the lsp extra).",
    "mark": "Give each heading of a .docx its outline level, for Word's outline.",
    "show": "Print the skeleton of each document as a tree.",
}
"""The commands, in the order help lists them, with the line help shows for each: each is a
module of `outline.cli` that registers it with `app` when imported, with that line as its
short help, so that help lists the commands without importing them."""


class Commands(TyperGroup):
    """The app's commands, run as a shell tool is expected to run: a usage error is one line
    on stderr (exit 2), a reader that goes away ends the run quietly (exit 0), and SIGINT or
    SIGTERM stop it (exit 130 or 143) — however the app is called, tests included.

    A command's module is imported when the command is asked for, so that a run imports and
    builds only the command it runs; help lists them by their lines in `COMMANDS`."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            self._load(cmd_name if cmd_name in COMMANDS else None)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *sorted(set(self.commands) - set(COMMANDS))]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [
            (name, COMMANDS.get(name) or self.get_command(ctx, name).get_short_help_str())
            for name in self.list_commands(ctx)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _load(self, name: str | None) -> None:
        """Register one command (or all, for None) and add it to the group."""
        from typer.main import get_command_from_info, get_command_name

        for module in COMMANDS if name is None else (name,):
            import_module(f"outline.cli.{module}")
        for info in app.registered_commands:
            if info.callback is None:
                continue
            command_name = info.name or get_command_name(info.callback.__name__)
            if command_name not in self.commands and name in (None, command_name):
                self.commands[command_name] = get_command_from_info(
                    info,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                )

    def main(  # type: ignore[override]  # click's many overloads, narrowed to what is used
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NO_ARGUMENTS as e:
            e.show()
            code = e.exit_code
        except USAGE as e:
            print(f"outline: {_one_line(e)}", file=sys.stderr)
            code = e.exit_code
        except typer.Abort:  # end of input where an answer was awaited
            code = 1
        if standalone_mode:
            sys.exit(code or EXIT_OK)
        return code

    def invoke(self, ctx: Any) -> Any:
        from outline.cli.interrupt import Interrupted, catching
        from outline.cli.stdout import silence

        with catching():
            try:
                return super().invoke(ctx)
            except Interrupted as e:
                raise typer.Exit(e.exit_code) from None
            except BrokenPipeError:  # the reader went away (outline show … | head)
                silence()
                raise typer.Exit(EXIT_OK) from None


def _one_line(error: Any) -> str:
    """A click error as one line: what is wrong, then where help is."""
    from outline.cli.names import shown

    message = shown(error.format_message().replace("\n", " "))
    ctx = getattr(error, "ctx", None)
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return f"{message} (see {' '.join(['outline', *reversed(names)])} --help)"


def _encoding(value: str | None) -> str | None:
    """--encoding: a codec of text that documents are written in."""
    if value is None:
        return None
    import codecs

    try:
        info = codecs.lookup(value)
    except (LookupError, ValueError, UnicodeError):
        raise typer.BadParameter(f"unknown encoding {_quoted(value)}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_FOR_DOCUMENTS:
        raise typer.BadParameter(f"{_quoted(value)} is not an encoding of documents")
    return value if PLAIN_NAME.fullmatch(value) else info.name


def _quoted(value: str) -> str:
    from outline.cli.names import shown

    return repr(shown(value))


app = typer.Typer(
    cls=Commands,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="The skeleton of Chinese official speeches and documents, from their numbering.\n\n"
    + EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Paths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Documents: files, directories of them, or - for stdin.",
        show_default=False,
        metavar="PATHS",
    ),
]
FilesFrom = Annotated[
    str | None,
    typer.Option(
        "--files-from",
        help="Also the paths this file lists, one a line; # starts a comment (- stdin).",
        metavar="LIST",
    ),
]
Depth = Annotated[int | None, typer.Option("--depth", "-d", min=1, help="Show levels 1..N only.")]
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding", "-e", help="Read inputs in this encoding (gbk, …).", callback=_encoding
    ),
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
