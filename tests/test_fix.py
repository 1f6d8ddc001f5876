"""`fix` on small documents and on the seeds: markers rewritten, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from outline import parse
from outline.check.codes import CODES, ERROR
from outline.check.findings import check
from outline.check.fix import fix
from tests.support.corpus import CHECK_CASES, SEEDS, read_case


@pytest.mark.parametrize("path", CHECK_CASES, ids=[p.stem for p in CHECK_CASES])
def test_case(path: Path) -> None:
    text, _, mended = read_case(path)
    assert fix(text, parse(text)) == mended
    assert [f for f in check(parse(mended)) if f.severity == ERROR] == []


@pytest.mark.parametrize("code", [code for code, row in CODES.items() if row.fixable])
def test_the_example_of_each_fixable_code_is_mended(code: str) -> None:
    example = CODES[code].example
    mended = fix(example, parse(example))
    assert mended != example
    assert check(parse(mended)) == []


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_fix_leaves_the_seeds_alone(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    assert fix(text, parse(text)) == text


def test_fix_touches_markers_only_and_keeps_line_endings() -> None:
    text = "一、目标\r\n三、任务\r\n(一)甲。\r\n（二）乙。\r\n"
    assert fix(text, parse(text)) == "一、目标\r\n二、任务\r\n（一）甲。\r\n（二）乙。\r\n"


def test_fix_renumbers_a_marker_with_an_escape_but_keeps_its_style() -> None:
    text = "一、目标\n\n1\\.甲\n\n2.乙\n\n4.丙\n\n5、丁\n"
    assert fix(text, parse(text)) == "一、目标\n\n1\\.甲\n\n2.乙\n\n3.丙\n\n4.丁\n"


WRAPPED = [
    "一、总体要求",
    "要做到以下几点。一要统一思想认识提高政治站位切实增强责任感使命",
    "感。二要明确目标任务细化工作措施层层压实责任确保各项工作落到实",
    "处。完善工作机制强化督查问责推进改革创新提升服务能力水平。四",
    "要完善工作机制强化督查问责推进改革创新提升服务能力水平加强组织",
    "领导完善工作机制强化督查问责推进改革创新提升服务能力水平加强组",
    "织领导完善工作机制强化督查问责推进改革创新提升服务能力水平。",
]


def test_fix_renumbers_a_marker_broken_by_a_hard_wrap_in_place() -> None:
    text = "\n".join(WRAPPED) + "\n"
    assert [f.code for f in check(parse(text))] == ["N101"]
    mended = fix(text, parse(text))
    assert mended == text.replace("。四\n要", "。三\n要")


def test_fix_can_renumber_or_restyle_alone() -> None:
    text = "（一）甲\n(三)乙\n（三）丙\n"
    doc = parse(text)
    assert fix(text, doc, restyle=False) == "（一）甲\n(二)乙\n（三）丙\n"
    assert fix(text, doc, renumber=False) == "（一）甲\n（三）乙\n（三）丙\n"
