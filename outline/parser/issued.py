"""The document that a notice issues, following it in the same file without an attachment's
label: 关于印发《XX办法》的通知 …… then a line 《XX办法》's title alone, and its 第一章. Its
numbering starts afresh there, as an attachment's does: its headings are no children of the
notice's last point.
"""

from __future__ import annotations

import re

from outline.parser.layout import SPACE, Layout
from outline.parser.regions import Attachment

ISSUES = re.compile(r"(?:印发|发布|公布|转发)[^《》\r\n]{0,6}《([^《》\r\n]{4,60})》")
"""A notice naming the document it issues: 印发《XX办法》, 现将《XX方案》印发给你们 is
found by the title of the notice, which every such notice has."""
FRONT = 8
"""Paragraphs at the start of a text that may hold the notice's title."""
DECORATION = SPACE + "*#《》"


def issued(layout: Layout, attachments: list[Attachment]) -> list[Attachment]:
    """Where each document that the notice at the start of a text issues begins, when its
    title stands alone on a line further on (not as the title of an attachment already
    found): as attachments without a label, which start the numbering afresh."""
    text = layout.text
    paragraphs = layout.paragraphs
    names: dict[str, int] = {}
    for index, para in enumerate(paragraphs[:FRONT]):
        for m in ISSUES.finditer(text, para.start, para.end):
            names.setdefault(_plain(m.group(1)), index)
    if not names:
        return []
    covered = [(a.start, a.end) for a in attachments]
    found: list[Attachment] = []
    for index, para in enumerate(paragraphs):
        if para.end - para.start > 70:
            continue
        name = _plain(text[para.start : para.end])
        after = names.get(name)
        if after is None or index <= after or any(s <= para.start < e for s, e in covered):
            continue
        found.append(Attachment(index, "", para.start, name, para.end))
        del names[name]
        if not names:
            break
    return found


def _plain(name: str) -> str:
    """A document's name as compared: without spaces, emphasis and title marks."""
    return name.strip(DECORATION).replace(" ", "").replace("\u3000", "")
