"""Reading each format, next to parsing the same text; refusing a zip bomb."""

from __future__ import annotations

import sys
from collections.abc import Callable

from benchmarks.common import ROOT, ROUNDS, median_seconds


def bench_readers() -> None:
    """Reading each format, next to parsing the same text; refusing a zip bomb."""
    sys.path.insert(0, str(ROOT))
    import html
    import io
    import zipfile
    from importlib.util import find_spec

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
    if find_spec("pypdfium2") is not None:  # the pdf extra
        inputs.append(("PDF read + parse", lambda: parse(read(pdf, "x.pdf").text)))
    inputs.append(("refuse a 1 GiB zip bomb", refuse))
    read(docx.read_bytes(), "x.docx")  # import python-docx before timing
    print(f"\nreaders, {docx.stem} ({len(text)} characters), median of {ROUNDS}")
    rows = [(name, median_seconds(work, ROUNDS)) for name, work in inputs]
    base = rows[0][1]
    for name, seconds in rows:
        print(f"  {name:<28}{seconds * 1000:9.2f} ms {seconds / base:7.2f}× parse")
