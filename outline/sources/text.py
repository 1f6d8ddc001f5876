"""Plain text: the bytes decoded with an encoding detection that is right for Chinese documents.

Without a byte order mark, strict UTF-8 is tried first (a GBK file almost never passes it),
then strict GB18030 (a superset of GBK and GB2312). A guess is checked before it is taken:
private-use, replacement or control characters, or almost none of the commonest characters of
Chinese text, mean that the bytes were Big5 (or UTF-16 without its mark) instead.

A file damaged in a few places (a stray byte, a character cut in two) is not refused: when no
encoding reads it whole, but one reads all of it save a handful of bytes, those bytes become
replacement characters (U+FFFD) and the encoding reported says how many ("utf-8, 3 bytes
replaced"). A forced encoding is read the same way.
"""

from __future__ import annotations

import codecs
import re

from outline.sources.model import SourceError, SourceText

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte order marks, longest first where one begins another (UTF-32-LE begins as UTF-16-LE)."""
SUSPICIOUS = "[\ufffd\ue000-\uf8ff\x80-\x9f]|[\x00-\x08\x0e-\x1f]"
"""Replacement, private-use and control characters: signs that a guess was wrong. (This
pattern and CJK are compiled by `re` on first use: UTF-8 text, the common case, needs neither,
and their wide ranges of characters take long to compile.)"""
SAMPLE = 65536
"""Bytes looked at to tell text from binary, and UTF-16 from other encodings."""
COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关"
    "各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最"
    "立代想已通并提直题党程展五果员革位入常文总次品式活设及管特件长求基资边流路级少统接知较将"
    "组见计别根论运农指几区强决做必战先回则任取据处队保治规领七海口东导志世金增争济思术极交受"
    "联认六共权收证改清己美再采转更单风切安场务具万每目至达积示议报完类八华名确科信节"
    "這個們國為來時說會對於發動過產種後學經進當現實點從業開還應與關間體問題黨長員區"
)
"""The commonest characters of Chinese text, simplified and traditional: in a right guess they
make up a good share of the CJK characters; in GBK read as Big5, or the reverse, almost none."""
CJK = "[\u4e00-\u9fff]"
MIN_COMMON_SHARE = 0.12
"""Below this share of common characters a GB18030 guess is checked against Big5."""
MIN_CJK = 20
"""Fewer CJK characters are too few to judge by their share."""
MAX_REPLACED = 8
"""At most this many bytes that no character reads are replaced, and only if they are…"""
MAX_REPLACED_SHARE = 0.001
"""…fewer than this share of the file: more is not a damaged text but another encoding;…"""
CUT_CHARACTER = re.compile("[\udcc2-\udcf4][\udc80-\udcbf]{0,2}")
"""…or they are one UTF-8 character cut short (its first byte, and one or two of the bytes
that follow it), whatever the length of the file."""
ESCAPED = re.compile("[\udc80-\udcff]")
"""A byte the decoder could not read, kept as a lone surrogate (the "surrogateescape" way)."""
FORM_FEED = "\f"
"""A page break, as text exported from a PDF has between pages."""


def read(data: bytes, encoding: str | None = None, unwrap: bool = False) -> SourceText:
    """A text file as the parser takes it; `unwrap` re-joins hard-wrapped lines.

    Form feeds (page breaks in text exported from a PDF) are removed; `pages` keeps where each
    page began.
    """
    text, used = decode(data, encoding)
    pages: tuple[int, ...] = ()
    if FORM_FEED in text:
        text, pages = _pages(text)
    unit = "line"
    starts: tuple[int, ...] = ()
    if unwrap:
        from outline.sources.unwrap import unwrap_text

        text, joined = unwrap_text(text)
        pages = tuple(joined[p - 1] for p in pages)
        unit = "paragraph"
        starts = tuple(i for i, p in enumerate(joined, 1) if i == 1 or joined[i - 2] != p)
    return SourceText(
        text=text, format="text", encoding=used, line_unit=unit, pages=pages, lines=starts
    )


def _pages(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without its form feeds, and the 1-based line on which each page begins."""
    pages = [1]
    line = 1
    for chunk in text.split(FORM_FEED)[:-1]:
        line += chunk.count("\n") + chunk.count("\r") - chunk.count("\r\n")
        pages.append(line)
    return text.replace(FORM_FEED, ""), tuple(dict.fromkeys(pages))


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a document's bytes, and the encoding it was read with.

    `encoding` forces one; otherwise a byte order mark decides, then strict UTF-8, then strict
    GB18030 (which covers GBK and GB2312) or Big5, whichever reads as Chinese; UTF-16 without
    a byte order mark is recognised by its zero bytes. Failing all, the same again allowing a
    few bad bytes, which are replaced and counted in the encoding's name.

    >>> decode("一、总体要求".encode("gbk"))
    ('一、总体要求', 'gb18030')
    """
    if encoding:
        return _forced(data, encoding)
    for bom, name in BOMS:
        if data.startswith(bom):
            return _marked(data, name)
    if not data.strip():
        raise SourceError("is empty")
    if b"\x00" in data[:SAMPLE]:
        return _utf16(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _chinese(_strict(data, ("gb18030", "big5"))) or _utf16_unmarked(data)
    if found is None:
        damaged = _escaped(data, ("utf-8",))
        found = damaged[0] if damaged else _chinese(_escaped(data, ("gb18030", "big5")))
    if found is None:
        raise SourceError("is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (try --encoding)")
    return _replaced(*found)


def _marked(data: bytes, name: str) -> tuple[str, str]:
    """Text that begins with the byte order mark of an encoding."""
    try:
        return data.decode(name), name
    except UnicodeDecodeError as e:
        message = f"starts as {name} but is not ({e.reason} at byte {e.start})"
        damaged = _escaped(data, (name,))
        if not damaged:
            raise SourceError(message) from None
        return _replaced(*damaged[0])


def _chinese(guesses: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Of the texts that encodings made of the same bytes, the first that reads as Chinese.

    GB18030 reads almost any bytes: Big5 read as GB18030 is rare characters only, so when it
    has few common characters the guess with the most is taken.
    """
    guesses = [(name, text) for name, text in guesses if _sane(text)]
    if len(guesses) == 2 and _common_share(guesses[0][1]) < MIN_COMMON_SHARE:
        return max(guesses, key=lambda guess: _common_share(guess[1]))
    return guesses[0] if guesses else None


def _utf16_unmarked(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without zero bytes (Chinese only, not a line break in it), or None."""
    for name, text in _strict(data, ("utf-16-le", "utf-16-be")):
        enough = len(re.findall(CJK, text)) >= MIN_CJK
        if enough and _sane(text) and _common_share(text) >= MIN_COMMON_SHARE:
            return name, text
    return None


def _strict(data: bytes, names: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for name in names:
        try:
            found.append((name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    return found


def _escaped(data: bytes, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The texts that encodings read of all but a few bytes, each unread byte kept as a lone
    surrogate (for `_replaced` to count and replace once an encoding is chosen)."""
    found = []
    for name in names:
        try:
            text = data.decode(name, "surrogateescape")
        except UnicodeDecodeError:  # an unread byte below 0x80 cannot be kept so
            continue
        bad = len(ESCAPED.findall(text))
        few = bad < MAX_REPLACED_SHARE * len(data) or (name == "utf-8" and _cut_character(text))
        if bad <= MAX_REPLACED and few:
            found.append((name, text))
    return found


def _cut_character(text: str) -> bool:
    """Whether the bytes a UTF-8 decoder could not read are one character cut short."""
    unread = ESCAPED.findall(text)
    found = CUT_CHARACTER.search(text)
    return found is not None and found.group() == "".join(unread)


def _replaced(name: str, text: str) -> tuple[str, str]:
    """A text with each byte its encoding could not read replaced by U+FFFD, and the name of the
    encoding, saying how many were replaced."""
    bad = len(ESCAPED.findall(text))
    if not bad:
        return text, name
    return ESCAPED.sub("\ufffd", text), f"{name}, {bad} byte{'s' if bad > 1 else ''} replaced"


def _sane(text: str) -> bool:
    """Whether a decoded text is free of the characters a wrong guess produces."""
    return re.search(SUSPICIOUS, text) is None


def _common_share(text: str) -> float:
    """The share of common Chinese characters among the CJK characters of a text (1.0 for a
    text with too few to judge)."""
    cjk = re.findall(CJK, text[:SAMPLE])
    if len(cjk) < MIN_CJK:
        return 1.0
    return sum(1 for c in cjk if c in COMMON) / len(cjk)


def _utf16(data: bytes) -> tuple[str, str]:
    """Text with zero bytes: UTF-16 without a byte order mark, UTF-8 with a stray NUL or two,
    or not text at all.

    ASCII characters (line breaks, digits) and characters such as 一 (U+4E00) have a zero
    byte in UTF-16; of the two byte orders, the one that reads as Chinese is taken.
    """
    if len(data) % 2 == 0:
        guesses = [
            (name, text)
            for name, text in _strict(data, ("utf-16-le", "utf-16-be"))
            if _sane(text) and re.search(CJK, text[:SAMPLE])
        ]
        if guesses:
            name, text = max(guesses, key=lambda guess: _common_share(guess[1]))
            if _common_share(text) >= MIN_COMMON_SHARE:
                return text, name
    if data.count(b"\x00") <= MAX_REPLACED:  # a stray NUL in UTF-8 text: a character still
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        if re.search(CJK, text[:SAMPLE]) and _sane(text.replace("\x00", "")):
            return text, "utf-8"
    raise SourceError("is a binary file, not text")


def _forced(data: bytes, encoding: str) -> tuple[str, str]:
    """Text in the encoding the user named; a few bad bytes are replaced, as in detection."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r}") from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as e:
        damaged = _escaped(data, (encoding,))
        if not damaged:
            raise SourceError(f"is not {encoding} ({e.reason} at byte {e.start})") from None
        return _replaced(*damaged[0])
