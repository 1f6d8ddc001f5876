"""JSON: the changes as data for other tools. The shape is stable:

{"old": PATH, "new": PATH, "changes": [{"op": OP, "ops": [OP, ...], "old": NODEREF|null,
"new": NODEREF|null}, ...]} where NODEREF is {"line", "marker", "number", "title", "level",
"path"} and `path` holds the titles from the top down to the heading's own. Changes come in
the order of the merged skeleton (see `outline.diff.Diff.rows`).
"""

from __future__ import annotations

import json
from typing import Any

from outline.diff import Change, Diff, NodeRef
from outline.render.diff.view import View, visible


def ref_dict(ref: NodeRef | None) -> dict[str, Any] | None:
    """One side of a change as plain JSON types."""
    if ref is None:
        return None
    return {
        "line": ref.line,
        "marker": ref.marker,
        "number": ref.number,
        "title": ref.title,
        "level": ref.level,
        "path": list(ref.path),
    }


def change_dict(change: Change) -> dict[str, Any]:
    """One change as plain JSON types."""
    return {
        "op": change.op,
        "ops": list(change.ops),
        "old": ref_dict(change.old),
        "new": ref_dict(change.new),
    }


def diff_dict(diff: Diff, view: View) -> dict[str, Any]:
    """The changes the view shows, as plain JSON types; with `only_changes`, the unchanged
    headings that other views keep to place the changes are left out too."""
    changes = [c for s in visible(diff, view) for c in s.row.changes]
    if view.only_changes:
        changes = [c for c in changes if c.op != "unchanged"]
    return {"old": view.old, "new": view.new, "changes": [change_dict(c) for c in changes]}


def summary_dict(diff: Diff, view: View) -> dict[str, Any]:
    """The count of each op (all of them) and the similarity, as plain JSON types."""
    return {
        "old": view.old,
        "new": view.new,
        "counts": diff.counts(),
        "similarity": round(diff.similarity, 4),
    }


def dump(data: dict[str, Any]) -> str:
    """Indented JSON, UTF-8 characters unescaped."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(diff: Diff, view: View) -> str:
    """The diff as indented JSON."""
    return dump(diff_dict(diff, view))
