"""Plain text and Markdown-ish text files (as decrees converted from PDF often are)."""

from __future__ import annotations

import re
import unicodedata

from .model import AcquisitionError

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2})(?=\S)(.{1,2000}?)(?<=\S)\1", re.DOTALL)
_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_HARD_BREAK = re.compile(r"[ \t]+\n")


# UTF-8 that has this many valid multi-byte characters per invalid byte is UTF-8 with a
# few damaged bytes (a legacy encoding read as UTF-8 gives few valid sequences and many
# invalid bytes), and only the damaged bytes are replaced.
UTF8_VALID_PER_INVALID = 10


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le or -be when the zero bytes fall on one side of the byte pairs, as in
    UTF-16 text of mostly Latin letters (Vietnamese included); else None."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2].count(0) / (len(sample) / 2), sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_noting(data: bytes) -> tuple[str, str]:
    """The text, and how it was read: UTF-8 (with or without BOM), UTF-16 (with or
    without BOM), UTF-8 with its few invalid bytes replaced by U+FFFD (counted), else
    one character per byte (Latin-1), which loses nothing: the legacy Vietnamese
    encodings (Windows-1258, TCVN3, VNI) are recognised in that text later."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, "replace"), "UTF-16 without a byte-order mark"
    text = data.decode("utf-8-sig", "replace")
    invalid = text.count("\ufffd") - data.decode("utf-8-sig", "ignore").count("\ufffd")
    valid = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    if valid >= UTF8_VALID_PER_INVALID * invalid:
        return text, f"UTF-8; {invalid} invalid bytes replaced by \ufffd"
    if b"\x00" in data[:4096]:
        raise AcquisitionError("binary", "binary data, not text")
    return data.decode("latin-1"), "a single-byte encoding"


def decode(data: bytes) -> str:
    return decode_noting(data)[0]


def strip_markup(text: str) -> str:
    """Drop HTML tags and Markdown emphasis and headings; keep tab-separated tables."""
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING.sub("", text)
    return _HARD_BREAK.sub("\n", text)


def read_text(data: bytes) -> tuple[list[str], str]:
    """Pages of a text file (form feeds separate pages), NFC-normalised, and how it was decoded."""
    text, how = decode_noting(data)
    text = strip_markup(text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).split("\f"), how
