"""Regions of a text that change what its markers mean: attachments (their numbering starts
afresh, under a node of their own), lists of attachments, the unnumbered unit titles of a law
(附则), and the addresses with which a speech returns to its main line. Tables of contents are
in `contents`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from outline.parser.contents import KEY_CHARS, NOT_WORD, first_marker
from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import (
    find_marker,
    marker_at,
)
from outline.parser.scan import Candidate

ATTACHMENT = re.compile(
    rf"[{SPACE}]*(?P<rule>(?:[-*_][{SPACE}]*){{3,}})$"  # a Markdown thematic break: ---
    rf"|(?:[{SPACE}#*>]|[-+](?=[{SPACE}]))*(?P<label>(?:附件|附表|附录)(?:[{SPACE}]*[0-9０-９一二三四五六七八九十]+)?"
    rf"|附(?=[：:]))"
    rf"(?P<sep>[{SPACE}]*[：:][{SPACE}]*|[{SPACE}]+|$|(?<=[0-9０-９一二三四五六七八九十]))"
    rf"[{SPACE}*]*(?P<title>$|[^{SENTENCE_STOPS}\r\n]{{1,60}}$)"
)
"""附件 / 附件2： / 附件：XX办法 / 附件1　包头市……指标 / 附： on a line of its own, or a Markdown
thematic break (---): what follows is another document, numbered afresh; not 附件须齐全。, a
sentence of the body."""
INLINE_ATTACHMENT = re.compile(
    rf"附件(?P<n>[0-9０-９一二三四五六七八九十]{{1,2}})?[{SPACE}：:]*"
    rf"(?=[^{SPACE}\r\n。，,、；;：:的所中为和及与或0-9０-９])"
)
BEFORE_ATTACHMENT = frozenset(SPACE + "\r\n。；！？;!?）)】日")
"""What may stand right before 附件 that opens an attachment inside a paragraph."""
"""附件1 (or 附件) inside a paragraph, where a line break was lost before it."""
TITLE_END = re.compile(rf"[{SPACE}]{{2,}}|[{SENTENCE_STOPS}\r\n]|附件")
"""Where the title of an attachment found inside a paragraph ends, at the latest."""
UNIT_TITLE = re.compile(rf"[附总分][{SPACE}]*则")
"""附则, 附　　则, 总则, 分则: the title of an unnumbered unit of a law."""
UNIT_TITLE_FIRST = "附总分"
"""What UNIT_TITLE begins with."""
UNIT_TITLE_END = re.compile("则")
"""What UNIT_TITLE ends with: one character, which re finds far faster than a set of three."""
ADDRESS = re.compile(
    rf"[{SPACE}]*(?:各位代表|各位委员|各位同志|同志们|同志们、朋友们|女士们、先生们)[！!]"
)
"""各位代表！ opening a paragraph: a speech returning to its main line."""
NAME_MAX = 40
"""A longer paragraph after a list of attachments is not one of its entries; a longer line
after 附件 alone is not the attachment's title."""
SENTENCE_STOP = re.compile(f"[{SENTENCE_STOPS}]")


class UnitTitle(NamedTuple):
    """An unnumbered unit of a law (附则) on a line of its own, or between two sentences."""

    paragraph: int
    """Index of its paragraph."""
    start: int
    """Offset where its paragraph begins."""
    opening: int
    """Offset of its first character."""
    title: str
    """The title, its letter spacing removed: 附则."""
    end: int
    """Offset where its paragraph ends."""


def unit_titles(layout: Layout, headings: list[Candidate]) -> list[UnitTitle]:
    """附则 (总则, 分则) alone on its line after a unit of a law and before an article — or,
    where line breaks were lost, between a sentence end and an article —: a unit of its own,
    without a number."""
    text = layout.text
    starts = [c.marker_start for c in headings]
    found: list[UnitTitle] = []
    for m in _unit_title_matches(text):
        index = layout.paragraph_at(m.start())
        para = layout.paragraphs[index]
        opening = layout.opening(para.start, para.end)
        if opening != m.start() or m.end() != para.end - _trailing(text, para.start, para.end):
            inline = _between_articles(text, m, starts, headings)
            if inline is not None:
                found.append(inline._replace(paragraph=index))
            continue
        if _before_article(headings, bisect_left(starts, para.end)):
            found.append(UnitTitle(index, para.start, opening, _unit_name(m), para.end))
    return found


def _between_articles(
    text: str, m: re.Match[str], starts: list[int], headings: list[Candidate]
) -> UnitTitle | None:
    """附则 inside a paragraph, where the line breaks around it were lost: right after a
    sentence end, right before an article, after a unit (……罚款。附则第八条　……)."""
    before = m.start()
    while before > 0 and text[before - 1] in SPACE:
        before -= 1
    if before and text[before - 1] not in SENTENCE_STOPS:
        return None
    after = m.end()
    while after < len(text) and text[after] in SPACE:
        after += 1
    k = bisect_left(starts, after)
    if k == len(headings) or starts[k] != after or not _before_article(headings, k):
        return None
    return UnitTitle(0, m.start(), m.start(), _unit_name(m), after)


def _before_article(headings: list[Candidate], k: int) -> bool:
    """Whether the heading at index `k` is an article that follows a unit: where a unit title
    without a number may stand before it."""
    return (
        0 < k < len(headings) and headings[k].kind.name == "article" and headings[k - 1].kind.unit
    )


def _unit_name(m: re.Match[str]) -> str:
    """A unit title as read, its letter spacing removed: 附　　则 → 附则."""
    return re.sub(f"[{SPACE}]", "", m.group())


def _unit_title_matches(text: str) -> Iterator[re.Match[str]]:
    """What UNIT_TITLE.finditer finds, found from each 则 back to the character before it."""
    for last in UNIT_TITLE_END.finditer(text):
        start = last.start()
        while start > 0 and text[start - 1] in SPACE:
            start -= 1
        if start > 0 and text[start - 1] in UNIT_TITLE_FIRST:
            m = UNIT_TITLE.match(text, start - 1)
            if m is not None:
                yield m


def _trailing(text: str, start: int, end: int) -> int:
    """How many spaces and stray Markdown end a paragraph."""
    n = 0
    while end - n > start and text[end - n - 1] in SPACE + "*#":
        n += 1
    return n


class Attachment(NamedTuple):
    """Where an attachment (or a second document) begins."""

    paragraph: int
    """Index of the paragraph that opens it."""
    label: str
    """附件1, 附件, 附表2 …: as written, without the colon; "" for a thematic break (---)."""
    start: int
    """Offset of the label's first character."""
    title: str
    """The attachment's title: after the label, or the line after a label alone."""
    end: int
    """Offset where its heading (label and title) ends."""


def attachments(layout: Layout) -> tuple[list[Attachment], dict[int, int]]:
    """The attachments of a text, in order — 附件2：XX办法, 附件 then a title line, ---, or
    附件1 and a title inside a paragraph of a text that lost its line breaks — and the lists
    of attachments in a notice (附件：1.XX办法 / 2.XX表), whose markers are not headings: the
    offset where each paragraph of such a list stops being one, by paragraph."""
    text = layout.text
    found: list[Attachment] = []
    listed: dict[int, int] = {}
    for index, para in enumerate(layout.paragraphs):
        m = ATTACHMENT.match(text, para.start, para.end)
        if m is None:
            continue
        if m.group("rule"):
            if not _underline(layout, para.line):
                found.append(Attachment(index, "", m.start("rule"), "", para.end))
            continue
        label = re.sub(f"[{SPACE}]", "", m.group("label"))
        title, end = m.group("title").strip(SPACE + "*"), para.end
        if marker_at(title):
            listed.update(dict.fromkeys(_listed(layout, index), len(text)))
            continue
        if not title and index + 1 < len(layout.paragraphs):
            if m.group("sep").strip(SPACE) and _entry(layout, index + 1):
                listed.update(dict.fromkeys(_listed(layout, index), len(text)))
                continue  # 附件： then 1.XX办法 on the next line
            title, end = _title_after(layout, index + 1) or ("", end)
        found.append(Attachment(index, label, m.start("label"), title, end))
    inside = list(_inside_paragraphs(layout, {a.start for a in found}))
    for a in inside:
        if a.paragraph in listed:  # the list ends where the attachment begins
            listed[a.paragraph] = min(listed[a.paragraph], a.start)
    found = sorted([*found, *inside], key=lambda a: a.start)
    return _without_listed(found), listed


def _inside_paragraphs(layout: Layout, known: set[int]) -> Iterator[Attachment]:
    """附件1 and its title where a line break was lost before them (……职责 附件1突发环境事件
    分级标准): after a space, a sentence end, a closing bracket or a date, and not a citation
    (见附件1, 附件1所列); 附件 without a number only when the first heading of a list follows
    its title (……。附件包头市……指标一、政务服务)."""
    text = layout.text
    listed_end = -1
    for m in INLINE_ATTACHMENT.finditer(text):
        index = layout.paragraph_at(m.start())
        para = layout.paragraphs[index]
        if m.start() in known or layout.opening(para.start, para.end) == m.start():
            continue
        if m.start() != listed_end and (
            not m.start() or text[m.start() - 1] not in BEFORE_ATTACHMENT
        ):
            continue
        limit = min(para.end, m.end() + NAME_MAX)
        title_end = limit
        stop = TITLE_END.search(text, m.end(), limit)
        if stop is not None:
            title_end = stop.start()
            if text.startswith("附件", title_end):
                listed_end = title_end  # 附件：XX办法 listed, then 附件 XX办法 itself
                continue
        marker = find_marker(text, m.end() + 1, title_end)
        if marker is not None:
            title_end = marker.start()
        elif not m.group("n"):
            continue
        title = text[m.end() : title_end].strip(SPACE)
        if title and (m.group("n") or first_marker(marker)):
            label = re.sub(f"[{SPACE}：:]", "", m.group())
            yield Attachment(index, label, m.start(), title, title_end)


def _underline(layout: Layout, line: int) -> bool:
    """Whether a line of dashes underlines the line of text right above it (a Markdown heading
    in the setext style), rather than standing apart as a thematic break."""
    return line > 0 and bool(layout.line_text(line - 1).strip(SPACE))


def _without_listed(found: list[Attachment]) -> list[Attachment]:
    """The attachments less the entries of a list of them in the notice (附件：XX办法), which
    the attachment itself follows under its own label (附件 / XX办法)."""
    seen: set[tuple[str, str]] = set()
    kept: list[Attachment] = []
    for a in reversed(found):
        key = _title_key(a)
        if not (a.label and key[1] and key in seen):
            kept.append(a)
        seen.add(key)
    return kept[::-1]


LABEL_DIGITS = str.maketrans("一二三四五六七八九１２３４５６７８９", "123456789123456789")
"""附件一 and 附件１ in a notice's list name the attachment labelled 附件1."""


def _title_key(a: Attachment) -> tuple[str, str]:
    """What tells an attachment from another: its label (附件1, 附件2: titles of one notice's
    attachments often begin alike) and the first characters of its title."""
    return a.label.translate(LABEL_DIGITS), NOT_WORD.sub("", a.title)[:KEY_CHARS]


def _title_after(layout: Layout, index: int) -> tuple[str, int] | None:
    """The title on the paragraph after 附件 alone: short, no sentence, no marker."""
    para = layout.paragraphs[index]
    content = layout.text[para.start : para.end].strip(SPACE + "*#")
    if not content or len(content) > NAME_MAX or SENTENCE_STOP.search(content):
        return None
    if marker_at(layout.text, layout.opening(para.start, para.end), para.end):
        return None
    return content, para.end


def _entry(layout: Layout, index: int) -> bool:
    """Whether a paragraph names an attachment in a list: a marker and a short name."""
    para = layout.paragraphs[index]
    name = layout.text[para.start : para.end]
    return (
        len(name.strip(SPACE)) <= NAME_MAX
        and SENTENCE_STOP.search(name) is None
        and marker_at(layout.text, layout.opening(para.start, para.end), para.end) is not None
    )


def _listed(layout: Layout, first: int) -> set[int]:
    """附件：1.XX办法 and the entries under it (2.XX表): names of attached documents, up to
    the first attachment itself (附件1 with its title)."""
    text = layout.text
    listed: set[int] = set()
    for index in range(first, len(layout.paragraphs)):
        para = layout.paragraphs[index]
        if index > first and not _entry(layout, index):
            break
        listed.add(index)
        if INLINE_ATTACHMENT.search(text, para.start, para.end):
            break
    return listed


def speech_resumptions(layout: Layout) -> list[int]:
    """Paragraphs where a speech returns to its main line (各位代表！)."""
    text = layout.text
    return [
        index
        for index, para in enumerate(layout.paragraphs)
        if ADDRESS.match(text, para.start, para.end)
    ]
