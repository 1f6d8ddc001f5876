"""SVG: the skeleton as a mind-map picture, drawn here without a browser or JavaScript.

The central topic — the title, or the file name — stands at the left, and each level is a
column to the right (`tree_layout` places the boxes; none overlaps another). Each top-level
section has a colour of its own, which its headings and links keep. Text is measured by East
Asian width and long titles wrapped; the font list asks for a Chinese font first. `--depth`
keeps a large document readable.

Each heading is a `<g class="node level-N">` holding a `<title>` (the heading as one reads
it, which viewers show on hover), its box, and a `<text>` whose `<tspan>`s are its lines,
the marker in a `<tspan class="marker">` of its own. All text is escaped: a title holding
`<script>` stays text, and the picture holds no script.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from outline.model import Document
from outline.render.mindmap import branches, central_topic
from outline.render.tree_layout import GAP_X, LINE_HEIGHT, PAD_X, PAD_Y, Box, Layout, lay_out
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

SVG_NS = "http://www.w3.org/2000/svg"
FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
    '"Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)
PALETTE = ("#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#34495e")
"""Branch colours, one per top-level section in turn: dark enough for white text."""
INK, PAPER, ROOT = "#1d1d1f", "#ffffff", "#1d1d1f"
STYLE = (
    f"text {{ font-family: {FONTS}; white-space: pre; fill: {INK}; }}"
    " .marker { font-weight: 700; }"
    f" .level-0 text, .level-1 text {{ fill: {PAPER}; font-weight: 600; }}"
    " .link { fill: none; stroke-width: 2; }"
)


def render(doc: Document, title: str = "", depth: int | None = None) -> str:
    """The document as an SVG mind map; `title` stands in when it has none."""
    layout = lay_out(central_topic(doc, title), branches(doc, depth))
    return draw(layout)


def draw(layout: Layout) -> str:
    """The picture of a laid-out map."""
    width, height = f"{layout.width:.0f}", f"{layout.height:.0f}"
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "width": width,
            "height": height,
            "viewBox": f"0 0 {width} {height}",
            "role": "img",
        },
    )
    ET.SubElement(svg, "title").text = xml_safe(layout.boxes[0].text)
    ET.SubElement(svg, "style").text = STYLE
    ET.SubElement(svg, "rect", width="100%", height="100%", fill=PAPER)
    links = ET.SubElement(svg, "g", {"class": "links"})
    for box in layout.boxes[1:]:
        assert box.parent is not None
        links.append(_link(layout.boxes[box.parent], box))
    nodes = ET.SubElement(svg, "g", {"class": "nodes"})
    for box in layout.boxes:
        nodes.append(_node(box))
    for element in (*svg, *links, *nodes):  # a line each; never inside <text>, where
        element.tail = "\n"  # white space is drawn
    return ET.tostring(svg, encoding="unicode") + "\n"


def colour(box: Box) -> str:
    """A box's colour: its section's, or the central topic's."""
    return ROOT if box.section < 0 else PALETTE[box.section % len(PALETTE)]


def _link(parent: Box, child: Box) -> ET.Element:
    """A curve from the right of a parent's box to the left of its child's."""
    x1, y1, x2, y2 = parent.right, parent.middle, child.x, child.middle
    bend = x1 + min(GAP_X, x2 - x1) / 2
    return ET.Element(
        "path",
        {
            "class": "link",
            "d": f"M{x1:.1f} {y1:.1f} C{bend:.1f} {y1:.1f} {bend:.1f} {y2:.1f} {x2:.1f} {y2:.1f}",
            "stroke": colour(child),
        },
    )


def _node(box: Box) -> ET.Element:
    """A topic: its box and its lines, with the heading whole as its title."""
    group = ET.Element("g", {"class": f"node level-{box.level}"})
    if box.node is not None:
        group.set("data-line", str(box.node.line))
    ET.SubElement(group, "title").text = xml_safe(box.text)
    filled = box.level <= 1
    ET.SubElement(
        group,
        "rect",
        {
            "x": f"{box.x:.1f}",
            "y": f"{box.y:.1f}",
            "width": f"{box.width:.1f}",
            "height": f"{box.height:.1f}",
            "rx": "6",
            "fill": colour(box) if filled else PAPER,
            "stroke": colour(box),
            "stroke-width": "1.5",
        },
    )
    text = ET.SubElement(group, "text", {"font-size": f"{box.size:g}"})
    marker = box.node.marker if box.node is not None else ""
    step = box.size * LINE_HEIGHT
    for number, line in enumerate(box.lines):
        baseline = box.y + PAD_Y + step * number + (step + box.size * 0.7) / 2
        row = ET.SubElement(text, "tspan", x=f"{box.x + PAD_X:.1f}", y=f"{baseline:.1f}")
        if number == 0 and marker and line.startswith(marker):
            ET.SubElement(row, "tspan", {"class": "marker"}).text = xml_safe(marker)
            ET.SubElement(row, "tspan").text = xml_safe(line[len(marker) :])
        else:
            row.text = xml_safe(line)
    return group


def export(doc: Document, options: Options) -> str:
    """The SVG export: `render` as the CLI's options ask."""
    return render(doc, title=options.stem, depth=options.depth)
