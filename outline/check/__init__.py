"""The check pipeline: a parsed Document's numbering examined — runs of markers and the numbers
and styles they should carry (`runs`, `series`, `marker_style`), what is wrong with them
(`findings`, with the codes of `codes`), and the text with its markers mended (`fix`).
"""

from __future__ import annotations

from outline.check.codes import CODES, Code
from outline.check.findings import Finding, check
from outline.check.fix import Edit, apply, edits, fix

__all__ = ["CODES", "Code", "Edit", "Finding", "apply", "check", "edits", "fix"]
