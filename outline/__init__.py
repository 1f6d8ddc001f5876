"""outline: the skeleton of Chinese official speeches and documents, from their numbering.

>>> from outline import parse
>>> doc = parse("同志们：\\n一、统一思想\\n一是提高站位。二是压实责任。\\n二、狠抓落实\\n")
>>> [(v.level, v.node.marker, v.node.title) for v in doc.walk()]
[(1, '一、', '统一思想'), (2, '一是', '提高站位'), (2, '二是', '压实责任'), (1, '二、', '狠抓落实')]
"""

from outline.model import Document, Node, Visit
from outline.parse import parse

__all__ = ["Document", "Node", "Visit", "__version__", "parse"]
__version__ = "0.1.0"
