"""What the language server answers, computed from one text: parsed once, checked once, and
everything the editor asks of that version read from the result (`Analysis`). Pure: a text in,
lsprotocol values out; no I/O, no server.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from outline.check.findings import Finding, check
from outline.check.fix import edits
from outline.check.mending import Replacement, mends
from outline.lsp.positions import Positions
from outline.model import Document, Node
from outline.parser import parse
from outline.render.plain import heading_text

SOURCE = "outline"
"""The name diagnostics carry, which editors show beside each."""
PATH_SEPARATOR = " › "
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}
FIX_ALL = {
    "zh": "修正全部编号（outline check --fix）",
    "en": "Mend all markers (outline check --fix)",
}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One version of a text, parsed and checked."""

    text: str
    """The text as the editor holds it."""
    doc: Document
    """Its skeleton."""
    found: tuple[tuple[Finding, tuple[Replacement, ...]], ...]
    """Its findings, each with the replacements that mend it."""
    lines: Positions
    """Its offsets as LSP positions."""
    markers: dict[int, Node]
    """Each heading by the offset of its marker."""

    @classmethod
    def of(cls, text: str, encoding: str = "utf-16") -> Analysis:
        """Parse and check a text."""
        doc = parse(text)
        markers = {visit.node.marker_start: visit.node for visit in doc.walk()}
        return cls(text, doc, tuple(mends(doc, check(doc))), Positions(text, encoding), markers)

    def position(self, offset: int) -> types.Position:
        line, character = self.lines.position(offset)
        return types.Position(line=line, character=character)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        return self.lines.offset(position.line, position.character)


def section_end(node: Node) -> int:
    """Where a node's section ends: the end of its last descendant's own text."""
    while node.children:
        node = node.children[-1]
    return node.end


def symbols(analysis: Analysis) -> list[types.DocumentSymbol]:
    """The skeleton as nested document symbols: the outline pane, breadcrumbs, go to symbol."""

    def symbol(node: Node) -> types.DocumentSymbol:
        return types.DocumentSymbol(
            name=heading_text(node) or node.marker or "…",
            detail=f"{node.line}",
            kind=types.SymbolKind.String,
            range=analysis.range(node.start, section_end(node)),
            selection_range=analysis.range(node.marker_start, node.body_start),
            children=[symbol(child) for child in node.children],
        )

    return [symbol(node) for node in analysis.doc.nodes]


def folding(analysis: Analysis) -> list[types.FoldingRange]:
    """A folding range per section that spans more than its heading's line."""
    found: list[types.FoldingRange] = []
    text = analysis.text
    for visit in analysis.doc.walk():
        node = visit.node
        end = section_end(node)
        while end > node.start and text[end - 1] in " \t\r\n\u3000":
            end -= 1
        first, last = analysis.lines.line_of(node.marker_start), analysis.lines.line_of(end)
        if last > first:
            found.append(
                types.FoldingRange(
                    start_line=first, end_line=last, kind=types.FoldingRangeKind.Region
                )
            )
    return found


def _span(analysis: Analysis, finding: Finding, fixes: tuple[Replacement, ...]) -> types.Range:
    """Where a finding stands: the marker it is about, or one character."""
    start = analysis.lines.offset(finding.line - 1, 0) + finding.column - 1
    end = start + 1
    if fixes and fixes[0].start <= start + len(fixes[0].text):
        end = max(end, fixes[0].end)
    node = analysis.markers.get(start)
    if node is not None:
        end = max(end, start + len(node.marker))
    line_end = (
        analysis.lines.ends[finding.line - 1] if finding.line <= len(analysis.lines.ends) else end
    )
    return analysis.range(start, max(start, min(end, line_end)))


def diagnostics(analysis: Analysis, lang: str = "zh") -> list[types.Diagnostic]:
    """The findings of `check`, as the editor underlines them."""
    return [
        types.Diagnostic(
            range=_span(analysis, finding, fixes),
            severity=SEVERITY[finding.severity],
            code=finding.code,
            source=SOURCE,
            message=finding.message(lang),
        )
        for finding, fixes in analysis.found
    ]


def actions(
    analysis: Analysis, uri: str, wanted: types.Range, lang: str = "zh"
) -> list[types.CodeAction]:
    """The fixes of the findings in a range, each a quick fix; then one that mends every marker
    of the document, as `outline check --fix` does."""
    start, end = analysis.offset(wanted.start), analysis.offset(wanted.end)
    found: list[types.CodeAction] = []
    for (finding, fixes), diagnostic in zip(
        analysis.found, diagnostics(analysis, lang), strict=True
    ):
        at = analysis.offset(diagnostic.range.start)
        if not fixes or not start <= at <= max(end, start):
            continue
        changes = [
            types.TextEdit(range=analysis.range(r.start, r.end), new_text=r.text) for r in fixes
        ]
        texts = (
            "、".join(r.text for r in fixes) if lang == "zh" else ", ".join(r.text for r in fixes)
        )
        title = f"{finding.code} 改为 {texts}" if lang == "zh" else f"{finding.code}: write {texts}"
        found.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: changes}),
            )
        )
    every = edits(analysis.text, analysis.doc)
    if every:
        changes = [
            types.TextEdit(range=analysis.range(e.start, e.end), new_text=e.text) for e in every
        ]
        found.append(
            types.CodeAction(
                title=FIX_ALL.get(lang, FIX_ALL["en"]),
                kind=types.CodeActionKind.SourceFixAll,
                edit=types.WorkspaceEdit(changes={uri: changes}),
            )
        )
    return found


def hover(analysis: Analysis, position: types.Position) -> types.Hover | None:
    """On a heading: its path from the top (一、 › （二） › 3.) and its line."""
    offset = analysis.offset(position)
    found = None
    for visit in analysis.doc.walk():
        if (
            visit.node.marker_start
            <= offset
            < max(visit.node.body_start, visit.node.marker_start + 1)
        ):
            found = visit
    if found is None:
        return None
    path = PATH_SEPARATOR.join(n.marker for n in (*found.ancestors, found.node))
    titles = PATH_SEPARATOR.join(heading_text(n) for n in (*found.ancestors, found.node))
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=f"{path}\n{titles}"),
        range=analysis.range(found.node.marker_start, found.node.body_start),
    )
