"""Binary Word and WPS files (.doc, .wps), Word 2003 XML and RTF: read through LibreOffice.

When `soffice` (or `libreoffice`) is on PATH, the file is converted to .docx in a private
temporary folder, with a profile of its own (so that conversions may run side by side and the
user's LibreOffice is never touched), within `Caps.convert_seconds`; the .docx is then read as
any other. Whatever happens, a time-out included, LibreOffice's processes are ended and the
folder removed. Without LibreOffice, one line says what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from outline.sources.caps import CAPS
from outline.sources.model import SourceError, SourceText

KINDS = {
    "doc": ("a binary Word or WPS file (.doc, .wps)", ".doc"),
    "rtf": ("an RTF file", ".rtf"),
}
"""What each format is called, and the suffix LibreOffice is given it under."""
INSTALL = (
    "reading it needs LibreOffice: install it (Debian, Ubuntu: apt install "
    "libreoffice-writer-nogui; others: libreoffice.org) so that soffice is on PATH, or save it "
    "as .docx"
)


def soffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(data: bytes, kind: str) -> SourceText:
    """A file LibreOffice reads, converted to .docx and read as one."""
    from outline.sources import docx

    what, suffix = KINDS[kind]
    command = soffice()
    if command is None:
        raise SourceError(f"is {what}: {INSTALL}")
    converted = convert(command, data, suffix, CAPS.convert_seconds)
    if converted is None:
        raise SourceError(f"is {what} that LibreOffice could not convert (damaged or encrypted?)")
    got = docx.read(converted)
    return SourceText(
        text=got.text,
        format=kind,
        encoding=None,
        line_unit=got.line_unit,
        styled=got.styled,
        numbered=got.numbered,
    )


def convert(command: str, data: bytes, suffix: str, seconds: float) -> bytes | None:
    """The bytes of a file converted to .docx by LibreOffice, or None if it made none;
    SourceError when it takes longer than `seconds`."""
    with tempfile.TemporaryDirectory(prefix="outline-soffice-") as folder:
        root = Path(folder)
        source = root / f"document{suffix}"
        source.write_bytes(data)
        out = root / "out"
        arguments = [
            command,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        _run(arguments, seconds, root)
        result = out / "document.docx"
        return result.read_bytes() if result.is_file() else None


def _run(arguments: list[str], seconds: float, cwd: Path) -> None:
    """Runs LibreOffice in a process group of its own, ended whole when time is up."""
    process = subprocess.Popen(
        arguments,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "HOME": str(cwd)},
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        raise SourceError(
            f"took LibreOffice more than {seconds:g} seconds to convert: refused"
        ) from None
    finally:
        _end(process)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Ends LibreOffice and anything it started (soffice starts soffice.bin)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
