"""Fixes with each finding: which edit of `fix` mends which finding (`check.mending`), and the
two outputs that carry them, `check --format json` and `check --format sarif`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from outline import parse
from outline.check.codes import CODES
from outline.check.findings import check
from outline.check.fix import fix
from outline.check.mending import Replacement, mends
from outline.check.sarif import uri
from outline.cli.app import EXIT_DIFFERENT, app
from tests.support.corpus import CHECK_CASES, ROOT, read_case

DRAFT = ROOT / "examples" / "draft.txt"


def applied(text: str, changes: list[Replacement]) -> str:
    """A text with replacements made, each once, by their offsets."""
    out, position = [], 0
    for change in sorted(set(changes), key=lambda r: r.start):
        out.append(text[position : change.start] + change.text)
        position = change.end
    return "".join(out) + text[position:]


def by_lines(text: str, region: dict[str, int], inserted: str) -> str:
    """A text with one SARIF replacement made, by its lines and columns (characters)."""
    lines = text.splitlines(keepends=True)
    starts = [sum(len(line) for line in lines[:i]) for i in range(len(lines) + 1)]
    start = starts[region["startLine"] - 1] + region["startColumn"] - 1
    end = starts[region["endLine"] - 1] + region["endColumn"] - 1
    return text[:start] + inserted + text[end:]


@pytest.mark.parametrize("case", CHECK_CASES, ids=[c.stem for c in CHECK_CASES])
def test_the_fixes_of_the_findings_make_what_fix_makes(case: Path) -> None:
    text, _, mended = read_case(case)
    doc = parse(text)
    found = mends(doc, check(doc))
    assert [f for f, _ in found] == check(doc)
    assert applied(text, [r for _, fixes in found for r in fixes]) == mended == fix(text, doc)
    for finding, fixes in found:
        assert bool(fixes) <= finding.fixable
        for r in fixes:
            assert (r.line, r.column) >= (finding.line, finding.column)


def test_a_skipped_number_owns_the_numbers_after_it_up_to_the_next_finding() -> None:
    doc = parse("一、目标\n三、任务\n四、措施\n三、保障\n五、落实\n")
    found = [(f.code, [r.text for r in fixes]) for f, fixes in mends(doc, check(doc))]
    assert found == [("N101", ["二、", "三、"]), ("N103", ["四、"])]  # 五、 stays


def test_only_the_codes_reported_say_what_is_rewritten() -> None:
    doc = parse("一、目标\n三、任务\n（一）甲\n(二)乙\n")
    styles = [f for f in check(doc) if f.code.startswith("S")]
    assert [[r.text for r in fixes] for _, fixes in mends(doc, styles, ["S201"])] == [["（二）"]]
    numbers = [f for f in check(doc) if f.code.startswith("N")]
    assert [[r.text for r in fixes] for _, fixes in mends(doc, numbers, ["N101"])] == [["二、"]]


def sarif(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["check", *args, "--format", "sarif"])
    assert result.exit_code == EXIT_DIFFERENT
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def test_sarif_lists_the_codes_as_rules_and_the_findings_as_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    log = sarif("examples/draft.txt", "--lang", "en")
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "outline"
    assert [r["id"] for r in rules] == list(CODES)
    for rule in rules:
        row = CODES[rule["id"]]
        assert rule["defaultConfiguration"]["level"] == row.severity
        assert rule["shortDescription"]["text"] == row.summary
    doc = parse(DRAFT.read_text(encoding="utf-8"))
    results = run["results"]
    assert [(r["ruleId"], r["level"], r["message"]["text"]) for r in results] == [
        (f.code, f.severity, f.message_en) for f in check(doc)
    ]
    for result, finding in zip(results, check(doc), strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "examples/draft.txt"
        assert physical["region"] == {"startLine": finding.line, "startColumn": finding.column}
        assert ("fixes" in result) == finding.fixable


def test_sarif_fixes_mend_the_file_as_check_fix_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = DRAFT.read_text(encoding="utf-8")
    replacements = []
    for result in sarif("examples/draft.txt")["runs"][0]["results"]:
        for change in result.get("fixes", []):
            (artifact,) = change["artifactChanges"]
            assert artifact["artifactLocation"]["uri"] == "examples/draft.txt"
            replacements.extend(artifact["replacements"])
    # made from the end back, so that each region still stands where it says
    for replacement in sorted(
        replacements,
        key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
        reverse=True,
    ):
        text = by_lines(text, replacement["deletedRegion"], replacement["insertedContent"]["text"])
    mended = CliRunner().invoke(app, ["check", str(DRAFT), "--fix"]).stdout
    assert text == mended


def test_json_fixes_mend_the_file_as_check_fix_does() -> None:
    text = DRAFT.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(DRAFT), "--format", "json"])
    rows = json.loads(result.stdout)
    changes = [Replacement(**fix) for row in rows for fix in row["fix"]]
    assert changes and all(row["fixable"] == bool(row["fix"]) for row in rows)
    assert applied(text, changes) == fix(text, parse(text))


def test_sarif_without_findings_has_a_run_with_no_results() -> None:
    result = CliRunner().invoke(app, ["check", "-", "--format", "sarif"], input="一、甲\n二、乙\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["runs"][0]["results"] == []


def test_artifact_uris() -> None:
    assert uri("a b/讲话.txt") == "a%20b/%E8%AE%B2%E8%AF%9D.txt"
    assert uri("/tmp/x y.txt") == "file:///tmp/x%20y.txt"
    assert uri("-") == "stdin"
