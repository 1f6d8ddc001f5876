"""The HTML export in a real browser: headless Chromium loads the page in a frame as wide as a
phone, runs nothing of the document, and shows the whole tree without sideways scrolling.
Skipped when no Chromium is installed (Debian: apt-get install chromium)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from outline import parse
from outline.render import FORMATS, Options
from tests.support.corpus import SEEDS, parse_file
from tests.support.readback import outline_of

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
PHONE = 375
"""CSS pixels across a common phone; headless windows are no narrower than 500, so the page is
shown in a frame this wide."""
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")

HOSTILE = (
    "<script>window.pwned = 'title'</script>的通知\n"
    "一、<img src=x onerror=\"window.pwned = 'heading'\">总体要求\n"
    "（一）指导思想https://example.org/" + "a" * 300 + "。正文。\n"
    "<script>window.pwned = 'body'</script>\n"
    "二、</details></main><script>window.pwned = 'escape'</script>\n"
)

PROBE = """<script>
const level = (node) => {
  let n = 0;
  for (let e = node; e; e = e.parentElement) if (e.classList.contains("node")) n += 1;
  return n;
};
const text = (node, name) => node.querySelector(`:scope > summary > .${name}, :scope > .${name}`);
const nodes = [...document.querySelectorAll(".node")];
window.parent.document.body.dataset.probe = JSON.stringify({
  pwned: window.pwned || null,
  scripts: document.scripts.length,
  title: document.title,
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  fontSize: parseFloat(getComputedStyle(document.body).fontSize),
  open: [...document.querySelectorAll("details")].map((d) => d.open),
  nodes: nodes.map((n) => [level(n), text(n, "marker").textContent,
                           text(n, "title").textContent, Number(text(n, "line").textContent)]),
});
</script>
"""


def probe(page: str, tmp_path: Path) -> dict[str, Any]:
    """What the browser makes of a page: a script of the test's own, appended to it, reports."""
    assert BROWSER is not None
    framed = html.escape(page.replace("</body>", PROBE + "</body>"), quote=True)
    path = tmp_path / "phone.html"
    path.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe style="width:{PHONE}px;height:800px;border:0" srcdoc="{framed}"></iframe>'
        "</body></html>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
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


def test_a_hostile_document_stays_text_and_fits_a_phone(tmp_path: Path) -> None:
    doc = parse(HOSTILE)
    page = FORMATS["html"].render(doc, Options(source="hostile.txt", body=True))
    assert isinstance(page, str)
    seen = probe(page, tmp_path)
    assert seen["pwned"] is None
    assert seen["scripts"] == 1  # the probe alone
    assert seen["title"] == "<script>window.pwned = 'title'</script>的通知"
    assert [tuple(n) for n in seen["nodes"]] == outline_of(doc, xml=True)
    assert seen["innerWidth"] == PHONE
    assert seen["scrollWidth"] <= seen["innerWidth"]  # no sideways scrolling
    assert seen["fontSize"] >= 16


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_a_seed_shows_its_whole_tree(seed: Path, tmp_path: Path) -> None:
    doc = parse_file(seed)
    page = FORMATS["html"].render(doc, Options(source=f"seeds/{seed.name}"))
    assert isinstance(page, str)
    seen = probe(page, tmp_path)
    assert [tuple(n) for n in seen["nodes"]] == outline_of(doc)
    assert seen["open"] and all(seen["open"])  # a bare skeleton opens every level
    assert seen["scrollWidth"] <= seen["innerWidth"]
