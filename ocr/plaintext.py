"""Plain text and Markdown-ish text files (as decrees converted from PDF often are)."""

from __future__ import annotations

import re
import unicodedata

from .model import AcquisitionError

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2})(?=\S)(.{1,2000}?)(?<=\S)\1", re.DOTALL)
_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_HARD_BREAK = re.compile(r"[ \t]+\n")


def decode(data: bytes) -> str:
    """Decode text in UTF-8 (with or without BOM) or UTF-16; other bytes are read
    one character per byte (Latin-1), which loses nothing: the legacy Vietnamese
    encodings (Windows-1258, TCVN3, VNI) are recognised in that text later."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise AcquisitionError("binary", "binary data, not text")
    return data.decode("latin-1")


def strip_markup(text: str) -> str:
    """Drop HTML tags and Markdown emphasis and headings; keep tab-separated tables."""
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING.sub("", text)
    return _HARD_BREAK.sub("\n", text)


def read_text(data: bytes) -> list[str]:
    """Pages of a text file (form feeds separate pages); Unicode text is NFC-normalised."""
    text = strip_markup(decode(data).replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).split("\f")
