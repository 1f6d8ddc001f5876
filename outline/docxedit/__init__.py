"""Writing into the user's own .docx: the skeleton as outline levels (`mark`, for `outline
mark`) and typed markers mended in their runs (`mend`, for `check --fix` on a .docx).

Both change as little as they can: of the package, only the main document part (every other
member is copied as it was: `package`); of that part, only the elements they must, spliced into
its text (`part`, `spans`), so that every other paragraph keeps its bytes. Both find their way
from the reader's text back to the XML through the reader's own enumeration of paragraphs and
of the pieces of their text (`draft`), and read what they wrote back before they return it.

The names below load on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from outline.docxedit.draft import EditError
    from outline.docxedit.levels import Marking, mark
    from outline.docxedit.markers import Mending, mend

__all__ = ["EditError", "Marking", "Mending", "mark", "mend"]

_HOMES = {
    "EditError": "outline.docxedit.draft",
    "Marking": "outline.docxedit.levels",
    "mark": "outline.docxedit.levels",
    "Mending": "outline.docxedit.markers",
    "mend": "outline.docxedit.markers",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'outline.docxedit' has no attribute {name!r}")
