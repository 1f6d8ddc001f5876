"""`outline check`: what is wrong with the numbering of each document; `--fix` mends it."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from outline.cli.app import (
    COMMANDS,
    EXIT_DIFFERENT,
    EXIT_OK,
    Encoding,
    FilesFrom,
    HtmlSelector,
    Paths,
    Unwrap,
    app,
    usage_error,
)
from outline.cli.findings import CHECKED, DRY_RUN, MENDED, Report, print_findings, summary

if TYPE_CHECKING:
    from outline.cli.inputs import Inputs, Loaded
    from outline.model import Document

FORMATS = ("txt", "json", "sarif")
"""How findings are written, named as export and diff name their formats."""
ALIASES = {"text": "txt"}
"""Other names a format is given by."""
LANGUAGES = ("zh", "en")


@app.command(short_help=COMMANDS["check"])
def check(
    paths: Paths = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Findings as txt (path:line:column: …), json or sarif (SARIF 2.1.0 for CI).",
        ),
    ] = "txt",
    select: Annotated[
        list[str] | None,
        typer.Option(help="Report only these codes or code prefixes: N101, N, S2 (commas)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Do not report these codes or prefixes (commas).")
    ] = None,
    fail_on: Annotated[
        str, typer.Option(help="Exit 1 for findings of this severity or worse: error, warning.")
    ] = "error",
    lang: Annotated[str, typer.Option(help="Messages in zh (中文) or en.")] = "zh",
    fix: Annotated[
        bool, typer.Option("--fix", help="Print the document with its markers mended.")
    ] = False,
    write: Annotated[
        bool,
        typer.Option("--write", "-w", help="Mend the files in place, keeping NAME.orig."),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show what --fix changes as a unified diff.")
    ] = False,
    style: Annotated[
        str,
        typer.Option(
            "--style",
            help="A level written in several styles should be: standard (GB/T 9704: 一、 （一） "
            "1. （1）) or majority (the style most of its markers have).",
        ),
    ] = "standard",
    encoding: Encoding = None,
    html_selector: HtmlSelector = None,
    unwrap: Unwrap = False,
    files_from: FilesFrom = None,
) -> None:
    """Check the numbering of each document: skipped, repeated or restarted numbers, mixed
    marker styles, stray punctuation, lists of one, levels out of order, titles.

    Findings go to stdout, one a line, path:line:column: severity code message, and a
    summary to stderr. Codes: N… numbers, S… marker styles, L… lists and levels, T… titles
    (docs/check.md lists each with an example). --fix mends what it can by rewriting markers
    only (every other byte stays as it was) and prints the document; --write mends files in
    place, keeping each original as NAME.orig; findings left after mending are then reported,
    on stderr when stdout carries the document. --diff without --write is a dry run: it shows
    the change, and the findings (on stderr) and exit code are those of the documents as they
    are.

    Documents may be text, .docx, web pages or PDF; text files and .docx are mended. In a
    .docx a typed marker is mended inside its runs, which keep their formatting; a marker that
    Word's numbering writes is reported with its list (numId, abstractNum, level), not
    rewritten. --fix prints the mended .docx, so redirect stdout.

    Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 an input could not be read
    or written, or bad usage (the other inputs still go through); 3 a bug.

    \b
    Example:
        outline check drafts/ --ignore T
        outline check speech.txt --diff
    """
    from outline.check.codes import CODES, SEVERITIES
    from outline.cli.inputs import Inputs, ReadOptions

    format = ALIASES.get(format, format)
    _validate(format, fail_on, lang, style)
    codes = _selected(CODES, select or [], ignore or [])
    mending = fix or write or diff
    _validate_inputs(paths or [], files_from, fix=fix, write=write, diff=diff, unwrap=unwrap)
    text_out = mending and not (write and not diff)
    dry_run = diff and not write  # --diff shows the change, with --fix too; --write makes it
    run = Inputs()
    report = Report(lang, style)
    options = ReadOptions(encoding, html_selector, unwrap)
    for loaded in run.documents(paths or [], options, files_from):
        report.documents += 1
        doc = loaded.doc
        if mending:
            mended = _mend(loaded, codes, run, report, write=write, diff=diff)
            if mended is None:
                continue
            if not dry_run:  # a dry run changes nothing: its findings are the document's
                doc = mended
        from outline.check.findings import check as find
        from outline.cli.positions import on_disk

        found = [f for f in find(doc, report.style) if f.code in codes]
        placed = on_disk(loaded, found)
        report.add(loaded.source, doc, found, codes, fixes=format != "txt", placed=placed)
    print_findings(report, format, sys.stderr if text_out else sys.stdout)
    done = DRY_RUN if dry_run else MENDED if mending else CHECKED
    print(summary(report, done), file=sys.stderr)
    failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    failed = any(f.severity in failing for _, f in report.findings)
    raise typer.Exit(run.exit_code or (EXIT_DIFFERENT if failed else EXIT_OK))


def _validate(format: str, fail_on: str, lang: str, style: str) -> None:
    from outline.check.codes import SEVERITIES
    from outline.check.marker_style import STYLE_RULES

    for name, value, choices in (
        ("--format", format, FORMATS),
        ("--fail-on", fail_on, SEVERITIES),
        ("--lang", lang, LANGUAGES),
        ("--style", style, STYLE_RULES),
    ):
        if value not in choices:
            usage_error(f"{name} must be one of {', '.join(choices)}, not {value!r}")


def _validate_inputs(
    paths: list[str], files_from: str | None, *, fix: bool, write: bool, diff: bool, unwrap: bool
) -> None:
    """Usage errors in what the documents are and what is done with them."""
    from outline.cli.inputs import several

    if not paths and files_from is None:
        usage_error("give the documents to check, or --files-from LIST")
    if files_from == "-" and "-" in paths:
        usage_error("standard input cannot hold both a document and the list of files")
    if fix and not (write or diff) and (files_from is not None or several(paths)):
        usage_error("several inputs: --fix prints one document; use --write or --diff")
    if unwrap and (fix or write or diff):
        usage_error("--unwrap re-joins lines: the text mended would not be the file's")
    if write and "-" in paths:
        usage_error("--write cannot write back standard input")


def _selected(all_codes: Iterable[str], select: list[str], ignore: list[str]) -> frozenset[str]:
    """The codes to report: those --select names (all by default) but those --ignore names."""
    known = sorted(all_codes)
    chosen = _prefixes(select, known, "--select") or [""]
    dropped = _prefixes(ignore, known, "--ignore")
    return frozenset(
        code
        for code in known
        if code.startswith(tuple(chosen)) and not code.startswith(tuple(dropped) or ("\0",))
    )


def _prefixes(values: list[str], known: list[str], option: str) -> list[str]:
    prefixes = [p.strip().upper() for value in values for p in value.split(",") if p.strip()]
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in known):
            usage_error(f"{option}: no code starts with {prefix!r} (codes: {', '.join(known)})")
    return prefixes


def _mend(
    loaded: Loaded,
    codes: frozenset[str],
    run: Inputs,
    report: Report,
    *,
    write: bool,
    diff: bool,
) -> Document | None:
    """Mend one document as asked; the document mended, or None if it could not be handled."""
    from outline.check.codes import CODES
    from outline.check.fix import apply, edits
    from outline.cli.rewrite import RewriteError, encode, encoder, unified_diff, write_in_place
    from outline.parser import parse

    renumber = any(CODES[c].mends == "number" for c in codes)
    restyle = any(CODES[c].mends == "style" for c in codes)
    if loaded.format == "docx":  # mended in its runs: see outline.cli.mend_docx
        from outline.cli.mend_docx import mend_docx

        docx = mend_docx(loaded, run, (renumber, restyle), write=write, diff=diff, lang=report.lang)
        if docx is not None and docx[1]:
            report.fixed_documents += 1
            report.fixed_markers += docx[1]
        return None if docx is None else docx[0]
    if (write or not diff) and (loaded.format != "text" or loaded.encoding is None):
        run.fail(loaded.source, f"--fix and --write mend text and .docx files, not {loaded.format}")
        return None
    text = loaded.doc.text
    changes = edits(text, loaded.doc, renumber=renumber, restyle=restyle, style=report.style)
    fixed = apply(text, changes)
    data = loaded.data
    if changes and (write or not diff) and loaded.encoding is not None:
        try:
            codec, bom = encoder(loaded.data, loaded.encoding, text)
            data = encode(fixed, codec, bom)
            if write:
                write_in_place(Path(loaded.source), loaded.data, data)
        except RewriteError as e:
            run.fail(loaded.source, str(e))
            return None
    if changes:
        report.fixed_documents += 1
        report.fixed_markers += len(changes)
    if diff:
        sys.stdout.write(unified_diff(text, fixed, loaded.source))
    elif not write:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return parse(fixed)
