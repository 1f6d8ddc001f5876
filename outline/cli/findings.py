"""What `outline check` found over its inputs: the findings collected document by document,
written in the format asked for, and summed up on one line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from outline.check.findings import Finding
    from outline.check.mending import Replacement
    from outline.model import Document

CHECKED, DRY_RUN, MENDED = "checked", "dry run", "mended"
"""What a run did to the documents: checked them only; showed what mending would change
(--diff); or mended them (--fix, --write)."""


@dataclass(slots=True)
class Report:
    """The findings of one run over the inputs, and what was mended."""

    lang: str
    """The language of messages."""
    style: str = "standard"
    """How a level written in several styles should be: "standard" or "majority"."""
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    """Each finding with the path of its document, documents in the order given."""
    documents: int = 0
    """Documents checked."""
    fixed_documents: int = 0
    """Documents whose markers --fix changed."""
    fixed_markers: int = 0
    """Markers --fix changed."""
    fixes: list[tuple[Replacement, ...]] = field(default_factory=list)
    """For json and sarif, the replacements that mend each finding, in the order of
    `findings`."""

    def add(
        self,
        path: str,
        doc: Document,
        findings: list[Finding],
        codes: frozenset[str],
        fixes: bool,
        placed: list[Finding] | None = None,
    ) -> None:
        """A document's findings, with the replacements that mend them when `fixes`; reported
        where `placed` puts them in the file (when the document's lines are not the file's)."""
        self.findings.extend((path, f) for f in (findings if placed is None else placed))
        if fixes:
            from outline.check.mending import mends

            found = mends(doc, findings, codes, self.style)
            self.fixes.extend(mended for _, mended in found)


def print_findings(report: Report, format: str, stream: TextIO) -> None:
    import json

    from outline.cli.names import printable, shown
    from outline.render.controls import visible

    lang = report.lang
    if format == "sarif":
        from outline import __version__
        from outline.check.sarif import log

        found = [
            (printable(p), f, fixes)
            for (p, f), fixes in zip(report.findings, report.fixes, strict=True)
        ]
        stream.write(json.dumps(log(found, lang, __version__), ensure_ascii=False, indent=2) + "\n")
        return
    if format == "json":
        rows = [
            {
                "path": printable(path),
                "line": f.line,
                "column": f.column,
                "severity": f.severity,
                "code": f.code,
                "message": f.message(lang),
                "fixable": f.fixable,
                "fix": [r.as_dict() for r in fixes],
            }
            for (path, f), fixes in zip(report.findings, report.fixes, strict=True)
        ]
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for path, f in report.findings:
        where = f"{shown(path)}:{f.line}:{f.column}"
        stream.write(f"{where}: {f.severity} {f.code} {visible(f.message(lang))}\n")


def summary(report: Report, done: str) -> str:
    """One line: how many documents, errors and warnings; what was mended, what would be
    (a dry run) or what can be, as `done` says."""
    counts = Counter(f.severity for _, f in report.findings)
    errors, warnings = counts["error"], counts["warning"]
    fixable = sum(1 for _, f in report.findings if f.fixable)
    docs, markers, fixed = report.documents, report.fixed_markers, report.fixed_documents
    if report.lang == "en":
        found = f"{_n(errors, 'error')}, {_n(warnings, 'warning')}"
        mends = f"{_n(markers, 'marker')} in {_n(fixed, 'document')}"
        if done == MENDED:
            return f"mended {mends}; {found} left"
        if done == DRY_RUN:
            would = f"--fix would mend {mends}" if markers else "nothing to mend"
            return f"{found} in {_n(docs, 'document')}; {would}"
        hint = f" ({fixable} fixable with --fix)" if fixable else ""
        return f"{found} in {_n(docs, 'document')}{hint}"
    found = f"{errors} 个错误，{warnings} 个警告"
    mends = f"{fixed} 个文档中的 {markers} 个编号"
    if done == MENDED:
        return f"修正了 {mends}；余 {found}"
    if done == DRY_RUN:
        return f"{docs} 个文档：{found}；{f'--fix 将修正 {mends}' if markers else '无可修正'}"
    hint = f"（{fixable} 个可用 --fix 修正）" if fixable else ""
    return f"{docs} 个文档：{found}{hint}"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
