"""PDF: the text layer in reading order, hard-wrapped lines re-joined into paragraphs.

pypdfium2 (the bindings to the PDF engine of Chromium) gives the lines of each page and the box
of every character, so a line is known to be full when it reaches the right edge of the page's
text block (or stops a character short where punctuation pulled the last character down), and
indented when it starts right of its left edge; `unwrap.join` makes paragraphs of them. The
spaces layout puts between Chinese characters and digits are removed (`unwrap.tighten`). A page
number at the head or foot of a page is left out; running heads and footnotes are set aside
after the paragraph they interrupt (`pdf_margins`), their lines named in `asides`. A PDF
without a text layer (a scan) is refused with advice.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from typing import Any

from outline.sources.caps import CAPS
from outline.sources.model import SourceError, SourceText
from outline.sources.pdf_margins import set_aside
from outline.sources.unwrap import PAGE_NUMBER, Line, join, pulled, tighten, unwrap_text

EDGE = 1.5
"""Within this many characters' widths of the block's right edge, a line is full; this far
right of the left edge, it is indented."""
MIN_BLOCK_LINES = 2
"""Lines enough, besides one spread over the width of the page, to tell its text block."""
INDENT_MAX = 4
"""A line that starts further right than this many characters is set apart (a signature
pushed to the right edge), never the line of a paragraph that wraps."""
CONTROL = str.maketrans(
    {c: None for c in map(chr, range(32)) if c not in "\t\n\r"} | {"\ufffe": None}
)
INSTALL = (
    "reading PDF needs pypdfium2, which is not installed: run `make demo` again in a clone of "
    "outline, or `pip install pypdfium2` in the environment outline is installed in"
)


def read(data: bytes) -> SourceText:
    """A PDF's text layer as paragraphs, one a line; `pages` says where each page begins."""
    try:
        import pypdfium2  # optional, and costly to import
    except ImportError:
        raise SourceError(INSTALL) from None
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        reason = "an encrypted PDF" if "password" in str(e).lower() else "a damaged PDF"
        raise SourceError(f"is {reason}") from None
    try:
        if len(document) > CAPS.pages:
            raise SourceError(f"is a PDF of more than {CAPS.pages} pages: refused")
        pages = []
        chars = 0
        for index in range(len(document)):
            pages.append(_without_folio(list(_page_lines(document[index]))))
            chars += sum(len(line.text) for line in pages[-1])
            if chars > CAPS.text_chars:
                raise SourceError(f"is a PDF of more than {CAPS.text_chars} characters: refused")
    finally:
        document.close()
    lines, aside = set_aside(pages)
    if not any(line.text.strip() for line in lines):
        raise SourceError(
            "is a PDF without a text layer (a scan?): run OCR on it first, e.g. ocrmypdf"
        )
    paragraphs, where = join(lines)
    firsts, count = [], 0
    for page in pages:  # a page without text begins where the next text will
        firsts.append(where[count] if count < len(where) else len(paragraphs))
        count += len(page)
    return SourceText(
        text="\n".join(paragraphs),
        format="pdf",
        encoding=None,
        line_unit="paragraph",
        pages=tuple(firsts),
        asides=tuple(sorted({where[i] for i in aside})),
    )


def _without_folio(lines: list[Line]) -> list[Line]:
    """A page's lines without the page number at its head or foot (- 3 -, 第3页)."""
    while lines and PAGE_NUMBER.fullmatch(lines[-1].text):
        lines.pop()
    while lines and PAGE_NUMBER.fullmatch(lines[0].text):
        lines.pop(0)
    return lines


def _page_lines(page: Any) -> Iterator[Line]:
    """The lines of a page, each marked full or indented by where it stands."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range().translate(CONTROL) if count else ""
        if not text.strip():
            return
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if len(text) != count:  # no character boxes to go by: judge by widths
            unwrapped, _ = unwrap_text("\n".join(raw))
            yield from (Line(tighten(t), full=False) for t in unwrapped.split("\n"))
            return
        yield from _placed(raw, text, [textpage.get_charbox(i) for i in range(count)])
    finally:
        textpage.close()


def _block(placed: list[tuple[str, float, float]]) -> tuple[float, float]:
    """The left and right edges of a page's text block: where its lines start and end at the
    furthest, less a line that does both (a title spread over the whole width of the page),
    when other lines are there to set them."""
    starts = [x for _, x, _ in placed]
    ends = [x for _, _, x in placed]
    left, right = min(starts), max(ends)
    spread = [i for i, (_, x, y) in enumerate(placed) if x == left and y == right]
    if len(spread) == 1 and len(placed) > MIN_BLOCK_LINES:
        kept = [i for i in range(len(placed)) if i != spread[0]]
        inner = min(starts[i] for i in kept), max(ends[i] for i in kept)
        if inner[0] > left and inner[1] < right:
            return inner
    return left, right


def _placed(raw: list[str], text: str, boxes: list[tuple[float, ...]]) -> Iterator[Line]:
    spans = []
    offset = 0
    for line in raw:
        inked = [offset + i for i, c in enumerate(line) if not c.isspace()]
        spans.append((line, inked))
        offset += len(line)
        while offset < len(text) and text[offset] in "\r\n":
            offset += 1
    widths = [boxes[i][2] - boxes[i][0] for _, inked in spans for i in inked]
    char = statistics.median(w for w in widths if w > 0) if any(w > 0 for w in widths) else 0
    placed = [(line, boxes[inked[0]][0], boxes[inked[-1]][2]) for line, inked in spans if inked]
    if not placed:
        return
    left, right = _block(placed)
    sizes = [
        statistics.median(boxes[i][3] - boxes[i][1] for i in inked) for _, inked in spans if inked
    ]
    for index, (line, start, end) in enumerate(placed):
        after = placed[index + 1][0] if index + 1 < len(placed) else ""
        slack = EDGE * char + (char if pulled(after) else 0)
        yield Line(
            tighten(line.strip()),
            full=char > 0 and end >= right - slack and start <= left + INDENT_MAX * char,
            indented=char > 0 and start >= left + EDGE * char,
            size=sizes[index],
        )
