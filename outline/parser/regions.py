"""Regions of a text that change what its markers mean: a table of contents (its entries repeat
the headings), attachments (their numbering starts afresh), and the addresses with which a
speech returns to its main line."""

from __future__ import annotations

import re

from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import MARKER

LINE_END = r"(?=[\r\n]|\Z)"
TOC_TITLE = re.compile(rf"目[{SPACE}]*录[{SPACE}*]*{LINE_END}")
"""目录 ending a line; on a line of its own, a table of contents follows."""
TOC_LEADERS = (*(ch * 4 for ch in ".·-_…"), "……", "...", "。。。")
"""What leads from an entry of a table of contents to its page number."""
PAGE_NUMBER = re.compile(rf"[0-9０-９]{{1,4}}+[{SPACE}]*+(?=[\r\n]|\Z)")
"""Digits ending a line: after a leader, the page number of an entry of a table of contents
(一、总体要求……………3)."""
ATTACHMENT = re.compile(
    rf"[{SPACE}]*(?:[-*_][{SPACE}]*){{3,}}$"  # a Markdown thematic break: ---
    rf"|[{SPACE}#*>]*(?:(?:附件|附表|附录)(?:[{SPACE}]*[0-9０-９一二三四五六七八九十]+)?"
    rf"(?:[{SPACE}]*[：:]|[{SPACE}]+|$|(?<=[0-9０-９一二三四五六七八九十]))|附[：:])"
    rf"[{SPACE}*]*(?:$|(?=[^{SENTENCE_STOPS}]{{1,40}}$))"
)
"""附件 / 附件2： / 附件：XX办法 / 附： on a line of its own, or a Markdown thematic break (---):
what follows is another document, numbered afresh; not 附件须齐全。, a sentence of the body."""
ADDRESS = re.compile(
    rf"[{SPACE}]*(?:各位代表|各位委员|各位同志|同志们|同志们、朋友们|女士们、先生们)[！!]"
)
"""各位代表！ opening a paragraph: a speech returning to its main line."""
ATTACHMENT_NAME_MAX = 40
"""A longer paragraph after a list of attachments is not one of its entries."""
SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")
TOC_LINE_MAX = 60
"""A longer paragraph is body text: the table of contents has ended."""


def not_headings(layout: Layout) -> set[int]:
    """Paragraphs whose markers are not headings: the entries of a table of contents and of
    the list of attachments at the end of a notice."""
    return _table_of_contents(layout) | _attachment_lists(layout)


def _table_of_contents(layout: Layout) -> set[int]:
    """After 目录, up to where the body repeats the first entry; and any line with a leader and
    a page number."""
    text = layout.text
    excluded: set[int] = set()
    for m in PAGE_NUMBER.finditer(text):
        before = m.start()
        while before and text[before - 1] in SPACE:
            before -= 1
        if text.endswith(TOC_LEADERS, 0, before):
            excluded.add(layout.paragraph_at(m.start()))
    for m in TOC_TITLE.finditer(text):
        first = layout.paragraph_at(m.start())
        if _opening(layout, first) != m.start():
            continue
        excluded.add(first)
        entry = ""
        for index in range(first + 1, len(layout.paragraphs)):
            para = layout.paragraphs[index]
            content = text[para.start : para.end]
            key = _key(content)
            if not key:
                continue
            if (entry and key == entry) or len(content) > TOC_LINE_MAX or "。" in content:
                break  # the body begins: its first heading repeats the first entry
            entry = entry or key
            excluded.add(index)
    return excluded


def _attachment_lists(layout: Layout) -> set[int]:
    """附件：1.XX办法 and the entries under it (2.XX表): names of attached documents."""
    text = layout.text
    excluded: set[int] = set()
    for first in attachment_starts(layout):
        para = layout.paragraphs[first]
        header = ATTACHMENT.match(text, para.start, para.end)
        if header is None or not MARKER.match(text, header.end(), para.end):
            continue
        excluded.add(first)
        for index in range(first + 1, len(layout.paragraphs)):
            para = layout.paragraphs[index]
            name = text[para.start : para.end]
            if (
                len(name.strip(SPACE)) > ATTACHMENT_NAME_MAX
                or SENTENCE_STOP.search(name)
                or not MARKER.match(text, _opening(layout, index), para.end)
            ):
                break
            excluded.add(index)
    return excluded


def _opening(layout: Layout, index: int) -> int:
    """Where a paragraph's text begins, past its indentation and stray Markdown."""
    para = layout.paragraphs[index]
    return layout.opening(para.start, para.end)


def _key(s: str) -> str:
    return re.sub(r"[\s\W_]+", "", s)


def attachment_starts(layout: Layout) -> list[int]:
    """Paragraphs that begin an attachment: the numbering after them starts afresh."""
    return _paragraphs_matching(layout, ATTACHMENT)


def speech_resumptions(layout: Layout) -> list[int]:
    """Paragraphs where a speech returns to its main line (各位代表！)."""
    return _paragraphs_matching(layout, ADDRESS)


def _paragraphs_matching(layout: Layout, pattern: re.Pattern[str]) -> list[int]:
    text = layout.text
    return [
        index
        for index, para in enumerate(layout.paragraphs)
        if pattern.match(text, para.start, para.end)
    ]
