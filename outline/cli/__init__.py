"""The command line: the shell around the pure core, and the only code that touches files,
standard streams, consoles and exit codes. One module per command; `app` gathers them.

Exit codes: 0 success; 1 the documents differ (diff) or have findings (check); 2 trouble — a
usage error, or an input that could not be read (the other inputs still go through);
3 an internal error, which is a bug (OUTLINE_DEBUG=1 shows its traceback).
"""

from __future__ import annotations

import os
import sys

from outline.cli import check, diff, export, show
from outline.cli.app import EXIT_BUG, EXIT_OK, app

__all__ = ["app", "check", "diff", "export", "main", "show"]


def main() -> None:
    """Console entry point: run the app; a bug prints one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (outline show … | head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except Exception as e:  # the last guard: one line, exit 3
        if os.environ.get("OUTLINE_DEBUG"):
            raise
        print(f"outline: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(EXIT_BUG)
