"""The documents the diff benchmark compares: trees of headings written out as text, revised
by hand-picked rules, and crafted shapes that stress one stage of diff each.

Every shape is a function of a size (headings on each side, roughly) that returns the old and
the new text; doubling the size doubles the text.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass, field

WORDS = [
    *("加强", "推进", "完善", "健全", "落实", "深化", "强化", "提升", "坚持", "严格"),
    *("持续", "全面", "统筹", "扎实", "巩固", "拓展", "组织", "思想", "作风", "纪律"),
    *("制度", "机制", "监督", "责任", "队伍", "基层", "政治", "党建", "廉洁", "改革"),
    *("发展", "治理", "建设", "领导", "体系", "能力", "水平", "保障", "管理", "教育"),
]
"""What the titles of the benchmark's skeletons are made of."""
DIGITS = "零一二三四五六七八九"
UNITS = ((1000, "千"), (100, "百"), (10, "十"))
LINKS = "【原文下载】\n【打印本页】\n【关闭窗口】\n"
BODY = (
    "要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，"
    "坚定不移推进全面从严治党，持续深化正风肃纪反腐，为高质量发展提供坚强保障。"
) * 3
"""A long body, the same under every heading of the worst shape."""

Shape = Callable[[int], tuple[str, str]]


def cn(n: int) -> str:
    """A number below 10,000 in Chinese numerals: 1 一, 10 十, 16 十六, 305 三百零五."""
    if n < 10:
        return DIGITS[n]
    out, gap = "", False
    for value, unit in UNITS:
        digit, n = divmod(n, value)
        if digit:
            out += (
                ("零" if gap else "")
                + ("" if value == 10 and digit == 1 and not out else DIGITS[digit])
                + unit
            )
            gap = False
        elif out:
            gap = True
    return out + (("零" if gap else "") + DIGITS[n] if n else "")


@dataclass
class Heading:
    """A heading of a benchmark skeleton."""

    title: str
    body: str
    children: list[Heading] = field(default_factory=list)


MARKERS: tuple[Callable[[int], str], ...] = (
    lambda n: f"第{cn(n)}章",
    lambda n: f"第{cn(n)}节",
    lambda n: f"{cn(n)}、",
    lambda n: f"（{cn(n)}）",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
    lambda n: chr(0x2460 + n - 1),
    lambda n: chr(0x2474 + n - 1),
)
"""The marker of each level, from the top; a tree uses as many as it is deep, from the end
of this list up, so a shallow tree reads 一、 （一） 1. as documents do."""


def title(rng: random.Random) -> str:
    """Three to six words."""
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))


def sentence(rng: random.Random) -> str:
    """A sentence of two clauses."""
    return f"{title(rng)}，{title(rng)}。"


def headings(
    rng: random.Random, shape: tuple[int, ...], sentences: tuple[int, int] = (1, 1)
) -> list[Heading]:
    """`shape[0]` headings, each with shape[1:] below, each with a body of as many sentences
    as `sentences` (least, most) allows."""
    if not shape:
        return []
    return [
        Heading(
            title(rng),
            "".join(sentence(rng) for _ in range(rng.randint(*sentences))),
            headings(rng, shape[1:], sentences),
        )
        for _ in range(shape[0])
    ]


def depth(tree: list[Heading]) -> int:
    return 1 + max((depth(h.children) for h in tree), default=0) if tree else 0


def text(tree: list[Heading], tail: str = "") -> str:
    """The tree written out, each heading on its line and its body on the next: 一、 （一） 1.
    for three levels or fewer, MARKERS from the top for more."""
    levels = depth(tree)
    markers = MARKERS[2:5] if levels <= 3 else MARKERS[:levels]
    lines: list[str] = []

    def put(items: list[Heading], level: int) -> None:
        for n, heading in enumerate(items, 1):
            lines.append(f"{markers[level](n)}{heading.title}")
            if heading.body:
                lines.append(heading.body)
            put(heading.children, level + 1)

    put(tree, 0)
    return "\n".join(lines) + "\n" + tail


def every(tree: list[Heading]) -> list[tuple[list[Heading], Heading]]:
    """Every heading with the list it stands in, in document order."""
    found = []
    for heading in tree:
        found.append((tree, heading))
        found.extend(every(heading.children))
    return found


def revise(tree: list[Heading], rng: random.Random, edits: int) -> list[Heading]:
    """A copy of the tree with random insertions, deletions, renames and swaps of points."""
    revised = copy.deepcopy(tree)
    for _ in range(edits):
        points = rng.choice(rng.choice(revised).children).children
        kind = rng.randrange(4)
        if kind == 0 and len(points) < 9:
            points.insert(rng.randrange(len(points) + 1), Heading(title(rng), "新增内容。"))
        elif kind == 1 and len(points) > 1:
            points.pop(rng.randrange(len(points)))
        elif kind == 2:
            point = rng.choice(points)
            point.title = point.title[:-2] + rng.choice(WORDS)
        elif len(points) > 1:
            i, j = rng.sample(range(len(points)), 2)
            points[i], points[j] = points[j], points[i]
    return revised


def rewrite(tree: list[Heading], rng: random.Random) -> list[Heading]:
    """A copy of the tree with every title rewritten: one word replaced, one added."""
    revised = copy.deepcopy(tree)
    for _, heading in every(revised):
        words = [heading.title[i : i + 2] for i in range(0, len(heading.title), 2)]
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
        heading.title = "".join(words)
    return revised


def thin(
    tree: list[Heading],
    rng: random.Random,
    share: float,
    fresh: Callable[[random.Random], str] = title,
) -> list[Heading]:
    """A copy of the tree with about `share` of its points (headings without children)
    deleted and as many inserted into the same lists, titled by `fresh`."""
    revised = copy.deepcopy(tree)
    places = [(items, heading) for items, heading in every(revised) if not heading.children]
    for items, heading in rng.sample(places, int(len(places) * share)):
        if heading in items:
            at = items.index(heading)
            items.pop(at)
            items.insert(rng.randrange(len(items) + 1), Heading(fresh(rng), heading.body))
    return revised


def wide(size: int) -> tuple[int, ...]:
    """Three levels, about `size` headings: sections of ten parts of nine points."""
    return (max(1, size // 100), 10, 9)


def ordinary(size: int) -> tuple[str, str]:
    """Three levels, 60 random edits per thousand headings."""
    rng = random.Random(3)
    tree = headings(rng, wide(size))
    return text(tree), text(revise(tree, rng, 60 * size // 1000))


def rewritten(size: int) -> tuple[str, str]:
    """Three levels, every title rewritten, nothing else changed."""
    rng = random.Random(5)
    tree = headings(rng, wide(size))
    return text(tree), text(rewrite(tree, rng))


def rewritten_speech(size: int) -> tuple[str, str]:
    """Three levels, every title rewritten, each heading with a paragraph of four to twelve
    sentences (200 to 600 characters) as speeches have."""
    rng = random.Random(29)
    tree = headings(rng, wide(size), (4, 12))
    return text(tree), text(rewrite(tree, rng))


def unrelated(size: int) -> tuple[str, str]:
    """Two skeletons of the same words and shape, nothing else in common."""
    rng = random.Random(7)
    return text(headings(rng, wide(size))), text(headings(rng, wide(size)))


def identical(size: int) -> tuple[str, str]:
    """Every heading titled alike, in sections of 99 points; a tenth moved or replaced."""
    rng = random.Random(11)
    tree = [
        Heading("加强组织建设", "", [Heading("加强组织建设", "") for _ in range(99)])
        for _ in range(max(1, size // 100))
    ]
    return text(tree), text(thin(tree, rng, 0.1, lambda _: "加强组织建设"))


def near_identical(size: int) -> tuple[str, str]:
    """Every title alike but for its number, every one rewritten the same way."""
    tree = [
        Heading(
            f"加强组织建设第{cn(s)}部分",
            "",
            [Heading(f"加强组织建设第{cn(s)}部分第{cn(p)}项工作", "") for p in range(1, 100)],
        )
        for s in range(1, max(2, size // 100 + 1))
    ]
    new = copy.deepcopy(tree)
    for _, heading in every(new):
        heading.title = heading.title.replace("加强", "强化")
    return text(tree), text(new)


def deep(size: int) -> tuple[str, str]:
    """As deep as the markers go (eight levels), a few headings at each."""
    rng = random.Random(13)
    tree = headings(rng, (max(1, round(size / 255)), *(2,) * (len(MARKERS) - 1)))
    new = thin(tree, rng, 0.1)
    for _, heading in every(new)[::10]:
        heading.title = heading.title[:-2] + rng.choice(WORDS)
    return text(tree), text(new)


def huge_section(size: int) -> tuple[str, str]:
    """One section of `size` articles; a third deleted, a fifth renamed."""
    rng = random.Random(17)
    articles = [Heading(title(rng), f"{title(rng)}。") for _ in range(size)]
    old = "第一章总则\n" + "".join(
        f"第{cn(k)}条{a.title}\n{a.body}\n" for k, a in enumerate(articles, 1)
    )
    kept = [a for k, a in enumerate(articles) if k % 3]
    for a in kept[::5]:
        a.title = a.title[:-2] + rng.choice(WORDS)
    new = "第一章总则\n" + "".join(
        f"第{cn(k)}条{a.title}\n{a.body}\n" for k, a in enumerate(kept, 1)
    )
    return old, new


def untitled(size: int) -> tuple[str, str]:
    """No heading has a title (一、 alone on its line), each has a body; a tenth replaced."""
    rng = random.Random(19)
    tree = headings(rng, wide(size))
    for _, heading in every(tree):
        heading.title = ""
    return text(tree), text(thin(tree, rng, 0.1, lambda _: ""))


def worst(size: int) -> tuple[str, str]:
    """Every title rewritten, every body the same long text, sections shuffled, and the page
    links after the last: nothing to go by but rewritten titles, and bodies that match all."""
    rng = random.Random(23)
    tree = headings(rng, wide(size))
    for _, heading in every(tree):
        heading.body = BODY
    new = rewrite(tree, rng)
    rng.shuffle(new)
    for heading in new:
        rng.shuffle(heading.children)
    return text(tree, LINKS), text(new, LINKS)


SHAPES: dict[str, Shape] = {
    "ordinary revision": ordinary,
    "every title rewritten": rewritten_speech,
    "... with one-line bodies": rewritten,
    "unrelated skeletons": unrelated,
    "identical titles": identical,
    "near-identical titles": near_identical,
    "deep nesting": deep,
    "one huge section": huge_section,
    "all titles empty": untitled,
    "worst: shuffled, rewritten": worst,
}
"""Each shape by the name the benchmark prints."""
