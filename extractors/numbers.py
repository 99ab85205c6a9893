"""Document numbers (số ký hiệu): "61/2018/NĐ-CP", "1042/QĐ-UBND", "05-NQ/TU", "66.7/2025/NQ-CP".

The one place that knows how a number is written and damaged: codes joined by
"-" or "/" (OCR may read "-" as "."), a lost hyphen ("QĐUBND" -> "QĐ-UBND"),
OCR-damaged codes ("QD", "0D"), Cyrillic look-alike letters in a PDF's text
layer ("BТС" with Cyrillic Т, С), and a number part filled in by hand that
OCR reads as debris ("Số: Ø34p /UBND-SGDĐT": the printed symbol is kept, the
number is unknown). Header and citations both read numbers through it.
"""

from __future__ import annotations

import re

from vietnamese.abbreviations import ISSUER_BY_CODE, TYPE_BY_CODE

from .lexicon import repair_code

# One code of a symbol ("QĐ", "UBND", "TTg"); "T T" is OCR spacing inside "TT".
SYMBOL_CODE = r"(?:[A-ZĐ] (?=[A-ZĐ]+[-/]))?[A-ZĐ0-9][A-ZĐa-zđ0-9&]*"
# Codes are joined by "-" or "/" (OCR may read "-" as "." or "'", or a speck beside it as a dot: "CT-.CS"),
# a line may break after one.
SYMBOL = rf"[/-][ \t]?\.?{SYMBOL_CODE}(?:[ \t]?[-/]\.?\s*{SYMBOL_CODE}|[.'’](?=[A-ZĐ]{{2}}){SYMBOL_CODE})*"
NUMBER = re.compile(
    rf"(?<![\w/])(?P<num>\d{{1,5}}(?:\.\d{{1,3}})?[a-z]?)(?:[ \t]?/[ \t]?(?P<year>(?:19|20)\d{{2}}))?[ \t]?(?P<sym>{SYMBOL})"
)
# The number of a header after "Số:": digits, or a hand-written part that OCR
# reads as a few other characters, or nothing (a blank left to be filled in).
_HEADER_NUMBER = re.compile(
    rf"(?:(?P<num>\d{{1,5}}(?:\.\d{{1,3}})?)(?:[ \t]?/[ \t]?(?P<year>(?:19|20)\d{{2}}))?|(?P<unread>[^\s/]\S{{0,5}}?))?"
    rf"[ \t]*(?P<sym>{SYMBOL})"
)

# Cyrillic and Greek capitals that look like Latin ones, as some PDF text layers carry them.
LOOKALIKES = str.maketrans({
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
})


def normalise_number(num: str | None, year: str | None, symbol: str) -> tuple[str | None, str]:
    """("61", "2018", "/ND-CP") -> ("61/2018/NĐ-CP", "NĐ-CP"), repairing OCR-damaged codes."""
    cleaned = re.sub(r"\s+", "", symbol).translate(LOOKALIKES)
    cleaned = re.sub(r"(?<=[-/])\.|\.(?=[-/])", "", cleaned)
    cleaned = re.sub(r"[.'’]", "-", cleaned)
    parts = re.split(r"([-/])", cleaned)
    repaired = "".join(p if p in "-/" else repair_code(p) for p in parts)
    bare = repaired.lstrip("-/")
    if not num:
        return None, bare
    return num + (f"/{year}" if year else "") + repaired, bare


def read_header_number(text: str, pos: int) -> tuple[str | None, str, int] | None:
    """The number written after "Số:" at `pos`: (number or None when unreadable, symbol, end)."""
    m = _HEADER_NUMBER.match(text[pos:pos + 80].translate(LOOKALIKES))
    if not m:
        return None
    number, symbol = normalise_number(m.group("num"), m.group("year"), m.group("sym"))
    return number, symbol, pos + m.end()


def symbol_issuer(symbol: str) -> str | None:
    """The body a symbol names: the last code after a type code ("TT-BYT", "NĐ-CP"),
    else the first code (a letter's "BTTTT-CĐSQG")."""
    codes = [re.sub(r"(?<=QH)\d+$", "", c) for c in re.split(r"[-/]", symbol) if c]
    if not codes:
        return None
    issuer_code = codes[-1] if codes[0] in TYPE_BY_CODE else codes[0]
    return ISSUER_BY_CODE.get(issuer_code)


def symbol_type(symbol: str) -> str | None:
    """The document type a symbol names by its first code ("QĐ-UBND" -> Quyết định,
    "VBHN-BYT" -> Văn bản hợp nhất); a letter's symbol starts with its issuer ("UBND-VP")."""
    first = re.split(r"[-/]", symbol)[0]
    if re.fullmatch(r"QH\d*", first):
        return "Luật"
    return TYPE_BY_CODE.get(first)
