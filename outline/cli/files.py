"""Writing a file whole or not at all, for every command that writes one (export, check)."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def write_atomically(target: Path, output: str | bytes) -> None:
    """Write a whole file or none: the bytes go to a hidden file beside it, which then takes
    its place, so that a run cut short or a full disk leaves no half-written file. A file that
    was there keeps its permissions; a symbolic link is replaced, not written through."""
    data = output.encode("utf-8") if isinstance(output, str) else output
    part = target.with_name(f".{target.name}.part")
    try:
        part.write_bytes(data)
        with suppress(FileNotFoundError):  # a new file gets the permissions new files get
            os.chmod(part, os.stat(target).st_mode & 0o7777)
        part.replace(target)
    except OSError:
        part.unlink(missing_ok=True)
        raise
