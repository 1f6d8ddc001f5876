"""Regions of a text that change what its markers mean: a table of contents (its entries repeat
the headings), attachments (their numbering starts afresh), and the addresses with which a
speech returns to its main line."""

from __future__ import annotations

import re

from outline.layout import PREFIX, SPACE, Layout

LINE_END = r"(?=[\r\n]|\Z)"
TOC_TITLE = re.compile(rf"目[{SPACE}]*录[{SPACE}*]*{LINE_END}")
"""目录 ending a line; on a line of its own, a table of contents follows."""
TOC_LEADERS = (*(ch * 4 for ch in ".·-_…"), "……", "...", "。。。")
"""What leads from an entry of a table of contents to its page number."""
PAGE_NUMBER = re.compile(rf"[0-9０-９]{{1,4}}+[{SPACE}]*+(?=[\r\n]|\Z)")
"""Digits ending a line: after a leader, the page number of an entry of a table of contents
(一、总体要求……………3)."""
ATTACHMENT = re.compile(
    rf"[{SPACE}#*>]*(?:(?:附件|附表|附录)[{SPACE}]*[0-9０-９一二三四五六七八九十]*[{SPACE}]*[：:]?"
    rf"|附[：:])[{SPACE}*]*(?:$|(?=\S.{{0,40}}$))"
)
"""附件 / 附件2： / 附： — what follows is another document; its numbering starts afresh."""
ADDRESS = re.compile(
    rf"[{SPACE}]*(?:各位代表|各位委员|各位同志|同志们|同志们、朋友们|女士们、先生们)[！!]"
)
"""各位代表！ opening a paragraph: a speech returning to its main line."""
TOC_LINE_MAX = 60
"""A longer paragraph is body text: the table of contents has ended."""


def table_of_contents(layout: Layout) -> set[int]:
    """The paragraphs of a table of contents, where markers are not headings: after 目录 up to
    where the body repeats the first entry, and any line with a leader and a page number."""
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
        if PREFIX.match(text, layout.paragraphs[first].start).end() != m.start():  # type: ignore[union-attr]
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
