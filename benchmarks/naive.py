"""The naive reference parser the benchmarks measure `outline` against: what a regex parser that
does far less looks like. One compiled pattern per block marker kind, tried at each line start;
a stack by kind (a kind already open closes back to it, a new kind opens a child); titles to
the first 。！？；. No inline enumerations, no runs, no tables of contents, no attachments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN = "[一二三四五六七八九十百零〇两]{1,6}"
AR = "[0-9０-９]{1,3}"
PATTERNS = [
    (name, re.compile(r"[ \t\u3000]*" + pattern))
    for name, pattern in (
        ("part", f"第{CN}编"),
        ("chapter", f"第{CN}章"),
        ("section", f"第{CN}节"),
        ("article", f"第{CN}条"),
        ("cn-dun", f"{CN}、"),
        ("cn-paren", f"[（(]{CN}[）)]"),
        ("arabic-dot", f"{AR}[.．、](?![0-9])"),
        ("arabic-paren", f"[（(]{AR}[）)]"),
        ("circled", "[①②③④⑤⑥⑦⑧⑨⑩]"),
    )
]
STOP = re.compile("[。！？；]")


@dataclass
class Heading:
    """A heading the naive parser found."""

    kind: str
    marker: str
    title: str
    line: int
    children: list[Heading] = field(default_factory=list)


def parse(text: str) -> list[Heading]:
    """The headings of a text, nested by kind."""
    roots: list[Heading] = []
    stack: list[Heading] = []
    for number, line in enumerate(text.splitlines(), 1):
        for kind, pattern in PATTERNS:
            m = pattern.match(line)
            if m is None:
                continue
            rest = line[m.end() :]
            stop = STOP.search(rest)
            title = rest[: stop.start()] if stop else rest
            heading = Heading(kind, m.group().strip(), title, number)
            for i, open_heading in enumerate(stack):
                if open_heading.kind == kind:
                    del stack[i:]
                    break
            (stack[-1].children if stack else roots).append(heading)
            stack.append(heading)
            break
    return roots
