"""What OCR with a Vietnamese model does to a syllable's marks and letters, learned
from page renders that look like real scans (`make train-channel`, training/ocr_channel.py).

Tesseract's `vie` model mostly drops the upper mark of a stacked vowel (khẩn →
khân, phố → phó), mixes tones (để → đề), reads `d` as `đ`, now and then adds a
mark a speck suggests (thi → thì), and on blurred pages mistakes letters of
like shape (bộ → hộ). A syllable is read as its tone and, letter by letter,
each letter and its own mark (â, ê, ô, ơ, ư, ă, đ); OCR is taken to change each
on its own, with the probability counted on renders, a letter's mark depending
on whether a tone sits on top of it ("stacked", where most marks are lost).
"""

from __future__ import annotations

import json
import math
import unicodedata
from functools import cache
from importlib import resources

from vietnamese.folding import strip_marks
from vietnamese.syllables import TONE_MARKS

MARKS_CHANNEL = "data/marks.json"
# The letters that carry a mark of their own, and the letters OCR may write for each.
_LETTER_FORMS = {"a": "aâă", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
# Counts are smoothed towards OCR keeping what it sees, with the weight of this many readings.
PRIOR_WEIGHT = 5.0
PRIOR_KEPT = 0.9
# A letter OCR wrote for another at least this often on the renders is a substitute
# worth considering (b read as h, s as x); rarer confusions are left alone. Its channel
# score (the learned count) still weighs it: blurred photos confuse letters far more
# than the pooled renders show. Measured with MIN_CHANNEL_SCORE -4.5 against 5 and -4,
# corrected text of blurred training-text photos (16 pages) 96.05% -> 96.43%, held-out
# (3 pages) 96.45% -> 96.71%; other kinds and the transcribed dev pages the same or better.
MIN_SUBSTITUTIONS = 2


def tone_of(syllable: str) -> tuple[str, bool]:
    """A syllable's tone, shown on the letter "a" ("a" for none), and whether it
    sits on a letter with a mark of its own (stacked: "ẩ", "ố")."""
    for char in syllable:
        decomposed = unicodedata.normalize("NFD", char)
        tone = next((c for c in decomposed if c in TONE_MARKS), None)
        if tone:
            stacked = any(unicodedata.combining(c) and c not in TONE_MARKS for c in decomposed)
            return unicodedata.normalize("NFC", "a" + tone), stacked
    return "a", False


def letters_of(syllable: str) -> list[tuple[str, bool]]:
    """Each letter with its own mark but not its tone ("â", "đ", "o", "n"), and whether a tone sits on it."""
    out = []
    for char in syllable:
        decomposed = unicodedata.normalize("NFD", char)
        out.append((unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS)),
                    any(c in TONE_MARKS for c in decomposed)))
    return out


def observations(true: str, written: str) -> list[tuple[str, str, str]]:
    """What OCR did to `true` when it wrote `written` (as many letters): ("tone",
    true tone, tone written); for each letter ("base", its letter without marks,
    the one written), and where that was read right and has a mark of its own
    ("letter", the letter with its mark and "*" if toned, the letter written)."""
    tone, stacked = tone_of(true)
    seen = [("tone", tone + ("^" if stacked else ""), tone_of(written)[0])]
    for (letter, toned), (wrote, _) in zip(letters_of(true), letters_of(written)):
        seen.append(("base", strip_marks(letter), strip_marks(wrote)))
        if strip_marks(letter) == strip_marks(wrote) and strip_marks(letter) in _LETTER_FORMS:
            seen.append(("letter", letter + ("*" if toned else ""), wrote))
    return seen


@cache
def _table() -> dict[str, dict[str, dict[str, int]]]:
    path = resources.files("diacritics").joinpath(MARKS_CHANNEL)
    table = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    return {part: table.get(part, {}) for part in ("tone", "letter", "base")}


def _log_probability(part: str, key: str, written: str) -> float:
    counts = _table()[part].get(key, {})
    kept = key.rstrip("^*")
    if part == "base":
        total = sum(counts.values())
        return math.log10((counts.get(written, 0) + 0.01) / (total + 1)) if total else -4.0
    options = 6 if part == "tone" else len(_LETTER_FORMS[strip_marks(kept)])
    prior = PRIOR_KEPT if written == kept else (1 - PRIOR_KEPT) / (options - 1)
    return math.log10((counts.get(written, 0) + PRIOR_WEIGHT * prior) / (sum(counts.values()) + PRIOR_WEIGHT))


@cache
def channel_score(true: str, written: str) -> float:
    """log10 P(OCR writes `written` | the syllable is `true`), for two lowercase
    syllables of as many letters; a letter read right counts nothing."""
    return sum(_log_probability(part, key, value) for part, key, value in observations(true, written)
               if part != "base" or key != value)


@cache
def substitutes() -> dict[str, tuple[str, ...]]:
    """For each letter OCR writes, the letters it often stood for on the renders (h: b)."""
    found: dict[str, list[str]] = {}
    for true, written in _table()["base"].items():
        for letter, count in written.items():
            if letter != true and count >= MIN_SUBSTITUTIONS:
                found.setdefault(letter, []).append(true)
    return {letter: tuple(trues) for letter, trues in found.items()}
