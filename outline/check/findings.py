"""`check`: what is wrong with a document's numbering, as findings with a code, a severity and
a message in Chinese and English. Pure: a Document in, findings out.

>>> from outline import parse
>>> [f"{f.line}:{f.column} {f.code} {f.message_en}" for f in check(parse("一、目标\\n三、任务\\n"))]
['2:1 N101 number skipped: 三、 follows 一、, 二、 is missing']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from outline.check.codes import CODES, Severity
from outline.check.marker_style import STANDARD, corrected, write
from outline.check.runs import Mark, Run, runs
from outline.model import Document, Node
from outline.parser.layout import SENTENCE_STOPS, SPACE, Layout
from outline.parser.markers import FAMILIES, ROWS

ORDER = {kind.kind: kind.order for kind in ROWS if kind.order}
"""The conventional order of heading kinds from the top down: 一、 > （一） > 1. > （1） > ①."""
SENTENCES = frozenset(kind.kind for kind in ROWS if kind.clause)
"""Kinds whose "title" is the first sentence of a clause (第五条　公民应当……；), not a heading
whose ending is a matter of style."""
ENDINGS: dict[str, tuple[str, str]] = {
    "": ("无标点", "no punctuation"),
    "。": ("有句末标点", "a sentence stop"),
    "：": ("有冒号", "a colon"),
}
"""How a title may end — nothing, 。！？；, or ： — in Chinese and English."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong, or worth a look, in a document."""

    line: int
    """1-based line where it is."""
    column: int
    """1-based column where it is."""
    severity: Severity
    """"error" or "warning"."""
    code: str
    """Its code, a key of `outline.codes.CODES`: "N101"."""
    message_zh: str
    """What it is, in Chinese, on one line."""
    message_en: str
    """What it is, in English, on one line."""
    fixable: bool = False
    """Whether `fix` mends it."""

    def message(self, lang: str) -> str:
        """The message in a language: "zh" or "en"."""
        return self.message_en if lang == "en" else self.message_zh


def check(doc: Document, style: str = STANDARD) -> list[Finding]:
    """Everything wrong with a document's numbering, in the order of the text; `style` is the
    rule for a level written in more than one style (`marker_style.preferred`)."""
    layout = Layout(doc.text)
    found: list[Finding] = []
    for run in runs(doc, layout, style):
        found.extend(_numbering(run))
        found.extend(_styles(run))
        found.extend(_levels(run))
    found.extend(_titles(doc, layout))
    return sorted(found, key=lambda f: (f.line, f.column, f.code))


def _finding(
    code: str,
    line: int,
    column: int,
    fields: dict[str, str],
    *,
    fixable: bool = False,
    en: dict[str, str] | None = None,
) -> Finding:
    """A finding of a code, its messages filled in (`en` overrides fields in English)."""
    row = CODES[code]
    return Finding(
        line=line,
        column=column,
        severity=row.severity,
        code=code,
        message_zh=row.zh.format(**fields),
        message_en=row.en.format(**(fields | (en or {}))),
        fixable=fixable and row.fixable,
    )


def _at(code: str, mark: Mark, fixable: bool = False, **fields: str) -> Finding:
    """A finding at a marker; its message names the marker."""
    return _finding(
        code, mark.line, mark.column, {"marker": mark.marker, **fields}, fixable=fixable
    )


def _written(run: Run, mark: Mark, number: int) -> str:
    """A marker for a number, as this marker would be written with it (or the bare number, if
    that style has no numeral for it)."""
    style = mark.style or run.style
    return (write(run.kind, style, number) if style else None) or str(number)


def _mendable(run: Run, mark: Mark, number: int) -> bool:
    """Whether `fix` can give a marker another number."""
    style = mark.style or run.style
    return (
        not mark.inserted
        and mark.numeral is not None
        and style is not None
        and write(run.kind, style, number) is not None
    )


def _numbering(run: Run) -> Iterator[Finding]:
    """Numbers that break their run: reported where the break is, not at every marker after
    it (一、二、四、五、 has one number skipped, not two wrong)."""
    for index, (mark, expected) in enumerate(zip(run.marks, run.expected, strict=True)):
        number = mark.number
        if number == expected:
            continue
        fixable = _mendable(run, mark, expected)
        want = _written(run, mark, expected)
        previous = run.marks[index - 1] if index else run.follows
        if index == 0 and run.convention == "continue" and number == 1:
            yield _at("N105", mark, fixable, expected=want)
        elif index == 0 and run.convention == "restart" and _continues(run.follows, mark):
            yield _at("N106", mark, fixable, expected=want)
        elif index == 0 and expected == 1:
            yield _at("N104", mark, fixable, expected=want)
        elif previous is not None and number != previous.number + 1:
            yield _broken(run, mark, previous, want, fixable)


def _continues(previous: Mark | None, mark: Mark) -> bool:
    return previous is not None and mark.number == previous.number + 1


def _broken(run: Run, mark: Mark, previous: Mark, want: str, fixable: bool) -> Finding:
    """A number that does not follow the one before it: skipped, repeated or going back."""
    if mark.number == previous.number:
        return _at("N102", mark, fixable, expected=want)
    if mark.number < previous.number:
        return _at("N103", mark, fixable, previous=previous.marker, expected=want)
    missing = _written(run, mark, previous.number + 1)
    if mark.number > previous.number + 2:
        missing += "–" + _written(run, mark, mark.number - 1)
    return _at("N101", mark, fixable, previous=previous.marker, missing=missing)


def _styles(run: Run) -> Iterator[Finding]:
    """Markers not written like the others of their level, or with stray punctuation."""
    if run.style is None:
        return
    for mark in run.marks:
        style = mark.style
        if style is None or style == run.style:
            continue
        want = write(run.kind, run.style, mark.number) or str(run.style)
        code = "S202" if corrected(run.kind, style) != style else "S201"
        yield _at(code, mark, mark.exact and not mark.inserted, expected=want)


def _levels(run: Run) -> Iterator[Finding]:
    """An enumeration of one; a heading kind nested against the conventional order."""
    first = run.marks[0]
    if run.lone:
        missing = _written(run, first, 2)
        yield _at("L301", first, missing=missing)
    parent = run.parent
    if (
        run.heading
        and parent is not None
        and run.kind in ORDER
        and parent.kind in ORDER
        and ORDER[run.kind] < ORDER[parent.kind]
    ):
        yield _at("L302", first, parent=parent.marker)


def _titles(doc: Document, layout: Layout) -> Iterator[Finding]:
    """Empty headings; headings whose title ends unlike most of their siblings'."""
    siblings: dict[tuple[int, str], list[tuple[str, int]]] = defaultdict(list)
    for visit in doc.walk():
        node = visit.node
        if node.inline:
            continue
        if not node.title:
            rows = FAMILIES.get(node.kind)
            if rows is None or rows[0].titled:
                yield _finding("T402", node.line, node.column, {"marker": node.marker})
        elif node.kind not in SENTENCES:
            parent = visit.parent.marker_start if visit.parent else -1
            siblings[(parent, node.kind)].append(_ending(doc, node))
    for endings in siblings.values():
        counts = Counter(ending for ending, _ in endings)
        usual = max(counts, key=lambda e: (counts[e], -_first(endings, e)))
        for ending, offset in endings:
            if ending != usual:
                line, column = layout.locate(offset)
                (this_zh, this_en), (usual_zh, usual_en) = ENDINGS[ending], ENDINGS[usual]
                fields = {"ending": this_zh, "usual": usual_zh}
                en = {"ending": this_en, "usual": usual_en}
                yield _finding("T401", line, column, fields, en=en)


def _first(endings: list[tuple[str, int]], ending: str) -> int:
    return next(i for i, (e, _) in enumerate(endings) if e == ending)


def _ending(doc: Document, node: Node) -> tuple[str, int]:
    """How a heading's title ends (。 for any sentence stop, ：, or nothing), and where."""
    text = doc.text
    end = node.body_start
    if end > node.marker_start and text[end - 1] in SENTENCE_STOPS:
        return "。", end - 1
    while end > node.marker_start and text[end - 1] in SPACE + "\r\n":
        end -= 1
    last = text[end - 1] if end > node.marker_start else ""
    return ("：", end - 1) if last in "：:" else ("", end)
