"""The commands on every format: .docx, web pages, PDF, wrapped text; bad files exit 2."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_OK, EXIT_TROUBLE, app
from tests.support.docx_builder import Para, abstract, build, lvl, num
from tests.support.packages import lying_sizes, odt, ofd, rtf

runner = CliRunner()
NUMBERING = [
    abstract(
        1,
        lvl(0, "chineseCounting", "%1、", suff="nothing"),
        lvl(1, "chineseCounting", "（%2）", suff="nothing"),
    ),
    num(1, 1),
]
DOCX = [
    Para("关于加强作风建设的实施意见"),
    Para(""),
    Para("总体要求", num=(1, 0)),
    Para("指导思想", num=(1, 1)),
    Para("主要任务", num=(1, 0)),
    Para("保障措施", style="Heading1"),
]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def docx_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.docx"
    path.write_bytes(build(DOCX, NUMBERING))
    return path


def test_show_a_docx_with_automatic_numbering(docx_file: Path) -> None:
    code, out, err = invoke("show", str(docx_file))
    assert (code, err) == (EXIT_OK, "")
    assert out == (
        "关于加强作风建设的实施意见\n"
        "3  一、总体要求\n4    （一）指导思想\n5  二、主要任务\n6  保障措施\n"
    )


def test_json_says_how_the_file_was_read(docx_file: Path) -> None:
    code, out, _ = invoke("export", str(docx_file), "-f", "json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert {k: data[k] for k in ("format", "encoding", "line_unit", "pages")} == {
        "format": "docx",
        "encoding": None,
        "line_unit": "paragraph",
        "pages": [],
    }
    assert [(n["marker"], n["kind"], n["line"]) for n in data["nodes"]] == [
        ("一、", "cn-dun", 3),
        ("二、", "cn-dun", 5),
        ("", "styled", 6),
    ]


def test_html_selector_and_unwrap_options(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div id='menu'><p>一、首页</p></div>"
        "<div id='text'><p>一、总体要求</p><p>二、主要任务</p></div></body></html>",
        encoding="utf-8",
    )
    code, out, _ = invoke("show", str(page), "--html-selector", "#text")
    assert (code, out) == (EXIT_OK, "1  一、总体要求\n2  二、主要任务\n")
    code, out, err = invoke("export", str(page), "--html-selector", "#none")
    assert (code, out) == (EXIT_TROUBLE, "")
    assert err == f"outline: {page}: has no element that --html-selector '#none' matches\n"
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(
        "一、经济运行\n全年地区生产总值增长百分之五点二，规模以上工业增加值增长\n"
        "3．项目建设任务的百分之九十，居民人均可支配收入实际增长百分\n"
        "二、三产业协调发展，城乡居民收入差距继续缩小，就业形势总体稳\n定。\n二、主要任务\n",
        encoding="utf-8",
    )
    assert "3．项目建设任务" in invoke("show", str(wrapped))[1]
    code, out, _ = invoke("show", "--unwrap", str(wrapped))
    assert out == "1  一、经济运行\n3  二、主要任务\n"
    data = json.loads(invoke("export", "-f", "json", "--unwrap", str(wrapped))[1])
    assert data["line_unit"] == "paragraph"


def test_a_directory_takes_every_format_and_reports_what_it_cannot_read(
    tmp_path: Path, docx_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outline.sources import office

    monkeypatch.setattr(office, "soffice", lambda: None)
    (tmp_path / "page.htm").write_text("<p>一、网页</p>", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    code, out, err = invoke("show", str(tmp_path))
    assert code == EXIT_TROUBLE
    assert f"==> {tmp_path / 'page.htm'} <==\n1  一、网页\n" in out
    assert f"==> {docx_file} <==" in out
    assert err == (
        f"outline: {tmp_path / 'old.doc'}: is a binary Word or WPS file (.doc, .wps): "
        f"{office.INSTALL}\n"
    )


def test_a_directory_takes_every_suffix_the_readers_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outline.sources import SIGNED, SUFFIXES, office

    monkeypatch.setattr(office, "soffice", lambda: None)
    page = "<p>一、网页</p>".encode()
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
    by_reader = {
        "html": page,
        "mht": page,
        "odt": odt("<text:p>一、网页</text:p>", flat=True),
    }
    by_suffix = {".odt": odt("<text:p>一、网页</text:p>"), ".ott": odt("<text:p>一、网页</text:p>")}
    by_suffix |= {".ofd": ofd([[("一、网页", 80, 60)]]), ".rtf": rtf(["一、网页"])}
    by_suffix |= dict.fromkeys((".doc", ".dot", ".wps", ".wpt"), ole2)
    for suffix in sorted(SIGNED | SUFFIXES.keys()):
        if SUFFIXES.get(suffix) != "pdf":
            data = by_suffix.get(suffix) or by_reader.get(SUFFIXES.get(suffix, ""))
            (tmp_path / f"plan{suffix}").write_bytes(data or build(DOCX, NUMBERING))
    code, out, err = invoke("show", str(tmp_path))
    shown = [line[4:-4] for line in out.splitlines() if line.startswith("==> ")]
    failed = [line.split(": ")[1] for line in err.splitlines()]
    assert sorted(shown + failed) == sorted(str(p) for p in tmp_path.iterdir())
    needs_libreoffice = (".doc", ".dot", ".rtf", ".wps", ".wpt")
    assert failed == [str(tmp_path / f"plan{suffix}") for suffix in needs_libreoffice]
    assert out.count("1  一、网页\n") == len(shown) - 3  # all but the three .docx-like files
    assert code == EXIT_TROUBLE


def _zip(members: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


def test_bad_files_get_one_line_each_and_the_rest_go_through(
    tmp_path: Path, docx_file: Path
) -> None:
    from tests.support.pdf_builder import build as build_pdf

    good = docx_file.read_bytes()
    bad = {
        "truncated.docx": (good[: len(good) // 3], "is a damaged or truncated .docx"),
        "archive.docx": (_zip({"a.txt": b"x"}), "is a ZIP archive but not a Word"),
        "bomb.docx": (
            lying_sizes(
                _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"x"}), 2**31
            ),
            "would inflate beyond 256 MiB (a zip bomb?): refused",
        ),
        "empty.html": (b"<html><body><script>x()</script></body></html>", "no text"),
        "scan.pdf": (build_pdf([[]]), "is a PDF without a text layer"),
    }
    paths = []
    for name, (data, _) in bad.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    code, _out, err = invoke("export", "-o", f"{tmp_path / 'out'}/", *paths, str(docx_file))
    assert code == EXIT_TROUBLE
    *lines, summary = err.splitlines()
    assert summary == f"outline: 1 of {len(bad) + 1} documents exported, {len(bad)} failed"
    assert len(lines) == len(bad)
    for line, (name, (_, message)) in zip(lines, bad.items(), strict=True):
        assert line.startswith(f"outline: {tmp_path / name}: ")
        assert message in line
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["plan.md"]


def test_help_lists_the_reading_options() -> None:
    for command in ("show", "export", "diff"):
        out = invoke(command, "--help")[1]
        assert "--html-selector" in out
        assert "--unwrap" in out


def test_a_damaged_text_is_read_and_json_says_what_was_replaced(tmp_path: Path) -> None:
    text = "一、总体要求\n正文。\n（一）指导思想\n" + "正文。" * 400 + "\n二、主要任务\n"
    data = text.encode()
    cut = data.index("\n二、".encode())
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:cut] + b"\xe4\xb8" + data[cut:])  # a character cut in two
    code, out, err = invoke("export", str(path), "-f", "json")
    assert (code, err) == (EXIT_OK, "")
    got = json.loads(out)
    assert got["encoding"] == "utf-8, 2 bytes replaced"
    assert [n["marker"] for n in got["nodes"]] == ["一、", "二、"]


def test_a_text_file_named_docx_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("一、总体要求\n（一）指导思想\n", encoding="utf-8")
    code, out, err = invoke("export", str(path), "-f", "json")
    assert (code, err) == (EXIT_OK, "")
    got = json.loads(out)
    assert (got["format"], got["encoding"]) == ("text", "utf-8")
    assert [n["marker"] for n in got["nodes"]] == ["一、"]
