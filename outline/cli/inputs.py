"""Reading the documents a command is given: paths, directories, stdin; errors reported."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from outline.cli.names import shown
from outline.cli.reading import InputError, listed_paths, missing
from outline.loading import Loaded
from outline.sources.model import ReadOptions

__all__ = ["InputError", "Inputs", "Loaded", "ReadOptions", "read_source", "several"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
"""Text files taken from a directory given as input; the readers' tables add the others."""
PATTERN = re.compile(r"[*?[]")
"""What makes an input that names no file a pattern to match."""


def read_source(source: str, options: ReadOptions) -> Loaded:
    """One input read and parsed. Raises InputError with a message for the user."""
    from outline.cli.reading import read_bytes
    from outline.loading import load  # keep `outline --help` fast
    from outline.sources import SourceError

    data = read_bytes(source)
    try:
        loaded = load(data, "" if source == "-" else source, options)
    except SourceError as e:
        raise InputError(str(e)) from None
    except (UnicodeError, LookupError) as e:  # a codec that --encoding named fails its way
        raise InputError(f"cannot be read in {options.encoding}: {e}") from None
    if not loaded.doc.text.strip():
        raise InputError("is empty")
    return replace(loaded, source=source)


class Inputs:
    """One command's pass over its inputs: reports failures, remembers them for the exit code."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, source: str, message: str) -> None:
        """Report one input that could not be handled, on one line of stderr."""
        self.failed += 1
        print(f"outline: {shown(source)}: {message}", file=sys.stderr)

    def documents(
        self, paths: list[str], options: ReadOptions, files_from: str | None = None
    ) -> Iterator[Loaded]:
        """Each input parsed, in order — the paths given, then those `files_from` lists;
        unreadable ones are reported and skipped."""
        listed = listed_paths(files_from, self.fail) if files_from is not None else iter(())
        for source in self.expand(_chain(paths, listed)):
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

    def expand(self, paths: Iterable[str]) -> Iterator[str]:
        """The inputs named by paths: files as given, directories as the documents in them,
        patterns (*, ?, [...], ** for any depth) that name no file as the paths they match."""
        for raw in paths:
            if raw == "-":
                yield raw
                continue
            try:
                found = os.stat(raw)
            except (OSError, ValueError) as e:
                if isinstance(e, FileNotFoundError) and PATTERN.search(raw):
                    yield from self.matches(raw)
                elif isinstance(e, OSError):
                    self.fail(raw, missing(raw, e))
                else:
                    self.fail(raw, "no such file (its name holds a NUL byte)")
                continue
            if not stat.S_ISDIR(found.st_mode):
                yield raw
                continue
            walked = False
            for document in documents_in(Path(raw), self.fail):
                walked = True
                yield str(document)
            if not walked:
                suffixes = ", ".join(sorted(document_suffixes()))
                self.fail(raw, f"directory holds no documents ({suffixes})")

    def matches(self, pattern: str) -> Iterator[str]:
        """The paths a pattern matches, in order; a directory among them as its documents."""
        import glob

        found = sorted(glob.glob(pattern, recursive=True))
        if not found:
            self.fail(pattern, "no file matches this pattern")
        for match in found:
            if Path(match).is_dir():
                yield from (str(p) for p in documents_in(Path(match), self.fail))
            else:
                yield match

    @property
    def exit_code(self) -> int:
        """2 when any input failed, else 0."""
        return 2 if self.failed else 0


def several(paths: list[str]) -> bool:
    """Whether the inputs may be more than one document."""
    return len(paths) > 1 or any(
        p != "-" and (Path(p).is_dir() or (not Path(p).exists() and PATTERN.search(p)))
        for p in paths
    )


@cache
def document_suffixes() -> frozenset[str]:
    """The suffixes of the files taken from a directory: those the readers tell a format by
    (`outline.sources.SUFFIXES`), those of the formats their first bytes prove (`SIGNED`:
    .docx, and .doc and .wps to say how to convert them), and `TEXT_SUFFIXES`."""
    from outline.sources import SIGNED, SUFFIXES  # on the first walk, as the first read would

    return TEXT_SUFFIXES | SIGNED | SUFFIXES.keys()


def documents_in(directory: Path, fail: Callable[[str, str], None]) -> Iterator[Path]:
    """The documents under a directory, depth first in name order, found as the walk goes: it
    holds the names of one directory at a time, never the corpus. Hidden files and directories
    are left out, symbolic links to directories are not followed, and a directory that cannot
    be listed is reported through `fail`."""
    suffixes = document_suffixes()
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as e:
        fail(str(directory), f"cannot list directory: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from documents_in(Path(entry.path), fail)
            continue
        if Path(entry.name).suffix.lower() not in suffixes:
            continue
        try:
            is_file = entry.is_file()
            if not is_file and entry.is_symlink():
                os.stat(entry.path)  # what is wrong with it: a link to nothing
        except OSError as e:  # a loop of links, or a link to nothing
            fail(entry.path, missing(entry.path, e))
            continue
        if is_file:
            yield Path(entry.path)


def _chain(first: Iterable[str], then: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from then
