"""SARIF 2.1.0: `check`'s findings as the static-analysis log that CI systems and code hosts
read (GitHub code scanning, GitLab, Azure DevOps, the SARIF viewers of editors).

One run: `tool.driver` names outline and lists a rule per code of the codes table (its id,
its summary as `shortDescription`, with its example as `fullDescription`, where the docs
tell more as `help`, its severity as `defaultConfiguration.level`); each finding is a
result with its `ruleId`, `level`, message and location (the file as a relative URI, the
line and column).
A finding that `fix` mends carries the fix: `artifactChanges` whose `replacements` each
delete a region and insert the marker as it should be. Columns count characters (the run's
`columnKind` says "unicodeCodePoints"). Pure: findings in, a JSON-ready dict out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from outline.check.codes import CODES, Code
from outline.check.findings import Finding
from outline.check.mending import Replacement

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
STDIN = "stdin"
"""The artifact's URI for a document read from standard input."""

Found = tuple[str, Finding, tuple[Replacement, ...]]
"""A finding with the path of its document and the replacements that mend it."""


def log(
    found: Iterable[Found],
    lang: str = "zh",
    version: str = "0.1.0",
    codes: Mapping[str, Code] = CODES,
) -> dict[str, Any]:
    """The findings as one SARIF log, messages in `lang` ("zh" or "en")."""
    rules = list(codes.values())
    index = {row.code: i for i, row in enumerate(rules)}
    driver = {
        "name": "outline",
        "version": version,
        "rules": [rule(row) for row in rules],
    }
    results = [result(path, f, fixes, lang, index) for path, f, fixes in found]
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def rule(row: Code) -> dict[str, Any]:
    """A reportingDescriptor for a code."""
    return {
        "id": row.code,
        "shortDescription": {"text": row.summary},
        "fullDescription": {"text": f"{row.summary} ({row.example_line})"},
        "help": {"text": f"docs/check.md, {row.code}: {row.summary}. Example: {row.example_line}"},
        "defaultConfiguration": {"level": row.severity},
        "properties": {"fixable": row.fixable},
    }


def result(
    path: str, finding: Finding, fixes: tuple[Replacement, ...], lang: str, index: dict[str, int]
) -> dict[str, Any]:
    """A result for one finding."""
    artifact = {"uri": uri(path)}
    found: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": finding.severity,
        "message": {"text": finding.message(lang)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }
        ],
    }
    if fixes:
        replacements = [replacement(r) for r in fixes]
        described = ", ".join(r.text for r in fixes)
        found["fixes"] = [
            {
                "description": {"text": f"outline check --fix: {described}"},
                "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}],
            }
        ]
    return found


def replacement(change: Replacement) -> dict[str, Any]:
    """A SARIF replacement: the region deleted and the content inserted."""
    return {
        "deletedRegion": {
            "startLine": change.line,
            "startColumn": change.column,
            "endLine": change.end_line,
            "endColumn": change.end_column,
        },
        "insertedContent": {"text": change.text},
    }


def uri(path: str) -> str:
    """A path as SARIF's artifact URI: relative paths as relative references with / between
    their parts, absolute ones as file: URIs, standard input as "stdin".

    >>> uri("docs/讲话 1.txt")
    'docs/%E8%AE%B2%E8%AF%9D%201.txt'
    >>> uri("-")
    'stdin'
    """
    if path == "-":
        return STDIN
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace(os.sep, "/"))
