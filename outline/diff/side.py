"""One skeleton flattened for comparing: every heading by its index in document order, with
its parent, children, level, and its title, body and whole text as compared."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from outline.model import Document, Visit

TITLE_MAX = 400
"""Titles are compared for similarity on their first characters only (a title runs to the end
of its paragraph when no sentence ends it)."""
BODY_MIN = 20
"""Bodies shorter than this (normalised characters) say too little to pair headings by."""
BODY_MAX = 400
"""Bodies are compared on their first characters only."""
TEXT_MAX = 4000
"""A heading's whole text (for splits and merges) is compared on its first characters only."""
FURNITURE = re.compile(
    r"^[ \t\u3000]*(?:"
    r"(?:【[^】\n]{1,12}】|打印本页|关闭窗口|原文下载|返回顶部|我要纠错|分享到|收藏本页)"
    r"[ \t\u3000|｜/·•]*)+$",
    re.M,
)
"""A line of page furniture: links in brackets (【原文下载】 【打印本页】) or a web page's own
words (关闭窗口). Not content: after the last section of a page, it says nothing of where a
section's text went."""


@dataclass(frozen=True, slots=True)
class Side:
    """One skeleton flattened for matching: every heading by its index in document order."""

    visits: tuple[Visit, ...]
    """The headings in document order, with their ancestors."""
    parents: tuple[int, ...]
    """Index of each heading's parent, -1 for a top-level heading."""
    children: tuple[tuple[int, ...], ...]
    """Indices of each heading's children."""
    keys: tuple[str, ...]
    """Each title normalised: `normalise(title)`."""
    titles: tuple[str, ...]
    """Each title as compared for similarity: its key cut to TITLE_MAX characters."""
    bodies: tuple[str, ...]
    """Each heading's own body normalised, cut to BODY_MAX characters; empty when it is
    shorter than BODY_MIN."""
    texts: tuple[str, ...]
    """Each heading's title and own body normalised, cut to TEXT_MAX characters."""
    levels: tuple[int, ...]
    """Each heading's depth, 1 for top level."""

    def level(self, index: int) -> int:
        """Depth of a heading, 1 for top level."""
        return self.levels[index]


_NOT_WORD = re.compile(r"[\W_]+")
_OUTSIDE = re.compile(
    r"[^\x00-\xff\u2000-\u206f\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uff00-\uff9d]"
)
"""A character outside the blocks Chinese text is written in (ASCII and Latin-1, general
punctuation, CJK punctuation but its tone marks, CJK ideographs, full-width and half-width
forms but the half-width sound marks and Hangul). Inside them, NFKC works character by
character (none decomposes into anything that composes with what precedes it), and takes no
character that is neither letter nor digit to one that is."""


def normalise(text: str) -> str:
    """Text as compared: width folded (NFKC), letters and digits only."""
    if _OUTSIDE.search(text) is None:
        # NFKC character by character, and none of the characters dropped would have
        # become letters or digits: when what is left is NFKC already, it is the answer.
        kept = _NOT_WORD.sub("", text)
        if unicodedata.is_normalized("NFKC", kept):
            return kept
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def flatten(doc: Document) -> Side:
    """A document's skeleton as a Side."""
    visits = tuple(doc.walk())
    where = {id(v.node): i for i, v in enumerate(visits)}
    parents = tuple(where[id(v.parent)] if v.parent is not None else -1 for v in visits)
    children: list[list[int]] = [[] for _ in visits]
    for i, parent in enumerate(parents):
        if parent >= 0:
            children[parent].append(i)
    keys = tuple(normalise(v.node.title) for v in visits)
    bodies, texts = [], []
    for v, key in zip(visits, keys, strict=True):
        body = normalise(FURNITURE.sub("", doc.body(v.node)[: TEXT_MAX * 2]))
        bodies.append(body[:BODY_MAX] if len(body) >= BODY_MIN else "")
        texts.append((key + body)[:TEXT_MAX])
    return Side(
        visits=visits,
        parents=parents,
        children=tuple(tuple(c) for c in children),
        keys=keys,
        titles=tuple(key[:TITLE_MAX] for key in keys),
        bodies=tuple(bodies),
        texts=tuple(texts),
        levels=tuple(v.level for v in visits),
    )
