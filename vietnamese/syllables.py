"""Vietnamese syllables: their shape, the placements of their tone mark, the
valid ones, and keeping a syllable's case pattern when its letters change."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from .folding import strip_marks

# The shape of a Vietnamese syllable without its marks: onset, vowels, coda.
SYLLABLE_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
# The valid syllables, lowercase with their marks (data/syllables.txt), and each of them
# in every placement of its tone mark (data/syllable_spellings.txt, written by `make train-lm`
# with `spellings`: expanding them at start-up took a third of a fresh process's).
SYLLABLES = "data/syllables.txt"
SPELLINGS = "data/syllable_spellings.txt"
# The five tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


@cache
def valid_syllables() -> frozenset[str]:
    """The valid Vietnamese syllables (17,973), lowercase with their marks, in both tone placements."""
    return frozenset(resources.files("vietnamese").joinpath(SPELLINGS).read_text("utf-8").split())


def apply_case(pattern: str, word: str) -> str:
    """`word` written in the case of `pattern` ("QUYET" + "quyết" -> "QUYẾT")."""
    if pattern.islower():
        return word
    letters = [c for c in pattern if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if pattern[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def tone_placements(syllable: str) -> set[str]:
    """A syllable with its tone mark on each of its vowels: "hoà" and "hòa" are both in use."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return {syllable}
    bare = [c for c in decomposed if c not in TONE_MARKS]
    vowels = [i for i, c in enumerate(bare) if c in "aeiouy"]
    forms = set()
    for i in vowels:
        letters = bare[:]
        # the tone follows the vowel's own marks (circumflex, breve, horn)
        j = i + 1
        while j < len(letters) and unicodedata.combining(letters[j]):
            j += 1
        letters.insert(j, tones[0])
        forms.add(unicodedata.normalize("NFC", "".join(letters)))
    return forms | {syllable}


def spellings(syllables: Iterable[str]) -> list[str]:
    """Every placement of the tone mark of each syllable, sorted."""
    return sorted({form for syllable in syllables for form in tone_placements(syllable)})


# oa, oe, uy ending a syllable: the one place where the two tone placements in
# use differ, on the first vowel ("hòa", "thủy": older) or the second ("hoà", "thuỷ": newer).
_OPEN_PAIR = re.compile(r"(?<!q)(?:oa|oe|uy)$")
OLDER, NEWER = "older", "newer"


def tone_style(syllable: str) -> str | None:
    """Which placement a syllable shows (OLDER, NEWER), None where both agree."""
    lower = syllable.lower()
    if not _OPEN_PAIR.search(strip_marks(lower)):
        return None
    decomposed = unicodedata.normalize("NFD", lower)
    bare = [c for c in decomposed if not unicodedata.combining(c)]
    at = next((i for i, c in enumerate(decomposed) if c in TONE_MARKS), None)
    if at is None:
        return None
    letters_before = sum(1 for c in decomposed[:at] if not unicodedata.combining(c))
    return NEWER if letters_before == len(bare) else OLDER


def in_style(syllable: str, style: str) -> str:
    """`syllable` with its tone mark placed in `style`, its case kept."""
    if tone_style(syllable) in (None, style):
        return syllable
    lower = syllable.lower()
    for form in tone_placements(lower):
        if tone_style(form) == style:
            return apply_case(syllable, form)
    return syllable
