"""Single-file web pages (.mht, .mhtml): the page inside, read as a web page.

Browsers and Word save a page with its images as one MIME message (multipart/related). The
page is the part the message names as its start, else its first HTML part; its transfer
encoding (quoted-printable, base64) is undone by the standard library's email package, and the
charset its part declares is the page's, unless the user forces one.
"""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import Message

from outline.sources import html
from outline.sources.caps import CAPS
from outline.sources.model import SourceError, SourceText


def read(data: bytes, encoding: str | None = None, selector: str | None = None) -> SourceText:
    """The page of a saved single-file page, as `html.read` reads it."""
    message = message_from_bytes(data, policy=policy.compat32)
    part = _page(message)
    if part is None:
        raise SourceError("is a saved page (MIME) without an HTML part")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise SourceError("is a saved page whose HTML part is empty")
    got = html.read(payload, encoding, selector, declared=part.get_content_charset())
    return SourceText(text=got.text, format="mht", encoding=got.encoding, line_unit=got.line_unit)


def _page(message: Message) -> Message | None:
    """The part that holds the page: the one the message starts with, else the first HTML
    part, else the message itself when it is a page."""
    if not message.is_multipart():
        return message if message.get_content_type() in ("text/html", "text/plain") else None
    parts = []
    for count, part in enumerate(message.walk()):
        if count > CAPS.mime_parts:
            raise SourceError(f"is a saved page of more than {CAPS.mime_parts} parts: refused")
        if not part.is_multipart():
            parts.append(part)
    param = message.get_param("start")
    start = param.strip().strip("<>") if isinstance(param, str) else ""
    if start:
        for part in parts:
            if (part.get("Content-ID") or "").strip().strip("<>") == start:
                return part
    return next((p for p in parts if p.get_content_type() == "text/html"), None)
