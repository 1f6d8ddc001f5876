"""outline: the skeleton of Chinese official speeches and documents, from their numbering.

>>> from outline import parse
>>> doc = parse("同志们：\\n一、统一思想\\n一是提高站位。二是压实责任。\\n二、狠抓落实\\n")
>>> [(v.level, v.node.marker, v.node.title) for v in doc.walk()]
[(1, '一、', '统一思想'), (2, '一是', '提高站位'), (2, '二是', '压实责任'), (1, '二、', '狠抓落实')]
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from outline.loading import Loaded, load
    from outline.model import Document, Node, Visit
    from outline.parser import parse
    from outline.sources.model import ReadOptions, SourceError

__all__ = [
    "Document",
    "Loaded",
    "Node",
    "ReadOptions",
    "SourceError",
    "Visit",
    "__version__",
    "load",
    "parse",
]
__version__ = "0.1.0"

_HOMES = {
    "Document": "outline.model",
    "Node": "outline.model",
    "Visit": "outline.model",
    "parse": "outline.parser",
    "load": "outline.loading",
    "Loaded": "outline.loading",
    "ReadOptions": "outline.sources.model",
    "SourceError": "outline.sources.model",
}


def __getattr__(name: str) -> Any:
    """Load the parser on first use, so that `outline --help` does not pay for it."""
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'outline' has no attribute {name!r}")
