"""Text in the legacy Vietnamese encodings, turned into NFC Unicode.

Before Unicode, Vietnamese documents were typed in TCVN3 (ABC: .VnTime fonts)
or VNI (VNI-Times fonts); PDFs made from them still carry those codes, which a
reader shows as "QuyÕt ®Þnh" or "Quyeát ñònh". Files saved in
Windows-1258 show similar debris when read as Latin-1. `READINGS` holds each
way of reading such text back; which one is right is for the reader to judge
(`diacritics` keeps the one that yields the most valid syllables).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

# Combining tone marks in the order the tables below use: none, sắc, huyền, hỏi, ngã, nặng.
_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]


def _compose(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


@cache
def _tcvn3_table() -> dict[str, str]:
    """TCVN3 (ABC) character -> Unicode. Its fonts hold lowercase letters; the
    capitals with their own codes are Ă Â Đ Ê Ô Ơ Ư."""
    # Per vowel: the TCVN3 characters for huyền, sắc, hỏi, ngã, nặng (the standard's order).
    tones_in_table_order = [2, 1, 3, 4, 5]
    rows = {
        "a": "µ¸¶·¹", "ă": "»¾¼½Æ", "â": "ÇÊÈÉË", "e": "ÌÐÎÏÑ", "ê": "ÒÕÓÔÖ", "i": "×ÝØÜÞ",
        "o": "ßãáâä", "ô": "åèæçé", "ơ": "êíëìî", "u": "ïóñòô", "ư": "õøö÷ù", "y": "úýûüþ",
    }
    table = {"¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\u00ad": "ư", "®": "đ",
             "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư"}
    for vowel, codes in rows.items():
        for code, tone in zip(codes, tones_in_table_order):
            table[code] = _compose(vowel, tone)
    return table


@cache
def _vni_table() -> dict[str, str]:
    """VNI sequence -> Unicode: a vowel followed by a mark character, and a few single characters."""
    table: dict[str, str] = {}
    for upper in (False, True):
        def case(s: str) -> str:
            return s.upper() if upper else s

        tone = [case(c) for c in ("", "ù", "ø", "û", "õ", "ï")]
        circumflex = [case(c) for c in ("â", "á", "à", "å", "ã", "ä")]
        breve = [case(c) for c in ("ê", "é", "è", "ú", "ü", "ë")]
        families = [
            ("a", "a", tone), ("â", "a", circumflex), ("ă", "a", breve), ("e", "e", tone), ("ê", "e", circumflex),
            ("o", "o", tone), ("ô", "o", circumflex), ("ơ", "ô", tone), ("u", "u", tone), ("ư", "ö", tone),
            ("y", "y", tone),
        ]
        for vowel, written, marks in families:
            for t, mark in enumerate(marks):
                if vowel == "y" and t == 5:
                    table[case("î")] = case(_compose("y", 5))
                elif mark or written != vowel:
                    table[case(written) + mark] = case(_compose(vowel, t))
        for t, code in enumerate(("", "í", "ì", "æ", "ó", "ò")):
            if code:
                table[case(code)] = case(_compose("i", t))
        table[case("ñ")] = case("đ")
    return table


def _replace_all(table: dict[str, str]) -> Callable[[str], str]:
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return lambda text: pattern.sub(lambda m: table[m.group()], text)


_ASCII_LOWER = re.compile(r"[a-z]")
_ASCII_UPPER = re.compile(r"[A-Z]")
_WORD = re.compile(r"\w+")


def _capitals(line: str) -> str:
    """TCVN3 writes capitals with a capitals font over the lowercase codes: "QUYÕT §ÞNH"
    reads "QUYếT ĐịNH". In a line without lowercase Latin letters and with several
    capitals (a title, a signer's name in capitals), every word is in capitals; a word
    with two capital Latin letters and no lowercase one is too, wherever it stands."""
    all_capitals = not _ASCII_LOWER.search(line) and len(_ASCII_UPPER.findall(line)) >= 3
    return _WORD.sub(lambda m: m.group().upper() if all_capitals or (
        not _ASCII_LOWER.search(m.group()) and len(_ASCII_UPPER.findall(m.group())) >= 2) else m.group(), line)


def from_tcvn3(text: str) -> str:
    table = str.maketrans(_tcvn3_table())
    return "\n".join(_capitals(line.translate(table)) for line in text.split("\n"))


def from_vni(text: str) -> str:
    return unicodedata.normalize("NFC", _replace_all(_vni_table())(text))


def from_cp1258_read_as_latin1(text: str) -> str:
    try:
        return unicodedata.normalize("NFC", text.encode("latin-1").decode("cp1258"))
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


READINGS: dict[str, Callable[[str], str]] = {
    "tcvn3": from_tcvn3, "vni": from_vni, "cp1258": from_cp1258_read_as_latin1,
}
