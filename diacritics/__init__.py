"""Diacritic restoration stage: Vietnamese text that lost its marks, or went
through OCR without a Vietnamese model, turned back into correct Vietnamese.

Entry points: `restore(text) -> Restoration` (lines of correct Vietnamese come
out unchanged), `assess_line(line)`, and `text_quality(text)`, the share of
words that are valid Vietnamese syllables.
"""

from .restore import Restoration, assess_line, restore, text_quality

__all__ = ["Restoration", "assess_line", "restore", "text_quality"]
