"""The check pipeline: a parsed Document's numbering examined — runs of markers and the numbers
and styles they should carry (`runs`, `series`, `marker_style`), what is wrong with them
(`findings`, with the codes of `codes`), and the text with its markers mended (`fix`).

The names below load on first use, so that the command line can read `codes` alone.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from outline.check.codes import CODES, Code
    from outline.check.findings import Finding, check
    from outline.check.fix import Edit, apply, edits, fix

__all__ = ["CODES", "Code", "Edit", "Finding", "apply", "check", "edits", "fix"]

_HOMES = {
    "CODES": "outline.check.codes",
    "Code": "outline.check.codes",
    "Finding": "outline.check.findings",
    "check": "outline.check.findings",
    "Edit": "outline.check.fix",
    "apply": "outline.check.fix",
    "edits": "outline.check.fix",
    "fix": "outline.check.fix",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'outline.check' has no attribute {name!r}")
