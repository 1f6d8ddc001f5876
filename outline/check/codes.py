"""What `check` can find: one row per code, with its severity, its message in Chinese and
English, and a text that shows it. docs/check.md lists the same rows; a test keeps them equal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, get_args

Mend = Literal["number", "style"]
"""What `fix` rewrites: the numbers of a run, or the style of its markers."""
Severity = Literal["error", "warning"]
"""How much a finding matters: "error" for what is wrong in any document, "warning" for what
is worth a look."""
ERROR: Severity = "error"
WARNING: Severity = "warning"
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
"""From the one that matters most."""


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of finding."""

    code: str
    """Stable identifier: a letter for the family (N numbers, S styles, L levels, T titles)
    and three digits. Only people read the letter: what a code means is in its row."""
    severity: Severity
    """"error" for what is wrong in any document, "warning" for what is worth a look."""
    zh: str
    """The message in Chinese, a template whose {fields} the finding fills in."""
    en: str
    """The same message in English."""
    example: str
    """A short document that shows the finding."""
    mends: Mend | None
    """What `fix` rewrites to mend it — the numbers of the run ("number") or the style of the
    marker ("style") — or None when fix does not mend it."""

    @property
    def fixable(self) -> bool:
        """Whether `fix` mends it by rewriting markers."""
        return self.mends is not None

    @property
    def summary(self) -> str:
        """What the code is about, in a few words of each language: 跳号 · number skipped."""
        return f"{self.zh.split('：')[0]} · {self.en.split(':')[0]}"

    @property
    def example_line(self) -> str:
        """The example on one line, ⏎ for each line break: 一、目标 ⏎ 三、任务."""
        return self.example.rstrip("\n").replace("\n", " ⏎ ")


_ROWS = (
    Code(
        "N101",
        ERROR,
        "跳号：{previous}之后是{marker}，缺{missing}",
        "number skipped: {marker} follows {previous}, {missing} is missing",
        "一、目标\n三、任务\n",
        "number",
    ),
    Code(
        "N102",
        ERROR,
        "重号：{marker}重复了上一个编号，应为{expected}",
        "number repeated: {marker} again, {expected} expected",
        "（一）目标\n（二）任务\n（二）措施\n",
        "number",
    ),
    Code(
        "N103",
        ERROR,
        "编号倒退：{previous}之后是{marker}，应为{expected}",
        "number goes back: {marker} follows {previous}, {expected} expected",
        "1.目标\n2.任务\n3.措施\n2.保障\n",
        "number",
    ),
    Code(
        "N104",
        ERROR,
        "起始编号不对：第一个编号是{marker}，应为{expected}",
        "wrong first number: the run starts at {marker}, {expected} expected",
        "二、任务\n三、措施\n",
        "number",
    ),
    Code(
        "N105",
        ERROR,
        "重新编号：{marker}从头编号，而同级各部分连续编号，应为{expected}",
        "numbering restarts: {marker} starts again where its sibling sections continue, "
        "{expected} expected",
        "一、目标\n1.甲\n二、任务\n2.乙\n三、措施\n3.丙\n四、保障\n1.丁\n",
        "number",
    ),
    Code(
        "N106",
        ERROR,
        "接续编号：{marker}接着上一部分编号，而同级各部分从头编号，应为{expected}",
        "numbering continues: {marker} carries on from the section before where its sibling "
        "sections start again, {expected} expected",
        "一、目标\n1.甲\n二、任务\n1.乙\n三、措施\n2.丙\n",
        "number",
    ),
    Code(
        "S201",
        ERROR,
        "编号样式不一：{marker}，同级写作{expected}",
        "marker style differs: {marker} where its level writes {expected}",
        "（一）目标\n(二)任务\n（三）措施\n",
        "style",
    ),
    Code(
        "S202",
        ERROR,
        "编号后标点不当：{marker}应为{expected}",
        "wrong punctuation after the marker: {marker} should be {expected}",
        "一、目标\n二．任务\n三、措施\n",
        "style",
    ),
    Code(
        "L301",
        WARNING,
        "只有一项的列举：{marker}之后没有{missing}",
        "enumeration of one: {marker} with no {missing}",
        "一、目标\n要提高认识。一是统一思想。\n",
        None,
    ),
    Code(
        "L302",
        WARNING,
        "层级次序与惯例相反：{marker}在{parent}之下（一、>（一）>1.>（1））",
        "levels against the usual order: {marker} under {parent} (一、 > （一） > 1. > （1）)",
        "1.目标\n（一）甲\n（二）乙\n2.任务\n",
        None,
    ),
    Code(
        "T401",
        WARNING,
        "标题结尾与同级不一：此处{ending}，同级多数{usual}",
        "title ending differs from its level: {ending} where most have {usual}",
        "一、目标\n二、任务。\n三、措施\n",
        None,
    ),
    Code(
        "T402",
        WARNING,
        "空标题：{marker}之后没有标题",
        "empty heading: {marker} has no title",
        "一、目标\n二、\n三、措施\n",
        None,
    ),
)

CODES: Mapping[str, Code] = MappingProxyType({row.code: row for row in _ROWS})
"""Every code `check` reports, by code."""
