"""A layout as Word's styles, font table and settings (word/styles.xml, fontTable.xml,
settings.xml).

Every kind of paragraph is a paragraph style, so that a writer restyles all headings of a level
at once: Title, heading 1…9 (Word's built-in names, whose outline levels make the navigation
pane show the skeleton), Subtitle for bylines, Salutation, Signature, Date, and 附件标注 for an
attachment's label; body text is Normal. Text that follows a heading in its paragraph is in the
character style 标题后正文, which sets it as body text. Elements are written in the order the
schema gives them: Word refuses a document whose properties are out of order.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from outline.render.docx_layout import Face, Font, Layout, Look

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
LEVELS = 9
"""Word's heading styles: heading 1 … heading 9."""
INLINE_BODY = "InlineBody"
"""The character style of body text in a heading's paragraph."""
FALLBACK_LINE = 312
"""Twips of a blank line where the layout has no grid (a single line of 小四)."""
STYLES = {
    "title": ("Title", "Title"),
    "byline": ("Subtitle", "Subtitle"),
    "salutation": ("Salutation", "Salutation"),
    "signature": ("Signature", "Signature"),
    "date": ("Date", "Date"),
    "attachment": ("Attachment", "附件标注"),
}
"""The style id and name of each part of a document but headings and body text."""


def style_id(role: str, level: int = 0) -> str | None:
    """The id of a paragraph's style; None for body text (Normal, the default)."""
    if role == "heading":
        return f"Heading{level}"
    return STYLES[role][0] if role in STYLES else None


def styles(layout: Layout) -> str:
    """word/styles.xml for a layout."""
    body = layout.body
    closer = layout.page.condensed(body.font.size)
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(body.font, closer)}"
        f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f"<w:pPrDefault><w:pPr>{_spacing(layout, 0)}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    found = [
        _style("Normal", "Normal", layout, body, default=True),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
    ]
    looks = {
        "title": layout.title,
        "byline": layout.byline,
        "salutation": layout.salutation,
        "signature": layout.signature,
        "date": layout.date,
        "attachment": layout.attachment,
    }
    for role, look in looks.items():
        key, name = STYLES[role]
        found.append(_style(key, name, layout, look, grid=role != "title"))
    for level in range(1, LEVELS + 1):
        look = layout.heading(level)
        found.append(_style(f"Heading{level}", f"heading {level}", layout, look, outline=level))
    found.append(
        f'<w:style w:type="character" w:styleId="{INLINE_BODY}"><w:name w:val="标题后正文"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>{_fonts(body.font, closer)}'
        "</w:rPr></w:style>"
    )
    if layout.page_number is not None:
        found.append(
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
            '<w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/>'
            '<w:spacing w:line="240" w:lineRule="auto"/>'
            '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
            f"</w:pPr><w:rPr>{_fonts(layout.page_number)}</w:rPr></w:style>"
        )
    listed = "".join(f"{style}\n" for style in found)
    return f'{DECLARATION}<w:styles xmlns:w="{W_NS}">\n{defaults}\n{listed}</w:styles>\n'


def _style(
    key: str,
    name: str,
    layout: Layout,
    look: Look,
    *,
    default: bool = False,
    grid: bool = True,
    outline: int = 0,
) -> str:
    """One paragraph style: based on Normal (but Normal), followed by Normal."""
    marked = ' w:default="1"' if default else ""
    head = (
        f'<w:style w:type="paragraph"{marked} w:styleId="{key}"><w:name w:val={quoteattr(name)}/>'
    )
    if not default:
        head += '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    properties = "" if grid or layout.page.lines is None else '<w:snapToGrid w:val="0"/>'
    properties += _spacing(layout, look.after) + _indents(look) + f'<w:jc w:val="{look.align}"/>'
    if outline:
        properties += f'<w:outlineLvl w:val="{outline - 1}"/>'
    return (
        f"{head}<w:qFormat/><w:pPr>{properties}</w:pPr><w:rPr>{_fonts(look.font)}</w:rPr></w:style>"
    )


def _spacing(layout: Layout, after: int) -> str:
    """Line spacing (exactly one line of the grid, where the layout asks it) and blank lines
    after a paragraph."""
    pitch = layout.page.line_pitch()
    attributes = ' w:before="0"'
    attributes += f' w:after="{after * (pitch or FALLBACK_LINE)}"'
    if layout.exact_lines and pitch is not None:
        attributes += f' w:line="{pitch}" w:lineRule="exact"'
    return f"<w:spacing{attributes}/>"


def _indents(look: Look) -> str:
    """First-line and right indents in characters (which Word keeps on the grid) and in twips
    (for those that count in twips only)."""
    twips = round(look.font.size * 20)
    return (
        f'<w:ind w:right="{look.right * twips}" w:rightChars="{look.right * 100}"'
        f' w:firstLine="{look.indent * twips}" w:firstLineChars="{look.indent * 100}"/>'
    )


def _fonts(font: Font, condensed: int = 0) -> str:
    """A font as run properties: faces, bold or not, characters set closer, size."""
    faces = f'w:ascii="{font.latin}" w:hAnsi="{font.latin}" w:cs="{font.latin}"'
    bold = "<w:b/><w:bCs/>" if font.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    closer = f'<w:spacing w:val="{condensed}"/>' if condensed else ""
    size = round(font.size * 2)
    return (
        f'<w:rFonts {faces} w:eastAsia="{font.face.name}"/>{bold}{closer}'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    )


def font_table(layout: Layout) -> str:
    """word/fontTable.xml: each East-Asian face with the face that stands in for it, in the
    GB2312 character set; and each Latin face."""
    faces = [_face(face) for face in layout.faces()]
    latin = dict.fromkeys(look.font.latin for look in _looks(layout))
    faces += [
        f'<w:font w:name="{name}"><w:charset w:val="00"/><w:family w:val="roman"/>'
        '<w:pitch w:val="variable"/></w:font>'
        for name in latin
        if name not in {face.name for face in layout.faces()}
    ]
    return f'{DECLARATION}<w:fonts xmlns:w="{W_NS}">{"".join(faces)}</w:fonts>'


def _face(face: Face) -> str:
    pitch = "fixed" if face.family == "modern" else "variable"
    return (
        f'<w:font w:name="{face.name}"><w:altName w:val="{face.fallback}"/>'
        f'<w:charset w:val="86"/><w:family w:val="{face.family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>'
    )


def _looks(layout: Layout) -> list[Look]:
    looks = [layout.body, layout.title, *layout.headings, layout.byline, layout.salutation]
    return [*looks, layout.signature, layout.date, layout.attachment]


def settings(layout: Layout) -> str:
    """word/settings.xml: odd and even pages with footers of their own when there are page
    numbers; characters not compressed, so that each takes its place on the grid."""
    odd_even = "<w:evenAndOddHeaders/>" if layout.page_number is not None else ""
    return (
        f'{DECLARATION}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        f'<w:defaultTabStop w:val="420"/>{odd_even}'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        "</w:compat></w:settings>"
    )
