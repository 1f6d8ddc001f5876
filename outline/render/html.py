"""HTML: one self-contained page, the skeleton as a tree that opens and closes (`<details>`).

No JavaScript, no external resource: the page works from a file, a mail attachment or a phone.
Every piece of the document is escaped, so a title holding `<script>` stays text. Each heading
is an element of class `node` (a `<details>` when it has anything under it) holding a `marker`,
a `title` and a `line` span; with `body`, its own text follows as paragraphs of class `text`.
Without body text every level starts open; with it, the first level only; `open_depth` opens
levels 1..N and folds the rest.
"""

from __future__ import annotations

import os
from html import escape
from typing import TYPE_CHECKING

from outline.model import Document, Node, Visit
from outline.render.plain import heading_text
from outline.render.xmlchars import xml_safe

if TYPE_CHECKING:
    from outline.render import Options

STYLE = """\
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #6e6e73; --rule: #d2d2d7;
  --marker: #a61b1b; --bg: #fff; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f2f2f7; --muted: #a1a1a6; --rule: #48484a; --marker: #ff8a80; --bg: #1c1c1e; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem 1rem 3rem; background: var(--bg);
  color: var(--fg); font: 17px/1.6 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC",
  "Microsoft YaHei", sans-serif; overflow-wrap: anywhere; -webkit-text-size-adjust: 100%; }
h1 { font-size: 1.4rem; line-height: 1.35; margin: .5rem 0; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 1rem; }
.node { margin: 0; }
.node .node { margin-left: .55rem; padding-left: .75rem; border-left: 1px solid var(--rule); }
summary, .leaf { display: block; list-style: none; padding: .3rem 0 .3rem 1.2rem;
  text-indent: -1.2rem; }
summary { cursor: pointer; }
summary::-webkit-details-marker { display: none; }
summary::before, .leaf::before { display: inline-block; width: 1.2rem; text-indent: 0;
  color: var(--muted); content: "▸"; }
details[open] > summary::before { content: "▾"; }
.leaf::before { content: "·"; }
.marker { color: var(--marker); font-weight: 600; }
.level-1 > summary, .level-1.leaf { font-weight: 600; }
.line { color: var(--muted); font-size: .75rem; margin-left: .5rem; white-space: nowrap; }
.text { color: var(--fg); margin: 0 0 .5rem 1.2rem; font-size: .95rem; }
.text p { margin: .25rem 0; }
@media print { summary::before, .leaf::before { content: ""; } }
"""


def render(
    doc: Document,
    title: str = "",
    source: str = "",
    depth: int | None = None,
    body: bool = False,
    *,
    open_depth: int | None = None,
) -> str:
    """The document as an HTML page; `title` stands in when the document has none. Sections
    are open down to level `open_depth` (by default every level, or the first with `body`)."""
    heading = doc.title or title
    visits = [v for v in doc.walk() if depth is None or v.level <= depth]
    meta = [_source_name(source), doc.date or "", f"{len(visits)} headings"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(heading)}</title>",
        f"<style>\n{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_text(heading)}</h1>" if heading else "",
        f'<p class="meta">{" · ".join(_text(m) for m in meta if m)}</p>',
        "</header>",
        "<main>",
        *_tree(doc, visits, body, open_depth if open_depth is not None else 1 if body else None),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "".join(part + "\n" for part in parts if part)


def _source_name(source: str) -> str:
    """The source as the page names it: the path as given, but only the file name of an
    absolute path (a page is passed around: it need not tell where its files lay); nothing
    for standard input."""
    if source == "-":
        return ""
    return os.path.basename(source) if os.path.isabs(source) else source


def _tree(doc: Document, visits: list[Visit], body: bool, opened: int | None) -> list[str]:
    """The headings as nested elements, each closed once the walk leaves it; those of levels
    1..`opened` open (all when None)."""
    out: list[str] = []
    open_levels: list[int] = []
    for i, visit in enumerate(visits):
        while open_levels and open_levels[-1] >= visit.level:
            open_levels.pop()
            out.append("</details>")
        below = i + 1 < len(visits) and visits[i + 1].level > visit.level
        text = _paragraphs(doc.body(visit.node)) if body else ""
        if not below and not text:
            out.append(f'<div class="node leaf level-{visit.level}">{_label(visit.node)}</div>')
            continue
        shown = " open" if opened is None or visit.level <= opened else ""
        out.append(f'<details class="node level-{visit.level}"{shown}>')
        out.append(f"<summary>{_label(visit.node)}</summary>")
        if text:
            out.append(text)
        open_levels.append(visit.level)
    out.extend("</details>" for _ in open_levels)
    return out


def _label(node: Node) -> str:
    gap = " " if heading_text(node) != node.marker + node.title else ""
    return (
        f'<span class="marker">{_text(node.marker)}</span>{gap}'
        f'<span class="title">{_text(node.title)}</span>'
        f'<span class="line">{node.line}</span>'
    )


def _paragraphs(text: str) -> str:
    """A heading's own text as paragraphs, one per non-blank line."""
    lines = [line.strip() for line in text.splitlines()]
    inner = "".join(f"<p>{_text(line)}</p>" for line in lines if line)
    return f'<div class="text">{inner}</div>' if inner else ""


def _text(text: str) -> str:
    return escape(xml_safe(text), quote=True)


def export(doc: Document, options: Options) -> str:
    """The HTML export: `render` as the CLI's options ask."""
    return render(
        doc,
        title=options.stem,
        source=options.source,
        depth=options.depth,
        body=options.body,
        open_depth=options.open_depth,
    )
