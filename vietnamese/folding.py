"""Vietnamese text without its marks, every character kept in its place.

`strip_marks` removes tone and vowel marks and turns đ into d, keeping case;
`fold` also lowercases. Both map each character to exactly one character, so
an offset into the folded text is an offset into the real one.
"""

from __future__ import annotations

import re
import unicodedata


class _MarkTable(dict):
    """str.translate table that strips a character's marks the first time it is seen."""

    def __init__(self, lowercase: bool):
        super().__init__()
        self.lowercase = lowercase

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            base = "d" if char == "đ" or self.lowercase else "D"
        else:
            base = unicodedata.normalize("NFD", char)[0]
            if self.lowercase:
                base = base.lower()
            if len(base) != 1:  # a letter whose lowercase is two characters stays as it is
                base = char
        self[code] = base
        return base


_MARKS = _MarkTable(lowercase=False)
_FOLD = _MarkTable(lowercase=True)


def strip_marks(text: str) -> str:
    """Remove tone and vowel marks and turn đ into d, keeping case and length."""
    return text.translate(_MARKS)


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
