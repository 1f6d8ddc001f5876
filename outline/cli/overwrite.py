"""Outputs that would overwrite inputs, found before anything is opened for writing.

Paths are compared as the file system resolves them, not as they are spelt: `./in.txt`,
`in.txt`, a symbolic link to it and a hard link to it all name one file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from outline.cli.outputs import AGGREGATE, DIRECTORY, FILE, STDOUT

STDIN = "-"
AGAIN = ": choose another output"


def overwrites(
    mode: str,
    output: str | None,
    paths: list[str],
    suffix: str,
    sources: Callable[[], Iterable[str]],
) -> str | None:
    """What is wrong, one line for the user, when an output of an export would overwrite one
    of its inputs; None when none would. `suffix` is the outputs' file name extension;
    `sources` walks the inputs: it is called only when the output is there already (see
    `needs_walk`)."""
    found: str | None = None
    if output is None or mode == STDOUT:
        return None
    if mode == FILE:
        found = paths[0] if paths[0] != STDIN and same_file(output, paths[0]) else None
    elif mode == AGGREGATE and needs_walk(mode, output):
        found = file_clash(output, sources())
    elif mode == DIRECTORY and needs_walk(mode, output):
        clash = directory_clash(output, suffix, sources())
        if clash is not None:
            source, other = clash
            what = "it" if other == source else f"the input {other}"
            return f"-o {output}: the output of {source} would overwrite {what}{AGAIN}"
    return None if found is None else f"-o {output} would overwrite the input {found}{AGAIN}"


def needs_walk(mode: str, output: str) -> bool:
    """Whether finding an input among the outputs takes a walk over the inputs: only when the
    output file, or something in the output directory, is there already."""
    if mode == AGGREGATE:
        return os.path.exists(output)
    if mode != DIRECTORY:
        return False
    try:
        with os.scandir(output) as listing:
            return next(listing, None) is not None
    except OSError:  # not there yet
        return False


def written_by_this_run(mode: str, output: str | None, paths: list[str]) -> Callable[[str], bool]:
    """What this run writes, which a walk over the inputs may come upon but which is not an
    input: an output directory inside a directory being walked (what this run or an earlier
    one wrote there), or the one output file when this run makes it. Decided before anything
    is written."""
    if output is None:
        return lambda source: False
    written = os.path.abspath(output)
    walked = [os.path.abspath(p) for p in paths if p != STDIN and os.path.isdir(p)]
    if mode == DIRECTORY and any(written.startswith(d + os.sep) for d in walked):
        return lambda source: os.path.abspath(source).startswith(written + os.sep)
    if mode == AGGREGATE and not os.path.lexists(output):
        name, real = os.path.basename(written), os.path.realpath(written)
        return lambda source: os.path.basename(source) == name and os.path.realpath(source) == real
    return lambda source: False


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
