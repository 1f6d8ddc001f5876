"""What a document says before its skeleton: title, date, salutation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from outline.layout import SPACE, Layout
from outline.markers import MARKER

MIN_TITLE = 4
MAX_TITLE = 80
"""A longer paragraph is body text, not a title."""
FRONT_PARAGRAPHS = 40
"""How far into the preamble to look for the title and the salutation."""

NOISE = re.compile(
    r"打印|字号|浏览|阅读[量数次]|点击[量数]|来源[：:]|发布[时日]|时间[：:]|作者[：:]|编辑[：:]|"
    r"分享|收藏|扫一扫|当前位置|首页|登录|注册|下载|全屏|关闭窗口|欢迎|加大|减小|还原|默认|【|】|"
    r"https?://|www\.|\.html?\b|CLI\.|\d{1,2}月\d{1,2}日电|^\*\*[^*]+\*\*[：:]|"
    r"文件$|〔\d{4}〕\s*\d+\s*号$|\[\d{4}\]\s*\d+\s*号$"
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
TITLE_END_BAD = "。，；,;！!？?：:、"


@dataclass(frozen=True, slots=True)
class Front:
    """The front matter of a document."""

    title: str | None = None
    title_line: int | None = None
    date: str | None = None
    salutation: str | None = None


def read_front(layout: Layout, end: int) -> Front:
    """Title, date and salutation from the text before offset `end` (the first heading)."""
    text = layout.text
    title: str | None = None
    title_line: int | None = None
    salutation: str | None = None
    for para in layout.paragraphs[:FRONT_PARAGRAPHS]:
        if para.start >= end:
            break
        content = text[para.start : min(para.end, end)].strip(SPACE + "#*> ")
        if not content:
            continue
        greeting = SALUTATION.match(content)
        if greeting:
            salutation = salutation or greeting.group(1)
            break
        if title is None and _title_like(content):
            title, title_line = content, para.line + 1
    return Front(title, title_line, _date(text[:end]), salutation)


def _title_like(content: str) -> bool:
    return (
        MIN_TITLE <= len(content) <= MAX_TITLE
        and content[-1] not in TITLE_END_BAD
        and sum(1 for ch in content if "\u4e00" <= ch <= "\u9fff") >= 2
        and not NOISE.search(content)
        and not CN_DATE.fullmatch(content)
        and not MARKER.match(content)
    )


def _date(preamble: str) -> str | None:
    found = [m for m in (CN_DATE.search(preamble), ISO_DATE.search(preamble)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    year, month, day = (int(g) for g in first.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
