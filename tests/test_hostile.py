"""Hostile files, one test each: refused in one line after reading at most a cap, never hanging,
never inflating gigabytes, never resolving an entity."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

import pytest

from outline.sources import SourceError, read
from outline.sources.caps import MIB, Caps
from outline.sources.package import Package
from tests.support.packages import document_xml, lying_sizes, odt, paragraph, zip_bytes


@pytest.fixture
def inflated(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the bytes zipfile hands out while a test runs."""
    counted = [0]
    original = zipfile.ZipExtFile.read

    def counting(self: zipfile.ZipExtFile, n: int = -1) -> bytes:
        data = original(self, n)
        counted[0] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    yield counted


def test_a_zip_bomb_is_refused_from_its_headers_without_inflating(inflated: list[int]) -> None:
    bomb = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": bytes(64 * MIB)})
    assert len(bomb) < MIB
    with pytest.raises(SourceError, match=r"would inflate beyond 1 MiB \(a zip bomb\?\): refused"):
        Package(bomb, ".docx", Caps(part_bytes=MIB)).read("word/document.xml")
    assert inflated[0] == 0


def test_a_member_whose_size_and_crc_lie_is_refused_after_its_declared_bytes(
    inflated: list[int],
) -> None:
    honest = zip_bytes({"word/document.xml": bytes(64 * MIB)})
    with pytest.raises(SourceError, match=r"is a damaged \.docx"):
        Package(lying_sizes(honest, 1000, crc=0), ".docx").read("word/document.xml")
    assert inflated[0] <= 1000


def test_a_3_gb_mimetype_is_never_inflated(inflated: list[int]) -> None:
    """A member named mimetype that claims 3 GB, before an OpenDocument's content."""
    data = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text" + bytes(MIB)})
    data = lying_sizes(data, 3 * 2**30)
    with pytest.raises(SourceError):
        read(data, "x.odt")
    assert inflated[0] <= 1000


def test_the_parts_of_a_package_are_bounded_together() -> None:
    parts = {f"word/part{i}.xml": bytes(MIB // 2 + 1) for i in range(3)}
    package = Package(zip_bytes(parts), ".docx", Caps(part_bytes=MIB, package_bytes=MIB))
    package.read("word/part0.xml")
    with pytest.raises(SourceError, match="its parts together would inflate beyond 1 MiB"):
        package.read("word/part1.xml")
    with pytest.raises(SourceError, match="more than 2 parts"):
        Package(zip_bytes(parts), ".docx", Caps(members=2))


def test_an_entity_is_never_resolved_and_the_text_around_it_stays() -> None:
    dtd = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
    dtd += b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    body = paragraph("一、总体&xxe;要求") + paragraph("二、&b;&b;&b;主要任务&undefined;")
    data = zip_bytes({"word/document.xml": dtd + document_xml(body).split("?>", 1)[1].encode()})
    assert read(data, "x.docx").text == "一、总体要求\n二、主要任务"
    content = odt("<text:p>一、总体&xxe;要求</text:p>").replace(b"<?xml", b"<!-- --><?xml", 0)
    assert read(content, "x.odt").text == "一、总体要求"


def test_an_encrypted_office_file_says_it_is_encrypted() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
    ole2 += "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    for name in ("secret.docx", "secret.doc", "secret"):
        with pytest.raises(SourceError, match=r"^is an encrypted \(password-protected\) Office"):
            read(ole2, name)


def test_a_damaged_deflate_stream_is_refused_in_one_line() -> None:
    data = bytearray(zip_bytes({"word/document.xml": document_xml(paragraph("x" * 5000))}))
    start = data.find(b"word/document.xml") + len("word/document.xml") + 10
    data[start : start + 40] = bytes(40)
    with pytest.raises(SourceError) as caught:
        read(bytes(data), "x.docx")
    assert "\n" not in str(caught.value)
