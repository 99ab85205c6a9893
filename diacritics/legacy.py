"""Text in a legacy Vietnamese encoding (`vietnamese.encodings`) turned into
Unicode: each reading is tried and the one that yields the most valid
Vietnamese syllables is kept."""

from __future__ import annotations

import re
from collections.abc import Callable

from vietnamese.encodings import READINGS

# A reading is kept only if it makes this many more words valid Vietnamese syllables.
IMPROVEMENT = 0.2


def repair_encoding(text: str, quality: Callable[[str], float]) -> tuple[str, str | None]:
    """The text in Unicode, and the legacy encoding it was in (None: it was Unicode)."""
    if not re.search(r"[\u0080-\u00ff]", text):
        return text, None
    best, best_name, best_quality = text, None, quality(text)
    for name, read in READINGS.items():
        candidate = read(text)
        score = quality(candidate)
        if score > best_quality + IMPROVEMENT:
            best, best_name, best_quality = candidate, name, score
    return best, best_name
