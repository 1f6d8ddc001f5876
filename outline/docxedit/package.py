"""A zip package written again with some of its parts replaced and every other one copied.

Each member keeps its name, its place in the archive, its time stamp, its compression method,
its comment and attributes, and its content byte for byte; the replaced parts keep all of that
but their content. Members are streamed, so that a large image costs no more memory than a
chunk; what is copied is bounded all together by the reader's cap on a package
(`Caps.package_bytes`), counted as it is inflated, whatever the headers declare.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Mapping

from outline.sources.caps import CAPS, MIB
from outline.sources.package import entry_name, normalize

CHUNK = MIB


class PackageError(Exception):
    """A package that cannot be written again; the message is one line for the user."""


def member(data: bytes, name: str) -> tuple[str, bytes]:
    """The name as stored and the content of the member a part name (word/document.xml)
    stands for, matched as the reader matches it (`outline.sources.package`)."""
    wanted = normalize(name).casefold()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if normalize(entry_name(info)).casefold() == wanted:
                return info.filename, archive.read(info)
    raise PackageError(f"has no part {name}")


def replaced(data: bytes, parts: Mapping[str, bytes], limit: int = CAPS.package_bytes) -> bytes:
    """The package with the members named in `parts` (as stored) holding the new content."""
    out = io.BytesIO()
    copied = 0
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(out, "w", allowZip64=True) as target,
        ):
            target.comment = source.comment
            for info in source.infolist():
                twin = _twin(info)
                if info.filename in parts or info.is_dir():
                    target.writestr(twin, parts.get(info.filename, b""))
                    continue
                with source.open(info) as reading, target.open(twin, "w") as writing:
                    while chunk := reading.read(CHUNK):
                        copied += len(chunk)
                        if copied > limit:
                            raise PackageError(f"inflates beyond {limit // MIB} MiB: not written")
                        writing.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise PackageError(f"has a part that cannot be copied ({e})") from None
    except RuntimeError:  # zipfile: an encrypted member
        raise PackageError("has an encrypted part: not written") from None
    return out.getvalue()


def _twin(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A new entry like `info`: name, time, method, comment and attributes. A name stored
    without zip's UTF-8 flag is written as its producer meant it (GBK), with the flag."""
    unflagged = not info.flag_bits & 0x800 and not info.filename.isascii()
    twin = zipfile.ZipInfo(entry_name(info) if unflagged else info.filename, info.date_time)
    twin.compress_type = info.compress_type
    twin.comment = info.comment
    twin.create_system = info.create_system
    twin.external_attr = info.external_attr
    twin.internal_attr = info.internal_attr
    twin.file_size = info.file_size  # lets zipfile choose zip64 as the original did
    return twin
