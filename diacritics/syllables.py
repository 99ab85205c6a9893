"""The tokens the language model reads: syllables, numbers and abbreviations, in
the runs that stand together (a syllable's shape and marks: `vietnamese.syllables`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from vietnamese.folding import strip_marks
from vietnamese.gazetteer import place_syllables
from vietnamese.syllables import SYLLABLE_SHAPE

# A syllable is a run of letters, a number a run of digits; tokens separated by
# anything but spaces or tabs (punctuation, line breaks) are separate segments,
# except a hyphen before a letter, which joins words as a space does (X-quang),
# and a comma, which is a token of its own ("các xã, phường": the words of a
# list are each other's context).
WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"[^\W\d_]+|\d+")
COMMA = ","
_COMMA = re.compile(r"[ \t]*(,)[ \t]*")
_COMMA_TOKEN = re.compile(",")
# OCR without a Vietnamese model writes letters as digits and symbols ("1ap", "S6", "S&", "1€").
GARBLED_TOKEN = re.compile(r"(?:[^\W_]|[€¢&§@$])+")
_SEGMENT_BREAK = re.compile(r"[^\w \t]|_")
NUMBER = "<num>"
UNKNOWN = "<unk>"  # a word seen too rarely in training to be a word of the model
ABBREVIATION = "<abbr>"


@cache
def _unmarked_place_syllables() -> frozenset[str]:
    return frozenset(strip_marks(s) for s in place_syllables())


def is_abbreviation(word: str) -> bool:
    """UBND, TTHC, TTr, QĐ: two capitals or more, and not a syllable written in capitals
    (nor one of a place's name: ĐẮK LẮK, BẮC KẠN)."""
    if not word.isalpha() or sum(c.isupper() for c in word) < 2:
        return False
    key = strip_marks(word.lower())
    return not (word.isupper() and (SYLLABLE_SHAPE.fullmatch(key) or key in _unmarked_place_syllables()))


def token_key(token: str) -> str:
    """What the model calls a token: <num> for a number, <abbr> for an
    abbreviation, else the lowercase syllable."""
    if token.isdigit():
        return NUMBER
    return ABBREVIATION if is_abbreviation(token) else token.lower()


def _joined_by_hyphen(text: str, at: int) -> bool:
    """A hyphen at `at` followed by a letter (X-quang, ăng-ten, NĐ-CP, 15-CT): what
    it joins stands together as words do; "2021-2025" and "tỉnh - huyện" are breaks.
    (A slash joining the same way, "và/hoặc", read the dev texts worse: README.)"""
    return text[at] == "-" and text[at + 1:at + 2].isalpha()


def segments(text: str, pattern: re.Pattern[str] = TOKEN) -> Iterator[list[re.Match[str]]]:
    """Runs of tokens that stand together: the units the language model scores."""
    current: list[re.Match[str]] = []
    last_end = 0
    for m in pattern.finditer(text):
        start = m.start()
        # Most gaps are one space, or a hyphen between words (X-quang): only look into the others.
        if (current and (start - last_end != 1 or text[last_end] != " " and not _joined_by_hyphen(text, last_end))
                and _SEGMENT_BREAK.search(text, last_end, start)):
            comma = _COMMA.fullmatch(text, last_end, start)
            if comma:
                current.append(_COMMA_TOKEN.match(text, comma.start(1)))
            else:
                yield current
                current = []
        current.append(m)
        last_end = m.end()
    if current:
        yield current


_ROMAN_NUMERAL = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")


def is_roman_number(text: str, match: re.Match[str]) -> bool:
    """A Roman numeral in a sentence ("Chương IV", "Mục II", "quý III"), which the
    model reads as a number; not a word of a line in capitals ("VI PHẠM")."""
    if not _ROMAN_NUMERAL.fullmatch(match.group()):
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    after = _WORD_AFTER.match(text, match.end())
    return not any(m and m.group(1).isupper() and len(m.group(1)) > 1 for m in (before, after))


def is_capitalised_name(text: str, match: re.Match[str]) -> bool:
    """A word written Capitalised in mid-sentence (after a letter, digit or comma
    on its line), or followed by another Capitalised word: a name (Nguyễn, Sở,
    Hải Dương, "Trần Văn Thuấn" on a line of its own), not just the start of a sentence."""
    word = match.group()
    if not word[:1].isupper() or not word[1:].islower():
        return False
    before = text[max(0, match.start() - 3):match.start()].rstrip(" \t")
    if before and (before[-1].isalnum() or before[-1] == ","):
        return True
    after = text[match.end():match.end() + 3]
    return len(after) == 3 and after[0] == " " and after[1].isupper() and after[2].islower()
