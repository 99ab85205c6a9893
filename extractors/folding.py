"""A folded view of the text: lowercase, no diacritics, same length.

Patterns are matched on the folded view so that "QUYET PINH", "Quyết định" and
"quyet dinh" look alike, while every match offset is also an offset into the
real text (folding maps each character to exactly one character).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz


class _FoldTable(dict):
    """str.translate table that folds a character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            folded = "d"
        else:
            folded = unicodedata.normalize("NFD", char)[0].lower()
            if len(folded) != 1:
                folded = char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lowercase `text` and strip its diacritics, keeping its length."""
    return text.translate(_FOLD)


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Join a multi-line phrase into one line with single spaces."""
    return _SPACES.sub(" ", text).strip()


def fold_key(text: str) -> str:
    """A comparison key: folded, single-spaced, without punctuation."""
    return squash(re.sub(r"[^\w\s]", " ", fold(text)))


_WORD = re.compile(r"\S+")
# The shape of a Vietnamese syllable without its marks: onset, vowels, coda.
_SYLLABLE_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def looks_damaged(phrase: str) -> bool:
    """Written without marks, or with a word no Vietnamese syllable has the shape of ("Ludt", "Humg").

    Only damaged text is matched fuzzily against a vocabulary: in clean text
    "Gia Lâm" is a district, not a misspelt "Gia Lai".
    """
    words = [w.strip(",.;:()-") for w in fold(phrase).split()]
    return phrase.isascii() or any(w and not _SYLLABLE_SHAPE.fullmatch(w) for w in words)


def best_phrase(
    folded: str, pos: int, phrases: dict[str, str], threshold: float = 82.0
) -> tuple[str, int] | None:
    """Find which of `phrases` (folded key -> canonical form) starts at `pos`.

    OCR damage ("Chinh phii", "Vian phong") is tolerated by comparing the
    phrase with as many words of the text as the phrase has. Returns the
    canonical form and the end offset of the matched words.
    """
    words = [m for m in _WORD.finditer(folded, pos, min(len(folded), pos + 160))]
    best: tuple[float, int, str, int] | None = None
    for key, canonical in phrases.items():
        n = key.count(" ") + 1
        if n > len(words):
            continue
        window = " ".join(w.group().strip(",.;:()") for w in words[:n])
        if window[:1] != key[:1]:
            continue
        score = fuzz.ratio(window, key)
        if score >= threshold:
            candidate = (score, n, canonical, words[n - 1].end())
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    end = best[3]
    while end > pos and folded[end - 1] in ",.;:()":
        end -= 1
    return best[2], end
