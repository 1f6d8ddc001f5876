"""Faults a test makes happen where outline writes files: a directory that refuses new files,
a disk that fills up halfway through a file."""

from __future__ import annotations

import errno
import io
from pathlib import Path
from typing import BinaryIO

import pytest

from outline.cli import files


def refuse_new_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file outline would make fails to open: permission denied."""

    def refuse(target: Path) -> tuple[Path, BinaryIO]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files, "_create", refuse)


class _Filling(io.BufferedWriter):
    """A file on a disk that fills up once `room[0]` more bytes are written to any file."""

    def __init__(self, raw: BinaryIO, room: list[int]) -> None:
        super().__init__(raw)
        self.room = room

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]  # bytes-like, as BufferedWriter takes
        if len(chunk) > self.room[0]:
            super().write(chunk[: self.room[0]])
            self.room[0] = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room[0] -= len(chunk)
        return super().write(chunk)


def fill_the_disk(monkeypatch: pytest.MonkeyPatch, room: int = 0) -> None:
    """The disk fills up once `room` bytes have gone into the files outline makes, all told."""
    real = files._create
    left = [room]

    def filling(target: Path) -> tuple[Path, BinaryIO]:
        path, file = real(target)
        raw = file.detach()  # type: ignore[attr-defined]  # a BufferedWriter's raw file
        return path, _Filling(raw, left)

    monkeypatch.setattr(files, "_create", filling)
