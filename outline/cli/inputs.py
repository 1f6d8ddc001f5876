"""Reading the documents a command is given: paths, directories, stdin; errors reported."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from outline.model import Document

DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
"""Files taken from a directory given as input."""


class InputError(Exception):
    """An input that cannot be read as a document; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read, as the command line asks."""

    encoding: str | None = None
    """Decode text in this encoding instead of detecting it."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A document read from one input."""

    source: str
    """The path as given (or as found in a directory), "-" for stdin."""
    encoding: str
    """The encoding its bytes were decoded with."""
    doc: Document
    """The parsed document."""
    data: bytes = b""
    """The bytes read, for a command that writes the document back (check --write)."""


def read_source(source: str, options: ReadOptions) -> Loaded:
    """One input read and parsed. Raises InputError with a message for the user."""
    from outline.parse import parse  # keep `outline --help` fast
    from outline.sources import SourceError, decode

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        text, used = decode(data, options.encoding)
    except SourceError as e:
        raise InputError(str(e)) from None
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
    return Loaded(source, used, parse(text), data)


class Run:
    """One command's pass over its inputs: reports failures, remembers them for the exit code."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, source: str, message: str) -> None:
        """Report one input that could not be handled, on one line of stderr."""
        self.failed += 1
        print(f"outline: {source}: {message}", file=sys.stderr)

    def documents(self, paths: list[str], options: ReadOptions) -> Iterator[Loaded]:
        """Each input parsed, in order; unreadable ones are reported and skipped."""
        for source in self.expand(paths):
            loaded = self.load(source, options)
            if loaded is not None:
                yield loaded

    def load(self, source: str, options: ReadOptions) -> Loaded | None:
        """One input parsed, or None after reporting why it could not be."""
        try:
            return read_source(source, options)
        except InputError as e:
            self.fail(source, str(e))
            return None

    def expand(self, paths: list[str]) -> Iterator[str]:
        """The inputs named by paths: files as given, directories as the documents in them."""
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
                suffixes = ", ".join(sorted(DOCUMENT_SUFFIXES))
                self.fail(raw, f"directory holds no documents ({suffixes})")
            yield from (str(p) for p in found)

    @property
    def exit_code(self) -> int:
        """2 when any input failed, else 0."""
        return 2 if self.failed else 0


def several(paths: list[str]) -> bool:
    """Whether the inputs may be more than one document."""
    return len(paths) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)
