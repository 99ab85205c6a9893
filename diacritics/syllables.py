"""Vietnamese syllables: splitting text into runs of syllables, removing marks,
and keeping a syllable's case pattern when its letters change."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

# A syllable is a run of letters, a number a run of digits; tokens separated by
# anything but spaces or tabs (punctuation, line breaks) are separate segments.
WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"[^\W\d_]+|\d+")
# OCR without a Vietnamese model writes letters as digits and symbols ("1ap", "S6", "S&", "1€").
GARBLED_TOKEN = re.compile(r"(?:[^\W_]|[€¢&§@$])+")
_SEGMENT_BREAK = re.compile(r"[^\w \t]|_")
NUMBER = "<num>"
UNKNOWN = "<unk>"  # a word seen too rarely in training to be a word of the model
ABBREVIATION = "<abbr>"
# The shape of a Vietnamese syllable without its marks: onset, vowels, coda.
SYLLABLE_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


class _MarkTable(dict):
    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            base = "d" if char == "đ" else "D"
        else:
            base = unicodedata.normalize("NFD", char)[0]
            if len(base) != 1:
                base = char
        self[code] = base
        return base


_MARKS = _MarkTable()


def strip_marks(text: str) -> str:
    """Remove tone and vowel marks and turn đ into d, keeping case and length."""
    return text.translate(_MARKS)


def is_abbreviation(word: str) -> bool:
    """UBND, TTHC, TTr, QĐ: two capitals or more, and not a syllable written in capitals."""
    if not word.isalpha() or sum(c.isupper() for c in word) < 2:
        return False
    return not (word.isupper() and SYLLABLE_SHAPE.fullmatch(strip_marks(word.lower())))


def token_key(token: str) -> str:
    """What the model calls a token: <num> for a number, <abbr> for an
    abbreviation, else the lowercase syllable."""
    if token.isdigit():
        return NUMBER
    return ABBREVIATION if is_abbreviation(token) else token.lower()


def segments(text: str, pattern: re.Pattern[str] = TOKEN) -> Iterator[list[re.Match[str]]]:
    """Runs of tokens that stand together: the units the language model scores."""
    current: list[re.Match[str]] = []
    last_end = 0
    for m in pattern.finditer(text):
        start = m.start()
        # Most gaps are one space: only look into the others.
        if current and (start - last_end != 1 or text[last_end] != " ") and _SEGMENT_BREAK.search(text, last_end, start):
            yield current
            current = []
        current.append(m)
        last_end = m.end()
    if current:
        yield current


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


# Every valid syllable in each placement of its tone mark, from data/syllables.txt (`spellings`).
SPELLINGS = "data/syllable_spellings.txt"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def tone_placements(syllable: str) -> set[str]:
    """A syllable with its tone mark on each of its vowels: "hoà" and "hòa" are both in use."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return {syllable}
    bare = [c for c in decomposed if c not in _TONES]
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
    at = next((i for i, c in enumerate(decomposed) if c in _TONES), None)
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
