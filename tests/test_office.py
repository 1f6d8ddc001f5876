""".doc, .wps and .rtf through LibreOffice: converted in a private folder within a time limit,
nothing left behind; without LibreOffice, one line on what to install."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from outline.sources import SourceError, office, read
from tests.support.docx_builder import Para, build
from tests.support.packages import rtf

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(500)


def _script(folder: Path, body: str) -> str:
    path = folder / "soffice"
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder conversions use, to see what they leave."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize(("data", "name"), [(OLE2, "old.doc"), (OLE2, "draft.wps")])
def test_without_libreoffice_one_line_says_what_to_install(
    data: bytes, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(SourceError, match=r"^is a binary Word or WPS file .*needs LibreOffice"):
        read(data, name)
    with pytest.raises(SourceError, match=r"^is an RTF file: reading it needs LibreOffice"):
        read(rtf(["一、总体要求"]), "x.rtf")


def test_a_converted_file_is_read_as_the_docx_libreoffice_makes(
    tmp_path: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = tmp_path / "made.docx"
    made.write_bytes(build([Para("一、总体要求"), Para("二、主要任务")]))
    copy = 'while [ "$1" != "--outdir" ]; do shift; done\nmkdir -p "$2"\n'
    copy += f'cp {made} "$2/document.docx"\n'
    command = _script(tmp_path, copy)
    monkeypatch.setattr(office, "soffice", lambda: command)
    got = read(OLE2, "old.doc")
    assert (got.text, got.format, got.line_unit) == (
        "一、总体要求\n二、主要任务",
        "doc",
        "paragraph",
    )
    assert list(private_tmp.iterdir()) == []


def test_a_conversion_that_hangs_is_ended_and_leaves_nothing(
    tmp_path: Path, private_tmp: Path
) -> None:
    pids = tmp_path / "pids"
    command = _script(tmp_path, f"sleep 60 &\necho $! > {pids}\nsleep 60\n")
    with pytest.raises(SourceError, match=r"took LibreOffice more than 0.5 seconds"):
        office.convert(command, OLE2, ".doc", 0.5)
    assert list(private_tmp.iterdir()) == []
    child = int(pids.read_text(encoding="utf-8"))
    for _ in range(100):  # a killed process may take a moment to be reaped
        if not _alive(child):
            break
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its parent does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "State:\tZ" not in status and os.path.exists(f"/proc/{pid}")


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice is not installed")
def test_rtf_through_the_real_libreoffice(private_tmp: Path) -> None:
    got = read(rtf(["关于加强作风建设的意见", "一、总体要求", "（一）指导思想"]), "x.rtf")
    assert got.text == "关于加强作风建设的意见\n一、总体要求\n（一）指导思想"
    assert got.format == "rtf"
    assert list(private_tmp.iterdir()) == []
