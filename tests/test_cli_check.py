"""`outline check`: every option, output and exit code."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, app
from tests.support.corpus import SEEDS
from tests.support.faults import fill_the_disk, refuse_new_files

runner = CliRunner()
DRAFT = "一、目标\n（一）甲\n(二)乙\n（四）丙\n二、任务\n要做到：一是统一思想。\n"
MENDED = "一、目标\n（一）甲\n（二）乙\n（三）丙\n二、任务\n要做到：一是统一思想。\n"
FINDINGS = [
    "3:1: error S201 编号样式不一：(二)，同级写作（二）",
    "4:1: error N101 跳号：(二)之后是（四），缺（三）",
    "6:5: warning L301 只有一项的列举：一是之后没有二是",
]


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["check", *args], input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def lines_of(out: bytes, path: Path | str) -> list[str]:
    return [line.removeprefix(f"{path}:") for line in out.decode().splitlines()]


def test_findings_one_a_line_sorted_with_a_summary_and_exit_1(draft: Path) -> None:
    code, out, err = invoke(str(draft))
    assert code == EXIT_DIFFERENT
    assert lines_of(out, draft) == FINDINGS
    assert err == "1 个文档：2 个错误，1 个警告（2 个可用 --fix 修正）\n"


def test_a_clean_document_exits_0(tmp_path: Path) -> None:
    code, out, err = invoke(*map(str, SEEDS))
    assert (code, out) == (EXIT_OK, b"")
    assert err == f"{len(SEEDS)} 个文档：0 个错误，0 个警告\n"


def test_warnings_fail_only_with_fail_on_warning(tmp_path: Path) -> None:
    path = tmp_path / "lone.txt"
    path.write_text("一、目标\n要做到：一是统一思想。\n", encoding="utf-8")
    assert invoke(str(path))[0] == EXIT_OK
    assert invoke(str(path), "--fail-on", "warning")[0] == EXIT_DIFFERENT
    assert invoke(str(path), "--fail-on", "warning", "--ignore", "L301")[0] == EXIT_OK


def test_english_messages_and_summary(draft: Path) -> None:
    _, out, err = invoke(str(draft), "--lang", "en")
    assert (
        lines_of(out, draft)[1]
        == "4:1: error N101 number skipped: （四） follows (二), （三） is missing"
    )
    assert err == "2 errors, 1 warning in 1 document (2 fixable with --fix)\n"


def test_json(draft: Path) -> None:
    code, out, _ = invoke(str(draft), "--format", "json", "--lang", "en")
    assert code == EXIT_DIFFERENT
    rows = json.loads(out)
    assert [(r["line"], r["column"], r["code"]) for r in rows] == [
        (3, 1, "S201"),
        (4, 1, "N101"),
        (6, 5, "L301"),
    ]
    assert rows[0] == {
        "path": str(draft),
        "line": 3,
        "column": 1,
        "severity": "error",
        "code": "S201",
        "message": "marker style differs: (二) where its level writes （二）",
        "fixable": True,
        "fix": [
            {
                "start": 10,
                "end": 13,
                "line": 3,
                "column": 1,
                "end_line": 3,
                "end_column": 4,
                "text": "（二）",
            }
        ],
    }
    assert rows[2]["fix"] == [] and not rows[2]["fixable"]


@pytest.mark.parametrize("name", ["txt", "text"])
def test_findings_as_txt_or_text(draft: Path, name: str) -> None:
    code, out, _ = invoke(str(draft), "--format", name)
    assert code == EXIT_DIFFERENT
    assert lines_of(out, draft) == FINDINGS


def test_json_of_no_findings_is_an_empty_list() -> None:
    assert json.loads(invoke(str(SEEDS[0]), "-f", "json")[1]) == []


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "N"], ["N101"]),
        (["--select", "S201,L301"], ["S201", "L301"]),
        (["--select", "S", "--select", "l3"], ["S201", "L301"]),
        (["--ignore", "N1,L"], ["S201"]),
        (["--select", "N,S", "--ignore", "N101"], ["S201"]),
    ],
)
def test_select_and_ignore_codes_or_prefixes(
    draft: Path, options: list[str], codes: list[str]
) -> None:
    out = invoke(str(draft), *options)[1]
    assert [line.split()[2] for line in out.decode().splitlines()] == codes


def test_an_unknown_code_is_a_usage_error(draft: Path) -> None:
    code, out, err = invoke(str(draft), "--select", "X9")
    assert (code, out) == (EXIT_TROUBLE, b"")
    assert err.startswith("outline: --select: no code starts with 'X9' (codes: L301, L302, N101")


@pytest.mark.parametrize(
    ("option", "value", "choices"),
    [
        ("--format", "xml", "txt, json, sarif"),
        ("--fail-on", "info", "error, warning"),
        ("--lang", "fr", "zh, en"),
    ],
)
def test_bad_choices_are_usage_errors(draft: Path, option: str, value: str, choices: str) -> None:
    code, _, err = invoke(str(draft), option, value)
    assert code == EXIT_TROUBLE
    assert err == f"outline: {option} must be one of {choices}, not {value!r}\n"


def test_fix_prints_the_mended_document_and_reports_what_is_left_on_stderr(draft: Path) -> None:
    code, out, err = invoke(str(draft), "--fix")
    assert code == EXIT_OK  # the warning left does not fail
    assert out.decode() == MENDED
    assert err.splitlines() == [
        f"{draft}:6:5: warning L301 只有一项的列举：一是之后没有二是",
        "修正了 1 个文档中的 2 个编号；余 0 个错误，1 个警告",
    ]
    assert draft.read_text(encoding="utf-8") == DRAFT


@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16-le-bom", "utf-16-be-bom"]
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_fix_keeps_every_other_byte(tmp_path: Path, codec: str, newline: str) -> None:
    def encoded(text: str) -> bytes:
        text = text.replace("\n", newline)
        if codec.endswith("-bom"):
            name = codec.removesuffix("-bom")
            bom = codecs.BOM_UTF16_LE if name.endswith("le") else codecs.BOM_UTF16_BE
            return bom + text.encode(name)
        return text.encode(codec)

    path = tmp_path / "draft.txt"
    path.write_bytes(encoded(DRAFT))
    assert invoke(str(path), "--fix")[1] == encoded(MENDED)


def test_fix_of_several_inputs_needs_write_or_diff(draft: Path) -> None:
    code, out, err = invoke(str(draft), str(SEEDS[0]), "--fix")
    assert (code, out) == (EXIT_TROUBLE, b"")
    assert err == "outline: several inputs: --fix prints one document; use --write or --diff\n"


def test_fix_reads_stdin() -> None:
    code, out, _ = invoke("-", "--fix", stdin=DRAFT.encode("gb18030"))
    assert code == EXIT_OK
    assert out == MENDED.encode("gb18030")


def test_fix_with_select_mends_only_those_codes(draft: Path) -> None:
    out = invoke(str(draft), "--fix", "--select", "N")[1].decode()
    assert out == DRAFT.replace("（四）", "（三）")
    out = invoke(str(draft), "--fix", "--select", "S")[1].decode()
    assert out == DRAFT.replace("(二)", "（二）")


def test_write_mends_in_place_and_keeps_the_original(draft: Path) -> None:
    code, out, err = invoke(str(draft), "--write")
    assert code == EXIT_OK
    assert draft.read_text(encoding="utf-8") == MENDED
    assert Path(f"{draft}.orig").read_text(encoding="utf-8") == DRAFT
    assert lines_of(out, draft) == ["6:5: warning L301 只有一项的列举：一是之后没有二是"]
    assert err == "修正了 1 个文档中的 2 个编号；余 0 个错误，1 个警告\n"


def test_write_leaves_a_document_with_nothing_to_mend_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_bytes(SEEDS[0].read_bytes())
    assert invoke(str(path), "-w")[0] == EXIT_OK
    assert path.read_bytes() == SEEDS[0].read_bytes()
    assert not Path(f"{path}.orig").exists()


def test_write_never_overwrites_a_backup_and_goes_on(tmp_path: Path, draft: Path) -> None:
    Path(f"{draft}.orig").write_text("older", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(DRAFT, encoding="utf-8")
    code, _, err = invoke(str(draft), str(other), "--write")
    assert code == EXIT_TROUBLE
    assert err.splitlines()[0] == f"outline: {draft}: {draft}.orig exists: move it away first"
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert Path(f"{draft}.orig").read_text(encoding="utf-8") == "older"
    assert other.read_text(encoding="utf-8") == MENDED


def test_a_file_that_cannot_be_written_is_reported_and_left_as_it_was(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_new_files(monkeypatch)
    code, _, err = invoke(str(draft), "--write")
    assert code == EXIT_TROUBLE
    assert err.splitlines()[0] == f"outline: {draft}: cannot write {draft}.orig: Permission denied"
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert not Path(f"{draft}.orig").exists()


def test_a_write_cut_short_leaves_the_file_as_it_was(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_the_disk(monkeypatch, room=len(DRAFT.encode()) * 3 // 2)  # the backup, half the rest
    code, _, err = invoke(str(draft), "--write")
    assert code == EXIT_TROUBLE
    assert err.splitlines()[0] == f"outline: {draft}: cannot write: No space left on device"
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in draft.parent.iterdir()) == [draft.name]


def test_write_keeps_permissions_and_writes_through_a_link(draft: Path) -> None:
    draft.chmod(0o640)
    link = draft.with_name("link.txt")
    link.symlink_to(draft.name)
    assert invoke(str(link), "--write")[0] == EXIT_OK
    assert link.is_symlink()
    assert draft.read_text(encoding="utf-8") == MENDED
    assert draft.stat().st_mode & 0o777 == 0o640
    assert Path(f"{link}.orig").read_text(encoding="utf-8") == DRAFT


def test_write_cannot_write_back_stdin() -> None:
    code, _, err = invoke("-", "--write", stdin=DRAFT.encode())
    assert (code, err) == (EXIT_TROUBLE, "outline: --write cannot write back standard input\n")


def test_a_document_that_does_not_round_trip_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "forced.txt"
    path.write_bytes(DRAFT.encode("utf-16-le"))  # no byte order mark: utf-16 would add one
    code, _, err = invoke(str(path), "--encoding", "utf-16", "--write")
    assert code == EXIT_TROUBLE
    assert err.splitlines()[0] == f"outline: {path}: cannot be written back byte for byte in utf-16"
    assert path.read_bytes() == DRAFT.encode("utf-16-le")


def test_diff_shows_the_change_and_writes_nothing(draft: Path) -> None:
    code, out, err = invoke(str(draft), "--diff")
    assert code == EXIT_DIFFERENT  # a dry run: the document still has its errors
    assert out.decode().splitlines() == [
        f"--- {draft}",
        f"+++ {draft}",
        "@@ -1,6 +1,6 @@",
        " 一、目标",
        " （一）甲",
        "-(二)乙",
        "-（四）丙",
        "+（二）乙",
        "+（三）丙",
        " 二、任务",
        " 要做到：一是统一思想。",
    ]
    assert err.splitlines() == [
        *(f"{draft}:{finding}" for finding in FINDINGS),
        "1 个文档：2 个错误，1 个警告；--fix 将修正 1 个文档中的 2 个编号",
    ]
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert invoke(str(draft), "--diff", "--fix")[2] == err
    code, _, err = invoke(str(draft), "--diff", "--lang", "en", "--ignore", "N,S")
    assert code == EXIT_OK
    assert err.splitlines()[-1] == "0 errors, 1 warning in 1 document; nothing to mend"
    code, _, err = invoke(str(draft), "--diff", "--lang", "en", "--format", "json")
    assert code == EXIT_DIFFERENT
    assert err.splitlines()[-1] == (
        "2 errors, 1 warning in 1 document; --fix would mend 2 markers in 1 document"
    )
    assert [row["code"] for row in json.loads(err[: err.rindex("]") + 1])] == [
        "S201",
        "N101",
        "L301",
    ]


def test_diff_of_a_last_line_without_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "end.txt"
    path.write_text("一、目标\n三、任务", encoding="utf-8")
    out = invoke(str(path), "--diff")[1].decode()
    assert out.endswith(
        "-三、任务\n\\ No newline at end of file\n+二、任务\n\\ No newline at end of file\n"
    )


def test_diff_and_write_together(draft: Path) -> None:
    code, out, err = invoke(str(draft), "--diff", "--write")
    assert code == EXIT_OK
    assert err.splitlines()[-1] == "修正了 1 个文档中的 2 个编号；余 0 个错误，1 个警告"
    assert b"+\xef\xbc\x88\xe4\xb8\x89\xef\xbc\x89" in out  # +（三）
    assert draft.read_text(encoding="utf-8") == MENDED


def test_an_unreadable_input_is_reported_and_the_others_are_checked(
    tmp_path: Path, draft: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = invoke(str(empty), str(draft))
    assert code == EXIT_TROUBLE
    assert err.splitlines()[0] == f"outline: {empty}: is empty"
    assert len(out.decode().splitlines()) == 3


def test_a_directory_is_checked_file_by_file(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "clean.txt").write_bytes(SEEDS[0].read_bytes())
    code, out, err = invoke(str(tmp_path))
    assert code == EXIT_DIFFERENT
    assert {line.split(":")[0] for line in out.decode().splitlines()} == {str(draft)}
    assert err.startswith("2 个文档：")


def test_html_selector_and_unwrap_read_as_show_reads(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div id='menu'><p>一、首页</p><p>三、联系</p></div>"
        f"<div id='text'>{''.join(f'<p>{line}</p>' for line in DRAFT.splitlines())}</div>"
        "</body></html>",
        encoding="utf-8",
    )
    code, out, _ = invoke(str(page), "--html-selector", "#text")
    assert code == EXIT_DIFFERENT
    assert lines_of(out, page) == FINDINGS
    assert invoke(str(page), "--html-selector", "#menu", "--select", "N")[1].decode() == (
        f"{page}:2:1: error N101 跳号：一、之后是三、，缺二、\n"
    )
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(
        "一、经济运行\n全年地区生产总值增长百分之五点二，规模以上工业增加值增长\n"
        "3．项目建设任务的百分之九十，居民人均可支配收入实际增长百分\n"
        "之五点一，城乡居民收入差距继续缩小，就业形势总体保持稳定，\n"
        "物价水平温和上涨，粮食生产再获丰收，生态环境质量持续改善，\n"
        "二、三产业协调发展，城乡居民收入差距继续缩小，就业形势总体稳\n定。\n二、主要任务\n",
        encoding="utf-8",
    )
    # 3． opening line 3 continues the sentence of line 2: no heading, with or without --unwrap
    assert invoke(str(wrapped))[:2] == (EXIT_OK, b"")
    assert invoke(str(wrapped), "--unwrap") == (
        EXIT_OK,
        b"",
        "1 个文档：0 个错误，0 个警告\n",
    )


@pytest.mark.parametrize("mending", ["--fix", "--write", "--diff"])
def test_unwrap_cannot_go_with_mending(draft: Path, mending: str) -> None:
    code, out, err = invoke(str(draft), "--unwrap", mending)
    assert (code, out) == (EXIT_TROUBLE, b"")
    assert err == "outline: --unwrap re-joins lines: the text mended would not be the file's\n"
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_help_gives_an_example_and_the_exit_codes() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == EXIT_OK
    assert "Example:" in result.stdout
    assert "Exit codes: 0 no finding at or above --fail-on; 1 findings; 2" in result.stdout


def page(text: str) -> bytes:
    """A web page holding the lines of a text, a paragraph each."""
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f"<!doctype html><html><body>{body}</body></html>".encode()


@pytest.mark.parametrize("mending", [["--fix"], ["--fix", "--select", "T"], ["--write"]])
@pytest.mark.parametrize("draft_text", [DRAFT, MENDED], ids=["to-mend", "clean"])
def test_fix_and_write_refuse_a_document_that_is_neither_text_nor_docx(
    tmp_path: Path, mending: list[str], draft_text: str
) -> None:
    path = tmp_path / "draft.html"
    data = page(draft_text)
    path.write_bytes(data)
    code, out, err = invoke(str(path), *mending)
    assert (code, out) == (EXIT_TROUBLE, b"")
    assert err.splitlines()[0] == (
        f"outline: {path}: --fix and --write mend text and .docx files, not html"
    )
    assert path.read_bytes() == data
    assert not Path(f"{path}.orig").exists()


def test_diff_shows_what_would_change_in_a_document_that_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.html"
    path.write_bytes(page(DRAFT))
    code, out, _ = invoke(str(path), "--diff")
    assert code != EXIT_TROUBLE
    assert "+（三）丙" in out.decode().splitlines()
