"""The SVG mind map in a real browser: headless Chromium draws the longest seed, and every
heading shows, its text inside its own box, no box over another. Skipped when no Chromium is
installed (Debian: apt-get install chromium fonts-noto-cjk)."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from outline.render import FORMATS, Options
from tests.support.corpus import SEEDS, parse_file
from tests.support.readback import topics_of
from tests.test_browser import BROWSER

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")
SLACK = 1.0
"""Pixels a glyph's box may stray past its frame by antialiasing alone."""

PROBE = """<script>
const box = (e) => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; };
document.body.dataset.probe = JSON.stringify({
  pwned: window.pwned || null,
  nodes: [...document.querySelectorAll("g.node")].map((g) => ({
    title: g.querySelector("title").textContent,
    shown: g.querySelector("text").textContent,
    frame: box(g.querySelector("rect")),
    text: box(g.querySelector("text")),
  })),
});
</script>
"""


def drawn(svg: str, tmp_path: Path) -> dict[str, Any]:
    """What the browser draws of an SVG: each node's frame and the box of its text."""
    assert BROWSER is not None
    path = tmp_path / "map.html"
    path.write_text(f"<!DOCTYPE html><html><body>{svg}{PROBE}</body></html>", encoding="utf-8")
    result = subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(r'data-probe="([^"]*)"', result.stdout)
    assert found, result.stderr[-2000:]
    data: dict[str, Any] = json.loads(html.unescape(found[1]))
    return data


def inside(inner: list[float], outer: list[float]) -> bool:
    x, y, w, h = inner
    left, top, width, height = outer
    return (
        x >= left - SLACK
        and y >= top - SLACK
        and x + w <= left + width + SLACK
        and y + h <= top + height + SLACK
    )


def apart(a: list[float], b: list[float]) -> bool:
    return a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]


def test_the_longest_seed_shows_every_heading_without_overlaps(tmp_path: Path) -> None:
    seed = max(SEEDS, key=lambda s: s.stat().st_size)
    doc = parse_file(seed)
    svg = FORMATS["svg"].render(doc, Options(source=str(seed)))
    assert isinstance(svg, str)
    nodes = drawn(svg, tmp_path)["nodes"]
    assert [n["title"] for n in nodes[1:]] == [title for _, title in topics_of(doc)]
    for node in nodes:
        assert inside(node["text"], node["frame"]), node["title"]
    frames = [n["frame"] for n in nodes]
    for i, frame in enumerate(frames):
        assert all(apart(frame, other) for other in frames[i + 1 :]), nodes[i]["title"]


def test_hostile_titles_are_drawn_as_text(tmp_path: Path) -> None:
    from outline import parse

    doc = parse(
        "<script>window.pwned='t'</script>的通知\n"
        "一、<img src=x onerror=\"window.pwned='h'\">要求\n"
        '二、"]]）)} & `code`\n'
    )
    svg = FORMATS["svg"].render(doc, Options())
    assert isinstance(svg, str)
    seen = drawn(svg, tmp_path)
    assert seen["pwned"] is None
    assert [n["shown"] for n in seen["nodes"]] == [
        "<script>window.pwned='t'</script>的通知",
        "一、<img src=x onerror=\"window.pwned='h'\">要求",
        '二、"]]）)} & `code`',
    ]
