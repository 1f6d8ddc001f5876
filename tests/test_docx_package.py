"""Word packages as converters and WPS write them: whatever Word or LibreOffice opens is read."""

from __future__ import annotations

from outline.sources import read
from tests.support.docx_builder import abstract, lvl, num
from tests.support.packages import (
    PKG_RELS,
    document_xml,
    numbering_xml,
    paragraph,
    rels,
    word_package,
    zip_bytes,
)

NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
NUMBERING = numbering_xml(abstract(1, lvl(0, "chineseCounting", "%1、", suff="nothing")), num(1, 1))
BODY = paragraph("总体要求", NUMBERED) + paragraph("主要任务", NUMBERED)


def test_a_relationship_to_a_part_that_does_not_exist_is_passed_over() -> None:
    """A converter's package: relationships to "NULL" and to parts never written."""
    data = word_package(
        BODY,
        parts={"word/numbering.xml": NUMBERING},
        package_rels=rels(("rId1", "officeDocument", "word/document.xml")),
        document_rels=rels(
            ("rId1", "image", "NULL"),
            ("rId2", "styles", "styles.xml"),  # never written
            ("rId3", "numbering", "numbering.xml"),
            ("rId4", "settings", "../NULL"),
        ),
    )
    assert read(data, "converted.docx").text == "一、总体要求\n二、主要任务"


def test_styles_numbering_settings_and_relationships_may_all_be_missing() -> None:
    assert read(word_package(BODY), "bare.docx").text == "总体要求\n主要任务"
    bare = zip_bytes({"word/document.xml": document_xml(BODY)})  # no [Content_Types].xml
    assert read(bare, "bare.docx").text == "总体要求\n主要任务"
    numbered = word_package(BODY, parts={"word/numbering.xml": NUMBERING})  # no relationship
    assert read(numbered, "x.docx").text == "一、总体要求\n二、主要任务"


def test_parts_named_as_producers_write_them() -> None:
    """Another name found through the relationships, backslashes, a leading slash, a part
    name in another case."""
    data = word_package(
        BODY,
        document_name="word/document2.xml",
        package_rels=rels(("rId1", "officeDocument", "/word/document2.xml")),
        document_rels=rels(("rId1", "numbering", "..\\word\\Numbering.xml")),
        parts={"word/numbering.xml": NUMBERING},
    )
    assert read(data, "x.docx").text == "一、总体要求\n二、主要任务"


def test_strict_ooxml_namespaces_are_read() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    body = BODY.replace("w:", "s:")
    document = f'<s:document xmlns:s="{strict}"><s:body>{body}</s:body></s:document>'
    numbering = NUMBERING.replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict
    )
    data = zip_bytes({"word/document.xml": document, "word/numbering.xml": numbering})
    assert read(data, "strict.docx").text == "一、总体要求\n二、主要任务"


def test_text_boxes_are_read_once_after_their_paragraph() -> None:
    box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
        "<wps:txbx><w:txbxContent>{0}</w:txbxContent></wps:txbx></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{0}</w:txbxContent>"
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    ).format(paragraph("一、框内标题") + paragraph("正文。"))
    namespaces = (
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="wp" xmlns:wps="wps" xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    body = f"<w:p><w:r><w:t>锚</w:t></w:r>{box}</w:p>" + paragraph("二、其后")
    data = zip_bytes({"word/document.xml": document_xml(body, extra_ns=namespaces)})
    assert read(data, "boxes.docx").text == "锚\n一、框内标题\n正文。\n二、其后"


def test_content_brought_in_by_an_alt_chunk_is_read_in_place() -> None:
    page = "<html><body><p>二、网页中的标题</p></body></html>"
    body = paragraph("一、开头") + '<w:altChunk r:id="rId9"/>' + paragraph("三、结尾")
    data = word_package(
        body,
        document_rels=rels(("rId9", "aFChunk", "chunk.htm")),
        parts={"word/chunk.htm": page},
    )
    assert read(data, "chunk.docx").text == "一、开头\n二、网页中的标题\n三、结尾"


def test_damaged_relationships_and_styles_do_not_stop_reading() -> None:
    data = word_package(
        BODY,
        package_rels="<Relationships",
        document_rels=f'<Relationships xmlns="{PKG_RELS}"><Relationship',
        parts={"word/styles.xml": "\x00not xml"},
    )
    assert read(data, "x.docx").text == "总体要求\n主要任务"
