"""Reading order of a page's lines: side-by-side columns (the header's issuer and
motto, number and date line; the foot's 'Nơi nhận' and signature block) come out
as separate blocks, left then right, for the text layer and OCR alike.

A printed line that runs across both columns (pdfplumber's and Tesseract's lines
often do: "ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is split at its
wide gap. Consecutive lines split at the same gutter form a run; each group of
the run's lines (separated by vertical space) is written left side, then right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None  # OCR's, 0..1


@dataclass
class Line:
    words: list[Word]
    paragraph_start: bool = False  # a blank line before it (OCR's paragraphs)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return median(w.bottom - w.top for w in self.words)

    def letters(self) -> int:
        return sum(c.isalpha() for w in self.words for c in w.text)


# A gap between two words wider than this many line heights separates columns
# (word gaps are 0.2-0.6 heights, in justified lines up to about 1).
COLUMN_GAP = 1.5
# Within a run's gutter a narrower gap will do (the header's "THỦ TƯỚNG CHÍNH PHỦ
# CỘNG HÒA …" is one line height apart), still wider than a justified line's spaces.
GUTTER_GAP = 0.7
# A vertical space between lines of more than this many line heights starts a new group.
GROUP_GAP = 0.8
MIN_SIDE_LETTERS = 3  # both sides hold words (a number alone is a table's cell)


_RULE = re.compile(r"[-_–—=.…~*]{3,}")


def is_rule(text: str) -> bool:
    """A run of dashes or underscores: the rule printed under a header's lines, not text."""
    return bool(_RULE.fullmatch(text))


def lines_of(words: list[Word]) -> list[Line]:
    """Words of a text layer grouped into lines (rules left out): a word joins the
    line whose vertical extent holds its middle; lines top to bottom, words left to right."""
    lines: list[list[Word]] = []
    for word in sorted((w for w in words if not is_rule(w.text)), key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            if min(w.top for w in line) <= middle <= max(w.bottom for w in line):
                line.append(word)
                break
        else:
            lines.append([word])
    return [Line(sorted(line, key=lambda w: w.x0)) for line in lines]


def _segments(line: Line) -> list[Line]:
    """The line cut at its column gaps."""
    limit = COLUMN_GAP * line.height
    segments = [[line.words[0]]]
    for before, word in zip(line.words, line.words[1:]):
        if word.x0 - before.x1 > limit:
            segments.append([])
        segments[-1].append(word)
    return [Line(words) for words in segments]


def _sides(line: Line, gutter: tuple[float, float] | None) -> tuple[Line, Line] | None:
    """(left, right) of a line cut at a gap between its words: with no gutter yet, its
    single column gap; within a run's gutter (lo, hi: where the left column ends and
    the right one starts), any gap across it. None when the line does not cut so."""
    if gutter is None:
        segments = _segments(line)
        if len(segments) != 2:
            return None
        left, right = segments[0].words, segments[1].words
    else:
        least = GUTTER_GAP * line.height
        cuts = [i for i in range(1, len(line.words)) if line.words[i - 1].x1 <= gutter[1]
                and line.words[i].x0 >= gutter[0] and line.words[i].x0 - line.words[i - 1].x1 >= least]
        if len(cuts) != 1:
            return None
        left, right = line.words[:cuts[0]], line.words[cuts[0]:]
    sides = Line(left, line.paragraph_start), Line(right)
    return sides if min(side.letters() for side in sides) >= MIN_SIDE_LETTERS else None


def _one_side(line: Line, gutter: tuple[float, float]) -> str | None:
    if line.x1 <= gutter[1] and line.x0 < gutter[0]:
        return "left"
    if line.x0 >= gutter[0] and line.x1 > gutter[1]:
        return "right"
    return None


def _part(line: Line, gutter: tuple[float, float]) -> tuple[Line | None, Line | None] | None:
    """A line's (left, right) within the run of `gutter`, None when it crosses the gutter."""
    if (sides := _sides(line, gutter)) is not None:
        return sides
    side = _one_side(line, gutter)
    return None if side is None else (line, None) if side == "left" else (None, line)


def _run(lines: list[Line], start: int, floor: int) -> tuple[int, int, list[tuple[Line | None, Line | None]]] | None:
    """The two-column run around lines[start], which opens it with a column gap: where
    it begins (not before `floor`: lines above that are taken), where it ends, and
    each line's (left, right). Lines above join when they fit its gutter."""
    first = _sides(lines[start], None)
    if first is None:
        return None
    gutter = (first[0].x1, first[1].x0)
    parts: list[tuple[Line | None, Line | None]] = [first]
    for line in lines[start + 1:]:
        part = _part(line, gutter)
        if part is None:
            break
        parts.append(part)
        if all(part):
            gutter = (max(gutter[0], part[0].x1), min(gutter[1], part[1].x0))
    while parts and not all(parts[-1]):
        parts.pop()
    begin = start
    while begin > floor and (part := _part(lines[begin - 1], gutter)) is not None:
        parts.insert(0, part)
        begin -= 1
    while not all(parts[0]) and begin < start:  # a run opens and closes with a line of two sides
        parts.pop(0)
        begin += 1
    return (begin, begin + len(parts), parts) if sum(all(p) for p in parts) >= 2 else None


def _in_blocks(parts: list[tuple[Line | None, Line | None]]) -> list[Line]:
    """A run's lines, group by group (vertical space between them), left side then right."""
    height = median(line.height for pair in parts for line in pair if line)
    groups: list[list[tuple]] = [[parts[0]]]
    for pair in parts[1:]:
        above = max(line.bottom for before in groups[-1] for line in before if line)  # both columns
        if min(line.top for line in pair if line) - above > GROUP_GAP * height:
            groups.append([])
        groups[-1].append(pair)
    return [line for group in groups for side in (0, 1) for pair in group if (line := pair[side])]


def arrange(lines: list[Line]) -> list[Line]:
    """The lines in reading order: two-column runs written as blocks, the rest as they are."""
    arranged: list[Line] = []
    index = floor = 0  # lines before `floor` belong to a run already written
    while index < len(lines):
        run = _run(lines, index, floor)
        if run is None:
            arranged.append(lines[index])
            index += 1
            continue
        begin, end, parts = run
        del arranged[len(arranged) - (index - begin):]  # lines above that joined the run
        arranged.extend(_in_blocks(parts))
        index = floor = end
    return arranged


def join(lines: list[Line], doubtful_below: float | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The text of the lines (a blank line before a paragraph start) and the spans of
    the words whose confidence is below `doubtful_below`."""
    parts: list[str] = []
    doubtful: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        if parts:
            separator = "\n\n" if line.paragraph_start else "\n"
            parts.append(separator)
            offset += len(separator)
        for number, word in enumerate(line.words):
            if number:
                parts.append(" ")
                offset += 1
            parts.append(word.text)
            if doubtful_below is not None and word.confidence is not None and word.confidence < doubtful_below:
                doubtful.append((offset, offset + len(word.text)))
            offset += len(word.text)
    return "".join(parts), doubtful

