"""The footer of a web page saved as text: 相关链接 and its numbered list of other pages,
上一篇/下一篇, 分享到, the site's ICP number. Its numbers count links, not headings.

The footer opens with a line of the site's own words at the end of a page, and nothing after
that line reads as the document: no sentence (。！？), no long paragraph — only link titles,
labels and links, and no heading of the document (四、报名方式). In a page stored on one
line, it opens with those words after the last sentence. A page with no sentence before that
line has no body to close (a list of headings and nothing else), so it has no footer either.
"""

from __future__ import annotations

import re

from outline.parser.layout import SPACE, Layout
from outline.parser.markers import kind_of, marker_at

WORDS = (
    r"相关(?:链接|阅读|解读|文章|新闻|文件|附件|稿件|推荐)|推荐阅读|附件下载|上一篇|下一篇|分享到|"
    r"扫一扫|版权所有|网站标识码|【?法宝引证码|(?:法规)?历史沿革"
)
"""The site's own words, as open a footer (never the start of a page: the menus there, 打印 /
关闭窗口 / 字号, are the front's)."""
OPENING = re.compile(rf"[{SPACE}*【\[]*(?:{WORDS}|.{{0,40}}(?:ICP备|公网安备))")
"""A line that opens a footer."""
INSIDE = re.compile(rf"(?:{WORDS})[：:]")
"""Where a footer opens inside a paragraph, after its last sentence (a text that lost its line
breaks): a label of the site's (相关链接：)."""
SPACE_RUN = re.compile(f"[{SPACE}]+")
LINK = re.compile(r"\]\(|https?://|www\.")
SENTENCE = re.compile("[。！？!?]")
LONGEST = 80
"""A longer paragraph is the document's, not a footer's link title or label."""


def footer_start(layout: Layout, since: int = 0) -> int | None:
    """Where the footer of a page begins, looking only after offset `since` (the last
    attachment's start: an attachment is the document's); None without one."""
    text = layout.text
    start: int | None = None
    for para in reversed(layout.paragraphs):
        if para.start < since:
            return None
        if OPENING.match(text, para.start, para.end):
            start = para.start
            continue
        start = _inside(text, para.start, para.end) or start
        if _sectioned(layout, para.start, para.end):
            return start  # a heading of the document: what follows it is its body
        if not SENTENCE.search(text, para.start, para.end) and (
            para.end - para.start <= LONGEST or LINK.search(text, para.start, para.end)
        ):
            continue
        return start
    return None


def _sectioned(layout: Layout, start: int, end: int) -> bool:
    """Whether a paragraph opens with a heading written in Chinese numerals or a unit (四、报名
    方式, （二）, 第三章): the document's, as a footer's numbered links never are — unless a
    second item follows it on the line, as in a menu (一、跳转至主要内容　二、无障碍说明)."""
    text = layout.text
    m = marker_at(text, layout.opening(start, end), end)
    kind = kind_of(m)
    if m is None or kind is None or not (kind.unit or "chinese" in kind.numerals):
        return False
    return not any(
        marker_at(text, gap.end(), end) is not None
        for gap in SPACE_RUN.finditer(text, m.end(), end)
    )


def _inside(text: str, start: int, end: int) -> int | None:
    """Where a footer opens after the last sentence of a paragraph (a page stored on one line:
    ……特此通知。西林区人民政府办公室 2024年3月4日 分享到：微信 相关链接：1.……)."""
    last = max(text.rfind(stop, start, end) for stop in "。！？!?")
    opening = INSIDE.search(text, max(last, start), end)
    return None if opening is None else opening.start()
