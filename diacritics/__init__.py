"""Diacritic restoration stage: Vietnamese text that lost its marks, or went
through OCR without a Vietnamese model, turned back into correct Vietnamese.

Entry points: `restore(text) -> Restoration` (lines of correct Vietnamese come
out unchanged), `repair_encoding(text)` (TCVN3, VNI and Windows-1258 text into
Unicode), `assess_line(line)`, `looks_garbled(text)`, and `text_quality(text)`,
the share of words that are valid Vietnamese syllables.
"""

from . import legacy
from .restoration import Restoration, assess_line, looks_garbled, restore, text_quality

__all__ = ["Restoration", "assess_line", "looks_garbled", "repair_encoding", "restore", "text_quality"]


def repair_encoding(text: str) -> tuple[str, str | None]:
    """`text` in Unicode, and the legacy encoding it was found in (None if it was Unicode)."""
    return legacy.repair_encoding(text, text_quality)
