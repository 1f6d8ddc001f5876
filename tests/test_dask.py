"""The Dask recipe on Dask's local schedulers: the same records as `outline export --format
jsonl`, the same rows as `--format csv` in Parquet, and the files that failed. Skipped when
dask is not installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from outline.cli.app import EXIT_TROUBLE, app
from outline.render.csv import COLUMNS
from tests.support.corpus import ROOT, SEEDS
from tests.support.docx_builder import Para, build
from tests.support.readback import from_csv

pytest.importorskip("dask")
dask_recipe = pytest.importorskip("outline.dask")

BROKEN = {
    "broken-empty.txt": (b"", "is empty"),
    "broken-binary.txt": (b"\x00\x01", "is a binary file, not text"),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds several times over, as GB18030 and UTF-8, with broken files among them."""
    root = tmp_path / "corpus"
    root.mkdir()
    for copy in range(4):
        for seed in SEEDS:
            codec = "gb18030" if copy % 2 else "utf-8"
            (root / f"{seed.stem}-{copy}.txt").write_bytes(
                seed.read_text(encoding="utf-8").encode(codec)
            )
    for name, (data, _) in BROKEN.items():
        (root / name).write_bytes(data)
    return root


def exported(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args, "-j", "1"])
    assert result.exit_code == EXIT_TROUBLE  # the broken files
    return result.stdout


def failures(root: Path) -> list[tuple[str, str]]:
    return sorted((str(root / name), message) for name, (_, message) in BROKEN.items())


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_jsonl_holds_what_the_cli_exports(corpus: Path, tmp_path: Path, scheduler: str) -> None:
    bag = dask_recipe.records(str(corpus / "*.txt"), partition_size=3)
    out = tmp_path / "out"
    failed = dask_recipe.to_jsonl(bag, str(out), scheduler=scheduler)
    assert sorted(failed) == failures(corpus)
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == -(-(len(SEEDS) * 4 + len(BROKEN)) // 3)
    found = [
        json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()
    ]
    expected = [json.loads(line) for line in exported(str(corpus), "-f", "jsonl").splitlines()]
    assert sorted(found, key=lambda r: r["source"]) == expected
    assert {r["encoding"] for r in found} == {"utf-8", "gb18030"}


def test_parquet_holds_the_rows_of_the_csv_export(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    bag = dask_recipe.records(sorted(str(p) for p in corpus.glob("*.txt")), partition_size=4)
    failed = dask_recipe.to_parquet(bag, str(tmp_path / "rows"), scheduler="synchronous")
    assert sorted(failed) == failures(corpus)
    table = pq.read_table(str(tmp_path / "rows"))
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("number").type) == "int64"
    rows = [[_cell(v) for v in row.values()] for row in table.to_pylist()]
    csv_rows = from_csv(exported(str(corpus), "-f", "csv"))
    assert sorted(rows) == sorted(csv_rows[1:])


def _cell(value: object) -> str:
    """A Parquet value as the CSV export writes it: null as an empty field."""
    return "" if value is None else str(value)


def test_record_is_a_pure_function_of_bytes() -> None:
    data = SEEDS[0].read_bytes()
    first = dask_recipe.record(data, "a.txt")
    assert first == dask_recipe.record(data, "a.txt")
    assert first["nodes"] and first["source"] == "a.txt"
    assert dask_recipe.record(b"\x00\x01", "b") == {
        "source": "b",
        "error": "is a binary file, not text",
    }
    json.dumps(first)  # plain JSON types only


def test_every_reader_reads_for_dask_as_for_the_cli(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "governance.docx").write_bytes(
        (ROOT / "seeds" / "measures-party-governance.docx").read_bytes()
    )
    (root / "styled.docx").write_bytes(
        build(
            [Para("方案"), Para("一、目标"), Para("二、任务"), Para("保障措施", style="Heading1")]
        )
    )
    (root / "page.xhtml").write_text(
        "<html><body><p>一、总体要求</p><p>（一）目标</p><p>二、主要任务</p></body></html>",
        encoding="utf-8",
    )
    (root / "plain.txt").write_bytes(SEEDS[0].read_bytes())
    paths = sorted(str(p) for p in root.iterdir())
    result = CliRunner().invoke(app, ["export", str(root), "-f", "jsonl", "-j", "1"])
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    found = [dask_recipe.record(Path(p).read_bytes(), p) for p in paths]
    assert found == expected
    assert [r["format"] for r in found] == ["docx", "html", "text", "docx"]
    assert any(n["kind"] == "styled" for n in found[3]["nodes"])
    bag = dask_recipe.records(paths, partition_size=2)
    assert dask_recipe.to_parquet(bag, str(tmp_path / "rows"), scheduler="synchronous") == []
    rows = [
        [_cell(v) for v in row.values()]
        for row in pq.read_table(str(tmp_path / "rows")).to_pylist()
    ]
    result = CliRunner().invoke(app, ["export", str(root), "-f", "csv", "-j", "1"])
    assert rows == from_csv(result.stdout)[1:]
