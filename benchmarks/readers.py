"""Reading each format, next to parsing the same text; refusing a zip bomb."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from benchmarks.common import ROOT, ROUNDS, median_seconds


def bench_readers() -> None:
    """Reading each format, next to parsing the same text; refusing a zip bomb."""
    sys.path.insert(0, str(ROOT))
    import html
    import io
    import zipfile

    from outline import parse
    from outline.sources import SourceError, read
    from tests.support.pdf_builder import build, typeset

    docx = ROOT / "seeds" / "measures-party-governance.docx"
    text = docx.with_suffix(".txt").read_text(encoding="utf-8")
    page = (
        "<html><body><div id='zoom'>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
        + "</div></body></html>"
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", bytes(1024 * 2**20))

    def refuse() -> None:
        try:
            read(bomb.getvalue(), "bomb.docx")
        except SourceError:
            return

    inputs: list[tuple[str, Callable[[], object]]] = [
        ("baseline: parse the text", lambda: parse(text)),
        ("text (GBK) read + parse", lambda: parse(read(text.encode("gb18030")).text)),
        (".docx read + parse", lambda: parse(read(docx.read_bytes(), "x.docx").text)),
        ("web page read + parse", lambda: parse(read(page.encode(), "x.html").text)),
    ]
    pdf = build(typeset(text))
    inputs.append(("PDF read + parse", lambda: parse(read(pdf, "x.pdf").text)))
    inputs.append(("refuse a 1 GiB zip bomb", refuse))
    read(docx.read_bytes(), "x.docx")  # import python-docx before timing
    print(f"\nreaders, {docx.stem} ({len(text)} characters), median of {ROUNDS}")
    rows = [(name, median_seconds(work, ROUNDS)) for name, work in inputs]
    base = rows[0][1]
    for name, seconds in rows:
        print(f"  {name:<28}{seconds * 1000:9.2f} ms {seconds / base:7.2f}× parse")
    bench_tag_soup()


def bench_tag_soup() -> None:
    """A page of nothing but unclosed '<a ' against an ordinary page of the same size, at two
    sizes four times apart: reading must stay linear, so the ratio must not grow."""
    from outline.sources import SourceError, read

    def page(size: int) -> bytes:
        body = "".join(f"<p>{i}、正文段落的内容。</p>" for i in range(size // 30))
        return f"<html><body><div id='zoom'>{body}</div></body></html>".encode()[:size]

    def soup(size: int) -> bytes:
        return b"<a " * (size // 3)

    def timed(data: bytes) -> float:
        def work() -> None:
            with contextlib.suppress(SourceError):
                read(data, "x.html")

        return median_seconds(work, ROUNDS)

    print("\nweb page of 10,000 '<a ' (30 KB) and of 40,000, each against an ordinary page")
    ratios = []
    for size in (30_000, 120_000):
        soup_s, page_s = timed(soup(size)), timed(page(size))
        ratios.append(soup_s / page_s)
        print(
            f"  {size // 1000:>4} KB  soup {soup_s * 1000:8.2f} ms  page {page_s * 1000:8.2f} ms"
            f"  ratio {ratios[-1]:6.2f}"
        )
    verdict = "linear" if ratios[1] <= 1.5 * ratios[0] else "GROWS: not linear"
    print(f"  ratio at 4× the size: {ratios[1] / ratios[0]:.2f}× the ratio at 1× ({verdict})")
