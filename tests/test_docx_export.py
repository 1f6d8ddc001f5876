"""The .docx export: the whole draft with its parts, headings kept with their text only, the
GB/T 9704 layout (page, grid, fonts, page numbers), the same bytes every time; and, where
LibreOffice is installed, the pages it prints and the outline its Navigator shows."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from outline import parse
from outline.loading import load
from outline.render.docx import render
from outline.render.docx_draft import KEPT_CHAIN, Paragraph, skeleton, whole
from outline.render.docx_layout import GBT9704
from tests.support.corpus import ROOT
from tests.support.rich_docx import rich_docx

SPEECH = (
    "关于推进试点工作的讲话\n（2024年3月1日）\n同志们：\n今天召开会议。\n"
    "一、总体要求\n（一）指导思想\n1.坚持稳中求进。各单位要抓好落实。\n二、主要任务\n"
    "要抓好落实。\n附件1\n试点名单\n区委办公室\n2024年3月1日\n"
)


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def roles(paragraphs: list[Paragraph]) -> list[tuple[str, int, str]]:
    return [(p.role, p.level, p.text) for p in paragraphs]


def test_the_whole_draft_gives_each_paragraph_its_part() -> None:
    assert roles(whole(parse(SPEECH))) == [
        ("title", 0, "关于推进试点工作的讲话"),
        ("byline", 0, "（2024年3月1日）"),
        ("salutation", 0, "同志们："),
        ("body", 0, "今天召开会议。"),
        ("heading", 1, "一、总体要求"),
        ("heading", 2, "（一）指导思想"),
        ("heading", 3, "1.坚持稳中求进。各单位要抓好落实。"),
        ("heading", 1, "二、主要任务"),
        ("body", 0, "要抓好落实。"),
        ("attachment", 0, "附件1"),
        ("body", 0, "试点名单"),
        ("signature", 0, "区委办公室"),
        ("date", 0, "2024年3月1日"),
    ]


def test_the_signature_is_centred_over_the_date() -> None:
    found = whole(parse(SPEECH))
    [signature] = [p for p in found if p.role == "signature"]
    assert signature.centred_over == 0.5  # 区委办公室 is 5 wide, 2024年3月1日 6
    document = parts(render(parse(SPEECH), body=True, layout="gbt9704"))["word/document.xml"]
    assert '<w:pStyle w:val="Signature"/><w:ind w:right="1440" w:rightChars="450"/>' in document


def test_a_heading_with_text_of_its_own_keeps_it_in_its_paragraph() -> None:
    found = whole(parse(SPEECH))
    [inline] = [p for p in found if p.text.startswith("1.")]
    assert inline.text[: inline.heading] == "1.坚持稳中求进。"


def test_headings_keep_with_their_text_but_a_long_chain_keeps_none() -> None:
    found = whole(parse(SPEECH))
    kept = {p.text for p in found if p.keep_next}
    assert kept == {"一、总体要求", "（一）指导思想", "二、主要任务"}
    chain = "".join(f"{n}、标题\n" for n in "一二三四五六") + "正文。\n"
    long = whole(parse(chain))
    assert [p.keep_next for p in long] == [False] * (6 - KEPT_CHAIN) + [True] * KEPT_CHAIN + [False]
    assert not any(p.keep_next for p in skeleton(parse(SPEECH)))


def test_the_skeleton_alone_never_keeps_a_heading_with_the_next() -> None:
    document = parts(render(parse(SPEECH)))["word/document.xml"]
    assert "keepNext" not in document
    assert "keepNext" not in parts(render(parse(SPEECH)))["word/styles.xml"]


def test_gbt9704_sets_the_page_the_grid_the_fonts_and_the_page_numbers() -> None:
    package = parts(render(parse(SPEECH), body=True, layout="gbt9704"))
    document, styles = package["word/document.xml"], package["word/styles.xml"]
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in document
    assert '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in document
    assert '<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-842"/>' in document
    assert GBT9704.page.condensed(16) == -5  # 28 characters of 3号 fill the 156 mm line

    def style(key: str) -> str:
        found = re.search(rf'<w:style [^>]*w:styleId="{key}">.*?</w:style>', styles)
        assert found is not None, key
        return found.group()

    title = style("Title")
    assert 'w:eastAsia="方正小标宋简体"' in title
    assert '<w:sz w:val="44"/>' in title and '<w:jc w:val="center"/>' in title
    for key, face in [
        ("Heading1", "黑体"),
        ("Heading2", "楷体_GB2312"),
        ("Heading3", "仿宋_GB2312"),
    ]:
        assert f'w:eastAsia="{face}"' in style(key)
        assert '<w:sz w:val="32"/>' in style(key)
    assert "<w:b/>" in style("Heading3") and "<w:b/>" not in style("Heading2")
    assert '<w:outlineLvl w:val="8"/>' in style("Heading9")
    assert 'w:firstLineChars="200"' in style("Normal")
    assert '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>' in style(
        "Normal"
    )
    assert 'w:rightChars="400"' in style("Date") and '<w:jc w:val="right"/>' in style("Date")
    assert "<w:evenAndOddHeaders/>" in package["word/settings.xml"]
    for name, side in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")]:
        footer = package[name]
        assert f'<w:jc w:val="{side}"/>' in footer
        assert re.search(r"— </w:t>.*PAGE.* —</w:t>", footer)
    assert '<w:sz w:val="28"/>' in style("Footer")
    fonts = package["word/fontTable.xml"]
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong"/>' in fonts
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体,KaiTi"/>' in fonts
    assert '<w:font w:name="黑体"><w:altName w:val="SimHei"/>' in fonts


def test_the_same_document_gives_the_same_bytes() -> None:
    doc = parse(SPEECH)
    first = render(doc, body=True, layout="gbt9704")
    assert render(doc, body=True, layout="gbt9704") == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_docx_exported_whole_keeps_every_paragraph_of_its_text() -> None:
    loaded = load(rich_docx(), "draft.docx")
    exported = render(loaded.doc, body=True, layout="gbt9704")
    again = load(exported, "again.docx").doc
    assert again.text.split("\n") == [line for line in loaded.doc.text.split("\n") if line.strip()]
    assert [v.node.marker for v in again.walk()] == [v.node.marker for v in loaded.doc.walk()]


def test_export_takes_a_layout_for_docx_only(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from outline.cli.app import EXIT_OK, EXIT_TROUBLE, app

    seed = str(ROOT / "seeds" / "measures-party-governance.txt")
    out = tmp_path / "laid.docx"
    runner = CliRunner()
    args = ["export", seed, "-f", "docx", "--body", "--layout", "gbt9704", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == EXIT_OK
    assert "方正小标宋简体" in parts(out.read_bytes())["word/styles.xml"]
    bad = runner.invoke(app, ["export", seed, "-f", "md", "--layout", "gbt9704"])
    assert bad.exit_code == EXIT_TROUBLE
    assert "--layout goes with --format docx, not md" in bad.stderr
    bad = runner.invoke(app, ["export", seed, "-f", "docx", "--layout", "a4"])
    assert "--layout must be one of plain, gbt9704, not 'a4'" in bad.stderr


# LibreOffice, where it is installed (never on CI)

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")


def converted(data: bytes, tmp_path: Path, to: str) -> Path:
    """A .docx converted by LibreOffice into `to` (pdf, odt)."""
    assert SOFFICE is not None
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "in.docx"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / f"in.{to}"


def outline_levels(odt: Path) -> list[tuple[int, str]]:
    """The headings LibreOffice's Navigator lists: each text:h with its outline level."""
    with zipfile.ZipFile(odt) as archive:
        content = archive.read("content.xml").decode("utf-8")
    # what a tracked deletion removed is kept apart, with the paragraph it was in
    content = re.sub(r"<text:tracked-changes.*?</text:tracked-changes>", "", content, flags=re.S)
    found = re.findall(r'<text:h [^>]*text:outline-level="(\d)"[^>]*>(.*?)</text:h>', content)
    return [(int(level), re.sub(r"<[^>]+>", "", text)) for level, text in found]


@needs_soffice
def test_libreoffice_prints_the_title_on_page_one_and_numbers_the_pages(tmp_path: Path) -> None:
    import pypdfium2

    seed = ROOT / "seeds" / "measures-party-governance.txt"
    doc = parse(seed.read_text(encoding="utf-8"))
    pdf = pypdfium2.PdfDocument(
        converted(render(doc, body=True, layout="gbt9704"), tmp_path, "pdf")
    )
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert pages[0].lstrip().startswith("推进全面从严治党工作措施")
    assert "一、推进全面从严治党向纵深发展" in pages[0]
    for number, text in enumerate(pages[:3], start=1):
        assert f"— {number} —" in text
    skeleton_only = pypdfium2.PdfDocument(converted(render(doc), tmp_path, "pdf"))
    first = skeleton_only[0].get_textpage().get_text_range()
    assert "一、推进全面从严治党向纵深发展" in first  # the headings start on page 1


@needs_soffice
def test_libreoffice_lists_the_skeleton_of_the_export(tmp_path: Path) -> None:
    doc = parse(SPEECH)
    levels = outline_levels(converted(render(doc, body=True, layout="gbt9704"), tmp_path, "odt"))
    assert levels == [
        (1, "一、总体要求"),
        (2, "（一）指导思想"),
        (3, "1.坚持稳中求进。各单位要抓好落实。"),
        (1, "二、主要任务"),
    ]


@needs_soffice
def test_libreoffice_opens_a_marked_and_a_mended_draft_with_all_it_held(tmp_path: Path) -> None:
    from outline.docxedit import mark, mend

    data = rich_docx()

    def inventory(odt: Path) -> dict[str, int]:
        with zipfile.ZipFile(odt) as archive:
            content = archive.read("content.xml").decode("utf-8")
        tags = ["<table:table ", "<draw:frame ", "<office:annotation", "<text:changed-region "]
        return {tag: content.count(tag) for tag in tags}

    held = inventory(converted(data, tmp_path / "a", "odt"))
    assert all(held.values())
    marked = converted(mark(data).data, tmp_path / "b", "odt")
    assert inventory(marked) == held
    assert [level for level, _ in outline_levels(marked)] == [1, 2, 2, 1, 2, 2]
    assert inventory(converted(mend(data).data, tmp_path / "c", "odt")) == held
