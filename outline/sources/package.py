"""Zip packages (.docx, .odt, .ofd): parts found as their producers meant, read within bounds.

Every part is inflated as a stream and refused as soon as it passes `Caps.part_bytes`, whatever
its header declares: a member that claims a few bytes and inflates to gigabytes, or claims
gigabytes, costs at most the cap. All parts read from one package count against
`Caps.package_bytes`. Names are matched as producers write them: backslashes for slashes, a
leading slash, another case, GBK names without zip's UTF-8 flag, percent-escapes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from urllib.parse import unquote

from outline.sources import safexml
from outline.sources.caps import CAPS, MIB, Caps
from outline.sources.model import SourceError

UTF8_FLAG = 0x800
"""The flag of a zip entry whose name is UTF-8; without it, zipfile decodes as CP437."""
CHUNK = MIB
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError)
"""What reading a damaged member raises: a bad CRC, broken deflate data, a truncated file, an
unknown compression method."""


class Package:
    """The parts of a zip package, read with bounds."""

    def __init__(self, data: bytes, kind: str, caps: Caps = CAPS) -> None:
        self.kind = kind
        """What the package is, for messages: ".docx", "OpenDocument file" …"""
        self.caps = caps
        self.read_bytes = 0
        """Bytes inflated so far, all parts together."""
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
            raise SourceError(f"is a damaged or truncated {kind} (not a readable zip)") from None
        if len(infos) > caps.members:
            raise SourceError(f"is a {kind} of more than {caps.members} parts: refused")
        self.entries: dict[str, zipfile.ZipInfo] = {}
        self.folded: dict[str, str] = {}
        for info in infos:
            if not info.is_dir():
                name = normalize(entry_name(info))
                self.entries.setdefault(name, info)
                self.folded.setdefault(name.casefold(), name)

    @property
    def names(self) -> list[str]:
        """The names of the parts, normalized."""
        return list(self.entries)

    def find(self, name: str) -> str | None:
        """The part of this name, matched without regard to case, or None."""
        name = normalize(name)
        return name if name in self.entries else self.folded.get(name.casefold())

    def resolve(self, source: str, target: str) -> str | None:
        """The part a reference in `source` names: relative to the source's folder, else from
        the root (as producers often mean); None when it names no part."""
        target = unquote(target.strip().replace("\\", "/"))
        if not target or "://" in target:
            return None
        candidates = [target] if target.startswith("/") else []
        candidates += [posixpath.join(posixpath.dirname(normalize(source)), target), target]
        for candidate in candidates:
            path = posixpath.normpath(normalize(candidate))
            if not path.startswith(".."):
                found = self.find(path)
                if found is not None:
                    return found
        return None

    def read(self, name: str) -> bytes:
        """A part's bytes, inflated as a stream within the caps."""
        info = self.entries[name]
        limit = self.caps.part_bytes
        if info.file_size > limit:
            self._refuse(name, info.file_size)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > limit or self.read_bytes + size > self.caps.package_bytes:
                        self._refuse(name, size)
                    chunks.append(chunk)
        except RuntimeError:  # zipfile: an encrypted member
            raise SourceError(f"is a password-protected {self.kind}") from None
        except READ_ERRORS:
            raise SourceError(
                f"is a damaged {self.kind} (its part {name} cannot be read)"
            ) from None
        self.read_bytes += size
        return b"".join(chunks)

    def head(self, name: str, size: int) -> bytes:
        """The first bytes of a part (a mimetype), never more."""
        try:
            with self.archive.open(self.entries[name]) as stream:
                return stream.read(size)
        except (RuntimeError, *READ_ERRORS):
            return b""

    def xml(self, name: str) -> safexml.Element:
        """A part parsed as XML, without entities."""
        return safexml.parse(
            self.read(name), f"is a damaged {self.kind} (its part {name} is not XML)"
        )

    def _refuse(self, name: str, size: int) -> None:
        whole = self.read_bytes + size > self.caps.package_bytes and size <= self.caps.part_bytes
        cap = self.caps.package_bytes if whole else self.caps.part_bytes
        where = "its parts together" if whole else f"its part {name}"
        raise SourceError(
            f"is a {self.kind} whose {where} would inflate beyond {cap // MIB} MiB "
            "(a zip bomb?): refused"
        )


def entry_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its producer wrote it: Chinese tools store UTF-8 or GBK names
    without the flag that says so."""
    if info.flag_bits & UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def normalize(name: str) -> str:
    """A part name with forward slashes and no leading slash or ./."""
    name = name.replace("\\", "/")
    while name.startswith(("/", "./")):
        name = name[1:] if name[0] == "/" else name[2:]
    return name
