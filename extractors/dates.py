"""Dates as Vietnamese documents write them, read from the folded text.

"ngày 23/4/2018", "ngày 06 tháng 12 năm 2021", "31tháng 10 năm 2017", and the
blank days and months of drafts ("ngày     tháng 5 năm 2022" -> "2022-05").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .folding import ocr_pattern

_NUMERIC = r"(?<!\d)(?P<nd>\d{1,2})\s?[/.-]\s?(?P<nm>\d{1,2})\s?[/.-]\s?(?P<ny>(?:19|20)\d{2})(?!\d)"
_WORDED = (
    rf"(?P<wd>\d{{1,2}})?\s*{ocr_pattern('tháng')}\s*(?P<wm>\d{{1,2}})?\s*"
    rf"{ocr_pattern('năm')}\s*(?P<wy>(?:19|20)\d{{2}})(?!\d)"
)
DATE = re.compile(f"(?:{_NUMERIC}|{_WORDED})")
# A day written by hand over a date line leaves debris glued to "tháng" ("ngày Jÿtháng 10 năm
# 2023"); the printed month and year still hold.
_PRINTED_MONTH_YEAR = re.compile(
    rf"{ocr_pattern('tháng', glued_after_debris=True)}\s*(?P<wm>\d{{1,2}})\s*"
    rf"{ocr_pattern('năm')}\s*(?P<wy>(?:19|20)\d{{2}})(?!\d)"
)
# "ngày" before a date, as OCR may damage it ("ngdy", "ngay").
_NGAY = re.compile(rf"\s*,?\s*(?:{ocr_pattern('ban hành')}\s+)?{ocr_pattern('ngày')}\s*:?\s*")


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    y = int(year)
    if not month:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if not day:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, int(day)).isoformat()
    except ValueError:
        return f"{y:04d}-{m:02d}"  # a day no month has ("ngày 42/02/2018": OCR damage): month and year hold


def _to_match(m: re.Match[str]) -> DateMatch | None:
    if m.group("ny"):
        iso = _iso(m.group("ny"), m.group("nm"), m.group("nd"))
    else:
        iso = _iso(m.group("wy"), m.group("wm"), m.group("wd") if m.group("wm") else None)
    return DateMatch(iso, m.start(), m.end()) if iso else None


# Digits that OCR takes for one another in print ("2018" read as "2016").
_LOOKALIKE_DIGITS = {"0": "68", "1": "7", "3": "8", "5": "6", "6": "058", "7": "1", "8": "0369", "9": "8"}


def year_misread(year: int, at_least: int) -> int | None:
    """The year OCR most likely read as `year` when the document shows it cannot be
    earlier than `at_least` (it cites a document of that year): a year that differs from
    `year` by one look-alike digit and is `at_least` or the year after (where the newest
    citation pins it down); None when none is."""
    if year >= at_least:
        return year
    digits = str(year)
    readings = {
        int(digits[:i] + other + digits[i + 1:])
        for i, digit in enumerate(digits) for other in _LOOKALIKE_DIGITS.get(digit, "")
    }
    return min((y for y in readings if at_least <= y <= at_least + 1), default=None)


def parse_date(folded: str) -> str | None:
    """ISO form of the first date in a (folded) string."""
    for m in DATE.finditer(folded):
        found = _to_match(m)
        if found:
            return found.iso
    return None


def find_dates(folded: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every valid date in folded[start:end]."""
    return [
        d for m in DATE.finditer(folded, start, len(folded) if end is None else end)
        if (d := _to_match(m))
    ]


def printed_month_year(folded: str, start: int, end: int) -> DateMatch | None:
    """The printed month and year of a date line whose day was written by hand over it."""
    m = _PRINTED_MONTH_YEAR.search(folded, start, end)
    iso = _iso(m.group("wy"), m.group("wm"), None) if m else None
    return DateMatch(iso, m.start(), m.end()) if iso else None


def date_after(folded: str, pos: int) -> DateMatch | None:
    """The date introduced by "ngày" right at `pos` ("… số 61/2018/NĐ-CP ngày 23/4/2018")."""
    lead = _NGAY.match(folded, pos)
    if not lead:
        return None
    m = DATE.match(folded, lead.end())
    return _to_match(m) if m else None
