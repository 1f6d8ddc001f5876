"""Positions in the file on disk for findings in a text that --unwrap re-joined: a line of
the text is a paragraph made of several lines of the file, and a column far into it falls on
one of its later lines."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from outline.check.findings import Finding
    from outline.loading import Loaded

LINE_BREAK = re.compile(r"\r\n|\r|\n")
SPACE = " \t\u3000\u00a0"
"""What re-joining strips from the ends of the lines it joins (as `outline.sources.unwrap`)."""


def on_disk(loaded: Loaded, findings: list[Finding]) -> list[Finding]:
    """The findings with the line and column of the file where each is; as they are when the
    text's lines are the file's."""
    if not loaded.lines:
        return findings
    encoding = (loaded.encoding or "utf-8").split(",")[0]
    file_lines = LINE_BREAK.split(loaded.data.decode(encoding, "replace").replace("\f", ""))
    paragraphs = loaded.doc.text.splitlines()
    moved = []
    for finding in findings:
        index = finding.line - 1
        first = loaded.lines[index] if index < len(loaded.lines) else finding.line
        after = loaded.lines[index + 1] if index + 1 < len(loaded.lines) else len(file_lines) + 1
        paragraph = paragraphs[index] if index < len(paragraphs) else ""
        down, column = _column(paragraph, file_lines[first - 1 : after - 1], finding.column)
        moved.append(replace(finding, line=first + down, column=column))
    return moved


def _column(paragraph: str, lines: list[str], column: int) -> tuple[int, int]:
    """Of the file lines a paragraph was joined from, the one a (1-based) column of the
    paragraph falls on, as an offset from the first, and the column in it."""
    target = column - 1
    position = 0
    for i, raw in enumerate(lines):
        piece = raw.rstrip(SPACE) if i == 0 else raw.strip(SPACE)
        at = paragraph.find(piece, position) if piece else -1
        if at < 0 or at - position > 1:  # empty, or left out (a page number)
            continue
        if target < at + len(piece):
            lead = 0 if i == 0 else len(raw) - len(raw.lstrip(SPACE))
            return i, lead + max(target - at, 0) + 1
        position = at + len(piece)
    return 0, column
