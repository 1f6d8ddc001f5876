"""What a document says before its skeleton: title, date, salutation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from outline.parser.contents import TOC_TITLE
from outline.parser.layout import SPACE, Layout
from outline.parser.markers import marker_at

MIN_TITLE = 4
MAX_TITLE = 150
"""A longer paragraph is body text, not a title."""
FRONT_PARAGRAPHS = 40
"""How far into the preamble to look for the title and the salutation."""

MENU = re.compile(
    r"(?:[\s|｜/>·•]*(?:打印(?:本页)?|字号|[大中小]|加大|减小|还原|默认|分享(?:到)?|收藏|下载|全屏|"
    r"首页|登录|注册|返回(?:顶部)?|上一篇|下一篇|关闭(?:窗口)?)[\s|｜/>·•]*)+"
)
"""A line of menu words only (打印 / 字号 / 加大 / 收藏): a word of a title is no menu."""
NOISE = re.compile(
    r"浏览(?:量|次数)|阅读[量数次]|点击[量数]|来源[：:]|发布[时日]|时间[：:]|作者[：:]|编辑[：:]|"
    r"字号[：:]|扫一扫|当前位置|关闭窗口|欢迎您|【|】|"
    r"https?://|www\.|\.html?\b|CLI\.|\d{1,2}月\d{1,2}日电|^\*\*[^*]+\*\*[：:]|"
    r"文件$|[〔\[]\d{4}[〕\]]\s*\d+\s*号[）)]?$"
)
"""Site menus, page furniture and datelines that stand before a title; the masthead of an
official document (XX市人民政府文件) and its number (X政发〔2024〕5号)."""
SALUTATION = re.compile(
    rf"^[{SPACE}*]*((?:尊敬的|亲爱的)?[^。！？；，,]{{0,24}}?"
    r"(?:同志们|同事们|代表|委员|来宾|朋友们|女士们|先生们|同学们|老师们|大家好|各位)"
    rf"[^。！？；]{{0,16}}?[：:！!])[{SPACE}*]*$"
)
ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
LINE_BREAKS = re.compile(r"[\r\n]+")
CRUMB = re.compile(r"[>»＞›/|｜]+")
"""The separator of a breadcrumb trail (首页 > 政务信息 > 要闻) on a line of its own: the
lines beside it are the trail, not the title."""
TITLE_END_BAD = "。，；,;！!？?：:、"


@dataclass(frozen=True, slots=True)
class Front:
    """The front matter of a document."""

    title: str | None = None
    """The first title-like paragraph, past site noise."""
    title_line: int | None = None
    """1-based line of the title."""
    date: str | None = None
    """The first date of the preamble, as YYYY-MM-DD."""
    salutation: str | None = None
    """同志们： and the like, as written."""


def read_front(layout: Layout, end: int) -> Front:
    """Title, date and salutation from the text before offset `end` (the first heading)."""
    text = layout.text
    front = [
        (_content(raw), raw, para.line + 1)
        for para in layout.paragraphs[:FRONT_PARAGRAPHS]
        if para.start < end
        for raw in [text[para.start : min(para.end, end)].strip(SPACE)]
        if raw
    ]
    title: str | None = None
    title_line: int | None = None
    salutation: str | None = None
    for i, (content, _, line) in enumerate(front):
        greeting = SALUTATION.match(content)
        if greeting:
            salutation = greeting.group(1)
            break
        crumb = any(CRUMB.fullmatch(front[j][1]) for j in (i - 1, i + 1) if 0 <= j < len(front))
        if title is None and content and not crumb and _title_like(content):
            title, title_line = content, line
    return Front(title, title_line, _date(text[:end]), salutation)


def _content(paragraph: str) -> str:
    """A paragraph on one line, without indentation or stray Markdown."""
    return LINE_BREAKS.sub("", paragraph).strip(SPACE + "#*> ")


def _title_like(content: str) -> bool:
    return (
        MIN_TITLE <= len(content) <= MAX_TITLE
        and content[-1] not in TITLE_END_BAD
        and sum(1 for ch in content if "\u4e00" <= ch <= "\u9fff") >= 2
        and not NOISE.search(content)
        and not MENU.fullmatch(content)
        and not CN_DATE.fullmatch(content)
        and not marker_at(content)
        and not TOC_TITLE.match(content)
    )


def _date(preamble: str) -> str | None:
    """The first real date of the preamble (2024年2月31日 is none), as YYYY-MM-DD."""
    found = sorted(
        (m for pattern in (CN_DATE, ISO_DATE) for m in pattern.finditer(preamble)),
        key=lambda m: m.start(),
    )
    for m in found:
        try:
            return date(*(int(g) for g in m.groups())).isoformat()
        except ValueError:
            continue
    return None
