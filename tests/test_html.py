"""Web pages: a saved page of a speech gives the skeleton of its clean text, site noise and all."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest

from outline import parse
from outline.sources import ReadOptions, SourceError, read
from tests.support.corpus import SEEDS, shape

NOISE_MENU = "<ul><li>一、机构概况</li><li>二、政务公开</li><li>三、办事服务</li></ul>"
"""Navigation that would pass for headings if it were read."""
SCRIPT = "<script>var items = ['一、假标题', '二、假标题'];</script><style>p { margin: 0 }</style>"


def paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())


def trs_page(title: str, body: str) -> str:
    """A government portal page (TRS publishing system), title outside the content box."""
    return f"""<!DOCTYPE html><html><head><meta charset="gb2312"><title>{title}_市人民政府</title>
{SCRIPT}</head><body><div class="header"><h1 class="logo">某某市人民政府</h1>
<div class="nav">{NOISE_MENU}</div></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 领导讲话</div>
<div class="article"><h1>{title}</h1><div class="info">发布时间：2026-02-23 来源：办公室
【字体：大 中 小】</div><div class="TRS_Editor">{body}</div>
<div class="bdsharebuttonbox">分享到：1. 微信 2. 微博</div></div>
<div id="footer">一、版权所有 二、网站地图 主办：某某市人民政府办公室</div></body></html>"""


def html5_page(title: str, body: str) -> str:
    """A page with HTML5 landmarks: header, nav, main/article, aside, footer."""
    return f"""<!doctype html><html lang="zh"><head><meta charset="utf-8">{SCRIPT}</head>
<body><header><nav>{NOISE_MENU}</nav></header><main><article><header><h1>{title}</h1></header>
{body}<footer>（责任编辑：张三）</footer></article></main><aside>{NOISE_MENU}</aside>
<footer>1. 关于我们 2. 联系我们</footer></body></html>"""


def wechat_page(title: str, body: str) -> str:
    """A WeChat article, its text hidden until a script shows it."""
    return f"""<html><head><meta charset="utf-8"></head><body><h1 class="rich_media_title">
{title}</h1><div class="rich_media_content" id="js_content" style="visibility: hidden;">
<section>{body}</section></div><div class="share">1. 分享 2. 收藏</div></body></html>"""


def table_page(title: str, body: str) -> str:
    """An old page laid out with a table and no known content container."""
    return f"""<html><body><table><tr><td class="left-menu">{NOISE_MENU}</td>
<td><h2>{title}</h2>{body}</td></tr></table><div style="display:none">一、隐藏</div>
</body></html>"""


PAGES: dict[str, tuple[Callable[[str, str], str], str]] = {
    "trs-gbk": (trs_page, "gb18030"),
    "html5": (html5_page, "utf-8"),
    "wechat": (wechat_page, "utf-8"),
    "table": (table_page, "utf-8"),
}


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_a_saved_page_has_the_skeleton_of_its_text(seed: Path, page: str) -> None:
    text = seed.read_text(encoding="utf-8")
    title, _, rest = text.partition("\n")
    make, encoding = PAGES[page]
    data = make(html.escape(title), paragraphs(rest)).encode(encoding)
    got = read(data, seed.stem + ".html")
    assert (got.format, got.line_unit) == ("html", "block")
    assert got.encoding == encoding  # gb2312 as declared, read as its superset GB18030
    assert shape(parse(got.text)) == shape(parse(text))
    for noise in ("机构概况", "假标题", "版权所有", "分享", "隐藏", "关于我们"):
        assert noise not in got.text
    assert got.text.splitlines()[0].strip() == title.strip()


def test_a_selector_reads_only_what_it_picks() -> None:
    page = b"""<html><body><div id="a"><p>one</p></div><div class="text x"><p>two</p>
    <div class="text"><p>three</p></div></div><p>four</p></body></html>"""
    assert read(page, "p.html", ReadOptions(html_selector="#a")).text == "one"
    assert read(page, "p.html", ReadOptions(html_selector="div.text")).text == "two\nthree"
    assert read(page, "p.html", ReadOptions(html_selector=".x p")).text == "two\nthree"
    assert read(page, "p.html", ReadOptions(html_selector="p")).text == "one\ntwo\nthree\nfour"
    with pytest.raises(SourceError, match="no element that --html-selector '#b' matches"):
        read(page, "p.html", ReadOptions(html_selector="#b"))
    assert read(page, "p.html", ReadOptions(html_selector="div > p")).text == "one\ntwo\nthree"
    with pytest.raises(SourceError, match="cannot read 'a>>b' as a CSS selector"):
        read(page, "p.html", ReadOptions(html_selector="a>>b"))


def test_blocks_become_lines_and_inline_elements_do_not() -> None:
    page = (
        "<html><body><p>一、<b>总体</b>要求</p><div>（一）指导<br>思想</div>"
        "<ul><li>1.甲</li><li>2.乙</li></ul><p>&nbsp;&nbsp;正文&amp;数据</p><p>a\n   b</p>"
        "<pre>  保留\n  空白</pre></body></html>"
    )
    got = read(page.encode(), "p.html").text
    assert got == "一、总体要求\n（一）指导\n思想\n1.甲\n2.乙\n\xa0\xa0正文&数据\na b\n保留\n空白"


def test_charsets_declared_wrongly_or_not_at_all_are_detected() -> None:
    body = "<html><body><p>一、总体要求</p></body></html>"
    wrong = body.replace("<body>", '<head><meta charset="utf-8"></head><body>').encode("gbk")
    assert read(wrong, "p.html").text == "一、总体要求"
    assert read(body.encode("gbk"), "p.html").encoding == "gb18030"
    assert read(body.encode("utf-16"), "p.html").text == "一、总体要求"


def test_a_western_declaration_on_a_chinese_page_is_not_believed() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>一、总体要求</p></body></html>'
    got = read(page.encode("gbk"), "p.html")
    assert (got.text, got.encoding) == ("一、总体要求", "gb18030")


def test_deeply_nested_unclosed_tags_are_read() -> None:
    page = "<html><body>" + "<font>" * 5000 + "<p>一、总体要求</p><p>二、主要任务</p></body></html>"
    assert read(page.encode(), "p.html").text == "一、总体要求\n二、主要任务"


def test_pages_are_recognised_without_a_suffix() -> None:
    got = read(b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "-")
    assert got.format == "html"


@pytest.mark.parametrize(
    "page",
    [
        b"<html><head><title>t</title><script>var a = 1;</script></head><body></body></html>",
        b"<html><body><nav>menu</nav><div>   </div></body></html>",
    ],
)
def test_a_page_without_text_is_refused(page: bytes) -> None:
    with pytest.raises(SourceError, match="is a web page with no text"):
        read(page, "empty.html")


def test_a_selector_keeps_outermost_matches_in_order() -> None:
    page = (
        b"<html><body><div class='a'><div class='a'>x</div></div><p class='a'>y</p>"
        b"<div><div><p>1</p><p>2</p></div><section><div><p>3</p></div></section></div>"
        b"</body></html>"
    )

    def picked(selector: str) -> str:
        return read(page, "p.html", ReadOptions(html_selector=selector)).text

    assert picked(".a") == "x\ny"
    assert picked("div p") == "1\n2\n3"
    assert picked("div > div > p") == "1\n2"
    assert picked("section div") == "3"
    assert picked("p:not(.a)") == "1\n2\n3"
    assert picked("div:has(> p), section") == "1\n2\n3"  # the section is inside the div


def test_a_page_with_a_bad_byte_is_read_and_says_so() -> None:
    body = "".join(f"<p>{i}、正文段落的内容。</p>" for i in range(1, 100))
    page = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()
    cut = page.index("<p>2、".encode())
    got = read(page[:cut] + b"\xff" + page[cut:], "p.html")
    assert got.encoding == "utf-8, 1 byte replaced"
    assert got.text.split("\n")[:3] == ["1、正文段落的内容。", "\ufffd", "2、正文段落的内容。"]


def test_page_chrome_is_dropped_by_role_and_by_whole_class_words() -> None:
    page = """<html><body>
    <div role="banner">一、首页</div><div role="navigation">二、导航</div>
    <div class="headline"><p>一、总体要求</p></div>
    <div class="article-body"><p>二、主要任务</p></div>
    <div class="footer">一、网站声明 二、联系我们</div><div id="footer">三、网站地图</div>
    <div class="pageFooter">四、版权</div><div class="site-copyright">五、主办</div>
    <div class="breadcrumb-wrap">六、位置</div><div class="related_links">七、相关</div>
    <div role="contentinfo">八、备案</div></body></html>"""
    got = read(page.encode(), "p.html").text
    assert got == "一、总体要求\n二、主要任务"


def test_markers_split_across_inline_tags_stay_whole() -> None:
    """Word's "save as web page" wraps its lines inside tags and text."""
    page = (
        "<html><body><div class=WordSection1><p class=MsoNormal><span lang=EN-US>一、<SPAN\n"
        "lang=EN-US>2009</SPAN>年工作回顾</span></p><p class=MsoNormal>（<span>一</span>）\n"
        "主要<b>成绩</b></p><p>we\nare <i>here</i></p></div></body></html>"
    )
    assert read(page.encode(), "p.html").text == "一、2009年工作回顾\n（一）主要成绩\nwe are here"


def test_a_utf8_page_declaring_utf16_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="utf-16"></head><body><p>一、总体要求</p></body></html>'
    got = read(page.encode("utf-8"), "p.html")
    assert (got.text, got.encoding) == ("一、总体要求", "utf-8")


def test_a_page_of_unclosed_tags_is_read_in_linear_time_and_gives_no_text() -> None:
    with pytest.raises(SourceError, match="no text"):
        read(b"<a " * 10_000, "p.html")


def _lines(body: str) -> list[str]:
    page = f"<html><body><div class='TRS_Editor'>{body}</div></body></html>"
    return read(page.encode(), "p.html").text.split("\n")


def test_ordered_lists_are_numbered_as_a_browser_shows_them() -> None:
    body = (
        "<ol style='list-style-type: cjk-ideographic'><li><p><b>总体要求</b></p>"
        "<ol><li><p>指导思想。</p></li><li>基本原则。</li></ol>"
        "<p>正文。</p><ol start='3'><li>工作目标。</li><li value='7'>完成时限。</li></ol></li>"
        "<li>主要任务</li></ol>"
        "<ol type='A' reversed><li>甲</li><li>乙</li></ol>"
        "<ol style='list-style: none'><li>不编号</li></ol>"
        "<ol><li>一、已有编号</li></ol>"
    )
    assert _lines(body) == [
        "一、总体要求",
        "1. 指导思想。",
        "2. 基本原则。",
        "正文。",
        "3. 工作目标。",
        "7. 完成时限。",
        "二、主要任务",
        "B. 甲",
        "A. 乙",
        "不编号",
        "一、已有编号",
    ]
    doc = parse("\n".join(_lines(body)[:7]))
    assert [(v.level, v.node.marker) for v in doc.walk()] == [
        (1, "一、"),
        (2, "1."),
        (2, "2."),
        (2, "3."),
        (2, "7."),
        (1, "二、"),
    ]


def test_blocks_set_inline_by_their_style_share_a_line() -> None:
    body = (
        "<section style='display:flex'><section style='display:inline-block'><span>一、</span>"
        "</section><section style='display: inline-block'>就业增收</section></section>"
        "<section>正文。</section>"
    )
    assert _lines(body) == ["一、就业增收", "正文。"]


def test_a_page_without_a_known_container_loses_its_lists_of_links() -> None:
    links = "".join(f"<tr><td>{i}.<a href='/a{i}'>热点文章{i}</a></td></tr>" for i in range(1, 6))
    page = (
        "<html><body><table><tr><td><marquee>一、欢迎访问 二、热线服务</marquee></td></tr>"
        f"<tr><td><table>{links}</table></td><td><p>一、总体要求</p>"
        "<p>坚持稳中求进，详见<a href='/x'>有关文件</a>。</p><p>二、主要任务</p></td></tr>"
        "</table></body></html>"
    )
    text = read(page.encode(), "p.html").text
    assert text.split("\n") == ["一、总体要求", "坚持稳中求进，详见有关文件。", "二、主要任务"]


def test_counters_below_one_are_written_and_read() -> None:
    body = (
        "<ol style='list-style-type:cjk-ideographic' start='-1'><li>甲</li><li>乙</li>"
        "<li>丙</li></ol><ol reversed start='1'><li>子</li><li>丑</li></ol>"
    )
    assert _lines(body) == ["-1、甲", "零、乙", "一、丙", "1. 子", "0. 丑"]


def test_a_short_notice_beside_a_menu_is_kept() -> None:
    menu = "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(7))
    page = (
        f"<html><body><table><tr><td>{menu}</td><td><p>一、加强领导，落实责任到人到岗。</p>"
        "<p>二、强化保障，确保资金及时足额到位。</p></td></tr></table></body></html>"
    )
    assert read(page.encode(), "p.html").text.split("\n") == [
        "一、加强领导，落实责任到人到岗。",
        "二、强化保障，确保资金及时足额到位。",
    ]
