"""The command line: the shell around the pure core, and the only code that touches files,
standard streams, consoles and exit codes. One module per command; `app` gathers them.

Exit codes: 0 success; 1 the documents differ (diff) or have findings (check); 2 trouble — a
usage error, an input that could not be read (the other inputs still go through), or an output
that could not be written, standard output included;
3 an internal error, which is a bug (OUTLINE_DEBUG=1 shows its traceback); 130 (143) stopped by
SIGINT (SIGTERM).

A command's module (`show`, `check` …) is imported when the command runs, or when help lists
the commands (`app.COMMANDS`).
"""

from __future__ import annotations

import os
import sys

from outline.cli.app import EXIT_BUG, EXIT_OK, EXIT_TROUBLE, app
from outline.cli.stdout import OutputError, guard, silence

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point: run the app; a bug prints one line, not a traceback."""
    guard()
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # a failed write shows here, while it can still be reported
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (outline show … | head)
        silence()
        sys.exit(EXIT_OK)
    except OutputError as e:
        print(f"outline: cannot write to standard output: {e.strerror or e}", file=sys.stderr)
        silence()
        sys.exit(EXIT_TROUBLE)
    except Exception as e:  # the last guard: one line, exit 3
        if os.environ.get("OUTLINE_DEBUG"):
            raise
        print(f"outline: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(EXIT_BUG)
