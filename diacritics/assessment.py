"""What the stage makes of a text before restoring it: the text in Unicode (a
legacy encoding, `vietnamese.encodings`, read back: each reading is tried and
the one that yields the most valid Vietnamese syllables is kept), how much of it
is valid Vietnamese, and whether it reads like OCR without a Vietnamese model."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from vietnamese.encodings import READINGS

from .restoration import looks_garbled, text_quality

# A reading is kept only if it makes this many more words valid Vietnamese syllables.
IMPROVEMENT = 0.2
_LATIN1 = re.compile(r"[\u0080-\u00ff]")


@dataclass(frozen=True)
class Assessment:
    text: str  # the text in Unicode
    encoding: str | None  # the legacy encoding it was in (None: it was Unicode)
    quality: float  # share of its words that are valid Vietnamese syllables (1.0 for no words)

    @cached_property
    def garbled(self) -> bool:
        """It reads like OCR without a Vietnamese model (or a broken font mapping) throughout,
        rather than Vietnamese with or without its marks (measured when asked: it reads every line)."""
        return looks_garbled(self.text)


def _in_unicode(text: str) -> tuple[str, str | None, float | None]:
    """The best reading of `text`, its encoding and its quality (None where not measured)."""
    if not _LATIN1.search(text):
        return text, None, None
    best, best_name, best_quality = text, None, text_quality(text)
    if best_quality + IMPROVEMENT >= 1.0:  # no reading can be better by IMPROVEMENT
        return best, best_name, best_quality
    for name, read in READINGS.items():
        candidate = read(text)
        score = text_quality(candidate)
        if score > best_quality + IMPROVEMENT:
            best, best_name, best_quality = candidate, name, score
    return best, best_name, best_quality


def assess(text: str) -> Assessment:
    """`text` read in Unicode, with how Vietnamese it is."""
    unicode_text, encoding, quality = _in_unicode(text)
    return Assessment(unicode_text, encoding, text_quality(unicode_text) if quality is None else quality)
