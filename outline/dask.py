"""A corpus beyond one machine: the skeletons of many files with Dask, to JSON Lines or Parquet.

Parsing is a pure function of a file's bytes to plain JSON types (`record`), so an engine that
maps a function over files runs it as it is; files are read as `outline export` reads them
(text, .docx, web pages, PDF with the pdf extra). This module is the recipe for Dask: a bag of
files (local paths, or any fsspec URL such as s3://…), mapped to records, written partition by
partition. Needs `pip install 'outline[dask]'` (dask, and pyarrow for Parquet)::

    from dask.distributed import Client        # or no client: the cores of this machine
    from outline.dask import records, to_jsonl, to_parquet

    client = Client("scheduler:8786")
    bag = records("s3://archive/speeches/**/*.txt")
    failed = to_jsonl(bag, "s3://archive/skeletons")   # part-00000.jsonl, part-00001.jsonl …
    failed = to_parquet(bag, "s3://archive/headings")  # one row per heading, as the CSV export
    for source, message in failed:
        print(source, message)

A JSON Lines record has the shape of `outline export --format jsonl`; a Parquet row has the
columns of `--format csv` (`outline.render.csv.COLUMNS`), typed. Files that cannot be read
are left out of both and returned as (source, message) pairs. Each partition reads, parses and
writes its own files, so the memory of a worker holds one partition whatever the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from outline.render.csv import COLUMNS, record_rows

if TYPE_CHECKING:
    import dask.bag
    from fsspec.core import OpenFile

Record = dict[str, Any]
PARTITION_SIZE = 256
"""Files in one partition of the bag: the unit a worker reads, parses and writes at a time."""
ERROR = "error"
"""The key of a record for a file that could not be read."""


def record(data: bytes, source: str, encoding: str | None = None) -> Record:
    """One document's skeleton as plain JSON types, as `outline export --format json` gives it;
    {"source": source, "error": message} for bytes that are not a document. The reader is the
    one `outline` picks: text, .docx, web page or PDF, by the bytes or the name's suffix.

    >>> record("一、总体\\n".encode("gb18030"), "a.txt")["nodes"][0]["title"]
    '总体'
    >>> record(b"", "b.txt")
    {'source': 'b.txt', 'error': 'is empty'}
    """
    from outline.loading import load
    from outline.render.json import Reader, document_dict
    from outline.sources import ReadOptions, SourceError

    try:
        loaded = load(data, source, ReadOptions(encoding=encoding))
    except SourceError as e:
        return {"source": source, ERROR: str(e)}
    reader = Reader(loaded.format, loaded.line_unit, loaded.pages)
    return document_dict(loaded.doc, source, loaded.encoding, reader=reader)


def records(
    urlpath: str | list[str], encoding: str | None = None, partition_size: int = PARTITION_SIZE
) -> dask.bag.Bag:
    """A bag of the records of the files a path, pattern, URL or list of them names."""
    import dask.bag
    import fsspec

    files = fsspec.open_files(urlpath, "rb")
    bag = dask.bag.from_sequence(files, partition_size=partition_size)
    mapped: dask.bag.Bag = bag.map(_read, encoding=encoding)
    return mapped


def _read(file: OpenFile, encoding: str | None) -> Record:
    protocol = file.fs.protocol
    local = "file" in (protocol if isinstance(protocol, tuple) else (protocol,))
    source = file.path if local else file.full_name
    try:
        with file as stream:
            data = stream.read()
    except OSError as e:
        return {"source": source, ERROR: e.strerror or str(e)}
    return record(data, source, encoding)


def to_jsonl(
    bag: dask.bag.Bag, directory: str, scheduler: str | None = None
) -> list[tuple[str, str]]:
    """Write the records, one JSON Lines file per partition; the files that failed."""
    return _write(bag, directory, ".jsonl", _write_jsonl, scheduler)


def to_parquet(
    bag: dask.bag.Bag, directory: str, scheduler: str | None = None
) -> list[tuple[str, str]]:
    """Write the rows of the records, one Parquet file per partition; the files that failed."""
    return _write(bag, directory, ".parquet", _write_parquet, scheduler)


Writer = Callable[[Iterable[Record], str], list[tuple[str, str]]]


def _write(
    bag: dask.bag.Bag, directory: str, suffix: str, writer: Writer, scheduler: str | None
) -> list[tuple[str, str]]:
    import fsspec
    from dask.base import compute
    from dask.delayed import delayed

    fs, root = fsspec.core.url_to_fs(directory)
    fs.makedirs(root, exist_ok=True)
    parts = [
        delayed(writer)(part, f"{directory.rstrip('/')}/part-{i:05d}{suffix}")
        for i, part in enumerate(bag.to_delayed())
    ]
    done = compute(*parts, scheduler=scheduler)
    return [failure for failures in done for failure in failures]


def _write_jsonl(part: Iterable[Record], path: str) -> list[tuple[str, str]]:
    import json

    import fsspec

    failed = []
    with fsspec.open(path, "wb") as out:
        for found in part:
            if ERROR in found:
                failed.append((found["source"], found[ERROR]))
            else:
                out.write(json.dumps(found, ensure_ascii=False).encode("utf-8") + b"\n")
    return failed


def _write_parquet(part: Iterable[Record], path: str) -> list[tuple[str, str]]:
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    failed: list[tuple[str, str]] = []
    rows: list[Record] = []
    for found in part:
        if ERROR in found:
            failed.append((found["source"], found[ERROR]))
        else:
            rows.extend(dict(zip(COLUMNS, row, strict=True)) for row in record_rows(found))
    text, count = pa.string(), pa.int64()
    types = {
        "source": text,
        "path": text,
        "level": pa.int32(),
        "kind": text,
        "marker": text,
        "number": count,
        "title": text,
        "line": count,
        "length": count,
        "section_length": count,
    }
    schema = pa.schema([(name, types[name]) for name in COLUMNS])
    with fsspec.open(path, "wb") as out:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
    return failed
