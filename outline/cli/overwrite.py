"""Outputs that would overwrite inputs, found before anything is opened for writing.

Paths are compared as the file system resolves them, not as they are spelt: `./in.txt`,
`in.txt`, a symbolic link to it and a hard link to it all name one file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

STDIN = "-"


def same_file(a: str, b: str) -> bool:
    """Whether writing one path may change what reading the other gives: the same file once
    links are resolved, the same directory entry (a file replaced whole replaces a link, not
    what it points to), or hard links to one file."""
    if os.path.realpath(a) == os.path.realpath(b) or entry(a) == entry(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them is not there: nothing to overwrite
        return False


def entry(path: str) -> str:
    """A path with the links among its directories resolved, but not a link at its end."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def file_clash(output: str, sources: Iterable[str]) -> str | None:
    """The first input that an output file opened for writing would change, or None.

    Opening follows links, so an input clashes when it is the file at the end of them: one
    `stat` per input, whatever their number."""
    try:
        written = os.stat(output)
    except OSError:  # not there (or a dangling link): no input can be it
        return None
    for source in sources:
        if source == STDIN:
            continue
        try:
            found = os.stat(source)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (written.st_dev, written.st_ino):
            return source
    return None


def directory_clash(directory: str, suffix: str, sources: Iterable[str]) -> tuple[str, str] | None:
    """The first (input, other input) pair in which the file written into `directory` for the
    one input would replace the other (or itself), or None. The names of the outputs are
    held, as the export holds them, and the inputs that are in `directory`."""
    root = os.path.realpath(directory)
    names: set[str] = set()
    written: dict[str, str] = {}  # each output file's name: the input it is written for
    inside: dict[str, str] = {}  # the name of each input in the directory: the input as given
    for source in sources:
        written[unique_name(source, suffix, names)] = source
        if source == STDIN:
            continue
        for path in (entry(source), os.path.realpath(source)):
            if os.path.dirname(path) == root:
                inside.setdefault(os.path.basename(path), source)
    return next(((s, inside[name]) for name, s in written.items() if name in inside), None)


def unique_name(source: str, suffix: str, taken: set[str]) -> str:
    """The output file name for an input: its stem, made unique within one run."""
    stem = "stdin" if source == STDIN else Path(source).stem
    name, n = stem + suffix, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return name
