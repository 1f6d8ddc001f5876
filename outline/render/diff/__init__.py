"""Renderers for a Diff: each takes the diff and a View (what to show) and returns text.
`FORMATS` maps a format's name to its renderer; the CLI's choices come from its keys. The
terminal tree is in `terminal.py`, the one module here that uses rich.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from outline.diff import Diff
from outline.render.diff import json, markdown, text
from outline.render.diff.view import View

__all__ = ["FORMATS", "Renderer", "View"]

Renderer = Callable[[Diff, View], str]

FORMATS: Mapping[str, Renderer] = MappingProxyType(
    {"txt": text.render, "md": markdown.render, "json": json.render}
)
"""Diff formats by name."""
