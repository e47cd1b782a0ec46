"""Bytes of a text page to its text: encodings, mojibake, binary files."""

from __future__ import annotations

import re

import ftfy

# A text page above this size is not a single Hansard page; XML day files are
# streamed and may be larger.
MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_XML_BYTES = 2 * 1024 * 1024 * 1024


class UnreadableText(ValueError):
    """The bytes cannot be turned into page text; the message says why."""


_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u201a-\u203a\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u02c6\u02dc]")


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


# Byte-order marks that name a page's encoding (UTF-32 before UTF-16: its LE mark starts with UTF-16's).
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
# Control characters that are not text anywhere in a page (tab and line feed are kept; a line or
# paragraph separator is a line break). Removed from the whole page, after the binary check.
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")


# Zero-width spaces are invisible: pasted between two sentences ("our streets.\u200bWe will") the break they
# mark is a space, anywhere else they are nothing ("<p>\u200bOn grading", "www.\u200bgov.\u200buk", "10:\u200b30").
_BREAKING_ZERO_WIDTH = re.compile("(?<=[.!?:;])\u200b+(?=[A-Z\"“‘'(])")
_ZERO_WIDTH = re.compile("\u200b+")


def without_zero_width(text: str) -> str:
    """Zero-width spaces as what they show: a space between two sentences, else nothing."""
    if "\u200b" not in text:
        return text
    return _ZERO_WIDTH.sub("", _BREAKING_ZERO_WIDTH.sub(" ", text))


def clean_text(text: str) -> str:
    """Line ends as "\\n", separators as line breaks, stray control characters and zero-width spaces gone: one step for every page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATORS.sub("\n", text)
    return without_zero_width(_STRAY_CONTROLS.sub("", text))


def decode_page(data: bytes) -> tuple[str, str]:
    """Decode a text page, repair common mojibake and clean it of control characters.

    Returns the text and the encoding it was read as. A byte-order mark names
    the encoding (UTF-8, UTF-16, UTF-32); otherwise UTF-8 is tried first, then
    Windows-1252; Latin-1 accepts any byte, so C1 control characters left
    after it mean the bytes were not text.
    """
    if not data.strip():
        raise UnreadableText("file is empty")
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return clean_text(data[len(mark) :].decode(encoding)), encoding
            except UnicodeDecodeError:
                raise UnreadableText(f"bytes after a {encoding} byte-order mark are not {encoding} text") from None
    if b"\x00" in data[:8192]:
        raise UnreadableText("file is binary (NUL bytes), not a text page")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "latin-1" and re.search("[\u0080-\u009f]", text):
            raise UnreadableText("bytes are neither UTF-8, Windows-1252 nor Latin-1 text")
        if _MOJIBAKE.search(text):
            # "Minister’s" read as "Ministerâ€™s": UTF-8 bytes decoded as cp1252.
            text = ftfy.fix_encoding(text)
        if len(_CONTROL.findall(text, 0, 4096)) > 8:
            raise UnreadableText("file is binary (control characters), not a text page")
        return clean_text(text), encoding
    raise UnreadableText("text encoding could not be recognised")
