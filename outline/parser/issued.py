"""Documents that follow one another in a file without an attachment's label: the document a
notice issues (关于印发《XX办法》的通知 …… then a line with 《XX办法》's title alone, and its
第一章), and the next text of a collection after the line that gives the source of the one
before (出处：江泽民文选第一卷) or at the next document's number (（岚政发〔2024〕8号）).
Numbering starts afresh there, as an attachment's does: the headings after it are no
children of the last heading before it.
"""

from __future__ import annotations

import re

from outline.parser.layout import SPACE, Layout
from outline.parser.regions import Attachment

ISSUES = re.compile(
    r"(?:印发|发布|公布|转发)[^《》\r\n]{0,6}《([^《》\r\n]{4,60})》"
    r"|《([^《》\r\n]{4,60})》[^《》。\r\n]{0,60}(?:印发|发布|公布)"
)
"""A notice or an order naming the document it issues: 印发《XX办法》, 现将《XX方案》印发给你们,
《XX办法》已经……通过，现予公布."""
DECORATION = SPACE + "*#"
TITLE_LINE = 70
"""A longer paragraph is no title line (a name of at most 60 characters, and decoration)."""
SOURCE = re.compile(rf"[{SPACE}]*出处[：:]")
"""A paragraph giving where the text before it comes from, as a collection ends each text (not
（摘自《……》）, which an excerpt quoted inside a section ends with too)."""
NUMBER_LINE = re.compile(
    rf"[{SPACE}]*[（(](?:[\u4e00-\u9fff]{{1,12}}[〔\[［【][0-9０-９]{{4}}[〕\]］】]"
    rf"[{SPACE}]*[0-9０-９]{{1,4}}[{SPACE}]*|第[0-9０-９一二三四五六七八九十百零〇]{{1,6}})号[）)]"
    rf"[{SPACE}]*"
)
"""A document's number in brackets on a line of its own (（岚政发〔2024〕8号）, an order's
（第12号））: the head of a document, as a gazette prints one after another under its title (a
bare number under a name in a list of repealed documents is no such head)."""


def issued(layout: Layout, attachments: list[Attachment]) -> list[Attachment]:
    """Where each document that a notice or an order issues begins, when its title stands
    alone on a line further on (not as the title of an attachment already found): as
    attachments without a label, which start the numbering afresh."""
    text = layout.text
    paragraphs = layout.paragraphs
    names: dict[str, int] = {}
    for index, para in enumerate(paragraphs):
        for m in ISSUES.finditer(text, para.start, para.end):
            names.setdefault(_plain(m.group(1) or m.group(2)), index)
    if not names:
        return []
    covered = [(a.start, a.end) for a in attachments]
    found: list[Attachment] = []
    for index, para in enumerate(paragraphs):
        if para.end - para.start > TITLE_LINE:
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


def collected(layout: Layout, attachments: list[Attachment]) -> list[Attachment]:
    """Where each text of a collection after the first begins: after a paragraph that gives
    the source of the text before it, or at the number of a document on a line of its own, as
    a gazette prints them; as attachments without a label."""
    text = layout.text
    paragraphs = layout.paragraphs
    covered = {a.paragraph for a in attachments}
    return [
        Attachment(index, "", para.start, "", para.end)
        for index, para in enumerate(paragraphs[:-1])
        if index not in covered
        and (
            SOURCE.match(text, para.start, para.end)
            or NUMBER_LINE.fullmatch(text, para.start, para.end)
        )
    ]


def _plain(name: str) -> str:
    """A document's name as compared: without spaces and emphasis. A line that quotes the
    name in 《》 cites the document; its title line does not."""
    return name.strip(DECORATION).replace(" ", "").replace("\u3000", "")
