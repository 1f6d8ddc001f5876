"""Single-file pages (.mht, .mhtml): the page inside, decoded, read as a web page."""

from __future__ import annotations

import pytest

from outline.sources import ReadOptions, SourceError, read
from tests.support.packages import mht

PAGE = (
    "<html><head><meta charset='gb2312'></head><body><div class='nav'>一、首页</div>"
    "<div id='zoom'><p>一、总体要求</p><p>（一）指导思想</p></div></body></html>"
)


@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_the_page_is_decoded_in_the_charset_of_its_part(charset: str, encoding: str) -> None:
    got = read(mht(PAGE, charset, encoding), "saved.mht")
    assert (got.text, got.format) == ("一、总体要求\n（一）指导思想", "mht")
    assert got.encoding == ("gb18030" if charset == "gb2312" else "utf-8")


def test_a_saved_page_named_html_is_read_as_one_and_takes_a_selector() -> None:
    got = read(mht(PAGE), "page.html", ReadOptions(html_selector="div.nav"))
    assert (got.format, got.text) == ("mht", "一、首页")


def test_a_message_without_a_page_is_refused() -> None:
    data = b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxx"
    with pytest.raises(SourceError, match="without an HTML part"):
        read(data, "x.mht")
