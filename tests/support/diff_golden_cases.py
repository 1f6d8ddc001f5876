"""What the diff golden files hold: pairs of seeds, and each seed beside revisions of it made
by hand (tests/fixtures/diff/), as `outline diff OLD NEW [--format F] [--lang L]` prints them
(Chinese unless the name ends in -en)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from outline import parse
from outline.diff import diff
from outline.render.diff import FORMATS, View
from outline.sources import decode
from tests.support.corpus import ROOT

GOLDEN = ROOT / "tests" / "golden" / "diff"
REVISIONS = ROOT / "tests" / "fixtures" / "diff"
MEASURES = ROOT / "seeds" / "measures-party-governance.txt"
CONFERENCE = ROOT / "seeds" / "speech-party-governance-conference.txt"


@dataclass(frozen=True)
class Case:
    """One golden output: a pair of documents, a format, what to show."""

    name: str
    old: Path
    new: Path
    format: str
    only_changes: bool = False
    lang: str = "zh"

    @property
    def golden(self) -> Path:
        return GOLDEN / f"{self.name}.{self.format}"


def _cases() -> list[Case]:
    pairs = [
        (
            "district-2022-to-devzone-2026",
            ROOT / "seeds" / "speech-district-discipline-2022.txt",
            ROOT / "seeds" / "speech-devzone-discipline-2026-web.txt",
        ),
        ("report-to-conference", ROOT / "seeds" / "report-devzone-discipline.txt", CONFERENCE),
    ]
    revisions = [
        ("measures-insert", MEASURES, REVISIONS / "measures-insert.txt"),
        ("measures-restructured", MEASURES, REVISIONS / "measures-restructured.txt"),
        ("measures-split-merged", MEASURES, REVISIONS / "measures-split-merged.txt"),
        ("conference-revised", CONFERENCE, REVISIONS / "conference-revised.txt"),
    ]
    cases = [Case(name, old, new, "txt") for name, old, new in pairs + revisions]
    cases += [Case(name, old, new, "md") for name, old, new in revisions]
    cases += [Case(name, old, new, "json", only_changes=True) for name, old, new in revisions]
    name, old, new = revisions[-1]
    cases += [Case(f"{name}-en", old, new, format, lang="en") for format in ("txt", "md")]
    return cases


CASES = _cases()


def render_case(case: Case) -> str:
    """The output the golden file holds."""
    old, new = (parse(decode(path.read_bytes())[0]) for path in (case.old, case.new))
    view = View(
        old=case.old.relative_to(ROOT).as_posix(),
        new=case.new.relative_to(ROOT).as_posix(),
        only_changes=case.only_changes,
        lang=case.lang,
    )
    return FORMATS[case.format](diff(old, new), view)
