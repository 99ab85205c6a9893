"""The document's words and the tool's: which words restoration or OCR correction changed.

The text before restoration (the acquired text, in Unicode) is kept beside the
final text. Restoration replaces words inside their lines and never touches the
spaces between them, so comparing the two texts word by word, only on the lines
that differ, finds every change exactly and cheaply. Each change is one
`Change`; between changes the two texts are equal, so any offset of the final
text maps to the source text by the last change before it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

RESTORED, CORRECTED = "restored", "corrected"  # marks only; letters too (OCR correction)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Change:
    start: int  # in the final text
    end: int
    source_start: int  # in the source text
    source_end: int
    kind: str  # RESTORED or CORRECTED


def _unmarked(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _trimmed(source: str, final: str) -> tuple[int, int]:
    """Punctuation both words share at their edges ("(ciia," and "(của,"):
    (prefix length, suffix length) to leave out."""
    prefix = 0
    while prefix < min(len(source), len(final)) and source[prefix] == final[prefix] and not source[prefix].isalnum():
        prefix += 1
    suffix = 0
    while (suffix < min(len(source), len(final)) - prefix and source[-1 - suffix] == final[-1 - suffix]
           and not source[-1 - suffix].isalnum()):
        suffix += 1
    return prefix, suffix


def _word_changes(source: str, final: str, source_offset: int, final_offset: int) -> list[Change]:
    """The changed words of one stretch of text (a line, or the whole text when lines were joined)."""
    source_words = [(m.start(), m.end()) for m in _WORD.finditer(source)]
    final_words = [(m.start(), m.end()) for m in _WORD.finditer(final)]
    matcher = SequenceMatcher(None, [source[s:e] for s, e in source_words],
                              [final[s:e] for s, e in final_words], autojunk=False)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            pairs = [((source_words[i],), (final_words[j],)) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:  # words added or dropped: one change over the whole stretch
            pairs = [(source_words[i1:i2], final_words[j1:j2])]
        for source_span, final_span in pairs:
            # An empty side is the point where the words were added or dropped.
            s_start = source_span[0][0] if source_span else (source_words[i1 - 1][1] if i1 else 0)
            s_end = source_span[-1][1] if source_span else s_start
            f_start = final_span[0][0] if final_span else (final_words[j1 - 1][1] if j1 else 0)
            f_end = final_span[-1][1] if final_span else f_start
            before, after = source[s_start:s_end], final[f_start:f_end]
            prefix, suffix = _trimmed(before, after) if before and after else (0, 0)
            kind = RESTORED if before and _unmarked(before) == _unmarked(after) else CORRECTED
            changes.append(Change(final_offset + f_start + prefix, final_offset + f_end - suffix,
                                  source_offset + s_start + prefix, source_offset + s_end - suffix, kind))
    return changes


def word_changes(source: str, final: str) -> list[Change]:
    """Every word of `final` that differs from `source`, in order."""
    if not source or source == final:
        return []
    source_lines, final_lines = source.split("\n"), final.split("\n")
    if len(source_lines) != len(final_lines):
        return _word_changes(source, final, 0, 0)
    changes: list[Change] = []
    source_offset = final_offset = 0
    for before, after in zip(source_lines, final_lines):
        if before != after:
            changes += _word_changes(before, after, source_offset, final_offset)
        source_offset += len(before) + 1
        final_offset += len(after) + 1
    return changes


def _mapped(offset: int, changes: list[Change], starts: list[int]) -> int:
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return offset
    change = changes[index]
    if offset < change.end:  # inside a changed word: the same character of the source word where there is one
        return change.source_start + min(offset - change.start, max(0, change.source_end - change.source_start - 1))
    return offset - change.end + change.source_end


def to_source(offset: int, changes: list[Change]) -> int:
    """The offset in the source text of an offset in the final text."""
    return _mapped(offset, changes, [c.start for c in changes])


def to_final(offsets: list[int], changes: list[Change]) -> list[int]:
    """The offsets in the final text of offsets in the source text."""
    flipped = [Change(c.source_start, c.source_end, c.start, c.end, c.kind) for c in changes]
    starts = [c.start for c in flipped]
    return [_mapped(offset, flipped, starts) for offset in offsets]


def touches(start: int, end: int, changes: list[Change]) -> bool:
    """Whether the final-text span [start, end) holds a changed word."""
    index = bisect_right([c.start for c in changes], end - 1) - 1
    return index >= 0 and changes[index].end > start if end > start else False
