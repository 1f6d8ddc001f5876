"""`outline lsp`: the language server, for editors (docs/editors.md)."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Annotated

import typer

from outline.cli.app import COMMANDS, app, usage_error

LANGUAGES = ("zh", "en")


@app.command(short_help=COMMANDS["lsp"])
def lsp(
    lang: Annotated[str, typer.Option(help="Messages in zh (中文) or en.")] = "zh",
) -> None:
    """Run the language server on standard input and output, for an editor to start: the
    skeleton as the outline pane and breadcrumbs, a folding range per section, check's
    findings as diagnostics while you type, --fix as code actions, the heading's path on
    hover. Needs the lsp extra: pip install 'outline[lsp]'. docs/editors.md shows how VS Code,
    Neovim, Emacs and Helix start it.

    \b
    Example:
        outline lsp --lang en
    """
    if lang not in LANGUAGES:
        usage_error(f"--lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    if find_spec("pygls") is None or find_spec("lsprotocol") is None:
        usage_error("lsp needs pygls: pip install 'outline[lsp]'")
    from outline.lsp.server import serve

    serve(lang)
