"""Matching on a folded view of the text: lowercase, no diacritics, same length
(`vietnamese.folding.fold`).

Patterns are matched on the folded view so that "QUYET PINH", "Quyết định" and
"quyet dinh" look alike, while every match offset is also an offset into the
real text (folding maps each character to exactly one character). The patterns
here also tolerate OCR's damage: `ocr_pattern`, `best_phrase`.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from vietnamese.folding import fold, fold_key, squash
from vietnamese.syllables import SYLLABLE_SHAPE

__all__ = ["best_phrase", "fold", "fold_key", "looks_damaged", "ocr_any", "ocr_pattern", "squash"]


# "Chính phủ;Căn cứ": a word ends at ";" too.
_WORD = re.compile(r"[^\s;]+")


def looks_damaged(phrase: str) -> bool:
    """Written without marks, or with a word no Vietnamese syllable has the shape of ("Ludt", "Humg").

    Only damaged text is matched fuzzily against a vocabulary: in clean text
    "Gia Lâm" is a district, not a misspelt "Gia Lai".
    """
    words = [w.strip(",.;:()-") for w in fold(phrase).split()]
    return phrase.isascii() or any(w and not SYLLABLE_SHAPE.fullmatch(w) for w in words)


def best_phrase(
    folded: str, pos: int, phrases: dict[str, str], threshold: float = 82.0
) -> tuple[str, int] | None:
    """Find which of `phrases` (folded key -> canonical form) starts at `pos`.

    OCR damage ("Chinh phii", "Vian phong") is tolerated by comparing the
    phrase with as many words of the text as the phrase has. Returns the
    canonical form and the end offset of the matched words.
    """
    words = [m for m in _WORD.finditer(folded, pos, min(len(folded), pos + 160))]
    if not words:
        return None
    stripped = [w.group().strip(",.;:()") for w in words]
    windows: dict[int, str] = {}  # the first n words of the text, joined
    best: tuple[float, int, str, int] | None = None
    for key, canonical in phrases.items():
        if stripped[0][:1] != key[:1]:
            continue
        n = key.count(" ") + 1
        if n > len(words):
            continue
        if n not in windows:
            windows[n] = " ".join(stripped[:n])
        score = fuzz.ratio(windows[n], key)
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


# What OCR without a Vietnamese model writes for a marked letter, in the folded
# view (measured on rendered law text: diacritics/data/channel.json). "ố" comes
# out as "6", "é" or "d" ("s6", "céng", "ngudi"), "ứ"/"ủ" as "t", "tr", "ir",
# "it", "l" ("ct", "chitc", "cla"), "á" as "d" or "4" ("cdc", "4n"), "Đ" as "P".
_MARKED_READINGS = {
    "a": ["a", "d", "4"],
    "o": ["o", "0", "6", "e", "d", "6e", "de", "ce"],
    "u": ["u", "t", "i", "l", "v", "w", "y", "tr", "ir", "it", "tt", "ti", "li", "tl", "ii"],
    "d": ["d", "p"],
    "e": ["e", "€"],  # "€" for "ệ", "ể": the OCR text of the Hưng Yên sample ("ty 1€", "thi€u")
    "i": ["i", "l", "1"],
    "y": ["y"],
}
# Unmarked letters that OCR confuses by shape ("là" read as "1a"); "y" and "i" also stand
# for each other in spelling ("tỷ lệ", "tỉ lệ") and in low-resolution print ("ngày" read as "ngài").
_PLAIN_READINGS = {"l": ["l", "1"], "o": ["o", "0"], "i": ["i", "l", "1"], "y": ["y", "i"]}


def _alternatives(readings: list[str], optional: bool) -> str:
    if len(readings) == 1 and not optional:
        return re.escape(readings[0])
    singles = "".join(r for r in readings if len(r) == 1)
    longer = sorted((r for r in readings if len(r) > 1), key=len, reverse=True)
    options = longer + ([f"[{singles}]" if len(singles) > 1 else singles] if singles else [])
    return f"(?:{'|'.join(options)}){'?' if optional else ''}"


def ocr_pattern(phrase: str, marks_may_vanish: bool = False, glued_after_debris: bool = False) -> str:
    """A regex over the folded view that matches `phrase` as written or as OCR damages it.

    Built letter by letter from the phrase itself: a letter that carries a
    mark ("ứ", "ố", "đ") may be read as any of its known OCR readings, a plain
    letter only as itself or its look-alikes; words are separated by any
    whitespace. With `marks_may_vanish`, a marked vowel may also be missing
    ("số" read as "s"). The pattern does not match inside a longer word, but a
    number may be glued to it ("31tháng 10"), and with `glued_after_debris` also
    the debris that handwriting over the word before leaves ("ngày Jÿtháng 10").
    """
    parts = []
    for word in phrase.split():
        letters = []
        for char in word:
            base = fold(char)
            marked = base != char.lower()
            if marked and base in _MARKED_READINGS:
                letters.append(_alternatives(_MARKED_READINGS[base], marks_may_vanish and base != "d"))
            elif base in _PLAIN_READINGS:
                letters.append(_alternatives(_PLAIN_READINGS[base], False))
            else:
                letters.append(re.escape(base))
        parts.append("".join(letters))
    after = r"(?!\d)" if phrase[-1:].isdigit() else r"(?![^\W\d_])"
    before = "" if glued_after_debris else r"(?<![^\W\d_])"
    return before + r"\s+".join(parts) + after


def ocr_any(*phrases: str) -> str:
    """One group that matches any of the phrases as `ocr_pattern` relaxes them, the longest
    first (of "tăng" and "tăng thêm" the longer is read where both match)."""
    return "(?:" + "|".join(ocr_pattern(p) for p in sorted(phrases, key=len, reverse=True)) + ")"
