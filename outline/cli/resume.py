"""Resuming an export into one JSON Lines or CSV file that an earlier run left unfinished.

The documents already in the file are kept and not read again, except the last one, which is
written again: a file left by a run killed outright may end in part of it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import BinaryIO

from outline.render.csv import uncell


class ResumeError(Exception):
    """The file is not an export of this format; the message is one line for the user."""


def resume(file: BinaryIO, format: str, head: str) -> tuple[set[str], int]:
    """The sources already exported to `file` (open for reading), and how many of its bytes to
    keep: those up to the last document, which is written again. A file that holds no more
    than (a part of) the head keeps nothing."""
    opening = head.encode("utf-8")
    if opening.startswith(file.read(len(opening) + 1)):
        return set(), 0
    blocks = _csv_blocks(file, head) if format == "csv" else _jsonl_blocks(file)
    done: set[str] = set()
    last: tuple[str, int] | None = None
    for source, start in blocks:
        if last is not None:
            done.add(last[0])
        last = (source, start)
    return done, last[1] if last is not None else len(opening)


def _lines(file: BinaryIO, start: int, offset: list[int]) -> Iterator[str]:
    """The lines of the file from `start`; offset[0] is where the next line begins."""
    file.seek(start)
    offset[0] = start
    for raw in file:
        offset[0] += len(raw)
        yield raw.decode("utf-8", errors="replace")


def _jsonl_blocks(file: BinaryIO) -> Iterator[tuple[str, int]]:
    """(source, offset) of each document line; a last line cut short ends the file."""
    offset = [0]
    start = 0
    for number, line in enumerate(_lines(file, 0, offset), 1):
        try:
            if not line.startswith("{"):  # [[[[… would take json down before saying so
                raise ValueError(line)
            source = json.loads(line)["source"]
        except (ValueError, KeyError, TypeError, RecursionError):
            if offset[0] < _size(file):
                message = f"line {number} is not a document of a JSON Lines export"
                raise ResumeError(message) from None
            return
        if not isinstance(source, str):
            raise ResumeError(f"line {number} is not a document of a JSON Lines export")
        yield source, start
        start = offset[0]


def _csv_blocks(file: BinaryIO, head: str) -> Iterator[tuple[str, int]]:
    """(source, offset) of each document's rows, found by the row of level 0 that opens them."""
    start = len(head.encode("utf-8"))
    file.seek(0)
    if file.read(start).decode("utf-8", errors="replace") != head:
        raise ResumeError("does not begin with the header of a CSV export")
    offset = [start]
    reader = csv.reader(_lines(file, start, offset))
    names = next(csv.reader([head.lstrip("\ufeff")]))
    width, source_at, level_at = len(names), names.index("source"), names.index("level")
    while True:
        row_start = offset[0]
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:  # a quoted field cut short at the end
            return
        if len(row) != width and offset[0] < _size(file):
            raise ResumeError(f"line {reader.line_num + 1} is not a row of a CSV export")
        if len(row) == width and row[level_at] == "0":
            yield uncell(row[source_at]), row_start


def _size(file: BinaryIO) -> int:
    import os

    return os.fstat(file.fileno()).st_size
