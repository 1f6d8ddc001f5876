"""OFD: a seed laid out as pages of placed text gives the seed's skeleton, in whatever order its
objects are written and whatever prefix its producer uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from outline import parse
from outline.sources import SourceError, read
from tests.support.corpus import SEEDS, shape
from tests.support.packages import ofd, ofd_typeset, zip_bytes
from tests.support.pdf_builder import typeset


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_a_typeset_seed_has_the_seeds_skeleton(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    pages = typeset(text)
    got = read(ofd_typeset(pages), seed.stem + ".ofd")
    assert (got.format, got.line_unit, got.encoding) == ("ofd", "paragraph", None)
    assert shape(parse(got.text)) == shape(parse(text))
    assert len(got.pages) == len(pages) and got.pages[0] == 1
    assert "- 1 -" not in got.text


def test_lines_are_ordered_by_position_and_spaces_beside_chinese_removed() -> None:
    page = [
        ("坚持以人民为中心的发展思想，推进各项工作落实。", 80, 168),
        ("（一）指导思想", 80, 140),
        ("一、总体要求", 80, 112),
        ("关于印发 2004 年工作要点的通知", 120, 60),
    ]
    got = read(ofd([page], prefix=""), "x.ofd")  # a producer that writes no prefix
    assert got.text.split("\n") == [
        "关于印发2004年工作要点的通知",
        "一、总体要求",
        "（一）指导思想",
        "坚持以人民为中心的发展思想，推进各项工作落实。",
    ]


def test_detected_by_content_whatever_its_name() -> None:
    data = ofd([[("一、总体要求", 80, 60)]])
    assert read(data, "notice.docx").format == "ofd"


def test_an_ofd_without_text_or_document_is_refused() -> None:
    with pytest.raises(SourceError, match="without text"):
        read(ofd([[]]), "scan.ofd")
    with pytest.raises(SourceError, match="document \\(DocRoot\\) is missing"):
        read(zip_bytes({"OFD.xml": "<OFD><DocBody/></OFD>"}), "x.ofd")
