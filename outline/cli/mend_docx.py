"""`check --fix`, `--diff` and `--write` on a .docx: typed markers mended in their runs, and
markers that Word's numbering writes reported with the list to change."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from outline.cli.inputs import Inputs, Loaded

if TYPE_CHECKING:
    from outline.docxedit.markers import Generated, Mending
    from outline.model import Document

STDIN = "-"


def mend_docx(
    loaded: Loaded, run: Inputs, flags: tuple[bool, bool], *, write: bool, diff: bool, lang: str
) -> tuple[Document, int] | None:
    """Mend one .docx as asked (`flags`: renumber, restyle): write it in place (`write`), show
    the change of its text (`diff`), or print the mended package. The document as mended and
    how many markers were; None when it could not be handled (reported)."""
    from outline.cli.rewrite import RewriteError, unified_diff, write_in_place
    from outline.docxedit import EditError, mend
    from outline.loading import load
    from outline.sources import SourceError

    to_stdout = not (write or diff)
    if to_stdout and sys.stdout.isatty():
        run.fail(loaded.source, "the mended .docx is binary: use --write, or redirect stdout")
        return None
    try:
        mending = mend(loaded.data, renumber=flags[0], restyle=flags[1])
        if write and mending.applied:
            write_in_place(Path(loaded.source), loaded.data, mending.data)
        mended = load(mending.data, loaded.source).doc if mending.applied else loaded.doc
    except (SourceError, EditError, RewriteError) as e:
        run.fail(loaded.source, str(e))
        return None
    _notes(loaded.source, mending, lang)
    if diff:
        # paragraphs are lines: each ends with one, the last too
        sys.stdout.write(unified_diff(mending.before + "\n", mending.after + "\n", loaded.source))
    elif to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(mending.data)
        sys.stdout.buffer.flush()
    return mended, len(mending.applied)


def _notes(source: str, mending: Mending, lang: str) -> None:
    """A line on stderr for each marker that was not rewritten, and why."""
    for generated in mending.generated:
        print(f"outline: {source}:{_generated(generated, lang)}", file=sys.stderr)
    text = mending.before
    for edit in mending.unplaced:
        line = text.count("\n", 0, edit.start) + 1
        column = edit.start - (text.rfind("\n", 0, edit.start) + 1) + 1
        marker = text[edit.start : edit.end]
        why = (
            f"{marker} 不全是段落中的文字（符号或域）：未改写"
            if lang == "zh"
            else f"{marker} is not all plain text of its paragraph (symbol, field): not rewritten"
        )
        print(f"outline: {source}:{line}:{column}: {why}", file=sys.stderr)


def _generated(g: Generated, lang: str) -> str:
    """Where a marker of Word's numbering is, and which list definition writes it."""
    where = f"{g.line}:{g.column}:"
    parts = [f"numId {g.num_id}"]
    if g.abstract is not None:
        parts.append(f"abstractNum {g.abstract}")
    if lang == "zh":
        lists = "，".join([*parts, f"第 {g.ilvl + 1} 级（ilvl {g.ilvl}）"])
        return (
            f"{where} {g.marker} 由 Word 自动编号生成（{lists}）：应为 {g.wanted}，"
            "请在 Word 中修改该列表；未改写"
        )
    lists = ", ".join([*parts, f"level {g.ilvl + 1} (ilvl {g.ilvl})"])
    return (
        f"{where} {g.marker} is Word's numbering ({lists}): it should read {g.wanted}; "
        "change that list in Word (not rewritten)"
    )
