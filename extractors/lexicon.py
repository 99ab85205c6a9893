"""The extractors' vocabularies, built on `vietnamese` (document types, bodies,
provinces, symbol codes, surnames): their folded keys, OCR-tolerant patterns and
the repair of OCR-damaged symbol codes. Extractors match text against folded
forms so that damaged text still yields the canonical spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from vietnamese.abbreviations import ISSUER_BY_CODE, SYMBOL_CODES, TYPE_BY_CODE
from vietnamese.bodies import DOC_TYPES, NAMED_BODIES, OFFICIAL_TITLES
from vietnamese.laws import law_names as written_law_names
from vietnamese.names import SURNAMES as _WRITTEN_SURNAMES

from .folding import fold, fold_key, ocr_pattern

# Each type with its OCR-tolerant pattern over the folded text.
DOC_TYPE_PATTERNS: list[tuple[str, str]] = [(name, ocr_pattern(name)) for name in DOC_TYPES]

# The words that open a legal basis ("Căn cứ", read as "Can cir", "Can cit")
# and the first article ("Điều 1", read as "Piéu 1").
CAN_CU = ocr_pattern("Căn cứ")
ARTICLE_ONE = ocr_pattern("Điều 1")

# An OCR-damaged symbol code ("0D", "NO", "QD") is mapped to the known code
# (`SYMBOL_CODES`) that it is confusable with.
_CONFUSABLE = str.maketrans({"Đ": "D", "0": "O", "Q": "O", "1": "I", "l": "I"})


@cache
def _codes_by_shape() -> dict[str, str]:
    shapes: dict[str, list[str]] = {}
    for code in SYMBOL_CODES:
        shapes.setdefault(code.upper().translate(_CONFUSABLE), []).append(code)
    return {shape: codes[0] for shape, codes in shapes.items() if len(codes) == 1}


def _known(code: str) -> str | None:
    if code in SYMBOL_CODES:
        return code
    return _codes_by_shape().get(code.upper().translate(_CONFUSABLE))


def repair_code(code: str) -> str:
    """Map an OCR-damaged symbol code to the known code it stands for; a type
    code run into the next one ("TTBYT", OCR lost the hyphen) is split."""
    known = _known(code)
    if known:
        return known
    for cut in range(len(code) - 1, 0, -1):
        head, tail = _known(code[:cut]), _known(code[cut:])
        if head in TYPE_BY_CODE and tail:
            return f"{head}-{tail}"
    return code


NAMED_BODY_KEYS = {fold_key(b): b for b in NAMED_BODIES}
# Short forms that texts write for bodies. "VPCP" and "TTCP" are the codes of their symbols and mean
# what the symbols mean ("TT-TTCP" is Thanh tra Chính phủ's); the Prime Minister's code is "TTg"
# (QĐ-TTg, CT-TTg: 51 times in the dev sets, "TTCP" never).
NAMED_BODY_KEYS.update({fold_key(code): ISSUER_BY_CODE[code] for code in ("VPCP", "TTCP")})
NAMED_BODY_KEYS.update({
    "bo tt tt": "Bộ Thông tin và Truyền thông",
    "bo tttt": "Bộ Thông tin và Truyền thông",
})


# Officials' titles by their folded key ("pho chu tich" -> "Phó Chủ tịch").
TITLE_KEYS = {fold_key(t): t for t in OFFICIAL_TITLES}


def titles_pattern(titles: Iterable[str]) -> str:
    """A pattern over the folded text for any of `titles` ("PHÓ CHỦ TỊCH", "Phó  Chủ tịch"): the
    longest first, its words apart by any white space, never inside a longer word. The written
    title of a match is `TITLE_KEYS[fold_key(match)]`."""
    keys = sorted((fold_key(t) for t in titles), key=len, reverse=True)
    return r"(?<![a-z])(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")(?![a-z])"


SURNAMES = {fold(s) for s in _WRITTEN_SURNAMES}


@cache
def law_names() -> dict[str, str]:
    """Names of Vietnamese laws by their folded key."""
    return {fold_key(n): n for n in written_law_names()}
