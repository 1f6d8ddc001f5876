"""Writing a mended document back: in its own encoding, byte for byte where it did not change;
in place with a backup; or as a unified diff."""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
from pathlib import Path

from outline.cli.files import write_atomically

BOM_ENCODINGS = {
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}
"""Byte order marks that decide the byte order of UTF-16 and UTF-32 (longest first)."""
REPLACED = ", "
"""What the name of an encoding holds when the reader replaced bytes it could not read."""
NO_NEWLINE = "\\ No newline at end of file\n"
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
"""A line with its line break: \\n, \\r\\n or \\r, as everywhere in outline."""


class RewriteError(Exception):
    """A document that cannot be written back; the message is one line for the user."""


def encoder(data: bytes, encoding: str, text: str) -> tuple[str, bytes]:
    """The codec and byte order mark that turn `text`, read from `data` in `encoding`, back
    into exactly `data`. Raises RewriteError when no such way is known."""
    if REPLACED in encoding:  # "utf-8, 3 bytes replaced": the file is not all text
        lost = encoding.partition(REPLACED)[2]
        raise RewriteError(f"has bytes no encoding reads ({lost}): not mended")
    bom = b""
    codec = encoding
    if codecs.lookup(encoding).name in ("utf-16", "utf-32"):
        bom = next((b for b in BOM_ENCODINGS if data.startswith(b)), b"")
        codec = BOM_ENCODINGS.get(bom, encoding)
    try:
        same = bom + text.encode(codec) == data
    except UnicodeEncodeError:
        same = False
    if not same:
        raise RewriteError(f"cannot be written back byte for byte in {encoding}")
    return codec, bom


def encode(text: str, codec: str, bom: bytes) -> bytes:
    """A mended text in the encoding its document was read in."""
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError as e:
        raise RewriteError(f"{e.object[e.start : e.end]!r} cannot be written in {codec}") from None


def write_in_place(path: Path, original: bytes, fixed: bytes) -> None:
    """Replace a file's bytes, whole or not at all, keeping the old ones as NAME.orig (which
    must not exist) with the file's mode and owner. A link stays a link to the mended file; a
    file that is read-only, or not a regular file, is left alone."""
    from outline.cli.files import WriteError, read_only, write_backup
    from outline.cli.interrupt import shielded

    backup = path.with_name(path.name + ".orig")
    real = path.resolve()
    try:
        found = os.stat(real)
    except OSError as e:
        raise RewriteError(f"cannot write: {e.strerror or e}") from None
    if not stat.S_ISREG(found.st_mode):
        raise RewriteError("cannot write: not a regular file")
    if read_only(real, found):
        raise RewriteError("is read-only: not mended")
    with shielded():  # the backup and the mended file, both or neither
        try:
            write_backup(backup, original, found)
        except WriteError as e:
            raise RewriteError(e.strerror) from None
        except OSError as e:
            raise RewriteError(f"cannot write {backup}: {e.strerror or e}") from None
        try:
            write_atomically(real, fixed)
        except OSError as e:
            backup.unlink(missing_ok=True)  # nothing was changed: no backup to trip the next run
            raise RewriteError(f"cannot write: {e.strerror or e}") from None


def unified_diff(before: str, after: str, name: str) -> str:
    """The change from one text to another as a unified diff, `patch -p0` style."""
    lines = difflib.unified_diff(
        LINE.findall(before),
        LINE.findall(after),
        fromfile=name,
        tofile=name,
    )
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n" + NO_NEWLINE)
    return "".join(out)
