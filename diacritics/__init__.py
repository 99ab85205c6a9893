"""Diacritic restoration stage: tells damaged Vietnamese text from correct text.

Entry point for now: `text_quality(text) -> float`, the share of words that
are valid Vietnamese syllables (acronyms such as UBND aside). Correct text
scores near 1; text that lost its marks or went through OCR without a
Vietnamese model scores far lower.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["text_quality"]

_WORD = re.compile(r"[^\W\d_]+")
_VOWEL = re.compile(r"[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@cache
def syllables() -> frozenset[str]:
    """The 17,973 valid Vietnamese syllables, lowercase with their marks."""
    text = resources.files("diacritics").joinpath("data/syllables.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def text_quality(text: str) -> float:
    """Share of the words of `text` that are valid Vietnamese syllables (1.0 for no words)."""
    valid = syllables()
    words = [w for w in _WORD.findall(text) if not (w.isupper() and not _VOWEL.search(w.lower()))]
    if not words:
        return 1.0
    return sum(w.lower() in valid for w in words) / len(words)
