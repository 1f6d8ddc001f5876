"""Exporting a corpus: thousands of documents through worker processes, one file for all or a file
each, bad files reported and skipped, resuming, lists of files, and workers that fail."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from outline import parse
from outline.cli.app import EXIT_BUG, EXIT_OK, EXIT_TROUBLE, app
from outline.cli.inputs import Loaded, ReadOptions
from outline.cli.outputs import progress
from tests.support.corpus import SEEDS
from tests.support.readback import docx_paragraphs, from_csv, outline_of

runner = CliRunner()
LINES_PER_DOCUMENT = 6
BROKEN = {
    "00/doc00100-empty.txt": (b"", "is empty"),
    "04/doc04321-binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image, not a document"),
    "09/doc09999-mojibake.txt": (
        "一、总体".encode() + b"\x80\xff",
        "is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (try --encoding)",
    ),
}


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


def small_documents() -> list[str]:
    """The seeds cut into documents of a few lines, some with headings and some without."""
    found = []
    for seed in SEEDS:
        lines = seed.read_text(encoding="utf-8").splitlines()
        for i in range(0, len(lines), LINES_PER_DOCUMENT):
            found.append("\n".join(lines[i : i + LINES_PER_DOCUMENT]) + "\n")
    return found


def headless(written: dict[str, str]) -> int:
    """How many of the documents have no heading."""
    return sum(1 for text in written.values() if not parse(text).nodes)


def make_corpus(root: Path, count: int) -> dict[str, str]:
    """`count` small documents in ten directories; the text of each, by path."""
    texts = small_documents()
    written = {}
    for i in range(10):
        (root / f"{i:02d}").mkdir(parents=True)
    for i in range(count):
        path = root / f"{i * 10 // count:02d}" / f"doc{i:05d}.txt"
        text = texts[i % len(texts)]
        path.write_text(text, encoding="utf-8")
        written[str(path)] = text
    return written


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """10,000 small documents made from the seeds, with a few broken files among them."""
    root = tmp_path_factory.mktemp("corpus")
    written = make_corpus(root, 10_000)
    for name, (data, _) in BROKEN.items():
        (root / name).write_bytes(data)
    return root, written


def test_ten_thousand_documents_into_one_jsonl_file(
    corpus: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, written = corpus
    out = tmp_path / "all.jsonl"
    code, stdout, err = invoke("export", str(root), "-f", "jsonl", "-o", str(out), "--jobs", "2")
    assert (code, stdout) == (EXIT_TROUBLE, b"")
    *reports, summary = err.splitlines()
    assert reports == [
        f"outline: {root / name}: {message}" for name, (_, message) in BROKEN.items()
    ]
    without = headless(written)
    assert 0 < without < len(written)
    assert summary == (
        f"outline: 10,000 of 10,003 documents exported, {without:,} of them without headings,"
        " 3 failed"
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == sorted(written)  # in the order of the walk
    expected = {text: _titles(parse(text)) for text in set(written.values())}
    for record in records:
        found = [n["title"] for n in _walk(record["nodes"])]
        assert found == expected[written[record["source"]]], record["source"]


def test_ten_thousand_documents_into_one_csv_file_in_one_process(
    corpus: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, written = corpus
    out = tmp_path / "all.csv"
    code, _, err = invoke("export", str(root), "-f", "csv", "-o", str(out), "-j", "1")
    assert code == EXIT_TROUBLE
    assert err.count("\n") == len(BROKEN) + 1
    rows = from_csv(out.read_bytes().decode("utf-8"))
    assert rows[0][0] == "source"
    assert sum(1 for r in rows if r[2] == "0") == len(written)
    nodes = {text: len(_titles(parse(text))) for text in set(written.values())}
    assert len(rows) == 1 + len(written) + sum(nodes[t] for t in written.values())


def _walk(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
    found = []
    for node in nodes:
        found.append(node)
        children = node["children"]
        assert isinstance(children, list)
        found.extend(_walk(children))
    return found


def _titles(doc: object) -> list[str]:
    return [t for _, _, t, _ in outline_of(doc)]  # type: ignore[arg-type]


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "in"
    return root, make_corpus(root, 40)


def test_one_file_per_document_in_a_directory(
    small: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, written = small
    out = tmp_path / "out"
    code, _, err = invoke("export", str(root), "-f", "docx", "-o", f"{out}/", "-j", "2")
    assert code == EXIT_OK
    assert (
        err
        == f"outline: 40 of 40 documents exported, {headless(written)} of them without headings\n"
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).stem + ".docx" for p in written)
    first = sorted(written)[0]
    paragraphs = docx_paragraphs((out / (Path(first).stem + ".docx")).read_bytes())
    assert [t for s, t in paragraphs if s.startswith("Heading")] == [
        f"{m}{t}" for _, m, t, _ in outline_of(parse(written[first]))
    ]


def test_jsonl_and_csv_go_to_one_file_or_to_a_directory(
    small: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, written = small
    code, stdout, _ = invoke("export", str(root), "-f", "csv")
    assert code == EXIT_OK
    text = stdout.decode("utf-8")
    assert text.count("\ufeff") == 1
    assert text.count("source,path,level") == 1
    assert sum(1 for r in from_csv(text) if r[2] == "0") == len(written)
    code, _, _ = invoke("export", str(root), "-f", "jsonl", "-o", str(tmp_path / "each") + "/")
    assert code == EXIT_OK
    assert len(list((tmp_path / "each").glob("*.jsonl"))) == len(written)
    one = next(iter(written))
    (tmp_path / "dir").mkdir()
    assert invoke("export", one, "-f", "csv", "-o", str(tmp_path / "dir"))[0] == EXIT_OK
    assert [p.name for p in (tmp_path / "dir").iterdir()] == [Path(one).stem + ".csv"]


def test_resuming_one_file_gives_what_an_uninterrupted_run_gives(
    small: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _ = small
    for format in ("jsonl", "csv"):
        whole = tmp_path / f"whole.{format}"
        assert invoke("export", str(root), "-f", format, "-o", str(whole))[0] == EXIT_OK
        data = whole.read_bytes()
        for cut in (len(data) // 3, len(data) - 5, 2):
            part = tmp_path / f"part.{format}"
            part.write_bytes(data[:cut])
            code, _, err = invoke(
                "export", str(root), "-f", format, "-o", str(part), "--skip-existing"
            )
            assert code == EXIT_OK, err
            assert part.read_bytes() == data, (format, cut)
        code, _, err = invoke(
            "export", str(root), "-f", format, "-o", str(whole), "--skip-existing"
        )
        assert code == EXIT_OK
        assert "0 of 40 documents exported" not in err  # the last one is written again
        assert "1 of 40 documents exported, " in err
        assert "39 already exported" in err
        assert whole.read_bytes() == data


def test_resuming_refuses_a_file_that_is_not_an_export(
    small: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _ = small
    other = tmp_path / "notes.csv"
    other.write_text("name,phone\nzhang,123\n", encoding="utf-8")
    code, _, err = invoke("export", str(root), "-f", "csv", "-o", str(other), "--skip-existing")
    assert code == EXIT_TROUBLE
    assert err == (
        f"outline: {other}: does not begin with the header of a CSV export;"
        " remove it, or run without --skip-existing\n"
    )
    assert other.read_text(encoding="utf-8") == "name,phone\nzhang,123\n"
    lines = tmp_path / "notes.jsonl"
    lines.write_text('{"a": 1}\n[]\n', encoding="utf-8")
    code, _, err = invoke("export", str(root), "-f", "jsonl", "-o", str(lines), "--skip-existing")
    assert code == EXIT_TROUBLE
    assert "line 1 is not a document of a JSON Lines export" in err


def test_resuming_files_of_their_own_leaves_those_written(
    small: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _ = small
    out = tmp_path / "out"
    assert invoke("export", str(root), "-f", "txt", "-o", f"{out}/")[0] == EXIT_OK
    files = sorted(out.iterdir())
    files[0].unlink()
    files[1].unlink()
    files[2].write_text("kept", encoding="utf-8")
    code, _, err = invoke("export", str(root), "-f", "txt", "-o", str(out), "--skip-existing")
    assert code == EXIT_OK
    assert err.startswith("outline: 2 of 40 documents exported")
    assert err.endswith(", 38 already exported\n")
    assert files[0].exists() and files[1].exists()
    assert files[2].read_text(encoding="utf-8") == "kept"
    assert not list(out.glob(".*"))  # no part-written file left behind


def test_files_from_a_list_and_from_stdin(
    small: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    _, written = small
    chosen = sorted(written)[:3]
    listing = tmp_path / "list.txt"
    listing.write_bytes(("\r\n".join([chosen[0], "", chosen[1]]) + "\r\n").encode())
    code, stdout, _ = invoke("export", chosen[2], "--files-from", str(listing), "-f", "jsonl")
    assert code == EXIT_OK
    sources = [json.loads(line)["source"] for line in stdout.decode().splitlines()]
    assert sources == [chosen[2], chosen[0], chosen[1]]
    code, stdout, _ = invoke(
        "export", "--files-from", "-", "-f", "jsonl", stdin="\n".join(chosen).encode()
    )
    assert [json.loads(line)["source"] for line in stdout.decode().splitlines()] == chosen
    code, _, err = invoke("export", "--files-from", str(tmp_path / "missing"), "-f", "jsonl")
    assert code == EXIT_TROUBLE
    assert err.startswith(f"outline: {tmp_path / 'missing'}: cannot read the list: No such file")


def test_stdin_among_many_documents_is_read_by_the_parent(
    small: tuple[Path, dict[str, str]],
) -> None:
    root, written = small
    code, stdout, _ = invoke(
        "export", str(root), "-", "-f", "jsonl", "-j", "2", stdin="一、总体\n".encode("gbk")
    )
    assert code == EXIT_OK
    records = [json.loads(line) for line in stdout.decode().splitlines()]
    assert len(records) == len(written) + 1
    assert (records[-1]["source"], records[-1]["encoding"]) == ("-", "gb18030")
    assert records[-1]["nodes"][0]["title"] == "总体"


def test_what_an_export_writes_is_never_read_as_input(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    make_corpus(root, 12)
    for _ in range(2):
        code, _, err = invoke("export", str(root), "-f", "txt", "-o", f"{root / 'zz-out'}/")
        assert code == EXIT_OK
        assert err.startswith("outline: 12 of 12 documents exported")


def test_a_bug_in_one_document_is_reported_and_the_others_go_through(
    small: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, written = small
    bad = sorted(written)[5]
    _break_reading(monkeypatch, bad, lambda: _raise(RuntimeError("boom")))
    out = tmp_path / "all.jsonl"
    code, _, err = invoke("export", str(root), "-f", "jsonl", "-o", str(out), "-j", "2")
    assert code == EXIT_BUG
    assert err.splitlines()[0] == f"outline: {bad}: internal error: RuntimeError: boom"
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(written) - 1


def test_a_worker_that_dies_is_replaced_and_its_document_reported(
    small: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, written = small
    bad = sorted(written)[20]
    _break_reading(monkeypatch, bad, lambda: os._exit(9))
    out = tmp_path / "all.jsonl"
    code, _, err = invoke("export", str(root), "-f", "jsonl", "-o", str(out), "-j", "2")
    assert code == EXIT_BUG
    assert err.splitlines() == [
        f"outline: {bad}: a worker process died on it (out of memory?)",
        f"outline: 39 of 40 documents exported, {headless(written)} of them without headings,"
        " 1 failed",
    ]
    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sources == [s for s in sorted(written) if s != bad]


def _break_reading(monkeypatch: pytest.MonkeyPatch, bad: str, what: object) -> None:
    """Make reading one document fail as `what` does; workers are forked with the change."""
    from outline.cli import batch
    from outline.cli.inputs import read_source as original

    def read_source(source: str, options: ReadOptions) -> Loaded:
        if source == bad:
            what()  # type: ignore[operator]
        return original(source, options)

    monkeypatch.setattr(batch, "read_source", read_source)


def _raise(error: Exception) -> None:
    raise error


def test_docx_goes_to_a_pipe_but_not_to_a_terminal(
    small: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, written = small
    one = sorted(written)[0]
    code, stdout, _ = invoke("export", one, "-f", "docx")
    assert code == EXIT_OK
    assert docx_paragraphs(stdout)[0] == ("Title", parse(written[one]).title)
    monkeypatch.setattr("outline.cli.outputs.terminal", lambda stream: True)
    code, stdout, err = invoke("export", one, "-f", "docx")
    assert (code, stdout) == (EXIT_TROUBLE, b"")
    assert (
        err == f"outline: {one}: the output is binary: write it with -o FILE, or redirect stdout\n"
    )


def test_usage_errors(small: tuple[Path, dict[str, str]]) -> None:
    root, _ = small
    cases = [
        (["export"], "give the documents to export, or --files-from LIST"),
        (
            [str(root), "-f", "md", "--body"],
            "--body goes with --format txt, opml, html, docx, xmind or mm, not md",
        ),
        (
            [str(root), "-f", "jsonl", "--skip-existing"],
            "--skip-existing needs -o: it resumes writing files",
        ),
        ([str(root), "-f", "html"], "several inputs: give -o DIR for one output file per input"),
        (
            ["-", "--files-from", "-", "-f", "csv"],
            "standard input cannot hold both a document and the list of files",
        ),
    ]
    for args, message in cases:
        code, _, err = invoke(*(["export", *args] if args != ["export"] else args))
        assert (code, err) == (EXIT_TROUBLE, f"outline: {message}\n"), args
    assert invoke("export", str(root), "-j", "0")[0] == EXIT_TROUBLE


def test_the_progress_bar_counts_documents_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100, color_system=None)
    with progress(3, True, console) as advance:
        advance(2)
        advance(3)
    assert "exporting" in screen.getvalue()
    assert "3/3" in screen.getvalue()
    with progress(3, False) as advance:  # not a terminal: nothing at all
        advance(3)


def test_the_progress_bar_stays_off_stderr_that_is_not_a_terminal(
    small: tuple[Path, dict[str, str]],
) -> None:
    root, written = small
    err = invoke("export", str(root), "-f", "jsonl")[2]
    assert (
        err
        == f"outline: 40 of 40 documents exported, {headless(written)} of them without headings\n"
    )


def test_a_single_unreadable_input_is_one_line_without_summary(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, _, err = invoke("export", str(path), "-f", "csv")
    assert (code, err) == (EXIT_TROUBLE, f"outline: {path}: is empty\n")


def test_an_input_that_is_not_there_counts_as_failed(small: tuple[Path, dict[str, str]]) -> None:
    root, written = small
    code, _, err = invoke("export", str(root), "nowhere.txt", "-f", "jsonl")
    assert code == EXIT_TROUBLE
    assert err.splitlines() == [
        "outline: nowhere.txt: no such file or directory",
        f"outline: 40 of 41 documents exported, {headless(written)} of them without headings,"
        " 1 failed",
    ]


def test_an_output_never_overwrites_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("plan.txt").write_text("一、总体\n", encoding="utf-8")
    Path("other.txt").write_text("一、其他\n", encoding="utf-8")
    code, _, err = invoke("export", "plan.txt", "other.txt", "-f", "txt", "-o", ".")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: -o .: the output of plan.txt would overwrite it: choose another output\n",
    )
    assert Path("plan.txt").read_text(encoding="utf-8") == "一、总体\n"
    code, _, err = invoke("export", "plan.txt", "other.txt", "-f", "md", "-o", ".")
    assert code == EXIT_OK
    assert sorted(p.name for p in Path().glob("*.md")) == ["other.md", "plan.md"]
    code, _, err = invoke("export", "plan.txt", "other.txt", "-f", "csv", "-o", "plan.txt")
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: -o plan.txt would overwrite the input plan.txt: choose another output\n",
    )
    assert Path("plan.txt").read_text(encoding="utf-8") == "一、总体\n"
    code, stdout, _ = invoke("export", "plan.txt", "-f", "jsonl", "-o", "-")
    assert code == EXIT_OK
    assert json.loads(stdout)["source"] == "plan.txt"


PLAN = "一、总体\n（一）目标\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["in.txt", "-f", "jsonl", "-o", "./in.txt"],
            "-o ./in.txt would overwrite the input in.txt",
        ),
        (["in.txt", "-f", "md", "-o", "./in.txt"], "-o ./in.txt would overwrite the input in.txt"),
        (["in.txt", "-f", "md", "-o", "link.md"], "-o link.md would overwrite the input in.txt"),
        (
            ["in.txt", "other.txt", "-f", "csv", "-o", "hard.txt"],
            "-o hard.txt would overwrite the input in.txt",
        ),
        (["d", "-f", "csv", "-o", "d/in.txt"], "-o d/in.txt would overwrite the input d/in.txt"),
        (
            ["d", "-f", "jsonl", "-o", "d/../d/b.md"],
            "-o d/../d/b.md would overwrite the input d/b.md",
        ),
        (["d/*.md", "-f", "csv", "-o", "./d/b.md"], "-o ./d/b.md would overwrite the input d/b.md"),
        (
            ["d/b.txt", "d/b.md", "-f", "md", "-o", "d/"],
            "-o d/: the output of d/b.txt would overwrite the input d/b.md",
        ),
        (
            ["d", "-f", "md", "-o", "d"],
            "-o d: the output of d/b.md would overwrite it",
        ),
        (
            ["d/b.md", "-f", "md", "-o", "linked/"],
            "-o linked/: the output of d/b.md would overwrite it",
        ),
    ],
)
def test_an_output_that_is_an_input_under_another_name_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("in.txt", "other.txt", "d/in.txt", "d/b.txt", "d/b.md"):
        Path(name).parent.mkdir(exist_ok=True)
        Path(name).write_text(PLAN, encoding="utf-8")
    Path("link.md").symlink_to("in.txt")
    Path("linked").symlink_to("d")
    os.link("in.txt", "hard.txt")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, out, err = invoke("export", *args)
    assert (code, out, err) == (EXIT_TROUBLE, b"", f"outline: {message}: choose another output\n")
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_list_of_files_on_stdin_is_read_once_for_the_check_and_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt", "all.jsonl"):
        Path(name).write_text(PLAN, encoding="utf-8")
    code, _, err = invoke(
        "export", "--files-from", "-", "-f", "jsonl", "-o", "all.jsonl", stdin=b"a.txt\nb.txt\n"
    )
    assert (code, err) == (EXIT_OK, "outline: 2 of 2 documents exported\n")
    lines = Path("all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["a.txt", "b.txt"]
    code, _, err = invoke(
        "export", "--files-from", "-", "-f", "csv", "-o", "b.txt", stdin=b"a.txt\n./b.txt\n"
    )
    assert (code, err) == (
        EXIT_TROUBLE,
        "outline: -o b.txt would overwrite the input ./b.txt: choose another output\n",
    )
    assert Path("b.txt").read_text(encoding="utf-8") == PLAN


def test_outputs_beside_their_inputs_and_new_files_in_a_walked_directory_go_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    for name in ("d/a.txt", "d/b.txt"):
        Path(name).write_text(PLAN, encoding="utf-8")
    code, _, err = invoke("export", "d/a.txt", "d/b.txt", "-f", "md", "-o", "d/")
    assert code == EXIT_OK, err
    assert sorted(p.name for p in Path("d").iterdir()) == ["a.md", "a.txt", "b.md", "b.txt"]
    code, _, err = invoke("export", "d/a.txt", "-f", "json", "-o", "d/a.json")
    assert code == EXIT_OK, err
    Path("e").mkdir()
    Path("e/a.txt").write_text(PLAN, encoding="utf-8")
    code, _, err = invoke("export", "e", "-f", "csv", "-o", "e/all.txt")
    assert (code, err) == (EXIT_OK, "outline: 1 of 1 documents exported\n")
    assert [r[0] for r in from_csv(Path("e/all.txt").read_text(encoding="utf-8"))[1:]] == [
        "e/a.txt",
        "e/a.txt",
        "e/a.txt",
    ]


def test_an_output_written_again_keeps_its_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("plan.txt").write_text(PLAN, encoding="utf-8")
    Path("plan.md").write_text("older", encoding="utf-8")
    Path("plan.md").chmod(0o600)
    assert invoke("export", "plan.txt", "-o", "plan.md")[0] == EXIT_OK
    assert Path("plan.md").read_text(encoding="utf-8").startswith("# ")
    assert Path("plan.md").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in Path().iterdir()) == ["plan.md", "plan.txt"]
