"""What OCR with a Vietnamese model does to a syllable's marks, learned from page
renders that look like real scans (`make train-channel`, training/ocr_channel.py).

Tesseract's `vie` model mostly drops the upper mark of a stacked vowel (khẩn →
khân, phố → phó), mixes tones (để → đề) and now and then adds a mark a speck
suggests (thi → thì). A syllable's marks are read as its tone and each letter's
own mark (â, ê, ô, ơ, ư, ă, đ); OCR is taken to change each on its own, with the
probability counted on renders, depending on whether a tone sits on top of a
letter's own mark ("stacked", where most marks are lost).
"""

from __future__ import annotations

import json
import math
import unicodedata
from functools import cache
from importlib import resources

MARKS_CHANNEL = "data/marks.json"
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# The letters that carry a mark of their own, and the letters OCR may write for each.
_LETTER_FORMS = {"a": "aâă", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
# Counts are smoothed towards OCR keeping a mark as it is, with the weight of this many readings.
PRIOR_WEIGHT = 5.0
PRIOR_KEPT = 0.9


def tone_of(syllable: str) -> tuple[str, bool]:
    """A syllable's tone, shown on the letter "a" ("" for none), and whether it
    sits on a letter with a mark of its own (stacked: "ẩ", "ố")."""
    for char in syllable:
        decomposed = unicodedata.normalize("NFD", char)
        tone = next((c for c in decomposed if c in _TONES), None)
        if tone:
            stacked = any(unicodedata.combining(c) and c not in _TONES for c in decomposed)
            return unicodedata.normalize("NFC", "a" + tone), stacked
    return "a", False


def letters_of(syllable: str) -> list[tuple[str, bool]]:
    """Each letter that may carry a mark of its own, written without its tone
    ("â", "đ", "o"), and whether a tone sits on it."""
    out = []
    for char in syllable:
        decomposed = unicodedata.normalize("NFD", char)
        toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        if _base(toneless) in _LETTER_FORMS:
            out.append((toneless, any(c in _TONES for c in decomposed)))
    return out


def _base(letter: str) -> str:
    return "d" if letter == "đ" else unicodedata.normalize("NFD", letter)[0]


def tone_key(syllable: str) -> str:
    tone, stacked = tone_of(syllable)
    return tone + ("^" if stacked else "")


def letter_keys(syllable: str) -> list[str]:
    return [letter + ("*" if toned else "") for letter, toned in letters_of(syllable)]


def observations(true: str, written: str) -> list[tuple[str, str, str]]:
    """What OCR did to each mark of `true` when it wrote `written` (the same letters
    without marks): ("tone", key, tone written) and ("letter", key, letter written)."""
    seen = [("tone", tone_key(true), tone_of(written)[0])]
    seen += [("letter", key, letter) for key, (letter, _) in zip(letter_keys(true), letters_of(written))]
    return seen


@cache
def _table() -> dict[str, dict[str, dict[str, int]]]:
    path = resources.files("diacritics").joinpath(MARKS_CHANNEL)
    return json.loads(path.read_text("utf-8")) if path.is_file() else {"tone": {}, "letter": {}}


def _log_probability(part: str, key: str, written: str) -> float:
    counts = _table()[part].get(key, {})
    kept = key.rstrip("^*")
    options = 6 if part == "tone" else len(_LETTER_FORMS[_base(kept)])
    prior = PRIOR_KEPT if written == kept else (1 - PRIOR_KEPT) / (options - 1)
    return math.log10((counts.get(written, 0) + PRIOR_WEIGHT * prior) / (sum(counts.values()) + PRIOR_WEIGHT))


@cache
def channel_score(true: str, written: str) -> float:
    """log10 P(OCR writes `written` | the syllable is `true`), for two lowercase
    syllables with the same letters, differing at most in their marks."""
    return sum(_log_probability(part, key, value) for part, key, value in observations(true, written))
