"""Files as converters and sites make them — .docx from LibreOffice, pandoc, WPS-like and
hand-written packages (fields, text boxes, tracked changes, legal numbering); web pages from
TRS, table-layout, UEditor, WeChat, news, university and law-database publishing, and a saved
web archive (.mht) — each
with a skeleton written by hand from the file as Word or a browser shows it, not from this
reader's output. The skeleton is compared heading by heading, in order: level, marker as
displayed (spaces aside), title. An attachment's node is looked through: its headings count
from level 1, as the hand-written skeletons have them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from outline.loading import load
from outline.model import Node

FILES = Path(__file__).parent / "fixtures" / "files"
DOCUMENTS = sorted(p for p in FILES.iterdir() if p.suffix in (".docx", ".html", ".mht"))


def _flat(nodes: tuple[Node, ...], depth: int = 1) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for node in nodes:
        if node.kind == "attachment":
            out += _flat(node.children, depth)
            continue
        out.append((depth, re.sub(r"\s", "", node.marker), node.title))
        out += _flat(node.children, depth + 1)
    return out


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_a_file_has_its_hand_written_skeleton(path: Path) -> None:
    written = json.loads(path.with_suffix(".skeleton.json").read_text(encoding="utf-8"))
    expected = [
        (h["level"], re.sub(r"\s", "", h["marker"] or ""), h["title"]) for h in written["headings"]
    ]
    assert _flat(load(path.read_bytes(), path.name).doc.nodes) == expected
